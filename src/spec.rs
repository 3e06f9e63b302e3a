//! The vocabulary in which operations are described. Each operation in [`crate::catalog`] is one
//! [`OperationSpec`] value; validation, pre-checks, waiting, request building and RAM checks are
//! generic engines that read it.

use serde::{Deserialize, Serialize};

use crate::lang::Text;
use crate::record::Record;

/// Who runs the API; decides error style (`InvalidParameter.X` vs `INVALID_PARAMETER`) and wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Alibaba,
    Zenlayer,
}

#[derive(Debug)]
pub struct OperationSpec {
    /// `<ram-code>:<Action>`, e.g. `ecs:RebootInstance`.
    pub id: &'static str,
    pub provider: Provider,
    /// Product code as the SDKs name it (`Ecs`, `ComputeNest`, `ComputeNestSupplier`, `zec`).
    pub product: &'static str,
    pub api_version: &'static str,
    pub action: &'static str,
    /// One sentence saying what the operation does.
    pub summary: Text,
    pub wire: WireSpec,
    /// Parameters in the order the official SDKs serialize them.
    pub params: &'static [ParamSpec],
    pub rules: &'static [CrossRule],
    pub target: TargetSpec,
    pub resource: ResourceSpec,
    /// Pre-check rules, in the order the provider applies them: the first failing guard decides.
    pub guards: &'static [Guard],
    pub transition: Transition,
    pub wait: WaitSpec,
    /// `None` where the provider has no RAM (Zenlayer).
    pub ram: Option<RamSpec>,
    pub dry_run: Option<DryRunSpec>,
    /// Every error code this operation can produce, client-side or from the provider.
    pub errors: &'static [ErrorSpec],
    /// What happens around the call: waiting with memory, idempotency, retry classes.
    pub lifecycle: LifecycleSpec,
}

/// How requests travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WireSpec {
    /// Alibaba RPC style: `Action`/`Version` plus flat parameters.
    AlibabaRpc {
        /// Host template; `{region}` is replaced by the region id.
        endpoint: &'static str,
        /// Regions whose host is not the template's, as the official SDKs' endpoint maps say;
        /// these win over the template.
        endpoint_map: &'static [(&'static str, &'static str)],
        /// Regions that have their own host; other regions use `fallback_endpoint`.
        regional_endpoints: &'static [&'static str],
        fallback_endpoint: Option<&'static str>,
    },
    /// Zenlayer: `POST <path>` with a JSON body and the action in `X-ZC-Action`.
    ZenlayerJson { host: &'static str, path: &'static str },
}

#[derive(Debug)]
pub struct ParamSpec {
    pub name: &'static str,
    pub kind: ParamKind,
    pub required: bool,
}

#[derive(Debug)]
pub enum ParamKind {
    Bool {
        default: Option<bool>,
    },
    /// Integers with inclusive bounds; `Period` bounds can be narrowed by the caller.
    Int {
        min: i64,
        max: i64,
    },
    Enum {
        values: &'static [&'static str],
        default: Option<&'static str>,
    },
    Str {
        format: Format,
    },
    List {
        item: &'static ParamKind,
        min: usize,
        max: usize,
        unique: Uniqueness,
    },
    Object {
        fields: &'static [ParamSpec],
    },
}

/// Which repeats a list refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uniqueness {
    Any,
    /// Items must differ as a whole.
    Items,
    /// Objects must differ in this field (e.g. one period per `ResourceArn`).
    Field(&'static str),
}

/// String formats, each checked by [`crate::formats`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
pub enum Format {
    EcsInstanceId,
    ServiceInstanceId,
    ZecInstanceId,
    Arn,
    ClientToken,
    RegionId,
}

/// Rules that span several parameters.
#[derive(Debug)]
pub enum CrossRule {
    /// Exactly one of the groups may be used; within the chosen group `anchor` must be present.
    /// (Renew: `Period`+`PeriodUnit` for all resources, or `ResourcePeriod` for listed ones.)
    OneMethod { groups: &'static [MethodGroup] },
}

#[derive(Debug)]
pub struct MethodGroup {
    pub anchor: &'static str,
    pub members: &'static [&'static str],
}

/// Which parameter names the resources an operation acts on.
#[derive(Debug, Clone, Copy)]
pub enum TargetSpec {
    /// A single id parameter (ECS `InstanceId`, Compute Nest `ServiceInstanceId`).
    Single { param: &'static str },
    /// A list of ids acted on independently; failures are reported per id.
    Batch { param: &'static str, max: usize },
}

/// How to read one resource as the provider's Describe/Get API returns it.
#[derive(Debug)]
pub struct ResourceSpec {
    /// What the provider calls the resource (`instance`, `service instance`).
    pub noun: Text,
    /// The Describe API whose items [`crate::precheck`] accepts.
    pub describe_api: &'static str,
    /// Where the item list sits when a whole Describe response is passed in.
    pub list_paths: &'static [&'static [&'static str]],
    pub id_field: &'static str,
    pub status_field: &'static str,
    /// Fields that hold the same status in another Describe API's items, read when
    /// `status_field` is absent (ZEC DescribeInstances calls it `status`,
    /// DescribeInstancesStatus `instanceStatus`).
    pub status_aliases: &'static [&'static str],
    /// Every status the provider documents; anything else is "unknown" and denied.
    pub statuses: &'static [&'static str],
    pub not_found: &'static str,
}

/// One pre-check rule; `code` names an entry of the operation's error table.
#[derive(Debug)]
pub enum Guard {
    /// Deny when the status is one of these (e.g. ZEC recycle bin states); `meaning` says
    /// what those statuses tell the user.
    StatusNotIn {
        statuses: &'static [&'static str],
        meaning: Text,
        code: &'static str,
    },
    /// Allow only these statuses.
    StatusIn {
        statuses: &'static [&'static str],
        code: &'static str,
    },
    /// Deny when the resource carries an operation lock (ECS `OperationLocks.LockReason[]`).
    Locks {
        container: &'static str,
        list: &'static str,
        reason_field: &'static str,
        by_reason: &'static [(&'static str, &'static str)],
        unknown: &'static str,
    },
    /// Deny a prepaid resource whose expiry time has passed (needs a clock from the caller).
    NotExpired {
        charge_field: &'static str,
        prepaid: &'static str,
        expires_field: &'static str,
        code: &'static str,
    },
    /// Deny unless the service declares this O&M operation (Compute Nest `OperationMetadata`).
    SupportsOperation {
        operation: &'static str,
        code: &'static str,
    },
}

/// What the status does once the call is accepted.
#[derive(Debug, Clone, Copy)]
pub enum Transition {
    /// The status moves through `immediate` and settles at `settled`.
    Through {
        immediate: &'static str,
        settled: &'static str,
    },
    /// The call is asynchronous and the status ends at `settled`; the intermediate status is
    /// not documented.
    Settles { settled: &'static str },
    /// The status does not change (the call's effect is elsewhere, e.g. billing).
    Unchanged,
}

/// How to wait for the operation to finish by polling the Describe API.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct WaitSpec {
    /// Empty for synchronous operations: nothing to wait for.
    pub target: &'static [&'static str],
    pub pending: &'static [&'static str],
    pub failure: &'static [&'static str],
    /// The status can still read as before right after the call; wait before the first poll.
    pub initial_delay_seconds: u32,
    pub interval_seconds: u32,
    pub timeout_seconds: u32,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct RamSpec {
    pub action: &'static str,
    /// `{region}`, `{account}` and `{id}` are replaced per target.
    pub resource: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct DryRunSpec {
    pub param: &'static str,
    pub code: &'static str,
}

#[derive(Debug)]
pub struct ErrorSpec {
    pub code: &'static str,
    pub http_status: u16,
    pub retryable: bool,
    /// The provider's message for the code (ours where it publishes none).
    pub message: Text,
    /// Where the code comes from: the provider's documentation, or our choice in its style.
    pub origin: ErrorOrigin,
}

/// Where an error code comes from: the provider's documentation, or our choice in its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum ErrorOrigin {
    Documented,
    ProviderStyle,
}

impl TargetSpec {
    /// The parameter holding the target id(s).
    pub fn param(self) -> &'static str {
        match self {
            TargetSpec::Single { param } | TargetSpec::Batch { param, .. } => param,
        }
    }
}

impl OperationSpec {
    pub fn param(&self, name: &str) -> Option<&'static ParamSpec> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// Everything around one call, read by [`crate::lifecycle`]: how to wait for it with memory,
/// whether it carries an idempotency token, and how each of its error codes is retried.
#[derive(Debug)]
pub struct LifecycleSpec {
    pub waiter: WaiterSpec,
    /// The parameter carrying an idempotency token (`ClientToken`), if the operation has one.
    pub client_token: Option<&'static str>,
    /// The retry class of every code in [`OperationSpec::errors`]; provider-wide codes are
    /// classified in [`crate::catalog::provider_lifecycle`].
    pub error_classes: &'static [ErrorClassSpec],
}

/// How [`crate::lifecycle::Waiter`] decides an operation has finished, beyond
/// [`OperationSpec::wait`]'s statuses and timing.
#[derive(Debug)]
pub struct WaiterSpec {
    /// What counts as having seen the operation act. A target status is trusted only after one
    /// of these; with none (synchronous operations) there is nothing to wait for.
    pub evidence: &'static [Evidence],
    /// Each poll interval is the previous one times `backoff_percent / 100`, capped here.
    pub backoff_percent: u32,
    pub max_interval_seconds: u32,
    /// The next poll may come this many percent earlier or later than the interval.
    pub jitter_percent: u32,
    /// The rule above in words, and the provider page that justifies it.
    pub rule: Text,
    pub source: &'static str,
}

/// One way to tell that the operation has acted on a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The status was seen outside the target statuses after the call (ECS `Starting`).
    StatusLeftTarget,
    /// This Describe field differs from its value in the item read before the call.
    FieldChanged(&'static str),
    /// This many seconds after the send, a target status is trusted even without the above:
    /// the operation cannot still be about to start.
    SettleTime(u32),
}

/// What retrying a failed call can achieve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum RetryClass {
    /// Rate limited: the same request later succeeds.
    Throttle,
    /// A server-side or network fault: the same request later may succeed.
    Transient,
    /// The resource is busy or in the wrong state: wait, re-check with Describe, then decide.
    StateConflict,
    /// The request itself is wrong or not allowed: retrying cannot help.
    Permanent,
    /// Credentials, signature or permissions: fix those first.
    Auth,
}

/// What to do with an idempotency token after a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum TokenAdvice {
    /// Resend with the same token: the provider deduplicates it.
    Keep,
    /// The token is spent (its request failed for good); a retry needs a new one.
    New,
    /// The token is not the issue.
    Any,
}

/// The class of one error code.
#[derive(Debug)]
pub struct ErrorClassSpec {
    pub code: &'static str,
    pub class: RetryClass,
    pub token: TokenAdvice,
    /// The request may have been carried out although this error came back (a timeout, an
    /// unreadable answer): resending without a token may repeat the operation.
    pub may_have_applied: bool,
}

/// A rule for codes no table lists, tried in order; the first that matches decides.
#[derive(Debug)]
pub struct ClassRule {
    pub matcher: CodeMatcher,
    pub class: RetryClass,
    pub may_have_applied: bool,
}

#[derive(Debug, Clone, Copy)]
pub enum CodeMatcher {
    /// The code contains this text (`Throttling` in `Throttling.User`).
    Contains(&'static str),
    /// The code starts with this text (`Forbidden` in `Forbidden.RAM`).
    Prefix(&'static str),
    /// The HTTP status lies in this inclusive range.
    Status(u16, u16),
    /// Anything.
    Any,
}

/// What every operation of one provider shares around a call.
#[derive(Debug)]
pub struct ProviderLifecycle {
    /// The class of each provider-wide code (see [`crate::catalog::provider_errors`]).
    pub error_classes: &'static [ErrorClassSpec],
    /// For codes neither table lists.
    pub fallback: &'static [ClassRule],
    /// Headers that say how long to wait, in the order they are read.
    pub retry_after_headers: &'static [RetryAfterHeader],
    /// What to wait when no header says, per class (milliseconds).
    pub recommended_delay_ms: &'static [(RetryClass, u64)],
    /// The waiter's own failure codes, in the provider's style.
    pub waiter_timeout: &'static ErrorSpec,
    pub waiter_failure: &'static ErrorSpec,
    /// Where the classification comes from.
    pub source: &'static str,
}

#[derive(Debug)]
pub struct RetryAfterHeader {
    /// Compared case-insensitively, as HTTP does.
    pub name: &'static str,
    pub unit: RetryAfterUnit,
    /// The provider sends this header only when it throttles, whatever the error code says.
    pub means_throttled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfterUnit {
    /// A positive integer of milliseconds (Alibaba `x-acs-retry-after`).
    Milliseconds,
    /// RFC 9110 `Retry-After`: delay-seconds or an HTTP-date.
    SecondsOrHttpDate,
}

//! The vocabulary in which operations are described. Each operation in [`crate::catalog`] is one
//! [`OperationSpec`] value; validation, pre-checks, waiting, request building and RAM checks are
//! generic engines that read it.

use serde::Serialize;

/// Who runs the API; decides error style (`InvalidParameter.X` vs `INVALID_PARAMETER`) and wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    pub summary_en: &'static str,
    pub summary_zh: &'static str,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    pub noun_en: &'static str,
    pub noun_zh: &'static str,
    /// The Describe API whose items [`crate::precheck`] accepts.
    pub describe_api: &'static str,
    /// Where the item list sits when a whole Describe response is passed in.
    pub list_paths: &'static [&'static [&'static str]],
    pub id_field: &'static str,
    pub status_field: &'static str,
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
        meaning_en: &'static str,
        meaning_zh: &'static str,
        code: &'static str,
    },
    /// Allow only these statuses.
    StatusIn { statuses: &'static [&'static str], code: &'static str },
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
    SupportsOperation { operation: &'static str, code: &'static str },
}

/// What the status does once the call is accepted.
#[derive(Debug, Clone, Copy)]
pub enum Transition {
    /// The status moves through `immediate` and settles at `settled`.
    Through { immediate: &'static str, settled: &'static str },
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
    pub en: &'static str,
    pub zh: &'static str,
    /// Where the code comes from: the provider's documentation, or our choice in its style.
    pub origin: ErrorOrigin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

//! The host contract of every public call: what each argument must be, which options it takes,
//! and how both are read, once for Python and JavaScript alike (cedar-policy keeps the same
//! layer in `cedar-policy/src/ffi/`). A binding turns its arguments into [`HostValue`]s, calls
//! one function here and converts the result or the [`Failed`] error back.

use serde_json::Value;

use crate::catalog::describe::OperationDescription;
use crate::catalog::operation as find_operation;
use crate::codes::ClientCode;
use crate::error::Error;
use crate::grouped::{GroupedVerdict, GroupingPlan};
use crate::host::errors::{Arg, HostError};
use crate::host::options::{Failed, Opt, OptionReader, OptionsIn};
use crate::host::projection::Refusal;
use crate::host::read::Reader;
use crate::host::value::{HostKind, HostValue, Kind};
use crate::lang::Lang;
use crate::params::Validated;
use crate::precheck::{Verdict, WaitState};
use crate::ram::{AccessCheck, Authorization, Policy, RequiredAccess};
use crate::spec::OperationSpec;
use crate::wire::{ApiResponse, BuildOptions, Endpoint, HttpRequest};

const OPERATION: Arg = Arg::new("operation", "operation", ClientCode::InvalidParameter);
const PARAMS: Arg = Arg {
    bare_paths: true,
    ..Arg::new("params", "params", ClientCode::InvalidParameter)
};
const RESOURCES: Arg = Arg::new("resources", "resources", ClientCode::InvalidParameter);
const STATUS: Arg = Arg::new("status", "status", ClientCode::InvalidParameterStatus);
const BODY: Arg = Arg::new("body", "body", ClientCode::InvalidParameterBody);
const HEADERS: Arg = Arg::new("headers", "headers", ClientCode::InvalidParameterHeaders);
const POLICY: Arg = Arg::new("policy", "policy", ClientCode::InvalidParameter);
const POLICIES: Arg = Arg::new("policies", "policies", ClientCode::InvalidParameterPolicies);
const ACTION: Arg = Arg::new("action", "action", ClientCode::InvalidParameter);
const RESOURCE: Arg = Arg::new("resource", "resource", ClientCode::InvalidParameter);

// The options each call takes (the generated TypeScript declares one options interface per set).
pub(crate) const LANG_ONLY: &[Opt] = &[Opt::Lang];
pub(crate) const CORE: &[Opt] = &[Opt::Lang, Opt::Now, Opt::IntBounds];
pub(crate) const BUILD: &[Opt] = &[Opt::Lang, Opt::Now, Opt::IntBounds, Opt::Region, Opt::Endpoint];
pub(crate) const ENDPOINT: &[Opt] = &[Opt::Lang, Opt::Region, Opt::Endpoint];
pub(crate) const REQUIRED_ACCESS: &[Opt] = &[Opt::Lang, Opt::Region, Opt::AccountId];
pub(crate) const AUTHORIZE: &[Opt] = &[Opt::Lang, Opt::Region, Opt::AccountId, Opt::Context];
pub(crate) const EVALUATE: &[Opt] = &[Opt::Lang, Opt::Context];

/// One call in progress: its budget, its options and the language of its errors.
struct Call<'a, H: HostValue> {
    reader: Reader,
    options: OptionReader<'a, H>,
}

impl<'a, H: HostValue> Call<'a, H> {
    fn start(options: OptionsIn<'a, H>, allowed: &'a [Opt]) -> Result<Self, Failed> {
        let mut reader = Reader::default();
        let options = OptionReader::new(&mut reader, options, allowed)?;
        Ok(Call { reader, options })
    }

    fn lang(&self) -> Lang {
        self.options.lang
    }

    fn fail(&self, error: Error) -> Failed {
        self.options.fail(error)
    }

    fn host(&self, arg: &Arg, error: HostError) -> Failed {
        self.fail(error.into_error(arg, H::HOST))
    }

    fn string(&mut self, arg: &Arg, value: &H) -> Result<String, Failed> {
        self.reader.string(value).map_err(|e| self.host(arg, e))
    }

    fn json(&mut self, arg: &Arg, value: &H) -> Result<Value, Failed> {
        self.reader.json(value).map_err(|e| self.host(arg, e))
    }

    /// An HTTP status argument: an integer in 100-599.
    fn status(&mut self, value: &H) -> Result<u16, Failed> {
        let number = self.reader.integer(value).map_err(|e| self.host(&STATUS, e))?;
        self.run(crate::wire::http_status(number))
    }

    /// An operation id, read in place (every call names one).
    fn operation_id<'v>(&mut self, value: &'v H) -> Result<std::borrow::Cow<'v, str>, Failed> {
        match self.reader.kind(value) {
            Ok(Kind::Str(id)) => Ok(id),
            Ok(other) => Err(self.host(
                &OPERATION,
                crate::host::read::expected(crate::host::errors::Expected::String, &other),
            )),
            Err(error) => Err(self.host(&OPERATION, error)),
        }
    }

    fn operation(&mut self, value: &H) -> Result<&'static OperationSpec, Failed> {
        let id = self.operation_id(value)?;
        find_operation(&id).map_err(|e| self.fail(e))
    }

    fn resources(&mut self, spec: &OperationSpec, value: &H) -> Result<Value, Failed> {
        self.reader.resources(spec, value).map_err(|refusal| match refusal {
            Refusal::Host(error) => self.host(&RESOURCES, error),
            Refusal::Engine(error) => self.fail(error),
        })
    }

    /// `resources` read by groups ([`Reader::grouped`]) on a copy of the call's budget, for hosts
    /// whose items the core reads itself: the JS package groups on its own side before anything
    /// crosses, so live JS values are read once, by the projection. `None` when the items must
    /// be read as they are.
    fn grouping(&self, spec: &'static OperationSpec, resources: &H) -> Option<crate::host::Grouping> {
        if H::HOST == HostKind::JavaScript {
            return None;
        }
        self.reader.clone().grouped(spec, resources)
    }

    /// A [`precheck`] or [`check`] answered by groups ([`crate::grouped::precheck_targets`]);
    /// `None` when the items must be read as they are.
    fn by_groups(
        &mut self,
        spec: &'static OperationSpec,
        params: &Value,
        resources: &H,
        core: &crate::params::Options,
        refuse: bool,
        op: &H,
    ) -> Result<Option<Verdict>, Failed> {
        let Some(grouping) = self.grouping(spec, resources) else {
            return Ok(None);
        };
        let representatives = Value::Array(grouping.representatives);
        self.run(op.detach(|| {
            crate::grouped::precheck_targets(
                spec.id,
                params,
                &representatives,
                &grouping.rows,
                &grouping.ids,
                core,
                refuse,
            )
        }))
    }

    /// Runs the core, its error rendered in the call's language.
    fn run<T>(&self, result: crate::error::Result<T>) -> Result<T, Failed> {
        result.map_err(|e| self.fail(e))
    }

    /// A list argument whose items are policy documents (objects or JSON text).
    fn documents(&mut self, value: &H) -> Result<Vec<Value>, Failed> {
        match self.reader.json_list(value) {
            Ok(items) => Ok(items),
            Err(error) => Err(self.host(&POLICIES, error)),
        }
    }
}

/// Runs `work` on what `reader` has read, detached from the host (Python releases the GIL)
/// only when the input was large: releasing and retaking the GIL costs more than building or
/// signing an ordinary request.
fn sized<H: HostValue, T: Send>(reader: &Reader, host: &H, extra_bytes: usize, work: impl FnOnce() -> T + Send) -> T {
    const SMALL_NODES: usize = 1_000;
    const SMALL_BYTES: usize = 64 * 1024;
    let (nodes, bytes) = reader.read_so_far();
    if nodes <= SMALL_NODES && bytes.saturating_add(extra_bytes) <= SMALL_BYTES {
        work()
    } else {
        host.detach(work)
    }
}

/// The steps the core counted on this thread since the previous call (see [`crate::work`]),
/// for the hostile-input suites of the bindings: they bound each call's work by counting it.
/// Diagnostic, not part of the stable API.
pub fn take_work() -> u64 {
    crate::work::take()
}

/// [`take_work`] as a JavaScript number: exact up to 2^53, far beyond any call's count.
pub fn take_work_f64() -> f64 {
    crate::work::take() as f64
}

/// Every operation's description.
pub fn operations<H: HostValue>(options: OptionsIn<'_, H>) -> Result<Vec<OperationDescription>, Failed> {
    let call = Call::start(options, LANG_ONLY)?;
    Ok(crate::operations().iter().map(|op| op.describe(call.lang())).collect())
}

/// One operation's description.
pub fn operation<H: HostValue>(id: &H, options: OptionsIn<'_, H>) -> Result<OperationDescription, Failed> {
    let mut call = Call::start(options, LANG_ONLY)?;
    let spec = call.operation(id)?;
    Ok(spec.describe(call.lang()))
}

pub fn validate<H: HostValue>(op: &H, params: &H, options: OptionsIn<'_, H>) -> Result<Validated, Failed> {
    let mut call = Call::start(options, CORE)?;
    let core = call.options.core(&mut call.reader)?;
    let id = call.string(&OPERATION, op)?;
    let params = call.json(&PARAMS, params)?;
    call.run(op.detach(|| crate::params::validate(&id, &params, &core)))
}

pub fn precheck<H: HostValue>(op: &H, params: &H, resources: &H, options: OptionsIn<'_, H>) -> Result<Verdict, Failed> {
    let mut call = Call::start(options, CORE)?;
    let core = call.options.core(&mut call.reader)?;
    let spec = call.operation(op)?;
    let params = call.json(&PARAMS, params)?;
    if let Some(verdict) = call.by_groups(spec, &params, resources, &core, false, op)? {
        return Ok(verdict);
    }
    let resources = call.resources(spec, resources)?;
    call.run(op.detach(|| crate::precheck::precheck(spec.id, &params, &resources, &core)))
}

pub fn check<H: HostValue>(op: &H, params: &H, resources: &H, options: OptionsIn<'_, H>) -> Result<Verdict, Failed> {
    let mut call = Call::start(options, CORE)?;
    let core = call.options.core(&mut call.reader)?;
    let spec = call.operation(op)?;
    let params = call.json(&PARAMS, params)?;
    if let Some(verdict) = call.by_groups(spec, &params, resources, &core, true, op)? {
        return Ok(verdict);
    }
    let resources = call.resources(spec, resources)?;
    call.run(op.detach(|| crate::precheck::check(spec.id, &params, &resources, &core)))
}

pub fn precheck_resources<H: HostValue>(op: &H, resources: &H, options: OptionsIn<'_, H>) -> Result<Verdict, Failed> {
    let mut call = Call::start(options, CORE)?;
    let core = call.options.core(&mut call.reader)?;
    let spec = call.operation(op)?;
    // Items alike but for their id are judged once (`crate::grouped`).
    if let Some(grouping) = call.grouping(spec, resources) {
        if let Some(verdict) = call.run(op.detach(|| crate::grouped::precheck_grouping(spec.id, grouping, &core)))? {
            return Ok(verdict);
        }
    }
    let resources = call.resources(spec, resources)?;
    call.run(op.detach(|| crate::precheck::precheck_resources(spec.id, &resources, &core)))
}

/// [`precheck_resources`] answered once per distinct item ([`crate::grouped`]): `groups` holds
/// one representative item per group, `rows` each item's group. `Ok(None)` when the input
/// cannot be answered so; the host then calls [`precheck_resources`] with the items themselves.
pub fn precheck_groups<H: HostValue>(
    op: &H,
    groups: &H,
    rows: &[u32],
    options: OptionsIn<'_, H>,
) -> Result<Option<GroupedVerdict>, Failed> {
    let mut call = Call::start(options, CORE)?;
    let core = call.options.core(&mut call.reader)?;
    let spec = call.operation(op)?;
    let groups = call.resources(spec, groups)?;
    call.run(op.detach(|| crate::grouped::precheck_groups(spec.id, &groups, rows, &core)))
}

/// [`precheck`] (or, with `refuse`, [`check`]) of items held by groups
/// ([`crate::grouped::precheck_targets`]): `groups` one representative per group, `rows` and
/// `ids` each item's group and id. `Ok(None)` when the items cannot be answered so; the host
/// then calls [`precheck`] or [`check`] with the items themselves.
pub fn precheck_targets<H: HostValue>(
    op: &H,
    params: &H,
    groups: &H,
    rows: &[u32],
    ids: &[String],
    options: OptionsIn<'_, H>,
    refuse: bool,
) -> Result<Option<Verdict>, Failed> {
    let mut call = Call::start(options, CORE)?;
    let core = call.options.core(&mut call.reader)?;
    let spec = call.operation(op)?;
    let params = call.json(&PARAMS, params)?;
    // A representative the reader refuses is the items' problem: the host's own call words it.
    let Ok(groups) = call.reader.resources(spec, groups) else {
        return Ok(None);
    };
    call.run(op.detach(|| crate::grouped::precheck_targets(spec.id, &params, &groups, rows, ids, &core, refuse)))
}

/// How a host groups the items of `op` for [`precheck_groups`].
pub fn grouping_plan<H: HostValue>(op: &H) -> Result<GroupingPlan, Failed> {
    let mut call = Call::start(OptionsIn::Object(None), LANG_ONLY)?;
    let spec = call.operation(op)?;
    call.run(crate::grouped::grouping_plan(spec.id))
}

pub fn wait_status<H: HostValue>(op: &H, status: &H, options: OptionsIn<'_, H>) -> Result<WaitState, Failed> {
    let mut call = Call::start(options, LANG_ONLY)?;
    let spec = call.operation(op)?;
    let status = call.string(&STATUS, status)?;
    let options = crate::params::Options {
        lang: call.lang(),
        ..Default::default()
    };
    call.run(crate::precheck::wait_status(spec.id, &status, &options))
}

pub fn build<H: HostValue>(op: &H, params: &H, options: OptionsIn<'_, H>) -> Result<HttpRequest, Failed> {
    request_builder(op, options)?.build(params)
}

/// An operation and its build options, read and checked once: each [`RequestBuilder::build`]
/// then reads only its `params`. A console builds one request per selected resource, with the
/// same operation and region each time; the official SDKs hold their client configuration
/// the same way. [`build`] is a builder used once, so the two answer alike by construction.
#[derive(Debug, Clone)]
pub struct RequestBuilder {
    spec: &'static OperationSpec,
    options: BuildOptions,
    /// The call's budget once the options and the operation were read: each build reads its
    /// `params` from there, as [`build`] does.
    reader: Reader,
}

/// Reads `options` (those of [`build`]) and the operation for a [`RequestBuilder`].
pub fn request_builder<H: HostValue>(op: &H, options: OptionsIn<'_, H>) -> Result<RequestBuilder, Failed> {
    let mut call = Call::start(options, BUILD)?;
    let validation = call.options.core(&mut call.reader)?;
    let region = call.options.string(&mut call.reader, Opt::Region)?;
    let endpoint = call.options.string(&mut call.reader, Opt::Endpoint)?;
    let spec = call.operation(op)?;
    Ok(RequestBuilder {
        spec,
        options: BuildOptions {
            region,
            endpoint,
            validation,
        },
        reader: call.reader,
    })
}

impl RequestBuilder {
    /// Validates `params` and builds the unsigned request, exactly as [`build`] does.
    pub fn build<H: HostValue>(&self, params: &H) -> Result<HttpRequest, Failed> {
        let fail = |error| Failed {
            error,
            lang: self.options.validation.lang,
        };
        let mut reader = self.reader.clone();
        let read = reader
            .json(params)
            .map_err(|error| fail(error.into_error(&PARAMS, H::HOST)))?;
        sized(&reader, params, 0, || {
            crate::wire::build_for(self.spec, &read, &self.options)
        })
        .map_err(fail)
    }

    /// The operation this builder builds for.
    pub fn operation(&self) -> &'static str {
        self.spec.id
    }

    /// The `region` option, when given.
    pub fn region(&self) -> Option<&str> {
        self.options.region.as_deref()
    }

    /// The `endpoint` option, when given.
    pub fn endpoint(&self) -> Option<&str> {
        self.options.endpoint.as_deref()
    }
}

pub fn endpoint<H: HostValue>(op: &H, options: OptionsIn<'_, H>) -> Result<Endpoint, Failed> {
    let mut call = Call::start(options, ENDPOINT)?;
    let region = call.options.string(&mut call.reader, Opt::Region)?;
    let endpoint = call.options.string(&mut call.reader, Opt::Endpoint)?;
    let spec = call.operation(op)?;
    call.run(crate::wire::resolve_endpoint(
        spec,
        region.as_deref(),
        endpoint.as_deref(),
    ))
}

pub fn parse_response<H: HostValue>(
    op: &H,
    status: &H,
    body: Option<&H>,
    headers: Option<&H>,
    options: OptionsIn<'_, H>,
) -> Result<ApiResponse, Failed> {
    let mut call = Call::start(options, LANG_ONLY)?;
    let id = call.string(&OPERATION, op)?;
    let status = call.status(status)?;
    let headers = match headers {
        None => Vec::new(),
        Some(headers) => {
            let headers = call.json(&HEADERS, headers)?;
            call.run(crate::wire::header_pairs_from_json(headers))?
        }
    };
    let body = call.reader.body(body).map_err(|e| call.host(&BODY, e))?;
    call.run(op.detach(|| crate::wire::parse_response(&id, status, &headers, &body)))
}

pub fn ram_parse_policy<H: HostValue>(policy: &H, options: OptionsIn<'_, H>) -> Result<Policy, Failed> {
    let mut call = Call::start(options, LANG_ONLY)?;
    let policy = call.json(&POLICY, policy)?;
    call.run(crate::ram::parse_policy(&policy))
}

pub fn ram_required_access<H: HostValue>(
    op: &H,
    params: &H,
    options: OptionsIn<'_, H>,
) -> Result<Vec<RequiredAccess>, Failed> {
    let mut call = Call::start(options, REQUIRED_ACCESS)?;
    let region = call.options.string(&mut call.reader, Opt::Region)?.unwrap_or_default();
    let account_id = call
        .options
        .string(&mut call.reader, Opt::AccountId)?
        .unwrap_or_default();
    let id = call.string(&OPERATION, op)?;
    let params = call.json(&PARAMS, params)?;
    call.run(crate::ram::required_access(&id, &params, &region, &account_id))
}

pub fn ram_authorize<H: HostValue>(
    op: &H,
    params: &H,
    policies: &H,
    options: OptionsIn<'_, H>,
) -> Result<Authorization, Failed> {
    let mut call = Call::start(options, AUTHORIZE)?;
    let region = call.options.string(&mut call.reader, Opt::Region)?.unwrap_or_default();
    let account_id = call
        .options
        .string(&mut call.reader, Opt::AccountId)?
        .unwrap_or_default();
    let context = call.options.json(&mut call.reader, Opt::Context)?;
    let id = call.string(&OPERATION, op)?;
    let params = call.json(&PARAMS, params)?;
    let policies = call.documents(policies)?;
    let lang = call.lang();
    call.run(op.detach(|| crate::ram::authorize(&id, &params, &region, &account_id, &policies, &context, lang)))
}

pub fn ram_evaluate<H: HostValue>(
    policies: &H,
    action: &H,
    resource: &H,
    options: OptionsIn<'_, H>,
) -> Result<AccessCheck, Failed> {
    let policies_value = policies;
    let mut call = Call::start(options, EVALUATE)?;
    let context = call.options.json(&mut call.reader, Opt::Context)?;
    let policies = call.documents(policies)?;
    let action = call.string(&ACTION, action)?;
    let resource = call.string(&RESOURCE, resource)?;
    let lang = call.lang();
    call.run(policies_value.detach(|| crate::ram::check_access(&policies, &action, &resource, &context, lang)))
}

pub use lifecycle::{
    access_denied, classify, client_token, merge_plan, plan, retry_advice, waiter_new, waiter_observe, waiter_resume,
    Held,
};

/// Waiters, ClientTokens, retry classes and batch plans (`opgate::lifecycle`).
pub(crate) mod lifecycle {
    use super::*;
    use crate::lifecycle::{
        self as engine, AccessExplanation, Classification, ClientToken, FailedCall, Observed, Plan, PlanOptions,
        PlanOutcome, Received, RetryAdvice, Waiter,
    };

    const CODE: Arg = Arg::new("code", "code", ClientCode::InvalidParameterCode);
    const DETAIL: Arg = Arg::new("detail", "detail", ClientCode::InvalidParameter);
    const TARGETS: Arg = Arg::new("targets", "targets", ClientCode::InvalidParameter);
    const PLAN: Arg = Arg::new("plan", "plan", ClientCode::InvalidParameterPlan);
    const RESPONSES: Arg = Arg::new("responses", "responses", ClientCode::InvalidParameterResponses);
    const IDS: Arg = Arg::new("ids", "ids", ClientCode::InvalidParameterIds);
    const SENT_AT: Arg = Arg::new("sent_at", "sentAt", ClientCode::InvalidParameterSentAt);
    const WAITER: Arg = Arg::new("waiter", "waiter", ClientCode::InvalidParameterWaiter);
    const NOW: Arg = Arg::new("now", "now", ClientCode::InvalidParameterNow);

    pub(crate) const TOKEN: &[Opt] = &[Opt::Lang, Opt::IntBounds, Opt::Scope];
    pub(crate) const CLASSIFY: &[Opt] = &[Opt::Lang, Opt::Status];
    pub(crate) const ADVICE: &[Opt] = &[Opt::Lang, Opt::Params, Opt::Now, Opt::Attempt];
    pub(crate) const PLANNING: &[Opt] = &[
        Opt::Lang,
        Opt::Now,
        Opt::IntBounds,
        Opt::Scope,
        Opt::Region,
        Opt::Endpoint,
    ];
    pub(crate) const NEW_WAITER: &[Opt] = &[Opt::Lang, Opt::Before, Opt::Seed];

    impl<H: HostValue> Call<'_, H> {
        /// An integer argument within `min..=max`, in the core's wording for its range.
        fn ranged(&mut self, arg: &Arg, value: &H, min: i64, max: i64) -> Result<i64, Failed> {
            let number = self.reader.integer(value).map_err(|e| self.host(arg, e))?;
            self.run(engine::integer_argument(
                &Value::from(number),
                arg.name(H::HOST),
                min,
                max,
            ))
        }

        fn ranged_option(&mut self, opt: Opt, min: i64, max: i64) -> Result<Option<i64>, Failed> {
            match self.options.integer(&mut self.reader, opt)? {
                None => Ok(None),
                Some(number) => self
                    .run(engine::integer_argument(
                        &Value::from(number),
                        opt.name(H::HOST),
                        min,
                        max,
                    ))
                    .map(Some),
            }
        }

        /// An HTTP status, or none when null/absent.
        fn optional_status(&mut self, value: Option<&H>) -> Result<Option<u16>, Failed> {
            let Some(value) = value else { return Ok(None) };
            if matches!(value.kind(), Ok(Kind::Null)) {
                return Ok(None);
            }
            self.status(value).map(Some)
        }
    }

    /// One stable ClientToken per logical request.
    pub fn client_token<H: HostValue>(op: &H, params: &H, options: OptionsIn<'_, H>) -> Result<ClientToken, Failed> {
        let mut call = Call::start(options, TOKEN)?;
        let core = call.options.core(&mut call.reader)?;
        let scope = call.options.string(&mut call.reader, Opt::Scope)?.unwrap_or_default();
        let id = call.string(&OPERATION, op)?;
        let params = call.json(&PARAMS, params)?;
        call.run(op.detach(|| engine::client_token(&id, &params, &scope, &core)))
    }

    /// The retry class of an error code.
    pub fn classify<H: HostValue>(op: &H, code: &H, options: OptionsIn<'_, H>) -> Result<Classification, Failed> {
        let mut call = Call::start(options, CLASSIFY)?;
        let status = match call.options.integer(&mut call.reader, Opt::Status)? {
            None => None,
            Some(number) => Some(call.run(engine::http_status(number))?),
        };
        let id = call.string(&OPERATION, op)?;
        let code = call.string(&CODE, code)?;
        let lang = call.lang();
        call.run(engine::classify(&id, &code, status, lang))
    }

    /// What to do after a failed call: the class, the delay, whether resending is safe.
    pub fn retry_advice<H: HostValue>(
        op: &H,
        status: Option<&H>,
        code: Option<&H>,
        headers: Option<&H>,
        options: OptionsIn<'_, H>,
    ) -> Result<RetryAdvice, Failed> {
        let mut call = Call::start(options, ADVICE)?;
        let params = match call.options.json(&mut call.reader, Opt::Params)? {
            Value::Null => None,
            params => Some(params),
        };
        let now = call.options.integer(&mut call.reader, Opt::Now)?;
        let attempt = call.ranged_option(Opt::Attempt, 1, i64::from(u32::MAX))?.unwrap_or(1);
        let id = call.string(&OPERATION, op)?;
        let status = call.optional_status(status)?;
        let code = match code {
            Some(code) if !matches!(code.kind(), Ok(Kind::Null)) => Some(call.string(&CODE, code)?),
            _ => None,
        };
        let headers = match headers {
            None => Vec::new(),
            Some(headers) => {
                let headers = call.json(&HEADERS, headers)?;
                call.run(crate::wire::header_pairs_from_json(headers))?
            }
        };
        let failed = FailedCall {
            status,
            code,
            headers,
            params,
            now,
            attempt: u32::try_from(attempt).unwrap_or(u32::MAX),
        };
        let lang = call.lang();
        call.run(engine::retry_advice(&id, &failed, lang))
    }

    /// Alibaba's `AccessDeniedDetail`, in the shape of the RAM evaluator's explanation.
    pub fn access_denied<H: HostValue>(detail: &H, options: OptionsIn<'_, H>) -> Result<AccessExplanation, Failed> {
        let mut call = Call::start(options, LANG_ONLY)?;
        let detail = call.json(&DETAIL, detail)?;
        let lang = call.lang();
        call.run(engine::access_denied(&detail, lang))
    }

    /// The requests for a batch, split to the provider's limit, with the denied and unknown ids.
    pub fn plan<H: HostValue>(
        op: &H,
        targets: &H,
        resources: Option<&H>,
        options: OptionsIn<'_, H>,
    ) -> Result<Plan, Failed> {
        let mut call = Call::start(options, PLANNING)?;
        let core = call.options.core(&mut call.reader)?;
        let scope = call.options.string(&mut call.reader, Opt::Scope)?.unwrap_or_default();
        let region = call.options.string(&mut call.reader, Opt::Region)?;
        let endpoint = call.options.string(&mut call.reader, Opt::Endpoint)?;
        let spec = call.operation(op)?;
        let targets = call.json(&TARGETS, targets)?;
        let resources = match resources {
            Some(resources) => call.resources(spec, resources)?,
            None => Value::Null,
        };
        let options = PlanOptions {
            options: core,
            region,
            endpoint,
            scope,
        };
        call.run(op.detach(|| engine::plan(spec.id, &targets, &resources, &options)))
    }

    /// A result the binding already holds as the core's own value (a `Plan`, a waiter's state
    /// the host class owns), or a host value read here as the result's plain form; either way
    /// with the host value, which also releases the host's lock while working.
    pub enum Held<'a, T, H> {
        Value(&'a T, &'a H),
        Host(&'a H),
    }

    impl<'a, T, H> Held<'a, T, H> {
        fn host(&self) -> &'a H {
            match self {
                Held::Value(_, host) | Held::Host(host) => host,
            }
        }
    }

    /// Per-id outcomes once a plan's responses are in.
    pub fn merge_plan<H: HostValue>(
        plan: Held<'_, Plan, H>,
        responses: &H,
        options: OptionsIn<'_, H>,
    ) -> Result<PlanOutcome, Failed> {
        let mut call = Call::start(options, LANG_ONLY)?;
        // A held plan is used as it is: the Rust value and its JSON form read alike, and the
        // WebAssembly build, which holds none, then has no `serde_json::to_value` of a plan.
        let (held, plan_value) = match &plan {
            Held::Value(held, _) => (Some(*held), Value::Null),
            Held::Host(value) => (None, call.json(&PLAN, value)?),
        };
        let responses = call.json(&RESPONSES, responses)?;
        let lang = call.lang();
        call.run(plan.host().detach(|| {
            Received::list_from_json(&responses).and_then(|received| match held {
                Some(held) => engine::merge_held_plan(held, &received, lang),
                None => engine::merge_plan(&plan_value, &received, lang),
            })
        }))
    }

    /// A waiter, made when the call is sent.
    pub fn waiter_new<H: HostValue>(op: &H, ids: &H, sent_at: &H, options: OptionsIn<'_, H>) -> Result<Waiter, Failed> {
        let mut call = Call::start(options, NEW_WAITER)?;
        let spec = call.operation(op)?;
        let before = call.options.resources(&mut call.reader, Opt::Before, spec)?;
        let seed = call
            .ranged_option(Opt::Seed, 0, i64::from(u32::MAX))?
            .map(|seed| u32::try_from(seed).unwrap_or(u32::MAX));
        let ids = call.json(&IDS, ids)?;
        let sent_at = call.ranged(&SENT_AT, sent_at, i64::MIN, i64::MAX)?;
        call.run(engine::Waiter::new(spec.id, &ids, sent_at, before.as_ref(), seed))
    }

    /// A waiter from its persisted state (a held state is checked as a persisted one is).
    pub fn waiter_resume<H: HostValue>(
        state: Held<'_, Waiter, H>,
        options: OptionsIn<'_, H>,
    ) -> Result<Waiter, Failed> {
        let mut call = Call::start(options, LANG_ONLY)?;
        match &state {
            Held::Value(held, _) => call.run(Waiter::resume_held(held)),
            Held::Host(value) => {
                let state = call.json(&WAITER, value)?;
                call.run(Waiter::resume(&state))
            }
        }
    }

    /// What one poll of Describe results tells the waiter. A held state is one the core made
    /// (`waiter_new`, `waiter_resume`, an earlier observation), so it is used as it is, without a
    /// trip through JSON.
    pub fn waiter_observe<H: HostValue>(
        state: Held<'_, Waiter, H>,
        resources: &H,
        now: &H,
        options: OptionsIn<'_, H>,
    ) -> Result<Observed, Failed> {
        let mut call = Call::start(options, LANG_ONLY)?;
        let mut waiter = match &state {
            Held::Value(held, _) => (*held).clone(),
            Held::Host(value) => {
                let state_value = call.json(&WAITER, value)?;
                call.run(Waiter::resume(&state_value))?
            }
        };
        let spec = call.run(find_operation(waiter.operation))?;
        let resources = call.resources(spec, resources)?;
        let now = call.ranged(&NOW, now, i64::MIN, i64::MAX)?;
        let lang = call.lang();
        let report = call.run(state.host().detach(|| waiter.observe(&resources, now, lang)))?;
        Ok(Observed { waiter, report })
    }
}

#[cfg(feature = "signing")]
pub use signing::{
    bearer_credentials, credentials, sign, AccessKeyCredentials, BearerCredentials, CredentialsIn, RequestIn,
    SignDefaults,
};

#[cfg(feature = "signing")]
mod signing {
    use super::*;
    use crate::wire::{Credentials, SignOptions, SignatureAlgorithm, SignedRequest};

    const REQUEST: Arg = Arg::new("request", "request", ClientCode::InvalidParameterRequest);
    const CREDENTIALS: Arg = Arg::new("credentials", "credentials", ClientCode::InvalidParameterCredentials);
    const SIGN: &[Opt] = &[Opt::Lang, Opt::Algorithm, Opt::Timestamp, Opt::Nonce];
    const CREDENTIAL_FIELDS: [&str; 4] = ["access_key_id", "access_key_secret", "security_token", "bearer_token"];

    /// The mapping form of AccessKey (or STS) credentials `sign` accepts, read by
    /// `read_credentials` (its field names are `CREDENTIAL_FIELDS`; a test keeps the two alike).
    #[derive(Debug, crate::record::Record)]
    #[record(input)]
    pub struct AccessKeyCredentials {
        /// The AccessKey id.
        pub access_key_id: String,
        /// The AccessKey secret.
        pub access_key_secret: String,
        /// An STS token, for temporary credentials.
        #[record(optional)]
        pub security_token: Option<String>,
    }

    /// The mapping form of a Zenlayer bearer token `sign` accepts.
    #[derive(Debug, crate::record::Record)]
    #[record(input)]
    pub struct BearerCredentials {
        pub bearer_token: String,
    }

    #[cfg(test)]
    #[test]
    fn the_credential_shapes_name_the_fields_read() {
        use crate::record::schema::{Kind, NamedSchema};
        let mut declared = Vec::new();
        for named in [AccessKeyCredentials::named(), BearerCredentials::named()] {
            if let Kind::Record(shape) = named.kind {
                declared.extend(shape.fields.iter().map(|field| field.name));
            }
        }
        assert_eq!(declared, CREDENTIAL_FIELDS);
    }

    /// Credentials as the caller gives them: a credentials object the binding already holds,
    /// or a mapping read here.
    pub enum CredentialsIn<'a, H> {
        Held(&'a Credentials),
        Host(&'a H),
    }

    /// The request to sign: one the binding already holds (a result of `build`, no copy through
    /// JSON), or a host value read here as `build` returned it; either way with the host value,
    /// which also releases the host's lock while signing.
    pub enum RequestIn<'a, H> {
        Held(&'a HttpRequest, &'a H),
        Host(&'a H),
    }

    /// What `sign` takes for a `timestamp` or `nonce` the caller left out: the host's clock and
    /// nonce counter, as plain values, so that a binding need not make host objects of them
    /// only for the core to read them back. Without one, a missing option is refused.
    #[derive(Debug, Clone, Default)]
    pub struct SignDefaults {
        pub timestamp: Option<i64>,
        pub nonce: Option<String>,
    }

    pub fn sign<H: HostValue>(
        request: RequestIn<'_, H>,
        credentials: CredentialsIn<'_, H>,
        options: OptionsIn<'_, H>,
        defaults: SignDefaults,
    ) -> Result<SignedRequest, Failed> {
        let request_value = match request {
            RequestIn::Held(_, value) | RequestIn::Host(value) => value,
        };
        let mut call = Call::start(options, SIGN)?;
        let algorithm = call.options.string(&mut call.reader, Opt::Algorithm)?;
        let algorithm = call.run(algorithm.as_deref().map(SignatureAlgorithm::parse).transpose())?;
        // Absent and without a default: values `wire::sign` refuses, with its own errors.
        let timestamp = match call.options.integer(&mut call.reader, Opt::Timestamp)? {
            Some(given) => given,
            None => defaults.timestamp.unwrap_or(-1),
        };
        let nonce = match call.options.string(&mut call.reader, Opt::Nonce)? {
            Some(given) => given,
            None => defaults.nonce.unwrap_or_default(),
        };
        let parsed;
        let request = match request {
            RequestIn::Held(held, _) => held,
            RequestIn::Host(value) => {
                let json = call.json(&REQUEST, value)?;
                parsed = call.run(HttpRequest::from_json(json))?;
                &parsed
            }
        };
        let read;
        let credentials = match credentials {
            CredentialsIn::Held(held) => held,
            CredentialsIn::Host(value) => {
                read = read_credentials(&mut call, value)?;
                &read
            }
        };
        let options = SignOptions {
            algorithm,
            timestamp,
            nonce,
        };
        call.run(sized(&call.reader, request_value, request.body.len(), || {
            crate::wire::sign(request, credentials, &options)
        }))
    }

    /// `{access_key_id, access_key_secret[, security_token]}` or `{bearer_token}`. Errors name
    /// the field, never its value: these are secrets.
    fn read_credentials<H: HostValue>(call: &mut Call<'_, H>, value: &H) -> Result<Credentials, Failed> {
        let shape = || {
            Error::Input(crate::error::ErrorDetail::client(
                CREDENTIALS.code,
                crate::messages::host::credentials_shape(),
                Some("credentials".to_owned()),
            ))
        };
        match call.reader.kind(value) {
            Ok(Kind::Map) => {}
            Ok(_) => return Err(call.fail(shape())),
            Err(error) => return Err(call.host(&CREDENTIALS, error)),
        }
        let mut unknown = false;
        let mut fields: [Option<String>; 4] = Default::default();
        for (slot, name) in fields.iter_mut().zip(CREDENTIAL_FIELDS) {
            let at = |error: HostError| error.at_key(name);
            let found = value.field(name).map_err(|p| call.host(&CREDENTIALS, at(p.into())))?;
            *slot = call
                .reader
                .optional_string(found.as_ref())
                .map_err(|e| call.host(&CREDENTIALS, at(e)))?;
        }
        value
            .for_each_entry(
                |key, _| {
                    unknown |= !CREDENTIAL_FIELDS.contains(&key);
                    Ok(())
                },
                |problem, _| HostError::from(problem),
            )
            .map_err(|e| call.host(&CREDENTIALS, e))?;
        if unknown {
            return Err(call.fail(shape()));
        }
        let [id, secret, token, bearer] = fields;
        match (id, secret, token, bearer) {
            (Some(id), Some(secret), None, None) => Ok(Credentials::access_key(id, secret)),
            (Some(id), Some(secret), Some(token), None) => Ok(Credentials::sts(id, secret, token)),
            (None, None, None, Some(token)) => Ok(Credentials::bearer(token)),
            _ => Err(call.fail(shape())),
        }
    }

    /// `Credentials(access_key_id, access_key_secret, security_token=None)`: each part must be
    /// text; an error names the part, never its value.
    pub fn credentials<H: HostValue>(
        access_key_id: &H,
        access_key_secret: &H,
        security_token: Option<&H>,
    ) -> Result<Credentials, Failed> {
        let mut reader = Reader::default();
        let mut part = |name: &'static str, value: &H| {
            reader.string(value).map_err(|e| Failed {
                error: e.into_error(&Arg::new(name, name, CREDENTIALS.code), H::HOST),
                lang: Lang::En,
            })
        };
        let id = part("access_key_id", access_key_id)?;
        let secret = part("access_key_secret", access_key_secret)?;
        let token = match security_token {
            Some(token) if !matches!(token.kind(), Ok(Kind::Null)) => Some(part("security_token", token)?),
            _ => None,
        };
        Ok(match token {
            Some(token) => Credentials::sts(id, secret, token),
            None => Credentials::access_key(id, secret),
        })
    }

    /// `Credentials.bearer(token)` for Zenlayer bearer-token auth.
    pub fn bearer_credentials<H: HostValue>(token: &H) -> Result<Credentials, Failed> {
        let token = Reader::default().string(token).map_err(|e| Failed {
            error: e.into_error(&Arg::new("bearer_token", "bearerToken", CREDENTIALS.code), H::HOST),
            lang: Lang::En,
        })?;
        Ok(Credentials::bearer(token))
    }
}

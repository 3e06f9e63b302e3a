//! Batch plans: from "these ids" to the requests to send, and from their responses back to
//! one outcome per id.
//!
//! [`plan`] validates every id, judges each against the Describe items (the same guards as
//! [`crate::precheck`]), keeps the allowed ones and splits them to the provider's limit (the
//! operation's [`TargetSpec`]: ZEC up to 100 ids per call, ECS and Compute Nest one resource per
//! call). Each request gets a ClientToken derived from the scope where the operation takes one.
//! Denied ids carry the provider's error; ids missing from the Describe items are `unknown`,
//! never sent. [`merge_plan`] reads the responses back: ZEC lists the ids that failed, Compute
//! Nest renewals list per-resource failures, and an error response fails its whole request.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalog::operation;
use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, RenderedError, Result};
use crate::id_index::{FirstIndex, IdSet};
use crate::lang::{Lang, Text};
use crate::lifecycle::classify::{advise_error, retry_advice, FailedCall, RetryAdvice};
use crate::lifecycle::state::{self, Absent, Read, Shape};
use crate::lifecycle::token::token_for;
use crate::messages::lifecycle::{
    self as messages, IdFate, MergeCounts, PlanCounts, PlanInputProblem, RequestFate, ResponsesProblem,
};
use crate::params::{json_type, validate_spec, Options};
use crate::precheck::{precheck_resources, TargetDecision, MAX_RESOURCES};
use crate::record::Record;
use crate::spec::{OperationSpec, TargetSpec};
use crate::wire::{build, parse_response, BuildOptions, HttpRequest, ResponseOutcome};

/// How to plan, beyond the targets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanOptions {
    /// Validation and pre-check options (`lang`, `now`, `int_bounds`).
    pub options: Options,
    /// Region and endpoint for the requests, as [`crate::wire::build`] takes them.
    pub region: Option<String>,
    pub endpoint: Option<String>,
    /// Scope of the ClientTokens (see [`crate::lifecycle::client_token`]).
    pub scope: String,
}

/// The requests to send for a batch, split to the provider's limit, and the ids left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(operation, batch_max, allowed_ids))]
pub struct Plan {
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    /// The most ids one request may carry.
    pub batch_max: usize,
    pub requests: Vec<PlannedRequest>,
    /// The ids the requests carry, in order.
    pub allowed_ids: Vec<String>,
    /// Ids the pre-check refused; never sent.
    pub denied: Vec<PlannedDenial>,
    /// Ids missing from the Describe items; never sent.
    pub unknown: Vec<PlannedUnknown>,
    /// Ids given more than once; each is planned once.
    pub duplicates: Vec<String>,
    pub reason: String,
}

/// One request of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(index, ids, token))]
pub struct PlannedRequest {
    /// Its position among the plan's requests (the index of its response for `merge_plan`).
    pub index: usize,
    /// The ids it carries.
    pub ids: Vec<String>,
    /// The parameters sent, the ClientToken included.
    pub params: Map<String, Value>,
    /// The ClientToken, for operations that take one.
    pub token: Option<String>,
    /// The request, built as `build` builds it.
    pub request: HttpRequest,
}

/// An id the plan leaves out because the provider would refuse it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(id, status, error))]
pub struct PlannedDenial {
    pub id: String,
    /// Its status in the Describe items, when it was there.
    pub status: Option<String>,
    /// The provider's error for it.
    pub error: RenderedError,
    pub reason: String,
}

/// An id missing from the Describe items: nothing is known, so it is not sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
pub struct PlannedUnknown {
    pub id: String,
    pub reason: String,
}

/// Plans `op_id` for `targets`: a list of ids, or a parameter object whose target parameter
/// holds one id or a list (its other parameters apply to every request). `resources` are the
/// Describe items (any shape [`crate::precheck`] accepts; `null` for none).
pub fn plan(op_id: &str, targets: &Value, resources: &Value, options: &PlanOptions) -> Result<Plan> {
    let spec = operation(op_id)?;
    let lang = options.options.lang;
    let (ids, common) = read_targets(spec, targets)?;
    let mut unique: Vec<String> = Vec::with_capacity(ids.len());
    let mut duplicates: Vec<String> = Vec::new();
    let mut seen = IdSet::with_capacity(ids.len());
    for id in &ids {
        if seen.insert(id) {
            unique.push(id.clone());
        } else if !duplicates.contains(id) {
            duplicates.push(id.clone());
        }
    }
    let resources = if resources.is_null() {
        Value::Array(Vec::new())
    } else {
        resources.clone()
    };
    let verdict = precheck_resources(op_id, &resources, &options.options)?;
    // The first outcome per id, as precheck reads a Describe list.
    let judged = FirstIndex::new(verdict.outcomes.iter().map(|outcome| outcome.id.as_str()));
    let mut allowed = Vec::new();
    let mut denied = Vec::new();
    let mut unknown = Vec::new();
    for id in unique {
        if let Some(problem) = id_problem(spec, &common, &id, &options.options)? {
            denied.push(PlannedDenial {
                id,
                status: None,
                reason: problem.message.get(lang).to_owned(),
                error: problem.render(lang),
            });
            continue;
        }
        match judged.get(&id).and_then(|index| verdict.outcomes.get(index)) {
            Some(outcome) if outcome.decision != TargetDecision::Deny => allowed.push(id),
            Some(outcome) => {
                let error = outcome
                    .error
                    .clone()
                    .unwrap_or_else(|| spec.error_detail(spec.resource.not_found, None).render(lang));
                denied.push(PlannedDenial {
                    id,
                    status: outcome.status.clone(),
                    error,
                    reason: outcome.reason.clone(),
                });
            }
            None => {
                let reason = messages::not_planned(&spec.resource.noun, &id, spec.resource.describe_api);
                unknown.push(PlannedUnknown {
                    id,
                    reason: reason.get(lang).to_owned(),
                });
            }
        }
    }
    let batch_max = batch_max(spec);
    let build_options = BuildOptions {
        region: options.region.clone(),
        endpoint: options.endpoint.clone(),
        validation: options.options.clone(),
    };
    let mut requests = Vec::new();
    for (index, chunk) in allowed.chunks(batch_max).enumerate() {
        let mut params = with_targets(spec, &common, chunk);
        let token = match spec.lifecycle.client_token {
            Some(name) => {
                let validated = validate_spec(spec, &Value::Object(params.clone()), &options.options)?;
                let mut effective = validated.defaults.clone();
                effective.extend(validated.params);
                let token = token_for(spec, &effective, &options.scope);
                params.insert(name.to_owned(), Value::String(token.clone()));
                Some(token)
            }
            None => None,
        };
        let request = build(op_id, &Value::Object(params.clone()), &build_options)?;
        requests.push(PlannedRequest {
            index,
            ids: chunk.to_vec(),
            params,
            token,
            request,
        });
    }
    let reason = plan_reason(
        spec,
        allowed.len(),
        requests.len(),
        batch_max,
        denied.len(),
        unknown.len(),
    );
    Ok(Plan {
        operation: spec.id,
        batch_max,
        requests,
        allowed_ids: allowed,
        denied,
        unknown,
        duplicates,
        reason: reason.get(lang).to_owned(),
    })
}

fn batch_max(spec: &OperationSpec) -> usize {
    match spec.target {
        TargetSpec::Single { .. } => 1,
        TargetSpec::Batch { max, .. } => max.max(1),
    }
}

fn input_problem(spec: &OperationSpec, field: &str, problem: PlanInputProblem<'_>) -> Error {
    Error::Validation(vec![ErrorDetail::client(
        ClientCode::invalid(spec.provider),
        messages::plan_input(&problem),
        Some(field.to_owned()),
    )])
}

/// The ids, and the parameters every request shares.
fn read_targets(spec: &OperationSpec, targets: &Value) -> Result<(Vec<String>, Map<String, Value>)> {
    let param = spec.target.param();
    let (list, mut common, field): (Vec<&Value>, Map<String, Value>, String) = match targets {
        Value::Array(items) => (items.iter().collect(), Map::new(), "targets".to_owned()),
        Value::Object(map) => {
            let mut common = map.clone();
            common.remove(param);
            let list = match map.get(param) {
                Some(Value::Array(items)) => items.iter().collect(),
                Some(single @ Value::String(_)) => vec![single],
                None | Some(Value::Null) => {
                    return Err(Error::Validation(vec![ErrorDetail::client(
                        ClientCode::missing(spec.provider),
                        crate::messages::missing_parameter(param),
                        Some(param.to_owned()),
                    )]))
                }
                Some(other) => {
                    return Err(input_problem(
                        spec,
                        param,
                        PlanInputProblem::IdsNotList {
                            param,
                            got: json_type(other),
                        },
                    ))
                }
            };
            (list, common, param.to_owned())
        }
        other => {
            return Err(input_problem(
                spec,
                "targets",
                PlanInputProblem::TargetsShape { got: json_type(other) },
            ))
        }
    };
    if list.is_empty() || list.len() > MAX_RESOURCES {
        return Err(input_problem(
            spec,
            &field,
            PlanInputProblem::Count {
                max: MAX_RESOURCES,
                got: list.len(),
            },
        ));
    }
    let mut ids = Vec::with_capacity(list.len());
    for (index, value) in list.into_iter().enumerate() {
        match value.as_str() {
            Some(id) => ids.push(id.to_owned()),
            None => {
                let field = format!("{field}[{index}]");
                return Err(input_problem(
                    spec,
                    &field,
                    PlanInputProblem::NotAnId {
                        field: &field,
                        got: json_type(value),
                    },
                ));
            }
        }
    }
    if let Some(name) = spec.lifecycle.client_token {
        if common.remove(name).is_some_and(|v| !v.is_null()) {
            return Err(input_problem(spec, name, PlanInputProblem::TokenGiven { name }));
        }
    }
    Ok((ids, common))
}

fn with_targets(spec: &OperationSpec, common: &Map<String, Value>, ids: &[String]) -> Map<String, Value> {
    let mut params = common.clone();
    let value = match (spec.target, ids) {
        (TargetSpec::Single { .. }, [only]) => Value::String(only.clone()),
        _ => Value::Array(ids.iter().cloned().map(Value::String).collect()),
    };
    params.insert(spec.target.param().to_owned(), value);
    params
}

/// The problem with `id` itself (its format), or an error for the shared parameters.
fn id_problem(
    spec: &'static OperationSpec,
    common: &Map<String, Value>,
    id: &str,
    options: &Options,
) -> Result<Option<ErrorDetail>> {
    let param = spec.target.param();
    match validate_spec(
        spec,
        &Value::Object(with_targets(spec, common, &[id.to_owned()])),
        options,
    ) {
        Ok(_) => Ok(None),
        Err(Error::Validation(details)) => {
            let on_target = |d: &ErrorDetail| {
                d.field
                    .as_deref()
                    .is_some_and(|f| f == param || f.starts_with(&format!("{param}[")))
            };
            let (mine, shared): (Vec<ErrorDetail>, Vec<ErrorDetail>) = details.into_iter().partition(on_target);
            if shared.is_empty() {
                Ok(mine.into_iter().next())
            } else {
                Err(Error::Validation(shared))
            }
        }
        Err(other) => Err(other),
    }
}

fn plan_reason(
    spec: &OperationSpec,
    allowed: usize,
    requests: usize,
    batch_max: usize,
    denied: usize,
    unknown: usize,
) -> Text {
    let counts = PlanCounts {
        allowed,
        requests,
        batch_max,
        denied,
        unknown,
    };
    messages::plan_summary(spec.action, &counts)
}

// --- merging responses ------------------------------------------------------------------

/// One response to a planned request, as the host received it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Received {
    /// `None` when the request was sent but no response arrived.
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    /// Reads the responses as the bindings receive them: a list with one entry per planned
    /// request, each `{status, body, headers}` (`status: null` for no response) or `null` for
    /// a request not sent.
    pub fn list_from_json(value: &Value) -> Result<Vec<Option<Received>>> {
        let bad = |field: String, problem: ResponsesProblem| {
            Error::Input(ErrorDetail::client(
                ClientCode::InvalidParameterResponses,
                messages::responses_problem(&field, problem),
                Some(field),
            ))
        };
        let Value::Array(items) = value else {
            return Err(bad("responses".to_owned(), ResponsesProblem::NotAList));
        };
        crate::lists::read_items(items, |index, item| {
            let field = format!("responses[{index}]");
            let Value::Object(map) = item else {
                return if item.is_null() {
                    Ok(None)
                } else {
                    Err(bad(field, ResponsesProblem::EntryShape))
                };
            };
            let status = match map.get("status") {
                None | Some(Value::Null) => None,
                Some(value) => Some(
                    value
                        .as_u64()
                        .and_then(|s| u16::try_from(s).ok())
                        .ok_or_else(|| bad(format!("{field}.status"), ResponsesProblem::Status))?,
                ),
            };
            let body = match map.get("body") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::String(text)) => text.clone().into_bytes(),
                Some(_) => return Err(bad(format!("{field}.body"), ResponsesProblem::Body)),
            };
            let headers = crate::wire::header_pairs_from_json(map.get("headers").cloned().unwrap_or(Value::Null))
                .map_err(|_| bad(format!("{field}.headers"), ResponsesProblem::Headers))?;
            Ok(Some(Received { status, headers, body }))
        })
    }
}

/// Where one id ended up once the responses are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum IdState {
    /// The provider accepted it; wait for it with a [`crate::lifecycle::Waiter`].
    Accepted,
    /// Accepted, but some of its resources failed (Compute Nest renewals).
    PartlyFailed,
    /// The provider refused it.
    Failed,
    /// A dry run passed; nothing was changed.
    DryRunPassed,
    /// The plan denied it; never sent.
    Denied,
    /// Not among the Describe items; never sent.
    Unknown,
    /// Its request has not been sent (no response given).
    NotSent,
    /// Sent, but no usable answer came back: it may or may not have been carried out.
    NoAnswer,
}

/// One resource inside a target, where the provider lists them (Compute Nest renewals).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(repr(id, failed, code))]
pub struct ResourceOutcome {
    /// The resource (Compute Nest `ResourceArn`).
    pub id: String,
    pub failed: bool,
    pub code: Option<String>,
    pub message: Option<String>,
}

/// Where one id of a plan ended up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(id, state, code))]
pub struct IdOutcome {
    pub id: String,
    pub state: IdState,
    /// The planned request that carried it; `None` for ids never planned.
    pub request_index: Option<usize>,
    /// The error code, for an id that failed or was denied.
    pub code: Option<String>,
    pub message: Option<String>,
    /// The provider's request id of the response.
    pub request_id: Option<String>,
    /// Per-resource results inside this target, where the provider lists them.
    pub resources: Vec<ResourceOutcome>,
    pub reason: String,
}

/// What to do about one planned request that failed or got no answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct RequestRetry {
    /// The planned request's index.
    pub index: usize,
    pub advice: RetryAdvice,
}

/// One outcome per id once a plan's responses are in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(operation, accepted_ids, failed_ids))]
pub struct PlanOutcome {
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    /// One per id: the planned ones in request order, then the denied and the unknown.
    pub outcomes: Vec<IdOutcome>,
    /// Hand these to a [`crate::lifecycle::Waiter`].
    pub accepted_ids: Vec<String>,
    /// The ids the provider refused.
    pub failed_ids: Vec<String>,
    /// For each request that failed or got no answer: what to do about it.
    pub retries: Vec<RequestRetry>,
    pub reason: String,
}

/// The parts of a plan [`merge_plan`] reads back. Keys are single words so the plan can make
/// the round trip through any binding.
#[derive(Debug, PartialEq, Deserialize)]
struct PlanShape {
    operation: String,
    requests: Vec<RequestShape>,
    #[serde(default)]
    denied: Vec<DenialShape>,
    #[serde(default)]
    unknown: Vec<IdShape>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct RequestShape {
    ids: Vec<String>,
    #[serde(default)]
    params: Map<String, Value>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct DenialShape {
    id: String,
    error: CodeShape,
    #[serde(default)]
    reason: String,
}

#[derive(Debug, PartialEq, Deserialize)]
struct CodeShape {
    code: String,
    #[serde(default)]
    message: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct IdShape {
    id: String,
    #[serde(default)]
    reason: String,
}

/// A plan read as `serde_json::from_value::<PlanShape>` reads it (see [`state`]); the derive
/// on the shapes is what the tests compare it with.
fn read_plan(value: &Value) -> Read<PlanShape> {
    const SHAPE: Shape = Shape {
        expecting: "struct PlanShape",
        fields: &[
            ("operation", Absent::Refused),
            ("requests", Absent::Refused),
            ("denied", Absent::Default),
            ("unknown", Absent::Default),
        ],
    };
    let mut plan = PlanShape {
        operation: String::new(),
        requests: Vec::new(),
        denied: Vec::new(),
        unknown: Vec::new(),
    };
    state::read_struct(value, &SHAPE, &mut |index, item| {
        match index {
            0 => plan.operation = state::string(item)?,
            1 => plan.requests = state::list(item, read_request)?,
            2 => plan.denied = state::list(item, read_denial)?,
            _ => plan.unknown = state::list(item, read_id)?,
        }
        Ok(())
    })?;
    Ok(plan)
}

fn read_request(value: &Value) -> Read<RequestShape> {
    const SHAPE: Shape = Shape {
        expecting: "struct RequestShape",
        fields: &[("ids", Absent::Refused), ("params", Absent::Default)],
    };
    let mut request = RequestShape {
        ids: Vec::new(),
        params: Map::new(),
    };
    state::read_struct(value, &SHAPE, &mut |index, item| {
        match index {
            0 => request.ids = state::list(item, state::string)?,
            _ => request.params = state::object(item)?,
        }
        Ok(())
    })?;
    Ok(request)
}

fn read_denial(value: &Value) -> Read<DenialShape> {
    const SHAPE: Shape = Shape {
        expecting: "struct DenialShape",
        fields: &[
            ("id", Absent::Refused),
            ("error", Absent::Refused),
            ("reason", Absent::Default),
        ],
    };
    const CODE: Shape = Shape {
        expecting: "struct CodeShape",
        fields: &[("code", Absent::Refused), ("message", Absent::Default)],
    };
    fn code(value: &Value) -> Read<CodeShape> {
        let mut code = CodeShape {
            code: String::new(),
            message: None,
        };
        state::read_struct(value, &CODE, &mut |index, item| {
            match index {
                0 => code.code = state::string(item)?,
                _ => code.message = state::option(item, state::string)?,
            }
            Ok(())
        })?;
        Ok(code)
    }
    let mut denial = DenialShape {
        id: String::new(),
        error: CodeShape {
            code: String::new(),
            message: None,
        },
        reason: String::new(),
    };
    state::read_struct(value, &SHAPE, &mut |index, item| {
        match index {
            0 => denial.id = state::string(item)?,
            1 => denial.error = code(item)?,
            _ => denial.reason = state::string(item)?,
        }
        Ok(())
    })?;
    Ok(denial)
}

fn read_id(value: &Value) -> Read<IdShape> {
    const SHAPE: Shape = Shape {
        expecting: "struct IdShape",
        fields: &[("id", Absent::Refused), ("reason", Absent::Default)],
    };
    let mut id = IdShape {
        id: String::new(),
        reason: String::new(),
    };
    state::read_struct(value, &SHAPE, &mut |index, item| {
        match index {
            0 => id.id = state::string(item)?,
            _ => id.reason = state::string(item)?,
        }
        Ok(())
    })?;
    Ok(id)
}

/// Merges the responses to a plan's requests (from [`plan`]) into one outcome per id.
/// `responses` has one entry per request, in order (`None`: not sent).
pub fn merge_plan(plan: &Value, responses: &[Option<Received>], lang: Lang) -> Result<PlanOutcome> {
    let shape = read_plan(plan).map_err(|reason| {
        Error::Input(ErrorDetail::client(
            ClientCode::InvalidParameterPlan,
            messages::plan_unreadable(&reason),
            Some("plan".to_owned()),
        ))
    })?;
    merge_shape(shape, responses, lang)
}

/// [`merge_plan`] of a plan the host holds as the core's own value: the parts it reads are
/// taken as its serialized form gives them, without the trip through JSON.
pub fn merge_held_plan(plan: &Plan, responses: &[Option<Received>], lang: Lang) -> Result<PlanOutcome> {
    let shape = PlanShape {
        operation: plan.operation.to_owned(),
        requests: crate::lists::map_items(&plan.requests, |request| RequestShape {
            ids: request.ids.clone(),
            params: request.params.clone(),
        }),
        denied: crate::lists::map_items(&plan.denied, |denial| DenialShape {
            id: denial.id.clone(),
            error: CodeShape {
                code: denial.error.code.clone(),
                message: Some(denial.error.message.clone()),
            },
            reason: denial.reason.clone(),
        }),
        unknown: crate::lists::map_items(&plan.unknown, |unknown| IdShape {
            id: unknown.id.clone(),
            reason: unknown.reason.clone(),
        }),
    };
    merge_shape(shape, responses, lang)
}

fn merge_shape(shape: PlanShape, responses: &[Option<Received>], lang: Lang) -> Result<PlanOutcome> {
    let spec = operation(&shape.operation)?;
    if responses.len() != shape.requests.len() {
        return Err(Error::Input(ErrorDetail::client(
            ClientCode::InvalidParameterResponses,
            messages::response_count(shape.requests.len(), responses.len()),
            Some("responses".to_owned()),
        )));
    }
    let mut outcomes = Vec::new();
    let mut retries = Vec::new();
    for (index, (request, response)) in shape.requests.iter().zip(responses).enumerate() {
        merge_one(
            spec,
            index,
            request,
            response.as_ref(),
            lang,
            &mut outcomes,
            &mut retries,
        )?;
    }
    for denial in &shape.denied {
        outcomes.push(IdOutcome {
            id: denial.id.clone(),
            state: IdState::Denied,
            request_index: None,
            code: Some(denial.error.code.clone()),
            message: denial.error.message.clone(),
            request_id: None,
            resources: Vec::new(),
            reason: denial.reason.clone(),
        });
    }
    for unknown in &shape.unknown {
        outcomes.push(IdOutcome {
            id: unknown.id.clone(),
            state: IdState::Unknown,
            request_index: None,
            code: None,
            message: None,
            request_id: None,
            resources: Vec::new(),
            reason: unknown.reason.clone(),
        });
    }
    let pick = |states: &[IdState]| {
        let mut ids = Vec::new();
        for outcome in outcomes.iter().filter(|o| states.contains(&o.state)) {
            ids.push(outcome.id.clone());
        }
        ids
    };
    let accepted_ids = pick(&[IdState::Accepted, IdState::PartlyFailed]);
    let failed_ids = pick(&[IdState::Failed]);
    let counts = |state: IdState| outcomes.iter().filter(|o| o.state == state).count();
    let reason = messages::merge_summary(&MergeCounts {
        accepted: counts(IdState::Accepted),
        partly_failed: counts(IdState::PartlyFailed),
        failed: counts(IdState::Failed),
        dry_run: counts(IdState::DryRunPassed),
        no_answer: counts(IdState::NoAnswer),
        not_sent: counts(IdState::NotSent),
        denied: counts(IdState::Denied),
        unknown: counts(IdState::Unknown),
    });
    Ok(PlanOutcome {
        operation: spec.id,
        outcomes,
        accepted_ids,
        failed_ids,
        retries,
        reason: reason.get(lang).to_owned(),
    })
}

fn merge_one(
    spec: &OperationSpec,
    index: usize,
    request: &RequestShape,
    response: Option<&Received>,
    lang: Lang,
    outcomes: &mut Vec<IdOutcome>,
    retries: &mut Vec<RequestRetry>,
) -> Result<()> {
    let action = spec.action;
    let each = |outcomes: &mut Vec<IdOutcome>,
                state: IdState,
                code: Option<String>,
                message: Option<String>,
                request_id: Option<String>,
                reason: &Text| {
        for id in &request.ids {
            outcomes.push(IdOutcome {
                id: id.clone(),
                state,
                request_index: Some(index),
                code: code.clone(),
                message: message.clone(),
                request_id: request_id.clone(),
                resources: Vec::new(),
                reason: reason.get(lang).to_owned(),
            });
        }
    };
    let params = Value::Object(request.params.clone());
    let Some(received) = response else {
        let reason = messages::request_fate(index, &RequestFate::NotSent);
        each(outcomes, IdState::NotSent, None, None, None, &reason);
        return Ok(());
    };
    let Some(status) = received.status else {
        let call = FailedCall {
            params: Some(params),
            attempt: 1,
            ..FailedCall::default()
        };
        let advice = retry_advice(spec.id, &call, lang)?;
        let reason = messages::request_fate(index, &RequestFate::NoAnswer { action });
        each(outcomes, IdState::NoAnswer, None, None, None, &reason);
        retries.push(RequestRetry { index, advice });
        return Ok(());
    };
    match parse_response(spec.id, status, &received.headers, &received.body) {
        Ok(parsed) if parsed.outcome == ResponseOutcome::DryRunPassed => {
            let reason = messages::request_fate(index, &RequestFate::DryRunPassed);
            let code = parsed.dry_run.as_ref().map(|d| d.code.clone());
            each(
                outcomes,
                IdState::DryRunPassed,
                code,
                None,
                parsed.request_id.clone(),
                &reason,
            );
        }
        Ok(parsed) => {
            // Failures that name no target are resources inside a single target (Compute Nest
            // `FailureDetails[].ResourceArn`); a batch lists the failed targets themselves.
            let single = matches!(spec.target, TargetSpec::Single { .. });
            let mut failed_resources = Vec::new();
            for failure in parsed
                .failures
                .iter()
                .filter(|f| single && !request.ids.contains(&f.id))
            {
                failed_resources.push(ResourceOutcome {
                    id: failure.id.clone(),
                    failed: true,
                    code: failure.code.clone(),
                    message: failure.message.clone(),
                });
            }
            for id in &request.ids {
                let failure = parsed.failures.iter().find(|f| f.id == *id);
                let resources = listed_resources(&request.params, &failed_resources);
                let renewal_failed = parsed.renewal.is_some_and(|r| r.failed > 0);
                let (state, fate) = match failure {
                    Some(_) => (IdState::Failed, IdFate::Failed),
                    None if !failed_resources.is_empty() || renewal_failed => {
                        let failed = failed_resources
                            .len()
                            .max(parsed.renewal.map_or(0, |r| usize::try_from(r.failed).unwrap_or(0)));
                        (IdState::PartlyFailed, IdFate::PartlyFailed { failed })
                    }
                    None => (IdState::Accepted, IdFate::Accepted),
                };
                let reason = messages::id_fate(action, id, fate);
                outcomes.push(IdOutcome {
                    id: id.clone(),
                    state,
                    request_index: Some(index),
                    code: failure.and_then(|f| f.code.clone()),
                    message: failure.and_then(|f| f.message.clone()),
                    request_id: parsed.request_id.clone(),
                    resources,
                    reason: reason.get(lang).to_owned(),
                });
            }
        }
        Err(error @ (Error::Api(_) | Error::Parse(_))) => {
            let advice = advise_error(spec.id, &error, &received.headers, Some(&params), None, lang)?;
            let detail = error.primary();
            let code = detail.map(|d| d.code.clone());
            let message = detail.map(|d| d.message.get(lang).to_owned());
            let request_id = match &error {
                Error::Api(api) => api.request_id.clone(),
                _ => None,
            };
            let state = if matches!(error, Error::Parse(_)) {
                IdState::NoAnswer
            } else {
                IdState::Failed
            };
            let reason = messages::request_fate(
                index,
                &RequestFate::Failed {
                    code: code.as_deref().unwrap_or_default(),
                    advice: &advice.reason,
                },
            );
            each(outcomes, state, code, message, request_id, &reason);
            retries.push(RequestRetry { index, advice });
        }
        Err(other) => return Err(other),
    }
    Ok(())
}

/// For a request that listed its resources (`ResourcePeriod[].ResourceArn`), one outcome per
/// listed resource, then any failed resource it did not list.
fn listed_resources(params: &Map<String, Value>, failed: &[ResourceOutcome]) -> Vec<ResourceOutcome> {
    let mut listed: Vec<&str> = Vec::new();
    for item in params.values().filter_map(Value::as_array).flatten() {
        if let Some(arn) = item.get("ResourceArn").and_then(Value::as_str) {
            listed.push(arn);
        }
    }
    let mut out: Vec<ResourceOutcome> =
        crate::lists::map_items(&listed, |arn| match failed.iter().find(|f| f.id == *arn) {
            Some(failure) => failure.clone(),
            None => ResourceOutcome {
                id: (*arn).to_owned(),
                failed: false,
                code: None,
                message: None,
            },
        });
    out.extend(failed.iter().filter(|f| !listed.contains(&f.id.as_str())).cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The hand-written reader gives what `serde_json::from_value` gives, value or error text,
    /// for a valid plan and for many near misses of it.
    #[test]
    fn reads_plans_as_serde_reads_them() {
        use crate::lifecycle::state::variations::agree_with_serde;
        let ids = json!(["1660545330971680835", "1660545330971680836", "1660545330971680837"]);
        let items = json!([
            {"instanceId": "1660545330971680835", "instanceStatus": "RUNNING"},
            {"instanceId": "1660545330971680836", "instanceStatus": "STOPPED"},
        ]);
        let planned = plan("zec:RebootInstances", &ids, &items, &PlanOptions::default()).expect("plan");
        let base = serde_json::to_value(&planned).expect("serializes");
        assert!(!planned.denied.is_empty() && !planned.unknown.is_empty());
        let words = [
            "operation",
            "requests",
            "denied",
            "unknown",
            "ids",
            "params",
            "id",
            "error",
            "code",
            "message",
            "reason",
            "zec:RebootInstances",
            "extra",
        ];
        agree_with_serde::<PlanShape>(&base, &words, 0x91a7, read_plan);
    }

    /// A held plan merges as its JSON form does, for every outcome a response can give.
    #[test]
    fn a_held_plan_merges_as_its_json_form() {
        let ids = json!(["1660545330971680835", "1660545330971680836", "1660545330971680837"]);
        let items = json!([
            {"instanceId": "1660545330971680835", "instanceStatus": "RUNNING"},
            {"instanceId": "1660545330971680836", "instanceStatus": "STOPPED"},
        ]);
        let planned = plan("zec:RebootInstances", &ids, &items, &PlanOptions::default()).expect("plan");
        let json = serde_json::to_value(&planned).expect("serializes");
        let ok = Received {
            status: Some(200),
            headers: Vec::new(),
            body: br#"{"requestId":"r","response":{"requestId":"r","instanceIds":[]}}"#.to_vec(),
        };
        let failed = Received {
            status: Some(400),
            headers: Vec::new(),
            body: br#"{"code":"INVALID_INSTANCE_STATUS","message":"m","requestId":"r"}"#.to_vec(),
        };
        let no_answer = Received {
            status: None,
            headers: Vec::new(),
            body: Vec::new(),
        };
        for responses in [
            vec![Some(ok)],
            vec![Some(failed)],
            vec![Some(no_answer)],
            vec![None],
            vec![],
        ] {
            for lang in [Lang::En, Lang::Zh] {
                assert_eq!(
                    merge_held_plan(&planned, &responses, lang),
                    merge_plan(&json, &responses, lang)
                );
            }
        }
    }
}

//! State pre-checks: given resources as the provider's Describe API returns them, decide per
//! resource whether the operation would be accepted, with the provider's own error if not.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::operation;
use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail, RenderedError, Result};
use crate::id_index::{FirstIndex, IdSet};
use crate::lang::{Lang, Text};
use crate::messages::{self, Path, Refusal, ResourceProblem, StatusReading, Subject};
use crate::params::{describe_value, object_field, validate_spec, Options, Validated};
use crate::record::Record;
use crate::spec::{Guard, OperationSpec, TargetSpec, Transition};

/// Resource lists longer than this are refused before any work (a console page never needs more).
pub const MAX_RESOURCES: usize = 10_000;

/// Whether the operation may happen: per resource, and overall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(operation, allowed, dry_run, allowed_ids, denied_ids, error))]
pub struct Verdict {
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    /// Every target would be accepted (for a dry run: would pass).
    pub allowed: bool,
    /// The request is a dry run (ECS `DryRun=true`): nothing would change.
    pub dry_run: bool,
    /// One per target, in the order of the request (or of `resources`, without parameters).
    pub outcomes: Vec<TargetOutcome>,
    /// The ids that would be accepted (for a dry run: would pass).
    pub allowed_ids: Vec<String>,
    /// The ids the provider would refuse; for a ZEC batch, what its response would list.
    pub denied_ids: Vec<String>,
    /// What a single-resource call would answer instead of success: the first denial, or
    /// `DryRunOperation` for a passing dry run. Batch calls report per id instead.
    pub error: Option<RenderedError>,
}

/// The pre-check's answer for one resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(name = "Outcome", repr(id, decision, status, error))]
pub struct TargetOutcome {
    /// The resource's id.
    pub id: String,
    pub decision: TargetDecision,
    /// The status the Describe data reports; `None` when the resource was not found.
    pub status: Option<String>,
    /// For a denial, the error the provider would answer with.
    pub error: Option<RenderedError>,
    /// Why, in the caller's language; meant for a tooltip.
    pub reason: String,
    /// Where the status goes once the call is accepted.
    pub transition: Option<TransitionView>,
}

/// What the pre-check decided for one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
#[record(name = "Decision")]
pub enum TargetDecision {
    Allow,
    Deny,
    /// Everything passed and the request is a dry run: the provider answers `DryRunOperation`.
    DryRun,
}

/// Where a status goes once the call is accepted. In Python the attribute `from` is `from_`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(python = "Transition", ts = "TransitionView")]
pub struct TransitionView {
    /// The status now.
    pub from: String,
    /// `None` where the provider does not document the intermediate status.
    pub immediate: Option<String>,
    /// Where it ends.
    pub settled: String,
}

/// Validates `params`, finds each target among `resources` and applies the operation's guards.
pub fn precheck(op_id: &str, params: &Value, resources: &Value, options: &Options) -> Result<Verdict> {
    let spec = operation(op_id)?;
    check_list_length(spec, resources)?;
    let validated = validate_spec(spec, params, options)?;
    let items = read_resources(spec, resources)?;
    // The first item with an id answers for it, as a scan of the list would find it; a map
    // keeps 100 targets among 10,000 items from costing a million comparisons.
    let by_id = FirstIndex::new(items.iter().map(|item| &*item.id));
    crate::work::add(items.len());
    Ok(judge_targets(
        spec,
        &validated,
        |id| by_id.get(id).and_then(|index| items.get(index)).cloned(),
        options,
    ))
}

/// The verdict on each target of a validated request, the item for an id found by `find`.
pub(crate) fn judge_targets<'a>(
    spec: &'static OperationSpec,
    validated: &Validated,
    find: impl Fn(&str) -> Option<Item<'a>>,
    options: &Options,
) -> Verdict {
    let targets = target_ids(spec, &validated.params);
    let dry_run = spec
        .dry_run
        .is_some_and(|d| validated.effective(d.param) == Some(&Value::Bool(true)));
    crate::work::add(targets.len());
    let outcomes = crate::lists::map_items(&targets, |id| match find(id) {
        Some(item) => judge(spec, &item, dry_run, options),
        None => not_found(spec, id, options.lang),
    });
    summarise(spec, outcomes, dry_run, options.lang)
}

/// [`precheck`] for scripts that should stop rather than send: a verdict that is not allowed
/// becomes [`Error::Denied`], one detail per refused target, whose field is the target's
/// parameter path (`InstanceId`, `instanceIds[3]`).
pub fn check(op_id: &str, params: &Value, resources: &Value, options: &Options) -> Result<Verdict> {
    let verdict = precheck(op_id, params, resources, options)?;
    refuse_denials(operation(op_id)?, verdict)
}

/// The verdict itself when it is allowed; else [`Error::Denied`], as [`check`] answers.
pub(crate) fn refuse_denials(spec: &OperationSpec, verdict: Verdict) -> Result<Verdict> {
    if verdict.allowed {
        return Ok(verdict);
    }
    let param = spec.target.param();
    let field = |index: usize| match spec.target {
        TargetSpec::Batch { .. } => format!("{param}[{index}]"),
        TargetSpec::Single { .. } => param.to_owned(),
    };
    let mut details = Vec::new();
    for (index, outcome) in verdict.outcomes.iter().enumerate() {
        if let (TargetDecision::Deny, Some(error)) = (outcome.decision, &outcome.error) {
            details.push(spec.error_detail(&error.code, Some(field(index))));
        }
    }
    Err(Error::Denied(details))
}

/// Judges each resource on its own, without request parameters: "which of these 37 instances
/// could be rebooted right now?"
pub fn precheck_resources(op_id: &str, resources: &Value, options: &Options) -> Result<Verdict> {
    let spec = operation(op_id)?;
    check_list_length(spec, resources)?;
    let items = read_resources(spec, resources)?;
    let outcomes = crate::lists::map_items(&items, |item| judge(spec, item, false, options));
    Ok(summarise(spec, outcomes, false, options.lang))
}

/// Refuses a resource list longer than [`MAX_RESOURCES`] by its length alone, before the
/// parameters are validated or any item is read.
fn check_list_length(spec: &OperationSpec, resources: &Value) -> Result<()> {
    match resources {
        Value::Array(items) if items.len() > MAX_RESOURCES => Err(too_many_resources(spec, "resources", items.len())),
        _ => Ok(()),
    }
}

/// The ids a validated request acts on.
pub fn target_ids(spec: &OperationSpec, params: &serde_json::Map<String, Value>) -> Vec<String> {
    let collect = |value: Option<&Value>| -> Vec<String> {
        match value {
            Some(Value::String(id)) => vec![id.clone()],
            Some(Value::Array(ids)) => {
                let mut owned = Vec::with_capacity(ids.len());
                for id in ids.iter().filter_map(Value::as_str) {
                    owned.push(id.to_owned());
                }
                owned
            }
            _ => Vec::new(),
        }
    };
    collect(params.get(spec.target.param()))
}

/// What a single-target call answers instead of success: its first denial's error, or
/// `DryRunOperation` for a passing dry run. A batch call reports per id instead.
pub(crate) fn single_target_error(
    spec: &OperationSpec,
    first_denial: Option<Option<&RenderedError>>,
    passing_dry_run: bool,
    lang: Lang,
) -> Option<RenderedError> {
    match spec.target {
        TargetSpec::Batch { .. } => None,
        TargetSpec::Single { .. } => match first_denial {
            Some(error) => error.cloned(),
            None if passing_dry_run => spec.dry_run.map(|d| spec.error_detail(d.code, None).render(lang)),
            None => None,
        },
    }
}

pub(crate) fn summarise(
    spec: &'static OperationSpec,
    outcomes: Vec<TargetOutcome>,
    dry_run: bool,
    lang: Lang,
) -> Verdict {
    let allowed = !outcomes.is_empty() && outcomes.iter().all(|o| o.decision != TargetDecision::Deny);
    let (allowed_ids, denied_ids) = outcomes.iter().fold((Vec::new(), Vec::new()), |(mut yes, mut no), o| {
        if o.decision == TargetDecision::Deny {
            no.push(o.id.clone());
        } else {
            yes.push(o.id.clone());
        }
        (yes, no)
    });
    let first_denial = outcomes.iter().find(|o| o.decision == TargetDecision::Deny);
    let error = single_target_error(spec, first_denial.map(|o| o.error.as_ref()), dry_run && allowed, lang);
    Verdict {
        operation: spec.id,
        allowed,
        dry_run,
        outcomes,
        allowed_ids,
        denied_ids,
        error,
    }
}

/// One Describe item, with the fields every guard needs already read: borrowed from the item,
/// so that reading 10,000 items copies no text (a target found by `precheck` of groups owns its
/// id, which it takes from the caller's list).
#[derive(Clone)]
pub(crate) struct Item<'a> {
    pub(crate) id: Cow<'a, str>,
    pub(crate) status: &'a str,
    pub(crate) raw: &'a Value,
}

/// Accepts a list of Describe items, one item, or a whole Describe response.
pub(crate) fn read_resources<'a>(spec: &OperationSpec, resources: &'a Value) -> Result<Vec<Item<'a>>> {
    // `single`: one item given on its own, whose path is `resources` itself.
    let (list, prefix, single): (Vec<&Value>, String, bool) = match resources {
        Value::Array(items) => (items.iter().collect(), "resources".to_owned(), false),
        Value::Object(_) if object_field(resources, spec.resource.id_field).is_some() => {
            (vec![resources], "resources".to_owned(), true)
        }
        Value::Object(_) => match spec.resource.list_paths.iter().find_map(|path| {
            lookup(resources, path)
                .and_then(Value::as_array)
                .map(|items| (items, *path))
        }) {
            Some((items, path)) => (
                items.iter().collect(),
                format!("resources.{}", crate::lang::join(path, ".")),
                false,
            ),
            None => return Err(shape_error(spec, "resources", &ResourceProblem::NotAResourceList)),
        },
        _ => return Err(shape_error(spec, "resources", &ResourceProblem::NotAResourceList)),
    };
    if list.len() > MAX_RESOURCES {
        return Err(too_many_resources(spec, &prefix, list.len()));
    }
    let mut items = Vec::with_capacity(list.len());
    let mut problems = Problems::default();
    crate::work::add(list.len());
    for (index, raw) in list.into_iter().enumerate() {
        // The item's path, made only for an item that is refused.
        let field = || {
            if single {
                prefix.clone()
            } else {
                format!("{prefix}[{index}]")
            }
        };
        if !raw.is_object() {
            let field = field();
            let problem = ResourceProblem::ItemNotObject {
                got: &describe_value(raw),
            };
            problems.push(resource_detail(spec, field, &problem));
            continue;
        }
        let id = object_field(raw, spec.resource.id_field).and_then(Value::as_str);
        let status = object_field(raw, spec.resource.status_field)
            .or_else(|| {
                spec.resource
                    .status_aliases
                    .iter()
                    .find_map(|alias| object_field(raw, alias))
            })
            .and_then(Value::as_str);
        match (id, status) {
            (Some(id), Some(status)) => items.push(Item {
                id: Cow::Borrowed(id),
                status,
                raw,
            }),
            (None, _) => problems.push(missing_field(spec, &field(), spec.resource.id_field, raw)),
            (Some(_), None) => problems.push(missing_field(spec, &field(), spec.resource.status_field, raw)),
        }
    }
    if problems.listed.is_empty() {
        Ok(items)
    } else {
        Err(problems.into_error(spec))
    }
}

/// The first [`crate::params::MAX_VIOLATIONS`] problems, and how many more there were.
#[derive(Default)]
struct Problems {
    listed: Vec<ErrorDetail>,
    unlisted: usize,
}

impl Problems {
    fn push(&mut self, detail: ErrorDetail) {
        if self.listed.len() < crate::params::MAX_VIOLATIONS {
            self.listed.push(detail);
        } else {
            self.unlisted += 1;
        }
    }

    fn into_error(mut self, spec: &OperationSpec) -> Error {
        if self.unlisted > 0 {
            self.listed.push(ErrorDetail::client(
                ClientCode::invalid(spec.provider),
                messages::unlisted_violations(self.unlisted),
                None,
            ));
        }
        Error::Validation(self.listed)
    }
}

/// The refusal of a resource list over [`MAX_RESOURCES`]; the host reader uses it too, before
/// it reads any item.
pub(crate) fn too_many_resources(spec: &OperationSpec, field: &str, count: usize) -> Error {
    shape_error(
        spec,
        field,
        &ResourceProblem::TooMany {
            max: MAX_RESOURCES,
            got: count,
        },
    )
}

fn shape_error(spec: &OperationSpec, field: &str, problem: &ResourceProblem<'_>) -> Error {
    Error::Validation(vec![resource_detail(spec, field.to_owned(), problem)])
}

fn resource_detail(spec: &OperationSpec, field: String, problem: &ResourceProblem<'_>) -> ErrorDetail {
    let message = messages::resource_problem(&field, spec.resource.describe_api, problem);
    ErrorDetail::client(ClientCode::invalid(spec.provider), message, Some(field))
}

fn missing_field(spec: &OperationSpec, item_field: &str, name: &str, raw: &Value) -> ErrorDetail {
    let got = raw
        .get(name)
        .map(describe_value)
        .unwrap_or_else(|| "nothing".to_owned());
    resource_detail(
        spec,
        format!("{item_field}.{name}"),
        &ResourceProblem::FieldNotString { got: &got },
    )
}

fn lookup<'a>(value: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(value, |current, key| object_field(current, key))
}

fn not_found(spec: &OperationSpec, id: &str, lang: Lang) -> TargetOutcome {
    let reason = messages::not_found(&spec.resource.noun, id, spec.resource.describe_api);
    deny(
        spec,
        id,
        None,
        spec.resource.not_found,
        reason.get(lang).to_owned(),
        lang,
    )
}

fn deny(spec: &OperationSpec, id: &str, status: Option<&str>, code: &str, reason: String, lang: Lang) -> TargetOutcome {
    TargetOutcome {
        id: id.to_owned(),
        decision: TargetDecision::Deny,
        status: status.map(str::to_owned),
        error: Some(spec.error_detail(code, None).render(lang)),
        reason,
        transition: None,
    }
}

pub(crate) fn judge(spec: &OperationSpec, item: &Item<'_>, dry_run: bool, options: &Options) -> TargetOutcome {
    let lang = options.lang;
    let subject = Subject {
        noun: &spec.resource.noun,
        id: &item.id,
        status: item.status,
        action: spec.action,
    };
    for guard in spec.guards {
        if let Some((code, refused)) = refusal(spec, guard, item, options) {
            return deny(
                spec,
                &item.id,
                Some(item.status),
                code,
                messages::refusal(lang, &subject, &refused.as_refusal()),
                lang,
            );
        }
    }
    let (transition, path) = match spec.transition {
        Transition::Through { immediate, settled } => (
            TransitionView {
                from: item.status.to_owned(),
                immediate: Some(immediate.to_owned()),
                settled: settled.to_owned(),
            },
            Path::Through { immediate, settled },
        ),
        Transition::Settles { settled } => (
            TransitionView {
                from: item.status.to_owned(),
                immediate: None,
                settled: settled.to_owned(),
            },
            Path::Settles { settled },
        ),
        Transition::Unchanged => (
            TransitionView {
                from: item.status.to_owned(),
                immediate: Some(item.status.to_owned()),
                settled: item.status.to_owned(),
            },
            Path::Stays,
        ),
    };
    TargetOutcome {
        id: item.id.to_string(),
        decision: if dry_run {
            TargetDecision::DryRun
        } else {
            TargetDecision::Allow
        },
        status: Some(item.status.to_owned()),
        error: None,
        reason: messages::allowed(lang, &subject, &path, dry_run),
        transition: Some(transition),
    }
}

/// A guard's refusal as data, owning what it read from the item; [`messages::refusal`] words it.
enum Refused<'a> {
    Status { meaning: &'a Text },
    UnknownStatus { shown: String },
    WrongStatus { wanted: String },
    Locked { reason: String, detail: String },
    Expired { at: String },
    OperationNotOffered { operation: &'a str, offered: Vec<String> },
    OperationUnknown { operation: &'a str, problem: Text },
}

impl Refused<'_> {
    fn as_refusal(&self) -> Refusal<'_> {
        match self {
            Refused::Status { meaning } => Refusal::RefusedStatus { meaning },
            Refused::UnknownStatus { shown } => Refusal::UnknownStatus { shown },
            Refused::WrongStatus { wanted } => Refusal::WrongStatus { wanted },
            Refused::Locked { reason, detail } => Refusal::Locked { reason, detail },
            Refused::Expired { at } => Refusal::Expired { at },
            Refused::OperationNotOffered { operation, offered } => Refusal::OperationNotOffered { operation, offered },
            Refused::OperationUnknown { operation, problem } => Refusal::OperationUnknown { operation, problem },
        }
    }
}

/// The code and the reason of the guard's refusal, or `None` if the guard lets the item pass.
fn refusal<'a>(
    spec: &OperationSpec,
    guard: &'a Guard,
    item: &Item<'_>,
    options: &Options,
) -> Option<(&'static str, Refused<'a>)> {
    let status = item.status;
    match guard {
        Guard::StatusNotIn {
            statuses,
            meaning,
            code,
        } => statuses
            .contains(&status)
            .then_some((*code, Refused::Status { meaning })),
        Guard::StatusIn { statuses, code } => {
            if statuses.contains(&status) {
                None
            } else if !spec.resource.statuses.contains(&status) {
                Some((*code, Refused::UnknownStatus { shown: clip(status) }))
            } else {
                Some((
                    *code,
                    Refused::WrongStatus {
                        wanted: crate::lang::join(statuses, " / "),
                    },
                ))
            }
        }
        Guard::Locks {
            container,
            list,
            reason_field,
            by_reason,
            unknown,
        } => {
            let locks = object_field(item.raw, container)
                .and_then(|c| object_field(c, list))
                .and_then(Value::as_array)?;
            let (reason, message) = locks.iter().find_map(|lock| match lock {
                Value::String(reason) => Some((reason.as_str(), "")),
                other => object_field(other, reason_field).and_then(Value::as_str).map(|reason| {
                    let message = object_field(other, "LockMsg").and_then(Value::as_str);
                    (reason, message.unwrap_or(""))
                }),
            })?;
            let code = by_reason
                .iter()
                .find(|(known, _)| *known == reason)
                .map(|(_, code)| *code)
                .unwrap_or(unknown);
            Some((
                code,
                Refused::Locked {
                    reason: clip(reason),
                    detail: clip(message),
                },
            ))
        }
        Guard::NotExpired {
            charge_field,
            prepaid,
            expires_field,
            code,
        } => {
            let now = options.now?;
            let is_prepaid = object_field(item.raw, charge_field).and_then(Value::as_str) == Some(prepaid);
            let expires_text = object_field(item.raw, expires_field).and_then(Value::as_str)?;
            let expired = is_prepaid && crate::time::parse_utc(expires_text).is_some_and(|expires| expires <= now);
            expired.then(|| (*code, Refused::Expired { at: clip(expires_text) }))
        }
        Guard::SupportsOperation { operation, code } => match supported_operations(item.raw) {
            Ok(supported) if supported.iter().any(|s| s == operation) => None,
            Ok(offered) => Some((*code, Refused::OperationNotOffered { operation, offered })),
            Err(problem) => Some((*code, Refused::OperationUnknown { operation, problem })),
        },
    }
}

/// Reads `Service.OperationMetadata.StatusOperationConfigs[].SupportOperations` of a
/// GetServiceInstance item. The metadata arrives as a JSON string; an object is accepted too.
/// When the instance names its `TemplateName`, only that template's configuration counts.
fn supported_operations(item: &Value) -> std::result::Result<Vec<String>, Text> {
    const MAX_METADATA_BYTES: usize = 256 * 1024;
    let raw = item
        .get("Service")
        .and_then(|s| s.get("OperationMetadata"))
        .ok_or(messages::METADATA_MISSING)?;
    let parsed;
    let metadata = match raw {
        Value::String(encoded) if encoded.len() > MAX_METADATA_BYTES => return Err(messages::METADATA_TOO_LARGE),
        Value::String(encoded) if encoded.trim().is_empty() => return Ok(Vec::new()),
        Value::String(encoded) => {
            parsed = crate::json::parse(encoded).map_err(|_| messages::METADATA_NOT_JSON)?;
            &parsed
        }
        other => other,
    };
    let template = item.get("TemplateName").and_then(Value::as_str);
    let configs = metadata
        .get("StatusOperationConfigs")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    // Distinct names in first-seen order. The set makes each check O(log n): metadata of
    // 256 KB can list 30,000 names, and a list scan per name would be quadratic.
    let mut seen = IdSet::with_capacity(0);
    let mut supported: Vec<String> = Vec::new();
    for config in configs {
        crate::work::add(1);
        let config_template = config.get("TemplateName").and_then(Value::as_str);
        if template.is_some() && config_template.is_some() && template != config_template {
            continue;
        }
        let operations = config
            .get("SupportOperations")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        crate::work::add(operations.len());
        for name in operations.iter().filter_map(Value::as_str) {
            if seen.insert(name) {
                supported.push(name.to_owned());
            }
        }
    }
    Ok(supported)
}

/// Where a polled status stands relative to the operation's goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(operation, status, state, target))]
pub struct WaitState {
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    /// The status that was classified.
    pub status: String,
    pub state: WaitProgress,
    /// The statuses that mean the goal.
    pub target: Vec<String>,
    /// Why, in the requested language.
    pub reason: String,
}

/// `done` (synchronous operations only: nothing to wait for), `goal` (the target status, which
/// alone cannot show the operation finished), `pending` (poll again) or `failed` (stop waiting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum WaitProgress {
    Done,
    Goal,
    Pending,
    Failed,
}

/// Classifies one status observed while waiting, without memory. The target status of an
/// asynchronous operation is `goal`, never `done`: right after `RebootInstance` the instance
/// still reads `Running`, so only a [`crate::lifecycle::Waiter`], which remembers what it saw
/// since the send, can tell that the operation has finished.
pub fn wait_status(op_id: &str, status: &str, options: &Options) -> Result<WaitState> {
    let spec = operation(op_id)?;
    let wait = &spec.wait;
    let shown = clip(status);
    let synchronous = wait.target.is_empty() || spec.lifecycle.waiter.evidence.is_empty();
    let reading = if synchronous {
        StatusReading::Synchronous
    } else if wait.target.contains(&status) {
        StatusReading::Goal
    } else if wait.pending.contains(&status) {
        StatusReading::OnTheWay
    } else if wait.failure.contains(&status) {
        StatusReading::Failure
    } else {
        StatusReading::Unknown
    };
    let state = match reading {
        StatusReading::Synchronous => WaitProgress::Done,
        StatusReading::Goal => WaitProgress::Goal,
        StatusReading::OnTheWay => WaitProgress::Pending,
        StatusReading::Failure | StatusReading::Unknown => WaitProgress::Failed,
    };
    let reason = messages::status_reading(reading, &shown, spec.action, wait.target);
    Ok(WaitState {
        operation: spec.id,
        status: shown,
        state,
        target: crate::lists::strings(wait.target),
        reason: reason.get(options.lang).to_owned(),
    })
}

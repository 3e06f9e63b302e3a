//! The four operations, answered by one generic handler over their `OperationSpec`s: the
//! core validates the parameters and runs its pre-check on the emulator's own resources, so
//! the emulator refuses exactly what opgate predicts; an accepted call then moves the
//! resource along the spec's transition.

use std::collections::BTreeSet;

use opgate::params::Options;
use opgate::precheck::{target_ids, TargetDecision};
use opgate::spec::{Format, OperationSpec, ParamKind, TargetSpec};
use opgate::Lang;
use serde_json::{Map, Value};

use crate::wire::ApiError;
use crate::world::{collection_of, Replay, World, COLLECTIONS};

/// What an accepted call answers, besides the request id.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub payload: Map<String, Value>,
    pub targets: Vec<String>,
}

/// A refused call: the error and the ids it named.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub error: ApiError,
    pub targets: Vec<String>,
}

impl Refused {
    fn new(error: ApiError, targets: Vec<String>) -> Self {
        Refused { error, targets }
    }
}

/// Reads RPC parameters (`Name`, `Name.1`, `Name.1.Field`, all strings) back into the typed
/// JSON the core validates, following the spec's parameter kinds. Values that do not parse
/// as their kind stay strings, so the core refuses them with the provider's code instead of
/// the emulator guessing. Booleans are read as Java's `Boolean.parseBoolean` reads them
/// (the Python SDK sends `True`). Parameters the spec does not know are ignored, as the
/// providers ignore them.
pub fn rpc_params(op: &OperationSpec, pairs: &[(String, String)]) -> Value {
    let mut params = Map::new();
    for spec in op.params {
        if let Some(value) = rpc_value(spec.name, &spec.kind, pairs) {
            params.insert(spec.name.to_owned(), value);
        }
    }
    Value::Object(params)
}

fn rpc_value(key: &str, kind: &ParamKind, pairs: &[(String, String)]) -> Option<Value> {
    let scalar = || {
        pairs
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.clone())
    };
    match kind {
        ParamKind::Bool { .. } => scalar().map(|text| match text.to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(text),
        }),
        ParamKind::Int { .. } => scalar().map(|text| {
            text.trim()
                .parse::<i64>()
                .map(Value::from)
                .unwrap_or(Value::String(text))
        }),
        ParamKind::Enum { .. } | ParamKind::Str { .. } => scalar().map(Value::String),
        ParamKind::List { item, max, .. } => {
            let prefix = format!("{key}.");
            let indices: BTreeSet<usize> = pairs
                .iter()
                .filter_map(|(name, _)| name.strip_prefix(&prefix))
                .filter_map(|rest| rest.split('.').next())
                .filter_map(|index| index.parse::<usize>().ok())
                .filter(|index| *index >= 1)
                .collect();
            if indices.is_empty() {
                return None;
            }
            // One more than allowed is enough for the core to report the list as too long.
            let items: Vec<Value> = indices
                .into_iter()
                .take(max.saturating_add(1))
                .filter_map(|index| rpc_value(&format!("{key}.{index}"), item, pairs))
                .collect();
            Some(Value::Array(items))
        }
        ParamKind::Object { fields } => {
            let mut object = Map::new();
            for field in *fields {
                if let Some(value) = rpc_value(&format!("{key}.{}", field.name), &field.kind, pairs) {
                    object.insert(field.name.to_owned(), value);
                }
            }
            (!object.is_empty()).then_some(Value::Object(object))
        }
    }
}

/// Zenlayer bodies are JSON already; only the spec's parameters are kept.
pub fn json_params(op: &OperationSpec, body: &Map<String, Value>) -> Value {
    let mut params = Map::new();
    for spec in op.params {
        if let Some(value) = body.get(spec.name) {
            params.insert(spec.name.to_owned(), value.clone());
        }
    }
    Value::Object(params)
}

/// The ids a request names, read before validation so a refusal can still say which.
pub fn named_targets(op: &OperationSpec, params: &Value) -> Vec<String> {
    match params.get(op.target.param()) {
        Some(Value::String(id)) => vec![id.clone()],
        Some(Value::Array(ids)) => ids
            .iter()
            .filter_map(|id| id.as_str().map(str::to_owned))
            .take(100)
            .collect(),
        _ => Vec::new(),
    }
}

fn client_token_param(op: &OperationSpec) -> Option<&'static str> {
    op.params
        .iter()
        .find(|p| {
            matches!(
                p.kind,
                ParamKind::Str {
                    format: Format::ClientToken
                }
            )
        })
        .map(|p| p.name)
}

/// Answers one call of `op` on the world's resources.
pub fn call(world: &mut World, op: &'static OperationSpec, params: &Value) -> Result<Accepted, Refused> {
    let named = named_targets(op, params);
    let now = world.now();
    let options = Options {
        lang: Lang::En,
        now: Some(now),
        int_bounds: Vec::new(),
    };
    let validated = opgate::validate(op.id, params, &options)
        .map_err(|error| Refused::new(ApiError::from_core(&error), named.clone()))?;

    // Idempotency first: a retry must get the first answer even though the status has moved on.
    let token = client_token_param(op).and_then(|name| {
        validated
            .params
            .get(name)
            .and_then(Value::as_str)
            .map(|t| (name, t.to_owned()))
    });
    let fingerprint = token.as_ref().map(|(name, _)| {
        let mut rest = validated.params.clone();
        rest.remove(*name);
        Value::Object(rest)
    });
    if let (Some((_, token)), Some(fingerprint)) = (&token, &fingerprint) {
        if let Some(replay) = world.tokens.get(op.id, token) {
            if &replay.params == fingerprint {
                return Ok(Accepted {
                    payload: replay.payload.clone(),
                    targets: replay.targets.clone(),
                });
            }
            return Err(Refused::new(
                ApiError::from_detail(&op.error_detail("IdempotentParameterMismatch", None)),
                named,
            ));
        }
    }

    let targets = target_ids(op, &validated.params);
    let collection = collection_of(op).ok_or_else(|| {
        Refused::new(
            ApiError::new(
                500,
                internal_code(op),
                format!("the emulator holds no resources for {}", op.id),
            ),
            named.clone(),
        )
    })?;
    let status_field = COLLECTIONS
        .get(collection)
        .map_or("Status", |c| c.resource.status_field);
    let mut items = Vec::new();
    for id in &targets {
        if let Some(resource) = world.resource_mut(collection, id) {
            items.push(Value::Object(resource.view(status_field, now)));
        }
    }
    let verdict = opgate::precheck(op.id, params, &Value::Array(items), &options)
        .map_err(|error| Refused::new(ApiError::from_core(&error), targets.clone()))?;

    // A single-resource call answers its first denial (or DryRunOperation); a batch answers
    // an error only when every id is refused, else lists the refused ids.
    let accepted: Vec<String> = match op.target {
        TargetSpec::Single { .. } => {
            if let Some(error) = &verdict.error {
                return Err(Refused::new(ApiError::from_rendered(error), targets));
            }
            verdict.allowed_ids.clone()
        }
        TargetSpec::Batch { .. } => {
            if verdict.allowed_ids.is_empty() {
                let first = verdict
                    .outcomes
                    .iter()
                    .find(|o| o.decision == TargetDecision::Deny)
                    .and_then(|o| o.error.as_ref());
                let error = first
                    .map(ApiError::from_rendered)
                    .unwrap_or_else(|| ApiError::new(400, internal_code(op), "nothing to do"));
                return Err(Refused::new(error, targets));
            }
            verdict.allowed_ids.clone()
        }
    };

    let mut payload = Map::new();
    if let TargetSpec::Batch { param, .. } = op.target {
        payload.insert(param.to_owned(), Value::from(verdict.denied_ids.clone()));
    }
    let timeline = world.config.timeline_of(op);
    for id in &accepted {
        let renewable = world.fleet.renewable.get(id).cloned();
        let Some(resource) = world.resource_mut(collection, id) else {
            continue;
        };
        if let Some((phases, settled)) = &timeline {
            let phases: Vec<(String, i64)> = phases.iter().map(|p| (p.status.clone(), p.seconds)).collect();
            resource.start(op.id, now, &phases, settled);
        }
        if let Some(extra) = extra_payload(op, &validated.params, renewable.as_deref()) {
            resource.renewals += 1;
            payload.extend(extra);
        }
    }
    if let (Some((_, token)), Some(fingerprint)) = (token, fingerprint) {
        world.tokens.insert(
            op.id,
            &token,
            Replay {
                params: fingerprint,
                payload: payload.clone(),
                targets: accepted.clone(),
            },
        );
    }
    Ok(Accepted {
        payload,
        targets: accepted,
    })
}

fn internal_code(op: &OperationSpec) -> &'static str {
    match op.provider {
        opgate::spec::Provider::Alibaba => "InternalError",
        opgate::spec::Provider::Zenlayer => "INTERNAL_SERVER_ERROR",
    }
}

/// What an API returns beyond its request id (and a batch's failed ids) is per API, not a
/// rule: only RenewServiceInstanceResources has more, its `RenewalResult` and
/// `FailureDetails`
/// (<https://www.alibabacloud.com/help/en/compute-nest/developer-reference/api-computenest-2021-06-01-renewserviceinstanceresources>).
/// The resources it renews are the fleet's `renewable_resources` for the instance; listed
/// ARNs outside that list fail with `InvalidParameter.ResourceArn` (our choice in Alibaba's
/// style; the API documents only the field). Without a list, every listed ARN renews and a
/// whole-instance renewal counts one resource (the instance's own subscription).
fn extra_payload(
    op: &OperationSpec,
    params: &Map<String, Value>,
    renewable: Option<&[String]>,
) -> Option<Map<String, Value>> {
    if op.id != "computenest:RenewServiceInstanceResources" {
        return None;
    }
    let mut failures = Vec::new();
    let (total, succeeded) = match params.get("ResourcePeriod").and_then(Value::as_array) {
        Some(listed) => {
            let mut succeeded = 0;
            for entry in listed {
                let arn = entry.get("ResourceArn").and_then(Value::as_str).unwrap_or("");
                if renewable.map_or(true, |list| list.iter().any(|known| known == arn)) {
                    succeeded += 1;
                } else {
                    failures.push(serde_json::json!({
                        "ResourceArn": arn,
                        "ErrorCode": "InvalidParameter.ResourceArn",
                        "ErrorMessage": "The specified resource does not belong to the service instance or cannot be renewed.",
                    }));
                }
            }
            (listed.len(), succeeded)
        }
        None => {
            let count = renewable.map_or(1, <[String]>::len);
            (count, count)
        }
    };
    let mut payload = Map::new();
    payload.insert(
        "RenewalResult".to_owned(),
        serde_json::json!({"TotalCount": total, "Succeeded": succeeded, "Failed": total - succeeded}),
    );
    payload.insert("FailureDetails".to_owned(), Value::Array(failures));
    Some(payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn rpc_parameters_come_back_typed_by_the_spec() {
        let renew = opgate::operation("computenest:RenewServiceInstanceResources").expect("known");
        let params = rpc_params(
            renew,
            &pairs(&[
                ("ServiceInstanceId", "si-0a1b2c3d4e5f60718293"),
                ("ResourcePeriod.2.ResourceArn", "arn-b"),
                ("ResourcePeriod.1.Period", "3"),
                ("ResourcePeriod.1.ResourceArn", "arn-a"),
                ("ResourcePeriod.2.Period", "x"),
                ("Action", "RenewServiceInstanceResources"),
            ]),
        );
        assert_eq!(
            params,
            json!({"ResourcePeriod": [{"ResourceArn": "arn-a", "Period": 3}, {"ResourceArn": "arn-b", "Period": "x"}], "ServiceInstanceId": "si-0a1b2c3d4e5f60718293"})
        );
        let reboot = opgate::operation("ecs:RebootInstance").expect("known");
        assert_eq!(
            rpc_params(
                reboot,
                &pairs(&[("DryRun", "True"), ("ForceStop", "maybe"), ("InstanceId", "i-1")])
            ),
            json!({"DryRun": true, "ForceStop": "maybe", "InstanceId": "i-1"})
        );
    }

    #[test]
    fn huge_list_indices_cannot_blow_up_the_list() {
        let renew = opgate::operation("computenest:RenewServiceInstanceResources").expect("known");
        let many: Vec<(String, String)> = (1..=500)
            .map(|i| (format!("ResourcePeriod.{i}.Period"), "1".to_owned()))
            .collect();
        let params = rpc_params(renew, &many);
        assert_eq!(
            params.get("ResourcePeriod").and_then(Value::as_array).map(Vec::len),
            Some(101)
        );
        let sparse = rpc_params(renew, &pairs(&[("ResourcePeriod.99999999999.Period", "1")]));
        assert_eq!(
            sparse.get("ResourcePeriod").and_then(Value::as_array).map(Vec::len),
            Some(1)
        );
    }
}

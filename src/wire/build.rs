//! Turning validated parameters into the provider's request.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::endpoint::route;
use super::request::{HttpRequest, Text};
use crate::catalog::operation;
use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::messages;
use crate::params::{validate_for_request, Options, Validated};
use crate::spec::{OperationSpec, ParamKind, ParamSpec, WireSpec};

/// How to build a request, beyond the operation's parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuildOptions {
    /// The region whose endpoint to use. Needed where the operation has no `RegionId`
    /// parameter (ECS `RebootInstance`); where it has one, the two must agree, and a missing
    /// `RegionId` is filled in from here.
    pub region: Option<String>,
    /// A host (optionally `https://host` / `http://host:port`) that replaces the resolved one.
    pub endpoint: Option<String>,
    /// Validation options; `validation.lang` is the language of every error.
    pub validation: Options,
}

const REGION_PARAM: &str = "RegionId";

/// Validates `params` for `op_id` and builds the unsigned request. Invalid input is refused
/// with exactly the error [`crate::params::validate`] gives.
pub fn build(op_id: &str, params: &Value, options: &BuildOptions) -> Result<HttpRequest> {
    build_for(operation(op_id)?, params, options)
}

/// [`build`] for an operation already looked up.
pub fn build_for(op: &'static OperationSpec, params: &Value, options: &BuildOptions) -> Result<HttpRequest> {
    let validated = match (params, options.region.as_deref()) {
        // The region option stands in for a missing `RegionId`, and is validated as one.
        (Value::Object(given), Some(region))
            if op.param(REGION_PARAM).is_some() && !given.contains_key(REGION_PARAM) =>
        {
            let mut completed = given.clone();
            completed.insert(REGION_PARAM.to_owned(), Value::String(region.to_owned()));
            validate_for_request(op, &Value::Object(completed), &options.validation)?
        }
        _ => validate_for_request(op, params, &options.validation)?,
    };
    build_validated(&validated, options)
}

/// Builds the unsigned request for parameters that already passed validation.
pub fn build_validated(validated: &Validated, options: &BuildOptions) -> Result<HttpRequest> {
    let op = validated.operation;
    match op.wire {
        WireSpec::AlibabaRpc { .. } => {
            let region = effective_region(validated, options.region.as_deref())?;
            let endpoint = route(op, region, options.endpoint.as_deref())?;
            let mut query = Vec::new();
            for spec in op.params {
                let given = validated_param(validated, spec.name);
                let injected = (spec.name == REGION_PARAM && given.is_none())
                    .then(|| region.map(|r| Value::String(r.to_owned())))
                    .flatten();
                if let Some(value) = given.or(injected.as_ref()) {
                    flatten(Cow::Borrowed(spec.name), value, Some(&spec.kind), &mut query);
                }
            }
            let host = endpoint.host;
            Ok(HttpRequest {
                method: Cow::Borrowed("POST"),
                scheme: Cow::Borrowed(endpoint.scheme),
                host: host.clone(),
                path: Cow::Borrowed(endpoint.path),
                query,
                headers: vec![
                    (Cow::Borrowed("host"), host),
                    (Cow::Borrowed("x-acs-action"), Cow::Borrowed(op.action)),
                    (Cow::Borrowed("x-acs-version"), Cow::Borrowed(op.api_version)),
                    (Cow::Borrowed("accept"), Cow::Borrowed("application/json")),
                ],
                body: Vec::new(),
            })
        }
        WireSpec::ZenlayerJson { .. } => {
            let endpoint = route(op, None, options.endpoint.as_deref())?;
            let body = serde_json::to_vec(&Value::Object(spec_ordered(validated))).map_err(|err| {
                Error::Input(ErrorDetail::client(
                    ClientCode::ZenlayerSdkInvalidRequest,
                    messages::wire::body_not_encodable(&err.to_string()),
                    None,
                ))
            })?;
            let host = endpoint.host;
            Ok(HttpRequest {
                method: Cow::Borrowed("POST"),
                scheme: Cow::Borrowed(endpoint.scheme),
                host: host.clone(),
                path: Cow::Borrowed(endpoint.path),
                query: Vec::new(),
                headers: vec![
                    (Cow::Borrowed("Host"), host),
                    (Cow::Borrowed("Content-Type"), Cow::Borrowed("application/json")),
                    (Cow::Borrowed("X-ZC-Service"), Cow::Borrowed(op.product)),
                    (Cow::Borrowed("X-ZC-Action"), Cow::Borrowed(op.action)),
                    (Cow::Borrowed("X-ZC-Version"), Cow::Borrowed(op.api_version)),
                ],
                body,
            })
        }
    }
}

/// A validated parameter by name. Operations have a handful, so a scan of the names is cheaper
/// than hashing one (the map hashes with SipHash); larger maps are looked up.
fn validated_param<'a>(validated: &'a Validated, name: &str) -> Option<&'a Value> {
    const SCANNED: usize = 8;
    if validated.params.len() <= SCANNED {
        validated
            .params
            .iter()
            .find(|(key, _)| key.as_str() == name)
            .map(|(_, value)| value)
    } else {
        validated.params.get(name)
    }
}

/// The region from the options or the `RegionId` parameter; both given must agree, or the
/// request would be signed for one region and sent to another.
fn effective_region<'a>(validated: &'a Validated, option: Option<&'a str>) -> Result<Option<&'a str>> {
    let param = validated_param(validated, REGION_PARAM).and_then(Value::as_str);
    match (option, param) {
        (Some(option), Some(param)) if option != param => Err(Error::Input(ErrorDetail::client(
            ClientCode::InvalidParameterRegion,
            messages::wire::region_option_mismatch(option, param),
            Some("region".to_owned()),
        ))),
        (Some(region), _) | (None, Some(region)) => Ok(Some(region)),
        (None, None) => Ok(None),
    }
}

/// Alibaba's flat form: list items are numbered from 1 (`Name.1`), object fields are joined
/// with dots (`ResourcePeriod.1.ResourceArn`), booleans are `true`/`false` as the Go and
/// Java SDKs write them.
fn flatten(key: Text, value: &Value, kind: Option<&ParamKind>, out: &mut Vec<(Text, Text)>) {
    match value {
        Value::Null => {}
        Value::Bool(flag) => out.push((key, Cow::Borrowed(if *flag { "true" } else { "false" }))),
        Value::Number(number) => out.push((key, number.to_string().into())),
        Value::String(text) => out.push((key, text.clone().into())),
        Value::Array(items) => {
            let item_kind = match kind {
                Some(ParamKind::List { item, .. }) => Some(*item),
                _ => None,
            };
            for (index, item) in items.iter().enumerate() {
                flatten(format!("{key}.{}", index + 1).into(), item, item_kind, out);
            }
        }
        Value::Object(fields) => match kind {
            Some(ParamKind::Object { fields: specs }) => {
                // Generated SDK models serialize their fields in name order
                // (`RenewServiceInstanceResourcesRequestResourcePeriod.to_map`: Period,
                // PeriodUnit, ResourceArn), whatever order the spec lists them in.
                // Sorted as they are collected (an object has a handful of fields): no sort
                // routine for them in the wasm build. `<=` keeps equal names in spec order.
                let mut sorted: Vec<&ParamSpec> = Vec::with_capacity(specs.len());
                for spec in specs.iter() {
                    let at = sorted.partition_point(|earlier| earlier.name <= spec.name);
                    sorted.insert(at, spec);
                }
                for spec in sorted {
                    if let Some(field) = fields.get(spec.name) {
                        flatten(format!("{key}.{}", spec.name).into(), field, Some(&spec.kind), out);
                    }
                }
            }
            _ => {
                for (name, field) in fields {
                    flatten(format!("{key}.{name}").into(), field, None, out);
                }
            }
        },
    }
}

/// The validated parameters in spec order (validation already orders them; this keeps the
/// body independent of that detail).
fn spec_ordered(validated: &Validated) -> Map<String, Value> {
    let mut ordered = Map::new();
    for spec in validated.operation.params {
        if let Some(value) = validated_param(validated, spec.name) {
            ordered.insert(spec.name.to_owned(), value.clone());
        }
    }
    ordered
}

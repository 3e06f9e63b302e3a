//! Idempotency tokens: one stable `ClientToken` per logical request.
//!
//! The provider carries out a request at most once per token, so every retry of the same
//! request must reuse the token (a fresh one per attempt is how Terraform created duplicate
//! VPN gateways: https://github.com/aliyun/terraform-provider-alicloud/pull/10305). The token
//! is a hash of the operation, a scope the caller chooses (a deployment id, a user, a day) and
//! the canonical parameters: the same request in the same scope always gives the same token,
//! and any changed parameter gives another, so the provider never answers
//! `IdempotentParameterMismatch`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalog::operation;
use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::formats::MAX_STRING_CHARS;
use crate::messages::lifecycle as messages;
use crate::params::{validate_spec, Options};
use crate::record::Record;
use crate::spec::{Format, OperationSpec};

/// Tokens start with this, so a console can tell them from hand-made ones.
pub const TOKEN_PREFIX: &str = "og1-";
/// Hex digits of the SHA-256 kept: 192 bits, far beyond any collision risk, and the whole
/// token (52 characters) within the 64 the provider allows.
const HASH_HEX_DIGITS: usize = 48;

/// A stable idempotency token: put `token` into the parameter `param` (`ClientToken`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(repr(operation, token, scope))]
pub struct ClientToken {
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    /// The parameter to put it in (`ClientToken`).
    pub param: String,
    pub token: String,
    pub scope: String,
}

/// The token for `params` of `op_id` in `scope`. `params` are validated first (same errors as
/// [`crate::validate`]); a `ClientToken` already among them is ignored, so adding the token to
/// the parameters does not change it. Parameters left out and given as their default are the
/// same request.
pub fn client_token(op_id: &str, params: &Value, scope: &str, options: &Options) -> Result<ClientToken> {
    let spec = operation(op_id)?;
    let Some(param) = spec.lifecycle.client_token else {
        return Err(Error::Input(ErrorDetail::client(
            ClientCode::UnsupportedOperation,
            messages::takes_no_token(spec.id),
            Some("operation".to_owned()),
        )));
    };
    check_scope(scope)?;
    let without_token = match params {
        Value::Object(map) => {
            let mut map = map.clone();
            map.remove(param);
            Value::Object(map)
        }
        other => other.clone(),
    };
    let validated = validate_spec(spec, &without_token, options)?;
    let mut effective = validated.defaults.clone();
    for (name, value) in &validated.params {
        effective.insert(name.clone(), value.clone());
    }
    Ok(ClientToken {
        operation: spec.id,
        param: param.to_owned(),
        token: token_for(spec, &effective, scope),
        scope: scope.to_owned(),
    })
}

/// The token for parameters that already passed validation (without their ClientToken).
pub(crate) fn token_for(spec: &OperationSpec, effective: &Map<String, Value>, scope: &str) -> String {
    // Lengths before each part, so no two (scope, parameters) pairs hash the same text.
    let mut message = Vec::new();
    for part in [spec.id, scope, &canonical(&Value::Object(effective.clone()))] {
        message.extend_from_slice(&(part.len() as u64).to_be_bytes());
        message.extend_from_slice(part.as_bytes());
    }
    let digest = hex::encode(crate::sha256::digest(&message));
    let token = format!("{TOKEN_PREFIX}{}", digest.get(..HASH_HEX_DIGITS).unwrap_or(&digest));
    debug_assert!(Format::ClientToken.accepts(&token));
    token
}

/// JSON text with object keys sorted at every level; list order is kept (it is meaningful).
fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            // Sorted as they are collected: an object here has the few fields its operation's
            // parameters declare (they are validated), and the WebAssembly build then carries
            // no sort routine for these pairs. Keys are distinct, so any sort gives this order.
            let mut entries: Vec<(&String, &Value)> = Vec::with_capacity(map.len());
            for (key, item) in map {
                let at = entries.partition_point(|(earlier, _)| *earlier < key);
                entries.insert(at, (key, item));
            }
            out.push('{');
            for (index, (key, item)) in entries.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                out.push_str(&crate::json::write(&Value::String(key.clone())));
                out.push(':');
                write_canonical(item, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&crate::json::write(scalar)),
    }
}

fn check_scope(scope: &str) -> Result<()> {
    if scope.chars().count() <= MAX_STRING_CHARS {
        return Ok(());
    }
    Err(Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterScope,
        messages::scope_too_long(MAX_STRING_CHARS),
        Some("scope".to_owned()),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const RESTART: &str = "computenestsupplier:RestartServiceInstance";

    fn token(params: Value, scope: &str) -> String {
        client_token(RESTART, &params, scope, &Options::default())
            .expect("token")
            .token
    }

    #[test]
    fn stable_for_the_same_request_and_different_otherwise() {
        let a = json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1"});
        let reordered = json!({"ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1", "RegionId": "cn-hangzhou"});
        let with_token =
            json!({"ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1", "RegionId": "cn-hangzhou", "ClientToken": "x"});
        let t = token(a.clone(), "s");
        assert_eq!(t, token(reordered, "s"));
        assert_eq!(t, token(with_token, "s"));
        assert_ne!(t, token(a.clone(), "t"));
        assert_ne!(
            t,
            token(
                json!({"RegionId": "ap-southeast-1", "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1"}),
                "s"
            )
        );
        assert!(
            Format::ClientToken.accepts(&t) && t.len() == TOKEN_PREFIX.len() + HASH_HEX_DIGITS,
            "{t}"
        );
    }

    #[test]
    fn canonical_text_sorts_keys_at_every_level() {
        assert_eq!(
            canonical(&json!({"b": [{"y": 1, "x": "é"}], "a": null})),
            r#"{"a":null,"b":[{"x":"é","y":1}]}"#
        );
    }
}

//! Alibaba's explanation of a RAM denial, read into the same shape as the RAM evaluator's own
//! ([`crate::ram::AccessCheck`]): a console shows one kind of explanation for "our policy check
//! says no" and "the provider said no".
//!
//! Accepted, as an object or as its JSON text:
//! - `AccessDeniedDetail` as an error response carries it (`NoPermissionType`, `PolicyType`,
//!   `AuthAction`, `AuthPrincipalType`, `AuthPrincipalOwnerId`, `AuthPrincipalDisplayName`,
//!   `EncodedDiagnosticMessage`): https://help.aliyun.com/zh/ram/support/how-to-troubleshoot-an-access-denied-error
//! - `DecodedDiagnosticMessage` as `ram:DecodeDiagnosticMessage` returns it (`ExplicitDeny`,
//!   `NoPermissionPolicyType`, `AuthAction`, `AuthResource`, `AuthPrincipal{...}`):
//!   https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-decodediagnosticmessage
//! - a whole error body or DecodeDiagnosticMessage response holding either of them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::lang::{Lang, Text};
use crate::messages::lifecycle::{self as messages, Denial, DenyKind, DetailProblem};
use crate::ram::{AccessCheck, AccessDecision, NoPermissionType};
use crate::record::Record;

/// Text longer than this is not a denial detail.
const MAX_DETAIL_BYTES: usize = 64 * 1024;

/// Why access was denied (or allowed), from either source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(repr(source, decision, action, resource, policy_type))]
pub struct AccessExplanation {
    /// `provider` (read from a response) or `policy_check` (from [`crate::ram::authorize`]).
    pub source: ExplanationSource,
    /// The action checked (`ecs:RebootInstance`).
    pub action: Option<String>,
    /// The resource ARN checked, when known.
    pub resource: Option<String>,
    /// `implicit_deny`, `explicit_deny` (or `allow` for a policy check); `None` when the
    /// provider did not say.
    pub decision: Option<AccessDecision>,
    /// Alibaba's name for the decision: `ImplicitDeny` or `ExplicitDeny`.
    pub no_permission_type: Option<String>,
    /// The kind of policy that denied (`AccountLevelIdentityBasedPolicy`, `ControlPolicy`, ...).
    pub policy_type: Option<String>,
    /// For a policy check: which policy and statement decided.
    pub policy_index: Option<usize>,
    pub statement_index: Option<usize>,
    pub principal_type: Option<String>,
    pub principal_owner_id: Option<String>,
    pub principal_display_name: Option<String>,
    /// Still encoded: `ram:DecodeDiagnosticMessage` turns it into the full diagnosis.
    pub encoded_diagnostic_message: Option<String>,
    pub reason: String,
}

/// Where an [`AccessExplanation`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum ExplanationSource {
    /// Read from the provider's error response.
    Provider,
    /// From opgate's own policy check.
    PolicyCheck,
}

/// Alibaba's name for a denial, as its `AccessDeniedDetail` writes it.
fn permission_type_name(kind: NoPermissionType) -> String {
    match kind {
        NoPermissionType::ImplicitDeny => "ImplicitDeny",
        NoPermissionType::ExplicitDeny => "ExplicitDeny",
    }
    .to_owned()
}

/// Reads Alibaba's denial detail (see the module docs for the shapes).
pub fn access_denied(detail: &Value, lang: Lang) -> Result<AccessExplanation> {
    let parsed;
    let object = match detail {
        Value::String(text) if text.len() > MAX_DETAIL_BYTES => return Err(invalid("detail", DetailProblem::TooLarge)),
        Value::String(text) => {
            parsed = crate::json::parse(text).map_err(|_| invalid("detail", DetailProblem::TextNotJson))?;
            parsed
                .as_object()
                .ok_or_else(|| invalid("detail", DetailProblem::NotJsonObject))?
        }
        Value::Object(map) => map,
        _ => return Err(invalid("detail", DetailProblem::NotDetail)),
    };
    // A whole error body or DecodeDiagnosticMessage response: look inside.
    let (object, path) = match (object.get("AccessDeniedDetail"), object.get("DecodedDiagnosticMessage")) {
        (Some(inner), _) if !inner.is_null() => return access_denied(inner, lang),
        (_, Some(Value::Object(inner))) => (inner, "detail.DecodedDiagnosticMessage"),
        _ => (object, "detail"),
    };
    let get = |key: &str| -> Result<Option<String>> { string_field(object, key, path) };
    let principal = match object.get("AuthPrincipal") {
        Some(Value::Object(inner)) => Some(inner),
        None | Some(Value::Null) => None,
        Some(_) => return Err(invalid(&format!("{path}.AuthPrincipal"), DetailProblem::NotObject)),
    };
    let from_principal = |key: &str| -> Result<Option<String>> {
        match get(key)? {
            Some(value) => Ok(Some(value)),
            None => principal.map_or(Ok(None), |inner| {
                string_field(inner, key, &format!("{path}.AuthPrincipal"))
            }),
        }
    };
    let explicit = match object.get("ExplicitDeny") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(flag)) => Some(*flag),
        Some(Value::String(text)) if text == "true" || text == "false" => Some(text == "true"),
        Some(_) => return Err(invalid(&format!("{path}.ExplicitDeny"), DetailProblem::NotBoolean)),
    };
    let no_permission_type = get("NoPermissionType")?;
    let decision = match (no_permission_type.as_deref(), explicit) {
        (Some("ExplicitDeny"), _) | (None, Some(true)) => Some(AccessDecision::ExplicitDeny),
        (Some("ImplicitDeny"), _) | (None, Some(false)) => Some(AccessDecision::ImplicitDeny),
        _ => None,
    };
    let policy_type = match get("PolicyType")? {
        Some(kind) => Some(kind),
        None => get("NoPermissionPolicyType")?,
    };
    let mut explanation = AccessExplanation {
        source: ExplanationSource::Provider,
        action: get("AuthAction")?,
        resource: get("AuthResource")?,
        no_permission_type: no_permission_type.or_else(|| {
            decision
                .and_then(AccessDecision::no_permission_type)
                .map(permission_type_name)
        }),
        decision,
        policy_type,
        policy_index: None,
        statement_index: None,
        principal_type: from_principal("AuthPrincipalType")?,
        principal_owner_id: from_principal("AuthPrincipalOwnerId")?,
        principal_display_name: from_principal("AuthPrincipalDisplayName")?,
        encoded_diagnostic_message: get("EncodedDiagnosticMessage")?,
        reason: String::new(),
    };
    explanation.reason = reason(&explanation).get(lang).to_owned();
    Ok(explanation)
}

impl AccessExplanation {
    /// The RAM evaluator's answer in the same shape.
    pub fn from_check(check: &AccessCheck) -> AccessExplanation {
        AccessExplanation {
            source: ExplanationSource::PolicyCheck,
            action: Some(check.action.clone()),
            resource: Some(check.resource.clone()),
            decision: Some(check.decision),
            no_permission_type: check.decision.no_permission_type().map(permission_type_name),
            policy_type: None,
            policy_index: check.policy_index,
            statement_index: check.statement_index,
            principal_type: None,
            principal_owner_id: None,
            principal_display_name: None,
            encoded_diagnostic_message: None,
            reason: check.reason.clone(),
        }
    }
}

fn string_field(object: &Map<String, Value>, key: &str, path: &str) -> Result<Option<String>> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.is_empty() => Ok(None),
        Some(Value::String(text)) => Ok(Some(bounded(text))),
        // Account ids sometimes arrive as numbers.
        Some(Value::Number(number)) if key.ends_with("OwnerId") => Ok(Some(number.to_string())),
        Some(_) => Err(invalid(&format!("{path}.{key}"), DetailProblem::NotString)),
    }
}

fn bounded(text: &str) -> String {
    const LIMIT: usize = 4096;
    if text.chars().count() <= LIMIT {
        text.to_owned()
    } else {
        text.chars().take(LIMIT).chain(std::iter::once('…')).collect()
    }
}

fn invalid(field: &str, problem: DetailProblem) -> Error {
    Error::Validation(vec![ErrorDetail::client(
        ClientCode::InvalidParameter,
        messages::detail_problem(field, problem),
        Some(field.to_owned()),
    )])
}

fn reason(explanation: &AccessExplanation) -> Text {
    let principal = match (&explanation.principal_type, &explanation.principal_display_name) {
        (Some(kind), Some(name)) => Some((kind.as_str(), name.as_str())),
        _ => None,
    };
    messages::denial(&Denial {
        kind: match explanation.decision {
            Some(AccessDecision::ExplicitDeny) => DenyKind::Explicit,
            Some(AccessDecision::ImplicitDeny) => DenyKind::Implicit,
            _ => DenyKind::Unstated,
        },
        action: explanation.action.as_deref(),
        resource: explanation.resource.as_deref(),
        policy_type: explanation.policy_type.as_deref(),
        principal,
        encoded_diagnosis: explanation.encoded_diagnostic_message.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_detail_as_object_text_or_inside_a_body() {
        let detail = json!({"NoPermissionType": "ImplicitDeny", "PolicyType": "AccountLevelIdentityBasedPolicy", "AuthAction": "ecs:RebootInstance", "AuthPrincipalType": "SubUser", "AuthPrincipalDisplayName": "2887742443752100"});
        let direct = access_denied(&detail, Lang::En).expect("parsed");
        assert_eq!(direct.decision, Some(AccessDecision::ImplicitDeny));
        assert_eq!(direct.action.as_deref(), Some("ecs:RebootInstance"));
        assert!(
            direct
                .reason
                .starts_with("Implicit deny: no identity-based policy (account level) allows ecs:RebootInstance"),
            "{}",
            direct.reason
        );
        assert_eq!(
            access_denied(&Value::String(detail.to_string()), Lang::En).expect("text"),
            direct
        );
        assert_eq!(
            access_denied(
                &json!({"Code": "Forbidden.RAM", "AccessDeniedDetail": detail}),
                Lang::En
            )
            .expect("body"),
            direct
        );
    }

    #[test]
    fn decoded_messages_and_policy_checks_share_the_shape() {
        let decoded = json!({"DecodedDiagnosticMessage": {"ExplicitDeny": true, "NoPermissionPolicyType": "ControlPolicy", "AuthAction": "ecs:RebootInstance", "AuthResource": "acs:ecs:cn-hangzhou:1:instance/i-1", "AuthPrincipal": {"AuthPrincipalType": "AssumedRoleUser"}}});
        let explained = access_denied(&decoded, Lang::Zh).expect("parsed");
        assert_eq!(explained.decision, Some(AccessDecision::ExplicitDeny));
        assert_eq!(explained.no_permission_type.as_deref(), Some("ExplicitDeny"));
        assert_eq!(explained.principal_type.as_deref(), Some("AssumedRoleUser"));
        assert!(explained.reason.starts_with("显式拒绝"));
        let check = AccessCheck {
            action: "ecs:RebootInstance".into(),
            resource: "acs:ecs:cn-hangzhou:1:instance/i-1".into(),
            decision: AccessDecision::ExplicitDeny,
            policy_index: Some(0),
            statement_index: Some(1),
            reason: "r".into(),
        };
        let ours = AccessExplanation::from_check(&check);
        assert_eq!(
            (ours.decision, ours.action.clone(), ours.resource.clone()),
            (explained.decision, explained.action, explained.resource)
        );
        let keys = |v: Value| {
            v.as_object()
                .map(|m| m.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        };
        assert_eq!(
            keys(serde_json::to_value(&ours).expect("ser")),
            keys(serde_json::to_value(access_denied(&decoded, Lang::En).expect("p")).expect("ser"))
        );
    }

    #[test]
    fn refuses_what_is_not_a_detail() {
        for bad in [
            json!(3),
            json!("not json"),
            json!({"AuthAction": 5}),
            json!({"ExplicitDeny": "yes"}),
        ] {
            assert!(
                matches!(access_denied(&bad, Lang::En), Err(Error::Validation(_))),
                "{bad}"
            );
        }
    }
}

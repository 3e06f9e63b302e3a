//! From an operation to the RAM permissions it needs, and whether given policies grant them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::operation;
use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, RenderedError, Result};
use crate::formats::check_region_argument;
use crate::lang::Lang;
use crate::messages;
use crate::messages::ram::{all_granted, authorize_problem, AuthorizeProblem};
use crate::params::{validate, Options};
use crate::precheck::target_ids;
use crate::ram::condition::{bounded_chars, Context};
use crate::ram::evaluate::{evaluate, AccessDecision, AccessRequest, Evaluation, NoPermissionType};
use crate::ram::policy::{check_policy_count, parse_policies, Policy};
use crate::ram::MAX_MATCH_TEXT_CHARS;
use crate::record::Record;

/// Code and HTTP status Alibaba Cloud answers with when RAM refuses a call.
pub const FORBIDDEN_RAM: &str = "Forbidden.RAM";

/// One RAM permission an operation needs: an action on one resource ARN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
pub struct RequiredAccess {
    /// The RAM action, e.g. `ecs:RebootInstance`.
    pub action: String,
    /// The resource ARN, e.g. `acs:ecs:cn-hangzhou:1488317743351199:instance/i-...`.
    pub resource: String,
}

/// The permissions `op_id` needs for these parameters: one per target id (a batch of three ids
/// needs three resources, and all must be allowed).
///
/// Checks, in order: the operation exists and is governed by RAM (Zenlayer is not:
/// `UnsupportedOperation`); the parameters pass [`crate::params::validate`] (same errors);
/// `region` is a region id and agrees with a `RegionId` parameter if one is given;
/// `account_id` is a 16-digit Alibaba Cloud account id.
pub fn required_access(op_id: &str, params: &Value, region: &str, account_id: &str) -> Result<Vec<RequiredAccess>> {
    let spec = operation(op_id)?;
    let Some(ram) = spec.ram else {
        return Err(Error::Input(ErrorDetail::client(
            ClientCode::UnsupportedOperation,
            authorize_problem(&AuthorizeProblem::NotRamGoverned { op_id: spec.id }),
            Some("operation".to_owned()),
        )));
    };
    let validated = validate(op_id, params, &Options::default())?;
    check_region(region, validated.params.get("RegionId"))?;
    check_account_id(account_id)?;

    let ids = target_ids(spec, &validated.params);
    let param = spec.target.param();
    if ids.is_empty() {
        // Validation requires the target parameter; this guards a catalog entry that forgot to.
        return Err(Error::Input(ErrorDetail::client(
            ClientCode::MissingParameter,
            authorize_problem(&AuthorizeProblem::NoTarget { param }),
            Some(param.to_owned()),
        )));
    }
    Ok(crate::lists::map_items(&ids, |id| RequiredAccess {
        action: ram.action.to_owned(),
        resource: fill_arn(ram.resource, region, account_id, id),
    }))
}

fn check_region(region: &str, region_param: Option<&Value>) -> Result<()> {
    check_region_argument(region)?;
    match region_param.and_then(Value::as_str) {
        Some(region_id) if region_id != region => Err(Error::Input(ErrorDetail::client(
            ClientCode::InvalidParameterRegion,
            authorize_problem(&AuthorizeProblem::RegionMismatch { region, region_id }),
            Some("region".to_owned()),
        ))),
        _ => Ok(()),
    }
}

/// Alibaba Cloud account ids are 16 digits: `123456789012****` in the ARN format
/// (<https://www.alibabacloud.com/help/doc-detail/93738.htm>), `1488317743351199` in the
/// RenewServiceInstanceResources example
/// (<https://www.alibabacloud.com/help/en/compute-nest/developer-reference/api-computenest-2021-06-01-renewserviceinstanceresources>).
fn check_account_id(account_id: &str) -> Result<()> {
    if account_id.len() == 16 && account_id.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    Err(Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterAccountId,
        authorize_problem(&AuthorizeProblem::InvalidAccountId { account_id }),
        Some("account_id".to_owned()),
    )))
}

/// Replaces `{region}`, `{account}` and `{id}` in one pass, so text inside a value is never
/// mistaken for a placeholder.
fn fill_arn(template: &str, region: &str, account_id: &str, id: &str) -> String {
    let mut filled = String::with_capacity(template.len() + id.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        filled.push_str(before);
        let placeholder = from_brace.find('}').and_then(|close| from_brace.get(..=close));
        let value = match placeholder {
            Some("{region}") => Some(region),
            Some("{account}") => Some(account_id),
            Some("{id}") => Some(id),
            _ => None,
        };
        match (placeholder, value) {
            (Some(placeholder), Some(value)) => {
                filled.push_str(value);
                rest = from_brace.get(placeholder.len()..).unwrap_or_default();
            }
            _ => {
                filled.push('{');
                rest = from_brace.get(1..).unwrap_or_default();
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// RAM's decision for one action on one resource, and which statement decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(repr(action, resource, decision))]
pub struct AccessCheck {
    pub action: String,
    pub resource: String,
    pub decision: AccessDecision,
    /// Which policy decided (an index into the policies given); `None` for an implicit deny.
    pub policy_index: Option<usize>,
    /// Which statement of that policy decided.
    pub statement_index: Option<usize>,
    /// Why, in the requested language.
    pub reason: String,
}

impl AccessCheck {
    fn new(request: &AccessRequest, evaluation: Evaluation, lang: Lang) -> AccessCheck {
        AccessCheck {
            action: request.action.clone(),
            resource: request.resource.clone(),
            decision: evaluation.decision,
            policy_index: evaluation.policy_index,
            statement_index: evaluation.statement_index,
            reason: evaluation
                .explain(&request.action, &request.resource)
                .get(lang)
                .to_owned(),
        }
    }
}

/// Whether RAM policies let the caller run an operation, per required permission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(repr(allowed, no_permission_type, checks))]
pub struct Authorization {
    /// True when every required permission is allowed.
    pub allowed: bool,
    /// One per required permission, in [`required_access`] order.
    pub checks: Vec<AccessCheck>,
    /// The overall explanation: the first denial's, or why all are allowed.
    pub reason: String,
    /// For a denial, Alibaba's `AccessDeniedDetail.NoPermissionType` of the first denied check:
    /// `ImplicitDeny` or `ExplicitDeny`.
    pub no_permission_type: Option<NoPermissionType>,
    /// For a denial, the error the provider would answer with (`Forbidden.RAM`, HTTP 403).
    pub error: Option<RenderedError>,
}

/// The error Alibaba Cloud returns when RAM refuses a call.
pub fn forbidden_ram() -> ErrorDetail {
    ErrorDetail {
        code: FORBIDDEN_RAM.to_owned(),
        http_status: 403,
        message: messages::ram::FORBIDDEN_RAM,
        field: None,
        retryable: false,
    }
}

/// Derives the permissions `op_id` needs ([`required_access`]) and decides each against the
/// policies (documents as JSON text or objects) in the given context (see
/// [`Context::from_json`]).
///
/// Errors come in this order: too many policies (see [`crate::ram::MAX_POLICIES`]), operation
/// and parameters (as [`required_access`]), then every malformed policy (`Error::Policy`,
/// paths `policies[i]…`), then the context.
pub fn authorize(
    op_id: &str,
    params: &Value,
    region: &str,
    account_id: &str,
    policies: &[Value],
    context: &Value,
    lang: Lang,
) -> Result<Authorization> {
    // First, as the bindings check it before converting the list.
    check_policy_count(policies.len())?;
    let required = required_access(op_id, params, region, account_id)?;
    let policies = parse_policies(policies)?;
    let context = Context::from_json(context)?;
    let mut checks = Vec::with_capacity(required.len());
    for access in required {
        let request = AccessRequest {
            action: access.action,
            resource: access.resource,
            context: context.clone(),
        };
        checks.push(AccessCheck::new(&request, evaluate(&policies, &request), lang));
    }
    Ok(summarize(checks, lang))
}

fn summarize(checks: Vec<AccessCheck>, lang: Lang) -> Authorization {
    let first_denied = checks.iter().find(|check| check.decision != AccessDecision::Allow);
    if let Some(denied) = first_denied {
        let reason = denied.reason.clone();
        let no_permission_type = denied.decision.no_permission_type();
        return Authorization {
            allowed: false,
            checks,
            reason,
            no_permission_type,
            error: Some(forbidden_ram().render(lang)),
        };
    }
    let reason = match checks.as_slice() {
        [only] => only.reason.clone(),
        all => {
            let count = all.len();
            all_granted(count).get(lang).to_owned()
        }
    };
    Authorization {
        allowed: true,
        checks,
        reason,
        no_permission_type: None,
        error: None,
    }
}

/// Decides one action on one resource, without the catalog: for policy editors and for
/// permissions opgate does not derive itself.
///
/// `action` and `resource` are refused (`InvalidParameter.Action`, `InvalidParameter.Resource`)
/// beyond [`crate::ram::MAX_MATCH_TEXT_CHARS`] characters, before the policies are read.
pub fn check_access(
    policies: &[Value],
    action: &str,
    resource: &str,
    context: &Value,
    lang: Lang,
) -> Result<AccessCheck> {
    check_policy_count(policies.len())?;
    check_match_text(action, "action", ClientCode::InvalidParameterAction)?;
    check_match_text(resource, "resource", ClientCode::InvalidParameterResource)?;
    let policies: Vec<Policy> = parse_policies(policies)?;
    let request = AccessRequest {
        action: action.to_owned(),
        resource: resource.to_owned(),
        context: Context::from_json(context)?,
    };
    Ok(AccessCheck::new(&request, evaluate(&policies, &request), lang))
}

/// Every pattern of every statement is matched against the action and the resource, so their
/// length multiplies the work of the whole evaluation.
fn check_match_text(text: &str, field: &str, code: ClientCode) -> Result<()> {
    if bounded_chars(text, MAX_MATCH_TEXT_CHARS) <= MAX_MATCH_TEXT_CHARS {
        return Ok(());
    }
    Err(Error::Input(ErrorDetail::client(
        code,
        authorize_problem(&AuthorizeProblem::TooLong {
            field,
            max: MAX_MATCH_TEXT_CHARS,
        }),
        Some(field.to_owned()),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(resource: &str, decision: AccessDecision) -> AccessCheck {
        AccessCheck {
            action: "ecs:RebootInstance".to_owned(),
            resource: resource.to_owned(),
            decision,
            policy_index: None,
            statement_index: None,
            reason: format!("{resource}: {decision:?}"),
        }
    }

    #[test]
    fn every_target_must_be_allowed_and_the_first_denial_explains() {
        let all_allowed = summarize(
            vec![check("a", AccessDecision::Allow), check("b", AccessDecision::Allow)],
            Lang::En,
        );
        assert!(all_allowed.allowed);
        assert_eq!(all_allowed.reason, "Allowed: all 2 required permissions are granted.");
        assert_eq!(all_allowed.error, None);

        let one_denied = summarize(
            vec![
                check("a", AccessDecision::Allow),
                check("b", AccessDecision::ExplicitDeny),
                check("c", AccessDecision::ImplicitDeny),
            ],
            Lang::Zh,
        );
        assert!(!one_denied.allowed);
        assert_eq!(one_denied.reason, "b: ExplicitDeny");
        assert_eq!(one_denied.no_permission_type, Some(NoPermissionType::ExplicitDeny));
        assert_eq!(
            one_denied.error.map(|e| (e.code, e.http_status)),
            Some((FORBIDDEN_RAM.to_owned(), 403))
        );
        assert_eq!(one_denied.checks.len(), 3);
    }

    #[test]
    fn fills_each_placeholder_once() {
        assert_eq!(
            fill_arn(
                "acs:ecs:{region}:{account}:instance/{id}",
                "cn-hangzhou",
                "1488317743351199",
                "i-{account}"
            ),
            "acs:ecs:cn-hangzhou:1488317743351199:instance/i-{account}"
        );
        assert_eq!(fill_arn("a{b}{id", "r", "1", "x"), "a{b}{id");
    }
}

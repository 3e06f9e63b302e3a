//! Retry classes: what retrying a failed call can achieve, how long to wait, and whether
//! resending is safe given idempotency.
//!
//! Every code in every error table has a class in the spec data (a unit test checks it):
//! the operation's own codes in [`crate::spec::LifecycleSpec::error_classes`], the provider's
//! common codes in [`crate::catalog::provider_lifecycle`]. Codes no table lists fall back to the
//! provider's ordered [`crate::spec::ClassRule`]s.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalog::{operation, provider_lifecycle};
use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::lang::Lang;
use crate::messages::lifecycle::{self as messages, CodeClass, FailureReading, ResendSafety, RetrySubject};
use crate::record::Record;
use crate::spec::{CodeMatcher, OperationSpec, RetryAfterUnit, RetryClass, TokenAdvice};

/// Retry delays never grow past this, however many attempts came before.
pub const MAX_RECOMMENDED_DELAY_MS: u64 = 60_000;

/// Where a class came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum ClassSource {
    /// The operation's error table.
    Operation,
    /// The provider's common error table.
    Provider,
    /// A fallback rule, for a code no table lists.
    Rule,
    /// A header the provider sends only when it throttles (Alibaba `x-acs-retry-after`).
    Header,
    /// No response arrived at all (timeout, connection reset).
    NoResponse,
}

/// The class of one error code of one operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(repr(operation, code, class_, source))]
pub struct Classification {
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    pub code: String,
    pub http_status: Option<u16>,
    pub class: RetryClass,
    pub source: ClassSource,
    /// What to do with the request's ClientToken; `any` for operations without one.
    pub token: TokenAdvice,
    /// The request may have been carried out although this error came back.
    pub may_have_applied: bool,
    /// How long to wait before trying again, when trying again can help.
    pub recommended_delay_ms: Option<u64>,
    pub reason: String,
}

/// What to do next after a failed call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// Resend the same request (same ClientToken, fresh signature) after the delay.
    Retry,
    /// Resend with a new ClientToken after the delay.
    RetryWithNewToken,
    /// Read the resource with its Describe API first, then decide whether to resend.
    Recheck,
    /// The request is wrong or refused: change it, do not resend it.
    FixRequest,
    /// Fix credentials, signature or permissions first.
    FixCredentials,
}

/// The advice for one failed call (an error response, an unreadable one, or none at all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(repr(operation, code, class_, safe_to_retry, action, retry_after_ms))]
pub struct RetryAdvice {
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    /// `None` when no response arrived.
    pub code: Option<String>,
    pub http_status: Option<u16>,
    pub class: RetryClass,
    pub source: ClassSource,
    pub may_have_applied: bool,
    /// Whether the request that failed carried a ClientToken.
    pub token_sent: bool,
    pub token: TokenAdvice,
    /// Resending cannot make the operation happen twice: the request was rejected before it
    /// acted, or it carried a ClientToken the provider deduplicates.
    pub safe_to_retry: bool,
    pub action: NextStep,
    /// How long to wait before the next attempt; `None` when none should be made.
    pub retry_after_ms: Option<u64>,
    /// The header the delay was read from, or `recommended`.
    pub retry_after_source: Option<String>,
    pub reason: String,
}

/// The failed call, as the host saw it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FailedCall {
    /// HTTP status; `None` (with no code) when no response arrived.
    pub status: Option<u16>,
    /// The error code of the response (`ApiError.code`, `ParseError.code`).
    pub code: Option<String>,
    pub headers: Vec<(String, String)>,
    /// The parameters that were sent, to tell whether they carried a ClientToken.
    pub params: Option<Value>,
    /// Unix seconds, for a `Retry-After` given as an HTTP date.
    pub now: Option<i64>,
    /// 1 for the first retry; recommended delays double with each attempt.
    pub attempt: u32,
}

/// The class of `code` for `op_id`; `status` helps only for codes no table lists.
pub fn classify(op_id: &str, code: &str, status: Option<u16>, lang: Lang) -> Result<Classification> {
    let spec = operation(op_id)?;
    if let Some(status) = status {
        check_status(status)?;
    }
    let found = class_of(spec, code, status);
    let delay = recommended_delay(spec, found.class, 1);
    let reason = messages::failure_reading(&retry_subject(spec), &code_reading(spec, code, &found));
    Ok(Classification {
        operation: spec.id,
        code: code.to_owned(),
        http_status: status,
        class: found.class,
        source: found.source,
        token: token_advice(spec, found.token),
        may_have_applied: found.may_have_applied,
        recommended_delay_ms: delay,
        reason: reason.get(lang).to_owned(),
    })
}

/// Advice for a failed call of `op_id`: its class, whether resending is safe, and how long
/// to wait (`x-acs-retry-after` / `Retry-After` when sent, else the recommended delay).
pub fn retry_advice(op_id: &str, call: &FailedCall, lang: Lang) -> Result<RetryAdvice> {
    let spec = operation(op_id)?;
    if let Some(status) = call.status {
        check_status(status)?;
    }
    let token_sent = token_sent(spec, call.params.as_ref())?;
    let mut found = match (&call.code, call.status) {
        (None, None) => Found {
            class: RetryClass::Transient,
            source: ClassSource::NoResponse,
            token: TokenAdvice::Keep,
            may_have_applied: true,
        },
        (Some(code), status) => class_of(spec, code, status),
        (None, Some(status)) => class_of(spec, "", Some(status)),
    };
    let header_delay = header_delay(spec, &call.headers, call.now);
    if let Some((_, _, true)) = header_delay {
        found.class = RetryClass::Throttle;
        found.source = ClassSource::Header;
        found.may_have_applied = false;
    }
    let token = token_advice(spec, found.token);
    let retryable = !matches!(found.class, RetryClass::Permanent | RetryClass::Auth);
    let safe_to_retry = match found.class {
        RetryClass::Permanent | RetryClass::Auth => false,
        RetryClass::Throttle => true,
        RetryClass::Transient => !found.may_have_applied || (token_sent && token == TokenAdvice::Keep),
        // Only a resend the provider deduplicates is safe before the state was re-checked.
        RetryClass::StateConflict => token_sent && token == TokenAdvice::Keep,
    };
    let action = match found.class {
        RetryClass::Permanent => NextStep::FixRequest,
        RetryClass::Auth => NextStep::FixCredentials,
        _ if !safe_to_retry => NextStep::Recheck,
        _ if token == TokenAdvice::New => NextStep::RetryWithNewToken,
        _ => NextStep::Retry,
    };
    let attempt = call.attempt.max(1);
    let (retry_after_ms, retry_after_source) = match (retryable, header_delay) {
        (false, _) => (None, None),
        (true, Some((ms, name, _))) => (Some(ms), Some(name.to_owned())),
        (true, None) => (
            recommended_delay(spec, found.class, attempt),
            Some("recommended".to_owned()),
        ),
    };
    let shown_code = call.code.clone().unwrap_or_default();
    let subject = retry_subject(spec);
    let reading = match found.source {
        ClassSource::NoResponse => FailureReading::NoResponse,
        ClassSource::Header => FailureReading::Header {
            header: header_delay.map(|(_, name, _)| name).unwrap_or_default(),
        },
        _ => code_reading(spec, &shown_code, &found),
    };
    let mut reason = messages::failure_reading(&subject, &reading);
    messages::append(
        &mut reason,
        messages::resend_safety(&subject, safety(spec, &found, token, token_sent, safe_to_retry)),
    );
    Ok(RetryAdvice {
        operation: spec.id,
        code: call.code.clone(),
        http_status: call.status,
        class: found.class,
        source: found.source,
        may_have_applied: found.may_have_applied,
        token_sent,
        token,
        safe_to_retry,
        action,
        retry_after_ms,
        retry_after_source,
        reason: reason.get(lang).to_owned(),
    })
}

/// [`retry_advice`] for an error the core returned (`Error::Api` or `Error::Parse` from
/// [`crate::wire::parse_response`]; other kinds are classified by their first code).
pub fn advise_error(
    op_id: &str,
    error: &Error,
    headers: &[(String, String)],
    params: Option<&Value>,
    now: Option<i64>,
    lang: Lang,
) -> Result<RetryAdvice> {
    let detail = error.primary();
    let call = FailedCall {
        status: detail.map(|d| d.http_status),
        code: detail.map(|d| d.code.clone()),
        headers: headers.to_vec(),
        params: params.cloned(),
        now,
        attempt: 1,
    };
    retry_advice(op_id, &call, lang)
}

/// A class found in the spec data.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub class: RetryClass,
    pub source: ClassSource,
    pub token: TokenAdvice,
    pub may_have_applied: bool,
}

/// The operation's table, then the provider's, then the provider's rules (in order).
pub(crate) fn class_of(spec: &OperationSpec, code: &str, status: Option<u16>) -> Found {
    let provider = provider_lifecycle(spec.provider);
    let listed = |source, entries: &'static [crate::spec::ErrorClassSpec]| {
        entries.iter().find(|e| e.code == code).map(|e| Found {
            class: e.class,
            source,
            token: e.token,
            may_have_applied: e.may_have_applied,
        })
    };
    if let Some(found) = listed(ClassSource::Operation, spec.lifecycle.error_classes)
        .or_else(|| listed(ClassSource::Provider, provider.error_classes))
    {
        return found;
    }
    let matches = |matcher: &CodeMatcher| match *matcher {
        CodeMatcher::Contains(part) => !code.is_empty() && crate::lang::contains(code, part),
        CodeMatcher::Prefix(prefix) => !code.is_empty() && code.starts_with(prefix),
        CodeMatcher::Status(low, high) => status.is_some_and(|s| (low..=high).contains(&s)),
        CodeMatcher::Any => true,
    };
    let rule = provider.fallback.iter().find(|rule| matches(&rule.matcher));
    Found {
        class: rule.map_or(RetryClass::Permanent, |r| r.class),
        source: ClassSource::Rule,
        token: if rule.is_some_and(|r| r.may_have_applied) {
            TokenAdvice::Keep
        } else {
            TokenAdvice::Any
        },
        may_have_applied: rule.is_some_and(|r| r.may_have_applied),
    }
}

/// Whether a retry class means trying again later can succeed (a state conflict only after
/// the state changes).
pub fn retryable(class: RetryClass) -> bool {
    !matches!(class, RetryClass::Permanent | RetryClass::Auth)
}

fn token_advice(spec: &OperationSpec, token: TokenAdvice) -> TokenAdvice {
    if spec.lifecycle.client_token.is_some() {
        token
    } else {
        TokenAdvice::Any
    }
}

/// An HTTP status as a host language hands it over (any integer): 100-599, else
/// `InvalidParameter.Status` (the one check, shared with response parsing).
pub use crate::wire::http_status;

fn check_status(status: u16) -> Result<()> {
    if (100..=599).contains(&status) {
        return Ok(());
    }
    Err(Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterStatus,
        messages::invalid_status(status),
        Some("status".to_owned()),
    )))
}

/// Whether `params` carry the operation's ClientToken. Anything but an object (or nothing) is
/// refused, so a typo cannot silently mean "no token".
fn token_sent(spec: &OperationSpec, params: Option<&Value>) -> Result<bool> {
    match params {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Object(map)) => Ok(spec
            .lifecycle
            .client_token
            .is_some_and(|name| map.get(name).and_then(Value::as_str).is_some_and(|t| !t.is_empty()))),
        Some(other) => Err(Error::Validation(vec![ErrorDetail::client(
            ClientCode::invalid(spec.provider),
            messages::sent_params_not_object(crate::params::json_type(other)),
            Some("params".to_owned()),
        )])),
    }
}

/// The first retry-after header of the provider's list that holds a usable delay:
/// `(milliseconds, header name, means throttled)`.
fn header_delay(
    spec: &OperationSpec,
    headers: &[(String, String)],
    now: Option<i64>,
) -> Option<(u64, &'static str, bool)> {
    provider_lifecycle(spec.provider)
        .retry_after_headers
        .iter()
        .find_map(|header| {
            let value = headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(header.name))
                .map(|(_, v)| v.trim())?;
            let ms = match header.unit {
                // Only a positive integer counts (as the official runtime reads it).
                RetryAfterUnit::Milliseconds => value.parse::<u64>().ok().filter(|ms| *ms > 0)?,
                RetryAfterUnit::SecondsOrHttpDate => match value.parse::<u64>() {
                    Ok(seconds) => seconds.checked_mul(1000)?,
                    Err(_) => {
                        let wait = crate::lifecycle::http_date::parse(value)?.checked_sub(now?)?;
                        u64::try_from(wait).ok()?.checked_mul(1000)?
                    }
                },
            };
            Some((ms, header.name, header.means_throttled))
        })
}

fn recommended_delay(spec: &OperationSpec, class: RetryClass, attempt: u32) -> Option<u64> {
    let base = provider_lifecycle(spec.provider)
        .recommended_delay_ms
        .iter()
        .find(|(c, _)| *c == class)
        .map(|(_, ms)| *ms)?;
    let doublings = attempt.saturating_sub(1).min(16);
    Some(base.saturating_mul(1u64 << doublings).min(MAX_RECOMMENDED_DELAY_MS))
}

fn retry_subject(spec: &OperationSpec) -> RetrySubject<'_> {
    RetrySubject {
        noun: &spec.resource.noun,
        action: spec.action,
        describe_api: spec.resource.describe_api,
    }
}

fn code_reading<'a>(spec: &'a OperationSpec, code: &'a str, found: &Found) -> FailureReading<'a> {
    let class = match found.class {
        RetryClass::Throttle => CodeClass::Throttle,
        RetryClass::Transient if found.may_have_applied => CodeClass::ServerFault,
        RetryClass::Transient => CodeClass::Temporary,
        RetryClass::StateConflict => CodeClass::StateConflict,
        RetryClass::Permanent => CodeClass::Permanent,
        RetryClass::Auth => CodeClass::Auth,
    };
    let known = spec.error(code).map(|entry| &entry.message);
    FailureReading::Code { code, class, known }
}

fn safety(spec: &OperationSpec, found: &Found, token: TokenAdvice, token_sent: bool, safe: bool) -> ResendSafety {
    let takes_token = spec.lifecycle.client_token.is_some();
    match (found.class, safe) {
        (RetryClass::Permanent | RetryClass::Auth, _) => ResendSafety::Unsaid,
        (_, true) if token == TokenAdvice::New && takes_token => ResendSafety::NewToken,
        (_, true) if token_sent => ResendSafety::SameToken,
        (_, true) => ResendSafety::NotCarriedOut,
        (_, false) if found.may_have_applied && !takes_token => ResendSafety::TakesNoToken,
        (_, false) if found.may_have_applied => ResendSafety::NoTokenSent,
        (_, false) => ResendSafety::CheckFirst,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{operations, provider_errors};
    use serde_json::json;

    #[test]
    fn every_code_in_every_error_table_has_a_class_from_a_table() {
        for op in operations() {
            for entry in op.errors.iter().chain(provider_errors(op.provider)) {
                let found = class_of(op, entry.code, Some(entry.http_status));
                assert_ne!(
                    found.source,
                    ClassSource::Rule,
                    "{}: {} has no class",
                    op.id,
                    entry.code
                );
                // The tables' retryable flag and the class must not contradict each other.
                match found.class {
                    RetryClass::Throttle | RetryClass::Transient => {
                        assert!(entry.retryable, "{}: {}", op.id, entry.code)
                    }
                    RetryClass::Permanent | RetryClass::Auth => assert!(!entry.retryable, "{}: {}", op.id, entry.code),
                    RetryClass::StateConflict => {}
                }
            }
        }
    }

    #[test]
    fn every_classified_code_is_in_a_table() {
        for op in operations() {
            for class in op.lifecycle.error_classes {
                assert!(
                    op.errors.iter().any(|e| e.code == class.code),
                    "{}: {} classified but not in its table",
                    op.id,
                    class.code
                );
            }
            for class in provider_lifecycle(op.provider).error_classes {
                let parse_code = matches!(class.code, "SDK.InvalidResponse" | "JSON_PARSE_FAILED");
                assert!(
                    parse_code || provider_errors(op.provider).iter().any(|e| e.code == class.code),
                    "{}",
                    class.code
                );
            }
        }
    }

    #[test]
    fn unknown_codes_fall_back_to_the_rules() {
        let ecs = operation("ecs:RebootInstance").expect("known");
        assert_eq!(
            class_of(ecs, "Throttling.Resource", Some(400)).class,
            RetryClass::Throttle
        );
        assert_eq!(class_of(ecs, "Whatever", Some(502)).class, RetryClass::Transient);
        assert_eq!(class_of(ecs, "Forbidden.Unknown", Some(403)).class, RetryClass::Auth);
        assert_eq!(class_of(ecs, "Whatever", Some(400)).class, RetryClass::Permanent);
    }

    #[test]
    fn a_reboot_without_token_is_not_resent_blindly_after_a_server_fault() {
        let call = |code: &str, params: Value| FailedCall {
            status: Some(500),
            code: Some(code.to_owned()),
            params: Some(params),
            attempt: 1,
            ..FailedCall::default()
        };
        let ecs = retry_advice(
            "ecs:RebootInstance",
            &call("InternalError", json!({"InstanceId": "i-bp67acfmxazb4ph1abcd"})),
            Lang::En,
        )
        .expect("advice");
        assert!(!ecs.safe_to_retry && ecs.may_have_applied);
        assert_eq!(ecs.action, NextStep::Recheck);
        let with_token =
            json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1", "ClientToken": "og1-x"});
        let restart = retry_advice(
            "computenestsupplier:RestartServiceInstance",
            &call("InternalError", with_token),
            Lang::En,
        )
        .expect("advice");
        assert!(restart.safe_to_retry && restart.token_sent);
        assert_eq!(restart.action, NextStep::Retry);
    }

    #[test]
    fn retry_after_headers_win_over_the_recommended_delay() {
        let mut call = FailedCall {
            status: Some(400),
            code: Some("Whatever".to_owned()),
            headers: vec![("X-Acs-Retry-After".to_owned(), "1500".to_owned())],
            attempt: 1,
            ..FailedCall::default()
        };
        let advice = retry_advice("ecs:RebootInstance", &call, Lang::En).expect("advice");
        assert_eq!(
            (advice.class, advice.retry_after_ms, advice.source),
            (RetryClass::Throttle, Some(1500), ClassSource::Header)
        );
        call.headers = vec![("Retry-After".to_owned(), "Wed, 18 Nov 2026 11:06:50 GMT".to_owned())];
        call.code = Some("REQUEST_LIMIT_EXCEEDED".to_owned());
        call.status = Some(429);
        call.now = Some(1_795_000_000);
        let advice = retry_advice("zec:RebootInstances", &call, Lang::En).expect("advice");
        assert_eq!(advice.retry_after_ms, Some(10_000));
        call.headers.clear();
        call.attempt = 3;
        assert_eq!(
            retry_advice("zec:RebootInstances", &call, Lang::En)
                .expect("advice")
                .retry_after_ms,
            Some(4_000)
        );
    }
}

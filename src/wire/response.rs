//! Reading provider responses into typed results or provider-style errors.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::xml;
use crate::catalog::operation;
use crate::codes::ClientCode;
use crate::error::{ApiError, Error, ErrorDetail, Result};
use crate::messages::wire::{
    bad_headers, bad_http_status, no_provider_message, response_problem, Expected, ResponseProblem,
};
use crate::record::Record;
use crate::spec::{OperationSpec, Provider, RetryClass, TargetSpec};
use crate::text;

/// Responses to these operations are a few kilobytes; anything this large is not one.
pub const MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

/// Provider strings (messages, ids) longer than this are cut, so a hostile body cannot turn
/// into a huge error value.
const MAX_PROVIDER_TEXT_CHARS: usize = 4096;

/// How a provider response turned out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum ResponseOutcome {
    /// Accepted for every target.
    Succeeded,
    /// Accepted, but some targets failed (`failures` says which).
    SomeFailed,
    /// An ECS `DryRun=true` request passed every check; nothing was changed.
    DryRunPassed,
}

/// A successful (or dry-run-passed) provider response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(outcome, request_id, failures))]
pub struct ApiResponse {
    pub outcome: ResponseOutcome,
    /// The provider's request id, as sent.
    pub request_id: Option<String>,
    /// Compute Nest `RenewalResult`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal: Option<RenewalResult>,
    /// Targets the provider reports as failed: Compute Nest `FailureDetails`, or the ids a
    /// Zenlayer batch call returns (those are the ones that failed).
    pub failures: Vec<TargetFailure>,
    /// An ECS dry run that passed: the provider's `DryRunOperation` answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dry_run: Option<DryRunPassed>,
    /// The provider's payload as sent (Zenlayer: the `response` object; XML converted), always
    /// an object.
    pub data: Map<String, Value>,
}

/// Compute Nest's `RenewalResult`: how many resources were renewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
pub struct RenewalResult {
    pub total_count: i64,
    pub succeeded: i64,
    pub failed: i64,
}

/// One target the provider reports as failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
pub struct TargetFailure {
    /// The target's id.
    pub id: String,
    /// The provider's code for it, when it sent one.
    pub code: Option<String>,
    /// The provider's message for it, when it sent one.
    pub message: Option<String>,
}

/// A dry run that passed: the provider's answer (`DryRunOperation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
pub struct DryRunPassed {
    pub code: String,
    pub message: Option<String>,
}

/// Response headers as the bindings receive them: an object of name → string, or a list of
/// `[name, value]` pairs (repeated names need the list form); null means none.
pub fn header_pairs_from_json(value: Value) -> Result<Vec<(String, String)>> {
    let bad = |field: String| {
        Error::Input(ErrorDetail::client(
            ClientCode::InvalidParameterHeaders,
            bad_headers(&field),
            Some(field),
        ))
    };
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Object(map) => {
            let mut pairs = Vec::with_capacity(map.len());
            for (name, value) in map {
                let Value::String(text) = value else {
                    return Err(bad("headers".to_owned()));
                };
                pairs.push((name, text));
            }
            Ok(pairs)
        }
        Value::Array(items) => crate::lists::read_items(&items, |index, item| match item {
            Value::Array(pair) => match pair.as_slice() {
                [Value::String(name), Value::String(text)] => Ok((name.clone(), text.clone())),
                _ => Err(bad(format!("headers[{index}]"))),
            },
            _ => Err(bad(format!("headers[{index}]"))),
        }),
        _ => Err(bad("headers".to_owned())),
    }
}

/// An HTTP status as a call argument: 100-599, `InvalidParameter.Status` otherwise.
pub fn http_status(status: i64) -> Result<u16> {
    match u16::try_from(status) {
        Ok(code) if (100..=599).contains(&code) => Ok(code),
        _ => Err(Error::Input(ErrorDetail::client(
            ClientCode::InvalidParameterStatus,
            bad_http_status(status),
            Some("status".to_owned()),
        ))),
    }
}

/// Parses the response to `op_id`: `Ok` for success and for a passed dry run, `Error::Api`
/// for a provider error, `Error::Parse` for anything that is not a well-formed response.
pub fn parse_response(op_id: &str, status: u16, headers: &[(String, String)], body: &[u8]) -> Result<ApiResponse> {
    let op = operation(op_id)?;
    let status = http_status(i64::from(status))?;
    let reader = Reader { op, status };
    // Headers are scanned a fixed number of times, the body parsed once.
    crate::work::add(headers.len() + body.len().min(MAX_RESPONSE_BYTES + 1));
    if op.provider == Provider::Zenlayer {
        // The Zenlayer SDKs recognise these network-layer blocks before reading the body.
        let challenged = status == 403
            && headers
                .iter()
                .any(|(name, value)| name.eq_ignore_ascii_case("cf-mitigated") && value.trim() == "challenge");
        if challenged || status == 451 {
            let code = if challenged {
                "SECURITY_CHALLENGE"
            } else {
                "REQUEST_BLOCKED"
            };
            return Err(Error::Api(Box::new(ApiError {
                detail: reader.api_detail(code, None),
                provider_message: None,
                request_id: None,
                host_id: None,
                recommend: None,
                access_denied_detail: None,
            })));
        }
    }
    let body = reader.document(headers, body)?;
    if (200..300).contains(&status) {
        match op.provider {
            Provider::Alibaba => reader.alibaba_success(body),
            Provider::Zenlayer => reader.zenlayer_success(body),
        }
    } else {
        reader.error(body)
    }
}

struct Reader {
    op: &'static OperationSpec,
    status: u16,
}

impl Reader {
    /// The body as a JSON object (XML converted for Alibaba).
    fn document(&self, headers: &[(String, String)], body: &[u8]) -> Result<Map<String, Value>> {
        if body.len() > MAX_RESPONSE_BYTES {
            return Err(self.malformed(
                &ResponseProblem::TooLarge {
                    bytes: body.len(),
                    max: MAX_RESPONSE_BYTES,
                },
                None,
            ));
        }
        let text = std::str::from_utf8(body).map_err(|_| self.malformed(&ResponseProblem::NotUtf8, None))?;
        let trimmed = text.trim_start_matches('\u{feff}').trim();
        if trimmed.is_empty() {
            return Err(self.malformed(&ResponseProblem::Empty, None));
        }
        let content_type = headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
            .map(|(_, value)| value.to_ascii_lowercase())
            .unwrap_or_default();
        if crate::lang::contains(&content_type, "text/html") || looks_like_html(trimmed) {
            return Err(self.malformed(&ResponseProblem::Html, None));
        }
        if trimmed.starts_with('<') {
            if self.op.provider != Provider::Alibaba {
                return Err(self.malformed(&ResponseProblem::UnexpectedXml, None));
            }
            let (_, value) = xml::to_json(trimmed)
                .map_err(|problem| self.malformed(&ResponseProblem::MalformedXml { problem: &problem }, None))?;
            return match value {
                Value::Object(map) => Ok(map),
                _ => Ok(Map::new()),
            };
        }
        match crate::json::parse(trimmed) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(other) => Err(self.malformed(&ResponseProblem::NotAnObject { got: json_type(&other) }, None)),
            Err(err) => Err(self.malformed(
                &ResponseProblem::NotJson {
                    error: &err.to_string(),
                },
                None,
            )),
        }
    }

    fn alibaba_success(&self, body: Map<String, Value>) -> Result<ApiResponse> {
        let request_id = self.opt_string(&body, "RequestId", "")?;
        let renewal = match body.get("RenewalResult") {
            None | Some(Value::Null) => None,
            Some(Value::Object(result)) => Some(RenewalResult {
                total_count: self.int(result, "TotalCount", "RenewalResult.")?,
                succeeded: self.int(result, "Succeeded", "RenewalResult.")?,
                failed: self.int(result, "Failed", "RenewalResult.")?,
            }),
            Some(other) => return Err(self.wrong_type("RenewalResult", Expected::Object, other)),
        };
        let mut failures = Vec::new();
        for (index, item) in self
            .list(body.get("FailureDetails"), "FailureDetails")?
            .into_iter()
            .enumerate()
        {
            let path = format!("FailureDetails[{index}].");
            let Value::Object(item) = item else {
                return Err(self.wrong_type(&format!("FailureDetails[{index}]"), Expected::Object, item));
            };
            failures.push(TargetFailure {
                id: self.opt_string(item, "ResourceArn", &path)?.unwrap_or_default(),
                code: self.opt_string(item, "ErrorCode", &path)?,
                message: self.opt_string(item, "ErrorMessage", &path)?,
            });
        }
        let some_failed = !failures.is_empty() || renewal.is_some_and(|r| r.failed > 0);
        Ok(ApiResponse {
            outcome: if some_failed {
                ResponseOutcome::SomeFailed
            } else {
                ResponseOutcome::Succeeded
            },
            request_id,
            renewal,
            failures,
            dry_run: None,
            data: body,
        })
    }

    fn zenlayer_success(&self, body: Map<String, Value>) -> Result<ApiResponse> {
        let outer_id = self.opt_string(&body, "requestId", "")?;
        let response = match body.get("response") {
            Some(Value::Object(response)) => response.clone(),
            None | Some(Value::Null) => {
                return Err(self.malformed(&ResponseProblem::NoResponseObject, Some("response".to_owned())))
            }
            Some(other) => return Err(self.wrong_type("response", Expected::Object, other)),
        };
        let request_id = self.opt_string(&response, "requestId", "response.")?.or(outer_id);
        let mut failures = Vec::new();
        if let TargetSpec::Batch { param, .. } = self.op.target {
            // A batch call answers with the ids that failed, under the request's list name.
            for (index, id) in self
                .list(response.get(param), &format!("response.{param}"))?
                .into_iter()
                .enumerate()
            {
                let Value::String(id) = id else {
                    return Err(self.wrong_type(&format!("response.{param}[{index}]"), Expected::String, id));
                };
                failures.push(TargetFailure {
                    id: bounded(id),
                    code: None,
                    message: None,
                });
            }
        }
        let outcome = if failures.is_empty() {
            ResponseOutcome::Succeeded
        } else {
            ResponseOutcome::SomeFailed
        };
        Ok(ApiResponse {
            outcome,
            request_id,
            renewal: None,
            failures,
            dry_run: None,
            data: response,
        })
    }

    fn error(&self, body: Map<String, Value>) -> Result<ApiResponse> {
        let code = match self
            .opt_string(&body, "Code", "")?
            .or(self.opt_string(&body, "code", "")?)
        {
            Some(code) if !code.is_empty() => code,
            _ => return Err(self.malformed(&ResponseProblem::NoErrorCode, Some("Code".to_owned()))),
        };
        let message = self
            .opt_string(&body, "Message", "")?
            .or(self.opt_string(&body, "message", "")?)
            .filter(|m| !m.is_empty());
        let request_id = self
            .opt_string(&body, "RequestId", "")?
            .or(self.opt_string(&body, "requestId", "")?);
        if self.op.dry_run.is_some_and(|dry_run| dry_run.code == code) {
            return Ok(ApiResponse {
                outcome: ResponseOutcome::DryRunPassed,
                request_id,
                renewal: None,
                failures: Vec::new(),
                dry_run: Some(DryRunPassed { code, message }),
                data: body,
            });
        }
        let access_denied_detail = match body.get("AccessDeniedDetail") {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) if text.is_empty() => None,
            // Sent either as an object or as a JSON string; keep it as sent.
            Some(detail @ (Value::Object(_) | Value::String(_))) => Some(detail.clone()),
            Some(other) => return Err(self.wrong_type("AccessDeniedDetail", Expected::Object, other)),
        };
        Err(Error::Api(Box::new(ApiError {
            detail: self.api_detail(&code, message.clone()),
            provider_message: message,
            request_id,
            host_id: self.opt_string(&body, "HostId", "")?,
            recommend: self.opt_string(&body, "Recommend", "")?,
            access_denied_detail,
        })))
    }

    /// A provider error in our terms: the provider's message when it sent one (the Chinese
    /// text comes from the operation's table when the code is known; the sent text is kept
    /// apart as `ApiError::provider_message`), the table's otherwise;
    /// retryable per the table, else when the provider's retry rules class it as throttle or
    /// transient.
    fn api_detail(&self, code: &str, message: Option<String>) -> ErrorDetail {
        let known = self.op.error(code);
        let message = match (message, known) {
            (Some(sent), Some(entry)) => text!(sent, entry.message.zh.clone()),
            (Some(sent), None) => text!(sent.clone(), sent),
            (None, Some(entry)) => entry.message.clone(),
            (None, None) => no_provider_message(code, self.status),
        };
        let retryable = match known {
            Some(entry) => entry.retryable,
            // Codes no table lists: the provider's retry rules (crate::lifecycle) decide.
            None => matches!(
                crate::lifecycle::class_of(self.op, code, Some(self.status)).class,
                RetryClass::Throttle | RetryClass::Transient
            ),
        };
        ErrorDetail {
            code: code.to_owned(),
            http_status: self.status,
            message,
            field: None,
            retryable,
        }
    }

    fn malformed(&self, problem: &ResponseProblem<'_>, field: Option<String>) -> Error {
        let code = match self.op.provider {
            Provider::Alibaba => "SDK.InvalidResponse",
            Provider::Zenlayer => "JSON_PARSE_FAILED",
        };
        Error::Parse(ErrorDetail {
            code: code.to_owned(),
            http_status: self.status,
            message: response_problem(self.op.id, self.status, problem),
            field,
            // A gateway page during an outage says nothing about the call; trying again may work.
            retryable: self.status >= 500 || self.status == 429,
        })
    }

    fn wrong_type(&self, path: &str, expected: Expected, got: &Value) -> Error {
        self.malformed(
            &ResponseProblem::WrongType {
                path,
                expected,
                got: json_type(got),
            },
            Some(path.to_owned()),
        )
    }

    fn opt_string(&self, map: &Map<String, Value>, key: &str, prefix: &str) -> Result<Option<String>> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(bounded(text))),
            Some(other) => Err(self.wrong_type(&format!("{prefix}{key}"), Expected::String, other)),
        }
    }

    /// An integer, also as the digit string XML produces.
    fn int(&self, map: &Map<String, Value>, key: &str, prefix: &str) -> Result<i64> {
        let value = map.get(key);
        let parsed = match value {
            Some(Value::Number(number)) => number.as_i64(),
            Some(Value::String(text)) => text.trim().parse().ok(),
            _ => None,
        };
        parsed.ok_or_else(|| {
            self.wrong_type(
                &format!("{prefix}{key}"),
                Expected::Integer,
                value.unwrap_or(&Value::Null),
            )
        })
    }

    /// A list, also in XML's shape: `<L><Item>…</Item></L>` arrives as `{"Item": …}`.
    fn list<'a>(&self, value: Option<&'a Value>, path: &str) -> Result<Vec<&'a Value>> {
        match value {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => Ok(items.iter().collect()),
            Some(Value::String(text)) if text.is_empty() => Ok(Vec::new()),
            Some(Value::Object(wrapper)) if wrapper.len() == 1 => match wrapper.values().next() {
                Some(Value::Array(items)) => Ok(items.iter().collect()),
                Some(single) => Ok(vec![single]),
                None => Ok(Vec::new()),
            },
            Some(other) => Err(self.wrong_type(path, Expected::List, other)),
        }
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(256).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || crate::lang::contains(&head, "<html")
}

fn bounded(text: &str) -> String {
    if text.chars().count() <= MAX_PROVIDER_TEXT_CHARS {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(MAX_PROVIDER_TEXT_CHARS).collect();
        cut.push('…');
        cut
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn headers_arrive_as_an_object_or_as_pairs() {
        let pairs = header_pairs_from_json(json!([
            ["x-acs-request-id", "A"],
            ["Set-Cookie", "a"],
            ["Set-Cookie", "b"]
        ]))
        .expect("pairs");
        assert_eq!(pairs.len(), 3);
        assert_eq!(
            header_pairs_from_json(json!({"content-type": "application/json"})).expect("object"),
            vec![("content-type".to_owned(), "application/json".to_owned())]
        );
        assert!(header_pairs_from_json(Value::Null).expect("none").is_empty());
        for (bad, field) in [
            (json!([["a"]]), "headers[0]"),
            (json!({"a": 1}), "headers"),
            (json!("a: b"), "headers"),
            (json!([["a", "b"], 3]), "headers[1]"),
        ] {
            let error = header_pairs_from_json(bad).expect_err("refused");
            assert_eq!(error.details()[0].field.as_deref(), Some(field));
            assert_eq!(error.details()[0].code, "InvalidParameter.Headers");
        }
    }

    #[test]
    fn oversized_bodies_are_refused_before_parsing() {
        let body = vec![b' '; MAX_RESPONSE_BYTES + 1];
        let Err(Error::Parse(detail)) = parse_response("ecs:RebootInstance", 200, &[], &body) else {
            panic!("accepted an oversized body")
        };
        assert!(detail.message.en.contains("limit"), "{}", detail.message.en);
    }

    #[test]
    fn byte_order_mark_and_whitespace_are_tolerated() {
        let parsed = parse_response(
            "ecs:RebootInstance",
            200,
            &[],
            "\u{feff}\n {\"RequestId\":\"A\"} \n".as_bytes(),
        )
        .expect("valid");
        assert_eq!(parsed.request_id.as_deref(), Some("A"));
    }

    #[test]
    fn long_provider_messages_are_bounded() {
        let body = format!("{{\"Code\":\"X\",\"Message\":\"{}\"}}", "m".repeat(100_000));
        let Err(Error::Api(api)) = parse_response("ecs:RebootInstance", 400, &[], body.as_bytes()) else {
            panic!("not an API error")
        };
        assert_eq!(api.detail.message.en.chars().count(), MAX_PROVIDER_TEXT_CHARS + 1);
    }
}

//! What every operation of a provider shares around a call: the retry class of each
//! provider-wide error code, the rules for codes no table lists, the headers that say how long
//! to wait, and the waiter's own failure codes.
//!
//! Sources:
//! - Alibaba Cloud common error codes: https://help.aliyun.com/document_detail/435312.html and
//!   the ECS idempotence page https://www.alibabacloud.com/help/en/ecs/developer-reference/how-to-ensure-idempotence
//!   ("retry only on 500 InternalError, 503 ServiceUnavailable or no response", with a ClientToken).
//! - `x-acs-retry-after` (milliseconds; any error carrying it is throttling): the official
//!   OpenAPI runtime, https://github.com/aliyun/darabonba-openapi/pull/283.
//! - Zenlayer: https://docs.console.zenlayer.com/api-reference/api-introduction/instruction/response
//!   (4xx: illegal parameters or operation not allowed; 5xx: system errors). The provider's
//!   "Common Error Codes" page could not be retrieved; its codes are taken from the official SDKs
//!   (https://github.com/zenlayer/zenlayercloud-sdk-python `common/excpetion/error_code.py`,
//!   retrying REQUEST_LIMIT_EXCEEDED with a 1 s, 2 s, 4 s backoff) and Terraform provider
//!   (https://github.com/zenlayer/terraform-provider-zenlayercloud `common/errors.go`, retrying
//!   SERVICE_TEMPORARY_UNAVAILABLE).

use crate::codes::ClientCode;
use crate::lang::Text;
use crate::spec::ErrorOrigin::ProviderStyle;
use crate::spec::RetryClass::{Auth, Permanent, StateConflict, Throttle, Transient};
use crate::spec::TokenAdvice::{Any, Keep, New};
use crate::spec::{
    ClassRule, CodeMatcher, ErrorClassSpec, ErrorSpec, ProviderLifecycle, RetryAfterHeader, RetryAfterUnit,
};

const fn class(code: &'static str, class: crate::spec::RetryClass) -> ErrorClassSpec {
    ErrorClassSpec {
        code,
        class,
        token: Any,
        may_have_applied: false,
    }
}

/// A server fault after which the request may or may not have been carried out.
const fn unsure(code: &'static str) -> ErrorClassSpec {
    ErrorClassSpec {
        code,
        class: Transient,
        token: Keep,
        may_have_applied: true,
    }
}

const fn rule(matcher: CodeMatcher, class: crate::spec::RetryClass) -> ClassRule {
    ClassRule {
        matcher,
        class,
        may_have_applied: false,
    }
}

pub static ALIBABA: ProviderLifecycle = ProviderLifecycle {
    error_classes: &[
        class(ClientCode::MissingParameter.wire(), Permanent),
        class(ClientCode::InvalidParameter.wire(), Permanent),
        class(ClientCode::UnsupportedOperation.wire(), Permanent),
        class("InvalidAction", Permanent),
        class("Throttling", Throttle),
        class("Throttling.User", Throttle),
        class("Throttling.Api", Throttle),
        class("InvalidAccessKeyId.NotFound", Auth),
        class("IncompleteSignature", Auth),
        // The clock is off; signing again with a correct timestamp fixes it.
        class("IllegalTimestamp", Auth),
        class("SignatureDoesNotMatch", Auth),
        // The same signed request already reached the provider once, so the first copy may
        // have been carried out: re-check before signing it again.
        ErrorClassSpec {
            code: "SignatureNonceUsed",
            class: StateConflict,
            token: Keep,
            may_have_applied: true,
        },
        class("Forbidden", Auth),
        class("Forbidden.RAM", Auth),
        class("Forbidden.RiskControl", Auth),
        // Same token, different parameters: a caller bug, not something to retry.
        class("IdempotentParameterMismatch", Permanent),
        // The first request with this token is still running: wait and resend the same token.
        ErrorClassSpec {
            code: "IdempotentProcessing",
            class: StateConflict,
            token: Keep,
            may_have_applied: true,
        },
        // The first request with this token failed for good; only a new token can go through.
        ErrorClassSpec {
            code: "IdempotentFailed",
            class: Transient,
            token: New,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "LastTokenProcessing",
            class: StateConflict,
            token: Keep,
            may_have_applied: true,
        },
        unsure("InternalError"),
        unsure("ServiceUnavailable"),
        // What `parse_response` reports for a body it cannot read: the call's fate is unknown.
        unsure("SDK.InvalidResponse"),
    ],
    fallback: &[
        rule(CodeMatcher::Contains("Throttling"), Throttle),
        rule(CodeMatcher::Status(429, 429), Throttle),
        rule(CodeMatcher::Prefix("Forbidden"), Auth),
        rule(CodeMatcher::Prefix("NoPermission"), Auth),
        rule(CodeMatcher::Prefix("InvalidAccessKey"), Auth),
        rule(CodeMatcher::Prefix("InvalidSecurityToken"), Auth),
        rule(CodeMatcher::Prefix("Signature"), Auth),
        rule(CodeMatcher::Prefix("Incorrect"), StateConflict),
        rule(CodeMatcher::Contains("Conflict"), StateConflict),
        rule(CodeMatcher::Contains("Processing"), StateConflict),
        ClassRule {
            matcher: CodeMatcher::Status(500, 599),
            class: Transient,
            may_have_applied: true,
        },
        rule(CodeMatcher::Any, Permanent),
    ],
    retry_after_headers: &[
        RetryAfterHeader {
            name: "x-acs-retry-after",
            unit: RetryAfterUnit::Milliseconds,
            means_throttled: true,
        },
        RetryAfterHeader {
            name: "Retry-After",
            unit: RetryAfterUnit::SecondsOrHttpDate,
            means_throttled: false,
        },
    ],
    // Terraform's Alibaba provider waits 3 s before retrying throttled and 5xx calls
    // (`incrementalWait(3*time.Second, ...)`) and 5 s between state polls.
    recommended_delay_ms: &[(Throttle, 3_000), (Transient, 3_000), (StateConflict, 5_000)],
    waiter_timeout: &ErrorSpec {
        code: "WaiterTimeout",
        http_status: 504,
        retryable: false,
        message: Text::new(
            "The resource did not reach the target status within the maximum wait.",
            "资源未在最长等待时间内达到目标状态。",
        ),
        origin: ProviderStyle,
    },
    waiter_failure: &ErrorSpec {
        code: "WaiterFailureStatus",
        http_status: 409,
        retryable: false,
        message: Text::new(
            "The resource reached a status from which the operation cannot complete.",
            "资源进入了操作无法完成的状态。",
        ),
        origin: ProviderStyle,
    },
    source: "https://help.aliyun.com/document_detail/435312.html",
};

pub static ZENLAYER: ProviderLifecycle = ProviderLifecycle {
    error_classes: &[
        class(ClientCode::ZenlayerMissingParameter.wire(), Permanent),
        class(ClientCode::ZenlayerInvalidParameter.wire(), Permanent),
        class("REQUEST_LIMIT_EXCEEDED", Throttle),
        unsure("SERVICE_TEMPORARY_UNAVAILABLE"),
        unsure("INTERNAL_SERVER_ERROR"),
        unsure("REQUEST_TIMED_OUT"),
        // A person has to pass the network challenge; no client retry can.
        class("SECURITY_CHALLENGE", Auth),
        class("REQUEST_BLOCKED", Permanent),
        unsure("JSON_PARSE_FAILED"),
    ],
    fallback: &[
        rule(CodeMatcher::Contains("LIMIT_EXCEEDED"), Throttle),
        rule(CodeMatcher::Status(429, 429), Throttle),
        rule(CodeMatcher::Contains("SIGNATURE"), Auth),
        rule(CodeMatcher::Contains("UNAUTHORIZED"), Auth),
        rule(CodeMatcher::Contains("PERMISSION"), Auth),
        rule(CodeMatcher::Prefix("AUTH"), Auth),
        rule(CodeMatcher::Prefix("CREDENTIAL"), Auth),
        rule(CodeMatcher::Status(401, 401), Auth),
        // OPERATION_DENIED_INSTANCE_NOT_RUNNING / _NOT_STOPPED: the resource is in the wrong state.
        rule(CodeMatcher::Prefix("OPERATION_DENIED_INSTANCE_NOT_"), StateConflict),
        ClassRule {
            matcher: CodeMatcher::Status(500, 599),
            class: Transient,
            may_have_applied: true,
        },
        rule(CodeMatcher::Any, Permanent),
    ],
    retry_after_headers: &[RetryAfterHeader {
        name: "Retry-After",
        unit: RetryAfterUnit::SecondsOrHttpDate,
        means_throttled: false,
    }],
    // The Zenlayer SDKs back off 1 s, 2 s, 4 s; Terraform polls states every 5 s (MinTimeout).
    recommended_delay_ms: &[(Throttle, 1_000), (Transient, 1_000), (StateConflict, 5_000)],
    waiter_timeout: &ErrorSpec {
        code: "WAITER_TIMEOUT",
        http_status: 504,
        retryable: false,
        message: Text::new(
            "The instance did not reach the target status within the maximum wait.",
            "实例未在最长等待时间内达到目标状态。",
        ),
        origin: ProviderStyle,
    },
    waiter_failure: &ErrorSpec {
        code: "WAITER_FAILURE_STATUS",
        http_status: 409,
        retryable: false,
        message: Text::new(
            "The instance reached a status from which the operation cannot complete.",
            "实例进入了操作无法完成的状态。",
        ),
        origin: ProviderStyle,
    },
    source: "https://docs.console.zenlayer.com/api-reference/api-introduction/instruction/response",
};

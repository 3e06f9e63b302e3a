//! Provider-wide error tables. `origin` says whether a code is documented by the provider or our
//! choice in its style for client-side checks. Sources: Alibaba's public error codes
//! (<https://help.aliyun.com/document_detail/435312.html>) and error body
//! (<https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis>); Zenlayer's
//! error body and HTTP classes
//! (<https://docs.console.zenlayer.com/api-reference/api-introduction/instruction/response>).

use crate::codes::ClientCode;
use crate::lang::Text;
use crate::spec::ErrorOrigin::{Documented, ProviderStyle};
use crate::spec::ErrorSpec;

pub static ALIBABA: &[ErrorSpec] = &[
    ClientCode::MissingParameter.error_spec(),
    ClientCode::InvalidParameter.error_spec(),
    ClientCode::UnsupportedOperation.error_spec(),
    ErrorSpec {
        code: "Throttling",
        http_status: 400,
        retryable: true,
        message: Text::new("Request was denied due to request throttling.", "请求被流控限制，请稍后重试。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "Throttling.User",
        http_status: 400,
        retryable: true,
        message: Text::new("Request was denied due to user flow control.", "请求因用户流控被拒绝，请稍后重试。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "Throttling.Api",
        http_status: 400,
        retryable: true,
        message: Text::new("Request was denied due to api flow control.", "请求因 API 流控被拒绝，请稍后重试。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "InvalidAccessKeyId.NotFound",
        http_status: 404,
        retryable: false,
        message: Text::new("Specified access key is not found.", "指定的 AccessKey 不存在。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "IncompleteSignature",
        http_status: 400,
        retryable: false,
        message: Text::new("The request signature does not conform to Aliyun standards.", "请求签名不符合阿里云标准。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "IllegalTimestamp",
        http_status: 400,
        retryable: false,
        message: Text::new(
            "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied or is out of range.",
            "请求时间戳缺失或超出允许范围。",
        ),
        origin: Documented,
    },
    ErrorSpec {
        code: "SignatureDoesNotMatch",
        http_status: 403,
        retryable: false,
        message: Text::new(
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
            "请求签名与服务端计算结果不一致，请检查 AccessKey 及签名方法。",
        ),
        origin: Documented,
    },
    ErrorSpec {
        code: "SignatureNonceUsed",
        http_status: 400,
        retryable: false,
        message: Text::new("The request signature nonce has been used.", "签名随机数已被使用。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "Forbidden",
        http_status: 403,
        retryable: false,
        message: Text::new("User not authorized to operate on the specified resource.", "用户无权操作指定资源。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "Forbidden.RAM",
        http_status: 403,
        retryable: false,
        message: Text::new(
            "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
            "用户未被授权操作指定资源，或此 API 不支持 RAM。",
        ),
        origin: Documented,
    },
    ErrorSpec {
        code: "Forbidden.RiskControl",
        http_status: 403,
        retryable: false,
        message: Text::new("This operation is forbidden by Aliyun RiskControl system.", "该操作被阿里云风控系统禁止。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "InvalidAction",
        http_status: 403,
        retryable: false,
        message: Text::new("Specified action is not valid.", "指定的操作无效。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "IdempotentParameterMismatch",
        http_status: 400,
        retryable: false,
        message: Text::new(
            "The specified parameter has changed while using an already used clientToken.",
            "使用已用过的 ClientToken 时参数发生了变化。",
        ),
        origin: ProviderStyle,
    },
    // The three codes below come back to requests that carry a ClientToken. Codes and English
    // messages as the provider sends them (ECS error center, and as reported in
    // https://github.com/cloudfoundry/bosh-alicloud-cpi-release/issues/44 and /105); the HTTP
    // status of the first two is not documented, 400 is our choice. LastTokenProcessing is 403
    // in https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-createdisk.
    ErrorSpec {
        code: "IdempotentProcessing",
        http_status: 400,
        retryable: true,
        message: Text::new(
            "The previous idempotent request(s) is still processing.",
            "使用同一 ClientToken 的上一个请求仍在处理中。",
        ),
        origin: Documented,
    },
    ErrorSpec {
        code: "IdempotentFailed",
        http_status: 400,
        retryable: true,
        message: Text::new(
            "The previous idempotent request(s) has failed due to some unknown error, exception or failure.",
            "使用同一 ClientToken 的上一个请求因未知错误、异常或故障而失败。",
        ),
        origin: Documented,
    },
    ErrorSpec {
        code: "LastTokenProcessing",
        http_status: 403,
        retryable: true,
        message: Text::new("The last token request is processing.", "正在处理上一条令牌请求，请您稍后再试。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "InternalError",
        http_status: 500,
        retryable: true,
        message: Text::new(
            "The request processing has failed due to some unknown error, exception or failure.",
            "请求处理因未知错误、异常或故障而失败。",
        ),
        origin: Documented,
    },
    ErrorSpec {
        code: "ServiceUnavailable",
        http_status: 503,
        retryable: true,
        message: Text::new(
            "The request has failed due to a temporary failure of the server.",
            "服务暂时不可用，请稍后重试。",
        ),
        origin: Documented,
    },
];

pub static ZENLAYER: &[ErrorSpec] = &[
    ClientCode::ZenlayerMissingParameter.error_spec(),
    ClientCode::ZenlayerInvalidParameter.error_spec(),
    ErrorSpec {
        code: "REQUEST_LIMIT_EXCEEDED",
        http_status: 429,
        retryable: true,
        message: Text::new("Request limit exceeded.", "请求次数超出限制。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "SERVICE_TEMPORARY_UNAVAILABLE",
        http_status: 503,
        retryable: true,
        message: Text::new("The service is temporarily unavailable.", "服务暂时不可用。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "INTERNAL_SERVER_ERROR",
        http_status: 500,
        retryable: true,
        message: Text::new("Internal server error.", "服务器内部错误。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "REQUEST_TIMED_OUT",
        http_status: 504,
        retryable: true,
        message: Text::new("The request timed out.", "请求超时。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "SECURITY_CHALLENGE",
        http_status: 403,
        retryable: false,
        message: Text::new("The request requires a security challenge.", "请求需要安全验证。"),
        origin: Documented,
    },
    ErrorSpec {
        code: "REQUEST_BLOCKED",
        http_status: 403,
        retryable: false,
        message: Text::new("The request was blocked.", "请求已被拦截。"),
        origin: Documented,
    },
];

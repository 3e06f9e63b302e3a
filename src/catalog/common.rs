//! Provider-wide error tables (domain.md §3). `origin` says whether a code is documented by the
//! provider or our choice in its style for client-side checks.

use crate::spec::ErrorOrigin::{Documented, ProviderStyle};
use crate::spec::ErrorSpec;

pub static ALIBABA: &[ErrorSpec] = &[
    ErrorSpec { code: "MissingParameter", http_status: 400, retryable: false, en: "A required parameter is not supplied.", zh: "缺少必填参数。", origin: Documented },
    ErrorSpec { code: "InvalidParameter", http_status: 400, retryable: false, en: "The specified parameter is invalid.", zh: "指定的参数无效。", origin: Documented },
    ErrorSpec { code: "UnsupportedOperation", http_status: 400, retryable: false, en: "The specified action is not supported.", zh: "不支持该操作。", origin: Documented },
    ErrorSpec { code: "Throttling", http_status: 400, retryable: true, en: "Request was denied due to request throttling.", zh: "请求被流控限制，请稍后重试。", origin: Documented },
    ErrorSpec { code: "Throttling.User", http_status: 400, retryable: true, en: "Request was denied due to user flow control.", zh: "请求因用户流控被拒绝，请稍后重试。", origin: Documented },
    ErrorSpec { code: "Throttling.Api", http_status: 400, retryable: true, en: "Request was denied due to api flow control.", zh: "请求因 API 流控被拒绝，请稍后重试。", origin: Documented },
    ErrorSpec { code: "InvalidAccessKeyId.NotFound", http_status: 404, retryable: false, en: "Specified access key is not found.", zh: "指定的 AccessKey 不存在。", origin: Documented },
    ErrorSpec { code: "IncompleteSignature", http_status: 400, retryable: false, en: "The request signature does not conform to Aliyun standards.", zh: "请求签名不符合阿里云标准。", origin: Documented },
    ErrorSpec { code: "IllegalTimestamp", http_status: 400, retryable: false, en: "The input parameter \"Timestamp\" that is mandatory for processing this request is not supplied or is out of range.", zh: "请求时间戳缺失或超出允许范围。", origin: Documented },
    ErrorSpec { code: "SignatureDoesNotMatch", http_status: 403, retryable: false, en: "The request signature we calculated does not match the signature you provided. Check your key and signing method.", zh: "请求签名与服务端计算结果不一致，请检查 AccessKey 及签名方法。", origin: Documented },
    ErrorSpec { code: "SignatureNonceUsed", http_status: 400, retryable: false, en: "The request signature nonce has been used.", zh: "签名随机数已被使用。", origin: Documented },
    ErrorSpec { code: "Forbidden", http_status: 403, retryable: false, en: "User not authorized to operate on the specified resource.", zh: "用户无权操作指定资源。", origin: Documented },
    ErrorSpec { code: "Forbidden.RAM", http_status: 403, retryable: false, en: "User not authorized to operate on the specified resource, or this API doesn't support RAM.", zh: "用户未被授权操作指定资源，或此 API 不支持 RAM。", origin: Documented },
    ErrorSpec { code: "Forbidden.RiskControl", http_status: 403, retryable: false, en: "This operation is forbidden by Aliyun RiskControl system.", zh: "该操作被阿里云风控系统禁止。", origin: Documented },
    ErrorSpec { code: "InvalidAction", http_status: 403, retryable: false, en: "Specified action is not valid.", zh: "指定的操作无效。", origin: Documented },
    ErrorSpec { code: "IdempotentParameterMismatch", http_status: 400, retryable: false, en: "The specified parameter has changed while using an already used clientToken.", zh: "使用已用过的 ClientToken 时参数发生了变化。", origin: ProviderStyle },
    ErrorSpec { code: "InternalError", http_status: 500, retryable: true, en: "The request processing has failed due to some unknown error, exception or failure.", zh: "请求处理因未知错误、异常或故障而失败。", origin: Documented },
    ErrorSpec { code: "ServiceUnavailable", http_status: 503, retryable: true, en: "The request has failed due to a temporary failure of the server.", zh: "服务暂时不可用，请稍后重试。", origin: Documented },
];

pub static ZENLAYER: &[ErrorSpec] = &[
    ErrorSpec { code: "MISSING_PARAMETER", http_status: 400, retryable: false, en: "A required parameter is missing.", zh: "缺少必填参数。", origin: ProviderStyle },
    ErrorSpec { code: "INVALID_PARAMETER", http_status: 400, retryable: false, en: "The parameter is invalid.", zh: "参数无效。", origin: ProviderStyle },
    ErrorSpec { code: "REQUEST_LIMIT_EXCEEDED", http_status: 429, retryable: true, en: "Request limit exceeded.", zh: "请求次数超出限制。", origin: Documented },
    ErrorSpec { code: "SERVICE_TEMPORARY_UNAVAILABLE", http_status: 503, retryable: true, en: "The service is temporarily unavailable.", zh: "服务暂时不可用。", origin: Documented },
    ErrorSpec { code: "INTERNAL_SERVER_ERROR", http_status: 500, retryable: true, en: "Internal server error.", zh: "服务器内部错误。", origin: Documented },
    ErrorSpec { code: "REQUEST_TIMED_OUT", http_status: 504, retryable: true, en: "The request timed out.", zh: "请求超时。", origin: Documented },
    ErrorSpec { code: "SECURITY_CHALLENGE", http_status: 403, retryable: false, en: "The request requires a security challenge.", zh: "请求需要安全验证。", origin: Documented },
    ErrorSpec { code: "REQUEST_BLOCKED", http_status: 403, retryable: false, en: "The request was blocked.", zh: "请求已被拦截。", origin: Documented },
];

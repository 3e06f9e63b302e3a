//! The closed catalogue of the error codes opgate itself produces: each with its wire string, its
//! HTTP status, where it comes from, and a one-line message in every language (the entry
//! `operations()` shows). Engines name codes by [`ClientCode`], never by a string, so a code
//! cannot be misspelled, and [`list_all`] enumerates them (the README's "Client-side codes"
//! table is checked against it by `tests/client_codes.rs`).
//!
//! Codes the provider answers with (`IncorrectInstanceStatus`, `OPERATION_DENIED_INSTANCE_STATUS`,
//! `Forbidden.RAM`, ...) are not here: they are spec data, in each operation's error table. Nor
//! are the SDKs' codes for an unreadable response (`SDK.InvalidResponse`, `JSON_PARSE_FAILED`):
//! they carry the response's own HTTP status, not one of ours.
//!
//! Styles: Alibaba's `MissingParameter` / `InvalidParameter` / `UnsupportedOperation` are its
//! documented common codes (<https://help.aliyun.com/document_detail/435312.html>); the
//! `InvalidParameter.<Name>` codes for our own arguments are our choice in that style. Zenlayer
//! documents no client-side codes; `MISSING_PARAMETER` / `INVALID_PARAMETER` follow its
//! upper-case style (<https://docs.console.zenlayer.com/api-reference/api-introduction/instruction/response>).

use crate::lang::Text;
use crate::spec::ErrorOrigin::{self, Documented, ProviderStyle};
use crate::spec::{ErrorSpec, Provider};

/// The placeholder in [`ClientCode::InvalidParameterNamed`]'s wire string.
pub const NAME_PLACEHOLDER: &str = "<Name>";

macro_rules! client_codes {
    ($($(#[$doc:meta])* $variant:ident = $wire:literal, $status:literal, $origin:ident, $en:literal, $zh:literal;)*) => {
        /// An error code opgate produces itself; see the module documentation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ClientCode {
            $($(#[$doc])* $variant,)*
        }

        /// Every [`ClientCode`], in catalogue order.
        const ALL: &[ClientCode] = &[$(ClientCode::$variant),*];

        impl ClientCode {
            /// The code as sent; [`ClientCode::InvalidParameterNamed`]'s holds [`NAME_PLACEHOLDER`].
            pub const fn wire(self) -> &'static str {
                match self {
                    $(ClientCode::$variant => $wire,)*
                }
            }

            pub const fn http_status(self) -> u16 {
                match self {
                    $(ClientCode::$variant => $status,)*
                }
            }

            /// Whether the provider documents the code, or it is our choice in its style.
            pub const fn origin(self) -> ErrorOrigin {
                match self {
                    $(ClientCode::$variant => $origin,)*
                }
            }

            /// What the code means, in one sentence per language. The error itself says more.
            pub const fn meaning(self) -> Text {
                match self {
                    $(ClientCode::$variant => Text::new($en, $zh),)*
                }
            }
        }
    };
}

client_codes! {
    /// A required request parameter is absent (Alibaba).
    MissingParameter = "MissingParameter", 400, Documented,
        "A required parameter is not supplied.", "缺少必填参数。";
    /// A request parameter or argument is unusable, with no more specific code (Alibaba).
    InvalidParameter = "InvalidParameter", 400, Documented,
        "The specified parameter is invalid.", "指定的参数无效。";
    /// A request parameter breaks its rule; `<Name>` is its path (`ResourcePeriod.Period`).
    InvalidParameterNamed = "InvalidParameter.<Name>", 400, ProviderStyle,
        "The specified <Name> is invalid.", "指定的 <Name> 无效。";
    /// The operation id is unknown, or the operation has no such feature (Alibaba's common code).
    UnsupportedOperation = "UnsupportedOperation", 400, Documented,
        "The specified action is not supported.", "不支持该操作。";
    /// A required request parameter is absent (Zenlayer).
    ZenlayerMissingParameter = "MISSING_PARAMETER", 400, ProviderStyle,
        "A required parameter is missing.", "缺少必填参数。";
    /// A request parameter is unusable (Zenlayer).
    ZenlayerInvalidParameter = "INVALID_PARAMETER", 400, ProviderStyle,
        "The parameter is invalid.", "参数无效。";
    /// The `lang` argument is not a supported language.
    InvalidParameterLang = "InvalidParameter.Lang", 400, ProviderStyle,
        "The language is not supported.", "不支持该语言。";
    /// No region was given where one is needed.
    MissingParameterRegion = "MissingParameter.Region", 400, ProviderStyle,
        "A region is required.", "缺少地域。";
    InvalidParameterRegion = "InvalidParameter.Region", 400, ProviderStyle,
        "The region is invalid.", "地域无效。";
    InvalidParameterEndpoint = "InvalidParameter.Endpoint", 400, ProviderStyle,
        "The endpoint is invalid.", "接入地址无效。";
    /// An HTTP status argument, or a status read while waiting.
    InvalidParameterStatus = "InvalidParameter.Status", 400, ProviderStyle,
        "The status is invalid.", "状态无效。";
    InvalidParameterBody = "InvalidParameter.Body", 400, ProviderStyle,
        "The response body is invalid.", "响应体无效。";
    InvalidParameterHeaders = "InvalidParameter.Headers", 400, ProviderStyle,
        "The headers are invalid.", "请求头或响应头无效。";
    InvalidParameterIntBounds = "InvalidParameter.IntBounds", 400, ProviderStyle,
        "The integer bounds are invalid.", "整数范围无效。";
    InvalidParameterAccountId = "InvalidParameter.AccountId", 400, ProviderStyle,
        "The account id is invalid.", "账号 ID 无效。";
    /// A RAM request context value.
    InvalidParameterContext = "InvalidParameter.Context", 400, ProviderStyle,
        "The request context is invalid.", "请求上下文无效。";
    /// A request to sign, or one the signer cannot handle.
    InvalidParameterRequest = "InvalidParameter.Request", 400, ProviderStyle,
        "The request is invalid.", "请求无效。";
    InvalidParameterAlgorithm = "InvalidParameter.Algorithm", 400, ProviderStyle,
        "The signature algorithm is invalid.", "签名算法无效。";
    InvalidParameterTimestamp = "InvalidParameter.Timestamp", 400, ProviderStyle,
        "The timestamp is invalid.", "时间戳无效。";
    InvalidParameterNonce = "InvalidParameter.Nonce", 400, ProviderStyle,
        "The signature nonce is invalid.", "签名随机数无效。";
    /// An options object, or an option it does not know.
    InvalidParameterOptions = "InvalidParameter.Options", 400, ProviderStyle,
        "The options are invalid.", "选项无效。";
    /// The scope of an idempotency token.
    InvalidParameterScope = "InvalidParameter.Scope", 400, ProviderStyle,
        "The token scope is invalid.", "令牌作用域无效。";
    InvalidParameterAttempt = "InvalidParameter.Attempt", 400, ProviderStyle,
        "The attempt number is invalid.", "重试次数无效。";
    InvalidParameterSeed = "InvalidParameter.Seed", 400, ProviderStyle,
        "The seed is invalid.", "随机种子无效。";
    /// An error code argument.
    InvalidParameterCode = "InvalidParameter.Code", 400, ProviderStyle,
        "The error code is invalid.", "错误码无效。";
    InvalidParameterPlan = "InvalidParameter.Plan", 400, ProviderStyle,
        "The plan is invalid.", "计划无效。";
    InvalidParameterResponses = "InvalidParameter.Responses", 400, ProviderStyle,
        "The responses are invalid.", "响应列表无效。";
    InvalidParameterIds = "InvalidParameter.Ids", 400, ProviderStyle,
        "The ids are invalid.", "ID 列表无效。";
    InvalidParameterSentAt = "InvalidParameter.SentAt", 400, ProviderStyle,
        "The send time is invalid.", "发送时间无效。";
    InvalidParameterWaiter = "InvalidParameter.Waiter", 400, ProviderStyle,
        "The waiter is invalid.", "等待器无效。";
    InvalidParameterNow = "InvalidParameter.Now", 400, ProviderStyle,
        "The current time is invalid.", "当前时间无效。";
    /// Credentials that cannot be read (not text, a lone surrogate).
    InvalidParameterCredentials = "InvalidParameter.Credentials", 400, ProviderStyle,
        "The credentials are unreadable.", "凭证无法读取。";
    /// A RAM action to match.
    InvalidParameterAction = "InvalidParameter.Action", 400, ProviderStyle,
        "The action is invalid.", "操作无效。";
    /// A RAM resource (ARN) to match.
    InvalidParameterResource = "InvalidParameter.Resource", 400, ProviderStyle,
        "The resource is invalid.", "资源无效。";
    /// A set of policies over the count or size limit.
    InvalidParameterPolicies = "InvalidParameter.Policies", 400, ProviderStyle,
        "The policies are too many or too large.", "策略过多或过大。";
    /// What RAM `CreatePolicy` answers for a document outside 1–6,144 characters.
    InvalidParameterPolicyDocumentLength = "InvalidParameter.PolicyDocument.Length", 400, Documented,
        "The policy document length is out of range.", "策略文档长度超出范围。";
    /// RAM's code for a policy document that breaks the grammar.
    MalformedPolicyDocument = "MalformedPolicyDocument", 400, Documented,
        "The policy document is malformed.", "策略文档格式错误。";
    /// `to_dict()` data that cannot be read back into its class (Python).
    InvalidParameterData = "InvalidParameter.Data", 400, ProviderStyle,
        "The data is invalid.", "数据无效。";
    /// Credentials that cannot sign the request (Alibaba).
    InvalidCredentials = "InvalidCredentials", 400, ProviderStyle,
        "The credentials cannot sign the request.", "凭证无法签名该请求。";
    /// Credentials that cannot sign the request (Zenlayer).
    ZenlayerCredentialValueMissing = "CREDENTIAL_VALUE_MISSING", 400, ProviderStyle,
        "The credentials cannot sign the request.", "凭证无法签名该请求。";
    /// A request body that could not be encoded as JSON (Zenlayer's SDK code for it).
    ZenlayerSdkInvalidRequest = "SDK_INVALID_REQUEST", 400, ProviderStyle,
        "The request could not be encoded.", "无法编码请求。";
    /// A result could not be handed to the host language.
    InternalError = "InternalError", 500, ProviderStyle,
        "The result could not be converted for the host.", "结果无法转换为宿主语言的值。";
}

/// Every code opgate produces itself, in catalogue order.
pub fn list_all() -> &'static [ClientCode] {
    ALL
}

impl ClientCode {
    /// The code as sent, `<Name>` replaced by `name` where the code has it.
    pub fn named(self, name: &str) -> String {
        crate::lang::replace(self.wire(), NAME_PLACEHOLDER, name)
    }

    /// The provider's code for a request parameter that is absent.
    pub const fn missing(provider: Provider) -> ClientCode {
        match provider {
            Provider::Alibaba => ClientCode::MissingParameter,
            Provider::Zenlayer => ClientCode::ZenlayerMissingParameter,
        }
    }

    /// The provider's code for unusable input with no more specific name (an unknown
    /// parameter, a malformed resource list).
    pub const fn invalid(provider: Provider) -> ClientCode {
        match provider {
            Provider::Alibaba => ClientCode::InvalidParameter,
            Provider::Zenlayer => ClientCode::ZenlayerInvalidParameter,
        }
    }

    /// The provider's code for a request parameter that breaks its rule: Alibaba names the
    /// parameter (`InvalidParameter.<Name>`), Zenlayer does not (`INVALID_PARAMETER`).
    pub const fn invalid_parameter(provider: Provider) -> ClientCode {
        match provider {
            Provider::Alibaba => ClientCode::InvalidParameterNamed,
            Provider::Zenlayer => ClientCode::ZenlayerInvalidParameter,
        }
    }

    /// The provider's code for credentials that cannot sign.
    pub const fn credentials(provider: Provider) -> ClientCode {
        match provider {
            Provider::Alibaba => ClientCode::InvalidCredentials,
            Provider::Zenlayer => ClientCode::ZenlayerCredentialValueMissing,
        }
    }

    /// The entry of an operation's error table for this code (`operations()` lists it).
    pub const fn error_spec(self) -> ErrorSpec {
        ErrorSpec {
            code: self.wire(),
            http_status: self.http_status(),
            retryable: false,
            message: self.meaning(),
            origin: self.origin(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_strings_are_distinct_and_only_one_is_a_template() {
        let mut seen = std::collections::BTreeSet::new();
        for code in list_all() {
            assert!(seen.insert(code.wire()), "{code:?} repeats {}", code.wire());
            let templated = code.wire().contains(NAME_PLACEHOLDER);
            assert_eq!(templated, *code == ClientCode::InvalidParameterNamed, "{code:?}");
            assert_eq!(templated, code.meaning().en.contains(NAME_PLACEHOLDER), "{code:?}");
        }
        assert_eq!(
            ClientCode::InvalidParameterNamed.named("ResourcePeriod.Period"),
            "InvalidParameter.ResourcePeriod.Period"
        );
        assert_eq!(
            ClientCode::ZenlayerInvalidParameter.named("instanceIds"),
            "INVALID_PARAMETER"
        );
    }
}

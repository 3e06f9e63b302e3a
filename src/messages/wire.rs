//! The wording of building, signing and parsing requests and responses (`crate::wire`).

use crate::error::clip;
use crate::lang::Text;
use crate::text;

/// The region option and the `RegionId` parameter name different regions.
pub fn region_option_mismatch(option: &str, param: &str) -> Text {
    text!(
        format!(
            "The region option \"{}\" differs from the RegionId parameter \"{}\"; give one, or the same in both.",
            clip(option),
            clip(param)
        ),
        format!(
            "地域选项 \"{}\" 与参数 RegionId \"{}\" 不一致；请只提供一个，或保持两者相同。",
            clip(option),
            clip(param)
        )
    )
}

/// A Zenlayer request body serde could not encode (`error` as it displays).
pub fn body_not_encodable(error: &str) -> Text {
    text!(
        format!("The request body could not be encoded: {error}."),
        format!("无法编码请求体：{error}。")
    )
}

/// Why the credentials a binding was handed cannot be read, at the argument `field`.
#[derive(Debug, Clone, Copy)]
pub enum CredentialsProblem<'a> {
    /// Not text; `host_type` names what it is in the host's words.
    NotText { host_type: &'a str },
    /// Text the core cannot hold.
    NotUnicode,
    /// Neither a credentials object nor a mapping of an accepted shape.
    BadShape,
}

/// The message for `problem` of the credentials at `field`; never shows a value (it may be
/// secret).
pub fn credentials_problem(field: &str, problem: &CredentialsProblem<'_>) -> Text {
    match *problem {
        CredentialsProblem::NotText { host_type } => {
            let shown = clip(host_type);
            text!(
                format!("\"{field}\" must be a string; got a value of type {shown} (the value is not shown: it may be secret)."),
                format!("\"{field}\" 必须是字符串，实际类型为 {shown}（不显示该值：它可能是机密）。")
            )
        }
        CredentialsProblem::NotUnicode => text!(
            format!("\"{field}\" is not valid Unicode text (the value is not shown: it may be secret)."),
            format!("\"{field}\" 不是有效的 Unicode 文本（不显示该值：它可能是机密）。")
        ),
        CredentialsProblem::BadShape => text!(
            format!("\"{field}\" must be a Credentials object, or a mapping with access_key_id and access_key_secret (and optionally security_token), or with bearer_token."),
            format!("\"{field}\" 必须是 Credentials 对象，或包含 access_key_id 与 access_key_secret（可选 security_token）的映射，或包含 bearer_token 的映射。")
        ),
    }
}

/// The part of the credentials that is empty.
#[derive(Debug, Clone, Copy)]
pub enum EmptySecret {
    AccessKey,
    BearerToken,
}

/// The credentials' `secret` is empty.
pub fn empty_secret(secret: EmptySecret) -> Text {
    let (what_en, what_zh) = match secret {
        EmptySecret::AccessKey => ("access key id and secret", "AccessKey ID 与 Secret"),
        EmptySecret::BearerToken => ("bearer token", "Bearer 令牌"),
    };
    text!(
        format!("The {what_en} must not be empty."),
        format!("{what_zh} 不能为空。")
    )
}

/// The credentials hold a line break.
pub const CREDENTIALS_LINE_BREAK: Text = Text::new(
    "The credentials contain a line break, which cannot be sent in an HTTP header.",
    "凭证中包含换行符，无法放入 HTTP 请求头。",
);

/// Why no endpoint was chosen for the operation `op_id`.
#[derive(Debug, Clone, Copy)]
pub enum EndpointProblem<'a> {
    /// No region and no endpoint were given.
    NoRegion,
    /// The operation has no endpoint in `region`; it is served in `served`.
    UnservedRegion { region: &'a str, served: &'a [&'a str] },
}

/// The message for `problem` of the operation `op_id`.
pub fn endpoint_problem(op_id: &str, problem: &EndpointProblem<'_>) -> Text {
    match *problem {
        EndpointProblem::NoRegion => text!(
            format!(
                "{op_id} needs a region to choose its endpoint; pass the region (e.g. cn-hangzhou) or an endpoint."
            ),
            format!("{op_id} 需要地域才能确定服务地址；请传入地域（如 cn-hangzhou）或服务地址。")
        ),
        EndpointProblem::UnservedRegion { region, served } => text!(
            format!(
                "{op_id} has no endpoint in region \"{}\"; it is served in: {}. Pass an endpoint to override.",
                clip(region),
                crate::lang::join(served, ", ")
            ),
            format!(
                "{op_id} 在地域 \"{}\" 没有服务地址；支持的地域：{}。如需指定，请传入服务地址。",
                clip(region),
                crate::lang::join(served, "、")
            )
        ),
    }
}

/// An endpoint override that is not a plain host name.
pub fn invalid_endpoint(endpoint: &str) -> Text {
    text!(
        format!(
            "The endpoint \"{}\" is not valid; expected a host name such as ecs.cn-hangzhou.aliyuncs.com, optionally with https:// and a port.",
            clip(endpoint)
        ),
        format!(
            "服务地址 \"{}\" 无效；应为主机名，例如 ecs.cn-hangzhou.aliyuncs.com，可带 https:// 与端口。",
            clip(endpoint)
        )
    )
}

/// A value handed back as a request is not one; `reason` says why without a value from it.
pub fn not_a_request(reason: &str) -> Text {
    text!(
        format!("\"request\" is not a request as build() returns it: {reason}."),
        format!("\"request\" 不是 build() 返回的请求：{reason}。")
    )
}

/// Response headers at `field` of a shape the core does not read.
pub fn bad_headers(field: &str) -> Text {
    text!(
        format!("\"{field}\" must be an object of header names to strings, or a list of [name, value] pairs."),
        format!("\"{field}\" 必须是从请求头名称到字符串的对象，或 [名称, 值] 对的列表。")
    )
}

/// An HTTP status argument outside 100-599.
pub fn bad_http_status(status: i64) -> Text {
    text!(
        format!("The HTTP status {status} is not valid; expected 100-599."),
        format!("HTTP 状态码 {status} 无效；应在 100-599 之间。")
    )
}

/// A provider error that came without a message and that the operation's table does not know.
pub fn no_provider_message(code: &str, status: u16) -> Text {
    text!(
        format!("The provider returned {code} (HTTP {status}) without a message."),
        format!("服务商返回了 {code}（HTTP {status}），没有附带说明。")
    )
}

/// The JSON type a response value should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    String,
    Integer,
    List,
}

/// What makes a response unreadable, as `crate::wire::response` found it.
#[derive(Debug, Clone, Copy)]
pub enum ResponseProblem<'a> {
    /// The body is `bytes` long, more than `max`.
    TooLarge {
        bytes: usize,
        max: usize,
    },
    NotUtf8,
    Empty,
    /// An HTML page (a proxy or gateway answered).
    Html,
    /// XML from a provider that answers in JSON only.
    UnexpectedXml,
    MalformedXml {
        problem: &'a XmlProblem,
    },
    /// JSON that is not an object; `got` as [`crate::params::json_type`] names it.
    NotAnObject {
        got: &'a str,
    },
    /// Not JSON; `error` as serde displays it.
    NotJson {
        error: &'a str,
    },
    /// A Zenlayer body without its `response` object.
    NoResponseObject,
    /// An error response without an error code.
    NoErrorCode,
    /// The value at `path` is a JSON `got` instead of `expected`.
    WrongType {
        path: &'a str,
        expected: Expected,
        got: &'a str,
    },
}

/// The message for `problem` of the response of `op_id` with HTTP `status`.
pub fn response_problem(op_id: &str, status: u16, problem: &ResponseProblem<'_>) -> Text {
    let (en, zh): (String, String) = match *problem {
        ResponseProblem::TooLarge { bytes, max } => (
            format!("the body is {bytes} bytes, more than the {max}-byte limit for an API response"),
            format!("响应体有 {bytes} 字节，超过 API 响应 {max} 字节的上限"),
        ),
        ResponseProblem::NotUtf8 => ("the body is not UTF-8 text".into(), "响应体不是 UTF-8 文本".into()),
        ResponseProblem::Empty => ("the body is empty".into(), "响应体为空".into()),
        ResponseProblem::Html => (
            "the body is an HTML page, not an API response (a proxy or gateway probably answered)".into(),
            "响应体是 HTML 页面而不是 API 响应（可能由代理或网关返回）".into(),
        ),
        ResponseProblem::UnexpectedXml => (
            "the body is XML, but this provider answers in JSON".into(),
            "响应体是 XML，而该服务商只返回 JSON".into(),
        ),
        ResponseProblem::MalformedXml { problem } => {
            let reason = xml_problem(problem);
            (
                format!("the XML body is malformed: {reason}"),
                format!("XML 响应体格式错误：{reason}"),
            )
        }
        ResponseProblem::NotAnObject { got } => (
            format!("the body is a JSON {got}, not an object"),
            format!("响应体是 JSON {got}，而不是对象"),
        ),
        ResponseProblem::NotJson { error } => (
            format!("the body is not valid JSON ({error})"),
            format!("响应体不是有效的 JSON（{error}）"),
        ),
        ResponseProblem::NoResponseObject => (
            "the body has no \"response\" object".into(),
            "响应体缺少 \"response\" 对象".into(),
        ),
        ResponseProblem::NoErrorCode => (
            "the error response carries no error code".into(),
            "错误响应没有错误码".into(),
        ),
        ResponseProblem::WrongType { path, expected, got } => {
            let (expected_en, expected_zh) = match expected {
                Expected::Object => ("an object", "对象"),
                Expected::String => ("a string", "字符串"),
                Expected::Integer => ("an integer", "整数"),
                Expected::List => ("a list", "列表"),
            };
            (
                format!("{path} should be {expected_en}, but is a JSON {got}"),
                format!("{path} 应为{expected_zh}，实际为 JSON {got}"),
            )
        }
    };
    text!(
        format!("The {op_id} response could not be read (HTTP {status}): {en}."),
        format!("无法解析 {op_id} 的响应（HTTP {status}）：{zh}。")
    )
}

/// A construct of an XML document that was left open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmlConstruct {
    CdataSection,
    ClosingTag,
    Tag,
    ProcessingInstruction,
    Comment,
    Declaration,
}

/// Why `crate::wire::xml::to_json` cannot read a document. Names are as the document has them;
/// the wording clips them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlProblem {
    Unterminated(XmlConstruct),
    CdataOutsideRoot,
    /// `</name>` with nothing open.
    UnopenedClosingTag {
        name: String,
    },
    /// `</name>` while `<open>` is open.
    MismatchedClosingTag {
        name: String,
        open: String,
    },
    MalformedTag {
        tag: String,
    },
    SeveralRoots,
    /// Elements nested deeper than `max`.
    TooDeep {
        max: usize,
    },
    TextOutsideRoot,
    /// The document ends while `<open>` is open.
    EndsInside {
        open: String,
    },
    NoRoot,
}

/// The reason for `problem`, in English: it goes into both languages of the response's message,
/// as the serde errors beside it do.
pub fn xml_problem(problem: &XmlProblem) -> String {
    match problem {
        XmlProblem::Unterminated(construct) => {
            let what = match construct {
                XmlConstruct::CdataSection => "CDATA section",
                XmlConstruct::ClosingTag => "closing tag",
                XmlConstruct::Tag => "tag",
                XmlConstruct::ProcessingInstruction => "a processing instruction",
                XmlConstruct::Comment => "a comment",
                XmlConstruct::Declaration => "a declaration",
            };
            format!("unterminated {what}")
        }
        XmlProblem::CdataOutsideRoot => "CDATA outside the root element".to_owned(),
        XmlProblem::UnopenedClosingTag { name } => format!("closing tag </{}> without an opening tag", clip(name)),
        XmlProblem::MismatchedClosingTag { name, open } => {
            format!("closing tag </{}> does not match <{}>", clip(name), clip(open))
        }
        XmlProblem::MalformedTag { tag } => format!("malformed tag <{}>", clip(tag)),
        XmlProblem::SeveralRoots => "more than one root element".to_owned(),
        XmlProblem::TooDeep { max } => format!("elements nested deeper than {max}"),
        XmlProblem::TextOutsideRoot => "text outside the root element".to_owned(),
        XmlProblem::EndsInside { open } => format!("the document ends inside <{}> (truncated?)", clip(open)),
        XmlProblem::NoRoot => "no root element".to_owned(),
    }
}

/// A signature algorithm name that is none of the supported ones.
pub fn unsupported_algorithm(name: &str) -> Text {
    text!(
        format!(
            "The signature algorithm \"{}\" is not supported; use ACS3-HMAC-SHA256, HMAC-SHA1 or ZC2-HMAC-SHA256.",
            clip(name)
        ),
        format!(
            "不支持签名算法 \"{}\"；请使用 ACS3-HMAC-SHA256、HMAC-SHA1 或 ZC2-HMAC-SHA256。",
            clip(name)
        )
    )
}

/// Bearer credentials given to `algorithm`, which signs with an AccessKey.
pub fn needs_access_key(algorithm: &str) -> Text {
    text!(
        format!("{algorithm} needs an AccessKey; bearer tokens are only accepted by Zenlayer."),
        format!("{algorithm} 需要 AccessKey；只有 Zenlayer 接受 Bearer 令牌。")
    )
}

/// A nonce (`shown`: clipped and escaped) that is empty, longer than `max` characters or holds
/// control characters.
pub fn unusable_nonce(shown: &str, max: usize) -> Text {
    text!(
        format!("The signature nonce \"{shown}\" is not usable: give 1-{max} characters without control characters, unique per request."),
        format!("签名随机数 \"{shown}\" 不可用：需 1-{max} 个字符、不含控制字符，且每个请求唯一。")
    )
}

/// A timestamp outside the years 1970 to 9999.
pub fn bad_timestamp(timestamp: i64) -> Text {
    text!(
        format!("The timestamp {timestamp} is out of range; give Unix seconds between 1970 and 9999."),
        format!("时间戳 {timestamp} 超出范围；请提供 1970 至 9999 年之间的 Unix 秒数。")
    )
}

/// Why HMAC-SHA1 (signature V1) cannot sign a request.
#[derive(Debug, Clone, Copy)]
pub enum RpcV1Refusal {
    /// V1 covers the query only, and the request has a body.
    HasBody,
    /// Neither the query nor the headers name the action and version.
    NoActionVersion,
}

/// The message for `refusal`.
pub fn rpc_v1_refusal(refusal: RpcV1Refusal) -> Text {
    match refusal {
        RpcV1Refusal::HasBody => Text::new(
            "HMAC-SHA1 signing covers the query only; this request has a body. Use ACS3-HMAC-SHA256.",
            "HMAC-SHA1 签名只覆盖查询参数，而该请求带有请求体；请改用 ACS3-HMAC-SHA256。",
        ),
        RpcV1Refusal::NoActionVersion => Text::new(
            "The request names no action and version (Action/Version query parameters or x-acs-action/x-acs-version headers).",
            "请求未指明操作与版本（Action/Version 查询参数或 x-acs-action/x-acs-version 请求头）。",
        ),
    }
}

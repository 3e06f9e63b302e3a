//! One error family for the whole library.
//!
//! Every failure, whether it comes from our own checks or from a provider's response, is
//! reduced to [`ErrorDetail`]s in the provider's vocabulary (code, HTTP status, message), so a
//! console can show exactly what the provider would have said.

use serde::{Deserialize, Serialize};

use crate::codes::ClientCode;
use crate::lang::{Lang, Text};
use crate::record::Record;

/// One provider-style error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorDetail {
    pub code: String,
    pub http_status: u16,
    pub message: Text,
    /// Path of the offending input, e.g. `ResourcePeriod[2].Period` or `resources[0].Status`.
    pub field: Option<String>,
    /// Whether sending the same request again later can succeed.
    pub retryable: bool,
}

impl ErrorDetail {
    /// An error of opgate's own (not retryable), with the catalogue's code and HTTP status.
    pub fn client(code: ClientCode, message: Text, field: Option<String>) -> Self {
        ErrorDetail::client_named(code, "", message, field)
    }

    /// [`ErrorDetail::client`] for a code that names the offending parameter:
    /// `InvalidParameter.<Name>` with `name` for `<Name>` (a code without the placeholder is
    /// sent as it is).
    pub fn client_named(code: ClientCode, name: &str, message: Text, field: Option<String>) -> Self {
        ErrorDetail {
            code: code.named(name),
            http_status: code.http_status(),
            message,
            field,
            retryable: false,
        }
    }

    pub fn render(&self, lang: Lang) -> RenderedError {
        RenderedError {
            code: self.code.clone(),
            http_status: self.http_status,
            message: self.message.get(lang).to_owned(),
            field: self.field.clone(),
            retryable: self.retryable,
        }
    }
}

/// One provider-style error: what the provider would answer (an [`ErrorDetail`] with its
/// message in one language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(name = "ErrorInfo", repr(code, http_status, field, message))]
pub struct RenderedError {
    /// The provider's error code, e.g. `IncorrectInstanceStatus`.
    pub code: String,
    /// The HTTP status the provider answers with.
    pub http_status: u16,
    /// The message, in the requested language.
    pub message: String,
    /// Path of the offending input, e.g. `ResourcePeriod[2].Period` or `resources[0].Status`.
    pub field: Option<String>,
    /// Whether sending the same request again later can succeed.
    pub retryable: bool,
}

/// The error family. The variant says what went wrong; the details say it in the provider's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The caller's arguments (operation id, language, options) are unusable.
    #[error("{}", summary(.0))]
    Input(ErrorDetail),
    /// Request parameters break the operation's rules; every violation is listed.
    #[error("{} parameter violation(s); first: {}", .0.len(), first_summary(.0))]
    Validation(Vec<ErrorDetail>),
    /// The pre-check found the operation would be refused by the provider.
    #[error("{} resource(s) denied; first: {}", .0.len(), first_summary(.0))]
    Denied(Vec<ErrorDetail>),
    /// The provider answered with an error body.
    #[error("{}", summary(&.0.detail))]
    Api(Box<ApiError>),
    /// A provider response could not be understood.
    #[error("{}", summary(.0))]
    Parse(ErrorDetail),
    /// A RAM policy document is malformed.
    #[error("{} policy error(s); first: {}", .0.len(), first_summary(.0))]
    Policy(Vec<ErrorDetail>),
    /// Signing could not be done (missing credentials, bad key material).
    #[error("{}", summary(.0))]
    Signing(ErrorDetail),
}

/// A provider error response, with the fields the provider sent beside code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub detail: ErrorDetail,
    /// The provider's own `Message`, exactly as sent (bounded in length). `detail.message` may
    /// be the catalog's translation of it (`lang = zh` for a known code); this never is, so
    /// the original stays retrievable. `None` when the provider sent no message.
    pub provider_message: Option<String>,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    pub recommend: Option<String>,
    /// RAM denials explain themselves here (Alibaba `AccessDeniedDetail`), kept as sent.
    pub access_denied_detail: Option<serde_json::Value>,
}

impl Error {
    /// Stable name of the variant, used by the bindings to pick an exception class.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Input(_) => ErrorKind::Input,
            Error::Validation(_) => ErrorKind::Validation,
            Error::Denied(_) => ErrorKind::Denied,
            Error::Api(_) => ErrorKind::Api,
            Error::Parse(_) => ErrorKind::Parse,
            Error::Policy(_) => ErrorKind::Policy,
            Error::Signing(_) => ErrorKind::Signing,
        }
    }

    pub fn details(&self) -> &[ErrorDetail] {
        match self {
            Error::Input(d) | Error::Parse(d) | Error::Signing(d) => std::slice::from_ref(d),
            Error::Api(api) => std::slice::from_ref(&api.detail),
            Error::Validation(ds) | Error::Denied(ds) | Error::Policy(ds) => ds,
        }
    }

    /// The first detail; every variant has at least one.
    pub fn primary(&self) -> Option<&ErrorDetail> {
        self.details().first()
    }

    pub fn retryable(&self) -> bool {
        self.details().iter().any(|d| d.retryable)
    }

    pub fn render(&self, lang: Lang) -> ErrorReport {
        let errors: Vec<RenderedError> = crate::lists::map_items(self.details(), |d| d.render(lang));
        let api = match self {
            Error::Api(api) => Some(ApiErrorExtras {
                provider_message: api.provider_message.clone(),
                request_id: api.request_id.clone(),
                host_id: api.host_id.clone(),
                recommend: api.recommend.clone(),
                access_denied_detail: api.access_denied_detail.clone(),
            }),
            _ => None,
        };
        ErrorReport {
            kind: self.kind(),
            errors,
            api,
        }
    }
}

/// Which kind of failure an error is; each has its exception class (`InputError`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The call's own arguments are unusable (unknown operation, language, option).
    Input,
    /// Request parameters break the operation's rules; every violation is listed.
    Validation,
    /// The pre-check found the provider would refuse the operation (`check`).
    Denied,
    /// The provider answered with an error.
    Api,
    /// A provider response could not be understood.
    Parse,
    /// A RAM policy document is malformed.
    Policy,
    /// The request could not be signed.
    Signing,
}

/// The serialized form of an [`Error`]: `{"kind": ..., "errors": [...]}`, plus the provider's
/// extra fields for API errors. This is what the conformance vectors compare; JS keeps it with
/// these (snake_case) keys as `error.report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct ErrorReport {
    pub kind: ErrorKind,
    /// Every error, the first one the headline.
    pub errors: Vec<RenderedError>,
    /// The provider's own fields, for an API error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api: Option<ApiErrorExtras>,
}

/// The provider's fields of an API error, as sent; `provider_message` is its untranslated
/// message whatever `lang` the report is rendered in. Each is `None` when the provider sent none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct ApiErrorExtras {
    /// The provider's own message exactly as sent (bounded in length).
    pub provider_message: Option<String>,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    pub recommend: Option<String>,
    /// RAM denials explain themselves here (Alibaba `AccessDeniedDetail`), kept as sent.
    pub access_denied_detail: Option<serde_json::Value>,
}

fn summary(detail: &ErrorDetail) -> String {
    match &detail.field {
        Some(field) => format!(
            "{} ({}) at {}: {}",
            detail.code, detail.http_status, field, detail.message.en
        ),
        None => format!("{} ({}): {}", detail.code, detail.http_status, detail.message.en),
    }
}

fn first_summary(details: &[ErrorDetail]) -> String {
    details.first().map(summary).unwrap_or_default()
}

/// Shortens user-supplied text before it is echoed in a message, so a 10 MB string cannot
/// turn into a 10 MB error.
pub fn clip(value: &str) -> String {
    const LIMIT: usize = 64;
    if value.chars().count() <= LIMIT {
        value.to_owned()
    } else {
        let head: String = value.chars().take(LIMIT).collect();
        format!("{head}…")
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Lang {
    /// Reads a language tag (`"en"` or `"zh"`); anything else is an `InvalidParameter.Lang` input
    /// error. It lives here, not in `lang.rs`, so that `lang` needs nothing from `error`.
    pub fn parse(tag: &str) -> Result<Lang> {
        Lang::from_tag(tag).ok_or_else(|| {
            Error::Input(ErrorDetail::client(
                ClientCode::InvalidParameterLang,
                crate::text!(
                    format!("The language \"{}\" is not supported; use \"en\" or \"zh\".", clip(tag)),
                    format!("不支持语言 \"{}\"，请使用 \"en\" 或 \"zh\"。", clip(tag))
                ),
                Some("lang".to_owned()),
            ))
        })
    }
}

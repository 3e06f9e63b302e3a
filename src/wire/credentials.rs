//! Credentials for signing. Secrets never appear in `Debug` output or in errors, and are
//! wiped from memory when the value is dropped.
//!
//! The bindings read credentials from host values; when one cannot be used, they report it
//! with the errors below, which name the argument and never hold its value (a host's own
//! conversion error, such as Python's `UnicodeEncodeError`, carries the whole string).

use std::fmt;

use zeroize::Zeroizing;

use super::sign::HmacSha256Key;

use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::messages::wire::{
    credentials_problem, empty_secret, CredentialsProblem, EmptySecret, CREDENTIALS_LINE_BREAK,
};
use crate::spec::Provider;

/// An AccessKey pair (optionally with an STS security token), or a Zenlayer bearer token.
#[derive(Clone)]
pub struct Credentials {
    kind: Kind,
}

#[derive(Clone)]
enum Kind {
    AccessKey {
        id: String,
        secret: Zeroizing<String>,
        /// The secret as an HMAC-SHA256 key (ACS3 and ZC2 sign with it), hashed once here.
        mac_key: HmacSha256Key,
        security_token: Option<Zeroizing<String>>,
    },
    Bearer {
        token: Zeroizing<String>,
    },
}

/// What a signer needs, borrowed from [`Credentials`].
pub(crate) enum Secret<'a> {
    AccessKey {
        id: &'a str,
        secret: &'a str,
        mac_key: &'a HmacSha256Key,
        security_token: Option<&'a str>,
    },
    Bearer {
        token: &'a str,
    },
}

// Every secret is held in `Zeroizing`, which wipes it when the credentials are dropped.
impl zeroize::ZeroizeOnDrop for Credentials {}

/// `InvalidParameter.Credentials` (HTTP 400), our choice in Alibaba's style, for credentials a
/// binding could not read from its host's values.
pub const CREDENTIALS_UNREADABLE: &str = ClientCode::InvalidParameterCredentials.wire();

impl Credentials {
    /// The argument `field` is not text: `host_type` names what it is, in the host's words.
    pub fn not_text(field: &str, host_type: &str) -> Error {
        unreadable(field, CredentialsProblem::NotText { host_type })
    }

    /// The argument `field` is text the core cannot hold (for Python, a `str` with a lone
    /// surrogate).
    pub fn not_unicode(field: &str) -> Error {
        unreadable(field, CredentialsProblem::NotUnicode)
    }

    /// `credentials` is neither a credentials object nor a mapping of the accepted shape.
    pub fn bad_shape(field: &str) -> Error {
        unreadable(field, CredentialsProblem::BadShape)
    }

    /// Credentials from the names a mapping gave, as the vectors and the bindings spell them:
    /// an AccessKey pair, with a security token for STS, or a bearer token alone; any other
    /// combination is [`Credentials::bad_shape`] for `field`.
    pub fn from_parts(
        field: &str,
        access_key_id: Option<String>,
        access_key_secret: Option<String>,
        security_token: Option<String>,
        bearer_token: Option<String>,
    ) -> Result<Credentials> {
        match (access_key_id, access_key_secret, security_token, bearer_token) {
            (Some(id), Some(secret), None, None) => Ok(Credentials::access_key(id, secret)),
            (Some(id), Some(secret), Some(token), None) => Ok(Credentials::sts(id, secret, token)),
            (None, None, None, Some(token)) => Ok(Credentials::bearer(token)),
            (id, secret, token, bearer) => {
                // Wipe what was given before refusing it.
                drop((
                    id,
                    secret.map(Zeroizing::new),
                    token.map(Zeroizing::new),
                    bearer.map(Zeroizing::new),
                ));
                Err(Credentials::bad_shape(field))
            }
        }
    }

    /// An AccessKey pair. Alibaba calls the second half "AccessKey secret", Zenlayer
    /// "access key password".
    pub fn access_key(id: impl Into<String>, secret: impl Into<String>) -> Self {
        let secret = Zeroizing::new(secret.into());
        Credentials {
            kind: Kind::AccessKey {
                id: id.into(),
                mac_key: HmacSha256Key::new(secret.as_bytes()),
                secret,
                security_token: None,
            },
        }
    }

    /// Temporary STS credentials: an AccessKey pair plus its security token.
    pub fn sts(id: impl Into<String>, secret: impl Into<String>, security_token: impl Into<String>) -> Self {
        let secret = Zeroizing::new(secret.into());
        Credentials {
            kind: Kind::AccessKey {
                id: id.into(),
                mac_key: HmacSha256Key::new(secret.as_bytes()),
                secret,
                security_token: Some(Zeroizing::new(security_token.into())),
            },
        }
    }

    /// A Zenlayer personal access token, sent as `Authorization: Bearer <token>`.
    pub fn bearer(token: impl Into<String>) -> Self {
        Credentials {
            kind: Kind::Bearer {
                token: Zeroizing::new(token.into()),
            },
        }
    }

    pub fn access_key_id(&self) -> Option<&str> {
        match &self.kind {
            Kind::AccessKey { id, .. } => Some(id),
            Kind::Bearer { .. } => None,
        }
    }

    /// The secrets, checked for presence the way the SDKs check them before signing.
    pub(crate) fn secret(&self, provider: Provider) -> Result<Secret<'_>> {
        match &self.kind {
            Kind::AccessKey {
                id,
                secret,
                mac_key,
                security_token,
            } => {
                if id.trim().is_empty() || secret.trim().is_empty() {
                    return Err(missing(provider, EmptySecret::AccessKey));
                }
                if has_line_break(id) || security_token.as_deref().is_some_and(|token| has_line_break(token)) {
                    return Err(line_break(provider));
                }
                Ok(Secret::AccessKey {
                    id,
                    secret,
                    mac_key,
                    security_token: security_token
                        .as_deref()
                        .map(String::as_str)
                        .filter(|token| !token.is_empty()),
                })
            }
            Kind::Bearer { token } => {
                if token.trim().is_empty() {
                    return Err(missing(provider, EmptySecret::BearerToken));
                }
                if has_line_break(token) {
                    return Err(line_break(provider));
                }
                Ok(Secret::Bearer { token })
            }
        }
    }
}

/// A header value with a line break would split the HTTP request.
fn has_line_break(text: &str) -> bool {
    text.bytes().any(|b| b == b'\r' || b == b'\n')
}

fn unreadable(field: &str, problem: CredentialsProblem<'_>) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterCredentials,
        credentials_problem(field, &problem),
        Some(field.to_owned()),
    ))
}

fn missing(provider: Provider, secret: EmptySecret) -> Error {
    Error::Signing(ErrorDetail::client(
        ClientCode::credentials(provider),
        empty_secret(secret),
        Some("credentials".to_owned()),
    ))
}

fn line_break(provider: Provider) -> Error {
    Error::Signing(ErrorDetail::client(
        ClientCode::credentials(provider),
        CREDENTIALS_LINE_BREAK,
        Some("credentials".to_owned()),
    ))
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::AccessKey { id, security_token, .. } => f
                .debug_struct("Credentials")
                .field("access_key_id", id)
                .field("access_key_secret", &"<redacted>")
                .field("security_token", &security_token.as_ref().map(|_| "<redacted>"))
                .finish(),
            Kind::Bearer { .. } => f
                .debug_struct("Credentials")
                .field("bearer_token", &"<redacted>")
                .finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_every_secret() {
        let shown = format!(
            "{:?} {:#?}",
            Credentials::sts("LTAI-id", "s3cr3t-value", "sts-token-value"),
            Credentials::bearer("bearer-value")
        );
        assert!(shown.contains("LTAI-id"));
        for secret in ["s3cr3t-value", "sts-token-value", "bearer-value"] {
            assert!(!shown.contains(secret), "{secret} leaked: {shown}");
        }
    }

    #[test]
    fn errors_never_echo_secrets() {
        for credentials in [
            Credentials::access_key("", "s3cr3t-value"),
            Credentials::sts("id", "s3cr3t-value", "tok\nen"),
            Credentials::bearer(" \t"),
        ] {
            let Err(error) = credentials.secret(Provider::Alibaba) else {
                panic!("accepted {credentials:?}")
            };
            let shown = format!("{error} {error:?} {:?}", error.render(crate::lang::Lang::Zh));
            assert!(!shown.contains("s3cr3t-value") && !shown.contains("tok\nen"), "{shown}");
        }
    }
}

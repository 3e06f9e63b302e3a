//! Request signing. The clock and the nonce are arguments, so the same inputs always give
//! the same bytes (and the test vectors recorded from the official SDKs can be replayed).

mod acs3;
mod hmac_key;
mod rpc_v1;
mod zc2;

use std::fmt;

pub(crate) use hmac_key::HmacSha256Key;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::credentials::{Credentials, Secret};
use super::request::HttpRequest;
use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail, Result};
use crate::messages;
use crate::record::Record;
use crate::spec::Provider;

/// The signature schemes the providers accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
pub enum SignatureAlgorithm {
    /// Alibaba V3: `Authorization: ACS3-HMAC-SHA256 …` over a canonical request. What the
    /// current SDKs send by default.
    #[serde(rename = "ACS3-HMAC-SHA256")]
    Acs3HmacSha256,
    /// Alibaba RPC V1: a `Signature` query parameter (HMAC-SHA1 over the sorted query).
    #[serde(rename = "HMAC-SHA1")]
    RpcHmacSha1,
    /// Zenlayer: `Authorization: ZC2-HMAC-SHA256 …` (or `Bearer` with a token).
    #[serde(rename = "ZC2-HMAC-SHA256")]
    Zc2HmacSha256,
}

impl SignatureAlgorithm {
    pub const ALL: [SignatureAlgorithm; 3] = [
        SignatureAlgorithm::Acs3HmacSha256,
        SignatureAlgorithm::RpcHmacSha1,
        SignatureAlgorithm::Zc2HmacSha256,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SignatureAlgorithm::Acs3HmacSha256 => "ACS3-HMAC-SHA256",
            SignatureAlgorithm::RpcHmacSha1 => "HMAC-SHA1",
            SignatureAlgorithm::Zc2HmacSha256 => "ZC2-HMAC-SHA256",
        }
    }

    pub fn parse(name: &str) -> Result<SignatureAlgorithm> {
        SignatureAlgorithm::ALL
            .into_iter()
            .find(|algorithm| algorithm.name() == name)
            .ok_or_else(|| {
                Error::Input(ErrorDetail::client(
                    ClientCode::InvalidParameterAlgorithm,
                    messages::wire::unsupported_algorithm(name),
                    Some("algorithm".to_owned()),
                ))
            })
    }

    /// The provider's default for a request: Zenlayer requests carry `X-ZC-Action`; every
    /// other request is Alibaba's, signed with V3 as the current SDKs do.
    pub fn for_request(request: &HttpRequest) -> SignatureAlgorithm {
        if request.header("x-zc-action").is_some() {
            SignatureAlgorithm::Zc2HmacSha256
        } else {
            SignatureAlgorithm::Acs3HmacSha256
        }
    }

    fn provider(self) -> Provider {
        match self {
            SignatureAlgorithm::Acs3HmacSha256 | SignatureAlgorithm::RpcHmacSha1 => Provider::Alibaba,
            SignatureAlgorithm::Zc2HmacSha256 => Provider::Zenlayer,
        }
    }
}

/// The per-signature inputs a deterministic signer cannot invent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOptions {
    /// `None` picks [`SignatureAlgorithm::for_request`].
    pub algorithm: Option<SignatureAlgorithm>,
    /// Unix seconds: the caller's clock (the servers reject times more than ~15 minutes off).
    pub timestamp: i64,
    /// Unique per request (the servers reject a repeat); Zenlayer does not use one.
    pub nonce: String,
}

/// A signed request, with the intermediate strings a signature mismatch is debugged with.
/// The strings are `None` for bearer-token requests, which carry no signature.
///
/// The fields and the serialized form hold everything as sent, security and bearer tokens
/// included. Every view meant for showing hides the tokens: `Debug`, [`SignedRequest::shown`]
/// and, in Python, `repr`, `str` and `to_dict()` (unless `to_dict(include_secrets=True)`). The
/// AccessKey secret appears nowhere: it only keys the HMAC.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[record(repr(algorithm, request), secrets)]
pub struct SignedRequest {
    pub algorithm: SignatureAlgorithm,
    /// The request to send: the one given, with the signature headers (or query) added.
    pub request: HttpRequest,
    /// The canonical request the signature covers (in Python, with a security token redacted).
    #[record(shown)]
    pub canonical_request: Option<String>,
    /// The string that was signed (in Python, with a security token redacted).
    #[record(shown)]
    pub string_to_sign: Option<String>,
    /// The signature, hex or base64 as the scheme writes it.
    pub signature: Option<String>,
}

impl SignedRequest {
    /// Everything as sent, tokens included: what a caller who asked for secrets serializes
    /// (the conformance vectors compare it with the official SDKs' output).
    pub fn with_secrets(&self) -> &SignedRequest {
        self
    }

    /// The signed request as it may be shown: the request [`HttpRequest::redacted`], and the
    /// debug strings with the security token replaced by [`super::request::REDACTED`] in the
    /// form each string holds it (ACS3: as the header value; RPC: percent-encoded in the
    /// canonical query, twice in the string to sign). The ACS3 string to sign is a hash and
    /// stays comparable with the server's.
    pub fn shown(&self) -> SignedRequest {
        let mut shown = self.clone();
        shown.request = self.request.redacted();
        if let Some(token) = self.request.security_token().filter(|token| !token.is_empty()) {
            let once = super::encode::percent_encode(token);
            let twice = super::encode::percent_encode(&once);
            let redacted_once = super::encode::percent_encode(super::request::REDACTED);
            let redacted_twice = super::encode::percent_encode(&redacted_once);
            let hide = |text: &mut Option<String>| {
                if let Some(text) = text.as_mut() {
                    *text = text
                        .replace(&twice, &redacted_twice)
                        .replace(&once, &redacted_once)
                        .replace(token, super::request::REDACTED);
                }
            };
            hide(&mut shown.canonical_request);
            hide(&mut shown.string_to_sign);
        }
        shown
    }
}

impl crate::record::Secrets for SignedRequest {
    fn shown(&self) -> SignedRequest {
        SignedRequest::shown(self)
    }
}

impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.shown();
        f.debug_struct("SignedRequest")
            .field("algorithm", &shown.algorithm)
            .field("request", &shown.request)
            .field("canonical_request", &shown.canonical_request)
            .field("string_to_sign", &shown.string_to_sign)
            .field("signature", &shown.signature)
            .finish()
    }
}

/// Signs `request` with `credentials`, returning the request to send.
pub fn sign(request: &HttpRequest, credentials: &Credentials, options: &SignOptions) -> Result<SignedRequest> {
    let algorithm = options
        .algorithm
        .unwrap_or_else(|| SignatureAlgorithm::for_request(request));
    let secret = credentials.secret(algorithm.provider())?;
    if options.timestamp < 0 {
        return Err(bad_timestamp(options.timestamp));
    }
    match (algorithm, secret) {
        (SignatureAlgorithm::Zc2HmacSha256, Secret::Bearer { token }) => Ok(zc2::bearer(request, token)),
        (SignatureAlgorithm::Zc2HmacSha256, Secret::AccessKey { id, mac_key, .. }) => {
            Ok(zc2::sign(request, id, mac_key, options.timestamp))
        }
        (_, Secret::Bearer { .. }) => Err(needs_access_key(algorithm)),
        (
            SignatureAlgorithm::Acs3HmacSha256,
            Secret::AccessKey {
                id,
                mac_key,
                security_token,
                ..
            },
        ) => sign_acs3(
            request,
            &acs3::Key {
                id,
                mac_key,
                security_token,
            },
            options,
            None,
        ),
        (
            SignatureAlgorithm::RpcHmacSha1,
            Secret::AccessKey {
                id,
                secret,
                security_token,
                ..
            },
        ) => {
            let date = super::encode::format_utc(options.timestamp).ok_or_else(|| bad_timestamp(options.timestamp))?;
            check_nonce(&options.nonce)?;
            rpc_v1::sign(
                request,
                &rpc_v1::Key {
                    id,
                    secret,
                    security_token,
                },
                date,
                &options.nonce,
            )
        }
    }
}

/// [`sign`] with `ACS3-HMAC-SHA256` over exactly the headers `signed_headers` names, for the
/// server side: a service (or a test double such as `opgate-emulator`) recomputes the
/// signature of a request as it received it, with the code that signs. Clients choose what
/// they sign and list it in `Authorization: … SignedHeaders=…`; `alibabacloud-tea-openapi`
/// 0.4 signs every header it sets (`user-agent`, `accept` too), the Go SDK only `host`,
/// `content-type` and `x-acs-*`. A listed header the request lacks is left out, so the
/// signatures then differ, as they must.
pub fn sign_acs3_over(
    request: &HttpRequest,
    credentials: &Credentials,
    options: &SignOptions,
    signed_headers: &[&str],
) -> Result<SignedRequest> {
    let Secret::AccessKey {
        id,
        mac_key,
        security_token,
        ..
    } = credentials.secret(Provider::Alibaba)?
    else {
        return Err(needs_access_key(SignatureAlgorithm::Acs3HmacSha256));
    };
    sign_acs3(
        request,
        &acs3::Key {
            id,
            mac_key,
            security_token,
        },
        options,
        Some(signed_headers),
    )
}

/// ACS3 over `signed_headers` (`None`: the default set), once the key is known.
fn sign_acs3(
    request: &HttpRequest,
    key: &acs3::Key<'_>,
    options: &SignOptions,
    signed_headers: Option<&[&str]>,
) -> Result<SignedRequest> {
    let date = super::encode::format_utc(options.timestamp).ok_or_else(|| bad_timestamp(options.timestamp))?;
    check_nonce(&options.nonce)?;
    Ok(acs3::sign(request, key, date, &options.nonce, signed_headers))
}

/// Bearer credentials given to an algorithm that signs with an access key.
fn needs_access_key(algorithm: SignatureAlgorithm) -> Error {
    Error::Signing(ErrorDetail::client(
        ClientCode::InvalidCredentials,
        messages::wire::needs_access_key(algorithm.name()),
        Some("credentials".to_owned()),
    ))
}

/// Nonces go into a header (V3) or the query (V1): no control characters, and short enough
/// not to be an accident.
fn check_nonce(nonce: &str) -> Result<()> {
    const MAX_NONCE_CHARS: usize = 128;
    // Printable ASCII, as generated nonces are, passes without counting characters.
    let plain = nonce.len() <= MAX_NONCE_CHARS && nonce.bytes().all(|byte| byte.is_ascii_graphic());
    if !nonce.is_empty()
        && (plain || (nonce.chars().count() <= MAX_NONCE_CHARS && !nonce.chars().any(char::is_control)))
    {
        return Ok(());
    }
    // Escaped, so the control characters that made it unusable show up in the message.
    let shown = clip(nonce).escape_debug().to_string();
    Err(Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterNonce,
        messages::wire::unusable_nonce(&shown, MAX_NONCE_CHARS),
        Some("nonce".to_owned()),
    )))
}

fn bad_timestamp(timestamp: i64) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterTimestamp,
        messages::wire::bad_timestamp(timestamp),
        Some("timestamp".to_owned()),
    ))
}

/// SHA-256 of the empty body, which every Alibaba RPC-style request has: signing needs it as hex.
const EMPTY_SHA256_HEX: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn sha256_hex(data: &[u8]) -> std::borrow::Cow<'static, str> {
    if data.is_empty() {
        return std::borrow::Cow::Borrowed(EMPTY_SHA256_HEX);
    }
    std::borrow::Cow::Owned(super::encode::hex(&Sha256::digest(data)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn received() -> HttpRequest {
        let headers = [
            ("host", "127.0.0.1:8080"),
            ("x-acs-version", "2014-05-26"),
            ("x-acs-action", "RebootInstance"),
            ("user-agent", "AlibabaCloud (Linux) Python/3.11 TeaDSL/2"),
            ("x-acs-date", "2026-01-02T03:04:05Z"),
            ("x-acs-signature-nonce", "0123456789abcdef"),
            ("accept", "application/json"),
            (
                "x-acs-content-sha256",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ),
        ];
        HttpRequest {
            method: "POST".into(),
            scheme: "http".into(),
            host: "127.0.0.1:8080".into(),
            path: "/".into(),
            query: vec![
                ("InstanceId".into(), "i-bp1h4adlltjc1d48goaq".into()),
                ("DryRun".into(), "True".into()),
            ],
            headers: headers.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect(),
            body: Vec::new(),
        }
    }

    fn options() -> SignOptions {
        SignOptions {
            algorithm: Some(SignatureAlgorithm::Acs3HmacSha256),
            timestamp: 1_767_323_045,
            nonce: "0123456789abcdef".into(),
        }
    }

    /// The headers ACS3 signing leaves, as the step-by-step edits they replace made them.
    fn headers_by_edits(
        request: &HttpRequest,
        id: &str,
        token: Option<&str>,
        date: &str,
        nonce: &str,
    ) -> Vec<(super::super::request::Text, super::super::request::Text)> {
        let mut edited = request.clone();
        edited.remove_header("authorization");
        if edited.header("host").is_none() {
            edited.headers.insert(0, ("host".into(), edited.host.clone()));
        }
        edited.set_header("x-acs-date", date.to_owned());
        edited.set_header("x-acs-signature-nonce", nonce.to_owned());
        edited.set_header("x-acs-content-sha256", sha256_hex(&edited.body).into_owned());
        match token {
            Some(token) => {
                edited.set_header("x-acs-accesskey-id", id.to_owned());
                edited.set_header("x-acs-security-token", token.to_owned());
            }
            None => {
                edited.remove_header("x-acs-accesskey-id");
                edited.remove_header("x-acs-security-token");
            }
        }
        edited.headers
    }

    #[test]
    fn acs3_sets_its_headers_in_place_as_set_header_would() {
        let mut resigned = received();
        resigned.headers.retain(|(name, _)| name != "host");
        resigned.headers.push(("X-Acs-Date".into(), "again".into()));
        resigned.headers.push(("Authorization".into(), "old".into()));
        resigned
            .headers
            .push(("X-ACS-SECURITY-TOKEN".into(), "old-token".into()));
        resigned.headers.push(("x-acs-accesskey-id".into(), "old-id".into()));
        resigned
            .headers
            .push(("x-acs-security-token".into(), "old-token-2".into()));
        for request in [received(), resigned] {
            for credentials in [
                Credentials::access_key("id", "secret"),
                Credentials::sts("id", "secret", "tok"),
            ] {
                let token = credentials
                    .secret(Provider::Alibaba)
                    .ok()
                    .and_then(|secret| match secret {
                        Secret::AccessKey { security_token, .. } => security_token,
                        Secret::Bearer { .. } => None,
                    });
                let signed = sign(&request, &credentials, &options()).expect("signs");
                let mut headers = signed.request.headers.clone();
                assert_eq!(headers.pop().map(|(name, _)| name).as_deref(), Some("Authorization"));
                let date = format_utc_for_test(options().timestamp);
                assert_eq!(
                    headers,
                    headers_by_edits(&request, "id", token, &date, &options().nonce)
                );
            }
        }
    }

    fn format_utc_for_test(timestamp: i64) -> String {
        super::super::encode::format_utc(timestamp).expect("in range")
    }

    #[test]
    fn the_empty_body_digest_is_sha256_of_nothing() {
        assert_eq!(EMPTY_SHA256_HEX, super::super::encode::hex(&Sha256::digest(b"")));
    }

    #[test]
    fn acs3_over_named_headers_matches_tea_openapi_signing_every_header() {
        // `Utils.get_authorization` of alibabacloud-tea-openapi 0.4.6 on this request signs
        // accept and user-agent too.
        let credentials = Credentials::access_key("LTAI5tExampleKeyId", "ExampleSecret/with+chars=");
        let names = [
            "accept",
            "host",
            "user-agent",
            "x-acs-action",
            "x-acs-content-sha256",
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-version",
        ];
        let signed = sign_acs3_over(&received(), &credentials, &options(), &names).expect("signs");
        assert_eq!(
            signed.signature.as_deref(),
            Some("7918e849535d5acc46cc5a77b411a13840c765d8e33b8084d88a7b8d70e5a912")
        );
        let default = sign(&received(), &credentials, &options()).expect("signs");
        assert_ne!(
            default.signature, signed.signature,
            "the default set leaves accept and user-agent out"
        );
    }

    #[test]
    fn acs3_over_the_default_set_equals_sign() {
        let credentials = Credentials::access_key("id", "secret");
        let names = [
            "host",
            "x-acs-action",
            "x-acs-content-sha256",
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-version",
        ];
        let over = sign_acs3_over(&received(), &credentials, &options(), &names).expect("signs");
        let default = sign(&received(), &credentials, &options()).expect("signs");
        assert_eq!(over, default);
        let bearer = sign_acs3_over(&received(), &Credentials::bearer("token"), &options(), &names);
        assert!(matches!(bearer, Err(Error::Signing(_))));
    }
}

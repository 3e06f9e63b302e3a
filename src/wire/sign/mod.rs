//! Request signing. The clock and the nonce are arguments, so the same inputs always give
//! the same bytes (and the test vectors recorded from the official SDKs can be replayed).

mod acs3;
mod rpc_v1;
mod zc2;

use std::fmt;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::credentials::{Credentials, Secret};
use super::request::HttpRequest;
use crate::error::{clip, Error, ErrorDetail, Result};
use crate::spec::Provider;
use crate::text;

/// The signature schemes the providers accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
        SignatureAlgorithm::ALL.into_iter().find(|algorithm| algorithm.name() == name).ok_or_else(|| {
            Error::Input(ErrorDetail::client(
                "InvalidParameter.Algorithm",
                text!(
                    format!(
                        "The signature algorithm \"{}\" is not supported; use ACS3-HMAC-SHA256, HMAC-SHA1 or ZC2-HMAC-SHA256.",
                        clip(name)
                    ),
                    format!("不支持签名算法 \"{}\"；请使用 ACS3-HMAC-SHA256、HMAC-SHA1 或 ZC2-HMAC-SHA256。", clip(name))
                ),
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
/// The fields hold everything as sent, security and bearer tokens included. Every other view
/// hides the tokens (see [`HttpRequest::redacted`]): `Debug`, and the serialized form, whose
/// `canonical_request` and `string_to_sign` are the same strings built with the token replaced.
/// [`SignedRequest::with_secrets`] serializes the tokens too, for a caller who asks for them.
/// The AccessKey secret appears nowhere: it only keys the HMAC.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedRequest {
    pub algorithm: SignatureAlgorithm,
    pub request: HttpRequest,
    pub canonical_request: Option<String>,
    pub string_to_sign: Option<String>,
    pub signature: Option<String>,
    /// `canonical_request` and `string_to_sign` with the token redacted; equal to them when
    /// the credentials have no token.
    shown_strings: DebugStrings,
}

/// The two strings a signature is computed through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct DebugStrings {
    pub canonical_request: Option<String>,
    pub string_to_sign: Option<String>,
}

/// The serialized shape: `{algorithm, request, canonical_request, string_to_sign, signature}`.
#[derive(Serialize)]
struct Shape<'a> {
    algorithm: SignatureAlgorithm,
    request: &'a HttpRequest,
    canonical_request: &'a Option<String>,
    string_to_sign: &'a Option<String>,
    signature: &'a Option<String>,
}

impl SignedRequest {
    pub(super) fn new(
        algorithm: SignatureAlgorithm,
        request: HttpRequest,
        sent: DebugStrings,
        shown: DebugStrings,
        signature: Option<String>,
    ) -> SignedRequest {
        SignedRequest {
            algorithm,
            request,
            canonical_request: sent.canonical_request,
            string_to_sign: sent.string_to_sign,
            signature,
            shown_strings: shown,
        }
    }

    /// Serializes with every token in place: what a caller who asked for secrets gets (the
    /// conformance vectors compare this with the official SDKs' output).
    pub fn with_secrets(&self) -> impl Serialize + '_ {
        Shape {
            algorithm: self.algorithm,
            request: &self.request,
            canonical_request: &self.canonical_request,
            string_to_sign: &self.string_to_sign,
            signature: &self.signature,
        }
    }

    /// What a binding hands its host: `shown` for repr, str and to_dict (tokens redacted unless
    /// `include_secrets`), `sent` for the values the host puts on the wire.
    pub fn host_views(&self, include_secrets: bool) -> Result<Value> {
        let unserializable = |_| {
            Error::Signing(ErrorDetail::client(
                "InvalidCredentials",
                text!("The signed request could not be serialized.", "无法序列化已签名的请求。"),
                None,
            ))
        };
        let sent = serde_json::to_value(self.with_secrets()).map_err(unserializable)?;
        let shown = if include_secrets {
            sent.clone()
        } else {
            serde_json::to_value(self).map_err(unserializable)?
        };
        Ok(serde_json::json!({"shown": shown, "sent": sent}))
    }
}

impl Serialize for SignedRequest {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        Shape {
            algorithm: self.algorithm,
            request: &self.request.redacted(),
            canonical_request: &self.shown_strings.canonical_request,
            string_to_sign: &self.shown_strings.string_to_sign,
            signature: &self.signature,
        }
        .serialize(serializer)
    }
}

impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedRequest")
            .field("algorithm", &self.algorithm)
            .field("request", &self.request)
            .field("canonical_request", &self.shown_strings.canonical_request)
            .field("string_to_sign", &self.shown_strings.string_to_sign)
            .field("signature", &self.signature)
            .finish()
    }
}

/// Signs `request` with `credentials`, returning the request to send.
pub fn sign(request: &HttpRequest, credentials: &Credentials, options: &SignOptions) -> Result<SignedRequest> {
    let algorithm = options.algorithm.unwrap_or_else(|| SignatureAlgorithm::for_request(request));
    let secret = credentials.secret(algorithm.provider())?;
    if options.timestamp < 0 {
        return Err(bad_timestamp(options.timestamp));
    }
    match (algorithm, secret) {
        (SignatureAlgorithm::Zc2HmacSha256, Secret::Bearer { token }) => Ok(zc2::bearer(request, token)),
        (SignatureAlgorithm::Zc2HmacSha256, Secret::AccessKey { id, secret, .. }) => Ok(zc2::sign(request, id, secret, options.timestamp)),
        (_, Secret::Bearer { .. }) => Err(Error::Signing(ErrorDetail::client(
            "InvalidCredentials",
            text!(
                format!("{} needs an AccessKey; bearer tokens are only accepted by Zenlayer.", algorithm.name()),
                format!("{} 需要 AccessKey；只有 Zenlayer 接受 Bearer 令牌。", algorithm.name())
            ),
            Some("credentials".to_owned()),
        ))),
        (SignatureAlgorithm::Acs3HmacSha256, Secret::AccessKey { id, secret, security_token }) => {
            let date = super::encode::format_utc(options.timestamp).ok_or_else(|| bad_timestamp(options.timestamp))?;
            check_nonce(&options.nonce)?;
            Ok(acs3::sign(request, &acs3::Key { id, secret, security_token }, &date, &options.nonce))
        }
        (SignatureAlgorithm::RpcHmacSha1, Secret::AccessKey { id, secret, security_token }) => {
            let date = super::encode::format_utc(options.timestamp).ok_or_else(|| bad_timestamp(options.timestamp))?;
            check_nonce(&options.nonce)?;
            rpc_v1::sign(request, &rpc_v1::Key { id, secret, security_token }, &date, &options.nonce)
        }
    }
}

/// Nonces go into a header (V3) or the query (V1): no control characters, and short enough
/// not to be an accident.
fn check_nonce(nonce: &str) -> Result<()> {
    const MAX_NONCE_CHARS: usize = 128;
    if !nonce.is_empty() && nonce.chars().count() <= MAX_NONCE_CHARS && !nonce.chars().any(char::is_control) {
        return Ok(());
    }
    // Escaped, so the control characters that made it unusable show up in the message.
    let shown = clip(nonce).escape_debug().to_string();
    Err(Error::Input(ErrorDetail::client(
        "InvalidParameter.Nonce",
        text!(
            format!("The signature nonce \"{shown}\" is not usable: give 1-{MAX_NONCE_CHARS} characters without control characters, unique per request."),
            format!("签名随机数 \"{shown}\" 不可用：需 1-{MAX_NONCE_CHARS} 个字符、不含控制字符，且每个请求唯一。")
        ),
        Some("nonce".to_owned()),
    )))
}

fn bad_timestamp(timestamp: i64) -> Error {
    Error::Input(ErrorDetail::client(
        "InvalidParameter.Timestamp",
        text!(
            format!("The timestamp {timestamp} is out of range; give Unix seconds between 1970 and 9999."),
            format!("时间戳 {timestamp} 超出范围；请提供 1970 至 9999 年之间的 Unix 秒数。")
        ),
        Some("timestamp".to_owned()),
    ))
}

fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so construction cannot fail.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

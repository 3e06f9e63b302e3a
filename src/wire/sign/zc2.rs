//! Zenlayer `ZC2-HMAC-SHA256`, as `_build_zc2_authorization` in `zenlayercloud-sdk-python`
//! and `signRequest` in `zenlayercloud-sdk-go` compute it. Both sign `/` as the URI whatever
//! the real path, and only `content-type` and `host`.

use super::{sha256_hex, HmacSha256Key, SignatureAlgorithm, SignedRequest};
use std::borrow::Cow;

use crate::wire::request::HttpRequest;

const ALGORITHM: &str = "ZC2-HMAC-SHA256";
const SIGNED_HEADERS: &str = "content-type;host";

pub(super) fn sign(request: &HttpRequest, id: &str, mac_key: &HmacSha256Key, timestamp: i64) -> SignedRequest {
    let mut signed = prepared(request);
    let content_type = signed.header("content-type").unwrap_or("application/json").to_owned();
    let host = signed.header("host").unwrap_or(&signed.host).to_owned();
    let canonical_request = format!(
        "{}\n/\n\ncontent-type:{content_type}\nhost:{host}\n\n{SIGNED_HEADERS}\n{}",
        signed.method,
        sha256_hex(&signed.body)
    );
    let timestamp = timestamp.to_string();
    let string_to_sign = format!("{ALGORITHM}\n{timestamp}\n{}", sha256_hex(canonical_request.as_bytes()));
    let signature = crate::wire::encode::hex(&mac_key.mac(string_to_sign.as_bytes()));
    signed.set_header("X-ZC-Signature-Method", ALGORITHM);
    signed.set_header("X-ZC-Timestamp", timestamp);
    signed.headers.push((
        Cow::Borrowed("Authorization"),
        Cow::Owned(format!(
            "{ALGORITHM} Credential={id}, SignedHeaders={SIGNED_HEADERS}, Signature={signature}"
        )),
    ));
    SignedRequest {
        algorithm: SignatureAlgorithm::Zc2HmacSha256,
        request: signed,
        canonical_request: Some(canonical_request),
        string_to_sign: Some(string_to_sign),
        signature: Some(signature),
    }
}

/// A personal access token replaces the signature entirely.
pub(super) fn bearer(request: &HttpRequest, token: &str) -> SignedRequest {
    let mut signed = prepared(request);
    signed.remove_header("X-ZC-Signature-Method");
    signed.remove_header("X-ZC-Timestamp");
    signed
        .headers
        .push((Cow::Borrowed("Authorization"), Cow::Owned(format!("Bearer {token}"))));
    SignedRequest {
        algorithm: SignatureAlgorithm::Zc2HmacSha256,
        request: signed,
        canonical_request: None,
        string_to_sign: None,
        signature: None,
    }
}

/// The SDKs always send `Host` and `Content-Type`; add them when a hand-made request lacks them.
fn prepared(request: &HttpRequest) -> HttpRequest {
    let mut prepared = request.clone();
    prepared.remove_header("authorization");
    if prepared.header("host").is_none() {
        prepared
            .headers
            .insert(0, (Cow::Borrowed("Host"), prepared.host.clone()));
    }
    if prepared.header("content-type").is_none() {
        prepared
            .headers
            .push((Cow::Borrowed("Content-Type"), Cow::Borrowed("application/json")));
    }
    prepared
}

//! Alibaba RPC signature V1 (`HMAC-SHA1` in the `Signature` query parameter), as
//! `do_rpcrequest` in `alibabacloud-tea-openapi` (and `aliyun-python-sdk-core`) builds it.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use zeroize::Zeroizing;

use super::{SignatureAlgorithm, SignedRequest};
use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::text;
use crate::wire::encode::percent_encode;
use crate::wire::request::HttpRequest;

pub(super) struct Key<'a> {
    pub id: &'a str,
    pub secret: &'a str,
    pub security_token: Option<&'a str>,
}

/// Parameters the signer owns; values the caller left in the query are replaced.
const RESERVED: [&str; 10] = [
    "Action",
    "Format",
    "Version",
    "Timestamp",
    "SignatureNonce",
    "SecurityToken",
    "SignatureMethod",
    "SignatureVersion",
    "AccessKeyId",
    "Signature",
];

pub(super) fn sign(request: &HttpRequest, key: &Key<'_>, timestamp: &str, nonce: &str) -> Result<SignedRequest> {
    if !request.body.is_empty() {
        return Err(unsupported(
            "HMAC-SHA1 signing covers the query only; this request has a body. Use ACS3-HMAC-SHA256.",
            "HMAC-SHA1 签名只覆盖查询参数，而该请求带有请求体；请改用 ACS3-HMAC-SHA256。",
        ));
    }
    let action = request.query_param("Action").or_else(|| request.header("x-acs-action"));
    let version = request.query_param("Version").or_else(|| request.header("x-acs-version"));
    let (Some(action), Some(version)) = (action, version) else {
        return Err(unsupported(
            "The request names no action and version (Action/Version query parameters or x-acs-action/x-acs-version headers).",
            "请求未指明操作与版本（Action/Version 查询参数或 x-acs-action/x-acs-version 请求头）。",
        ));
    };
    let format = request.query_param("Format").unwrap_or("json");

    let mut query: Vec<(String, String)> = vec![
        ("Action".to_owned(), action.to_owned()),
        ("Format".to_owned(), format.to_owned()),
        ("Version".to_owned(), version.to_owned()),
        ("Timestamp".to_owned(), timestamp.to_owned()),
        ("SignatureNonce".to_owned(), nonce.to_owned()),
    ];
    query.extend(request.query.iter().filter(|(name, _)| !RESERVED.contains(&name.as_str())).cloned());
    if let Some(token) = key.security_token {
        query.push(("SecurityToken".to_owned(), token.to_owned()));
    }
    query.push(("SignatureMethod".to_owned(), "HMAC-SHA1".to_owned()));
    query.push(("SignatureVersion".to_owned(), "1.0".to_owned()));
    query.push(("AccessKeyId".to_owned(), key.id.to_owned()));

    let mut sorted: Vec<(&str, &str)> = query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    sorted.sort_unstable();
    let canonical_query = sorted
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let string_to_sign = format!("{}&{}&{}", request.method, percent_encode("/"), percent_encode(&canonical_query));
    // The HMAC key is the secret plus `&`; the copy is wiped when dropped.
    let hmac_key = Zeroizing::new(format!("{}&", key.secret));
    let signature = base64::engine::general_purpose::STANDARD.encode(hmac_sha1(hmac_key.as_bytes(), string_to_sign.as_bytes()));
    query.push(("Signature".to_owned(), signature.clone()));

    let mut signed = request.clone();
    signed.query = query;
    signed.remove_header("authorization");
    Ok(SignedRequest {
        algorithm: SignatureAlgorithm::RpcHmacSha1,
        request: signed,
        canonical_request: Some(canonical_query),
        string_to_sign: Some(string_to_sign),
        signature: Some(signature),
    })
}

fn hmac_sha1(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so construction cannot fail.
    match Hmac::<Sha1>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

fn unsupported(en: &'static str, zh: &'static str) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterRequest,
        text!(en, zh),
        Some("request".to_owned()),
    ))
}

//! Alibaba RPC signature V1 (`HMAC-SHA1` in the `Signature` query parameter), as
//! `do_rpcrequest` in `alibabacloud-tea-openapi` (and `aliyun-python-sdk-core`) builds it.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use zeroize::Zeroizing;

use super::{SignatureAlgorithm, SignedRequest};
use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::messages::wire::{rpc_v1_refusal, RpcV1Refusal};
use crate::wire::encode::{encode_pairs_into, percent_encode_into};
use std::borrow::Cow;

use crate::wire::request::{HttpRequest, Text};

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

pub(super) fn sign(request: &HttpRequest, key: &Key<'_>, timestamp: String, nonce: &str) -> Result<SignedRequest> {
    if !request.body.is_empty() {
        return Err(unsupported(RpcV1Refusal::HasBody));
    }
    // The request's own text, cloned: borrowed text (as `build` makes it) is not copied.
    let query_param = |name: &str| {
        request
            .query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.clone())
    };
    let action = query_param("Action").or_else(|| header("x-acs-action"));
    let version = query_param("Version").or_else(|| header("x-acs-version"));
    let (Some(action), Some(version)) = (action, version) else {
        return Err(unsupported(RpcV1Refusal::NoActionVersion));
    };
    let format = query_param("Format").unwrap_or(Cow::Borrowed("json"));

    let mut query: Vec<(Text, Text)> = Vec::with_capacity(request.query.len() + 10);
    query.extend([
        (Cow::Borrowed("Action"), action),
        (Cow::Borrowed("Format"), format),
        (Cow::Borrowed("Version"), version),
        (Cow::Borrowed("Timestamp"), Cow::Owned(timestamp)),
        (Cow::Borrowed("SignatureNonce"), Cow::Owned(nonce.to_owned())),
    ]);
    query.extend(
        request
            .query
            .iter()
            .filter(|(name, _)| !RESERVED.contains(&name.as_ref()))
            .cloned(),
    );
    if let Some(token) = key.security_token {
        query.push((Cow::Borrowed("SecurityToken"), Cow::Owned(token.to_owned())));
    }
    query.push((Cow::Borrowed("SignatureMethod"), Cow::Borrowed("HMAC-SHA1")));
    query.push((Cow::Borrowed("SignatureVersion"), Cow::Borrowed("1.0")));
    query.push((Cow::Borrowed("AccessKeyId"), Cow::Owned(key.id.to_owned())));

    let mut sorted: Vec<(&str, &str)> = query.iter().map(|(k, v)| (k.as_ref(), v.as_ref())).collect();
    sorted.sort_unstable();
    let mut canonical_query =
        String::with_capacity(sorted.iter().map(|(k, v)| k.len() + v.len() + 2).sum::<usize>() + 16);
    encode_pairs_into(&mut canonical_query, sorted);
    // `METHOD&%2F&` and the canonical query encoded once more.
    let mut string_to_sign = String::with_capacity(request.method.len() + 5 + canonical_query.len() * 5 / 4);
    string_to_sign.push_str(&request.method);
    string_to_sign.push('&');
    percent_encode_into(&mut string_to_sign, "/");
    string_to_sign.push('&');
    percent_encode_into(&mut string_to_sign, &canonical_query);
    // The HMAC key is the secret plus `&`; the copy is wiped when dropped.
    let mut hmac_key = Zeroizing::new(String::with_capacity(key.secret.len() + 1));
    hmac_key.push_str(key.secret);
    hmac_key.push('&');
    let signature =
        base64::engine::general_purpose::STANDARD.encode(hmac_sha1(hmac_key.as_bytes(), string_to_sign.as_bytes()));
    query.push((Cow::Borrowed("Signature"), Cow::Owned(signature.clone())));

    let signed = HttpRequest {
        method: request.method.clone(),
        scheme: request.scheme.clone(),
        host: request.host.clone(),
        path: request.path.clone(),
        query,
        headers: request
            .headers
            .iter()
            .filter(|(name, _)| !name.eq_ignore_ascii_case("authorization"))
            .cloned()
            .collect(),
        body: Vec::new(),
    };
    Ok(SignedRequest {
        algorithm: SignatureAlgorithm::RpcHmacSha1,
        request: signed,
        canonical_request: Some(canonical_query),
        string_to_sign: Some(string_to_sign),
        signature: Some(signature),
    })
}

fn hmac_sha1(key: &[u8], data: &[u8]) -> [u8; 20] {
    // HMAC accepts keys of any length, so construction cannot fail.
    match Hmac::<Sha1>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(data);
            mac.finalize().into_bytes().into()
        }
        Err(_) => [0; 20],
    }
}

fn unsupported(refusal: RpcV1Refusal) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterRequest,
        rpc_v1_refusal(refusal),
        Some("request".to_owned()),
    ))
}

//! Alibaba Cloud signature V3 (`ACS3-HMAC-SHA256`), as `Utils.get_authorization` in
//! `alibabacloud-tea-openapi` and `GetAuthorization` in the Go openapi-util compute it.

use std::borrow::Cow;

use sha2::{Digest, Sha256};

use super::{sha256_hex, HmacSha256Key, SignatureAlgorithm, SignedRequest};
use crate::wire::encode::{encode_pairs_into, hex, hex_into};
use crate::wire::request::{HttpRequest, Text};

const ALGORITHM: &str = "ACS3-HMAC-SHA256";

pub(super) struct Key<'a> {
    pub id: &'a str,
    pub mac_key: &'a HmacSha256Key,
    pub security_token: Option<&'a str>,
}

/// `signed_headers` names the headers to sign (lower-case); `None` signs the default set
/// (see [`canonical_headers`]).
pub(super) fn sign(
    request: &HttpRequest,
    key: &Key<'_>,
    date: String,
    nonce: &str,
    signed_headers: Option<&[&str]>,
) -> SignedRequest {
    let payload_hash = sha256_hex(&request.body);
    // The headers signing owns: set (in place of the first header of that name, the others
    // dropped, or appended) or, for `None`, removed, as `set_header`/`remove_header` would.
    let mut owned: [(&'static str, Option<Text>); 5] = [
        ("x-acs-date", Some(Cow::Owned(date))),
        ("x-acs-signature-nonce", Some(Cow::Owned(nonce.to_owned()))),
        ("x-acs-content-sha256", Some(payload_hash.clone())),
        (
            "x-acs-accesskey-id",
            key.security_token.map(|_| Cow::Owned(key.id.to_owned())),
        ),
        (
            "x-acs-security-token",
            key.security_token.map(|token| Cow::Owned(token.to_owned())),
        ),
    ];
    let mut placed = [false; 5];
    // One pass over the request's headers, without an old `Authorization`, with `host` first
    // when it had none, and room for what signing adds. Names and constant values are borrowed
    // text (`Text`), so copying them costs nothing.
    let mut headers: Vec<(Text, Text)> = Vec::with_capacity(request.headers.len() + owned.len() + 2);
    if request.header("host").is_none() {
        headers.push((Cow::Borrowed("host"), request.host.clone()));
    }
    for (name, value) in &request.headers {
        if name.eq_ignore_ascii_case("authorization") {
            continue;
        }
        match owned
            .iter_mut()
            .zip(placed.iter_mut())
            .find(|((owned_name, _), _)| name.eq_ignore_ascii_case(owned_name))
        {
            None => headers.push((name.clone(), value.clone())),
            Some(((_, Some(new_value)), placed @ false)) => {
                headers.push((name.clone(), std::mem::take(new_value)));
                *placed = true;
            }
            // A repeat of a header already set, or one signing removes.
            Some(_) => {}
        }
    }
    for ((name, value), placed) in owned.into_iter().zip(placed) {
        if let (Some(value), false) = (value, placed) {
            headers.push((Cow::Borrowed(name), value));
        }
    }
    let mut signed = HttpRequest {
        method: request.method.clone(),
        scheme: request.scheme.clone(),
        host: request.host.clone(),
        path: request.path.clone(),
        query: request.query.clone(),
        headers,
        body: request.body.clone(),
    };

    // `method\npath\nquery\nheaders (each line ending in \n)\nsigned header names\npayload hash`,
    // written into one buffer.
    let path = if signed.path.is_empty() {
        "/"
    } else {
        signed.path.as_ref()
    };
    let mut canonical_request = String::with_capacity(256 + signed.query.len() * 48 + signed.headers.len() * 64);
    canonical_request.push_str(&signed.method);
    canonical_request.push('\n');
    canonical_request.push_str(path);
    canonical_request.push('\n');
    canonical_query(&mut canonical_request, &signed.query);
    canonical_request.push('\n');
    let names = canonical_headers(&mut canonical_request, &signed.headers, signed_headers);
    canonical_request.push('\n');
    canonical_request.push_str(&payload_hash);

    let mut string_to_sign = String::with_capacity(ALGORITHM.len() + 1 + 64);
    string_to_sign.push_str(ALGORITHM);
    string_to_sign.push('\n');
    hex_into(&mut string_to_sign, &Sha256::digest(canonical_request.as_bytes()));
    let signature = hex(&key.mac_key.mac(string_to_sign.as_bytes()));
    let signed_headers = canonical_request.get(names).unwrap_or_default();
    let mut authorization =
        String::with_capacity(ALGORITHM.len() + 40 + key.id.len() + signed_headers.len() + signature.len());
    authorization.push_str(ALGORITHM);
    authorization.push_str(" Credential=");
    authorization.push_str(key.id);
    authorization.push_str(",SignedHeaders=");
    authorization.push_str(signed_headers);
    authorization.push_str(",Signature=");
    authorization.push_str(&signature);
    signed
        .headers
        .push((Cow::Borrowed("Authorization"), Cow::Owned(authorization)));
    SignedRequest {
        algorithm: SignatureAlgorithm::Acs3HmacSha256,
        request: signed,
        canonical_request: Some(canonical_request),
        string_to_sign: Some(string_to_sign),
        signature: Some(signature),
    }
}

/// Sorted by name, then value; names and values RFC 3986-encoded; appended to `out`.
fn canonical_query(out: &mut String, query: &[(Text, Text)]) {
    let in_order = query.windows(2).all(|pair| matches!(pair, [a, b] if a <= b));
    if in_order {
        encode_pairs_into(out, query.iter().map(|(key, value)| (key.as_ref(), value.as_ref())));
    } else {
        let mut pairs: Vec<(&str, &str)> = query
            .iter()
            .map(|(key, value)| (key.as_ref(), value.as_ref()))
            .collect();
        pairs.sort_unstable();
        encode_pairs_into(out, pairs);
    }
}

/// Signs `host`, `content-type` and every `x-acs-*` header (the set the Go SDK and the V3
/// documentation sign), or exactly the headers `chosen` names: lower-cased names in order,
/// values trimmed, repeated names joined with commas. Appends the canonical block (each line
/// ending in `\n`), a line break and the `;`-separated name list to `out`, and returns where
/// in `out` the name list is (`Authorization` repeats it).
fn canonical_headers(out: &mut String, headers: &[(Text, Text)], chosen: Option<&[&str]>) -> std::ops::Range<usize> {
    let mut selected: Vec<(Cow<'_, str>, &str)> = Vec::with_capacity(headers.len());
    for (name, value) in headers {
        let name = lower_case(name);
        let signs = match chosen {
            Some(names) => names.iter().any(|wanted| wanted.eq_ignore_ascii_case(&name)),
            None => name == "host" || name == "content-type" || name.starts_with("x-acs-"),
        };
        if signs {
            selected.push((name, trimmed(value)));
        }
    }
    selected.sort_unstable();
    let mut previous: Option<&str> = None;
    for (name, value) in &selected {
        if previous == Some(name.as_ref()) {
            // Same name as the previous line: append as another comma-separated value.
            if out.ends_with('\n') {
                out.pop();
            }
            out.push(',');
        } else {
            out.push_str(name);
            out.push(':');
        }
        out.push_str(value);
        out.push('\n');
        previous = Some(name.as_ref());
    }
    out.push('\n');
    let start = out.len();
    previous = None;
    for (name, _) in &selected {
        if previous != Some(name.as_ref()) {
            if previous.is_some() {
                out.push(';');
            }
            out.push_str(name);
        }
        previous = Some(name.as_ref());
    }
    start..out.len()
}

/// `str::trim`, after a check that the ends are printable ASCII, as they nearly always are.
fn trimmed(value: &str) -> &str {
    let plain = |byte: Option<&u8>| byte.is_some_and(|&byte| byte.is_ascii_graphic());
    if plain(value.as_bytes().first()) && plain(value.as_bytes().last()) {
        value
    } else {
        value.trim()
    }
}

/// Header names are nearly always lower-case already; copy only those that are not.
fn lower_case(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|byte| byte.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

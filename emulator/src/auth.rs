//! Signature checks. The expected signature is recomputed from the request as received with
//! opgate's own signing code (`opgate::sign`, `opgate::wire::sign_acs3_over`), so the
//! emulator accepts exactly what the core signs and what the SDKs sign, and no crypto is
//! written twice.
//!
//! Alibaba codes and statuses are the OpenAPI gateway's
//! (<https://help.aliyun.com/document_detail/48054.html>: `InvalidTimeStamp.Expired`,
//! `InvalidTimeStamp.Format`, `SignatureNonceUsed`, `SignatureDoesNotMatch`, all 400);
//! `InvalidAccessKeyId.NotFound` is 404 as the live API answers
//! (<https://github.com/honwen/aliyun-ddns-cli/issues/24>). Zenlayer publishes no
//! authentication codes that could be retrieved, so its are our choice in its
//! `INVALID_<THING>` style, HTTP 401: see `README.md`.

use opgate::wire::{format_utc, sign_acs3_over, SignatureAlgorithm};
use opgate::{Credentials, HttpRequest, SignOptions};

use crate::config::Config;
use crate::wire::{ApiError, Received};

/// Who signed, and with which scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub access_key_id: String,
    pub algorithm: &'static str,
    /// Alibaba's per-request nonce; the caller checks it was not used before.
    pub nonce: Option<String>,
}

const ACS3: &str = "ACS3-HMAC-SHA256";
const ZC2: &str = "ZC2-HMAC-SHA256";

/// Received name/value pairs as a request's text.
fn texts<'a>(pairs: impl Iterator<Item = &'a (String, String)>) -> Vec<(opgate::wire::Text, opgate::wire::Text)> {
    pairs
        .map(|(name, value)| (name.clone().into(), value.clone().into()))
        .collect()
}

fn incomplete(detail: &str) -> ApiError {
    ApiError::new(
        400,
        "IncompleteSignature",
        format!("The request signature does not conform to Aliyun standards: {detail}"),
    )
}

fn alibaba_key_not_found() -> ApiError {
    ApiError::new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
}

/// `Key=value` fields of an `Authorization` header after the algorithm name, separated by
/// commas (ACS3 writes `a=1,b=2`, ZC2 `a=1, b=2`).
fn authorization_fields(rest: &str) -> Vec<(&str, &str)> {
    rest.split(',').filter_map(|part| part.trim().split_once('=')).collect()
}

fn field<'a>(fields: &[(&'a str, &'a str)], name: &str) -> Option<&'a str> {
    fields.iter().find(|(key, _)| *key == name).map(|(_, value)| *value)
}

/// Constant-time comparison, so response timing does not reveal how much of a guess matched.
fn same(expected: &str, given: &str) -> bool {
    expected.len() == given.len()
        && expected
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// Alibaba timestamps are `YYYY-MM-DDTHH:MM:SSZ`; the core re-renders the parsed value, so
/// only that exact form can be verified.
fn alibaba_timestamp(text: Option<&str>, window: i64, wall: i64) -> Result<i64, ApiError> {
    let text = text.ok_or_else(|| {
        ApiError::new(
            400,
            "InvalidTimeStamp.Format",
            "Specified time stamp or date value is not well formatted: the request carries none.",
        )
    })?;
    let unix = opgate::time::parse_utc(text)
        .filter(|unix| format_utc(*unix).as_deref() == Some(text))
        .ok_or_else(|| {
            ApiError::new(
                400,
                "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted.",
            )
        })?;
    if (unix - wall).abs() > window {
        return Err(ApiError::new(
            400,
            "InvalidTimeStamp.Expired",
            "Specified time stamp or date value is expired.",
        ));
    }
    Ok(unix)
}

fn alibaba_secret<'a>(config: &'a [crate::config::AlibabaKey], id: &str) -> Option<&'a str> {
    config
        .iter()
        .find(|key| key.access_key_id == id)
        .map(|key| key.access_key_secret.as_str())
}

fn mismatch(string_to_sign: Option<&str>) -> ApiError {
    // The live gateway shows its string to sign, which is what a client debugs with.
    ApiError::new(
        400,
        "SignatureDoesNotMatch",
        format!(
            "Specified signature is not matched with our calculation. server string to sign is:{}",
            string_to_sign.unwrap_or("")
        ),
    )
}

/// Checks an Alibaba RPC request: V3 (`Authorization: ACS3-HMAC-SHA256 …`) or V1
/// (`Signature` among the parameters). `params` are the query and form parameters together.
pub fn alibaba(
    received: &Received,
    params: &[(String, String)],
    config: &Config,
    wall: i64,
) -> Result<Caller, ApiError> {
    let keys = config.credentials.alibaba_keys();
    let window = config.signature_window_seconds;
    if let Some(authorization) = received.header("authorization") {
        let Some(rest) = authorization.strip_prefix(ACS3).and_then(|rest| rest.strip_prefix(' ')) else {
            return Err(incomplete("the Authorization header must start with ACS3-HMAC-SHA256"));
        };
        let fields = authorization_fields(rest);
        let (Some(id), Some(signed_headers), Some(signature)) = (
            field(&fields, "Credential"),
            field(&fields, "SignedHeaders"),
            field(&fields, "Signature"),
        ) else {
            return Err(incomplete(
                "Authorization needs Credential, SignedHeaders and Signature",
            ));
        };
        let secret = alibaba_secret(&keys, id).ok_or_else(alibaba_key_not_found)?;
        let timestamp = alibaba_timestamp(received.header("x-acs-date"), window, wall)?;
        let nonce = received
            .header("x-acs-signature-nonce")
            .ok_or_else(|| incomplete("the x-acs-signature-nonce header is missing"))?;
        let names: Vec<&str> = signed_headers.split(';').filter(|name| !name.is_empty()).collect();
        let request = HttpRequest {
            method: received.method.clone().into(),
            scheme: "http".into(),
            host: received.host().to_owned().into(),
            path: received.path.clone().into(),
            query: texts(received.query.iter()),
            headers: texts(received.headers.iter().filter(|(name, _)| name != "authorization")),
            body: received.body.clone(),
        };
        let options = SignOptions {
            algorithm: Some(SignatureAlgorithm::Acs3HmacSha256),
            timestamp,
            nonce: nonce.to_owned(),
        };
        let expected = sign_acs3_over(&request, &Credentials::access_key(id, secret), &options, &names)
            .map_err(|error| incomplete(&error.to_string()))?;
        if !expected
            .signature
            .as_deref()
            .is_some_and(|expected| same(expected, signature))
        {
            return Err(mismatch(expected.string_to_sign.as_deref()));
        }
        return Ok(Caller {
            access_key_id: id.to_owned(),
            algorithm: ACS3,
            nonce: Some(nonce.to_owned()),
        });
    }
    let param = |name: &str| {
        params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    let Some(signature) = param("Signature") else {
        return Err(incomplete(
            "the request is not signed (no Authorization header and no Signature parameter)",
        ));
    };
    let id = param("AccessKeyId").ok_or_else(|| incomplete("the AccessKeyId parameter is missing"))?;
    if param("SignatureMethod") != Some("HMAC-SHA1") {
        return Err(incomplete("SignatureMethod must be HMAC-SHA1"));
    }
    let secret = alibaba_secret(&keys, id).ok_or_else(alibaba_key_not_found)?;
    let timestamp = alibaba_timestamp(param("Timestamp"), window, wall)?;
    let nonce = param("SignatureNonce").ok_or_else(|| incomplete("the SignatureNonce parameter is missing"))?;
    // V1 signs the query and form parameters together, so the core sees them as one query.
    let request = HttpRequest {
        method: received.method.clone().into(),
        scheme: "http".into(),
        host: received.host().to_owned().into(),
        path: received.path.clone().into(),
        query: texts(params.iter().filter(|(name, _)| name != "Signature")),
        headers: Vec::new(),
        body: Vec::new(),
    };
    let options = SignOptions {
        algorithm: Some(SignatureAlgorithm::RpcHmacSha1),
        timestamp,
        nonce: nonce.to_owned(),
    };
    let expected = opgate::sign(&request, &Credentials::access_key(id, secret), &options)
        .map_err(|error| incomplete(&error.to_string()))?;
    if !expected
        .signature
        .as_deref()
        .is_some_and(|expected| same(expected, signature))
    {
        return Err(mismatch(expected.string_to_sign.as_deref()));
    }
    Ok(Caller {
        access_key_id: id.to_owned(),
        algorithm: "HMAC-SHA1",
        nonce: Some(nonce.to_owned()),
    })
}

fn zenlayer_error(code: &str, message: impl Into<String>) -> ApiError {
    ApiError::new(401, code, message)
}

/// Checks a Zenlayer request: `ZC2-HMAC-SHA256` over `content-type;host` (what the SDKs and
/// opgate sign), or a configured bearer token.
pub fn zenlayer(received: &Received, config: &Config, wall: i64) -> Result<Caller, ApiError> {
    let Some(authorization) = received.header("authorization") else {
        return Err(zenlayer_error(
            "INVALID_AUTHORIZATION",
            "The Authorization header is missing.",
        ));
    };
    if let Some(token) = authorization.strip_prefix("Bearer ") {
        let known = config
            .credentials
            .zenlayer_bearer_tokens
            .iter()
            .any(|candidate| same(candidate, token.trim()));
        if !known {
            return Err(zenlayer_error(
                "INVALID_ACCESS_KEY_NOT_FOUND",
                "The bearer token is not valid.",
            ));
        }
        return Ok(Caller {
            access_key_id: "bearer".to_owned(),
            algorithm: "Bearer",
            nonce: None,
        });
    }
    let Some(rest) = authorization.strip_prefix(ZC2).and_then(|rest| rest.strip_prefix(' ')) else {
        return Err(zenlayer_error(
            "INVALID_AUTHORIZATION",
            "The Authorization header must be ZC2-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=… or Bearer <token>.",
        ));
    };
    let fields = authorization_fields(rest);
    let (Some(id), Some(signed_headers), Some(signature)) = (
        field(&fields, "Credential"),
        field(&fields, "SignedHeaders"),
        field(&fields, "Signature"),
    ) else {
        return Err(zenlayer_error(
            "INVALID_AUTHORIZATION",
            "Authorization needs Credential, SignedHeaders and Signature.",
        ));
    };
    if signed_headers != "content-type;host" {
        return Err(zenlayer_error(
            "INVALID_AUTHORIZATION",
            format!("SignedHeaders must be content-type;host; got {signed_headers}."),
        ));
    }
    let keys = config.credentials.zenlayer_keys();
    let password = keys
        .iter()
        .find(|key| key.access_key_id == id)
        .map(|key| key.access_key_password.as_str())
        .ok_or_else(|| zenlayer_error("INVALID_ACCESS_KEY_NOT_FOUND", "The access key id is not found."))?;
    let timestamp = received
        .header("x-zc-timestamp")
        .and_then(|text| text.trim().parse::<i64>().ok())
        .ok_or_else(|| zenlayer_error("INVALID_TIMESTAMP", "X-ZC-Timestamp must be the Unix time in seconds."))?;
    if (timestamp - wall).abs() > config.signature_window_seconds {
        return Err(zenlayer_error(
            "INVALID_TIMESTAMP",
            "The request timestamp is expired or too far in the future.",
        ));
    }
    let request = HttpRequest {
        method: received.method.clone().into(),
        scheme: "http".into(),
        host: received.host().to_owned().into(),
        path: received.path.clone().into(),
        query: Vec::new(),
        headers: texts(received.headers.iter().filter(|(name, _)| name != "authorization")),
        body: received.body.clone(),
    };
    let options = SignOptions {
        algorithm: Some(SignatureAlgorithm::Zc2HmacSha256),
        timestamp,
        nonce: String::new(),
    };
    let expected = opgate::sign(&request, &Credentials::access_key(id, password), &options)
        .map_err(|error| zenlayer_error("INVALID_AUTHORIZATION", error.to_string()))?;
    if !expected
        .signature
        .as_deref()
        .is_some_and(|expected| same(expected, signature))
    {
        return Err(zenlayer_error(
            "INVALID_SIGNATURE",
            "The request signature does not match.",
        ));
    }
    Ok(Caller {
        access_key_id: id.to_owned(),
        algorithm: ZC2,
        nonce: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn received_from(signed: &HttpRequest) -> Received {
        Received {
            method: signed.method.to_string(),
            path: signed.path.to_string(),
            query: signed
                .query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            headers: signed
                .headers
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
                .collect(),
            body: signed.body.clone(),
        }
    }

    fn signed(
        op: &str,
        params: serde_json::Value,
        algorithm: SignatureAlgorithm,
        secret: &str,
        timestamp: i64,
        nonce: &str,
    ) -> HttpRequest {
        let options = opgate::BuildOptions {
            endpoint: Some("http://127.0.0.1:9".to_owned()),
            region: Some("cn-hangzhou".to_owned()),
            ..opgate::BuildOptions::default()
        };
        let request = opgate::build(op, &params, &options).expect("builds");
        let id = if algorithm == SignatureAlgorithm::Zc2HmacSha256 {
            crate::config::DEFAULT_ZENLAYER_KEY.0
        } else {
            crate::config::DEFAULT_ALIBABA_KEY.0
        };
        let sign_options = SignOptions {
            algorithm: Some(algorithm),
            timestamp,
            nonce: nonce.to_owned(),
        };
        opgate::sign(&request, &Credentials::access_key(id, secret), &sign_options)
            .expect("signs")
            .request
    }

    #[test]
    fn every_scheme_accepts_opgates_signature_and_refuses_a_wrong_secret() {
        let config = Config::default();
        let wall = 1_767_323_045;
        let reboot = serde_json::json!({"InstanceId": "i-bp1h4adlltjc1d48goaq"});
        for algorithm in [SignatureAlgorithm::Acs3HmacSha256, SignatureAlgorithm::RpcHmacSha1] {
            let good = received_from(&signed(
                "ecs:RebootInstance",
                reboot.clone(),
                algorithm,
                crate::config::DEFAULT_ALIBABA_KEY.1,
                wall,
                "n-1",
            ));
            let caller = alibaba(&good, &good.query, &config, wall).expect("accepted");
            assert_eq!(caller.nonce.as_deref(), Some("n-1"));
            let bad = received_from(&signed(
                "ecs:RebootInstance",
                reboot.clone(),
                algorithm,
                "wrong",
                wall,
                "n-1",
            ));
            assert_eq!(
                alibaba(&bad, &bad.query, &config, wall).map_err(|e| (e.status, e.code)),
                Err((400, "SignatureDoesNotMatch".to_owned()))
            );
            let stale = received_from(&signed(
                "ecs:RebootInstance",
                reboot.clone(),
                algorithm,
                crate::config::DEFAULT_ALIBABA_KEY.1,
                wall - 3600,
                "n-2",
            ));
            assert_eq!(
                alibaba(&stale, &stale.query, &config, wall).map_err(|e| e.code),
                Err("InvalidTimeStamp.Expired".to_owned())
            );
        }
        let zec = serde_json::json!({"instanceIds": ["1660545330971680835"]});
        let good = received_from(&signed(
            "zec:RebootInstances",
            zec.clone(),
            SignatureAlgorithm::Zc2HmacSha256,
            crate::config::DEFAULT_ZENLAYER_KEY.1,
            wall,
            "",
        ));
        assert!(zenlayer(&good, &config, wall).is_ok());
        let mut tampered = good.clone();
        tampered.body = br#"{"instanceIds":["1660545330971680836"]}"#.to_vec();
        assert_eq!(
            zenlayer(&tampered, &config, wall).map_err(|e| e.code),
            Err("INVALID_SIGNATURE".to_owned())
        );
    }

    #[test]
    fn unknown_keys_and_missing_pieces_get_their_own_codes() {
        let config = Config::default();
        let wall = 1_767_323_045;
        let mut request = received_from(&signed(
            "ecs:RebootInstance",
            serde_json::json!({"InstanceId": "i-bp1h4adlltjc1d48goaq"}),
            SignatureAlgorithm::Acs3HmacSha256,
            "x",
            wall,
            "n",
        ));
        let authorization = request
            .header("authorization")
            .unwrap_or_default()
            .replace(crate::config::DEFAULT_ALIBABA_KEY.0, "LTAIunknown");
        request.headers.retain(|(name, _)| name != "authorization");
        request.headers.push(("authorization".to_owned(), authorization));
        assert_eq!(
            alibaba(&request, &[], &config, wall).map_err(|e| (e.status, e.code)),
            Err((404, "InvalidAccessKeyId.NotFound".to_owned()))
        );
        let unsigned = Received::default();
        assert_eq!(
            alibaba(&unsigned, &[], &config, wall).map_err(|e| e.code),
            Err("IncompleteSignature".to_owned())
        );
        assert_eq!(
            zenlayer(&unsigned, &config, wall).map_err(|e| (e.status, e.code)),
            Err((401, "INVALID_AUTHORIZATION".to_owned()))
        );
    }
}

//! The request value the wire layer hands out: plain data, no I/O, so every binding can send
//! it with whatever HTTP client it has.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::encode::encode_pairs;
use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result as CoreResult};
use crate::messages;
use crate::record::Record;

/// What a credential's value is replaced with wherever a request is shown rather than sent.
pub const REDACTED: &str = "<redacted>";
/// A redacted `Authorization: Bearer …` value.
const REDACTED_BEARER: &str = "Bearer <redacted>";

/// Headers whose whole value is a credential: the STS security token (ACS3 signing).
const SECRET_HEADERS: &[&str] = &["x-acs-security-token"];
/// Query parameters whose value is a credential: the STS security token (RPC signing).
const SECRET_QUERY: &[&str] = &["SecurityToken"];

/// A request's text: a constant of the spec (a method, a header name, an API version, …) is
/// borrowed, not copied, so that a request is built and signed with a handful of allocations;
/// text a caller or the clock gave is owned. Either way it reads as a `&str`.
pub type Text = Cow<'static, str>;

/// One HTTP request exactly as it must go on the wire; send it with any HTTP client.
///
/// Query parameters and headers keep their order (the SDKs' order), and are unencoded:
/// [`HttpRequest::url`] encodes them the way the signatures expect.
///
/// A signed request carries credentials (an STS token, a bearer token). The fields and the
/// serialized form hold them, because they are what is sent; `Debug`, and in Python `repr` and
/// `to_dict()` (unless `to_dict(include_secrets=True)`), show [`HttpRequest::redacted`] instead.
#[derive(Clone, PartialEq, Eq, Default, Record)]
#[record(
    computed(
        "The body as UTF-8 text (empty for Alibaba RPC requests)." body: String = body_lossy,
        "The body in base64, only for a body that is not UTF-8." body_base64?: Option<String> = body_base64,
        "`scheme://host/path?query`, the query percent-encoded as the signatures expect." url: String = url
    ),
    repr(method, url),
    secrets,
    python_stub = "@property
def content(self) -> bytes:
    \"\"\"The body as the bytes to send.\"\"\"
def header(self, name: str) -> str | None:
    \"\"\"The first header of that name, compared case-insensitively as HTTP does.\"\"\""
)]
pub struct HttpRequest {
    /// `GET` or `POST`.
    pub method: Text,
    /// `https` (or what an endpoint override gave).
    pub scheme: Text,
    pub host: Text,
    pub path: Text,
    /// Query parameters, unencoded, in wire order; `url` has them encoded.
    pub query: Vec<(Text, Text)>,
    /// Headers in wire order.
    pub headers: Vec<(Text, Text)>,
    /// The body's bytes; hosts see it as `body` (UTF-8 text) and, only when it is not UTF-8,
    /// `body_base64`.
    #[record(skip)]
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// A request as `build()` returned it and a host passed it back (its `to_dict()`), read
    /// as JSON: `InvalidParameter.Request` when it is not one, naming what is wrong without
    /// echoing a value from the request.
    pub fn from_json(value: Value) -> CoreResult<HttpRequest> {
        serde_json::from_value(value).map_err(|error| {
            // Never a value from the request: a signed request handed back holds tokens.
            let reason = crate::error::clip(&without_quoted_text(&error.to_string()));
            Error::Input(ErrorDetail::client(
                ClientCode::InvalidParameterRequest,
                messages::wire::not_a_request(&reason),
                Some("request".to_owned()),
            ))
        })
    }

    /// `scheme://host/path?query`, with the query percent-encoded per RFC 3986.
    pub fn url(&self) -> String {
        let mut url = format!("{}://{}{}", self.scheme, self.host, self.path);
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&encode_pairs(
                self.query.iter().map(|(key, value)| (key.as_ref(), value.as_ref())),
            ));
        }
        url
    }

    /// The first header of that name, compared case-insensitively as HTTP does.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_ref())
    }

    /// Replaces every header of that name (case-insensitively) with one value, keeping the
    /// position of the first; appends it when absent. Re-signing a signed request must not
    /// leave two dates or two signatures behind.
    pub fn set_header(&mut self, name: impl Into<Text>, value: impl Into<Text>) {
        let (name, value) = (name.into(), value.into());
        match self.headers.iter().position(|(key, _)| key.eq_ignore_ascii_case(&name)) {
            Some(first) => {
                if let Some(slot) = self.headers.get_mut(first) {
                    slot.1 = value;
                }
                let later = self.headers.get(first + 1..).unwrap_or_default();
                if !later.iter().any(|(key, _)| key.eq_ignore_ascii_case(&name)) {
                    return;
                }
                let mut index = 0;
                self.headers.retain(|(key, _)| {
                    let keep = index <= first || !key.eq_ignore_ascii_case(&name);
                    index += 1;
                    keep
                });
            }
            None => self.headers.push((name, value)),
        }
    }

    pub fn remove_header(&mut self, name: &str) {
        self.headers.retain(|(key, _)| !key.eq_ignore_ascii_case(name));
    }

    /// The first query parameter of that name (names are case-sensitive in query strings).
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_ref())
    }

    /// The body as text, when it is UTF-8 (always, for requests [`super::build`] makes).
    pub fn body_text(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
    }

    /// The body as UTF-8 text (empty for Alibaba RPC requests); invalid bytes become U+FFFD, and
    /// [`HttpRequest::body_base64`] then has the exact bytes.
    pub fn body_lossy(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body in base64, only when it is not UTF-8.
    pub fn body_base64(&self) -> Option<String> {
        match self.body_text() {
            Some(_) => None,
            None => Some(crate::wire::encode::base64(&self.body)),
        }
    }

    /// The request as it may be shown: the security token (header `x-acs-security-token`,
    /// query `SecurityToken`) and a bearer token (`Authorization: Bearer …`) replaced with
    /// [`REDACTED`]. Signatures and the AccessKey id stay: neither lets anyone sign.
    pub fn redacted(&self) -> HttpRequest {
        let mut shown = self.clone();
        for (name, value) in &mut shown.headers {
            if SECRET_HEADERS.iter().any(|secret| name.eq_ignore_ascii_case(secret)) {
                *value = Cow::Borrowed(REDACTED);
            } else if name.eq_ignore_ascii_case("authorization")
                && value
                    .get(..7)
                    .is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer "))
            {
                *value = Cow::Borrowed(REDACTED_BEARER);
            }
        }
        for (name, value) in &mut shown.query {
            if SECRET_QUERY.contains(&name.as_ref()) {
                *value = Cow::Borrowed(REDACTED);
            }
        }
        shown
    }

    /// The security token the request carries (header `x-acs-security-token` or query
    /// `SecurityToken`), if any.
    pub fn security_token(&self) -> Option<&str> {
        self.header("x-acs-security-token")
            .or_else(|| self.query_param("SecurityToken"))
    }
}

/// serde's messages quote offending strings (`invalid type: string "…", expected …`); each
/// quoted run, escapes included, becomes `"…"`.
fn without_quoted_text(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '"' {
            out.push('…');
            let mut escaped = false;
            for inner in chars.by_ref() {
                match (escaped, inner) {
                    (false, '\\') => escaped = true,
                    (false, '"') => break,
                    _ => escaped = false,
                }
            }
            out.push('"');
        }
    }
    out
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.redacted();
        f.debug_struct("HttpRequest")
            .field("method", &shown.method)
            .field("scheme", &shown.scheme)
            .field("host", &shown.host)
            .field("path", &shown.path)
            .field("query", &shown.query)
            .field("headers", &shown.headers)
            .field("body", &String::from_utf8_lossy(&shown.body))
            .finish()
    }
}

impl crate::record::Secrets for HttpRequest {
    fn shown(&self) -> HttpRequest {
        self.redacted()
    }
}

#[cfg(feature = "python")]
#[pyo3::pymethods]
impl PyHttpRequest {
    /// The body as the bytes to send.
    #[getter]
    fn get_content<'py>(&self, py: pyo3::Python<'py>) -> pyo3::Bound<'py, pyo3::types::PyBytes> {
        pyo3::types::PyBytes::new(py, &self.value.body)
    }

    /// The first header of that name, compared case-insensitively as HTTP does.
    fn header(&self, name: &str) -> Option<&str> {
        self.value.header(name)
    }
}

/// Serialized as `{method, scheme, host, path, query: [[k, v]…], headers: [[k, v]…], body,
/// url}`; `body` is the UTF-8 text, and `body_base64` appears only for a body that is not UTF-8.
impl Serialize for HttpRequest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            method: &'a str,
            scheme: &'a str,
            host: &'a str,
            path: &'a str,
            query: &'a [(Text, Text)],
            headers: &'a [(Text, Text)],
            body: std::borrow::Cow<'a, str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            body_base64: Option<String>,
            url: String,
        }
        let body_base64 = self.body_base64();
        Shape {
            method: &self.method,
            scheme: &self.scheme,
            host: &self.host,
            path: &self.path,
            query: &self.query,
            headers: &self.headers,
            body: String::from_utf8_lossy(&self.body),
            body_base64,
            url: self.url(),
        }
        .serialize(serializer)
    }
}

/// Accepts the serialized form back (bindings hand a built request to `sign`); `url` is
/// ignored because it is derived, and `body_base64`, when present, wins over `body`.
impl<'de> Deserialize<'de> for HttpRequest {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Shape {
            method: Text,
            #[serde(default = "https")]
            scheme: Text,
            host: Text,
            #[serde(default = "root")]
            path: Text,
            #[serde(default)]
            query: Vec<(Text, Text)>,
            #[serde(default)]
            headers: Vec<(Text, Text)>,
            #[serde(default)]
            body: String,
            #[serde(default)]
            body_base64: Option<String>,
        }
        fn https() -> Text {
            Cow::Borrowed("https")
        }
        fn root() -> Text {
            Cow::Borrowed("/")
        }
        let shape = Shape::deserialize(deserializer)?;
        let body = match shape.body_base64 {
            Some(encoded) => base64::engine::general_purpose::STANDARD
                .decode(encoded.as_bytes())
                .map_err(serde::de::Error::custom)?,
            None => shape.body.into_bytes(),
        };
        Ok(HttpRequest {
            method: shape.method,
            scheme: shape.scheme,
            host: shape.host,
            path: shape.path,
            query: shape.query,
            headers: shape.headers,
            body,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> HttpRequest {
        HttpRequest {
            method: "POST".into(),
            scheme: "https".into(),
            host: "ecs.cn-beijing.aliyuncs.com".into(),
            path: "/".into(),
            query: vec![
                ("InstanceId".into(), "i-a b*".into()),
                ("Tag.1.Key".into(), "杭州".into()),
            ],
            headers: vec![
                ("host".into(), "ecs.cn-beijing.aliyuncs.com".into()),
                ("X-Acs-Date".into(), "old".into()),
                ("x-acs-date".into(), "older".into()),
            ],
            body: Vec::new(),
        }
    }

    #[test]
    fn url_encodes_the_query_like_the_signature_does() {
        assert_eq!(
            sample().url(),
            "https://ecs.cn-beijing.aliyuncs.com/?InstanceId=i-a%20b%2A&Tag.1.Key=%E6%9D%AD%E5%B7%9E"
        );
    }

    #[test]
    fn set_header_replaces_every_case_variant_in_place() {
        let mut request = sample();
        request.set_header("x-acs-date", "new");
        assert_eq!(
            request.headers,
            vec![
                ("host".into(), "ecs.cn-beijing.aliyuncs.com".into()),
                ("X-Acs-Date".into(), "new".into())
            ] as Vec<(Text, Text)>
        );
        request.set_header("accept", "application/json");
        assert_eq!(request.header("ACCEPT"), Some("application/json"));
    }

    #[test]
    fn tokens_are_redacted_where_the_request_is_shown() {
        let mut request = sample();
        request.headers.push(("X-Acs-Security-Token".into(), "tok-A".into()));
        request.headers.push(("Authorization".into(), "bearer tok-B".into()));
        request.query.push(("SecurityToken".into(), "tok-C".into()));
        let shown = format!(
            "{request:?} {}",
            serde_json::to_string(&request.redacted()).unwrap_or_default()
        );
        for token in ["tok-A", "tok-B", "tok-C"] {
            assert!(!shown.contains(token), "{token} in {shown}");
        }
        assert!(
            shown.contains("SecurityToken=%3Credacted%3E") && shown.contains("Bearer <redacted>"),
            "{shown}"
        );
        let bad = serde_json::json!({"method": "POST", "host": "h", "headers": ["x-acs-security-token: tok-\"D"]});
        let error = HttpRequest::from_json(bad).expect_err("headers are pairs");
        let message = &error.details()[0].message.en;
        assert!(
            !message.contains("tok-") && message.contains("invalid type"),
            "{message}"
        );
    }

    #[test]
    fn serialized_form_round_trips_including_binary_bodies() {
        let mut request = sample();
        for body in [b"{\"a\":1}".to_vec(), vec![0xff, 0x00, 0xfe]] {
            request.body = body;
            let json = serde_json::to_value(&request).expect("serializable");
            let back: HttpRequest = serde_json::from_value(json).expect("deserializable");
            assert_eq!(back, request);
        }
    }
}

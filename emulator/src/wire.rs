//! HTTP-level pieces both dialects share: the request as received, percent-decoding, the
//! providers' success and error bodies (JSON, and XML for Alibaba's `Format=XML`), request ids.

use std::sync::atomic::{AtomicU64, Ordering};

use opgate::catalog::provider_errors;
use opgate::error::{ErrorDetail, RenderedError};
use opgate::spec::Provider;
use serde_json::{Map, Value};

/// Query strings and form bodies with more pairs than this are refused rather than parsed.
pub const MAX_PAIRS: usize = 2_000;

/// A request as it arrived; header names are lower-case, query pairs decoded, in order.
#[derive(Debug, Clone, Default)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The `Host` header the client sent (and signed); empty when absent.
    pub fn host(&self) -> &str {
        self.header("host").unwrap_or("")
    }
}

/// An error in the provider's own vocabulary: HTTP status, code, message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub code: String,
    pub message: String,
}

impl ApiError {
    pub fn new(status: u16, code: impl Into<String>, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code: code.into(),
            message: message.into(),
        }
    }

    /// A code from the core's provider-wide table (throttling, server faults, ...), with the
    /// table's status and message unless `message` replaces it.
    pub fn from_table(provider: Provider, code: &str, message: Option<String>) -> Self {
        match provider_errors(provider).iter().find(|entry| entry.code == code) {
            Some(entry) => ApiError::new(
                entry.http_status,
                code,
                message.unwrap_or_else(|| entry.message.en.to_string()),
            ),
            None => ApiError::new(400, code, message.unwrap_or_else(|| code.to_owned())),
        }
    }

    pub fn from_detail(detail: &ErrorDetail) -> Self {
        ApiError::new(detail.http_status, detail.code.clone(), detail.message.en.to_string())
    }

    pub fn from_rendered(error: &RenderedError) -> Self {
        ApiError::new(error.http_status, error.code.clone(), error.message.clone())
    }

    /// The first detail of a core error (every core error has one).
    pub fn from_core(error: &opgate::Error) -> Self {
        match error.primary() {
            Some(detail) => ApiError::from_detail(detail),
            None => ApiError::new(500, "InternalError", error.to_string()),
        }
    }
}

/// How the client expects its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialect {
    /// RPC style; `xml` when the request said `Format=XML`. `host` becomes the error's `HostId`
    /// and `product` its troubleshooting link.
    Alibaba {
        xml: bool,
        host: String,
        product: String,
    },
    Zenlayer,
}

/// A complete HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(status: u16, value: &Value) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".to_owned(), "application/json;charset=utf-8".to_owned())],
            body: serde_json::to_vec(value).unwrap_or_default(),
        }
    }
}

/// A successful call: the payload with the request id in the provider's place.
pub fn success(dialect: &Dialect, action: &str, request_id: &str, payload: Map<String, Value>) -> Reply {
    match dialect {
        Dialect::Alibaba { xml, .. } => {
            let mut body = Map::new();
            body.insert("RequestId".to_owned(), Value::from(request_id));
            body.extend(payload);
            let mut reply = if *xml {
                xml_reply(200, &format!("{action}Response"), &body)
            } else {
                Reply::json(200, &Value::Object(body))
            };
            reply
                .headers
                .push(("x-acs-request-id".to_owned(), request_id.to_owned()));
            reply
        }
        Dialect::Zenlayer => {
            let mut response = Map::new();
            response.insert("requestId".to_owned(), Value::from(request_id));
            response.extend(payload);
            let mut body = Map::new();
            body.insert("requestId".to_owned(), Value::from(request_id));
            body.insert("response".to_owned(), Value::Object(response));
            Reply::json(200, &Value::Object(body))
        }
    }
}

/// An error in the provider's form: Alibaba `{RequestId, HostId, Code, Message, Recommend}`
/// (<https://help.aliyun.com/document_detail/48054.html>; the `Recommend` link as the live API
/// sends it, e.g. <https://github.com/aliyun/aliyun-cli/pull/415>), Zenlayer `{requestId, code,
/// message}` (<https://docs.console.zenlayer.com/api-reference/api-introduction/instruction/response>).
pub fn failure(dialect: &Dialect, request_id: &str, error: &ApiError) -> Reply {
    match dialect {
        Dialect::Alibaba { xml, host, product } => {
            let mut body = Map::new();
            body.insert("RequestId".to_owned(), Value::from(request_id));
            body.insert("HostId".to_owned(), Value::from(host.as_str()));
            body.insert("Code".to_owned(), Value::from(error.code.as_str()));
            body.insert("Message".to_owned(), Value::from(error.message.as_str()));
            body.insert(
                "Recommend".to_owned(),
                Value::from(format!(
                    "https://troubleshoot.api.aliyun.com?q={}&product={}",
                    opgate::wire::percent_encode(&error.code),
                    opgate::wire::percent_encode(product)
                )),
            );
            let mut reply = if *xml {
                xml_reply(error.status, "Error", &body)
            } else {
                Reply::json(error.status, &Value::Object(body))
            };
            reply
                .headers
                .push(("x-acs-request-id".to_owned(), request_id.to_owned()));
            reply
        }
        Dialect::Zenlayer => {
            let mut body = Map::new();
            body.insert("requestId".to_owned(), Value::from(request_id));
            body.insert("code".to_owned(), Value::from(error.code.as_str()));
            body.insert("message".to_owned(), Value::from(error.message.as_str()));
            Reply::json(error.status, &Value::Object(body))
        }
    }
}

/// `text/xml;charset=utf-8` is the content type the tea SDKs look for before reading an XML error.
fn xml_reply(status: u16, root: &str, body: &Map<String, Value>) -> Reply {
    let mut text = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    write_element(&mut text, root, &Value::Object(body.clone()));
    Reply {
        status,
        headers: vec![("content-type".to_owned(), "text/xml;charset=utf-8".to_owned())],
        body: text.into_bytes(),
    }
}

/// Alibaba's XML form of a JSON body: objects become child elements, a list repeats its
/// element (`{"Instances": {"Instance": [a, b]}}` is `<Instances><Instance>a</Instance>
/// <Instance>b</Instance></Instances>`), scalars become text. Keys that are not plain XML
/// names (only a hand-edited fleet can have them) are left out rather than emitted broken.
fn write_element(out: &mut String, name: &str, value: &Value) {
    if !is_xml_name(name) {
        return;
    }
    match value {
        Value::Null => {}
        Value::Array(items) => {
            for item in items {
                write_element(out, name, item);
            }
        }
        Value::Object(fields) => {
            out.push('<');
            out.push_str(name);
            out.push('>');
            for (key, field) in fields {
                write_element(out, key, field);
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        scalar => {
            out.push('<');
            out.push_str(name);
            out.push('>');
            let text = match scalar {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            escape_xml(out, &text);
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }
}

fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(first) if first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

fn escape_xml(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry most control characters at all, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
}

/// Splits `a=1&b=2` into decoded pairs. `+` is a space (form encoding; the SDKs write spaces
/// as `%20`, so both read the same). `None` for a bad `%` escape, text that is not UTF-8, or
/// more than [`MAX_PAIRS`] pairs.
pub fn parse_pairs(text: &str) -> Option<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    for part in text.split('&').filter(|part| !part.is_empty()) {
        if pairs.len() >= MAX_PAIRS {
            return None;
        }
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        pairs.push((percent_decode(key)?, percent_decode(value)?));
    }
    Some(pairs)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'%' => {
                let high = hex_value(*bytes.get(index + 1)?)?;
                let low = hex_value(*bytes.get(index + 2)?)?;
                out.push(high << 4 | low);
                index += 3;
            }
            b'+' => {
                out.push(b' ');
                index += 1;
            }
            other => {
                out.push(other);
                index += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// Request ids in each provider's shape: Alibaba `4C467B38-3910-447D-87BC-AC049166F216`,
/// Zenlayer the same with a `T` in front. Unique per process; not secret.
#[derive(Debug)]
pub struct RequestIds {
    counter: AtomicU64,
    seed: u64,
}

impl RequestIds {
    pub fn new(seed: u64) -> Self {
        RequestIds {
            counter: AtomicU64::new(0),
            seed,
        }
    }

    pub fn next(&self, provider: Provider) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let high = mix(self.seed ^ n);
        let low = mix(high ^ n.rotate_left(32));
        let id = format!(
            "{:08X}-{:04X}-{:04X}-{:04X}-{:012X}",
            high >> 32,
            (high >> 16) & 0xffff,
            high & 0xffff,
            low >> 48,
            low & 0xffff_ffff_ffff
        );
        match provider {
            Provider::Alibaba => id,
            Provider::Zenlayer => format!("T{id}"),
        }
    }
}

/// splitmix64's finaliser: spreads a counter over 64 bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pairs_decode_percent_and_plus_and_refuse_bad_escapes() {
        assert_eq!(
            parse_pairs("a=1&b=x%20y+z&c=%E6%9D%AD&d").expect("valid"),
            vec![
                ("a".to_owned(), "1".to_owned()),
                ("b".to_owned(), "x y z".to_owned()),
                ("c".to_owned(), "杭".to_owned()),
                ("d".to_owned(), String::new())
            ]
        );
        for bad in ["a=%zz", "a=%4", "a=%ff%fe", "%"] {
            assert!(parse_pairs(bad).is_none(), "{bad}");
        }
        assert!(parse_pairs(&"a=1&".repeat(MAX_PAIRS + 1)).is_none());
    }

    #[test]
    fn xml_repeats_list_elements_and_escapes_text() {
        let body = json!({"RequestId": "R", "Instances": {"Instance": [{"InstanceId": "i-1", "Name": "a<b"}, {"InstanceId": "i-2"}]}, "Empty": [], "bad key": 1});
        let Value::Object(map) = body else { unreachable!() };
        let reply = xml_reply(200, "DescribeInstancesResponse", &map);
        let text = String::from_utf8(reply.body).expect("utf-8");
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeInstancesResponse><RequestId>R</RequestId><Instances><Instance><InstanceId>i-1</InstanceId><Name>a&lt;b</Name></Instance><Instance><InstanceId>i-2</InstanceId></Instance></Instances></DescribeInstancesResponse>"
        );
    }

    #[test]
    fn request_ids_are_unique_and_shaped_like_the_providers() {
        let ids = RequestIds::new(42);
        let a = ids.next(Provider::Alibaba);
        let b = ids.next(Provider::Alibaba);
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
        assert!(ids.next(Provider::Zenlayer).starts_with('T'));
    }
}

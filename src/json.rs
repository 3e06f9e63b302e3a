//! JSON text read and written for the core.
//!
//! Parsing stays `serde_json::from_str`, apart from the glue's `from_slice` of its projections
//! and arguments. One parser instance for both was measured at -1.7 KB gzip but made the glue's
//! hot reads slower (pre-checks 1.5%, build() 3%; the shared copy is apparently the one
//! compiled with the core, at opt-level "z"), so the module keeps two.

use serde_json::Value;

/// `text` parsed as one JSON value, as `serde_json::from_str` parses it.
pub(crate) fn parse(text: &str) -> serde_json::Result<Value> {
    serde_json::from_str(text)
}

/// `value` as compact JSON text, as its `Display` writes it, by the one JSON writer the module
/// holds for `Value`s (`serde_json::to_vec`'s, which the glue and the request body use too).
pub(crate) fn write(value: &Value) -> String {
    // Serializing a `Value` to memory cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

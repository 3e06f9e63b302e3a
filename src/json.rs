//! JSON text read with one parser instance for the whole WebAssembly module.
//!
//! serde_json's parser is generic over its input: `from_str` and `from_slice` are two copies
//! of it. The wasm glue reads its projections with `from_slice`, so the core's JSON texts are
//! read the same way (-5 KB raw in the module). A `&str` is valid UTF-8 already: the slice
//! reader gives the same values and the same errors for it.

use serde_json::Value;

/// `text` parsed as one JSON value, as `serde_json::from_str` parses it.
pub(crate) fn parse(text: &str) -> serde_json::Result<Value> {
    serde_json::from_slice(text.as_bytes())
}

/// `value` as compact JSON text, as its `Display` writes it, by the one JSON writer the module
/// holds for `Value`s (`serde_json::to_vec`'s, which the glue and the request body use too).
pub(crate) fn write(value: &Value) -> String {
    // Serializing a `Value` to memory cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

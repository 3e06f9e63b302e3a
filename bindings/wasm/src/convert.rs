//! JS values to `serde_json::Value` and back.
//!
//! Inbound: a hand-written walk with limits (nesting depth, total size), so a cyclic or hostile
//! object becomes an `InvalidParameter` error with the path of the offending value, never a
//! wasm stack overflow (which would kill the module for the whole page).
//!
//! Outbound: results are turned into JSON values, their snake_case keys camelCased, and handed
//! to `serde_wasm_bindgen`'s JSON-compatible serializer (plain objects, `null` for `None`).

use js_sys::{Array, ArrayBuffer, Date, Map, Reflect, Set};
use opgate::error::clip;
use opgate::input::{check_depth, PathStep as Step, Unconvertible as Problem};
use opgate::{text, Error, ErrorDetail};
use serde::Serialize;
use serde_json::{Map as JsonMap, Number, Value};
use wasm_bindgen::prelude::*;

// Every call below that can run user code (a Proxy trap, a getter) catches: an exception that
// unwinds through wasm frames would skip Rust's epilogues and leave the module's shadow stack
// corrupt. `instanceof` shims are already wrapped in try/catch by wasm-bindgen, and `typeof`
// checks run no user code.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
}

/// Values (scalars and containers) one argument may hold; stops objects that share children
/// from expanding exponentially. A 10,000-instance Describe response is far below it.
pub const MAX_NODES: usize = 2_000_000;

/// JavaScript numbers are exact integers up to 2^53.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// How the path of a bad value is written: request parameters as the core writes them
/// (`ResourcePeriod[0].Period`), everything else under the argument's name (`resources[3].Status`).
#[derive(Clone, Copy)]
pub enum Root<'a> {
    Params,
    Arg(&'a str),
    /// The options object: each option is named by itself (`context.acs:SourceIp`, `intBounds[0]`).
    Options,
}

impl<'a> Root<'a> {
    /// The path prefix, and the name of the value itself.
    fn names(self) -> (&'a str, &'a str) {
        match self {
            Root::Params => ("", "params"),
            Root::Options => ("", "options"),
            Root::Arg(name) => (name, "params"),
        }
    }
}

/// Converts `value` to JSON; `root` names it in error paths. Errors are `Validation` errors with
/// code `InvalidParameter`, as in the Python binding.
pub fn to_value(value: &JsValue, root: Root<'_>) -> Result<Value, Error> {
    let mut budget = MAX_NODES;
    let (prefix, whole) = root.names();
    convert(value, 0, &mut budget).map_err(|problem| problem.into_error(prefix, whole))
}

fn unsupported(kind: &str) -> Problem {
    Problem::unsupported_type(
        kind,
        "plain objects, arrays, strings, numbers, booleans or null",
        "普通对象、数组、字符串、数字、布尔值或 null",
    )
}

fn number(float: f64) -> Result<Value, Problem> {
    if !float.is_finite() {
        return Err(Problem::not_finite(&float.to_string()));
    }
    // JavaScript cannot tell 1 from 1.0: exact integers travel as integers.
    if float.fract() == 0.0 && float.abs() <= MAX_SAFE_INTEGER {
        return Ok(Value::from(float as i64));
    }
    Number::from_f64(float).map(Value::Number).ok_or_else(|| unsupported("number"))
}

fn convert(value: &JsValue, depth: usize, budget: &mut usize) -> Result<Value, Problem> {
    if *budget == 0 {
        return Err(Problem::new(
            format!("The value at \"{{field}}\" holds more than {MAX_NODES} values."),
            format!("\"{{field}}\" 处的值包含超过 {MAX_NODES} 个元素。"),
        ));
    }
    *budget -= 1;
    // The common cases first: each check is a call into JS.
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if !value.is_object() {
        if value.is_null() || value.is_undefined() {
            return Ok(Value::Null);
        }
        if let Some(float) = value.as_f64() {
            return number(float);
        }
        if let Some(flag) = value.as_bool() {
            return Ok(Value::Bool(flag));
        }
        if value.is_bigint() {
            if let Ok(int) = i64::try_from(value.clone()) {
                return Ok(Value::from(int));
            }
            if let Ok(int) = u64::try_from(value.clone()) {
                return Ok(Value::from(int));
            }
            return Err(Problem::new(
                "The integer at \"{field}\" is outside the 64-bit range.".to_owned(),
                "\"{field}\" 处的整数超出 64 位范围。".to_owned(),
            ));
        }
        if value.is_function() {
            return Err(unsupported("function"));
        }
        if value.is_symbol() {
            return Err(unsupported("symbol"));
        }
        return Err(unsupported("unknown"));
    }
    check_depth(depth)?;
    let unreadable = || {
        Problem::new(
            "The value at \"{field}\" could not be read.".to_owned(),
            "无法读取 \"{field}\" 处的值。".to_owned(),
        )
    };
    if is_array(value).map_err(|_| unreadable())? {
        let length = Reflect::get(value, &JsValue::from_str("length"))
            .map_err(|_| unreadable())?
            .as_f64()
            .unwrap_or(0.0);
        // An array's length is at most 2^32 - 1.
        let length = if length.is_finite() && length > 0.0 {
            length.min(u32::MAX as f64) as u32
        } else {
            0
        };
        let mut items = Vec::with_capacity((length as usize).min(*budget));
        for index in 0..length {
            let at = |problem: Problem| problem.at(Step::Index(index as usize));
            let item = Reflect::get_u32(value, index).map_err(|_| at(unreadable()))?;
            items.push(convert(&item, depth + 1, budget).map_err(at)?);
        }
        return Ok(Value::Array(items));
    }
    for (is, kind) in [
        (value.is_instance_of::<Map>(), "Map"),
        (value.is_instance_of::<Set>(), "Set"),
        (value.is_instance_of::<Date>(), "Date"),
        (value.is_instance_of::<ArrayBuffer>() || ArrayBuffer::is_view(value), "binary data"),
    ] {
        if is {
            return Err(unsupported(kind));
        }
    }
    let keys = object_keys(value).map_err(|_| unreadable())?;
    let mut map = JsonMap::new();
    for key in keys.iter() {
        let Some(name) = key.as_string() else { continue };
        let at = |problem: Problem| problem.at(Step::Key(clip(&name)));
        let item = Reflect::get(value, &key).map_err(|_| at(unreadable()))?;
        // As JSON.stringify does: a property set to undefined is absent.
        if item.is_undefined() {
            continue;
        }
        let converted = convert(&item, depth + 1, budget).map_err(at)?;
        map.insert(name, converted);
    }
    Ok(Value::Object(map))
}

/// `snake_case` → `camelCase` for keys of our own result structures. Provider data keys
/// (`InstanceId`, `instanceIdSet`, `x-acs-date`, `acs:SourceIp`) never match the pattern
/// `^[a-z][a-z0-9]*(_[a-z0-9]+)+$`, so they pass unchanged.
pub fn camel_key(key: &str) -> Option<String> {
    let bytes = key.as_bytes();
    let first_ok = bytes.first().is_some_and(u8::is_ascii_lowercase);
    let chars_ok = bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_');
    let parts_ok = key.split('_').all(|part| !part.is_empty());
    if !(first_ok && chars_ok && parts_ok && key.contains('_')) {
        return None;
    }
    let mut out = String::with_capacity(key.len());
    for (index, part) in key.split('_').enumerate() {
        if index == 0 {
            out.push_str(part);
        } else {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    Some(out)
}

/// Renames keys as [`camel_key`] says, and turns integers JavaScript cannot hold exactly into
/// floats (what `JSON.parse` would give) so serialization cannot fail on them.
fn to_js_shape(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.into_iter().map(|(key, item)| (camel_key(&key).unwrap_or(key), to_js_shape(item))).collect()),
        Value::Array(items) => Value::Array(items.into_iter().map(to_js_shape).collect()),
        Value::Number(number)
            if number.as_i64().is_some_and(|i| i.unsigned_abs() > MAX_SAFE_INTEGER as u64) || number.as_u64().is_some_and(|u| u > MAX_SAFE_INTEGER as u64) =>
        {
            number.as_f64().and_then(Number::from_f64).map(Value::Number).unwrap_or(Value::Null)
        }
        other => other,
    }
}

/// Any serializable result as plain JS data with camelCase keys.
pub fn to_js<T: Serialize>(result: &T) -> Result<JsValue, Error> {
    let value = serde_json::to_value(result).map_err(internal)?;
    plain(&to_js_shape(value))
}

/// A JSON value as plain JS data, keys unchanged.
pub fn plain(value: &Value) -> Result<JsValue, Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(internal)
}

fn internal(error: impl std::fmt::Display) -> Error {
    let shown = clip(&error.to_string());
    Error::Input(ErrorDetail {
        code: "InternalError".to_owned(),
        http_status: 500,
        message: text!(
            format!("The result could not be converted to JavaScript: {shown}."),
            format!("结果无法转换为 JavaScript 值：{shown}。")
        ),
        field: None,
        retryable: false,
    })
}

#[cfg(test)]
mod tests {
    use super::camel_key;

    #[test]
    fn camel_keys() {
        assert_eq!(camel_key("dry_run").as_deref(), Some("dryRun"));
        assert_eq!(camel_key("http_status").as_deref(), Some("httpStatus"));
        assert_eq!(camel_key("initial_delay_seconds").as_deref(), Some("initialDelaySeconds"));
        assert_eq!(camel_key("policy_2_index").as_deref(), Some("policy2Index"));
        for unchanged in [
            "InstanceId",
            "instanceIds",
            "x-acs-date",
            "acs:SourceIp",
            "id",
            "_x",
            "x_",
            "a__b",
            "Dry_Run",
            "a_B",
        ] {
            assert_eq!(camel_key(unchanged), None, "{unchanged}");
        }
    }
}

//! JS values as the core's [`HostValue`], and results back to plain JS data.
//!
//! Inbound: classification and child access only; what a value must be, the limits and every
//! error message live in `opgate::host`. Every call that can run user code (a Proxy trap, a
//! getter) catches: an exception that unwinds through wasm frames would skip Rust's epilogues
//! and leave the module's shadow stack corrupt.
//!
//! Outbound: results are written as a tape ([`crate::tape`]) with their snake_case keys
//! camelCased as they are written, and the JS wrapper reads it back (`js/src/tape.js`: plain
//! objects, `null` for `None`): one crossing per call instead of one per property.

use std::borrow::Cow;

use js_sys::{Array, ArrayBuffer, Date, JsString, Map, Reflect, Set, Uint8Array};
use opgate::host::limits::{MAX_BYTES, MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES};
use opgate::host::{unconvertible_result, HostKind, HostValue, Kind, Problem};
use opgate::Error;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
}

/// A call's arguments (at most three) as the JSON text of their list, when each is plain
/// data: one crossing and one parse instead of several per field. The core then reads the
/// parsed text through the same [`HostValue`] contract, so the answer, every error and its
/// path included, is the one the live values give; when any argument is not plain data (a
/// `Map`, a class instance, a BigInt, a fraction, a getter that throws, a lone surrogate, which
/// the JSON text escapes and the parser refuses), all are read live.
pub fn plain_json<const N: usize>(values: &[JsValue; N]) -> Option<String> {
    const { assert!(N <= 3, "the plain-data snippet copies at most three arguments") };
    let limit = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let undefined = JsValue::UNDEFINED;
    let at = |index: usize| values.get(index).unwrap_or(&undefined);
    crate::projection::opgate_plain_json(
        limit(N),
        at(0),
        at(1),
        at(2),
        limit(MAX_LIST_ITEMS),
        limit(MAX_NODES),
        limit(MAX_BYTES),
        limit(MAX_DEPTH),
    )
}

/// JavaScript numbers are exact integers up to 2^53.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A JS value the core reads.
#[derive(Clone)]
pub struct Js(pub JsValue);

thread_local! {
    /// The core's keys as JS strings, made once each: the core passes `&'static str`s only, so
    /// a key's address and length name it. Cheaper per lookup than `wasm_bindgen::intern`,
    /// which hashes the text every time.
    static KEYS: std::cell::RefCell<Vec<(usize, usize, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn key(name: &'static str) -> JsValue {
    let address = (name.as_ptr() as usize, name.len());
    KEYS.with(|keys| {
        let Ok(mut keys) = keys.try_borrow_mut() else {
            return JsValue::from_str(name);
        };
        if let Some((_, _, known)) = keys.iter().find(|(at, len, _)| (*at, *len) == address) {
            return known.clone();
        }
        let made = JsValue::from_str(name);
        keys.push((address.0, address.1, made.clone()));
        made
    })
}

fn text(value: &JsValue) -> Result<Kind<'static>, Problem> {
    let string: &JsString = value.unchecked_ref();
    // UTF-8 takes at least one byte per UTF-16 unit: refuse before copying into wasm memory.
    if string.length() as usize > MAX_BYTES {
        return Err(Problem::TooLarge);
    }
    let copied = value.as_string().unwrap_or_default();
    // The copy turns lone surrogates into U+FFFD silently; only then is the slow check needed.
    if opgate::lang::contains(&copied, "\u{FFFD}") && !string.is_valid_utf16() {
        return Err(Problem::InvalidUnicode);
    }
    Ok(Kind::Str(Cow::Owned(copied)))
}

fn number(float: f64) -> Result<Kind<'static>, Problem> {
    if !float.is_finite() {
        return Err(Problem::NotFinite(float));
    }
    // JavaScript cannot tell 1 from 1.0: exact integers travel as integers.
    if float.fract() == 0.0 && float.abs() <= MAX_SAFE_INTEGER {
        return Ok(Kind::Int(float as i64));
    }
    Ok(Kind::Float(float))
}

impl HostValue for Js {
    const HOST: HostKind = HostKind::JavaScript;

    fn kind(&self) -> Result<Kind<'_>, Problem> {
        let value = &self.0;
        if value.is_string() {
            return text(value);
        }
        if !value.is_object() {
            if value.is_null() || value.is_undefined() {
                return Ok(Kind::Null);
            }
            if let Some(float) = value.as_f64() {
                return number(float);
            }
            if let Some(flag) = value.as_bool() {
                return Ok(Kind::Bool(flag));
            }
            if value.is_bigint() {
                if let Ok(int) = i64::try_from(value.clone()) {
                    return Ok(Kind::Int(int));
                }
                if let Ok(uint) = u64::try_from(value.clone()) {
                    return Ok(Kind::UInt(uint));
                }
                return Err(Problem::IntegerOutOfRange);
            }
            let kind = if value.is_function() {
                "function"
            } else if value.is_symbol() {
                "symbol"
            } else {
                "unknown"
            };
            return Err(Problem::UnsupportedType(kind.to_owned()));
        }
        if is_array(value).map_err(|_| Problem::Unreadable)? {
            return Ok(Kind::List);
        }
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            if bytes.length() as usize > MAX_BYTES {
                return Err(Problem::TooLarge);
            }
            return Ok(Kind::Bytes(Cow::Owned(bytes.to_vec())));
        }
        for (is, kind) in [
            (value.is_instance_of::<Map>(), "Map"),
            (value.is_instance_of::<Set>(), "Set"),
            (value.is_instance_of::<Date>(), "Date"),
            (
                value.is_instance_of::<ArrayBuffer>() || ArrayBuffer::is_view(value),
                "binary data",
            ),
        ] {
            if is {
                return Err(Problem::UnsupportedType(kind.to_owned()));
            }
        }
        Ok(Kind::Map)
    }

    fn field(&self, name: &'static str) -> Result<Option<Self>, Problem> {
        if !self.0.is_object() {
            return Ok(None);
        }
        let found = Reflect::get(&self.0, &key(name)).map_err(|_| Problem::Unreadable)?;
        Ok((!found.is_undefined()).then_some(Js(found)))
    }

    fn list_len(&self) -> Result<usize, Problem> {
        let length = Reflect::get(&self.0, &key("length"))
            .map_err(|_| Problem::Unreadable)?
            .as_f64()
            .unwrap_or(0.0);
        // An array's length is at most 2^32 - 1; a Proxy may claim anything.
        Ok(if length.is_finite() && length > 0.0 {
            length.min(u32::MAX as f64) as usize
        } else {
            0
        })
    }

    fn list_item(&self, index: usize) -> Result<Self, Problem> {
        let index = u32::try_from(index).map_err(|_| Problem::Unreadable)?;
        Reflect::get_u32(&self.0, index)
            .map(Js)
            .map_err(|_| Problem::Unreadable)
    }

    fn for_each_entry<E>(
        &self,
        mut visit: impl FnMut(&str, Self) -> Result<(), E>,
        problem: impl Fn(Problem, Option<&str>) -> E,
    ) -> Result<(), E> {
        let keys = object_keys(&self.0).map_err(|_| problem(Problem::Unreadable, None))?;
        for key in keys.iter() {
            let Some(name) = key.as_string() else { continue };
            let item = Reflect::get(&self.0, &key).map_err(|_| problem(Problem::Unreadable, Some(&name)))?;
            // As JSON.stringify does: a property set to undefined is absent.
            if item.is_undefined() {
                continue;
            }
            visit(&name, Js(item))?;
        }
        Ok(())
    }
}

/// `tag` then `value` as a tape ([`crate::tape`]), the value's keys camelCased when `camel`
/// says so. The JS wrapper reads it back in one pass (`js/src/tape.js`): far cheaper than
/// building the objects from wasm one property at a time.
fn envelope_text<T: Serialize + ?Sized>(tag: char, value: &T, camel: bool) -> Result<String, Error> {
    let mut out = envelope_open(tag);
    crate::tape::write(&mut out, value, camel).map_err(unwritable)?;
    Ok(out)
}

// Out of line, these two: one copy for all the result types instead of one in each.

/// The envelope's tag, with room for a small result.
#[inline(never)]
fn envelope_open(tag: char) -> String {
    let mut out = String::with_capacity(512);
    out.push(tag);
    out
}

#[inline(never)]
fn unwritable(error: crate::tape::Unwritable) -> Error {
    unconvertible_result(&error.to_string())
}

/// A result as the envelope `O` + result, keys camelCased.
pub fn ok_text<T: Serialize + ?Sized>(result: &T) -> Result<String, Error> {
    envelope_text('O', result, true)
}

/// A rendered error as the envelope `E` + report, keys unchanged (the conformance vectors
/// compare the core's snake_case keys).
pub fn error_text<T: Serialize + ?Sized>(report: &T) -> String {
    envelope_text('E', report, false).unwrap_or_else(|_| String::from("En"))
}

/// A JSON value as plain JS data, keys unchanged.
pub fn plain(value: &Value) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value).map_err(|e| unconvertible_result(&e.to_string()))?;
    // The text is serde_json's own, so the parse cannot fail; if it did, the JS error says why.
    js_sys::JSON::parse(&text)
        .map_err(|error| unconvertible_result(&String::from(error.unchecked_into::<js_sys::Error>().to_string())))
}

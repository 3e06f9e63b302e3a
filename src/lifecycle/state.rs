//! Persisted waiter states and plans read back from JSON by hand, exactly as serde's derive reads
//! them through `serde_json::from_value`: the same value for every input, and for a bad one
//! serde_json's own error text, word for word (the reason the waiter and plan messages quote).
//!
//! Why by hand: the derived readers, monomorphised over `serde_json::Value` with serde's float
//! formatting behind their error text, were 49 KB of the WebAssembly module's 605 KB (16 KB of
//! its 232 KB gzip); these are a few functions that take `&Value`. The derives stay on the types
//! (Rust users deserialize them) and are the reference the tests compare these readers with.
//!
//! What serde does, and so what is done here:
//! - a struct reads from an object (fields by name, in the object's order, each read when met;
//!   unknown keys skipped; then the first missing field in declaration order is reported) or
//!   from an array (fields by position; an array that is too short or too long is refused);
//! - an `Option` is `None` for `null`, and for a key left out of an object (not for an array that
//!   ends early, unless the field has `#[serde(default)]`);
//! - a unit enum reads from its variant name, or from `{"<variant>": null}`.

use serde_json::{Map, Value};

/// The reading, or serde_json's message for why it failed.
pub(super) type Read<T> = std::result::Result<T, String>;

/// `value` as serde names what it did not expect (`serde::de::Unexpected`, as serde_json
/// writes it: `null` for unit, floats in their shortest round-trip form).
fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("boolean `{flag}`"),
        Value::Number(number) if number.is_f64() => format!("floating point `{number}`"),
        Value::Number(number) => format!("integer `{number}`"),
        Value::String(text) => format!("string {text:?}"),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

fn invalid_type(value: &Value, expected: &str) -> String {
    format!("invalid type: {}, expected {expected}", unexpected(value))
}

pub(super) fn string(value: &Value) -> Read<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(invalid_type(other, "a string")),
    }
}

pub(super) fn boolean(value: &Value) -> Read<bool> {
    match value {
        Value::Bool(flag) => Ok(*flag),
        other => Err(invalid_type(other, "a boolean")),
    }
}

/// An integer within `min..=max`, named `expected` (`u32`, `i64`) in the error, as serde's
/// integer visitors read it: a float is the wrong type, an integer out of range the wrong value.
fn integer(value: &Value, expected: &str, min: i64, max: i64) -> Read<i64> {
    let Value::Number(number) = value else {
        return Err(invalid_type(value, expected));
    };
    let in_range = if let Some(unsigned) = number.as_u64() {
        i64::try_from(unsigned).ok().filter(|int| *int <= max)
    } else if let Some(signed) = number.as_i64() {
        Some(signed).filter(|int| *int >= min)
    } else {
        return Err(invalid_type(value, expected));
    };
    in_range.ok_or_else(|| format!("invalid value: integer `{number}`, expected {expected}"))
}

pub(super) fn uint32(value: &Value) -> Read<u32> {
    integer(value, "u32", 0, i64::from(u32::MAX)).map(|int| u32::try_from(int).unwrap_or(u32::MAX))
}

pub(super) fn int64(value: &Value) -> Read<i64> {
    integer(value, "i64", i64::MIN, i64::MAX)
}

pub(super) fn object(value: &Value) -> Read<Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map.clone()),
        other => Err(invalid_type(other, "a map")),
    }
}

pub(super) fn option<T>(value: &Value, read: fn(&Value) -> Read<T>) -> Read<Option<T>> {
    match value {
        Value::Null => Ok(None),
        other => read(other).map(Some),
    }
}

pub(super) fn list<T>(value: &Value, read: fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    match value {
        Value::Array(items) => crate::lists::read_items(items, |_, item| read(item)),
        other => Err(invalid_type(other, "a sequence")),
    }
}

/// A unit variant, from its serialized name or `{"<name>": null}` (`variants` pairs each name
/// with its value, in declaration order).
pub(super) fn unit_enum<T: Copy>(value: &Value, variants: &[(&str, T)]) -> Read<T> {
    let (name, content) = enum_parts(value)?;
    let Some((_, found)) = variants.iter().find(|(known, _)| *known == name) else {
        return Err(unknown_variant(name, &mut variants.iter().map(|(known, _)| *known)));
    };
    match content {
        Some(Value::Null) | None => Ok(*found),
        Some(other) => Err(invalid_type(other, "unit")),
    }
}

/// An enum's variant name and, in the object form, its content.
fn enum_parts(value: &Value) -> Read<(&str, Option<&Value>)> {
    match value {
        Value::String(name) => Ok((name, None)),
        Value::Object(map) => {
            let mut entries = map.iter();
            match (entries.next(), entries.next()) {
                (Some((name, content)), None) => Ok((name, Some(content))),
                _ => Err("invalid value: map, expected map with a single key".to_owned()),
            }
        }
        other => Err(invalid_type(other, "string or map")),
    }
}

fn unknown_variant(name: &str, variants: &mut dyn Iterator<Item = &str>) -> String {
    let mut quoted = Vec::new();
    for known in variants {
        quoted.push(format!("`{known}`"));
    }
    let expected = match quoted.as_slice() {
        [] => return format!("unknown variant `{name}`, there are no variants"),
        [one] => one.clone(),
        [first, second] => format!("{first} or {second}"),
        all => format!("one of {}", crate::lang::join(all, ", ")),
    };
    format!("unknown variant `{name}`, expected {expected}")
}

/// An operation id read back as the catalog's own (`crate::catalog::deserialize_id`).
pub(super) fn operation_id(value: &Value) -> Read<&'static str> {
    let id = string(value)?;
    crate::catalog::operation(&id)
        .map(|spec| spec.id)
        .map_err(|_| format!("unknown operation {:?}", crate::error::clip(&id)))
}

/// What serde's derive does with a field the input leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Absent {
    /// Refused: `missing field`, or an array too short.
    Refused,
    /// An `Option`: `None` when an object leaves it out, refused when an array ends before it.
    NoneFromObject,
    /// `#[serde(default)]`: the default either way.
    Default,
}

/// A struct as serde's derive reads it: `expecting` is its name as serde words it (`struct
/// Waiter`), `fields` its fields in declaration order.
pub(super) struct Shape {
    pub expecting: &'static str,
    pub fields: &'static [(&'static str, Absent)],
}

/// Reads the struct `shape` from `value`, handing each field that is given to `field` (its
/// index in `shape.fields` and its value); the caller starts from the values an absent field
/// takes.
pub(super) fn read_struct(value: &Value, shape: &Shape, field: &mut dyn FnMut(usize, &Value) -> Read<()>) -> Read<()> {
    match value {
        Value::Object(map) => {
            let mut given = 0_u32;
            for (key, item) in map {
                if let Some(index) = shape.fields.iter().position(|(name, _)| name == key) {
                    field(index, item)?;
                    given |= 1 << index;
                }
            }
            let missing = shape
                .fields
                .iter()
                .enumerate()
                .find(|(index, (_, absent))| given & (1 << index) == 0 && *absent == Absent::Refused);
            match missing {
                Some((_, (name, _))) => Err(format!("missing field `{name}`")),
                None => Ok(()),
            }
        }
        Value::Array(items) => {
            let mut rest = items.iter();
            for (index, (_, absent)) in shape.fields.iter().enumerate() {
                match rest.next() {
                    Some(item) => field(index, item)?,
                    None if *absent == Absent::Default => {}
                    None => {
                        let count = shape.fields.len();
                        let noun = if count == 1 { "element" } else { "elements" };
                        return Err(format!(
                            "invalid length {index}, expected {} with {count} {noun}",
                            shape.expecting
                        ));
                    }
                }
            }
            if rest.len() > 0 {
                return Err(format!(
                    "invalid length {}, expected fewer elements in array",
                    items.len()
                ));
            }
            Ok(())
        }
        other => Err(invalid_type(other, shape.expecting)),
    }
}

/// Random variations of a valid state, for the tests that compare these readers with serde's.
#[cfg(test)]
pub(super) mod variations {
    use serde_json::{json, Map, Value};

    pub(crate) use crate::test_rng::Rng;

    /// Values of every kind, and the near misses a reader must tell apart.
    fn replacement(rng: &mut Rng, words: &[&str]) -> Value {
        let pool = [
            json!(null),
            json!(true),
            json!(false),
            json!(0),
            json!(1),
            json!(-1),
            json!(4_294_967_295_u64),
            json!(4_294_967_296_u64),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(1.5),
            json!(1.0),
            json!(-0.0),
            json!(1e300),
            json!(0.1),
            json!(""),
            json!("a \"quoted\"\n\t\u{7} é \u{200b} \u{301}"),
            json!([]),
            json!({}),
            json!([1, "x"]),
            json!({"a": 1, "b": 2}),
            json!({"done": null}),
            json!({"done": 1}),
            json!({"nope": null}),
        ];
        let pick = rng.below(pool.len() + words.len());
        match pool.get(pick) {
            Some(value) => value.clone(),
            None => json!(words[pick - pool.len()]),
        }
    }

    fn count(value: &Value) -> usize {
        1 + match value {
            Value::Array(items) => items.iter().map(count).sum(),
            Value::Object(map) => map.values().map(count).sum(),
            _ => 0,
        }
    }

    fn edit(value: &mut Value, rng: &mut Rng, words: &[&str]) {
        match (rng.below(8), &mut *value) {
            (0, Value::Object(map)) if !map.is_empty() => {
                let key = map.keys().nth(rng.below(map.len())).cloned().unwrap_or_default();
                map.shift_remove(&key);
            }
            (1, Value::Object(map)) => {
                let key = words[rng.below(words.len())].to_owned();
                map.insert(key, replacement(rng, words));
            }
            (2, Value::Object(map)) => {
                // The array form of a struct: its values in order, sometimes one short or long.
                let mut items: Vec<Value> = map.values().cloned().collect();
                match rng.below(3) {
                    0 => {
                        items.pop();
                    }
                    1 => items.push(replacement(rng, words)),
                    _ => {}
                }
                *value = Value::Array(items);
            }
            (3, Value::Object(map)) => {
                let reversed: Map<String, Value> = map.iter().rev().map(|(k, v)| (k.clone(), v.clone())).collect();
                *map = reversed;
            }
            (4, Value::Array(items)) if !items.is_empty() => {
                items.truncate(rng.below(items.len()));
            }
            (5, Value::Array(items)) => {
                let extra = items.first().cloned().unwrap_or_else(|| replacement(rng, words));
                items.push(extra);
            }
            _ => *value = replacement(rng, words),
        }
    }

    /// `base` with one to three random edits; `words` are the keys and names worth trying.
    pub fn vary(base: &Value, rng: &mut Rng, words: &[&str]) -> Value {
        let mut value = base.clone();
        for _ in 0..=rng.below(3) {
            let mut index = rng.below(count(&value));
            edit_at(&mut value, &mut index, rng, words);
        }
        value
    }

    /// Edits the `index`-th node of `value` in pre-order.
    fn edit_at(value: &mut Value, index: &mut usize, rng: &mut Rng, words: &[&str]) -> bool {
        if *index == 0 {
            edit(value, rng, words);
            return true;
        }
        *index -= 1;
        match value {
            Value::Array(items) => items.iter_mut().any(|item| edit_at(item, index, rng, words)),
            Value::Object(map) => map.values_mut().any(|item| edit_at(item, index, rng, words)),
            _ => false,
        }
    }

    /// `read` gives what `serde_json::from_value` gives, value or error text, for `base` and
    /// for 19,999 near misses of it (seeded by `seed`); both kinds of answer are compared many
    /// times.
    pub fn agree_with_serde<T>(base: &Value, words: &[&str], seed: u64, read: fn(&Value) -> super::Read<T>)
    where
        T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let mut rng = Rng::new(seed);
        let mut refused = 0;
        for case in 0..20_000 {
            let value = if case == 0 {
                base.clone()
            } else {
                vary(base, &mut rng, words)
            };
            let ours = read(&value);
            let serde = serde_json::from_value::<T>(value.clone()).map_err(|e| e.to_string());
            assert_eq!(ours, serde, "{value}");
            refused += usize::from(ours.is_err());
        }
        assert!((2_000..18_000).contains(&refused), "{refused} refused");
    }
}

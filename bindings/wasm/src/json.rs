//! Results as compact JSON text, written straight into a `String`, every object key renamed as
//! [`opgate::record::camel_key`] says (the core's rule, which the generated TypeScript follows) when asked.
//!
//! The JS wrapper reads the text with one `JSON.parse`. serde_json's own writer would do, but
//! it goes through `io::Write` a few bytes at a time, which costs more than the work it does
//! for results this small; this one pushes onto the string. It writes what serde_json writes
//! for the same value, as `JSON.parse` reads it: `null` for `None`, unit and non-finite
//! floats, bytes as a list of numbers, enums tagged as serde's data model says, keys that are
//! numbers or booleans as strings. Integers JavaScript cannot hold exactly are written as they
//! are: `JSON.parse` rounds them to the nearest double, as a conversion to `f64` would.

use std::fmt::{self, Display};

use opgate::record::push_camel_key;
use serde::ser::{self, Impossible, Serialize};

/// A value serde cannot write as JSON (a map key that is a list, a custom `Serialize` error).
#[derive(Debug)]
pub struct Unwritable(String);

impl Display for Unwritable {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: Display>(message: T) -> Self {
        Unwritable(message.to_string())
    }
}

/// `value` appended to `out` as JSON, its keys camelCased when `camel` is set.
pub fn write<T: Serialize + ?Sized>(out: &mut String, value: &T, camel: bool) -> Result<(), Unwritable> {
    value.serialize(&mut Writer { out, camel })
}

struct Writer<'a> {
    out: &'a mut String,
    camel: bool,
}

/// `text` as a JSON string literal, escaped as serde_json escapes it.
fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..index]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = index + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

fn unsigned(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

fn signed(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    unsigned(out, value.unsigned_abs());
}

fn float(out: &mut String, value: f64) {
    // serde_json's number text (shortest round trip); JSON has no NaN or infinity.
    match serde_json::Number::from_f64(value) {
        Some(number) => out.push_str(&number.to_string()),
        None => out.push_str("null"),
    }
}

impl Writer<'_> {
    /// An object key, renamed when asked.
    fn key(&mut self, key: &str) {
        if self.camel
            && key
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'_')
        {
            // Such a key needs no escape, and renamed it stays so.
            self.out.push('"');
            push_camel_key(self.out, key);
            self.out.push('"');
        } else {
            string(self.out, key);
        }
    }

    /// `{"variant":` for an enum variant that carries data.
    fn open_variant(&mut self, variant: &str) {
        self.out.push('{');
        self.key(variant);
        self.out.push(':');
    }
}

/// A list or object being written: whether an element has been written yet, and how it ends.
pub struct Compound<'w, 'a> {
    writer: &'w mut Writer<'a>,
    first: bool,
    /// What closes it: `]`, `}`, or `]}` / `}}` for an enum variant's list or fields.
    close: &'static str,
}

impl<'w, 'a> Compound<'w, 'a> {
    fn open(writer: &'w mut Writer<'a>, open: char, close: &'static str) -> Self {
        writer.out.push(open);
        Compound {
            writer,
            first: true,
            close,
        }
    }

    fn comma(&mut self) {
        if !self.first {
            self.writer.out.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.comma();
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unwritable> {
        self.comma();
        self.writer.key(key);
        self.writer.out.push(':');
        value.serialize(&mut *self.writer)
    }

    fn close(self) -> Result<(), Unwritable> {
        self.writer.out.push_str(self.close);
        Ok(())
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, value: bool) -> Result<(), Unwritable> {
        self.out.push_str(if value { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, value: i8) -> Result<(), Unwritable> {
        self.serialize_i64(i64::from(value))
    }
    fn serialize_i16(self, value: i16) -> Result<(), Unwritable> {
        self.serialize_i64(i64::from(value))
    }
    fn serialize_i32(self, value: i32) -> Result<(), Unwritable> {
        self.serialize_i64(i64::from(value))
    }
    fn serialize_i64(self, value: i64) -> Result<(), Unwritable> {
        signed(self.out, value);
        Ok(())
    }
    fn serialize_u8(self, value: u8) -> Result<(), Unwritable> {
        self.serialize_u64(u64::from(value))
    }
    fn serialize_u16(self, value: u16) -> Result<(), Unwritable> {
        self.serialize_u64(u64::from(value))
    }
    fn serialize_u32(self, value: u32) -> Result<(), Unwritable> {
        self.serialize_u64(u64::from(value))
    }
    fn serialize_u64(self, value: u64) -> Result<(), Unwritable> {
        unsigned(self.out, value);
        Ok(())
    }
    fn serialize_f32(self, value: f32) -> Result<(), Unwritable> {
        self.serialize_f64(f64::from(value))
    }
    fn serialize_f64(self, value: f64) -> Result<(), Unwritable> {
        float(self.out, value);
        Ok(())
    }
    fn serialize_char(self, value: char) -> Result<(), Unwritable> {
        string(self.out, value.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, value: &str) -> Result<(), Unwritable> {
        string(self.out, value);
        Ok(())
    }
    fn serialize_bytes(self, value: &[u8]) -> Result<(), Unwritable> {
        let mut list = Compound::open(self, '[', "]");
        for byte in value {
            list.element(byte)?;
        }
        list.close()
    }
    fn serialize_none(self) -> Result<(), Unwritable> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unwritable> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unwritable> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Unwritable> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w, 'a>, Unwritable> {
        Ok(Compound::open(self, '[', "]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'w, 'a>, Unwritable> {
        Ok(Compound::open(self, '[', "]"))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'w, 'a>, Unwritable> {
        Ok(Compound::open(self, '[', "]"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Unwritable> {
        self.open_variant(variant);
        Ok(Compound::open(self, '[', "]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w, 'a>, Unwritable> {
        Ok(Compound::open(self, '{', "}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'w, 'a>, Unwritable> {
        Ok(Compound::open(self, '{', "}"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Unwritable> {
        self.open_variant(variant);
        Ok(Compound::open(self, '{', "}}"))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        self.comma();
        let text = key.serialize(KeyText)?;
        self.writer.key(&text);
        self.writer.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unwritable> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unwritable> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

/// A map key as its text: strings as they are, numbers, booleans and characters spelled out
/// (as serde_json writes them); anything else cannot be a JSON key.
struct KeyText;

fn not_a_key() -> Unwritable {
    Unwritable(String::from("key must be a string"))
}

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = Unwritable;
    type SerializeSeq = Impossible<String, Unwritable>;
    type SerializeTuple = Impossible<String, Unwritable>;
    type SerializeTupleStruct = Impossible<String, Unwritable>;
    type SerializeTupleVariant = Impossible<String, Unwritable>;
    type SerializeMap = Impossible<String, Unwritable>;
    type SerializeStruct = Impossible<String, Unwritable>;
    type SerializeStructVariant = Impossible<String, Unwritable>;

    fn serialize_bool(self, value: bool) -> Result<String, Unwritable> {
        Ok(String::from(if value { "true" } else { "false" }))
    }
    fn serialize_i8(self, value: i8) -> Result<String, Unwritable> {
        self.serialize_i64(i64::from(value))
    }
    fn serialize_i16(self, value: i16) -> Result<String, Unwritable> {
        self.serialize_i64(i64::from(value))
    }
    fn serialize_i32(self, value: i32) -> Result<String, Unwritable> {
        self.serialize_i64(i64::from(value))
    }
    fn serialize_i64(self, value: i64) -> Result<String, Unwritable> {
        let mut out = String::new();
        signed(&mut out, value);
        Ok(out)
    }
    fn serialize_u8(self, value: u8) -> Result<String, Unwritable> {
        self.serialize_u64(u64::from(value))
    }
    fn serialize_u16(self, value: u16) -> Result<String, Unwritable> {
        self.serialize_u64(u64::from(value))
    }
    fn serialize_u32(self, value: u32) -> Result<String, Unwritable> {
        self.serialize_u64(u64::from(value))
    }
    fn serialize_u64(self, value: u64) -> Result<String, Unwritable> {
        let mut out = String::new();
        unsigned(&mut out, value);
        Ok(out)
    }
    fn serialize_f32(self, _value: f32) -> Result<String, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_f64(self, _value: f64) -> Result<String, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_char(self, value: char) -> Result<String, Unwritable> {
        Ok(value.to_string())
    }
    fn serialize_str(self, value: &str) -> Result<String, Unwritable> {
        Ok(value.to_owned())
    }
    fn serialize_bytes(self, _value: &[u8]) -> Result<String, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Result<String, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Result<String, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, Unwritable> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, Unwritable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Unwritable> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unwritable> {
        Err(not_a_key())
    }
}

#[cfg(test)]
mod tests {
    use super::write;
    use serde_json::json;

    fn text(value: &serde_json::Value, camel: bool) -> String {
        let mut out = String::new();
        write(&mut out, value, camel).unwrap();
        out
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let value = json!({
            "text": "a \"quoted\" \\ line\nwith\ttabs \u{1} \u{7f} \u{e9} \u{4e2d} \u{1f600}",
            "numbers": [0, -1, 9_007_199_254_740_993_u64, u64::MAX, i64::MIN, 1.5, -0.25, 1e300],
            "flags": [true, false, null],
            "nested": {"InstanceId": "i-1", "x-acs-date": "d"},
        });
        assert_eq!(text(&value, false), serde_json::to_string(&value).unwrap());
    }

    #[test]
    fn renames_snake_keys_at_every_depth_and_leaves_others() {
        let value = json!({"dry_run": {"http_status": 1, "InstanceId": 2, "a\"_b": 3}, "list": [{"request_id": "r"}]});
        assert_eq!(
            text(&value, true),
            r#"{"dryRun":{"httpStatus":1,"InstanceId":2,"a\"_b":3},"list":[{"requestId":"r"}]}"#
        );
    }

    #[test]
    fn enums_options_and_keys_as_serde_json_writes_them() {
        #[derive(serde::Serialize)]
        enum Shape {
            Unit,
            New(u8),
            Pair(u8, u8),
            Named { first_field: u8 },
        }
        let mut keys = std::collections::BTreeMap::new();
        keys.insert(7_u32, Some(Shape::Unit));
        keys.insert(8_u32, None);
        let values = (
            Shape::New(1),
            Shape::Pair(2, 3),
            Shape::Named { first_field: 4 },
            keys,
            'c',
            f64::NAN,
            (),
        );
        let mut out = String::new();
        write(&mut out, &values, false).unwrap();
        assert_eq!(out, serde_json::to_string(&values).unwrap());
        let mut camel = String::new();
        write(&mut camel, &Shape::Named { first_field: 4 }, true).unwrap();
        assert_eq!(camel, r#"{"Named":{"firstField":4}}"#);
    }
}

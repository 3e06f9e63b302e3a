//! Results as a compact tape, written straight into a `String`, every object key renamed as
//! [`opgate::record::camel_key`] says (the core's rule, which the generated TypeScript follows)
//! when asked; `js/src/tape.js` reads it back into plain JS data.
//!
//! Why not JSON text: `JSON.parse` has to scan every character for quotes and escapes, and
//! was a sixth of a `build()` in the browser package (and the writer's escape scan another
//! tenth). On the tape every string and number is its length (in UTF-16 units, what a JS
//! string slice counts) then its text as it is, so both sides copy runs and scan nothing.
//!
//! The grammar, in UTF-16 units of the JS string:
//! - `n`, `t`, `f`: null, true, false;
//! - `s` LENGTH TEXT: a string; `d` LENGTH TEXT: a number, spelled as serde_json spells it;
//! - `[` VALUE… `]`: a list; `{` (LENGTH KEY VALUE)… `}`: an object;
//! - LENGTH: one character `!` + n (`!` to `|`) for n < 92, else `~`, n in decimal, `.`.
//!   In an object a length stands where `}` could, and `}` is never one.
//!
//! The tape is ASCII wherever its strings are, as JSON text was: a JS engine turns ASCII bytes
//! into a string without decoding them.
//!
//! It holds what serde_json would write for the same value, as `JSON.parse` would read it:
//! `null` for `None`, unit and non-finite floats, bytes as a list of numbers, enums tagged as
//! serde's data model says, keys that are numbers or booleans as strings.

use std::fmt::{self, Display};

use opgate::record::{camel_key_len, push_camel_key};
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

/// `value` appended to `out` as a tape, its keys camelCased when `camel` is set.
pub fn write<T: Serialize + ?Sized>(out: &mut String, value: &T, camel: bool) -> Result<(), Unwritable> {
    value.serialize(&mut Writer { out, camel })
}

struct Writer<'a> {
    out: &'a mut String,
    camel: bool,
}

/// A length, as the grammar above spells it.
fn length(out: &mut String, count: usize) {
    const FIRST: u8 = b'!';
    const ONE_CHARACTER: usize = (b'|' - FIRST + 1) as usize;
    if count < ONE_CHARACTER {
        // Below 92, so the sum stays within `!`..=`|`.
        out.push(char::from(FIRST + count as u8));
    } else {
        out.push('~');
        decimal(out, count as u64);
        out.push('.');
    }
}

/// `value` in decimal digits.
fn decimal(out: &mut String, mut value: u64) {
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

/// How many UTF-16 units `text` takes: one per character, two for those past U+FFFF (the
/// characters whose UTF-8 lead byte is 0xF0 or more).
fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.bytes()
        .map(|byte| usize::from(byte & 0xC0 != 0x80) + usize::from(byte >= 0xF0))
        .sum()
}

/// `tag`, then `text` with its length.
fn string(out: &mut String, tag: char, text: &str) {
    out.push(tag);
    length(out, utf16_len(text));
    out.push_str(text);
}

/// `d`, then the integer's digits with their length.
fn integer(out: &mut String, negative: bool, mut value: u64) {
    let mut digits = [0u8; 21];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    if negative {
        at -= 1;
        digits[at] = b'-';
    }
    out.push('d');
    // ASCII: as many UTF-16 units as bytes.
    length(out, digits.len() - at);
    for &digit in &digits[at..] {
        out.push(char::from(digit));
    }
}

fn float(out: &mut String, value: f64) {
    // serde_json's number text (shortest round trip); JSON has no NaN or infinity.
    match serde_json::Number::from_f64(value) {
        Some(number) => string(out, 'd', &number.to_string()),
        None => out.push('n'),
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
            // ASCII, and renamed it stays so: its length is its byte count.
            length(self.out, camel_key_len(key));
            push_camel_key(self.out, key);
        } else {
            length(self.out, utf16_len(key));
            self.out.push_str(key);
        }
    }

    /// `{` and the variant's name, for an enum variant that carries data.
    fn open_variant(&mut self, variant: &str) {
        self.out.push('{');
        self.key(variant);
    }
}

/// A list or object being written, and how it ends.
pub struct Compound<'w, 'a> {
    writer: &'w mut Writer<'a>,
    /// What closes it: `]`, `}`, or `]}` / `}}` for an enum variant's list or fields.
    close: &'static str,
}

impl<'w, 'a> Compound<'w, 'a> {
    fn open(writer: &'w mut Writer<'a>, open: char, close: &'static str) -> Self {
        writer.out.push(open);
        Compound { writer, close }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unwritable> {
        self.writer.key(key);
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
        self.out.push(if value { 't' } else { 'f' });
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
        integer(self.out, value < 0, value.unsigned_abs());
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
        integer(self.out, false, value);
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
        string(self.out, 's', value.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, value: &str) -> Result<(), Unwritable> {
        string(self.out, 's', value);
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
        self.out.push('n');
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

/// The list forms of serde's data model: each element written in turn, then the close.
macro_rules! list_compound {
    ($($form:ident :: $method:ident),+) => {$(
        impl ser::$form for Compound<'_, '_> {
            type Ok = ();
            type Error = Unwritable;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
                self.element(value)
            }
            fn end(self) -> Result<(), Unwritable> {
                self.close()
            }
        }
    )+};
}

list_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        let text = key.serialize(KeyText)?;
        self.writer.key(&text);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

/// The struct forms: each field written with its key, then the close.
macro_rules! struct_compound {
    ($($form:ident),+) => {$(
        impl ser::$form for Compound<'_, '_> {
            type Ok = ();
            type Error = Unwritable;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Unwritable> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Unwritable> {
                self.close()
            }
        }
    )+};
}

struct_compound!(SerializeStruct, SerializeStructVariant);

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
        Ok(value.to_string())
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
        Ok(value.to_string())
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
    use serde_json::{json, Map, Value};

    /// The tape read back, as js/src/tape.js reads it (UTF-16 lengths and all).
    struct Reader {
        units: Vec<u16>,
        at: usize,
    }

    impl Reader {
        fn unit(&mut self) -> u16 {
            self.at += 1;
            self.units[self.at - 1]
        }
        fn length(&mut self) -> usize {
            let unit = self.unit();
            if unit != u16::from(b'~') {
                return usize::from(unit - u16::from(b'!'));
            }
            let mut count = 0;
            loop {
                match self.unit() {
                    unit if unit == u16::from(b'.') => return count,
                    digit => count = count * 10 + usize::from(digit - u16::from(b'0')),
                }
            }
        }
        fn text(&mut self) -> String {
            let count = self.length();
            self.at += count;
            String::from_utf16(&self.units[self.at - count..self.at]).unwrap()
        }
        fn value(&mut self) -> Value {
            match char::from_u32(u32::from(self.unit())).unwrap() {
                's' => Value::String(self.text()),
                'd' => serde_json::from_str(&self.text()).unwrap(),
                'n' => Value::Null,
                't' => Value::Bool(true),
                'f' => Value::Bool(false),
                '[' => {
                    let mut list = Vec::new();
                    while self.units[self.at] != u16::from(b']') {
                        list.push(self.value());
                    }
                    self.at += 1;
                    Value::Array(list)
                }
                '{' => {
                    let mut object = Map::new();
                    while self.units[self.at] != u16::from(b'}') {
                        let key = self.text();
                        object.insert(key, self.value());
                    }
                    self.at += 1;
                    Value::Object(object)
                }
                other => panic!("unexpected tag {other:?} at {}", self.at - 1),
            }
        }
    }

    fn tape<T: serde::Serialize + ?Sized>(value: &T, camel: bool) -> String {
        let mut out = String::new();
        write(&mut out, value, camel).unwrap();
        out
    }

    fn read(tape: &str) -> Value {
        let mut reader = Reader {
            units: tape.encode_utf16().collect(),
            at: 0,
        };
        let value = reader.value();
        assert_eq!(reader.at, reader.units.len(), "trailing units in {tape:?}");
        value
    }

    /// What `JSON.parse` makes of serde_json's text for the same value.
    fn as_json<T: serde::Serialize + ?Sized>(value: &T) -> Value {
        serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
    }

    #[test]
    fn holds_what_serde_json_writes() {
        let long = "x".repeat(90) + "\u{1f600}" + &"y".repeat(0x5000);
        let value = json!({
            "text": "a \"quoted\" \\ line\nwith\ttabs \u{1} \u{7f} \u{e9} \u{4e2d} \u{1f600}",
            "empty": "",
            "long": long,
            "}": "]",
            "numbers": [0, -1, 9_007_199_254_740_993_u64, u64::MAX, i64::MIN, 1.5, -0.25, 1e300],
            "flags": [true, false, null],
            "nested": {"InstanceId": "i-1", "x-acs-date": "d", "\u{4e2d}\u{6587}": [[], {}]},
        });
        assert_eq!(read(&tape(&value, false)), as_json(&value));
    }

    #[test]
    fn lengths_take_one_character_below_92_and_their_digits_above() {
        for (count, header) in [(0, 2), (1, 2), (91, 2), (92, 5), (999, 6), (1000, 7), (0x12345, 8)] {
            let text = "a".repeat(count);
            let written = tape(&text, false);
            assert!(written.is_ascii());
            assert_eq!(written.len(), count + header, "{count}");
            assert_eq!(read(&written), Value::String(text));
        }
    }

    #[test]
    fn renames_snake_keys_at_every_depth_and_leaves_others() {
        let value = json!({"dry_run": {"http_status": 1, "InstanceId": 2, "a\"_b": 3}, "list": [{"request_id": "r"}]});
        assert_eq!(
            read(&tape(&value, true)),
            json!({"dryRun": {"httpStatus": 1, "InstanceId": 2, "a\"_b": 3}, "list": [{"requestId": "r"}]})
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
            b"\x00\xff".as_slice(),
        );
        assert_eq!(read(&tape(&values, false)), as_json(&values));
        assert_eq!(
            read(&tape(&Shape::Named { first_field: 4 }, true)),
            json!({"Named": {"firstField": 4}})
        );
    }
}

//! [`Reader`]: reads host values for the engines, charging one budget per call as it reads.
//! Full conversion to JSON is for small arguments that are read whole (parameters, policies,
//! context, headers); Describe items are read by projection, only the fields the operation's
//! spec names ([`crate::host::projection`]).

use serde_json::{Map, Number, Value};

use crate::host::errors::{Expected, Failure, Got, HostError};
use crate::host::limits::{MAX_BYTES, MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES};
use crate::host::value::{HostValue, Kind};

/// The budget of one call: every value read costs a node, every string its bytes.
#[derive(Debug, Clone)]
pub struct Reader {
    nodes_left: usize,
    bytes_left: usize,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            nodes_left: MAX_NODES,
            bytes_left: MAX_BYTES,
        }
    }
}

pub type ReadResult<T> = Result<T, HostError>;

impl Reader {
    /// Charges one value and classifies it.
    pub fn kind<'v, H: HostValue>(&mut self, value: &'v H) -> ReadResult<Kind<'v>> {
        if self.nodes_left == 0 {
            return Err(Failure::TooManyNodes.into());
        }
        self.nodes_left -= 1;
        let kind = value.kind()?;
        match &kind {
            Kind::Str(text) => self.charge_bytes(text.len())?,
            Kind::Bytes(bytes) => self.charge_bytes(bytes.len())?,
            _ => {}
        }
        Ok(kind)
    }

    /// How much this call has read so far: values and string bytes.
    pub fn read_so_far(&self) -> (usize, usize) {
        (MAX_NODES - self.nodes_left, MAX_BYTES - self.bytes_left)
    }

    fn charge_bytes(&mut self, bytes: usize) -> ReadResult<()> {
        if bytes > self.bytes_left {
            return Err(Failure::TooManyBytes.into());
        }
        self.bytes_left -= bytes;
        Ok(())
    }

    /// The number of items of a list, refused before any is read when over the limit.
    pub fn list_len<H: HostValue>(&mut self, value: &H) -> ReadResult<usize> {
        let length = value.list_len()?;
        if length > MAX_LIST_ITEMS {
            return Err(Failure::ListTooLong(length).into());
        }
        Ok(length)
    }

    /// The whole value as JSON. Never coerces: every host type maps to exactly one JSON type.
    pub fn json<H: HostValue>(&mut self, value: &H) -> ReadResult<Value> {
        self.json_at(value, 0)
    }

    fn json_at<H: HostValue>(&mut self, value: &H, depth: usize) -> ReadResult<Value> {
        let kind = self.kind(value)?;
        Ok(match kind {
            Kind::Null => Value::Null,
            Kind::Bool(flag) => Value::Bool(flag),
            Kind::Int(int) => Value::from(int),
            Kind::UInt(uint) => Value::from(uint),
            Kind::Float(float) => Number::from_f64(float).map_or(Value::Null, Value::Number),
            Kind::Str(text) => Value::String(text.into_owned()),
            Kind::Bytes(_) => return Err(bytes_refused(H::HOST)),
            Kind::List => {
                if depth >= MAX_DEPTH {
                    return Err(Failure::TooDeep.into());
                }
                let length = self.list_len(value)?;
                let mut items = Vec::new();
                for index in 0..length {
                    let item = value.list_item(index).map_err(|p| HostError::from(p).at_index(index))?;
                    items.push(self.json_at(&item, depth + 1).map_err(|e| e.at_index(index))?);
                }
                Value::Array(items)
            }
            Kind::Map => {
                if depth >= MAX_DEPTH {
                    return Err(Failure::TooDeep.into());
                }
                let mut map = Map::new();
                value.for_each_entry(
                    |key, item| {
                        let converted = self.json_at(&item, depth + 1).map_err(|e| e.at_key(key))?;
                        map.insert(key.to_owned(), converted);
                        Ok(())
                    },
                    |problem, key| match key {
                        Some(key) => HostError::from(problem).at_key(key),
                        None => HostError::from(problem),
                    },
                )?;
                Value::Object(map)
            }
        })
    }

    /// A value that must be a string.
    pub fn string<H: HostValue>(&mut self, value: &H) -> ReadResult<String> {
        match self.kind(value)? {
            Kind::Str(text) => Ok(text.into_owned()),
            other => Err(expected(Expected::String, &other)),
        }
    }

    /// A value that must be a string, or null/absent.
    pub fn optional_string<H: HostValue>(&mut self, value: Option<&H>) -> ReadResult<Option<String>> {
        let Some(value) = value else { return Ok(None) };
        match self.kind(value)? {
            Kind::Null => Ok(None),
            Kind::Str(text) => Ok(Some(text.into_owned())),
            other => Err(expected(Expected::String, &other)),
        }
    }

    /// A value that must be a 64-bit integer (JS numbers count when they are exact integers).
    pub fn integer<H: HostValue>(&mut self, value: &H) -> ReadResult<i64> {
        match self.kind(value)? {
            Kind::Int(int) => Ok(int),
            Kind::UInt(_) => Err(Failure::Value(crate::host::Problem::IntegerOutOfRange).into()),
            other => Err(expected(Expected::Integer, &other)),
        }
    }

    /// A value that must be a list, read whole; each item as JSON.
    pub fn json_list<H: HostValue>(&mut self, value: &H) -> ReadResult<Vec<Value>> {
        match self.kind(value)? {
            Kind::List => {}
            other => return Err(expected(Expected::List, &other)),
        }
        let length = self.list_len(value)?;
        let mut items = Vec::new();
        for index in 0..length {
            let item = value.list_item(index).map_err(|p| HostError::from(p).at_index(index))?;
            items.push(self.json_at(&item, 1).map_err(|e| e.at_index(index))?);
        }
        Ok(items)
    }

    /// Bytes of a body: text (sent as UTF-8) or binary data; null or absent is empty.
    pub fn body<H: HostValue>(&mut self, value: Option<&H>) -> ReadResult<Vec<u8>> {
        let Some(value) = value else { return Ok(Vec::new()) };
        match self.kind(value)? {
            Kind::Null => Ok(Vec::new()),
            Kind::Str(text) => Ok(text.into_owned().into_bytes()),
            Kind::Bytes(bytes) => Ok(bytes.into_owned()),
            other => Err(expected(Expected::StringOrBytes, &other)),
        }
    }
}

/// "Must be X; got Y", naming only the kind of what was found, never its content.
pub fn expected(expected: Expected, got: &Kind<'_>) -> HostError {
    Failure::Expected {
        expected,
        got: Got::of(got),
    }
    .into()
}

/// Binary data where JSON is read: refused, named as the host names it.
pub(crate) fn bytes_refused(host: crate::host::HostKind) -> HostError {
    let name = match host {
        crate::host::HostKind::Python => "bytes",
        _ => "binary data",
    };
    Failure::Value(crate::host::Problem::UnsupportedType(name.to_owned())).into()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::host::Problem;

    #[test]
    fn json_round_trips_and_charges_the_budget() {
        let value = json!({"a": [1, 2.5, "x", null, true], "b": {"c": u64::MAX}});
        let mut reader = Reader::default();
        assert_eq!(reader.json(&&value).ok(), Some(value.clone()));
        assert_eq!(reader.nodes_left, MAX_NODES - 9);
    }

    #[test]
    fn deep_nesting_is_refused_with_its_path() {
        let mut value = json!(1);
        for _ in 0..(MAX_DEPTH + 5) {
            value = json!([value]);
        }
        let error = Reader::default().json(&&value).err();
        assert_eq!(error.map(|e| e.failure), Some(Failure::TooDeep));
    }

    #[test]
    fn typed_reads_never_coerce() {
        let mut reader = Reader::default();
        assert!(reader.string(&&json!(["ecs:RebootInstance"])).is_err());
        assert!(reader.string(&&json!(null)).is_err());
        assert!(reader.integer(&&json!("5")).is_err());
        assert_eq!(
            reader.integer(&&json!(u64::MAX)).err().map(|e| e.failure),
            Some(Failure::Value(Problem::IntegerOutOfRange))
        );
        assert_eq!(reader.optional_string(Some(&&json!(null))).ok(), Some(None));
    }
}

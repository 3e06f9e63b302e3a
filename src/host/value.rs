//! The one way the core reads a host value: [`HostValue`], implemented for
//! `serde_json::Value` here, for Python objects in `bindings/python` and for JavaScript values in
//! `bindings/wasm`. Like pydantic-core's `Input` trait, it lets every engine read Python objects,
//! JS values and JSON alike, touching only the fields it asks for.

use std::borrow::Cow;

use serde_json::Value;

/// Which host a value comes from: picks the wording of type names and argument spellings
/// (`int_bounds` in Python, `intBounds` in JS) in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    /// JSON values handed to the Rust API.
    Json,
    Python,
    JavaScript,
}

/// What a host value is, as far as the core cares. Reading it never coerces: a number is never
/// read as text, text never as a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    Null,
    Bool(bool),
    /// Integers within the 64-bit range; hosts with wider integers report them as
    /// [`Problem::IntegerOutOfRange`].
    Int(i64),
    /// Non-negative integers above `i64::MAX`.
    UInt(u64),
    /// Finite floats only; NaN and infinities are [`Problem::NotFinite`].
    Float(f64),
    Str(Cow<'a, str>),
    /// Binary data (Python `bytes`/`bytearray`, JS `Uint8Array`); accepted only where an
    /// argument takes bytes (a response body).
    Bytes(Cow<'a, [u8]>),
    List,
    Map,
}

/// Every way a single host value can be unusable, before any rule of an operation applies.
/// The bindings report these as data; the core words them ([`crate::host::HostError`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A type no argument accepts (a function, a `set`, a `Date`…), named as the host names it.
    UnsupportedType(String),
    NotFinite(f64),
    IntegerOutOfRange,
    /// A string holding a lone surrogate: it has no UTF-8 form.
    InvalidUnicode,
    /// A map key that is not a string, named by its host type.
    NonStringKey(String),
    /// A getter or Proxy trap threw while the value was read.
    Unreadable,
    /// A string or binary value larger than [`crate::host::limits::MAX_BYTES`], refused
    /// before it is copied.
    TooLarge,
}

/// A host value the core can read lazily. Implementations only classify values and fetch the
/// children the core asks for; they decide nothing and hold no message text.
///
/// The core never sizes an allocation from [`HostValue::list_len`]: a host may report any length
/// (a JS Proxy can claim 2^32-1 items), so lists are read item by item against a budget.
pub trait HostValue: Sized + Clone {
    /// The host these values come from.
    const HOST: HostKind;

    /// Classifies the value, or says why it cannot be read.
    fn kind(&self) -> Result<Kind<'_>, Problem>;

    /// The value under `key`, when this is a map; `None` when absent (JS `undefined` counts as
    /// absent, as `JSON.stringify` treats it). Keys are always the core's own names (a spec's
    /// fields, an option's name), so a host may keep each one as a host string once, keyed by
    /// its address, instead of making a new one per lookup.
    fn field(&self, key: &'static str) -> Result<Option<Self>, Problem>;

    /// The number of items the host reports for a list.
    fn list_len(&self) -> Result<usize, Problem>;

    /// The list item at `index`, which is below [`HostValue::list_len`].
    fn list_item(&self, index: usize) -> Result<Self, Problem>;

    /// Visits a map's entries in order until `visit` fails. Keys that are not strings (or not
    /// valid Unicode) are a [`Problem`], reported through `problem`.
    fn for_each_entry<E>(
        &self,
        visit: impl FnMut(&str, Self) -> Result<(), E>,
        problem: impl Fn(Problem, Option<&str>) -> E,
    ) -> Result<(), E>;

    /// Whether the value is null (`None`, `null`/`undefined`): what an option left unset is. The
    /// default classifies the value; a host that can tell more cheaply says so.
    fn is_null(&self) -> bool {
        matches!(self.kind(), Ok(Kind::Null))
    }

    /// Runs core work that reads no host value; Python releases the GIL for it, so other
    /// threads run while a 10,000-item pre-check is judged.
    fn detach<T: Send>(&self, work: impl FnOnce() -> T + Send) -> T {
        work()
    }
}

impl HostValue for &Value {
    const HOST: HostKind = HostKind::Json;

    fn kind(&self) -> Result<Kind<'_>, Problem> {
        Ok(match self {
            Value::Null => Kind::Null,
            Value::Bool(flag) => Kind::Bool(*flag),
            Value::Number(number) => match (number.as_i64(), number.as_u64(), number.as_f64()) {
                (Some(int), _, _) => Kind::Int(int),
                (None, Some(uint), _) => Kind::UInt(uint),
                (None, None, Some(float)) if float.is_finite() => Kind::Float(float),
                (None, None, float) => return Err(Problem::NotFinite(float.unwrap_or(f64::NAN))),
            },
            Value::String(text) => Kind::Str(Cow::Borrowed(text)),
            Value::Array(_) => Kind::List,
            Value::Object(_) => Kind::Map,
        })
    }

    fn field(&self, key: &'static str) -> Result<Option<Self>, Problem> {
        Ok(self.as_object().and_then(|map| map.get(key)))
    }

    fn list_len(&self) -> Result<usize, Problem> {
        Ok(self.as_array().map_or(0, Vec::len))
    }

    fn list_item(&self, index: usize) -> Result<Self, Problem> {
        self.as_array()
            .and_then(|items| items.get(index))
            .ok_or(Problem::Unreadable)
    }

    fn for_each_entry<E>(
        &self,
        mut visit: impl FnMut(&str, Self) -> Result<(), E>,
        _problem: impl Fn(Problem, Option<&str>) -> E,
    ) -> Result<(), E> {
        if let Some(map) = self.as_object() {
            for (key, value) in map {
                visit(key, value)?;
            }
        }
        Ok(())
    }
}

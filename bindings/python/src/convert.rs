//! Python objects as the core's [`HostValue`]: classification and child access only. What a
//! value must be, the limits and every error message live in `opgate::host`. (Results go the
//! other way as the core's own classes, `opgate::record::python`.)

use std::borrow::Cow;
use std::cell::RefCell;

use opgate::host::{HostKind, HostValue, Kind, Problem};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

/// A Python object the core reads.
#[derive(Clone)]
pub struct Py<'py>(pub Bound<'py, PyAny>);

/// The core's keys as Python strings, made once each and kept for the life of the thread
/// (there are a few dozen: spec fields, option names). A dict lookup with a kept string reuses
/// its cached hash; a fresh `PyString` per lookup would be allocated and hashed every time.
/// Keyed by the key's address and length (the core passes `&'static str`s only), in a
/// direct-mapped table: a pre-check looks up a handful of keys for every item.
const KEY_SLOTS: usize = 64;

/// A kept key: its address, its length and its Python string.
type KeptKey = (usize, usize, pyo3::Py<PyString>);

thread_local! {
    static KEYS: RefCell<Vec<Option<KeptKey>>> = RefCell::new((0..KEY_SLOTS).map(|_| None).collect());
}

fn key<'py>(py: Python<'py>, key: &'static str) -> Bound<'py, PyString> {
    let (address, length) = (key.as_ptr() as usize, key.len());
    let slot = (address ^ length) % KEY_SLOTS;
    KEYS.with(|keys| {
        let Ok(mut keys) = keys.try_borrow_mut() else {
            return PyString::intern(py, key);
        };
        if let Some(Some((at, len, known))) = keys.get(slot) {
            if (*at, *len) == (address, length) {
                return known.bind(py).clone();
            }
        }
        let made = PyString::intern(py, key);
        if let Some(entry) = keys.get_mut(slot) {
            *entry = Some((address, length, made.clone().unbind()));
        }
        made
    })
}

fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}

impl HostValue for Py<'_> {
    const HOST: HostKind = HostKind::Python;

    fn kind(&self) -> Result<Kind<'_>, Problem> {
        let object = &self.0;
        if object.is_none() {
            return Ok(Kind::Null);
        }
        if let Ok(text) = object.cast::<PyString>() {
            return text
                .to_str()
                .map(|text| Kind::Str(Cow::Borrowed(text)))
                .map_err(|_| Problem::InvalidUnicode);
        }
        if object.cast::<PyDict>().is_ok() {
            return Ok(Kind::Map);
        }
        if object.cast::<PyList>().is_ok() || object.cast::<PyTuple>().is_ok() {
            return Ok(Kind::List);
        }
        // bool before int: Python's bool is an int subclass.
        if let Ok(flag) = object.cast::<PyBool>() {
            return Ok(Kind::Bool(flag.is_true()));
        }
        if object.cast::<PyInt>().is_ok() {
            if let Ok(int) = object.extract::<i64>() {
                return Ok(Kind::Int(int));
            }
            if let Ok(uint) = object.extract::<u64>() {
                return Ok(Kind::UInt(uint));
            }
            return Err(Problem::IntegerOutOfRange);
        }
        if let Ok(float) = object.cast::<PyFloat>() {
            let value = float.value();
            return if value.is_finite() {
                Ok(Kind::Float(value))
            } else {
                Err(Problem::NotFinite(value))
            };
        }
        if let Ok(bytes) = object.cast::<PyBytes>() {
            return Ok(Kind::Bytes(Cow::Borrowed(bytes.as_bytes())));
        }
        if let Ok(bytes) = object.cast::<PyByteArray>() {
            return Ok(Kind::Bytes(Cow::Owned(bytes.to_vec())));
        }
        Err(Problem::UnsupportedType(type_name(object)))
    }

    fn is_null(&self) -> bool {
        self.0.is_none()
    }

    fn field(&self, name: &'static str) -> Result<Option<Self>, Problem> {
        match self.0.cast::<PyDict>() {
            Ok(dict) => dict
                .get_item(key(dict.py(), name))
                .map(|found| found.map(Py))
                .map_err(|_| Problem::Unreadable),
            Err(_) => Ok(None),
        }
    }

    fn list_len(&self) -> Result<usize, Problem> {
        if let Ok(list) = self.0.cast::<PyList>() {
            return Ok(list.len());
        }
        Ok(self.0.cast::<PyTuple>().map_or(0, |tuple| tuple.len()))
    }

    fn list_item(&self, index: usize) -> Result<Self, Problem> {
        if let Ok(list) = self.0.cast::<PyList>() {
            return list.get_item(index).map(Py).map_err(|_| Problem::Unreadable);
        }
        match self.0.cast::<PyTuple>() {
            Ok(tuple) => tuple.get_item(index).map(Py).map_err(|_| Problem::Unreadable),
            Err(_) => Err(Problem::Unreadable),
        }
    }

    fn for_each_entry<E>(
        &self,
        mut visit: impl FnMut(&str, Self) -> Result<(), E>,
        problem: impl Fn(Problem, Option<&str>) -> E,
    ) -> Result<(), E> {
        let Ok(dict) = self.0.cast::<PyDict>() else {
            return Ok(());
        };
        for (key, value) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(problem(Problem::NonStringKey(type_name(&key)), None));
            };
            let Ok(key) = key.to_str() else {
                return Err(problem(Problem::InvalidUnicode, None));
            };
            visit(key, Py(value))?;
        }
        Ok(())
    }

    fn detach<T: Send>(&self, work: impl FnOnce() -> T + Send) -> T {
        self.0.py().detach(work)
    }
}

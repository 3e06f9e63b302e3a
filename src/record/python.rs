//! What the classes `#[derive(Record)]` makes need at run time (feature `python`, enabled only by
//! `bindings/python`): converting Rust values to Python objects on attribute access, and the
//! shared `to_dict()`, comparison, hashing, `repr()` and constructor.
//!
//! Attribute values are read-only views: lists become tuples, JSON objects `mappingproxy`s, a
//! nested result its own frozen class. `to_dict()` gives plain, mutable data (dicts and lists),
//! exactly the JSON the conformance vectors hold.

use std::hash::{Hash, Hasher};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::pyclass::boolean_struct::True;
use pyo3::pyclass::CompareOp;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyMappingProxy, PyString, PyTuple};
use pyo3::PyClass;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail};
use crate::lang::Lang;
use crate::spec::OperationSpec;
use crate::text;

/// A Rust value as a (read-only) Python object.
pub trait ToPy {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// A call's result handed to Python without a copy: a record becomes its class, a list of
/// records a tuple of them.
pub trait IntoPy {
    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// A record and its Python class (implemented by `#[derive(Record)]`).
pub trait Native: Sized + Clone + PartialEq + Serialize + DeserializeOwned + 'static {
    type Class: PyClass<Frozen = True> + Sync;
    fn wrap(self) -> Self::Class;
    fn value(class: &Self::Class) -> &Self;
}

/// An attribute's value, converted on the first read and kept.
pub fn memo<'py>(
    py: Python<'py>,
    cell: &PyOnceLock<Py<PyAny>>,
    make: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    cell.get_or_try_init(py, || make().map(Bound::unbind))
        .map(|value| value.bind(py).clone())
}

impl<T: ToPy + ?Sized> ToPy for &T {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (**self).to_py(py)
    }
}

impl<T: ToPy + ?Sized> ToPy for Box<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (**self).to_py(py)
    }
}

impl ToPy for str {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl ToPy for String {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl ToPy for std::borrow::Cow<'_, str> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl ToPy for bool {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyBool::new(py, *self).to_owned().into_any())
    }
}

macro_rules! integers {
    ($($int:ty),*) => {$(
        impl ToPy for $int {
            fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.into_pyobject(py)?.into_any())
            }
        }
    )*};
}
integers!(u16, u32, u64, i64, usize, f64);

impl<T: ToPy> ToPy for Option<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.to_py(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: ToPy> ToPy for [T] {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self.iter().map(|item| item.to_py(py)).collect::<PyResult<Vec<_>>>()?;
        Ok(PyTuple::new(py, items)?.into_any())
    }
}

impl<T: ToPy> ToPy for Vec<T> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.as_slice().to_py(py)
    }
}

impl<A: ToPy, B: ToPy> ToPy for (A, B) {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyTuple::new(py, [self.0.to_py(py)?, self.1.to_py(py)?])?.into_any())
    }
}

/// Bytes (`HttpRequest.content`).
pub struct Bytes<'a>(pub &'a [u8]);

impl ToPy for Bytes<'_> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyBytes::new(py, self.0).into_any())
    }
}

/// Provider data, read-only: objects as `mappingproxy`, arrays as tuples.
impl ToPy for Value {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json(py, self, true)
    }
}

impl ToPy for Map<String, Value> {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        object(py, self, true)
    }
}

/// An operation spec is shown by its id.
impl ToPy for OperationSpec {
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::intern(py, self.id).into_any())
    }
}

impl<T: IntoPy> IntoPy for Vec<T> {
    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .into_iter()
            .map(|item| item.into_py(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyTuple::new(py, items)?.into_any())
    }
}

/// A value of a closed set (a unit enum) as the string serde writes, interned: there are few.
pub fn literal<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    match serde_json::to_value(value) {
        Ok(Value::String(text)) => Ok(PyString::intern(py, &text).into_any()),
        Ok(other) => json(py, &other, true),
        Err(error) => Err(unserializable(&error)),
    }
}

/// Any serializable value as read-only Python data.
pub fn frozen_json<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|e| unserializable(&e))?;
    json(py, &value, true)
}

/// `to_dict()`: the serialized form as plain, mutable Python data.
pub fn to_dict<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|e| unserializable(&e))?;
    json(py, &value, false)
}

fn unserializable(error: &serde_json::Error) -> PyErr {
    PyRuntimeError::new_err(format!("opgate could not serialize its result: {error}"))
}

/// JSON to Python: objects to dicts (keys in order; `mappingproxy` when `frozen`), arrays to
/// lists (tuples when `frozen`), numbers to int or float.
pub fn json<'py>(py: Python<'py>, value: &Value, frozen: bool) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => {
            if let Some(int) = number.as_i64() {
                int.into_pyobject(py)?.into_any()
            } else if let Some(int) = number.as_u64() {
                int.into_pyobject(py)?.into_any()
            } else {
                number.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|item| json(py, item, frozen))
                .collect::<PyResult<Vec<_>>>()?;
            if frozen {
                PyTuple::new(py, items)?.into_any()
            } else {
                PyList::new(py, items)?.into_any()
            }
        }
        Value::Object(map) => object(py, map, frozen)?,
    })
}

fn object<'py>(py: Python<'py>, map: &Map<String, Value>, frozen: bool) -> PyResult<Bound<'py, PyAny>> {
    let dict = PyDict::new(py);
    for (key, item) in map {
        dict.set_item(PyString::new(py, key), json(py, item, frozen)?)?;
    }
    if frozen {
        Ok(PyMappingProxy::new(py, dict.as_mapping()).into_any())
    } else {
        Ok(dict.into_any())
    }
}

/// `==` and `!=` between two results of the same class; anything else is `NotImplemented`.
pub fn compare<'py, T: Native>(value: &T, other: &Bound<'py, PyAny>, op: CompareOp) -> PyResult<Bound<'py, PyAny>> {
    let py = other.py();
    let Ok(other) = other.cast::<T::Class>() else {
        return Ok(py.NotImplemented().into_bound(py));
    };
    let equal = T::value(other.get()) == value;
    Ok(match op {
        CompareOp::Eq => PyBool::new(py, equal).to_owned().into_any(),
        CompareOp::Ne => PyBool::new(py, !equal).to_owned().into_any(),
        _ => py.NotImplemented().into_bound(py),
    })
}

/// A hash of the serialized form, keys sorted, so that results equal as data hash alike.
pub fn hash<T: Serialize>(value: &T) -> u64 {
    fn feed(value: &Value, state: &mut std::collections::hash_map::DefaultHasher) {
        match value {
            Value::Null => 0u8.hash(state),
            Value::Bool(flag) => (1u8, flag).hash(state),
            Value::Number(number) => (2u8, number.to_string()).hash(state),
            Value::String(text) => (3u8, text).hash(state),
            Value::Array(items) => {
                (4u8, items.len()).hash(state);
                items.iter().for_each(|item| feed(item, state));
            }
            Value::Object(map) => {
                (5u8, map.len()).hash(state);
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                for key in keys {
                    key.hash(state);
                    if let Some(item) = map.get(key) {
                        feed(item, state);
                    }
                }
            }
        }
    }
    let mut state = std::collections::hash_map::DefaultHasher::new();
    feed(&serde_json::to_value(value).unwrap_or(Value::Null), &mut state);
    state.finish()
}

/// `Name(field=value, ...)`, each value by its Python `repr()`.
pub fn repr(name: &str, fields: &[(&str, Bound<'_, PyAny>)]) -> PyResult<String> {
    let mut out = format!("{name}(");
    for (index, (field, value)) in fields.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        out.push_str(field);
        out.push('=');
        out.push_str(value.repr()?.to_str()?);
    }
    out.push(')');
    Ok(out)
}

/// A result rebuilt from the mapping `to_dict()` gave (what unpickling and `Class(data)` do). The
/// mapping goes through `json.dumps`, so anything that is not JSON data is refused.
pub fn from_data<T: DeserializeOwned>(data: &Bound<'_, PyAny>, name: &str) -> PyResult<T> {
    let py = data.py();
    let refused = |reason: String| {
        let reason = clip(&reason);
        error(
            py,
            &Error::Input(ErrorDetail::client(
                ClientCode::InvalidParameterData,
                text!(
                    format!("\"data\" is not a {name} as to_dict() returns it: {reason}."),
                    format!("\"data\" 不是 to_dict() 返回的 {name}：{reason}。")
                ),
                Some("data".to_owned()),
            )),
            Lang::En,
        )
    };
    let dumps = py.import("json")?.getattr("dumps")?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("allow_nan", false)?;
    let text = match dumps.call((data,), Some(&kwargs)) {
        Ok(text) => text,
        Err(failure) => return Err(refused(failure.value(py).to_string())),
    };
    let text: String = text.extract()?;
    serde_json::from_str(&text).map_err(|failure| refused(failure.to_string()))
}

static FROM_REPORT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python exception for a core error, its messages in `lang`: the report as its native class
/// handed to `opgate._errors._from_report`, which picks the exception class by `kind`.
pub fn error(py: Python<'_>, error: &Error, lang: Lang) -> PyErr {
    let raised = || -> PyResult<Bound<'_, PyAny>> {
        let report = error.render(lang).into_py(py)?;
        FROM_REPORT
            .import(py, "opgate._errors", "_from_report")?
            .call1((report,))
    };
    match raised() {
        Ok(exception) => PyErr::from_value(exception),
        Err(failure) => failure,
    }
}

/// Adds every result class to the extension module (`opgate._opgate`); a new result type adds
/// its line here.
pub fn register(module: &Bound<'_, pyo3::types::PyModule>) -> PyResult<()> {
    use crate::catalog::describe::*;
    use crate::error::{ApiErrorExtras, ErrorReport, RenderedError};
    use crate::lifecycle::{
        AccessExplanation, Baseline, Classification, ClientToken, Counts, IdOutcome, Observed, Plan, PlanOutcome,
        PlannedDenial, PlannedRequest, PlannedUnknown, RequestRetry, ResourceOutcome, RetryAdvice, TargetReport, Track,
        WaitReport, Waiter,
    };
    use crate::params::Validated;
    use crate::precheck::{TargetOutcome, TransitionView, Verdict, WaitState};
    use crate::ram::{AccessCheck, Authorization, Condition, Policy, RequiredAccess, Statement};
    use crate::wire::{ApiResponse, DryRunPassed, Endpoint, HttpRequest, RenewalResult, TargetFailure};

    fn add<T: Native>(module: &Bound<'_, pyo3::types::PyModule>) -> PyResult<()> {
        module.add_class::<T::Class>()
    }
    // The operation description and its parts.
    add::<OperationDescription>(module)?;
    add::<AlibabaRpcWire>(module)?;
    add::<ZenlayerJsonWire>(module)?;
    add::<ParamDescription>(module)?;
    add::<BooleanKind>(module)?;
    add::<IntegerKind>(module)?;
    add::<EnumKind>(module)?;
    add::<StringKind>(module)?;
    add::<ListKind>(module)?;
    add::<ObjectKind>(module)?;
    add::<RuleDescription>(module)?;
    add::<TargetDescription>(module)?;
    add::<ResourceDescription>(module)?;
    add::<TransitionDescription>(module)?;
    add::<WaitDescription>(module)?;
    add::<RamDescription>(module)?;
    add::<DryRunDescription>(module)?;
    add::<ErrorDescription>(module)?;
    // Validation, pre-checks, waiting.
    add::<Validated>(module)?;
    add::<Verdict>(module)?;
    add::<TargetOutcome>(module)?;
    add::<TransitionView>(module)?;
    add::<WaitState>(module)?;
    // Requests and responses.
    add::<HttpRequest>(module)?;
    add::<Endpoint>(module)?;
    add::<ApiResponse>(module)?;
    add::<RenewalResult>(module)?;
    add::<TargetFailure>(module)?;
    add::<DryRunPassed>(module)?;
    #[cfg(feature = "signing")]
    add::<crate::wire::SignedRequest>(module)?;
    // RAM.
    add::<Policy>(module)?;
    add::<Statement>(module)?;
    add::<Condition>(module)?;
    add::<RequiredAccess>(module)?;
    add::<Authorization>(module)?;
    add::<AccessCheck>(module)?;
    // Errors.
    add::<RenderedError>(module)?;
    add::<ApiErrorExtras>(module)?;
    add::<ErrorReport>(module)?;
    // Lifecycle: tokens, retries, denials, batch plans, waiters.
    add::<ClientToken>(module)?;
    add::<Classification>(module)?;
    add::<RetryAdvice>(module)?;
    add::<AccessExplanation>(module)?;
    add::<Plan>(module)?;
    add::<PlannedRequest>(module)?;
    add::<PlannedDenial>(module)?;
    add::<PlannedUnknown>(module)?;
    add::<PlanOutcome>(module)?;
    add::<IdOutcome>(module)?;
    add::<ResourceOutcome>(module)?;
    add::<RequestRetry>(module)?;
    add::<Waiter>(module)?;
    add::<Track>(module)?;
    add::<Baseline>(module)?;
    add::<Observed>(module)?;
    add::<WaitReport>(module)?;
    add::<TargetReport>(module)?;
    add::<Counts>(module)?;
    Ok(())
}

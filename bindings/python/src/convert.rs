//! Python objects to `serde_json::Value`, with limits: nesting depth, string keys, 64-bit
//! integers, finite floats. Anything else becomes a validation error in the provider's style
//! (`InvalidParameter`, with the path of the offending value), never a panic or a stack overflow.

use opgate::error::clip;
use opgate::input::{check_depth, PathStep as Step, Unconvertible as Problem};
use opgate::Error;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// How the path of a bad value is written: request parameters as the core writes them
/// (`ResourcePeriod[0].Period`), everything else under the argument's name (`resources[3].Status`).
#[derive(Clone, Copy)]
pub enum Root<'a> {
    Params,
    Arg(&'a str),
}

impl<'a> Root<'a> {
    /// The path prefix, and the name of the value itself.
    fn names(self) -> (&'a str, &'a str) {
        match self {
            Root::Params => ("", "params"),
            Root::Arg(name) => (name, name),
        }
    }
}

/// Converts `object` to JSON; `root` names it in error paths.
pub fn to_value(object: &Bound<'_, PyAny>, root: Root<'_>) -> Result<Value, Error> {
    let (prefix, whole) = root.names();
    convert(object, 0).map_err(|problem| problem.into_error(prefix, whole))
}

fn type_name(object: &Bound<'_, PyAny>) -> String {
    object.get_type().name().map(|name| clip(&name.to_string())).unwrap_or_else(|_| "?".to_owned())
}

fn convert(object: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Problem> {
    if object.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(text) = object.cast::<PyString>() {
        return match text.to_str() {
            Ok(text) => Ok(Value::String(text.to_owned())),
            Err(_) => Err(Problem::new(
                "The string at \"{field}\" is not valid Unicode (it holds a lone surrogate).".to_owned(),
                "\"{field}\" 处的字符串不是有效的 Unicode（含有孤立的代理字符）。".to_owned(),
            )),
        };
    }
    if let Ok(dict) = object.cast::<PyDict>() {
        check_depth(depth)?;
        let mut map = Map::with_capacity(dict.len());
        for (key, value) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                let kind = type_name(&key);
                return Err(Problem::new(
                    format!("The object at \"{{field}}\" has a key of type {kind}; keys must be strings."),
                    format!("\"{{field}}\" 处的对象含有类型为 {kind} 的键；键必须是字符串。"),
                ));
            };
            let Ok(key) = key.to_str() else {
                return Err(Problem::new(
                    "The object at \"{field}\" has a key that is not valid Unicode.".to_owned(),
                    "\"{field}\" 处的对象含有不是有效 Unicode 的键。".to_owned(),
                ));
            };
            let converted = convert(&value, depth + 1).map_err(|problem| problem.at(Step::Key(clip(key))))?;
            map.insert(key.to_owned(), converted);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = object.cast::<PyList>() {
        check_depth(depth)?;
        return list
            .iter()
            .enumerate()
            .map(|(index, item)| convert(&item, depth + 1).map_err(|problem| problem.at(Step::Index(index))))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array);
    }
    if let Ok(tuple) = object.cast::<PyTuple>() {
        check_depth(depth)?;
        return tuple
            .iter()
            .enumerate()
            .map(|(index, item)| convert(&item, depth + 1).map_err(|problem| problem.at(Step::Index(index))))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array);
    }
    // bool before int: Python's bool is an int subclass.
    if let Ok(flag) = object.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if object.cast::<PyInt>().is_ok() {
        if let Ok(number) = object.extract::<i64>() {
            return Ok(Value::from(number));
        }
        if let Ok(number) = object.extract::<u64>() {
            return Ok(Value::from(number));
        }
        let shown = object.str().map(|s| clip(&s.to_string())).unwrap_or_default();
        return Err(Problem::new(
            format!("The integer at \"{{field}}\" is outside the 64-bit range; got {shown}."),
            format!("\"{{field}}\" 处的整数超出 64 位范围，实际为 {shown}。"),
        ));
    }
    if let Ok(float) = object.cast::<PyFloat>() {
        return match Number::from_f64(float.value()) {
            Some(number) => Ok(Value::Number(number)),
            None => Err(Problem::not_finite(&float.value().to_string())),
        };
    }
    let kind = type_name(object);
    Err(Problem::unsupported_type(
        &kind,
        "dict, list, tuple, str, int, float, bool or None",
        " dict、list、tuple、str、int、float、bool 或 None",
    ))
}

/// JSON to Python: objects to dicts (keys in order), arrays to lists, numbers to int/float.
/// Core results go through `serde_json::Value` first so that every binding sees the same
/// JSON shape (pythonize would turn Rust tuples into Python tuples).
pub fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
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
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(PyString::new(py, key), to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

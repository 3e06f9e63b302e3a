//! pyo3 glue for opgate: converts arguments to the core's types, calls the core with the GIL
//! released, and converts results (via serde) and errors (via `opgate._errors`) back. No
//! decisions are made here; the Python package `opgate` wraps these functions in typed,
//! frozen result objects.

mod convert;
mod errors;
mod limits;
mod ram;
mod wire;
mod work;

use opgate::params::IntBound;
use opgate::{Error, Lang, Options};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use serde::Serialize;
use serde_json::Value;

use convert::{to_value, Root};
use errors::to_pyerr;
use limits::resource_count;

/// Parses `lang`; an unknown tag is an `InputError` reported in English.
fn parse_lang(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    Lang::parse(lang).map_err(|error| to_pyerr(py, &error, Lang::En))
}

/// The result as plain Python data (dicts, lists, str, int, float, bool, None), serialized
/// straight into Python objects. Rust tuples would become Python tuples this way, so results
/// that hold tuples go through [`to_python_json`] instead (the vectors catch any that do not).
fn to_python<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// The result via `serde_json::Value`: exactly the JSON shape, tuples as lists.
fn to_python_json<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|error| PyRuntimeError::new_err(format!("opgate could not serialize its result: {error}")))?;
    convert::to_python(py, &value)
}

/// Converts a core result, raising the matching `OpgateError` subclass on error.
fn finish<'py, T: Serialize>(py: Python<'py>, result: Result<T, Error>, lang: Lang) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(value) => to_python(py, &value),
        Err(error) => Err(to_pyerr(py, &error, lang)),
    }
}

/// [`finish`] for results that hold Rust tuples (requests: `query`, `headers`).
fn finish_json<'py, T: Serialize>(py: Python<'py>, result: Result<T, Error>, lang: Lang) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(value) => to_python_json(py, &value),
        Err(error) => Err(to_pyerr(py, &error, lang)),
    }
}

/// `[{"path": "Period", "min": 1, "max": 36}, ...]`, read by the core.
fn parse_int_bounds(bounds: Option<&Bound<'_, PyAny>>) -> Result<Vec<IntBound>, Error> {
    match bounds.filter(|b| !b.is_none()) {
        Some(bounds) => IntBound::list_from_json(&to_value(bounds, Root::Arg("int_bounds"))?, "int_bounds"),
        None => Ok(Vec::new()),
    }
}

/// Parses the common options; errors are rendered in `lang` when it is valid.
fn options(py: Python<'_>, lang: &str, now: Option<i64>, int_bounds: Option<&Bound<'_, PyAny>>) -> PyResult<Options> {
    let lang = parse_lang(py, lang)?;
    let int_bounds = parse_int_bounds(int_bounds).map_err(|error| to_pyerr(py, &error, lang))?;
    Ok(Options { lang, now, int_bounds })
}

/// Converts a data argument, raising `ValidationError` for values JSON cannot hold.
fn data(py: Python<'_>, object: &Bound<'_, PyAny>, root: Root<'_>, lang: Lang) -> PyResult<Value> {
    to_value(object, root).map_err(|error| to_pyerr(py, &error, lang))
}

/// Every operation's description: `[{"id", "provider", "action", "params", ...}, ...]`.
#[pyfunction]
#[pyo3(signature = (*, lang = "en"))]
fn operations<'py>(py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let described: Vec<Value> = opgate::operations().iter().map(|op| op.describe(lang)).collect();
    to_python(py, &described)
}

/// One operation's description.
#[pyfunction]
#[pyo3(signature = (operation, *, lang = "en"))]
fn operation<'py>(py: Python<'py>, operation: &str, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    finish(py, opgate::operation(operation).map(|op| op.describe(lang)), lang)
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, lang = "en", now = None, int_bounds = None))]
fn validate<'py>(
    py: Python<'py>,
    operation: String,
    params: &Bound<'py, PyAny>,
    lang: &str,
    now: Option<i64>,
    int_bounds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(py, lang, now, int_bounds)?;
    let params = data(py, params, Root::Params, options.lang)?;
    let result = py.detach(|| opgate::validate(&operation, &params, &options));
    finish(py, result, options.lang)
}

#[pyfunction]
#[pyo3(signature = (operation, params, resources, *, lang = "en", now = None, int_bounds = None))]
fn precheck<'py>(
    py: Python<'py>,
    operation: String,
    params: &Bound<'py, PyAny>,
    resources: &Bound<'py, PyAny>,
    lang: &str,
    now: Option<i64>,
    int_bounds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(py, lang, now, int_bounds)?;
    let params = data(py, params, Root::Params, options.lang)?;
    resource_count(py, &operation, resources, options.lang)?;
    let resources = data(py, resources, Root::Arg("resources"), options.lang)?;
    let result = py.detach(|| opgate::precheck(&operation, &params, &resources, &options));
    finish(py, result, options.lang)
}

#[pyfunction]
#[pyo3(signature = (operation, params, resources, *, lang = "en", now = None, int_bounds = None))]
fn check<'py>(
    py: Python<'py>,
    operation: String,
    params: &Bound<'py, PyAny>,
    resources: &Bound<'py, PyAny>,
    lang: &str,
    now: Option<i64>,
    int_bounds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(py, lang, now, int_bounds)?;
    let params = data(py, params, Root::Params, options.lang)?;
    resource_count(py, &operation, resources, options.lang)?;
    let resources = data(py, resources, Root::Arg("resources"), options.lang)?;
    let result = py.detach(|| opgate::check(&operation, &params, &resources, &options));
    finish(py, result, options.lang)
}

#[pyfunction]
#[pyo3(signature = (operation, resources, *, lang = "en", now = None, int_bounds = None))]
fn precheck_resources<'py>(
    py: Python<'py>,
    operation: String,
    resources: &Bound<'py, PyAny>,
    lang: &str,
    now: Option<i64>,
    int_bounds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(py, lang, now, int_bounds)?;
    resource_count(py, &operation, resources, options.lang)?;
    let resources = data(py, resources, Root::Arg("resources"), options.lang)?;
    let result = py.detach(|| opgate::precheck_resources(&operation, &resources, &options));
    finish(py, result, options.lang)
}

#[pyfunction]
#[pyo3(signature = (operation, status, *, lang = "en"))]
fn wait_status<'py>(py: Python<'py>, operation: &str, status: &str, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    finish(py, opgate::wait_status(operation, status, &Options { lang, ..Options::default() }), lang)
}

#[pymodule]
fn _opgate(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("MAX_DEPTH", opgate::input::MAX_DEPTH)?;
    module.add_function(wrap_pyfunction!(operations, module)?)?;
    module.add_function(wrap_pyfunction!(operation, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(precheck, module)?)?;
    module.add_function(wrap_pyfunction!(check, module)?)?;
    module.add_function(wrap_pyfunction!(precheck_resources, module)?)?;
    module.add_function(wrap_pyfunction!(wait_status, module)?)?;
    wire::register(module)?;
    ram::register(module)?;
    work::register(module)?;
    Ok(())
}

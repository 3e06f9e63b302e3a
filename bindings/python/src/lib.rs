//! pyo3 glue for opgate: wraps arguments as `opgate::host` values, calls the core's host
//! contract (`opgate::host::calls`) and hands results back as the core's own classes (each
//! result struct is a frozen Python class, `opgate::record`) and errors as `opgate._errors`
//! exceptions. Every argument is taken as a plain Python object, so a value of the wrong type is
//! refused by the core with a code and a field, never by pyo3 with a bare `TypeError`. No
//! decisions are made here; the Python package `opgate` adds the precise argument types, and
//! `clock` the clock and nonce defaults.

mod clock;
mod convert;
mod errors;
mod lifecycle;
mod ram;
mod wire;

use opgate::host::{calls, Failed, Opt, OptionsIn};
use opgate::record::python::IntoPy;
use pyo3::prelude::*;

use convert::Py;
use errors::to_pyerr;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Keyword arguments by name, as the core reads options.
type Named<'py> = [(Opt, Option<Py<'py>>)];

fn named<'py, const N: usize>(pairs: [(Opt, Option<Bound<'py, PyAny>>); N]) -> [(Opt, Option<Py<'py>>); N] {
    pairs.map(|(opt, value)| (opt, value.map(Py)))
}

fn kwargs<'a, 'py>(pairs: &'a Named<'py>) -> OptionsIn<'a, Py<'py>> {
    OptionsIn::Named(pairs)
}

/// The result as its class (no copy: the Python object owns the Rust value), or the matching
/// `OpgateError` subclass raised.
fn finish<'py, T: IntoPy>(py: Python<'py>, result: Result<T, Failed>) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(value) => value.into_py(py),
        Err(failed) => Err(to_pyerr(py, &failed.error, failed.lang)),
    }
}

/// Every operation's description, as a tuple of `Operation`.
#[pyfunction]
#[pyo3(signature = (*, lang = None))]
fn operations<'py>(py: Python<'py>, lang: Option<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang)]);
    finish(py, calls::operations(kwargs(&options)))
}

/// One operation's description.
#[pyfunction]
#[pyo3(signature = (operation, *, lang = None))]
fn operation<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang)]);
    finish(py, calls::operation(&Py(operation), kwargs(&options)))
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, lang = None, now = None, int_bounds = None))]
fn validate<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    params: Bound<'py, PyAny>,
    lang: Option<Bound<'py, PyAny>>,
    now: Option<Bound<'py, PyAny>>,
    int_bounds: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang), (Opt::Now, now), (Opt::IntBounds, int_bounds)]);
    finish(py, calls::validate(&Py(operation), &Py(params), kwargs(&options)))
}

#[pyfunction]
#[pyo3(signature = (operation, params, resources, *, lang = None, now = None, int_bounds = None))]
fn precheck<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    params: Bound<'py, PyAny>,
    resources: Bound<'py, PyAny>,
    lang: Option<Bound<'py, PyAny>>,
    now: Option<Bound<'py, PyAny>>,
    int_bounds: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang), (Opt::Now, now), (Opt::IntBounds, int_bounds)]);
    finish(
        py,
        calls::precheck(&Py(operation), &Py(params), &Py(resources), kwargs(&options)),
    )
}

#[pyfunction]
#[pyo3(signature = (operation, params, resources, *, lang = None, now = None, int_bounds = None))]
fn check<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    params: Bound<'py, PyAny>,
    resources: Bound<'py, PyAny>,
    lang: Option<Bound<'py, PyAny>>,
    now: Option<Bound<'py, PyAny>>,
    int_bounds: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang), (Opt::Now, now), (Opt::IntBounds, int_bounds)]);
    finish(
        py,
        calls::check(&Py(operation), &Py(params), &Py(resources), kwargs(&options)),
    )
}

#[pyfunction]
#[pyo3(signature = (operation, resources, *, lang = None, now = None, int_bounds = None))]
fn precheck_resources<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    resources: Bound<'py, PyAny>,
    lang: Option<Bound<'py, PyAny>>,
    now: Option<Bound<'py, PyAny>>,
    int_bounds: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang), (Opt::Now, now), (Opt::IntBounds, int_bounds)]);
    finish(
        py,
        calls::precheck_resources(&Py(operation), &Py(resources), kwargs(&options)),
    )
}

#[pyfunction]
#[pyo3(signature = (operation, status, *, lang = None))]
fn wait_status<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    status: Bound<'py, PyAny>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang)]);
    finish(py, calls::wait_status(&Py(operation), &Py(status), kwargs(&options)))
}

/// Steps the core counted on this thread since the previous call (`opgate::host::calls::take_work`).
#[pyfunction]
fn _take_work() -> u64 {
    opgate::host::calls::take_work()
}

#[pymodule]
fn _opgate(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("MAX_DEPTH", opgate::host::limits::MAX_DEPTH)?;
    module.add("MAX_NODES", opgate::host::limits::MAX_NODES)?;
    module.add("MAX_BYTES", opgate::host::limits::MAX_BYTES)?;
    module.add("MAX_LIST_ITEMS", opgate::host::limits::MAX_LIST_ITEMS)?;
    module.add_function(wrap_pyfunction!(operations, module)?)?;
    module.add_function(wrap_pyfunction!(operation, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(precheck, module)?)?;
    module.add_function(wrap_pyfunction!(check, module)?)?;
    module.add_function(wrap_pyfunction!(precheck_resources, module)?)?;
    module.add_function(wrap_pyfunction!(wait_status, module)?)?;
    module.add_function(wrap_pyfunction!(_take_work, module)?)?;
    opgate::record::python::register(module)?;
    clock::register(module)?;
    wire::register(module)?;
    ram::register(module)?;
    lifecycle::register(module)?;
    Ok(())
}

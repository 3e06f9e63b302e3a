//! Core errors to Python exceptions. The exception classes live in `opgate._errors`; this side
//! renders the core's report and hands it to `_from_report`, which picks the class by `kind`.

use opgate::{Error, Lang};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static FROM_REPORT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python exception for a core error, its messages in `lang`.
pub fn to_pyerr(py: Python<'_>, error: &Error, lang: Lang) -> PyErr {
    match exception(py, error, lang) {
        Ok(exception) => PyErr::from_value(exception),
        Err(failure) => failure,
    }
}

fn exception<'py>(py: Python<'py>, error: &Error, lang: Lang) -> PyResult<Bound<'py, PyAny>> {
    let report = crate::to_python_json(py, &error.render(lang))?;
    let from_report = FROM_REPORT.import(py, "opgate._errors", "_from_report")?;
    from_report.call1((report,))
}

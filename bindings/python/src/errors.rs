//! Core errors to Python exceptions. The exception classes live in `opgate._errors`; the core
//! renders the report as its native class and hands it to `_from_report`, which picks the class
//! by `kind` (`opgate::record::python::error`).

use opgate::{Error, Lang};
use pyo3::prelude::*;

/// The Python exception for a core error, its messages in `lang`.
pub fn to_pyerr(py: Python<'_>, error: &Error, lang: Lang) -> PyErr {
    opgate::record::python::error(py, error, lang)
}

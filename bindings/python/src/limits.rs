//! The core's count limits, applied to a host list by its length before any item is
//! converted: converting a million references to one dict costs seconds and a gigabyte, and
//! the core would refuse the list by its length anyway (same error, so every binding answers
//! alike).

use opgate::Lang;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::errors::to_pyerr;

fn sequence_length(value: &Bound<'_, PyAny>) -> Option<usize> {
    match (value.cast::<PyList>(), value.cast::<PyTuple>()) {
        (Ok(list), _) => Some(list.len()),
        (_, Ok(tuple)) => Some(tuple.len()),
        _ => None,
    }
}

/// `opgate::ram::check_policy_count` for a policies list.
pub fn policy_count(py: Python<'_>, policies: &Bound<'_, PyAny>, lang: Lang) -> PyResult<()> {
    match sequence_length(policies) {
        Some(count) => opgate::ram::check_policy_count(count).map_err(|error| to_pyerr(py, &error, lang)),
        None => Ok(()),
    }
}

/// `opgate::precheck::check_resource_count` for a resources list.
pub fn resource_count(py: Python<'_>, operation: &str, resources: &Bound<'_, PyAny>, lang: Lang) -> PyResult<()> {
    match sequence_length(resources) {
        Some(count) => opgate::precheck::check_resource_count(operation, count).map_err(|error| to_pyerr(py, &error, lang)),
        None => Ok(()),
    }
}

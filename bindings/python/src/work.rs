//! The core's work counter, for the hostile-input suite (`python/tests/test_hostile.py`).

use pyo3::prelude::*;

/// Steps the core counted on this thread since the previous call (see `opgate::work`).
#[pyfunction]
fn _take_work() -> u64 {
    opgate::work::take()
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(_take_work, module)?)?;
    Ok(())
}

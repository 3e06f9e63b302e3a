//! RAM calls: glue over `opgate::host::calls`.

use opgate::host::{calls, Opt};
use pyo3::prelude::*;

use crate::convert::Py;
use crate::{finish, kwargs, named};

#[pyfunction]
#[pyo3(signature = (policy, *, lang = None))]
fn ram_parse_policy<'py>(
    py: Python<'py>,
    policy: Bound<'py, PyAny>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang)]);
    finish(py, calls::ram_parse_policy(&Py(policy), kwargs(&options)))
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, region = None, account_id = None, lang = None))]
fn ram_required_access<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    params: Bound<'py, PyAny>,
    region: Option<Bound<'py, PyAny>>,
    account_id: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang), (Opt::Region, region), (Opt::AccountId, account_id)]);
    finish(
        py,
        calls::ram_required_access(&Py(operation), &Py(params), kwargs(&options)),
    )
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, policies, region = None, account_id = None, context = None, lang = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "one argument per Python keyword of the public signature"
)]
fn ram_authorize<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    params: Bound<'py, PyAny>,
    policies: Bound<'py, PyAny>,
    region: Option<Bound<'py, PyAny>>,
    account_id: Option<Bound<'py, PyAny>>,
    context: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([
        (Opt::Lang, lang),
        (Opt::Region, region),
        (Opt::AccountId, account_id),
        (Opt::Context, context),
    ]);
    finish(
        py,
        calls::ram_authorize(&Py(operation), &Py(params), &Py(policies), kwargs(&options)),
    )
}

#[pyfunction]
#[pyo3(signature = (policies, action, resource, *, context = None, lang = None))]
fn ram_evaluate<'py>(
    py: Python<'py>,
    policies: Bound<'py, PyAny>,
    action: Bound<'py, PyAny>,
    resource: Bound<'py, PyAny>,
    context: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang), (Opt::Context, context)]);
    finish(
        py,
        calls::ram_evaluate(&Py(policies), &Py(action), &Py(resource), kwargs(&options)),
    )
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(ram_parse_policy, module)?)?;
    module.add_function(wrap_pyfunction!(ram_required_access, module)?)?;
    module.add_function(wrap_pyfunction!(ram_authorize, module)?)?;
    module.add_function(wrap_pyfunction!(ram_evaluate, module)?)?;
    Ok(())
}

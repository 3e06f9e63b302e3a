//! Lifecycle glue: ClientTokens, retry classes and advice, batch plans, waiters (as their
//! state, a `WaiterState` the Python `Waiter` class holds), access-denied details. Glue over
//! `opgate::host::calls`; every decision is the core's (`opgate::lifecycle`).

use opgate::host::calls::Held;
use opgate::host::{calls, Opt};
use opgate::record::python::Native;
use pyo3::prelude::*;

use crate::convert::Py;
use crate::{finish, kwargs, named};

/// A result of the core passed back in: used as it is when it is its own class.
fn held<'a, 'py, T: Native>(object: &'a Bound<'py, PyAny>, given: &'a Py<'py>) -> Held<'a, T, Py<'py>> {
    match object.cast::<T::Class>() {
        Ok(class) => Held::Value(T::value(class.get()), given),
        Err(_) => Held::Host(given),
    }
}

type Any<'py> = Bound<'py, PyAny>;

#[pyfunction]
#[pyo3(signature = (operation, params, *, scope = None, lang = None, int_bounds = None))]
fn client_token<'py>(
    py: Python<'py>,
    operation: Any<'py>,
    params: Any<'py>,
    scope: Option<Any<'py>>,
    lang: Option<Any<'py>>,
    int_bounds: Option<Any<'py>>,
) -> PyResult<Any<'py>> {
    let options = named([(Opt::Lang, lang), (Opt::Scope, scope), (Opt::IntBounds, int_bounds)]);
    finish(py, calls::client_token(&Py(operation), &Py(params), kwargs(&options)))
}

#[pyfunction]
#[pyo3(signature = (operation, code, *, status = None, lang = None))]
fn classify<'py>(
    py: Python<'py>,
    operation: Any<'py>,
    code: Any<'py>,
    status: Option<Any<'py>>,
    lang: Option<Any<'py>>,
) -> PyResult<Any<'py>> {
    let options = named([(Opt::Lang, lang), (Opt::Status, status)]);
    finish(py, calls::classify(&Py(operation), &Py(code), kwargs(&options)))
}

#[pyfunction]
#[pyo3(signature = (operation, status = None, code = None, headers = None, *, params = None, now = None, attempt = None, lang = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "one argument per Python keyword of the public signature"
)]
fn retry_advice<'py>(
    py: Python<'py>,
    operation: Any<'py>,
    status: Option<Any<'py>>,
    code: Option<Any<'py>>,
    headers: Option<Any<'py>>,
    params: Option<Any<'py>>,
    now: Option<Any<'py>>,
    attempt: Option<Any<'py>>,
    lang: Option<Any<'py>>,
) -> PyResult<Any<'py>> {
    let options = named([
        (Opt::Lang, lang),
        (Opt::Params, params),
        (Opt::Now, now),
        (Opt::Attempt, attempt),
    ]);
    let (status, code, headers) = (status.map(Py), code.map(Py), headers.map(Py));
    finish(
        py,
        calls::retry_advice(
            &Py(operation),
            status.as_ref(),
            code.as_ref(),
            headers.as_ref(),
            kwargs(&options),
        ),
    )
}

#[pyfunction]
#[pyo3(signature = (detail, *, lang = None))]
fn access_denied<'py>(py: Python<'py>, detail: Any<'py>, lang: Option<Any<'py>>) -> PyResult<Any<'py>> {
    let options = named([(Opt::Lang, lang)]);
    finish(py, calls::access_denied(&Py(detail), kwargs(&options)))
}

#[pyfunction]
#[pyo3(signature = (operation, targets, resources = None, *, scope = None, region = None, endpoint = None, lang = None, now = None, int_bounds = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "one argument per Python keyword of the public signature"
)]
fn plan<'py>(
    py: Python<'py>,
    operation: Any<'py>,
    targets: Any<'py>,
    resources: Option<Any<'py>>,
    scope: Option<Any<'py>>,
    region: Option<Any<'py>>,
    endpoint: Option<Any<'py>>,
    lang: Option<Any<'py>>,
    now: Option<Any<'py>>,
    int_bounds: Option<Any<'py>>,
) -> PyResult<Any<'py>> {
    let options = named([
        (Opt::Lang, lang),
        (Opt::Now, now),
        (Opt::IntBounds, int_bounds),
        (Opt::Scope, scope),
        (Opt::Region, region),
        (Opt::Endpoint, endpoint),
    ]);
    let resources = resources.map(Py);
    finish(
        py,
        calls::plan(&Py(operation), &Py(targets), resources.as_ref(), kwargs(&options)),
    )
}

#[pyfunction]
#[pyo3(signature = (plan, responses, *, lang = None))]
fn merge_plan<'py>(py: Python<'py>, plan: Any<'py>, responses: Any<'py>, lang: Option<Any<'py>>) -> PyResult<Any<'py>> {
    let options = named([(Opt::Lang, lang)]);
    let given = Py(plan.clone());
    finish(
        py,
        calls::merge_plan(held(&plan, &given), &Py(responses), kwargs(&options)),
    )
}

#[pyfunction]
#[pyo3(signature = (operation, ids, sent_at, *, before = None, seed = None, lang = None))]
fn waiter_new<'py>(
    py: Python<'py>,
    operation: Any<'py>,
    ids: Any<'py>,
    sent_at: Any<'py>,
    before: Option<Any<'py>>,
    seed: Option<Any<'py>>,
    lang: Option<Any<'py>>,
) -> PyResult<Any<'py>> {
    let options = named([(Opt::Lang, lang), (Opt::Before, before), (Opt::Seed, seed)]);
    finish(
        py,
        calls::waiter_new(&Py(operation), &Py(ids), &Py(sent_at), kwargs(&options)),
    )
}

#[pyfunction]
#[pyo3(signature = (state, *, lang = None))]
fn waiter_resume<'py>(py: Python<'py>, state: Any<'py>, lang: Option<Any<'py>>) -> PyResult<Any<'py>> {
    let options = named([(Opt::Lang, lang)]);
    let given = Py(state.clone());
    finish(py, calls::waiter_resume(held(&state, &given), kwargs(&options)))
}

#[pyfunction]
#[pyo3(signature = (state, resources, now, *, lang = None))]
fn waiter_observe<'py>(
    py: Python<'py>,
    state: Any<'py>,
    resources: Any<'py>,
    now: Any<'py>,
    lang: Option<Any<'py>>,
) -> PyResult<Any<'py>> {
    let options = named([(Opt::Lang, lang)]);
    let given = Py(state.clone());
    finish(
        py,
        calls::waiter_observe(held(&state, &given), &Py(resources), &Py(now), kwargs(&options)),
    )
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(client_token, module)?)?;
    module.add_function(wrap_pyfunction!(classify, module)?)?;
    module.add_function(wrap_pyfunction!(retry_advice, module)?)?;
    module.add_function(wrap_pyfunction!(access_denied, module)?)?;
    module.add_function(wrap_pyfunction!(plan, module)?)?;
    module.add_function(wrap_pyfunction!(merge_plan, module)?)?;
    module.add_function(wrap_pyfunction!(waiter_new, module)?)?;
    module.add_function(wrap_pyfunction!(waiter_resume, module)?)?;
    module.add_function(wrap_pyfunction!(waiter_observe, module)?)?;
    Ok(())
}

//! Lifecycle glue: ClientTokens, retry classes and advice, batch plans, waiters (as their
//! serialized state, which the Python `Waiter` class holds), access-denied details. Every
//! decision is the core's (`opgate::lifecycle`).

use opgate::lifecycle::{self, FailedCall, PlanOptions, Received, Waiter};
use opgate::Error;
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert::{to_value, Root};
use crate::errors::to_pyerr;
use crate::{data, finish, finish_json, options, parse_lang};

fn optional_data(py: Python<'_>, object: Option<&Bound<'_, PyAny>>, root: Root<'_>, lang: opgate::Lang) -> PyResult<Option<Value>> {
    match object.filter(|o| !o.is_none()) {
        Some(object) => data(py, object, root, lang).map(Some),
        None => Ok(None),
    }
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, scope = "", lang = "en", int_bounds = None))]
fn client_token<'py>(
    py: Python<'py>,
    operation: String,
    params: &Bound<'py, PyAny>,
    scope: &str,
    lang: &str,
    int_bounds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(py, lang, None, int_bounds)?;
    let params = data(py, params, Root::Params, options.lang)?;
    let result = py.detach(|| lifecycle::client_token(&operation, &params, scope, &options));
    finish(py, result, options.lang)
}

#[pyfunction]
#[pyo3(signature = (operation, code, *, status = None, lang = "en"))]
fn classify<'py>(py: Python<'py>, operation: &str, code: &str, status: Option<i64>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let result = status
        .map(lifecycle::http_status)
        .transpose()
        .and_then(|status| lifecycle::classify(operation, code, status, lang));
    finish(py, result, lang)
}

#[pyfunction]
#[pyo3(signature = (operation, status = None, code = None, headers = None, *, params = None, now = None, attempt = 1, lang = "en"))]
#[allow(clippy::too_many_arguments)]
fn retry_advice<'py>(
    py: Python<'py>,
    operation: &str,
    status: Option<i64>,
    code: Option<String>,
    headers: Option<&Bound<'py, PyAny>>,
    params: Option<&Bound<'py, PyAny>>,
    now: Option<i64>,
    attempt: u32,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let params = optional_data(py, params, Root::Params, lang)?;
    let headers = match headers {
        Some(headers) => to_value(headers, Root::Arg("headers"))
            .and_then(opgate::wire::header_pairs_from_json)
            .map_err(|error| to_pyerr(py, &error, lang))?,
        None => Vec::new(),
    };
    let result = status.map(lifecycle::http_status).transpose().and_then(|status| {
        let call = FailedCall {
            status,
            code,
            headers,
            params,
            now,
            attempt,
        };
        lifecycle::retry_advice(operation, &call, lang)
    });
    finish(py, result, lang)
}

#[pyfunction]
#[pyo3(signature = (detail, *, lang = "en"))]
fn access_denied<'py>(py: Python<'py>, detail: &Bound<'py, PyAny>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let detail = data(py, detail, Root::Arg("detail"), lang)?;
    finish(py, lifecycle::access_denied(&detail, lang), lang)
}

#[pyfunction]
#[pyo3(signature = (operation, targets, resources = None, *, scope = String::new(), region = None, endpoint = None, lang = "en", now = None, int_bounds = None))]
#[allow(clippy::too_many_arguments)]
fn plan<'py>(
    py: Python<'py>,
    operation: String,
    targets: &Bound<'py, PyAny>,
    resources: Option<&Bound<'py, PyAny>>,
    scope: String,
    region: Option<String>,
    endpoint: Option<String>,
    lang: &str,
    now: Option<i64>,
    int_bounds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(py, lang, now, int_bounds)?;
    let lang = options.lang;
    let targets = data(py, targets, Root::Arg("targets"), lang)?;
    let resources = optional_data(py, resources, Root::Arg("resources"), lang)?.unwrap_or(Value::Null);
    let plan_options = PlanOptions {
        options,
        region,
        endpoint,
        scope,
    };
    let result = py.detach(|| lifecycle::plan(&operation, &targets, &resources, &plan_options));
    // The plan holds built requests, whose query and headers are pairs.
    finish_json(py, result, lang)
}

#[pyfunction]
#[pyo3(signature = (plan, responses, *, lang = "en"))]
fn merge_plan<'py>(py: Python<'py>, plan: &Bound<'py, PyAny>, responses: &Bound<'py, PyAny>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let plan = data(py, plan, Root::Arg("plan"), lang)?;
    let responses = data(py, responses, Root::Arg("responses"), lang)?;
    let result = py.detach(|| Received::list_from_json(&responses).and_then(|received| lifecycle::merge_plan(&plan, &received, lang)));
    finish(py, result, lang)
}

#[pyfunction]
#[pyo3(signature = (operation, ids, sent_at, *, before = None, seed = None, lang = "en"))]
#[allow(clippy::too_many_arguments)]
fn waiter_new<'py>(
    py: Python<'py>,
    operation: String,
    ids: &Bound<'py, PyAny>,
    sent_at: i64,
    before: Option<&Bound<'py, PyAny>>,
    seed: Option<u32>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let ids = data(py, ids, Root::Arg("ids"), lang)?;
    let before = optional_data(py, before, Root::Arg("before"), lang)?;
    let result = py.detach(|| Waiter::new(&operation, &ids, sent_at, before.as_ref(), seed));
    finish(py, result, lang)
}

#[pyfunction]
#[pyo3(signature = (state, *, lang = "en"))]
fn waiter_resume<'py>(py: Python<'py>, state: &Bound<'py, PyAny>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let state = data(py, state, Root::Arg("waiter"), lang)?;
    finish(py, Waiter::resume(&state), lang)
}

#[pyfunction]
#[pyo3(signature = (state, resources, now, *, lang = "en"))]
fn waiter_observe<'py>(py: Python<'py>, state: &Bound<'py, PyAny>, resources: &Bound<'py, PyAny>, now: i64, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let state = data(py, state, Root::Arg("waiter"), lang)?;
    let resources = data(py, resources, Root::Arg("resources"), lang)?;
    let result: Result<_, Error> = py.detach(|| Waiter::observe_state(&state, &resources, now, lang));
    // The report's poll window is a pair.
    finish_json(py, result, lang)
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

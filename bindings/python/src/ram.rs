//! RAM glue: policy parsing, required permissions, authorization and single checks.

use opgate::{ram, text, Error, ErrorDetail, Lang};
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert::Root;
use crate::errors::to_pyerr;
use crate::limits::policy_count;
use crate::{data, finish, parse_lang};

/// `policies` must be a list of documents (dicts or JSON text).
fn documents(py: Python<'_>, value: Value, lang: Lang) -> PyResult<Vec<Value>> {
    match value {
        Value::Array(items) => Ok(items),
        _ => {
            let error = Error::Input(ErrorDetail::client(
                "InvalidParameter.Policies",
                text!("\"policies\" must be a list of policy documents.", "\"policies\" 必须是策略文档的列表。"),
                Some("policies".to_owned()),
            ));
            Err(to_pyerr(py, &error, lang))
        }
    }
}

#[pyfunction]
#[pyo3(signature = (policy, *, lang = "en"))]
fn ram_parse_policy<'py>(py: Python<'py>, policy: &Bound<'py, PyAny>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let policy = data(py, policy, Root::Arg("policy"), lang)?;
    let result = py.detach(|| ram::parse_policy(&policy));
    finish(py, result, lang)
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, region, account_id, lang = "en"))]
fn ram_required_access<'py>(
    py: Python<'py>,
    operation: String,
    params: &Bound<'py, PyAny>,
    region: String,
    account_id: String,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let params = data(py, params, Root::Params, lang)?;
    let result = py.detach(|| ram::required_access(&operation, &params, &region, &account_id));
    finish(py, result, lang)
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, region, account_id, policies, context = None, lang = "en"))]
#[allow(clippy::too_many_arguments)]
fn ram_authorize<'py>(
    py: Python<'py>,
    operation: String,
    params: &Bound<'py, PyAny>,
    region: String,
    account_id: String,
    policies: &Bound<'py, PyAny>,
    context: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    let params = data(py, params, Root::Params, lang)?;
    policy_count(py, policies, lang)?;
    let policies = documents(py, data(py, policies, Root::Arg("policies"), lang)?, lang)?;
    let context = match context {
        Some(context) => data(py, context, Root::Arg("context"), lang)?,
        None => Value::Null,
    };
    let result = py.detach(|| ram::authorize(&operation, &params, &region, &account_id, &policies, &context, lang));
    finish(py, result, lang)
}

#[pyfunction]
#[pyo3(signature = (policies, action, resource, *, context = None, lang = "en"))]
fn ram_evaluate<'py>(
    py: Python<'py>,
    policies: &Bound<'py, PyAny>,
    action: String,
    resource: String,
    context: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = parse_lang(py, lang)?;
    policy_count(py, policies, lang)?;
    let policies = documents(py, data(py, policies, Root::Arg("policies"), lang)?, lang)?;
    let context = match context {
        Some(context) => data(py, context, Root::Arg("context"), lang)?,
        None => Value::Null,
    };
    let result = py.detach(|| ram::check_access(&policies, &action, &resource, &context, lang));
    finish(py, result, lang)
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(ram_parse_policy, module)?)?;
    module.add_function(wrap_pyfunction!(ram_required_access, module)?)?;
    module.add_function(wrap_pyfunction!(ram_authorize, module)?)?;
    module.add_function(wrap_pyfunction!(ram_evaluate, module)?)?;
    Ok(())
}

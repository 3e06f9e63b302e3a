//! Wire layer glue: `build`, `sign` (feature `signing`), `parse_response`, and the
//! `Credentials` holder whose secrets stay in Rust memory (wiped on drop, never shown).

use opgate::wire::BuildOptions;
use opgate::{text, Error, ErrorDetail};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use serde_json::Value;

use crate::convert::{to_value, Root};
use crate::errors::to_pyerr;
use crate::{data, finish, finish_json, options};

fn input_error(code: &str, field: &str, en: String, zh: String) -> Error {
    Error::Input(ErrorDetail::client(code, text!(en, zh), Some(field.to_owned())))
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, region = None, endpoint = None, lang = "en", now = None, int_bounds = None))]
#[expect(clippy::too_many_arguments, reason = "one Rust argument per Python parameter of build(); pyo3 maps them by name")]
fn build<'py>(
    py: Python<'py>,
    operation: String,
    params: &Bound<'py, PyAny>,
    region: Option<String>,
    endpoint: Option<String>,
    lang: &str,
    now: Option<i64>,
    int_bounds: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let validation = options(py, lang, now, int_bounds)?;
    let lang = validation.lang;
    let params = data(py, params, Root::Params, lang)?;
    let build_options = BuildOptions { region, endpoint, validation };
    let result = py.detach(|| opgate::wire::build(&operation, &params, &build_options));
    finish_json(py, result, lang)
}

/// The body as bytes: `bytes`, `bytearray` or `str` (sent as UTF-8); `None` is empty.
fn body_bytes(body: &Bound<'_, PyAny>) -> Result<Vec<u8>, Error> {
    if body.is_none() {
        return Ok(Vec::new());
    }
    if let Ok(bytes) = body.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    if let Ok(bytes) = body.cast::<PyByteArray>() {
        return Ok(bytes.to_vec());
    }
    if let Ok(text) = body.cast::<PyString>() {
        if let Ok(text) = text.to_str() {
            return Ok(text.as_bytes().to_vec());
        }
    }
    Err(input_error(
        "InvalidParameter.Body",
        "body",
        "\"body\" must be bytes or a str.".to_owned(),
        "\"body\" 必须是 bytes 或 str。".to_owned(),
    ))
}

/// Where a request for the operation goes: `{scheme, host, path}`.
#[pyfunction]
#[pyo3(signature = (operation, *, region = None, endpoint = None, lang = "en"))]
fn endpoint<'py>(py: Python<'py>, operation: &str, region: Option<&str>, endpoint: Option<&str>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    let lang = crate::parse_lang(py, lang)?;
    finish(
        py,
        opgate::operation(operation).and_then(|op| opgate::wire::resolve_endpoint(op, region, endpoint)),
        lang,
    )
}

#[pyfunction]
#[pyo3(signature = (operation, status, body, headers = None, *, lang = "en"))]
fn parse_response<'py>(
    py: Python<'py>,
    operation: String,
    status: i64,
    body: &Bound<'py, PyAny>,
    headers: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = crate::parse_lang(py, lang)?;
    let status = u16::try_from(status).map_err(|_| {
        let error = input_error(
            "InvalidParameter.Status",
            "status",
            format!("The HTTP status {status} is not valid; expected 100-599."),
            format!("HTTP 状态码 {status} 无效；应在 100-599 之间。"),
        );
        to_pyerr(py, &error, lang)
    })?;
    let headers = match headers {
        Some(headers) => to_value(headers, Root::Arg("headers"))
            .and_then(opgate::wire::header_pairs_from_json)
            .map_err(|error| to_pyerr(py, &error, lang))?,
        None => Vec::new(),
    };
    let body = body_bytes(body).map_err(|error| to_pyerr(py, &error, lang))?;
    let result = py.detach(|| opgate::wire::parse_response(&operation, status, &headers, &body));
    finish(py, result, lang)
}

#[cfg(feature = "signing")]
mod signing {
    use opgate::wire::{Credentials, HttpRequest, SignOptions, SignatureAlgorithm};
    use opgate::Lang;
    use pyo3::exceptions::PyTypeError;
    use pyo3::types::PyDict;

    use super::*;

    /// AccessKey (optionally STS) or bearer credentials. The secrets are copied into Rust
    /// memory that is wiped when the object is dropped; `repr` shows only the key id.
    #[pyclass(frozen, name = "Credentials", module = "opgate")]
    pub struct PyCredentials {
        inner: Credentials,
        has_token: bool,
    }

    #[pymethods]
    impl PyCredentials {
        #[new]
        #[pyo3(signature = (access_key_id, access_key_secret, security_token = None))]
        fn new(access_key_id: String, access_key_secret: String, security_token: Option<String>) -> Self {
            let has_token = security_token.is_some();
            let inner = match security_token {
                Some(token) => Credentials::sts(access_key_id, access_key_secret, token),
                None => Credentials::access_key(access_key_id, access_key_secret),
            };
            PyCredentials { inner, has_token }
        }

        /// A Zenlayer personal access token, sent as `Authorization: Bearer <token>`.
        #[staticmethod]
        fn bearer(token: String) -> Self {
            PyCredentials {
                inner: Credentials::bearer(token),
                has_token: false,
            }
        }

        #[getter]
        fn access_key_id(&self) -> Option<&str> {
            self.inner.access_key_id()
        }

        fn __repr__(&self) -> String {
            match self.inner.access_key_id() {
                Some(id) if self.has_token => format!("Credentials(access_key_id={id:?}, access_key_secret=<redacted>, security_token=<redacted>)"),
                Some(id) => format!("Credentials(access_key_id={id:?}, access_key_secret=<redacted>)"),
                None => "Credentials(bearer_token=<redacted>)".to_owned(),
            }
        }

        fn __reduce__(&self) -> PyResult<()> {
            Err(PyTypeError::new_err("Credentials cannot be pickled: they hold secrets"))
        }
    }

    /// A `Credentials` object, or a dict `{access_key_id, access_key_secret[, security_token]}`
    /// / `{bearer_token}` as the conformance vectors give them.
    fn credentials(object: &Bound<'_, PyAny>) -> Result<Credentials, Error> {
        if let Ok(held) = object.cast::<PyCredentials>() {
            return Ok(held.get().inner.clone());
        }
        let bad = || {
            input_error(
                "InvalidParameter.Credentials",
                "credentials",
                "\"credentials\" must be a Credentials object, or a dict with access_key_id and access_key_secret (and optionally security_token), or with bearer_token.".to_owned(),
                "\"credentials\" 必须是 Credentials 对象，或包含 access_key_id 与 access_key_secret（可选 security_token）的字典，或包含 bearer_token 的字典。".to_owned(),
            )
        };
        let dict = object.cast::<PyDict>().map_err(|_| bad())?;
        let text = |name: &str| -> Result<Option<String>, Error> {
            match dict.get_item(name).map_err(|_| bad())? {
                None => Ok(None),
                Some(value) if value.is_none() => Ok(None),
                Some(value) => value.extract::<String>().map(Some).map_err(|_| bad()),
            }
        };
        if dict.len() > 3 {
            return Err(bad());
        }
        match (
            text("access_key_id")?,
            text("access_key_secret")?,
            text("security_token")?,
            text("bearer_token")?,
        ) {
            (Some(id), Some(secret), None, None) => Ok(Credentials::access_key(id, secret)),
            (Some(id), Some(secret), Some(token), None) => Ok(Credentials::sts(id, secret, token)),
            (None, None, None, Some(token)) => Ok(Credentials::bearer(token)),
            _ => Err(bad()),
        }
    }

    fn request(value: Value) -> Result<HttpRequest, Error> {
        serde_json::from_value(value).map_err(|error| {
            let reason = opgate::error::clip(&error.to_string());
            input_error(
                "InvalidParameter.Request",
                "request",
                format!("\"request\" is not a request as build() returns it: {reason}."),
                format!("\"request\" 不是 build() 返回的请求：{reason}。"),
            )
        })
    }

    #[pyfunction]
    #[pyo3(signature = (request, credentials, *, timestamp, nonce, algorithm = None, lang = "en"))]
    fn sign<'py>(
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
        credentials: &Bound<'py, PyAny>,
        timestamp: i64,
        nonce: String,
        algorithm: Option<String>,
        lang: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang: Lang = crate::parse_lang(py, lang)?;
        let raise = |error: Error| to_pyerr(py, &error, lang);
        let request = to_value(request, Root::Arg("request")).and_then(self::request).map_err(raise)?;
        let credentials = self::credentials(credentials).map_err(raise)?;
        let algorithm = algorithm.as_deref().map(SignatureAlgorithm::parse).transpose().map_err(raise)?;
        let sign_options = SignOptions { algorithm, timestamp, nonce };
        let result = py.detach(|| opgate::wire::sign(&request, &credentials, &sign_options));
        finish_json(py, result, lang)
    }

    pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add_class::<PyCredentials>()?;
        module.add_function(wrap_pyfunction!(sign, module)?)?;
        module.add("SIGNING", true)?;
        Ok(())
    }
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(build, module)?)?;
    module.add_function(wrap_pyfunction!(parse_response, module)?)?;
    module.add_function(wrap_pyfunction!(endpoint, module)?)?;
    #[cfg(feature = "signing")]
    signing::register(module)?;
    #[cfg(not(feature = "signing"))]
    module.add("SIGNING", false)?;
    Ok(())
}

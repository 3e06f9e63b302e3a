//! Wire layer glue: `build`, `sign` (feature `signing`), `parse_response`, and the
//! `Credentials` holder whose secrets stay in Rust memory (wiped on drop, never shown).

use opgate::wire::BuildOptions;
use opgate::{text, Error, ErrorDetail};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

use crate::convert::{to_value, Root};
use crate::errors::to_pyerr;
use crate::{data, finish, finish_json, options};

fn input_error(code: &str, field: &str, en: String, zh: String) -> Error {
    Error::Input(ErrorDetail::client(code, text!(en, zh), Some(field.to_owned())))
}

#[pyfunction]
#[pyo3(signature = (operation, params, *, region = None, endpoint = None, lang = "en", now = None, int_bounds = None))]
#[allow(clippy::too_many_arguments)]
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
        fn new(
            py: Python<'_>,
            access_key_id: &Bound<'_, PyAny>,
            access_key_secret: &Bound<'_, PyAny>,
            security_token: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let read = || -> Result<Self, Error> {
                let id = secret_text(access_key_id, "access_key_id")?;
                let secret = secret_text(access_key_secret, "access_key_secret")?;
                let token = security_token
                    .filter(|token| !token.is_none())
                    .map(|token| secret_text(token, "security_token"))
                    .transpose()?;
                let has_token = token.is_some();
                let inner = Credentials::from_parts("credentials", Some(id), Some(secret), token, None)?;
                Ok(PyCredentials { inner, has_token })
            };
            read().map_err(|error| to_pyerr(py, &error, Lang::En))
        }

        /// A Zenlayer personal access token, sent as `Authorization: Bearer <token>`.
        #[staticmethod]
        fn bearer(py: Python<'_>, token: &Bound<'_, PyAny>) -> PyResult<Self> {
            let token = secret_text(token, "token").map_err(|error| to_pyerr(py, &error, Lang::En))?;
            Ok(PyCredentials {
                inner: Credentials::bearer(token),
                has_token: false,
            })
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

    /// A credential argument as a Rust string. Python's own conversion error is dropped
    /// unseen: a `UnicodeEncodeError` holds the whole string in `args` and `.object`.
    fn secret_text(value: &Bound<'_, PyAny>, field: &str) -> Result<String, Error> {
        let Ok(text) = value.cast::<PyString>() else {
            let kind = value.get_type().name().map(|name| name.to_string()).unwrap_or_default();
            return Err(Credentials::not_text(field, &kind));
        };
        text.to_str().map(str::to_owned).map_err(|_| Credentials::not_unicode(field))
    }

    /// A `Credentials` object, or a dict `{access_key_id, access_key_secret[, security_token]}`
    /// / `{bearer_token}` as the conformance vectors give them.
    fn credentials(object: &Bound<'_, PyAny>) -> Result<Credentials, Error> {
        if let Ok(held) = object.cast::<PyCredentials>() {
            return Ok(held.get().inner.clone());
        }
        let dict = object.cast::<PyDict>().map_err(|_| Credentials::bad_shape("credentials"))?;
        if dict.len() > 3 {
            return Err(Credentials::bad_shape("credentials"));
        }
        let text = |name: &str| -> Result<Option<String>, Error> {
            match dict.get_item(name).map_err(|_| Credentials::bad_shape("credentials"))? {
                None => Ok(None),
                Some(value) if value.is_none() => Ok(None),
                Some(value) => secret_text(&value, &format!("credentials.{name}")).map(Some),
            }
        };
        Credentials::from_parts(
            "credentials",
            text("access_key_id")?,
            text("access_key_secret")?,
            text("security_token")?,
            text("bearer_token")?,
        )
    }

    #[pyfunction]
    #[pyo3(signature = (request, credentials, *, timestamp, nonce, algorithm = None, include_secrets = false, lang = "en"))]
    #[allow(clippy::too_many_arguments)]
    fn sign<'py>(
        py: Python<'py>,
        request: &Bound<'py, PyAny>,
        credentials: &Bound<'py, PyAny>,
        timestamp: i64,
        nonce: String,
        algorithm: Option<String>,
        include_secrets: bool,
        lang: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang: Lang = crate::parse_lang(py, lang)?;
        let raise = |error: Error| to_pyerr(py, &error, lang);
        let request = to_value(request, Root::Arg("request")).and_then(HttpRequest::from_json).map_err(raise)?;
        let credentials = self::credentials(credentials).map_err(raise)?;
        let algorithm = algorithm.as_deref().map(SignatureAlgorithm::parse).transpose().map_err(raise)?;
        let sign_options = SignOptions { algorithm, timestamp, nonce };
        let result = py.detach(|| opgate::wire::sign(&request, &credentials, &sign_options).and_then(|signed| signed.host_views(include_secrets)));
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

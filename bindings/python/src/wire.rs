//! Wire calls: glue over `opgate::host::calls`.

use opgate::host::{calls, Opt};
use pyo3::prelude::*;

use crate::convert::Py;
use crate::{finish, kwargs, named};

#[pyfunction]
// Positional too: the package passes them so (matching keywords by name costs a tenth of a build).
#[pyo3(signature = (operation, params, region = None, endpoint = None, lang = None, now = None, int_bounds = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "one argument per Python keyword of the public signature"
)]
fn build<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    params: Bound<'py, PyAny>,
    region: Option<Bound<'py, PyAny>>,
    endpoint: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
    now: Option<Bound<'py, PyAny>>,
    int_bounds: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = build_options(py, [region, endpoint, lang, now, int_bounds]);
    finish(py, calls::build(&Py(operation), &Py(params), kwargs(&options)))
}

/// The options of `build` and `RequestBuilder`, given as `[region, endpoint, lang, now,
/// int_bounds]`: `now=CURRENT_TIME` is left out, since no build reads the time.
fn build_options<'py>(py: Python<'py>, given: [Option<Bound<'py, PyAny>>; 5]) -> [(Opt, Option<Py<'py>>); 5] {
    let [region, endpoint, lang, now, int_bounds] = given;
    named([
        (Opt::Lang, lang),
        (Opt::Now, crate::clock::now_unread(py, now)),
        (Opt::IntBounds, int_bounds),
        (Opt::Region, region),
        (Opt::Endpoint, endpoint),
    ])
}

/// An operation and its build options read once (`opgate::host::calls::RequestBuilder`).
#[pyclass(frozen, name = "RequestBuilder", module = "opgate")]
pub struct PyRequestBuilder(calls::RequestBuilder);

#[pymethods]
impl PyRequestBuilder {
    #[new]
    // Positional too, as `build`.
    #[pyo3(signature = (operation, region = None, endpoint = None, lang = None, now = None, int_bounds = None))]
    fn new<'py>(
        py: Python<'py>,
        operation: Bound<'py, PyAny>,
        region: Option<Bound<'py, PyAny>>,
        endpoint: Option<Bound<'py, PyAny>>,
        lang: Option<Bound<'py, PyAny>>,
        now: Option<Bound<'py, PyAny>>,
        int_bounds: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Self> {
        let options = build_options(py, [region, endpoint, lang, now, int_bounds]);
        calls::request_builder(&Py(operation), kwargs(&options))
            .map(PyRequestBuilder)
            .map_err(|failed| crate::errors::to_pyerr(py, &failed.error, failed.lang))
    }

    fn build<'py>(&self, py: Python<'py>, params: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        finish(py, self.0.build(&Py(params)))
    }

    #[getter]
    fn operation(&self) -> &'static str {
        self.0.operation()
    }

    #[getter]
    fn region(&self) -> Option<&str> {
        self.0.region()
    }

    #[getter]
    fn endpoint(&self) -> Option<&str> {
        self.0.endpoint()
    }
}

#[pyfunction]
#[pyo3(signature = (operation, *, region = None, endpoint = None, lang = None))]
fn endpoint<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    region: Option<Bound<'py, PyAny>>,
    endpoint: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang), (Opt::Region, region), (Opt::Endpoint, endpoint)]);
    finish(py, calls::endpoint(&Py(operation), kwargs(&options)))
}

#[pyfunction]
#[pyo3(signature = (operation, status, body, headers = None, *, lang = None))]
fn parse_response<'py>(
    py: Python<'py>,
    operation: Bound<'py, PyAny>,
    status: Bound<'py, PyAny>,
    body: Bound<'py, PyAny>,
    headers: Option<Bound<'py, PyAny>>,
    lang: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = named([(Opt::Lang, lang)]);
    let (body, headers) = (Py(body), headers.map(Py));
    finish(
        py,
        calls::parse_response(
            &Py(operation),
            &Py(status),
            Some(&body),
            headers.as_ref(),
            kwargs(&options),
        ),
    )
}

#[cfg(feature = "signing")]
mod signing {
    use opgate::host::calls::{CredentialsIn, RequestIn};
    use opgate::record::python::Native;
    use opgate::wire::{Credentials, HttpRequest};
    use pyo3::exceptions::PyTypeError;

    use super::*;
    use crate::errors::to_pyerr;

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
            access_key_id: Bound<'_, PyAny>,
            access_key_secret: Bound<'_, PyAny>,
            security_token: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let has_token = security_token.as_ref().is_some_and(|token| !token.is_none());
            let token = security_token.map(Py);
            calls::credentials(&Py(access_key_id), &Py(access_key_secret), token.as_ref())
                .map(|inner| PyCredentials { inner, has_token })
                .map_err(|failed| to_pyerr(py, &failed.error, failed.lang))
        }

        #[staticmethod]
        fn bearer(py: Python<'_>, token: Bound<'_, PyAny>) -> PyResult<Self> {
            calls::bearer_credentials(&Py(token))
                .map(|inner| PyCredentials {
                    inner,
                    has_token: false,
                })
                .map_err(|failed| to_pyerr(py, &failed.error, failed.lang))
        }

        #[getter]
        fn access_key_id(&self) -> Option<&str> {
            self.inner.access_key_id()
        }

        fn __repr__(&self) -> String {
            match self.inner.access_key_id() {
                Some(id) if self.has_token => format!(
                    "Credentials(access_key_id={id:?}, access_key_secret=<redacted>, security_token=<redacted>)"
                ),
                Some(id) => format!("Credentials(access_key_id={id:?}, access_key_secret=<redacted>)"),
                None => "Credentials(bearer_token=<redacted>)".to_owned(),
            }
        }

        fn __reduce__(&self) -> PyResult<()> {
            Err(PyTypeError::new_err("Credentials cannot be pickled: they hold secrets"))
        }
    }

    #[pyfunction]
    // Positional too, as `build`.
    #[pyo3(signature = (request, credentials, timestamp = None, nonce = None, algorithm = None, lang = None))]
    fn sign<'py>(
        py: Python<'py>,
        request: Bound<'py, PyAny>,
        credentials: Bound<'py, PyAny>,
        timestamp: Option<Bound<'py, PyAny>>,
        nonce: Option<Bound<'py, PyAny>>,
        algorithm: Option<Bound<'py, PyAny>>,
        lang: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (timestamp, nonce) = (timestamp.filter(|t| !t.is_none()), nonce.filter(|n| !n.is_none()));
        let defaults = crate::clock::sign_defaults(timestamp.is_some(), nonce.is_some());
        let options = named([
            (Opt::Lang, lang),
            (Opt::Algorithm, algorithm),
            (Opt::Timestamp, timestamp),
            (Opt::Nonce, nonce),
        ]);
        let held = credentials.cast::<PyCredentials>().ok();
        let given = Py(credentials.clone());
        let credentials = match &held {
            Some(held) => CredentialsIn::Held(&held.get().inner),
            None => CredentialsIn::Host(&given),
        };
        // A request `build()` returned is its own class: signed as it is, without a trip through JSON.
        let built = request.cast::<<HttpRequest as Native>::Class>().ok().cloned();
        let given = Py(request);
        let request = match &built {
            Some(built) => RequestIn::Held(HttpRequest::value(built.get()), &given),
            None => RequestIn::Host(&given),
        };
        finish(py, calls::sign(request, credentials, kwargs(&options), defaults))
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
    module.add_class::<PyRequestBuilder>()?;
    module.add_function(wrap_pyfunction!(parse_response, module)?)?;
    module.add_function(wrap_pyfunction!(endpoint, module)?)?;
    #[cfg(feature = "signing")]
    signing::register(module)?;
    #[cfg(not(feature = "signing"))]
    module.add("SIGNING", false)?;
    Ok(())
}

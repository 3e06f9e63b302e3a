//! Request building, endpoints and response parsing: glue over `opgate::host::calls`.

use opgate::host::calls;
use wasm_bindgen::prelude::*;

use crate::projection::{js, with_arguments};
use crate::{finish, options};

/// Validates `params` and builds the unsigned request: `{method, scheme, host, path, query,
/// headers, body, url}` (query and headers as `[name, value]` pairs, in wire order).
#[wasm_bindgen]
pub fn build(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    with_arguments([operation, params, options], |[operation, params, options]| {
        finish(calls::build(&operation, &params, self::options(&options)))
    })
}

/// Reads a provider response: `{outcome, requestId, failures, data, ...}`, or an `api` /
/// `parse` error in the provider's words. The body is a string, a `Uint8Array` (the wrapper
/// turns an `ArrayBuffer` into one) or `null`.
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(
    operation: JsValue,
    status: JsValue,
    body: JsValue,
    headers: JsValue,
    options: JsValue,
) -> JsValue {
    let (body, headers) = (js(body), js(headers));
    finish(calls::parse_response(
        &js(operation),
        &js(status),
        Some(&body),
        Some(&headers),
        self::options(&js(options)),
    ))
}

/// Where a request for the operation goes: `{scheme, host, path}`.
#[wasm_bindgen]
pub fn endpoint(operation: JsValue, options: JsValue) -> JsValue {
    finish(calls::endpoint(&js(operation), self::options(&js(options))))
}

/// An operation and its options read once ([`calls::RequestBuilder`]); each `build(params)`
/// reads only its parameters.
#[wasm_bindgen]
pub struct RequestBuilder(calls::RequestBuilder);

/// A [`RequestBuilder`], or the error envelope (a string) when the operation or an option is
/// refused.
#[wasm_bindgen(js_name = requestBuilder)]
pub fn request_builder(operation: JsValue, options: JsValue) -> JsValue {
    let made = with_arguments([operation, options], |[operation, options]| {
        calls::request_builder(&operation, self::options(&options))
    });
    match made {
        Ok(builder) => RequestBuilder(builder).into(),
        Err(failed) => finish::<()>(Err(failed)),
    }
}

#[wasm_bindgen]
impl RequestBuilder {
    /// As [`build`], for this builder's operation and options.
    pub fn build(&self, params: JsValue) -> JsValue {
        with_arguments([params], |[params]| finish(self.0.build(&params)))
    }

    /// The operation id.
    pub fn operation(&self) -> String {
        self.0.operation().to_owned()
    }
}

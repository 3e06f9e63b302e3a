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

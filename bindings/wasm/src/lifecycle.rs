//! Lifecycle glue: ClientTokens, retry classes and advice, batch plans, waiters (as their
//! serialized state, which the JS `Waiter` class holds), access-denied details. Glue over
//! `opgate::host::calls`; every decision is the core's (`opgate::lifecycle`).

use opgate::host::calls;
use opgate::host::calls::Held;
use wasm_bindgen::prelude::*;

use crate::projection::{js, parse, project, Input};
use crate::{finish, options};

#[wasm_bindgen(js_name = clientToken)]
pub fn client_token(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    finish(calls::client_token(
        &js(operation),
        &js(params),
        self::options(&js(options)),
    ))
}

#[wasm_bindgen]
pub fn classify(operation: JsValue, code: JsValue, options: JsValue) -> JsValue {
    finish(calls::classify(&js(operation), &js(code), self::options(&js(options))))
}

#[wasm_bindgen(js_name = retryAdvice)]
pub fn retry_advice(operation: JsValue, status: JsValue, code: JsValue, headers: JsValue, options: JsValue) -> JsValue {
    let (status, code, headers) = (js(status), js(code), js(headers));
    finish(calls::retry_advice(
        &js(operation),
        Some(&status),
        Some(&code),
        Some(&headers),
        self::options(&js(options)),
    ))
}

#[wasm_bindgen(js_name = accessDenied)]
pub fn access_denied(detail: JsValue, options: JsValue) -> JsValue {
    finish(calls::access_denied(&js(detail), self::options(&js(options))))
}

#[wasm_bindgen]
pub fn plan(operation: JsValue, targets: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    // Projected on the JS side as a pre-check's items are (the same per-operation projection,
    // which holds the waiter's evidence fields too); the live values when not plain data.
    let bytes = project(&operation, &resources);
    let projected = bytes.as_deref().and_then(parse);
    let resources = match &projected {
        Some(value) => Input::Projected(value),
        None => js(resources),
    };
    finish(calls::plan(
        &js(operation),
        &js(targets),
        Some(&resources),
        self::options(&js(options)),
    ))
}

#[wasm_bindgen(js_name = mergePlan)]
pub fn merge_plan(plan: JsValue, responses: JsValue, options: JsValue) -> JsValue {
    finish(calls::merge_plan(
        Held::Host(&js(plan)),
        &js(responses),
        self::options(&js(options)),
    ))
}

#[wasm_bindgen(js_name = waiterNew)]
pub fn waiter_new(operation: JsValue, ids: JsValue, sent_at: JsValue, options: JsValue) -> JsValue {
    finish(calls::waiter_new(
        &js(operation),
        &js(ids),
        &js(sent_at),
        self::options(&js(options)),
    ))
}

#[wasm_bindgen(js_name = waiterResume)]
pub fn waiter_resume(state: JsValue, options: JsValue) -> JsValue {
    finish(calls::waiter_resume(
        Held::Host(&js(state)),
        self::options(&js(options)),
    ))
}

#[wasm_bindgen(js_name = waiterObserve)]
pub fn waiter_observe(state: JsValue, resources: JsValue, now: JsValue, options: JsValue) -> JsValue {
    finish(calls::waiter_observe(
        Held::Host(&js(state)),
        &js(resources),
        &js(now),
        self::options(&js(options)),
    ))
}

//! Lifecycle glue: ClientTokens, retry classes and advice, batch plans, waiters (as their
//! serialized state, which the JS `Waiter` class holds), access-denied details. Glue over
//! `opgate::host::calls`; every decision is the core's (`opgate::lifecycle`).

use opgate::host::calls;
use opgate::host::calls::Held;
use wasm_bindgen::prelude::*;

use crate::convert::Js;
use crate::{finish, options};

#[wasm_bindgen(js_name = clientToken)]
pub fn client_token(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    finish(calls::client_token(&Js(operation), &Js(params), self::options(&Js(options))))
}

#[wasm_bindgen]
pub fn classify(operation: JsValue, code: JsValue, options: JsValue) -> JsValue {
    finish(calls::classify(&Js(operation), &Js(code), self::options(&Js(options))))
}

#[wasm_bindgen(js_name = retryAdvice)]
pub fn retry_advice(operation: JsValue, status: JsValue, code: JsValue, headers: JsValue, options: JsValue) -> JsValue {
    let (status, code, headers) = (Js(status), Js(code), Js(headers));
    finish(calls::retry_advice(
        &Js(operation),
        Some(&status),
        Some(&code),
        Some(&headers),
        self::options(&Js(options)),
    ))
}

#[wasm_bindgen(js_name = accessDenied)]
pub fn access_denied(detail: JsValue, options: JsValue) -> JsValue {
    finish(calls::access_denied(&Js(detail), self::options(&Js(options))))
}

#[wasm_bindgen]
pub fn plan(operation: JsValue, targets: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    let resources = Js(resources);
    finish(calls::plan(&Js(operation), &Js(targets), Some(&resources), self::options(&Js(options))))
}

#[wasm_bindgen(js_name = mergePlan)]
pub fn merge_plan(plan: JsValue, responses: JsValue, options: JsValue) -> JsValue {
    finish(calls::merge_plan(Held::Host(&Js(plan)), &Js(responses), self::options(&Js(options))))
}

#[wasm_bindgen(js_name = waiterNew)]
pub fn waiter_new(operation: JsValue, ids: JsValue, sent_at: JsValue, options: JsValue) -> JsValue {
    finish(calls::waiter_new(&Js(operation), &Js(ids), &Js(sent_at), self::options(&Js(options))))
}

#[wasm_bindgen(js_name = waiterResume)]
pub fn waiter_resume(state: JsValue, options: JsValue) -> JsValue {
    finish(calls::waiter_resume(Held::Host(&Js(state)), self::options(&Js(options))))
}

#[wasm_bindgen(js_name = waiterObserve)]
pub fn waiter_observe(state: JsValue, resources: JsValue, now: JsValue, options: JsValue) -> JsValue {
    finish(calls::waiter_observe(
        Held::Host(&Js(state)),
        &Js(resources),
        &Js(now),
        self::options(&Js(options)),
    ))
}

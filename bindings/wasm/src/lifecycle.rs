//! Lifecycle glue: ClientTokens, retry classes and advice, batch plans, waiters (as their
//! serialized state, which the JS `Waiter` class holds), access-denied details. Every decision
//! is the core's (`opgate::lifecycle`); this file converts arguments and results only.

use opgate::lifecycle::{self, integer_argument, FailedCall, PlanOptions, Received, Waiter};
use opgate::{Error, Lang};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::convert::{to_value, Root};
use crate::{data, text_arg, with_options, Opts, CORE};

/// An optional number option, checked by the core.
fn number_option(opts: &Opts, name: &str, min: i64, max: i64) -> Result<Option<i64>, (Error, Lang)> {
    opts.get(name)
        .map(|value| integer_argument(value, name, min, max))
        .transpose()
        .map_err(|error| opts.fail(error))
}

/// A number argument that may be `null`/`undefined`.
fn number_arg(value: &JsValue, name: &str, min: i64, max: i64, lang: Lang) -> Result<Option<i64>, (Error, Lang)> {
    match data(value, Root::Arg(name), lang)? {
        Value::Null => Ok(None),
        value => integer_argument(&value, name, min, max).map(Some).map_err(|error| (error, lang)),
    }
}

/// A number argument that must be given.
fn required_number(value: &JsValue, name: &str, lang: Lang) -> Result<i64, (Error, Lang)> {
    let value = data(value, Root::Arg(name), lang)?;
    integer_argument(&value, name, i64::MIN, i64::MAX).map_err(|error| (error, lang))
}

fn status_arg(value: &JsValue, lang: Lang) -> Result<Option<u16>, (Error, Lang)> {
    number_arg(value, "status", i64::MIN, i64::MAX, lang)?
        .map(lifecycle::http_status)
        .transpose()
        .map_err(|error| (error, lang))
}

#[wasm_bindgen(js_name = clientToken)]
pub fn client_token(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "intBounds", "scope"], |opts| {
        let core = opts.core()?;
        let params = data(&params, Root::Params, opts.lang)?;
        let scope = opts.string("scope")?.unwrap_or_default();
        lifecycle::client_token(&text_arg(&operation), &params, &scope, &core).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen]
pub fn classify(operation: JsValue, code: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "status"], |opts| {
        let status = number_option(opts, "status", i64::MIN, i64::MAX)?
            .map(lifecycle::http_status)
            .transpose()
            .map_err(|error| opts.fail(error))?;
        lifecycle::classify(&text_arg(&operation), &text_arg(&code), status, opts.lang).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen(js_name = retryAdvice)]
pub fn retry_advice(operation: JsValue, status: JsValue, code: JsValue, headers: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "params", "now", "attempt"], |opts| {
        let status = status_arg(&status, opts.lang)?;
        let code = match data(&code, Root::Arg("code"), opts.lang)? {
            Value::Null => None,
            other => Some(other.as_str().map_or_else(|| other.to_string(), str::to_owned)),
        };
        let headers = to_value(&headers, Root::Arg("headers"))
            .and_then(opgate::wire::header_pairs_from_json)
            .map_err(|error| opts.fail(error))?;
        let call = FailedCall {
            status,
            code,
            headers,
            params: opts.get("params").cloned(),
            now: number_option(opts, "now", i64::MIN, i64::MAX)?,
            attempt: number_option(opts, "attempt", 1, i64::from(u32::MAX))?.map_or(1, |a| a as u32),
        };
        lifecycle::retry_advice(&text_arg(&operation), &call, opts.lang).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen(js_name = accessDenied)]
pub fn access_denied(detail: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        let detail = data(&detail, Root::Arg("detail"), opts.lang)?;
        lifecycle::access_denied(&detail, opts.lang).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen]
pub fn plan(operation: JsValue, targets: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    let allowed: Vec<&str> = CORE.iter().copied().chain(["scope", "region", "endpoint"]).collect();
    with_options(&options, &allowed, |opts| {
        let plan_options = PlanOptions {
            options: opts.core()?,
            region: opts.string("region")?,
            endpoint: opts.string("endpoint")?,
            scope: opts.string("scope")?.unwrap_or_default(),
        };
        let targets = data(&targets, Root::Arg("targets"), opts.lang)?;
        let resources = data(&resources, Root::Arg("resources"), opts.lang)?;
        lifecycle::plan(&text_arg(&operation), &targets, &resources, &plan_options).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen(js_name = mergePlan)]
pub fn merge_plan(plan: JsValue, responses: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        let plan = data(&plan, Root::Arg("plan"), opts.lang)?;
        let responses = data(&responses, Root::Arg("responses"), opts.lang)?;
        Received::list_from_json(&responses)
            .and_then(|received| lifecycle::merge_plan(&plan, &received, opts.lang))
            .map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen(js_name = waiterNew)]
pub fn waiter_new(operation: JsValue, ids: JsValue, sent_at: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "before", "seed"], |opts| {
        let ids = data(&ids, Root::Arg("ids"), opts.lang)?;
        let sent_at = required_number(&sent_at, "sentAt", opts.lang)?;
        let seed = number_option(opts, "seed", 0, i64::from(u32::MAX))?.map(|s| s as u32);
        Waiter::new(&text_arg(&operation), &ids, sent_at, opts.get("before"), seed).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen(js_name = waiterResume)]
pub fn waiter_resume(state: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        let state = data(&state, Root::Arg("waiter"), opts.lang)?;
        Waiter::resume(&state).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen(js_name = waiterObserve)]
pub fn waiter_observe(state: JsValue, resources: JsValue, now: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        let state = data(&state, Root::Arg("waiter"), opts.lang)?;
        let resources = data(&resources, Root::Arg("resources"), opts.lang)?;
        let now = required_number(&now, "now", opts.lang)?;
        Waiter::observe_state(&state, &resources, now, opts.lang).map_err(|error| opts.fail(error))
    })
}

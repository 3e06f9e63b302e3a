//! Operations, validation, pre-checks and waiting (`opgate::precheck`, `opgate::params`): glue over `opgate::host::calls`.

use opgate::host::{calls, OptionsIn};
use wasm_bindgen::prelude::*;

use crate::convert::Js;
use crate::projection::{parse, project, Input, Node};
use crate::{finish, options};

fn live(value: JsValue) -> Input<'static> {
    Input::Live(Js(value))
}

/// `resources` as the call reads it: projected on the JS side when it is plain data.
fn resources<'a>(projected: &'a Option<Node<'a>>, resources: JsValue) -> Input<'a> {
    match projected {
        Some(value) => Input::Projected(value),
        None => live(resources),
    }
}

/// Every operation's description.
#[wasm_bindgen]
pub fn operations(options: JsValue) -> JsValue {
    finish(calls::operations(self::options(&Js(options))))
}

/// One operation's description.
#[wasm_bindgen]
pub fn operation(id: JsValue, options: JsValue) -> JsValue {
    finish(calls::operation(&Js(id), self::options(&Js(options))))
}

#[wasm_bindgen]
pub fn validate(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    finish(calls::validate(&Js(operation), &Js(params), self::options(&Js(options))))
}

#[wasm_bindgen]
pub fn precheck(operation: JsValue, params: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    let bytes = project(&operation, &resources);
    let projected = bytes.as_deref().and_then(parse);
    let options = live(options);
    finish(calls::precheck(
        &live(operation),
        &live(params),
        &self::resources(&projected, resources),
        OptionsIn::Object(Some(&options)),
    ))
}

/// [`precheck`], but a verdict that is not allowed is a `denied` error (one detail per refused
/// target, field = the target's parameter path).
#[wasm_bindgen]
pub fn check(operation: JsValue, params: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    let bytes = project(&operation, &resources);
    let projected = bytes.as_deref().and_then(parse);
    let options = live(options);
    finish(calls::check(
        &live(operation),
        &live(params),
        &self::resources(&projected, resources),
        OptionsIn::Object(Some(&options)),
    ))
}

#[wasm_bindgen(js_name = precheckResources)]
pub fn precheck_resources(operation: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    let bytes = project(&operation, &resources);
    let projected = bytes.as_deref().and_then(parse);
    let options = live(options);
    finish(calls::precheck_resources(
        &live(operation),
        &self::resources(&projected, resources),
        OptionsIn::Object(Some(&options)),
    ))
}

#[wasm_bindgen(js_name = waitStatus)]
pub fn wait_status(operation: JsValue, status: JsValue, options: JsValue) -> JsValue {
    finish(calls::wait_status(&Js(operation), &Js(status), self::options(&Js(options))))
}

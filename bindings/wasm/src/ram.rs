//! RAM policies: glue over `opgate::host::calls`.

use opgate::host::calls;
use wasm_bindgen::prelude::*;

use crate::projection::js;
use crate::{finish, options};

/// Reads one RAM policy document (an object or JSON text); a malformed one throws `PolicyError`.
#[wasm_bindgen(js_name = ramParsePolicy)]
pub fn ram_parse_policy(policy: JsValue, options: JsValue) -> JsValue {
    finish(calls::ram_parse_policy(&js(policy), self::options(&js(options))))
}

/// The permissions an operation needs: `[{action, resource}]`, one per target.
#[wasm_bindgen(js_name = ramRequiredAccess)]
pub fn ram_required_access(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    finish(calls::ram_required_access(
        &js(operation),
        &js(params),
        self::options(&js(options)),
    ))
}

/// Whether the policies let the caller run the operation: `{allowed, checks, reason, noPermissionType, error}`.
#[wasm_bindgen(js_name = ramAuthorize)]
pub fn ram_authorize(operation: JsValue, params: JsValue, policies: JsValue, options: JsValue) -> JsValue {
    finish(calls::ram_authorize(
        &js(operation),
        &js(params),
        &js(policies),
        self::options(&js(options)),
    ))
}

/// Decides one action on one resource under the policies.
#[wasm_bindgen(js_name = ramEvaluate)]
pub fn ram_evaluate(policies: JsValue, action: JsValue, resource: JsValue, options: JsValue) -> JsValue {
    finish(calls::ram_evaluate(
        &js(policies),
        &js(action),
        &js(resource),
        self::options(&js(options)),
    ))
}

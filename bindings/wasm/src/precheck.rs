//! Operations, validation, pre-checks and waiting (`opgate::precheck`, `opgate::params`): glue over
//! `opgate::host::calls`.

use opgate::host::calls;
use wasm_bindgen::prelude::*;

use crate::projection::{js, parse, project, with_arguments, Input, Node};
use crate::{finish, options};

/// `resources` as the call reads it: projected on the JS side when it is plain data.
fn resources<'a>(projected: &'a Option<Node<'a>>, resources: JsValue) -> Input<'a> {
    match projected {
        Some(value) => Input::Projected(value),
        None => js(resources),
    }
}

/// Every operation's description.
#[wasm_bindgen]
pub fn operations(options: JsValue) -> JsValue {
    finish(calls::operations(self::options(&js(options))))
}

/// One operation's description.
#[wasm_bindgen]
pub fn operation(id: JsValue, options: JsValue) -> JsValue {
    finish(calls::operation(&js(id), self::options(&js(options))))
}

#[wasm_bindgen]
pub fn validate(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    finish(calls::validate(
        &js(operation),
        &js(params),
        self::options(&js(options)),
    ))
}

#[wasm_bindgen]
pub fn precheck(operation: JsValue, params: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    let bytes = project(&operation, &resources);
    let projected = bytes.as_deref().and_then(parse);
    finish(calls::precheck(
        &js(operation),
        &js(params),
        &self::resources(&projected, resources),
        self::options(&js(options)),
    ))
}

/// [`precheck`], but a verdict that is not allowed is a `denied` error (one detail per refused
/// target, field = the target's parameter path).
#[wasm_bindgen]
pub fn check(operation: JsValue, params: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    let bytes = project(&operation, &resources);
    let projected = bytes.as_deref().and_then(parse);
    finish(calls::check(
        &js(operation),
        &js(params),
        &self::resources(&projected, resources),
        self::options(&js(options)),
    ))
}

#[wasm_bindgen(js_name = precheckResources)]
pub fn precheck_resources(operation: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    let bytes = project(&operation, &resources);
    let projected = bytes.as_deref().and_then(parse);
    finish(calls::precheck_resources(
        &js(operation),
        &self::resources(&projected, resources),
        self::options(&js(options)),
    ))
}

/// `precheckResources` answered once per distinct item (`opgate::grouped`): `groups` is the
/// JSON text of one representative item per group, `rows` each item's group. Answers the
/// envelope; a `null` result when the input cannot be answered so. (JSON text holds
/// a lone surrogate escaped, so the UTF-8 conversion of the argument replaces nothing, and the
/// parser refuses the escape.)
#[wasm_bindgen(js_name = precheckGroups)]
pub fn precheck_groups(operation: JsValue, groups: &str, rows: &[u32], options: JsValue) -> JsValue {
    with_arguments([operation, options], |[operation, options]| {
        match parse(groups.as_bytes()) {
            Some(groups) => finish(calls::precheck_groups(
                &operation,
                &Input::Projected(&groups),
                rows,
                self::options(&options),
            )),
            None => finish(Ok::<Option<()>, opgate::host::Failed>(None)),
        }
    })
}

/// `precheck` (or, with `refuse`, `check`) of items held by groups (`opgate::grouped`):
/// `groups` and `ids` are JSON text of one representative per group and of each item's id,
/// `rows` each item's group. A `null` result when the items cannot be answered so.
#[wasm_bindgen(js_name = precheckTargets)]
pub fn precheck_targets(
    operation: JsValue,
    params: JsValue,
    groups: &str,
    rows: &[u32],
    ids: &str,
    options: JsValue,
    refuse: bool,
) -> JsValue {
    with_arguments([operation, params, options], |[operation, params, options]| {
        match (parse(groups.as_bytes()), id_list(ids)) {
            (Some(groups), Some(ids)) => finish(calls::precheck_targets(
                &operation,
                &params,
                &Input::Projected(&groups),
                rows,
                &ids,
                self::options(&options),
                refuse,
            )),
            _ => finish(Ok::<Option<()>, opgate::host::Failed>(None)),
        }
    })
}

/// `ids` as JSON text of a list of strings, read with the parser the groups go through (one
/// JSON reader in the module instead of a second one for `Vec<String>`).
fn id_list(ids: &str) -> Option<Vec<String>> {
    let Node::List(items) = parse(ids.as_bytes())? else {
        return None;
    };
    // A loop rather than `collect::<Option<Vec<_>>>()`, whose adapters cost more code.
    let mut owned = Vec::with_capacity(items.len());
    for item in items {
        let Node::Str(text) = item else {
            return None;
        };
        owned.push(text.into_owned());
    }
    Some(owned)
}

/// How the JS package groups the items of `operation` for `precheckGroups`.
#[wasm_bindgen(js_name = groupingPlan)]
pub fn grouping_plan(operation: JsValue) -> JsValue {
    finish(calls::grouping_plan(&js(operation)))
}

#[wasm_bindgen(js_name = waitStatus)]
pub fn wait_status(operation: JsValue, status: JsValue, options: JsValue) -> JsValue {
    finish(calls::wait_status(
        &js(operation),
        &js(status),
        self::options(&js(options)),
    ))
}

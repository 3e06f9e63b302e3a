//! The core's count limits, applied to a host array by its length before any item is
//! converted: converting a million references to one object costs seconds, and the core would
//! refuse the list by its length anyway (same error, so every binding answers alike).

use opgate::{Error, Lang};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // `catch`: a revoked Proxy makes `Array.isArray` throw, which must not unwind through wasm.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// An array's `length`, read without touching its items (a Proxy may trap them); `None` for
/// anything else, including values whose length cannot be read (conversion reports those).
fn array_length(value: &JsValue) -> Option<usize> {
    if !is_array(value).ok()? {
        return None;
    }
    let length = js_sys::Reflect::get(value, &JsValue::from_str("length")).ok()?.as_f64()?;
    // An array's length is an integer below 2^32; `as` saturates anything else.
    Some(length as usize)
}

/// `opgate::ram::check_policy_count` for a policies array.
pub fn policy_count(policies: &JsValue, lang: Lang) -> Result<(), (Error, Lang)> {
    match array_length(policies) {
        Some(count) => opgate::ram::check_policy_count(count).map_err(|error| (error, lang)),
        None => Ok(()),
    }
}

/// `opgate::precheck::check_resource_count` for a resources array.
pub fn resource_count(operation: &str, resources: &JsValue, lang: Lang) -> Result<(), (Error, Lang)> {
    match array_length(resources) {
        Some(count) => opgate::precheck::check_resource_count(operation, count).map_err(|error| (error, lang)),
        None => Ok(()),
    }
}

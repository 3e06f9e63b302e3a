//! wasm-bindgen glue for opgate: wraps JS arguments as `opgate::host` values, calls the core's
//! host contract (`opgate::host::calls`) and converts results and errors back. No decisions
//! are made here, and no message is worded here.
//!
//! Every export returns an envelope, `{ok: <result>}` or `{error: <report>}`, and never throws
//! for a core error: the ESM wrapper in `js/src/` turns `error` into an `OpgateError`. Results
//! have camelCase keys (see [`opgate::record::camel_key`]); reports keep the core's snake_case keys,
//! exactly what the conformance vectors compare. Nothing here panics on user input: a panic
//! aborts the wasm instance for the whole page.
//!
//! Signing is not in this build (`opgate` without the `signing` feature): a web page must never
//! hold cloud secrets, so requests are built here and signed by a backend.

mod convert;
mod lifecycle;
mod precheck;
mod projection;
mod ram;
mod wire;

use opgate::host::{Failed, OptionsIn};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use convert::{plain, to_js, to_json_text};
use projection::Input;

/// The limits on arguments (`Limits`, camelCased), exported for the tests and the README check.
#[wasm_bindgen]
pub fn limits() -> JsValue {
    to_js(&opgate::host::limits::LIMITS).unwrap_or(JsValue::NULL)
}

/// Steps the core counted since the previous call (`opgate::host::calls::take_work`).
#[wasm_bindgen(js_name = takeWork)]
pub fn take_work() -> f64 {
    opgate::host::calls::take_work_f64()
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Whether this build can sign requests (never, for wasm).
#[wasm_bindgen]
pub fn signing() -> bool {
    false
}

/// The options object of a call.
fn options<'a>(options: &'a Input<'a>) -> OptionsIn<'a, Input<'a>> {
    OptionsIn::Object(Some(options))
}

/// `{ok: value}` for a result, `{error: report}` for an error rendered in its language.
fn finish<T: Serialize>(result: Result<T, Failed>) -> JsValue {
    match result {
        Ok(value) => match to_js(&value) {
            Ok(value) => envelope("ok", value),
            Err(error) => report(&error, opgate::Lang::En),
        },
        Err(failed) => report(&failed.error, failed.lang),
    }
}

/// [`finish`] as JSON text: `{"ok": result}` or `{"error": report}`.
fn finish_text<T: Serialize>(result: Result<T, Failed>) -> String {
    let (key, value) = match result
        .map_err(|failed| (failed.error, failed.lang))
        .and_then(|value| to_json_text(&value).map_err(|error| (error, opgate::Lang::En)))
    {
        Ok(text) => ("ok", text),
        Err((error, lang)) => ("error", serde_json::to_string(&error.render(lang)).unwrap_or_else(|_| "null".to_owned())),
    };
    format!("{{\"{key}\":{value}}}")
}

fn report(error: &opgate::Error, lang: opgate::Lang) -> JsValue {
    let rendered = serde_json::to_value(error.render(lang)).unwrap_or(Value::Null);
    envelope("error", plain(&rendered).unwrap_or(JsValue::NULL))
}

fn envelope(key: &str, value: JsValue) -> JsValue {
    let object = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
    object.into()
}

//! wasm-bindgen glue for opgate: wraps JS arguments as `opgate::host` values, calls the core's
//! host contract (`opgate::host::calls`) and converts results and errors back. No decisions
//! are made here, and no message is worded here.
//!
//! Every export returns an envelope as a string, `O` then the result or `E` then the report,
//! each written as a tape ([`tape`]), and never throws for a core error: the ESM wrapper in
//! `js/src/` reads it (`tape.js`) and turns an error into an `OpgateError`. Results
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
mod tape;
mod wire;

use opgate::host::{Failed, OptionsIn};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use convert::{error_text, ok_text};
use projection::Input;

/// The limits on arguments (`Limits`, camelCased), exported for the tests and the README check.
#[wasm_bindgen]
pub fn limits() -> JsValue {
    finish(Ok(&opgate::host::limits::LIMITS))
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

/// The envelope of a result, or of an error rendered in its language, as a JS string (`O` or
/// `E`, then the tape).
fn finish<T: Serialize>(result: Result<T, Failed>) -> JsValue {
    match result {
        Ok(value) => match ok_text(&value) {
            Ok(text) => JsValue::from_str(&text),
            Err(error) => failure(error, opgate::Lang::En),
        },
        Err(failed) => failure(failed.error, failed.lang),
    }
}

/// The error envelope, out of line: one copy for every export's error path.
#[inline(never)]
fn failure(error: opgate::Error, lang: opgate::Lang) -> JsValue {
    JsValue::from_str(&error_text(&error.render(lang)))
}

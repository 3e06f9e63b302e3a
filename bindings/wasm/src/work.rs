//! The core's work counter, for the hostile-input suite (`js/test/hostile.test.mjs`).

use wasm_bindgen::prelude::*;

/// Steps the core counted since the previous call (see `opgate::work`), as a JS number (exact
/// up to 2^53, far beyond any call's count).
#[wasm_bindgen(js_name = takeWork)]
pub fn take_work() -> f64 {
    opgate::work::take() as f64
}

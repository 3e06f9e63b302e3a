//! wasm-bindgen glue for opgate.

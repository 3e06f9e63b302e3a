//! wasm-bindgen glue for opgate: converts JS arguments to the core's types, calls the core, and
//! converts results and errors back. No decisions are made here.
//!
//! Every export returns an envelope, `{ok: <result>}` or `{error: <report>}`, and never throws
//! for a core error: the ESM wrapper in `js/src/` turns `error` into an `OpgateError`. Results
//! have camelCase keys (see [`convert::camel_key`]); reports keep the core's snake_case keys,
//! exactly what the conformance vectors compare. Nothing here panics on user input: a panic
//! aborts the wasm instance for the whole page.
//!
//! Signing is not in this build (`opgate` without the `signing` feature): a web page must never
//! hold cloud secrets, so requests are built here and signed by a backend.

mod convert;
mod limits;
mod work;

use opgate::params::IntBound;
use opgate::{text, Error, ErrorDetail, Lang, Options};
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use convert::{plain, to_js, to_value, Root};
use limits::{policy_count, resource_count};

/// Nesting limit for arguments, exported for the tests.
#[wasm_bindgen(js_name = maxDepth)]
pub fn max_depth() -> usize {
    opgate::input::MAX_DEPTH
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

fn input_error(code: &str, field: &str, en: String, zh: String) -> Error {
    Error::Input(ErrorDetail::client(code, text!(en, zh), Some(field.to_owned())))
}

/// `{ok: value}` for a result, `{error: report}` for an error rendered in `lang`.
fn finish<T: Serialize>(result: Result<T, Error>, lang: Lang) -> JsValue {
    match result.and_then(|value| to_js(&value)) {
        Ok(value) => envelope("ok", value),
        Err(error) => report(&error, lang),
    }
}

fn report(error: &Error, lang: Lang) -> JsValue {
    let rendered = serde_json::to_value(error.render(lang)).unwrap_or(Value::Null);
    envelope("error", plain(&rendered).unwrap_or(JsValue::NULL))
}

fn envelope(key: &str, value: JsValue) -> JsValue {
    let object = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
    object.into()
}

/// The string an argument must be (operation id, status, action): anything else is shown as
/// JSON text in the core's error for it.
fn text_arg(value: &JsValue) -> String {
    match value.as_string() {
        Some(text) => text,
        None => to_value(value, Root::Arg("")).map(|v| v.to_string()).unwrap_or_default(),
    }
}

/// Caller options, read from a plain object; unknown names are refused, so a typo cannot be
/// silently ignored.
struct Opts {
    map: Map<String, Value>,
    lang: Lang,
}

impl Opts {
    /// Reads `options` (an object, or `undefined`/`null` for none). Errors are rendered in the
    /// requested language when that one is valid.
    fn read(options: &JsValue, allowed: &[&str]) -> Result<Opts, (Error, Lang)> {
        let value = to_value(options, Root::Options).map_err(|error| (error, Lang::En))?;
        let map = match value {
            Value::Null => Map::new(),
            Value::Object(map) => map,
            _ => {
                let error = input_error(
                    "InvalidParameter.Options",
                    "options",
                    "The options must be an object.".to_owned(),
                    "选项必须是一个对象。".to_owned(),
                );
                return Err((error, Lang::En));
            }
        };
        let lang = match map.get("lang") {
            None | Some(Value::Null) => Lang::En,
            Some(Value::String(tag)) => Lang::parse(tag).map_err(|error| (error, Lang::En))?,
            Some(other) => Lang::parse(&other.to_string()).map_err(|error| (error, Lang::En))?,
        };
        if let Some(name) = map.keys().find(|name| !allowed.contains(&name.as_str())) {
            let shown = opgate::error::clip(name);
            let error = input_error(
                "InvalidParameter.Options",
                &format!("options.{shown}"),
                format!("The option \"{shown}\" is not recognised; expected one of: {}.", allowed.join(", ")),
                format!("无法识别的选项 \"{shown}\"；可用选项：{}。", allowed.join("、")),
            );
            return Err((error, lang));
        }
        Ok(Opts { map, lang })
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.map.get(name).filter(|value| !value.is_null())
    }

    fn fail(&self, error: Error) -> (Error, Lang) {
        (error, self.lang)
    }

    /// An optional string option.
    fn string(&self, name: &str) -> Result<Option<String>, (Error, Lang)> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(self.fail(input_error(
                &format!("InvalidParameter.{}", capitalised(name)),
                name,
                format!("The option \"{name}\" must be a string."),
                format!("选项 \"{name}\" 必须是字符串。"),
            ))),
        }
    }

    /// `lang`, `now` and `intBounds`.
    fn core(&self) -> Result<Options, (Error, Lang)> {
        let now = match self.get("now") {
            None => None,
            Some(value) => Some(value.as_i64().ok_or_else(|| {
                self.fail(input_error(
                    "InvalidParameter.Now",
                    "now",
                    format!(
                        "The option \"now\" must be an integer number of Unix seconds; got {}.",
                        opgate::error::clip(&value.to_string())
                    ),
                    format!(
                        "选项 \"now\" 必须是以秒为单位的 Unix 时间整数，实际为 {}。",
                        opgate::error::clip(&value.to_string())
                    ),
                ))
            })?),
        };
        let int_bounds = match self.get("intBounds") {
            None => Vec::new(),
            Some(value) => IntBound::list_from_json(value, "intBounds").map_err(|error| self.fail(error))?,
        };
        Ok(Options {
            lang: self.lang,
            now,
            int_bounds,
        })
    }
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// Runs `body` with the parsed options; any error becomes an `{error}` envelope.
fn with_options<T: Serialize>(options: &JsValue, allowed: &[&str], body: impl FnOnce(&Opts) -> Result<T, (Error, Lang)>) -> JsValue {
    let opts = match Opts::read(options, allowed) {
        Ok(opts) => opts,
        Err((error, lang)) => return report(&error, lang),
    };
    let lang = opts.lang;
    match body(&opts) {
        Ok(value) => finish(Ok(value), lang),
        Err((error, lang)) => report(&error, lang),
    }
}

/// Converts a data argument, with the error in the options' language.
fn data(value: &JsValue, root: Root<'_>, lang: Lang) -> Result<Value, (Error, Lang)> {
    to_value(value, root).map_err(|error| (error, lang))
}

const CORE: &[&str] = &["lang", "now", "intBounds"];

/// Every operation's description.
#[wasm_bindgen]
pub fn operations(options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        Ok(opgate::operations().iter().map(|op| op.describe(opts.lang)).collect::<Vec<Value>>())
    })
}

/// One operation's description.
#[wasm_bindgen]
pub fn operation(id: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        opgate::operation(&text_arg(&id))
            .map(|op| op.describe(opts.lang))
            .map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen]
pub fn validate(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    with_options(&options, CORE, |opts| {
        let options = opts.core()?;
        let params = data(&params, Root::Params, opts.lang)?;
        opgate::validate(&text_arg(&operation), &params, &options).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen]
pub fn precheck(operation: JsValue, params: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    with_options(&options, CORE, |opts| {
        let options = opts.core()?;
        let params = data(&params, Root::Params, opts.lang)?;
        resource_count(&text_arg(&operation), &resources, opts.lang)?;
        let resources = data(&resources, Root::Arg("resources"), opts.lang)?;
        opgate::precheck(&text_arg(&operation), &params, &resources, &options).map_err(|error| opts.fail(error))
    })
}

/// [`precheck`], but a verdict that is not allowed is a `denied` error (one detail per refused
/// target, field = the target's parameter path).
#[wasm_bindgen]
pub fn check(operation: JsValue, params: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    with_options(&options, CORE, |opts| {
        let options = opts.core()?;
        let params = data(&params, Root::Params, opts.lang)?;
        resource_count(&text_arg(&operation), &resources, opts.lang)?;
        let resources = data(&resources, Root::Arg("resources"), opts.lang)?;
        opgate::check(&text_arg(&operation), &params, &resources, &options).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen(js_name = precheckResources)]
pub fn precheck_resources(operation: JsValue, resources: JsValue, options: JsValue) -> JsValue {
    with_options(&options, CORE, |opts| {
        let options = opts.core()?;
        resource_count(&text_arg(&operation), &resources, opts.lang)?;
        let resources = data(&resources, Root::Arg("resources"), opts.lang)?;
        opgate::precheck_resources(&text_arg(&operation), &resources, &options).map_err(|error| opts.fail(error))
    })
}

#[wasm_bindgen(js_name = waitStatus)]
pub fn wait_status(operation: JsValue, status: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        let Some(status) = status.as_string() else {
            return Err(opts.fail(input_error(
                "InvalidParameter.Status",
                "status",
                "The status must be a string as the Describe API returns it.".to_owned(),
                "状态必须是 Describe API 返回的字符串。".to_owned(),
            )));
        };
        opgate::wait_status(
            &text_arg(&operation),
            &status,
            &Options {
                lang: opts.lang,
                ..Options::default()
            },
        )
        .map_err(|error| opts.fail(error))
    })
}

/// Validates `params` and builds the unsigned request: `{method, scheme, host, path, query,
/// headers, body, url}` (query and headers as `[name, value]` pairs, in wire order).
#[wasm_bindgen]
pub fn build(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "now", "intBounds", "region", "endpoint"], |opts| {
        let validation = opts.core()?;
        let build_options = opgate::wire::BuildOptions {
            region: opts.string("region")?,
            endpoint: opts.string("endpoint")?,
            validation,
        };
        let params = data(&params, Root::Params, opts.lang)?;
        opgate::wire::build(&text_arg(&operation), &params, &build_options).map_err(|error| opts.fail(error))
    })
}

/// The body as bytes: a string (sent as UTF-8), a `Uint8Array` (the wrapper turns an
/// `ArrayBuffer` or other view into one), or `null`/`undefined` for none.
fn body_bytes(body: &JsValue) -> Result<Vec<u8>, Error> {
    if body.is_null() || body.is_undefined() {
        return Ok(Vec::new());
    }
    if let Some(text) = body.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(bytes) = body.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    Err(input_error(
        "InvalidParameter.Body",
        "body",
        "\"body\" must be a string, a Uint8Array or an ArrayBuffer.".to_owned(),
        "\"body\" 必须是字符串、Uint8Array 或 ArrayBuffer。".to_owned(),
    ))
}

/// Reads a provider response: `{outcome, requestId, failures, data, ...}`, or an `api` /
/// `parse` error in the provider's words.
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response(operation: JsValue, status: JsValue, body: JsValue, headers: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        let code = status.as_f64().filter(|s| s.fract() == 0.0 && (0.0..=65_535.0).contains(s)).map(|s| s as u16);
        let Some(code) = code else {
            let shown = opgate::error::clip(&text_arg(&status));
            return Err(opts.fail(input_error(
                "InvalidParameter.Status",
                "status",
                format!("The HTTP status {shown} is not valid; expected 100-599."),
                format!("HTTP 状态码 {shown} 无效；应在 100-599 之间。"),
            )));
        };
        let headers = to_value(&headers, Root::Arg("headers"))
            .and_then(opgate::wire::header_pairs_from_json)
            .map_err(|error| opts.fail(error))?;
        let body = body_bytes(&body).map_err(|error| opts.fail(error))?;
        opgate::wire::parse_response(&text_arg(&operation), code, &headers, &body).map_err(|error| opts.fail(error))
    })
}

/// Where a request for the operation goes: `{scheme, host, path}`.
#[wasm_bindgen]
pub fn endpoint(operation: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "region", "endpoint"], |opts| {
        let (region, endpoint) = (opts.string("region")?, opts.string("endpoint")?);
        opgate::operation(&text_arg(&operation))
            .and_then(|op| opgate::wire::resolve_endpoint(op, region.as_deref(), endpoint.as_deref()))
            .map_err(|error| opts.fail(error))
    })
}

/// `policies` must be an array of documents (objects or JSON text).
fn documents(value: Value, lang: Lang) -> Result<Vec<Value>, (Error, Lang)> {
    match value {
        Value::Array(items) => Ok(items),
        _ => Err((
            input_error(
                "InvalidParameter.Policies",
                "policies",
                "\"policies\" must be an array of policy documents.".to_owned(),
                "\"policies\" 必须是策略文档的数组。".to_owned(),
            ),
            lang,
        )),
    }
}

/// Reads one RAM policy document (an object or JSON text); a malformed one throws `PolicyError`.
#[wasm_bindgen(js_name = ramParsePolicy)]
pub fn ram_parse_policy(policy: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang"], |opts| {
        let policy = data(&policy, Root::Arg("policy"), opts.lang)?;
        opgate::ram::parse_policy(&policy).map_err(|error| opts.fail(error))
    })
}

/// The permissions an operation needs: `[{action, resource}]`, one per target.
#[wasm_bindgen(js_name = ramRequiredAccess)]
pub fn ram_required_access(operation: JsValue, params: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "region", "accountId"], |opts| {
        let (region, account_id) = (opts.string("region")?.unwrap_or_default(), opts.string("accountId")?.unwrap_or_default());
        let params = data(&params, Root::Params, opts.lang)?;
        opgate::ram::required_access(&text_arg(&operation), &params, &region, &account_id).map_err(|error| opts.fail(error))
    })
}

/// Whether the policies let the caller run the operation: `{allowed, checks, reason, noPermissionType, error}`.
#[wasm_bindgen(js_name = ramAuthorize)]
pub fn ram_authorize(operation: JsValue, params: JsValue, policies: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "region", "accountId", "context"], |opts| {
        let (region, account_id) = (opts.string("region")?.unwrap_or_default(), opts.string("accountId")?.unwrap_or_default());
        let params = data(&params, Root::Params, opts.lang)?;
        policy_count(&policies, opts.lang)?;
        let policies = documents(data(&policies, Root::Arg("policies"), opts.lang)?, opts.lang)?;
        let context = opts.get("context").cloned().unwrap_or(Value::Null);
        opgate::ram::authorize(&text_arg(&operation), &params, &region, &account_id, &policies, &context, opts.lang).map_err(|error| opts.fail(error))
    })
}

/// Decides one action on one resource under the policies.
#[wasm_bindgen(js_name = ramEvaluate)]
pub fn ram_evaluate(policies: JsValue, action: JsValue, resource: JsValue, options: JsValue) -> JsValue {
    with_options(&options, &["lang", "context"], |opts| {
        policy_count(&policies, opts.lang)?;
        let policies = documents(data(&policies, Root::Arg("policies"), opts.lang)?, opts.lang)?;
        let context = opts.get("context").cloned().unwrap_or(Value::Null);
        opgate::ram::check_access(&policies, &text_arg(&action), &text_arg(&resource), &context, opts.lang).map_err(|error| opts.fail(error))
    })
}

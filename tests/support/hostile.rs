//! Shared by the hostile family of the vector runner (`tests/vectors.rs`) and its timing bench
//! (`benches/hostile.rs`): reading `tests/vectors/hostile.json`, expanding its recipes, and
//! running a case's call through the public API.
//!
//! Recipes (tests/vectors/README.md, "Hostile inputs") keep the case file small: an object
//! whose first key starts with `$` stands for a large value the runner builds.

#![allow(dead_code, reason = "the vector runner uses the recipes, the bench the runner too")]
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test and bench support: a malformed case file stops the run"
)]

use std::path::{Path, PathBuf};

use opgate::params::{IntBound, Options};
use opgate::wire::{self, BuildOptions};
use opgate::{ram, Error, Lang};
use serde::Serialize;
use serde_json::{json, Map, Value};

pub fn case_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/hostile.json")
}

pub fn load() -> Value {
    let path = case_file();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

pub fn cases(suite: &Value) -> &[Value] {
    suite
        .get("cases")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .expect("hostile.json has cases")
}

fn count(recipe: &Map<String, Value>) -> usize {
    recipe
        .get("times")
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .expect("a recipe needs an integer \"times\"")
}

fn text_of(value: &Value) -> String {
    match expand(value) {
        Value::String(text) => text,
        other => panic!("a string recipe part must be a string, got {other}"),
    }
}

/// The value a case means: every recipe replaced by what it builds.
pub fn expand(value: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(expand).collect()),
        Value::Object(map) => match map.keys().next().map(String::as_str) {
            Some("$repeat") => Value::String(text_of(&map["$repeat"]).repeat(count(map))),
            Some("$concat") => Value::String(
                map["$concat"]
                    .as_array()
                    .expect("$concat takes a list")
                    .iter()
                    .map(text_of)
                    .collect(),
            ),
            Some("$list") => {
                let item = expand(&map["$list"]);
                Value::Array(vec![item; count(map)])
            }
            Some("$numbered") => {
                let template = text_of(&map["$numbered"]);
                Value::Array(
                    (0..count(map))
                        .map(|i| Value::String(template.replace("{i}", &i.to_string())))
                        .collect(),
                )
            }
            Some("$object") => {
                let template = text_of(&map["$object"]);
                let item = expand(map.get("value").unwrap_or(&Value::Null));
                Value::Object(
                    (0..count(map))
                        .map(|i| (template.replace("{i}", &i.to_string()), item.clone()))
                        .collect(),
                )
            }
            Some("$json") => Value::String(serde_json::to_string(&expand(&map["$json"])).expect("serializable")),
            Some(other) if other.starts_with('$') => panic!("unknown recipe {other}"),
            _ => Value::Object(map.iter().map(|(key, item)| (key.clone(), expand(item))).collect()),
        },
        scalar => scalar.clone(),
    }
}

fn outcome<T: Serialize>(result: Result<T, Error>, lang: Lang) -> Value {
    match result {
        Ok(value) => json!({ "ok": serde_json::to_value(value).expect("results serialize") }),
        Err(error) => json!({ "error": serde_json::to_value(error.render(lang)).expect("reports serialize") }),
    }
}

fn text<'a>(args: &'a Value, name: &str) -> &'a str {
    args.get(name).and_then(Value::as_str).unwrap_or_default()
}

fn arg<'a>(args: &'a Value, name: &str) -> &'a Value {
    static NULL: Value = Value::Null;
    args.get(name).unwrap_or(&NULL)
}

fn list<'a>(args: &'a Value, name: &str) -> &'a [Value] {
    arg(args, name).as_array().map(Vec::as_slice).unwrap_or_default()
}

/// Runs a call as the vector runners do: `{"ok": result}` or `{"error": report}`.
pub fn run(call: &str, args: &Value) -> Value {
    let lang = match Lang::parse(args.get("lang").and_then(Value::as_str).unwrap_or("en")) {
        Ok(lang) => lang,
        Err(error) => return outcome::<()>(Err(error), Lang::En),
    };
    let int_bounds = match IntBound::list_from_json(arg(args, "int_bounds"), "int_bounds") {
        Ok(bounds) => bounds,
        Err(error) => return outcome::<()>(Err(error), lang),
    };
    let options = Options {
        lang,
        now: args.get("now").and_then(Value::as_i64),
        int_bounds,
    };
    let op = text(args, "operation");
    match call {
        "validate" => outcome(opgate::validate(op, arg(args, "params"), &options), lang),
        "precheck" => outcome(
            opgate::precheck(op, arg(args, "params"), arg(args, "resources"), &options),
            lang,
        ),
        "check" => outcome(
            opgate::check(op, arg(args, "params"), arg(args, "resources"), &options),
            lang,
        ),
        "precheck_resources" => outcome(opgate::precheck_resources(op, arg(args, "resources"), &options), lang),
        "wait_status" => outcome(opgate::wait_status(op, text(args, "status"), &options), lang),
        "build" => {
            let build_options = BuildOptions {
                region: args.get("region").and_then(Value::as_str).map(str::to_owned),
                endpoint: args.get("endpoint").and_then(Value::as_str).map(str::to_owned),
                validation: options,
            };
            outcome(wire::build(op, arg(args, "params"), &build_options), lang)
        }
        "endpoint" => outcome(
            opgate::operation(op).and_then(|spec| {
                wire::resolve_endpoint(
                    spec,
                    args.get("region").and_then(Value::as_str),
                    args.get("endpoint").and_then(Value::as_str),
                )
            }),
            lang,
        ),
        "parse_response" => {
            let status = args
                .get("status")
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok())
                .expect("status is a u16");
            let headers = wire::header_pairs_from_json(arg(args, "headers").clone());
            outcome(
                headers.and_then(|headers| wire::parse_response(op, status, &headers, text(args, "body").as_bytes())),
                lang,
            )
        }
        "ram_parse_policy" => outcome(ram::parse_policy(arg(args, "policy")), lang),
        "ram_required_access" => outcome(
            ram::required_access(op, arg(args, "params"), text(args, "region"), text(args, "account_id")),
            lang,
        ),
        "ram_authorize" => outcome(
            ram::authorize(
                op,
                arg(args, "params"),
                text(args, "region"),
                text(args, "account_id"),
                list(args, "policies"),
                arg(args, "context"),
                lang,
            ),
            lang,
        ),
        "ram_evaluate" => outcome(
            ram::check_access(
                list(args, "policies"),
                text(args, "action"),
                text(args, "resource"),
                arg(args, "context"),
                lang,
            ),
            lang,
        ),
        other => panic!("the hostile runner has no call {other}"),
    }
}

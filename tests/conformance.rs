//! Runs the core conformance vectors (`tests/vectors/core_*.json`). The Python and JS suites run
//! the same files through their bindings and must agree exactly.
//!
//! `OPGATE_BLESS=1 cargo test --test conformance` rewrites every `expect` from the current
//! behaviour; `tests/vectors/tools/gen_core.py` creates the cases and checks the blessed
//! answers against the intent it states for each case.

use std::path::{Path, PathBuf};

use opgate::params::IntBound;
use opgate::{Error, Lang, Options};
use serde_json::{json, Value};

fn vector_files(prefix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json") && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix)));
    files.sort();
    files
}

fn options(args: &Value) -> Result<Options, Error> {
    let lang = match args.get("lang").and_then(Value::as_str) {
        Some(tag) => Lang::parse(tag)?,
        None => Lang::En,
    };
    let int_bounds = IntBound::list_from_json(args.get("int_bounds").unwrap_or(&Value::Null), "int_bounds")?;
    Ok(Options {
        lang,
        now: args.get("now").and_then(Value::as_i64),
        int_bounds,
    })
}

fn run(call: &str, args: &Value) -> Result<Value, Error> {
    let options = options(args)?;
    let op = args.get("operation").and_then(Value::as_str).unwrap_or_default();
    let null = Value::Null;
    let arg = |name: &str| args.get(name).unwrap_or(&null);
    let to_value = |v: Result<Value, serde_json::Error>| v.expect("results serialize");
    Ok(match call {
        "operations" => Value::Array(opgate::operations().iter().map(|o| o.describe(options.lang)).collect()),
        "operation" => opgate::operation(op)?.describe(options.lang),
        "validate" => to_value(serde_json::to_value(opgate::validate(op, arg("params"), &options)?)),
        "precheck" => to_value(serde_json::to_value(opgate::precheck(op, arg("params"), arg("resources"), &options)?)),
        "check" => to_value(serde_json::to_value(opgate::check(op, arg("params"), arg("resources"), &options)?)),
        "precheck_resources" => to_value(serde_json::to_value(opgate::precheck_resources(op, arg("resources"), &options)?)),
        "wait_status" => to_value(serde_json::to_value(opgate::wait_status(
            op,
            arg("status").as_str().unwrap_or_default(),
            &options,
        )?)),
        other => panic!("unknown call {other}"),
    })
}

fn outcome(call: &str, args: &Value) -> Value {
    let lang = args.get("lang").and_then(Value::as_str).and_then(|t| Lang::parse(t).ok()).unwrap_or_default();
    match run(call, args) {
        Ok(value) => json!({ "ok": value }),
        Err(error) => json!({ "error": serde_json::to_value(error.render(lang)).expect("reports serialize") }),
    }
}

#[test]
fn core_vectors() {
    let bless = std::env::var_os("OPGATE_BLESS").is_some();
    let files = vector_files("core_");
    assert!(!files.is_empty(), "no core vectors found");
    let mut failures = Vec::new();
    let mut total = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("vector file readable");
        let mut doc: Value = serde_json::from_str(&text).expect("vector file is JSON");
        let cases = doc["cases"].as_array_mut().expect("cases array");
        for case in cases.iter_mut() {
            total += 1;
            let name = case["name"].as_str().unwrap_or("?").to_owned();
            let call = case["call"].as_str().expect("call").to_owned();
            let got = outcome(&call, &case["args"]);
            if bless {
                case["expect"] = got;
            } else if case["expect"] != got {
                failures.push(format!("{}: {name}\n  expected {}\n  got      {}", file.display(), case["expect"], got));
            }
        }
        if bless {
            std::fs::write(&file, serde_json::to_string_pretty(&doc).expect("serializes") + "\n").expect("vector file writable");
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} core vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

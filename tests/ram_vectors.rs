//! Runs every `tests/vectors/ram_*.json` case (the Python and JS suites run the same files).
//!
//! A case names a `call` and its snake_case `args`; its `expect` is either `{"ok": <result>}`
//! or `{"error": <ErrorReport>}`, compared with the serialized outcome as JSON values.

use std::path::{Path, PathBuf};

use opgate::{ram, Error, Lang};
use serde::Serialize;
use serde_json::{json, Value};

/// The issue asks for at least this many cases across the files.
const MIN_CASES: usize = 80;

fn vector_files() -> Vec<PathBuf> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&directory)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", directory.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("ram_") && name.ends_with(".json"))
        })
        .collect();
    files.sort();
    files
}

fn arg<'a>(args: &'a Value, name: &str) -> &'a Value {
    args.get(name).unwrap_or_else(|| panic!("the case has no \"{name}\" argument"))
}

fn text_arg<'a>(args: &'a Value, name: &str) -> &'a str {
    arg(args, name).as_str().unwrap_or_else(|| panic!("\"{name}\" must be a string"))
}

fn list_arg<'a>(args: &'a Value, name: &str) -> &'a [Value] {
    arg(args, name)
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_else(|| panic!("\"{name}\" must be an array"))
}

fn outcome<T: Serialize>(result: Result<T, Error>, lang: Lang) -> Value {
    match result {
        Ok(value) => json!({ "ok": serde_json::to_value(value).expect("results serialize") }),
        Err(error) => json!({ "error": serde_json::to_value(error.render(lang)).expect("errors serialize") }),
    }
}

fn run(call: &str, args: &Value) -> Value {
    let lang_tag = args.get("lang").and_then(Value::as_str).unwrap_or("en");
    let lang = match Lang::parse(lang_tag) {
        Ok(lang) => lang,
        Err(error) => return outcome::<()>(Err(error), Lang::En),
    };
    let context = args.get("context").unwrap_or(&Value::Null);
    match call {
        "ram_parse_policy" => outcome(ram::parse_policy(arg(args, "policy")), lang),
        "ram_required_access" => outcome(
            ram::required_access(
                text_arg(args, "operation"),
                arg(args, "params"),
                text_arg(args, "region"),
                text_arg(args, "account_id"),
            ),
            lang,
        ),
        "ram_authorize" => outcome(
            ram::authorize(
                text_arg(args, "operation"),
                arg(args, "params"),
                text_arg(args, "region"),
                text_arg(args, "account_id"),
                list_arg(args, "policies"),
                context,
                lang,
            ),
            lang,
        ),
        "ram_evaluate" => outcome(
            ram::check_access(list_arg(args, "policies"), text_arg(args, "action"), text_arg(args, "resource"), context, lang),
            lang,
        ),
        other => panic!("unknown call \"{other}\""),
    }
}

#[test]
fn ram_vectors_pass() {
    let files = vector_files();
    assert!(!files.is_empty(), "no tests/vectors/ram_*.json files");
    let mut total = 0;
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        let suite: Value = serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
        let cases = suite["cases"].as_array().unwrap_or_else(|| panic!("{}: no \"cases\" array", file.display()));
        for case in cases {
            total += 1;
            let name = case["name"].as_str().unwrap_or("<unnamed>");
            let call = case["call"].as_str().unwrap_or_else(|| panic!("{name}: no \"call\""));
            let actual = run(call, &case["args"]);
            if actual != case["expect"] {
                failures.push(format!(
                    "{} / {name}\n  expected: {}\n  actual:   {}",
                    file.file_name().and_then(|n| n.to_str()).unwrap_or_default(),
                    case["expect"],
                    actual
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} RAM vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(total >= MIN_CASES, "only {total} RAM vector cases; the suite needs at least {MIN_CASES}");
}

#[test]
fn case_names_are_unique() {
    let mut seen = std::collections::BTreeSet::new();
    for file in vector_files() {
        let suite: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap_or_default()).unwrap_or_default();
        for case in suite["cases"].as_array().into_iter().flatten() {
            let name = case["name"].as_str().unwrap_or_default().to_owned();
            assert!(seen.insert(name.clone()), "duplicate case name {name}");
        }
    }
}

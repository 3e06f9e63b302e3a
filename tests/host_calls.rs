//! Every vector (`tests/vectors/{core,wire,ram}_*.json`) through the host contract
//! (`opgate::host::calls`) with JSON as the host: the same layer the Python and JS bindings
//! call, so all three languages read their arguments through one mechanism. Also proves that
//! reading Describe items by projection answers exactly as reading them whole.

use std::path::{Path, PathBuf};

use opgate::host::{calls, Failed, Opt, OptionsIn};
use serde::Serialize;
use serde_json::{json, Value};

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.extension().is_some_and(|e| e == "json")
            && p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("core_") || n.starts_with("wire_") || n.starts_with("ram_"))
    });
    files.sort();
    files
}

fn outcome<T: Serialize>(result: Result<T, Failed>) -> Value {
    match result {
        Ok(value) => json!({ "ok": serde_json::to_value(value).expect("results serialize") }),
        Err(failed) => json!({ "error": serde_json::to_value(failed.error.render(failed.lang)).expect("reports serialize") }),
    }
}

/// The case's options as Python passes keyword arguments: by snake_case name.
fn named<'a>(args: &'a Value, names: &[Opt]) -> Vec<(Opt, Option<&'a Value>)> {
    names.iter().map(|opt| (*opt, args.get(opt.name(opgate::host::HostKind::Json)))).collect()
}

const ALL: &[Opt] = &[
    Opt::Lang,
    Opt::Now,
    Opt::IntBounds,
    Opt::Region,
    Opt::Endpoint,
    Opt::AccountId,
    Opt::Context,
    Opt::Algorithm,
    Opt::Timestamp,
    Opt::Nonce,
];

/// `None` for calls this runner does not cover.
fn run(call: &str, args: &Value) -> Option<Value> {
    let null = Value::Null;
    let arg = |name: &str| args.get(name).unwrap_or(&null);
    let pairs = named(args, ALL);
    let options = || OptionsIn::Named(&pairs);
    Some(match call {
        "operations" => outcome(calls::operations(options())),
        "operation" => outcome(calls::operation(&arg("operation"), options())),
        "validate" => outcome(calls::validate(&arg("operation"), &arg("params"), options())),
        "precheck" => outcome(calls::precheck(&arg("operation"), &arg("params"), &arg("resources"), options())),
        "check" => outcome(calls::check(&arg("operation"), &arg("params"), &arg("resources"), options())),
        "precheck_resources" => outcome(calls::precheck_resources(&arg("operation"), &arg("resources"), options())),
        "wait_status" => outcome(calls::wait_status(&arg("operation"), &arg("status"), options())),
        "build" => outcome(calls::build(&arg("operation"), &arg("params"), options())),
        "endpoint" => outcome(calls::endpoint(&arg("operation"), options())),
        "parse_response" => outcome(calls::parse_response(
            &arg("operation"),
            &arg("status"),
            args.get("body").as_ref(),
            args.get("headers").as_ref(),
            options(),
        )),
        "sign" => outcome(calls::sign(&arg("request"), calls::CredentialsIn::Host(&arg("credentials")), options())),
        "ram_parse_policy" => outcome(calls::ram_parse_policy(&arg("policy"), options())),
        "ram_required_access" => outcome(calls::ram_required_access(&arg("operation"), &arg("params"), options())),
        "ram_authorize" => outcome(calls::ram_authorize(&arg("operation"), &arg("params"), &arg("policies"), options())),
        "ram_evaluate" => outcome(calls::ram_evaluate(&arg("policies"), &arg("action"), &arg("resource"), options())),
        _ => return None,
    })
}

#[test]
fn every_vector_through_the_host_contract() {
    // `OPGATE_BLESS=1` fills in the expectation of new cases (`"expect": null`) only; it never
    // rewrites an existing one, and is refused in CI.
    let bless = std::env::var_os("OPGATE_BLESS").is_some();
    assert!(!(bless && std::env::var_os("CI").is_some()), "OPGATE_BLESS is refused in CI");
    let mut failures = Vec::new();
    let mut total = 0;
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).expect("vector file readable");
        let mut doc: Value = serde_json::from_str(&text).expect("vector file is JSON");
        let mut blessed = false;
        for case in doc["cases"].as_array_mut().expect("cases array") {
            let call = case["call"].as_str().expect("call").to_owned();
            let Some(got) = run(&call, &case["args"]) else {
                failures.push(format!("{}: {}: no runner for the call {call}", file.display(), case["name"]));
                continue;
            };
            total += 1;
            if bless && case["expect"].is_null() {
                case["expect"] = got;
                blessed = true;
            } else if case["expect"] != got {
                failures.push(format!(
                    "{}: {}\n  expected {}\n  got      {}",
                    file.display(),
                    case["name"],
                    case["expect"],
                    got
                ));
            }
        }
        if blessed {
            std::fs::write(&file, serde_json::to_string_pretty(&doc).expect("serializes") + "\n").expect("vector file writable");
        }
    }
    assert!(total > 500, "only {total} vectors ran");
    eprintln!("{total} vectors ran");
    assert!(failures.is_empty(), "{} of {total} vectors failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn projection_answers_as_the_whole_items() {
    // Every pre-check case, once through the engine with the items whole and once through the
    // host reader that projects them: the verdicts (or errors) must be identical.
    let mut compared = 0;
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).expect("vector file readable");
        let doc: Value = serde_json::from_str(&text).expect("vector file is JSON");
        for case in doc["cases"].as_array().expect("cases array") {
            let args = &case["args"];
            let Some(resources) = args.get("resources") else { continue };
            let Some(op) = args.get("operation").and_then(Value::as_str) else { continue };
            let Ok(spec) = opgate::operation(op) else { continue };
            let mut reader = opgate::host::Reader::default();
            let Ok(projected) = reader.resources(spec, &resources) else { continue };
            let options = opgate::Options {
                now: args.get("now").and_then(Value::as_i64),
                ..Default::default()
            };
            let whole = opgate::precheck_resources(op, resources, &options);
            let picked = opgate::precheck_resources(op, &projected, &options);
            assert_eq!(whole, picked, "{}: {}", file.display(), case["name"]);
            compared += 1;
        }
    }
    assert!(compared > 100, "only {compared} pre-check cases compared");
}

//! Runs every `tests/vectors/wire_*.json` case through the public wire API and compares the
//! serialized result with `expect` exactly. The Python and JS bindings run the same files.
//!
//! `OPGATE_BLESS_MISSING=1` fills in cases whose `expect` is absent (for authoring new cases,
//! which must then be reviewed by hand); it never overwrites an existing expectation.

use std::fs;
use std::path::{Path, PathBuf};

use opgate::lang::Lang;
use opgate::params::Options;
use opgate::wire::{self, BuildOptions};
use serde_json::{json, Value};

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("wire_") && n.ends_with(".json"))
        })
        .collect();
    files.sort();
    files
}

fn text<'a>(args: &'a Value, key: &str) -> Option<&'a str> {
    args.get(key).and_then(Value::as_str)
}

fn lang_of(args: &Value) -> Lang {
    Lang::parse(text(args, "lang").unwrap_or("en")).expect("vector lang is en or zh")
}

/// Runs one case; `None` when the call is not compiled in (signing without the feature).
fn run(call: &str, args: &Value) -> Option<Value> {
    let lang = lang_of(args);
    let outcome: Result<Value, opgate::Error> = match call {
        "build" => {
            let options = BuildOptions {
                region: text(args, "region").map(str::to_owned),
                endpoint: text(args, "endpoint").map(str::to_owned),
                validation: Options { lang, ..Options::default() },
            };
            wire::build(
                text(args, "operation").unwrap_or_default(),
                args.get("params").unwrap_or(&Value::Null),
                &options,
            )
            .map(|r| serde_json::to_value(r).expect("serializable"))
        }
        "endpoint" => opgate::operation(text(args, "operation").unwrap_or_default())
            .and_then(|op| wire::resolve_endpoint(op, text(args, "region"), text(args, "endpoint")))
            .map(|e| serde_json::to_value(e).expect("serializable")),
        "parse_response" => {
            let status = args
                .get("status")
                .and_then(Value::as_u64)
                .and_then(|s| u16::try_from(s).ok())
                .expect("status is a u16");
            let headers: Vec<(String, String)> =
                serde_json::from_value(args.get("headers").cloned().unwrap_or(json!([]))).expect("headers are [name, value] pairs");
            wire::parse_response(
                text(args, "operation").unwrap_or_default(),
                status,
                &headers,
                text(args, "body").unwrap_or_default().as_bytes(),
            )
            .map(|r| serde_json::to_value(r).expect("serializable"))
        }
        "sign" => return sign(args),
        other => panic!("unknown call {other}"),
    };
    Some(match outcome {
        Ok(value) => json!({ "ok": value }),
        Err(error) => json!({ "error": serde_json::to_value(error.render(lang)).expect("serializable") }),
    })
}

#[cfg(feature = "signing")]
fn sign(args: &Value) -> Option<Value> {
    use wire::{Credentials, SignOptions, SignatureAlgorithm};
    let credentials = args.get("credentials").expect("credentials");
    let credentials = match (text(credentials, "bearer_token"), text(credentials, "security_token")) {
        (Some(token), _) => Credentials::bearer(token),
        (None, Some(token)) => Credentials::sts(
            text(credentials, "access_key_id").unwrap_or_default(),
            text(credentials, "access_key_secret").unwrap_or_default(),
            token,
        ),
        (None, None) => Credentials::access_key(
            text(credentials, "access_key_id").unwrap_or_default(),
            text(credentials, "access_key_secret").unwrap_or_default(),
        ),
    };
    let request: wire::HttpRequest = serde_json::from_value(args.get("request").cloned().expect("request")).expect("request has the HttpRequest shape");
    let result = text(args, "algorithm").map(SignatureAlgorithm::parse).transpose().and_then(|algorithm| {
        let options = SignOptions {
            algorithm,
            timestamp: args.get("timestamp").and_then(Value::as_i64).expect("timestamp"),
            nonce: text(args, "nonce").unwrap_or_default().to_owned(),
        };
        wire::sign(&request, &credentials, &options)
    });
    // A signed request shows its tokens only when the caller asks (`include_secrets`).
    let include_secrets = args.get("include_secrets").and_then(Value::as_bool).unwrap_or(false);
    Some(match result {
        Ok(signed) if include_secrets => json!({ "ok": serde_json::to_value(signed.with_secrets()).expect("serializable") }),
        Ok(signed) => json!({ "ok": serde_json::to_value(signed).expect("serializable") }),
        Err(error) => json!({ "error": serde_json::to_value(error.render(lang_of(args))).expect("serializable") }),
    })
}

#[cfg(not(feature = "signing"))]
fn sign(_args: &Value) -> Option<Value> {
    None
}

#[test]
fn wire_vectors() {
    let bless = std::env::var_os("OPGATE_BLESS_MISSING").is_some();
    let mut failures = Vec::new();
    let mut ran = 0;
    let files = vector_files();
    assert!(!files.is_empty(), "no tests/vectors/wire_*.json files");
    for path in files {
        let raw = fs::read_to_string(&path).expect("readable");
        let mut suite: Value = serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut blessed = false;
        let cases = suite
            .get_mut("cases")
            .and_then(Value::as_array_mut)
            .unwrap_or_else(|| panic!("{}: no cases", path.display()));
        for case in cases.iter_mut() {
            let name = case.get("name").and_then(Value::as_str).unwrap_or("<unnamed>").to_owned();
            let call = case.get("call").and_then(Value::as_str).unwrap_or_default().to_owned();
            let Some(actual) = run(&call, case.get("args").unwrap_or(&Value::Null)) else {
                continue;
            };
            ran += 1;
            match case.get("expect") {
                Some(expected) if *expected == actual => {}
                Some(expected) => failures.push(format!(
                    "{}: case \"{name}\"\n  expected: {}\n  actual:   {}",
                    path.display(),
                    serde_json::to_string(expected).unwrap_or_default(),
                    serde_json::to_string(&actual).unwrap_or_default()
                )),
                None if bless => {
                    if let Some(object) = case.as_object_mut() {
                        object.insert("expect".to_owned(), actual);
                        blessed = true;
                    }
                }
                None => failures.push(format!("{}: case \"{name}\" has no expect", path.display())),
            }
        }
        if blessed {
            fs::write(&path, serde_json::to_string_pretty(&suite).expect("serializable") + "\n").expect("writable");
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} wire vector case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(ran >= 60, "only {ran} wire vector cases ran");
}

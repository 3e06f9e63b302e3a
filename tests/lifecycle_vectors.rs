//! Runs the lifecycle vectors (`tests/vectors/life_*.json`): waiters over time, ClientTokens,
//! retry classes and advice, batch plans and their merged outcomes, access-denied details.
//! The Python and JS suites run the same files and must agree exactly.
//!
//! `OPGATE_BLESS=1 cargo test --test lifecycle_vectors` rewrites every `expect` from the
//! current behaviour; `tests/vectors/tools/gen_lifecycle.py check` then checks each blessed
//! answer against the intent written by hand for its case.
//!
//! [`dispatch`] knows the lifecycle calls and answers `None` for any other, so a runner that
//! covers every vector file can try it beside the other dispatchers.

use std::path::{Path, PathBuf};

use opgate::lifecycle::{self, FailedCall, PlanOptions, Received, Waiter};
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

fn lang_of(args: &Value) -> Lang {
    args.get("lang").and_then(Value::as_str).and_then(|t| Lang::parse(t).ok()).unwrap_or_default()
}

fn options(args: &Value) -> Result<Options, Error> {
    let lang = match args.get("lang").and_then(Value::as_str) {
        Some(tag) => Lang::parse(tag)?,
        None => Lang::En,
    };
    Ok(Options {
        lang,
        now: args.get("now").and_then(Value::as_i64),
        int_bounds: IntBound::list_from_json(args.get("int_bounds").unwrap_or(&Value::Null), "int_bounds")?,
    })
}

fn text<'a>(args: &'a Value, key: &str) -> Option<&'a str> {
    args.get(key).and_then(Value::as_str)
}

fn present(args: &Value, key: &str) -> Option<Value> {
    args.get(key).filter(|v| !v.is_null()).cloned()
}

fn to_json<T: serde::Serialize>(value: T) -> Value {
    serde_json::to_value(value).expect("results serialize")
}

/// Runs one lifecycle call; `None` when `call` is not one of them.
pub fn dispatch(call: &str, args: &Value) -> Option<Result<Value, Error>> {
    let null = Value::Null;
    let arg = |name: &str| args.get(name).unwrap_or(&null);
    let op = text(args, "operation").unwrap_or_default();
    let lang = lang_of(args);
    let status = || args.get("status").and_then(Value::as_u64).map(|s| u16::try_from(s).expect("status fits u16"));
    let result = match call {
        "client_token" => {
            options(args).and_then(|options| lifecycle::client_token(op, arg("params"), text(args, "scope").unwrap_or_default(), &options).map(to_json))
        }
        "classify" => lifecycle::classify(op, text(args, "code").unwrap_or_default(), status(), lang).map(to_json),
        "retry_advice" => opgate::wire::header_pairs_from_json(arg("headers").clone()).and_then(|headers| {
            let call = FailedCall {
                status: status(),
                code: text(args, "code").map(str::to_owned),
                headers,
                params: present(args, "params"),
                now: args.get("now").and_then(Value::as_i64),
                attempt: args
                    .get("attempt")
                    .and_then(Value::as_u64)
                    .map_or(1, |a| u32::try_from(a).expect("attempt fits u32")),
            };
            lifecycle::retry_advice(op, &call, lang).map(to_json)
        }),
        "access_denied" => lifecycle::access_denied(arg("detail"), lang).map(to_json),
        "plan" => run_plan(op, args).map(to_json),
        "plan_and_merge" => run_plan(op, args).and_then(|plan| {
            let received = Received::list_from_json(arg("responses"))?;
            lifecycle::merge_plan(&to_json(plan), &received, lang).map(to_json)
        }),
        "wait" => run_wait(op, args, lang),
        _ => return None,
    };
    Some(result)
}

fn run_plan(op: &str, args: &Value) -> Result<lifecycle::Plan, Error> {
    let plan_options = PlanOptions {
        options: options(args)?,
        region: text(args, "region").map(str::to_owned),
        endpoint: text(args, "endpoint").map(str::to_owned),
        scope: text(args, "scope").unwrap_or_default().to_owned(),
    };
    lifecycle::plan(
        op,
        args.get("targets").unwrap_or(&Value::Null),
        args.get("resources").unwrap_or(&Value::Null),
        &plan_options,
    )
}

/// A waiter's life: made (or resumed from `resume`), then fed each step; after step
/// `resume_after` it is serialized and read back, as a script that persisted it would.
fn run_wait(op: &str, args: &Value, lang: Lang) -> Result<Value, Error> {
    let mut waiter = match present(args, "resume") {
        Some(state) => Waiter::resume(&state)?,
        None => Waiter::new(
            op,
            args.get("ids").unwrap_or(&Value::Null),
            args.get("sent_at").and_then(Value::as_i64).expect("sent_at is an integer"),
            present(args, "before").as_ref(),
            args.get("seed").and_then(Value::as_u64).map(|s| u32::try_from(s).expect("seed fits u32")),
        )?,
    };
    let resume_after = args.get("resume_after").and_then(Value::as_u64);
    let mut reports = Vec::new();
    for (index, step) in args.get("steps").and_then(Value::as_array).expect("steps").iter().enumerate() {
        let now = step.get("now").and_then(Value::as_i64).expect("step now");
        reports.push(to_json(waiter.observe(step.get("resources").unwrap_or(&Value::Null), now, lang)?));
        if resume_after == Some(index as u64) {
            waiter = Waiter::resume(&to_json(&waiter))?;
        }
    }
    Ok(Value::Array(reports))
}

fn outcome(call: &str, args: &Value) -> Value {
    match dispatch(call, args).unwrap_or_else(|| panic!("unknown call {call}")) {
        Ok(value) => json!({ "ok": value }),
        Err(error) => json!({ "error": serde_json::to_value(error.render(lang_of(args))).expect("reports serialize") }),
    }
}

#[test]
fn lifecycle_vectors() {
    let bless = std::env::var_os("OPGATE_BLESS").is_some();
    let files = vector_files("life_");
    assert!(files.len() >= 4, "the life_* vector files are missing");
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
    assert!(total >= 150, "only {total} lifecycle vectors");
    assert!(
        failures.is_empty(),
        "{} of {total} lifecycle vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

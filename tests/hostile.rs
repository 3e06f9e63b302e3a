//! The hostile-input suite: every case of `tests/vectors/hostile.json` (the Python and JS suites
//! run the same file) must give exactly its `expect`, and the core must count no more than the
//! case's `max_work` steps for it (`opgate::work`). Work is counted, never timed, so the suite
//! means the same on any machine; `make bench-hostile` times the same cases.
//!
//! `OPGATE_BLESS_MISSING=1` fills in a missing `expect` (for authoring; review it by hand).

#[path = "support/hostile.rs"]
mod support;

use serde_json::Value;

#[test]
fn hostile_cases_answer_as_expected_within_their_work_bound() {
    let bless = std::env::var_os("OPGATE_BLESS_MISSING").is_some();
    let mut suite = support::load();
    let mut failures = Vec::new();
    let mut blessed = false;
    let cases = suite.get_mut("cases").and_then(Value::as_array_mut).expect("cases");
    assert!(cases.len() >= 10, "only {} hostile cases", cases.len());
    for case in cases.iter_mut() {
        let name = case["name"].as_str().unwrap_or("?").to_owned();
        let call = case["call"].as_str().expect("call").to_owned();
        let max_work = case["max_work"].as_u64().unwrap_or_else(|| panic!("{name}: no max_work"));
        let args = support::expand(&case["args"]);
        opgate::work::take();
        let got = support::run(&call, &args);
        let work = opgate::work::take();
        if work > max_work {
            failures.push(format!("{name}: {work} steps, more than its bound of {max_work}"));
        }
        match case.get("expect") {
            Some(expected) if *expected == got => {}
            Some(expected) => failures.push(format!("{name}:\n  expected {expected}\n  got      {got}")),
            None if bless => {
                case["expect"] = got;
                blessed = true;
            }
            None => failures.push(format!("{name}: no expect")),
        }
        println!("{name}: {work} steps (bound {max_work})");
    }
    if blessed {
        // One-space indentation, as the other vector files are written.
        let mut text = Vec::new();
        let mut writer = serde_json::Serializer::with_formatter(&mut text, serde_json::ser::PrettyFormatter::with_indent(b" "));
        serde::Serialize::serialize(&suite, &mut writer).expect("serializable");
        text.push(b'\n');
        std::fs::write(support::case_file(), text).expect("writable");
    }
    assert!(failures.is_empty(), "{} hostile case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_case_states_its_hazard_and_its_bound() {
    for case in support::cases(&support::load()) {
        let name = case["name"].as_str().unwrap_or("?");
        assert!(
            case["why"].as_str().is_some_and(|why| why.len() > 20),
            "{name}: say what the case guards against"
        );
        assert!(case["max_work"].as_u64().is_some_and(|bound| bound > 0), "{name}: a positive max_work");
    }
}

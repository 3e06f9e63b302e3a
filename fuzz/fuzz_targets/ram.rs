//! RAM on arbitrary documents: parse (as JSON text and as a value), then decide. Input: one
//! byte picks the mode, the rest is text.
//! - mode 0: the text is one policy document (`parse_policy_str`, and `parse_policy` of it);
//! - mode 1: JSON `{"policies", "action", "resource", "context"}` for `check_access`;
//! - mode 2: JSON `{"operation", "params", "region", "account_id", "policies", "context"}` for
//!   `authorize`;
//! - mode 3: a wildcard pattern and a text separated by NUL, compared with a plain table
//!   matcher (both short enough for the table to be cheap).

#![no_main]

use libfuzzer_sys::fuzz_target;
use opgate::{ram, Lang};
use serde_json::Value;

#[path = "../../tests/support/table_match.rs"]
mod table;
use table::table_match;

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn list(value: &Value, key: &str) -> Vec<Value> {
    value.get(key).and_then(Value::as_array).cloned().unwrap_or_default()
}


fuzz_target!(|data: &[u8]| {
    let [mode, rest @ ..] = data else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    match mode % 4 {
        0 => {
            let from_text = ram::parse_policy_str(input);
            let from_value = ram::parse_policy(&Value::String(input.to_owned()));
            assert_eq!(from_text, from_value);
            if let Err(error) = from_text {
                assert!(!error.details().is_empty());
            }
        }
        1 => {
            let Ok(value) = serde_json::from_str::<Value>(input) else { return };
            let context = value.get("context").cloned().unwrap_or(Value::Null);
            if let Ok(check) = ram::check_access(&list(&value, "policies"), text(&value, "action"), text(&value, "resource"), &context, Lang::En) {
                assert_eq!(check.policy_index.is_some(), check.statement_index.is_some());
            }
        }
        2 => {
            let Ok(value) = serde_json::from_str::<Value>(input) else { return };
            let context = value.get("context").cloned().unwrap_or(Value::Null);
            let params = value.get("params").cloned().unwrap_or(Value::Null);
            if let Ok(authorization) = ram::authorize(
                text(&value, "operation"),
                &params,
                text(&value, "region"),
                text(&value, "account_id"),
                &list(&value, "policies"),
                &context,
                Lang::Zh,
            ) {
                assert_eq!(authorization.allowed, authorization.error.is_none());
            }
        }
        _ => {
            let Some((pattern, subject)) = input.split_once('\0') else { return };
            let (pattern_chars, subject_chars): (Vec<char>, Vec<char>) = (pattern.chars().collect(), subject.chars().collect());
            if pattern_chars.len() * subject_chars.len() > 1 << 20 {
                return;
            }
            assert_eq!(ram::wildcard_match(pattern, subject), table_match(&pattern_chars, &subject_chars), "{pattern:?} / {subject:?}");
        }
    }
});

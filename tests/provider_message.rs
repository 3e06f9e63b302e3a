//! The provider's own message survives parsing in every language: the localized catalog text
//! is an extra (`errors[0].message` with `lang = zh`), never a replacement for what was sent.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a response the test itself built must parse, or the test stops there"
)]

use opgate::lang::Lang;
use opgate::wire;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Codes from the operations' error tables (translated for `zh`) and codes no table has.
fn code() -> impl Strategy<Value = (&'static str, &'static str, u16)> {
    prop_oneof![
        Just(("ecs:RebootInstance", "IncorrectInstanceStatus", 403)),
        Just(("ecs:RebootInstance", "Throttling.User", 400)),
        Just(("ecs:RebootInstance", "Some.NewCode", 400)),
        Just((
            "computenest:RenewServiceInstanceResources",
            "EntityNotExist.ServiceInstance",
            404
        )),
        Just(("zec:RebootInstances", "OPERATION_DENIED_INSTANCE_STATUS", 403)),
        Just(("zec:RebootInstances", "SOME_NEW_CODE", 500)),
    ]
}

fn api_report(op: &str, status: u16, body: &Value, lang: Lang) -> Value {
    let bytes = serde_json::to_vec(body).expect("serializable");
    let error = wire::parse_response(op, status, &[], &bytes).expect_err("an error body");
    assert_eq!(error.kind(), opgate::ErrorKind::Api);
    serde_json::to_value(error.render(lang)).expect("serializable")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn provider_message_is_kept_in_every_language((op, code, status) in code(), message in "[^<\\p{C}]{1,80}") {
        let body = if op.starts_with("zec:") {
            json!({"requestId": "R-1", "code": code, "message": message})
        } else {
            json!({"RequestId": "R-1", "Code": code, "Message": message})
        };
        for lang in [Lang::En, Lang::Zh] {
            let report = api_report(op, status, &body, lang);
            prop_assert_eq!(&report["api"]["provider_message"], &json!(message));
            prop_assert_eq!(&report["api"]["request_id"], &json!("R-1"));
        }
        // English shows the provider's text itself.
        let en = api_report(op, status, &body, Lang::En);
        prop_assert_eq!(&en["errors"][0]["message"], &json!(message));
    }
}

#[test]
fn chinese_known_code_adds_the_catalog_text_beside_the_original() {
    let body = json!({"RequestId": "E1", "Code": "IncorrectInstanceStatus", "Message": "The current status of the resource does not support this operation."});
    let zh = api_report("ecs:RebootInstance", 403, &body, Lang::Zh);
    assert_eq!(zh["errors"][0]["message"], json!("该资源目前的状态不支持此操作。"));
    assert_eq!(zh["api"]["provider_message"], body["Message"]);
}

#[test]
fn no_message_sent_means_none_kept() {
    let body = json!({"RequestId": "E2", "Code": "InstanceLockedForSecurity"});
    let report = api_report("ecs:RebootInstance", 403, &body, Lang::Zh);
    assert_eq!(report["api"]["provider_message"], Value::Null);
    // The table's text stands in for the message, but is not passed off as the provider's.
    assert!(report["errors"][0]["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn a_huge_provider_message_is_bounded() {
    let body = json!({"RequestId": "E3", "Code": "Some.NewCode", "Message": "x".repeat(100_000)});
    let report = api_report("ecs:RebootInstance", 400, &body, Lang::En);
    let kept = report["api"]["provider_message"].as_str().expect("a string");
    assert!(kept.chars().count() < 5_000, "kept {} chars", kept.chars().count());
    assert!(kept.starts_with("xxxx"));
}

//! Properties of the validation and pre-check engines over arbitrary input: they never panic,
//! and a verdict always accounts for every target exactly once.

use opgate::{operations, precheck, precheck_resources, validate, Options};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        ".{0,40}".prop_map(Value::String),
        prop_oneof![
            Just("Running"),
            Just("RUNNING"),
            Just("Deployed"),
            Just("i-bp67acfmxazb4ph1abcd"),
            Just("si-d6ab3a63ccbb4b17a0f1"),
            Just("1660545330971680835")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop_oneof![
            Just("InstanceId".to_owned()),
            Just("Status".to_owned()),
            Just("instanceIds".to_owned()),
            Just("instanceId".to_owned()),
            Just("instanceStatus".to_owned()),
            Just("ServiceInstanceId".to_owned()),
            Just("Period".to_owned()),
            Just("PeriodUnit".to_owned()),
            Just("ResourcePeriod".to_owned()),
            Just("OperationLocks".to_owned()),
            Just("Service".to_owned()),
            ".{0,8}".prop_map(|s| s),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn engines_never_panic(params in arbitrary_json(), resources in arbitrary_json(), now in any::<Option<i64>>()) {
        let options = Options { now, ..Options::default() };
        for op in operations() {
            let _ = validate(op.id, &params, &options);
            let _ = precheck(op.id, &params, &resources, &options);
            let _ = precheck_resources(op.id, &resources, &options);
        }
    }

    #[test]
    fn zec_verdicts_account_for_every_target(statuses in prop::collection::vec(prop_oneof![Just("RUNNING"), Just("STOPPED"), Just("RECYCLE"), Just("REBOOT"), Just("MISSING"), Just("NEW_STATUS")], 1..100)) {
        let ids: Vec<String> = (0..statuses.len()).map(|i| format!("{}", 1_660_545_330_971_680_835u64 + i as u64)).collect();
        let resources: Vec<Value> = ids.iter().zip(&statuses).filter(|(_, s)| **s != "MISSING").map(|(id, s)| json!({"instanceId": id, "instanceStatus": s})).collect();
        let verdict = precheck("zec:RebootInstances", &json!({"instanceIds": ids}), &Value::Array(resources), &Options::default()).expect("valid input");
        prop_assert_eq!(verdict.outcomes.len(), ids.len());
        prop_assert_eq!(verdict.allowed_ids.len() + verdict.denied_ids.len(), ids.len());
        let running: Vec<&String> = ids.iter().zip(&statuses).filter(|(_, s)| **s == "RUNNING").map(|(id, _)| id).collect();
        prop_assert_eq!(verdict.allowed_ids.iter().collect::<Vec<_>>(), running);
        prop_assert_eq!(verdict.allowed, verdict.denied_ids.is_empty());
        prop_assert!(verdict.error.is_none(), "batch calls report per id");
    }
}

#[test]
fn deeply_nested_input_is_rejected_without_overflow() {
    // serde_json builds and drops deep values recursively; a large stack keeps this test about
    // opgate's engine, which must not recurse into values it does not expect.
    let run = || {
        let mut deep = json!("i-bp67acfmxazb4ph1abcd");
        for _ in 0..10_000 {
            deep = Value::Array(vec![deep]);
        }
        let params = json!({ "InstanceId": deep });
        let error = validate("ecs:RebootInstance", &params, &Options::default()).expect_err("nested list is not an id");
        assert_eq!(
            error.primary().map(|d| d.code.as_str()),
            Some("InvalidParameter.InstanceId")
        );
        let verdict = precheck_resources(
            "ecs:RebootInstance",
            &json!([{"InstanceId": "i-bp67acfmxazb4ph1abcd", "Status": "Running", "OperationLocks": params}]),
            &Options::default(),
        );
        assert!(verdict.is_ok());
    };
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(run)
        .expect("thread")
        .join()
        .expect("no panic");
}

#[test]
fn huge_batches_of_violations_are_summarised() {
    let params: Map<String, Value> = (0..5_000).map(|i| (format!("Unknown{i}"), json!(i))).collect();
    let error =
        validate("ecs:RebootInstance", &Value::Object(params), &Options::default()).expect_err("unknown params");
    let details = error.details();
    assert_eq!(details.len(), opgate::params::MAX_VIOLATIONS + 1);
    assert!(details
        .last()
        .is_some_and(|d| d.message.en.contains("further violations")));
}

#[test]
fn messages_follow_the_requested_language() {
    let zh = Options {
        lang: opgate::Lang::Zh,
        ..Options::default()
    };
    let error = validate("zec:RebootInstances", &json!({}), &zh).expect_err("missing ids");
    let report = error.render(opgate::Lang::Zh);
    assert_eq!(report.errors[0].code, "MISSING_PARAMETER");
    assert!(report.errors[0].message.contains("缺少必填参数"));
}

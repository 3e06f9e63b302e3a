//! validate + build + sign for each operation, and response parsing.
//! Run with `cargo bench --bench pipeline`; each bench takes about a second.

#![allow(
    clippy::expect_used,
    reason = "a bench stops loudly on a broken fixture rather than timing the error path"
)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use opgate::params::Options;
use opgate::wire::{self, BuildOptions, Credentials, SignOptions};
use serde_json::{json, Value};

fn cases() -> Vec<(&'static str, Value, Option<&'static str>)> {
    vec![
        (
            "ecs:RebootInstance",
            json!({"InstanceId": "i-2ze0bfu6gdu7xk5l0tqa", "ForceStop": true}),
            Some("cn-beijing"),
        ),
        (
            "computenestsupplier:RestartServiceInstance",
            json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1", "ClientToken": "token-1"}),
            None,
        ),
        (
            "computenest:RenewServiceInstanceResources",
            json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1", "ResourcePeriod": [
                {"ResourceArn": "acs:ecs:cn-hangzhou:1488317743351199:instance/i-j6c6f3lbky38o8rpeqw2", "Period": 1, "PeriodUnit": "Month"},
                {"ResourceArn": "acs:rds:cn-hangzhou:1488317743351199:dbinstance/rm-bp1abcdefgh", "Period": 2, "PeriodUnit": "Year"}
            ]}),
            None,
        ),
        (
            "zec:RebootInstances",
            json!({"instanceIds": (0..20).map(|i| (1_660_545_330_971_680_835_u64 + i).to_string()).collect::<Vec<_>>()}),
            None,
        ),
    ]
}

fn pipeline(c: &mut Criterion) {
    let credentials = Credentials::access_key("LTAI5tExampleKeyId", "ExampleSecret");
    let sign_options = SignOptions {
        algorithm: None,
        timestamp: 1_700_000_000,
        nonce: "3e0c5b3f9a5e4c7d8e1f2a3b4c5d6e7f".to_owned(),
    };
    let mut group = c.benchmark_group("validate_build_sign");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for (op, params, region) in cases() {
        let options = BuildOptions {
            region: region.map(str::to_owned),
            endpoint: None,
            validation: Options::default(),
        };
        // Fail loudly here rather than benchmark the error path by accident.
        let request = wire::build(op, &params, &options).expect("bench parameters are valid");
        wire::sign(&request, &credentials, &sign_options).expect("bench credentials are valid");
        group.bench_function(op, |b| {
            b.iter(|| {
                let request = wire::build(black_box(op), black_box(&params), &options).expect("valid");
                wire::sign(&request, &credentials, &sign_options).expect("signed")
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("parse_response");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    let bodies = [
        (
            "computenest:RenewServiceInstanceResources",
            200,
            r#"{"RequestId":"R2","RenewalResult":{"TotalCount":3,"Succeeded":1,"Failed":2},"FailureDetails":[{"ResourceArn":"acs:ecs:cn-hangzhou:1:instance/i-1","ErrorCode":"InvalidPeriod","ErrorMessage":"The period is invalid."}]}"#,
        ),
        (
            "ecs:RebootInstance",
            403,
            r#"{"RequestId":"E1","HostId":"ecs.cn-beijing.aliyuncs.com","Code":"IncorrectInstanceStatus","Message":"The current status of the resource does not support this operation."}"#,
        ),
        (
            "ecs:RebootInstance",
            200,
            r#"<?xml version="1.0" encoding="UTF-8"?><RebootInstanceResponse><RequestId>473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E</RequestId></RebootInstanceResponse>"#,
        ),
        (
            "zec:RebootInstances",
            200,
            r#"{"requestId":"T2","response":{"requestId":"T2","instanceIds":["1660545330971680836"]}}"#,
        ),
    ];
    for (index, (op, status, body)) in bodies.into_iter().enumerate() {
        group.bench_function(format!("{op}#{index}"), |b| {
            b.iter(|| wire::parse_response(black_box(op), status, &[], black_box(body.as_bytes())))
        });
    }
    group.finish();
}

/// The core alone on 1,000 items of the fleet shape: reading them through the host contract
/// (projection into JSON values) and judging them, without any host conversion around it.
fn precheck(c: &mut Criterion) {
    let fleet: Value =
        serde_json::from_str(include_str!("../examples/fleet.json")).expect("examples/fleet.json is JSON");
    let base = fleet["ecs"].as_array().expect("fleet.ecs is a list").clone();
    let items: Vec<Value> = (0..1000)
        .map(|index| {
            let mut item = base[index % base.len()].clone();
            item["InstanceId"] = Value::from(format!("i-bench{index:015}"));
            item
        })
        .collect();
    let items = Value::Array(items);
    let options = Options {
        now: fleet["now"].as_i64(),
        ..Options::default()
    };
    let spec = opgate::catalog::operation("ecs:RebootInstance").expect("a known operation");
    let mut group = c.benchmark_group("precheck_resources_1000");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    group.bench_function("project", |b| {
        b.iter(|| opgate::host::Reader::default().resources(spec, &black_box(&items)).ok())
    });
    group.bench_function("judge", |b| {
        b.iter(|| {
            opgate::precheck::precheck_resources("ecs:RebootInstance", black_box(&items), &options).expect("judged")
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline, precheck);
criterion_main!(benches);

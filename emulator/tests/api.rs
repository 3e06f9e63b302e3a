//! The emulator over real loopback HTTP, driven the way a client drives a provider: opgate
//! builds and signs each request, and its `parse_response` reads the answer.

mod common;

use common::*;
use opgate::wire::SignatureAlgorithm;
use opgate::{Credentials, Error, Options};
use opgate_emulator::Config;
use serde_json::{json, Value};

const RUNNING: &str = "i-bp1h4adlltjc1d48goaq";
const LOCKED: &str = "i-bp1h4adlltjc1d48god9";
const SHOP_PROD: &str = "si-0a1b2c3d4e5f60718293";
const SHOP_STAGING: &str = "si-1b2c3d4e5f6071829304";
const ZEC_RUNNING: [&str; 2] = ["1660545330971680835", "1660545330971680836"];
const ZEC_STOPPED: &str = "1660545330971680837";
const ZEC_RECYCLED: &str = "1660545330971680838";

fn api_code(op: &str, answer: &Answer) -> Result<String, String> {
    match opgate::parse_response(op, answer.status, &answer.headers, &answer.body) {
        Ok(parsed) => Ok(format!("{:?}", parsed.outcome)),
        Err(Error::Api(api)) => Err(format!("{} {}", api.detail.http_status, api.detail.code)),
        Err(other) => panic!("unreadable answer {other}: {}", answer.text()),
    }
}

#[tokio::test]
async fn reboot_shows_starting_then_running_and_a_second_reboot_is_refused() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let reboot = json!({"InstanceId": RUNNING});

    let answer = client
        .send(&operation(server.addr, "ecs:RebootInstance", reboot.clone()))
        .await;
    assert_eq!(api_code("ecs:RebootInstance", &answer), Ok("Succeeded".to_owned()));
    assert!(answer.json()["RequestId"].as_str().is_some_and(|id| id.len() == 36));
    assert_eq!(ecs_status(&mut client, RUNNING).await, "Starting");

    let again = client
        .send(&operation(server.addr, "ecs:RebootInstance", reboot.clone()))
        .await;
    assert_eq!(
        api_code("ecs:RebootInstance", &again),
        Err("403 IncorrectInstanceStatus".to_owned())
    );

    client.advance(9).await;
    assert_eq!(ecs_status(&mut client, RUNNING).await, "Starting");
    client.advance(1).await;
    assert_eq!(ecs_status(&mut client, RUNNING).await, "Running");
    let third = client.send(&operation(server.addr, "ecs:RebootInstance", reboot)).await;
    assert_eq!(api_code("ecs:RebootInstance", &third), Ok("Succeeded".to_owned()));
    server.stop().await;
}

#[tokio::test]
async fn configured_phases_run_stopping_then_starting_then_running() {
    let config = Config::from_json(r#"{"phases": {"ecs:RebootInstance": [{"status": "Stopping", "seconds": 5}, {"status": "Starting", "seconds": 10}]}}"#)
        .expect("valid");
    let server = start(config, fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let answer = client
        .send(&operation(
            server.addr,
            "ecs:RebootInstance",
            json!({"InstanceId": RUNNING}),
        ))
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    let mut seen = vec![ecs_status(&mut client, RUNNING).await];
    for _ in 0..3 {
        client.advance(5).await;
        seen.push(ecs_status(&mut client, RUNNING).await);
    }
    assert_eq!(seen, ["Stopping", "Starting", "Starting", "Running"]);
    server.stop().await;
}

#[tokio::test]
async fn dry_run_answers_dry_run_operation_and_changes_nothing() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let answer = client
        .send(&operation(
            server.addr,
            "ecs:RebootInstance",
            json!({"InstanceId": RUNNING, "DryRun": true}),
        ))
        .await;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.code(), "DryRunOperation");
    assert_eq!(api_code("ecs:RebootInstance", &answer), Ok("DryRunPassed".to_owned()));
    assert_eq!(ecs_status(&mut client, RUNNING).await, "Running");
    // A dry run is still judged: a locked instance is refused, not passed.
    let locked = client
        .send(&operation(
            server.addr,
            "ecs:RebootInstance",
            json!({"InstanceId": LOCKED, "DryRun": true}),
        ))
        .await;
    assert_eq!(
        api_code("ecs:RebootInstance", &locked),
        Err("403 InstanceLockedForSecurity".to_owned())
    );
    server.stop().await;
}

/// For every resource of the fleet and every operation, the emulator answers what opgate's
/// pre-check predicts from the emulator's own Describe output.
#[tokio::test]
async fn every_answer_is_the_one_opgate_predicts() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let options = Options {
        now: Some(1_795_000_000),
        ..Options::default()
    };
    let describe = client
        .send(&alibaba_call(
            server.addr,
            "2014-05-26",
            "DescribeInstances",
            &[("RegionId", "cn-hangzhou"), ("PageSize", "100")],
        ))
        .await
        .json();
    let instances = describe["Instances"]["Instance"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(instances.len(), 7);
    let mut answers = Vec::new();
    for item in &instances {
        let id = item["InstanceId"].as_str().unwrap_or_default();
        let params = json!({"InstanceId": id});
        let verdict = opgate::precheck("ecs:RebootInstance", &params, &describe, &options).expect("precheck");
        let answer = client.send(&operation(server.addr, "ecs:RebootInstance", params)).await;
        let expected = verdict.error.as_ref().map(|e| format!("{} {}", e.http_status, e.code));
        assert_eq!(api_code("ecs:RebootInstance", &answer).err(), expected, "{id}");
        answers.push(expected.unwrap_or_else(|| "200".to_owned()));
    }
    assert_eq!(
        answers,
        [
            "200",
            "403 IncorrectInstanceStatus",
            "403 IncorrectInstanceStatus",
            "403 InstanceLockedForSecurity",
            "403 InstanceExpiredOrInArrears",
            "403 InstanceExpiredOrInArrears",
            "403 IncorrectInstanceStatus"
        ]
    );

    for op in [
        "computenestsupplier:RestartServiceInstance",
        "computenest:RenewServiceInstanceResources",
    ] {
        let version = opgate::operation(op).expect("known").api_version;
        let list = client
            .send(&alibaba_call(
                server.addr,
                version,
                "ListServiceInstances",
                &[("RegionId", "cn-hangzhou")],
            ))
            .await
            .json();
        for item in list["ServiceInstances"].as_array().cloned().unwrap_or_default() {
            let id = item["ServiceInstanceId"].as_str().unwrap_or_default().to_owned();
            let got = client
                .send(&alibaba_call(
                    server.addr,
                    version,
                    "GetServiceInstance",
                    &[("RegionId", "cn-hangzhou"), ("ServiceInstanceId", &id)],
                ))
                .await
                .json();
            let params = if op.ends_with("RestartServiceInstance") {
                json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": id})
            } else {
                json!({"ServiceInstanceId": id, "Period": 1, "PeriodUnit": "Month"})
            };
            let verdict = opgate::precheck(op, &params, &got, &options).expect("precheck");
            let answer = client.send(&operation(server.addr, op, params)).await;
            let expected = verdict.error.as_ref().map(|e| format!("{} {}", e.http_status, e.code));
            assert_eq!(api_code(op, &answer).err(), expected, "{op} {id}");
        }
    }

    let statuses = client
        .send(&zec_call(server.addr, "DescribeInstancesStatus", json!({})))
        .await
        .json();
    let ids: Vec<Value> = statuses["response"]["dataSet"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|i| i["instanceId"].clone())
        .collect();
    let params = json!({"instanceIds": ids});
    let verdict = opgate::precheck("zec:RebootInstances", &params, &statuses, &options).expect("precheck");
    let answer = client
        .send(&operation(server.addr, "zec:RebootInstances", params))
        .await;
    let parsed =
        opgate::parse_response("zec:RebootInstances", answer.status, &answer.headers, &answer.body).expect("accepted");
    let failed: Vec<String> = parsed.failures.iter().map(|f| f.id.clone()).collect();
    assert_eq!(failed, verdict.denied_ids);
    assert_eq!(failed, [ZEC_STOPPED, ZEC_RECYCLED, "1660545330971680839"]);
    server.stop().await;
}

#[tokio::test]
async fn every_signature_scheme_and_the_xml_form_work_end_to_end() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let mut request = build(server.addr, "ecs:RebootInstance", json!({"InstanceId": RUNNING}));
    request.query.push(("Format".into(), "XML".into()));
    let signed = sign_with(
        &request,
        &alibaba_credentials(),
        Some(SignatureAlgorithm::RpcHmacSha1),
        wall(),
    );
    assert!(signed.query_param("Signature").is_some());
    let answer = client.send(&signed).await;
    assert!(answer.text().starts_with("<?xml"), "{}", answer.text());
    assert!(answer.text().contains("<RebootInstanceResponse><RequestId>"));
    assert_eq!(api_code("ecs:RebootInstance", &answer), Ok("Succeeded".to_owned()));
    let again = client
        .send(&sign_with(
            &request,
            &alibaba_credentials(),
            Some(SignatureAlgorithm::RpcHmacSha1),
            wall(),
        ))
        .await;
    assert!(again
        .headers
        .iter()
        .any(|(k, v)| k == "content-type" && v.starts_with("text/xml")));
    assert_eq!(
        api_code("ecs:RebootInstance", &again),
        Err("403 IncorrectInstanceStatus".to_owned())
    );
    let calls = client.control("GET", "/_emulator/calls", None).await;
    let schemes: Vec<&str> = calls["calls"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["signature"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(schemes, ["HMAC-SHA1", "HMAC-SHA1"]);
    server.stop().await;
}

#[tokio::test]
async fn bad_signatures_stale_timestamps_reused_nonces_and_unknown_keys_get_the_providers_codes() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let reboot = build(server.addr, "ecs:RebootInstance", json!({"InstanceId": RUNNING}));
    for algorithm in [SignatureAlgorithm::Acs3HmacSha256, SignatureAlgorithm::RpcHmacSha1] {
        let wrong = Credentials::access_key(opgate_emulator::config::DEFAULT_ALIBABA_KEY.0, "not-the-secret");
        let answer = client.send(&sign_with(&reboot, &wrong, Some(algorithm), wall())).await;
        assert_eq!(
            (answer.status, answer.code()),
            (400, "SignatureDoesNotMatch".to_owned()),
            "{algorithm:?}"
        );
        assert!(answer.json()["Message"]
            .as_str()
            .is_some_and(|m| m.contains("server string to sign is:")));
        let unknown = Credentials::access_key("LTAI5tNobodyHasThisKey", "x");
        let answer = client
            .send(&sign_with(&reboot, &unknown, Some(algorithm), wall()))
            .await;
        assert_eq!(
            (answer.status, answer.code()),
            (404, "InvalidAccessKeyId.NotFound".to_owned())
        );
        let stale = client
            .send(&sign_with(
                &reboot,
                &alibaba_credentials(),
                Some(algorithm),
                wall() - 3600,
            ))
            .await;
        assert_eq!(
            (stale.status, stale.code()),
            (400, "InvalidTimeStamp.Expired".to_owned())
        );
    }
    // The same signed request twice: the nonce was used already.
    let describe = alibaba_call(
        server.addr,
        "2014-05-26",
        "DescribeInstances",
        &[("RegionId", "cn-hangzhou")],
    );
    assert_eq!(client.send(&describe).await.status, 200);
    let replay = client.send(&describe).await;
    assert_eq!((replay.status, replay.code()), (400, "SignatureNonceUsed".to_owned()));
    // A tampered query no longer matches its signature.
    let mut tampered = operation(server.addr, "ecs:RebootInstance", json!({"InstanceId": RUNNING}));
    tampered.query = vec![("InstanceId".into(), "i-bp1h4adlltjc1d48gof4".into())];
    assert_eq!(client.send(&tampered).await.code(), "SignatureDoesNotMatch");
    assert_eq!(
        ecs_status(&mut client, RUNNING).await,
        "Running",
        "refused calls change nothing"
    );

    let zec = build(
        server.addr,
        "zec:RebootInstances",
        json!({"instanceIds": [ZEC_RUNNING[0]]}),
    );
    let wrong = Credentials::access_key(opgate_emulator::config::DEFAULT_ZENLAYER_KEY.0, "not-the-password");
    let answer = client.send(&sign_with(&zec, &wrong, None, wall())).await;
    assert_eq!((answer.status, answer.code()), (401, "INVALID_SIGNATURE".to_owned()));
    let stale = client
        .send(&sign_with(&zec, &zenlayer_credentials(), None, wall() - 3600))
        .await;
    assert_eq!((stale.status, stale.code()), (401, "INVALID_TIMESTAMP".to_owned()));
    let unknown = client
        .send(&sign_with(&zec, &Credentials::access_key("nobody", "x"), None, wall()))
        .await;
    assert_eq!(unknown.code(), "INVALID_ACCESS_KEY_NOT_FOUND");
    let bearer = client
        .send(&sign_with(&zec, &Credentials::bearer("no-such-token"), None, wall()))
        .await;
    assert_eq!(bearer.code(), "INVALID_ACCESS_KEY_NOT_FOUND");
    assert_eq!(zec_status(&mut client, ZEC_RUNNING[0]).await, "RUNNING");
    server.stop().await;
}

#[tokio::test]
async fn bearer_tokens_are_accepted_when_configured() {
    let config = Config::from_json(r#"{"credentials": {"zenlayer_bearer_tokens": ["zc-token-1"]}}"#).expect("valid");
    let server = start(config, fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let zec = build(
        server.addr,
        "zec:RebootInstances",
        json!({"instanceIds": [ZEC_RUNNING[0]]}),
    );
    let answer = client
        .send(&sign_with(&zec, &Credentials::bearer("zc-token-1"), None, wall()))
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    server.stop().await;
}

#[tokio::test]
async fn client_tokens_replay_the_first_answer_and_refuse_changed_parameters() {
    let fleet_json = {
        let mut fleet = fleet();
        fleet["renewable_resources"] = json!({SHOP_PROD: ["acs:ecs:cn-hangzhou:1488317743351199:instance/i-bp1h4adlltjc1d48goaq", "acs:rds:cn-hangzhou:1488317743351199:dbinstance/rm-1"]});
        fleet
    };
    let server = start(Config::default(), fleet_json).await;
    let mut client = Client::connect(server.addr).await;
    let renew =
        json!({"ServiceInstanceId": SHOP_PROD, "Period": 1, "PeriodUnit": "Month", "ClientToken": "renew-token-1"});
    let first = client
        .send(&operation(
            server.addr,
            "computenest:RenewServiceInstanceResources",
            renew.clone(),
        ))
        .await;
    let parsed = opgate::parse_response(
        "computenest:RenewServiceInstanceResources",
        first.status,
        &first.headers,
        &first.body,
    )
    .expect("accepted");
    assert_eq!(
        parsed.renewal.map(|r| (r.total_count, r.succeeded, r.failed)),
        Some((2, 2, 0))
    );
    let retry = client
        .send(&operation(
            server.addr,
            "computenest:RenewServiceInstanceResources",
            renew.clone(),
        ))
        .await;
    assert_eq!(retry.status, 200);
    assert_eq!(retry.json()["RenewalResult"], first.json()["RenewalResult"]);
    assert_ne!(retry.json()["RequestId"], first.json()["RequestId"]);
    let state = client.control("GET", "/_emulator/state", None).await;
    let renewals = state["collections"]["service_instances"][0]["renewals"].as_u64();
    assert_eq!(renewals, Some(1), "the retry did not renew again");

    let changed =
        json!({"ServiceInstanceId": SHOP_PROD, "Period": 2, "PeriodUnit": "Month", "ClientToken": "renew-token-1"});
    let mismatch = client
        .send(&operation(
            server.addr,
            "computenest:RenewServiceInstanceResources",
            changed,
        ))
        .await;
    assert_eq!(
        api_code("computenest:RenewServiceInstanceResources", &mismatch),
        Err("400 IdempotentParameterMismatch".to_owned())
    );

    let listed = json!({"ServiceInstanceId": SHOP_PROD, "ResourcePeriod": [
        {"ResourceArn": "acs:rds:cn-hangzhou:1488317743351199:dbinstance/rm-1", "Period": 1},
        {"ResourceArn": "acs:rds:cn-hangzhou:1488317743351199:dbinstance/rm-other", "Period": 1}
    ]});
    let some = client
        .send(&operation(
            server.addr,
            "computenest:RenewServiceInstanceResources",
            listed,
        ))
        .await;
    let parsed = opgate::parse_response(
        "computenest:RenewServiceInstanceResources",
        some.status,
        &some.headers,
        &some.body,
    )
    .expect("accepted");
    assert_eq!(format!("{:?}", parsed.outcome), "SomeFailed");
    assert_eq!(parsed.failures.len(), 1);
    assert_eq!(parsed.failures[0].code.as_deref(), Some("InvalidParameter.ResourceArn"));

    // Restart takes a token too; its replay does not restart twice.
    let restart = json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": SHOP_PROD, "ClientToken": "restart-1"});
    for _ in 0..2 {
        let answer = client
            .send(&operation(
                server.addr,
                "computenestsupplier:RestartServiceInstance",
                restart.clone(),
            ))
            .await;
        assert_eq!(answer.status, 200, "{}", answer.text());
    }
    let calls = client.control("GET", "/_emulator/calls", None).await;
    let restarts = calls["calls"].as_array().map_or(0, |c| {
        c.iter().filter(|c| c["action"] == "RestartServiceInstance").count()
    });
    assert_eq!(restarts, 2);
    server.stop().await;
}

#[tokio::test]
async fn compute_nest_restart_guards_answer_with_the_specs_codes() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let restart = |id: &str| json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": id});
    let op = "computenestsupplier:RestartServiceInstance";
    assert_eq!(
        api_code(op, &client.send(&operation(server.addr, op, restart(SHOP_PROD))).await),
        Ok("Succeeded".to_owned())
    );
    assert_eq!(
        api_code(
            op,
            &client.send(&operation(server.addr, op, restart(SHOP_STAGING))).await
        ),
        Err("400 UnsupportedOperation".to_owned())
    );
    assert_eq!(
        api_code(
            op,
            &client
                .send(&operation(server.addr, op, restart("si-2c3d4e5f607182930415")))
                .await
        ),
        Err("403 IncorrectServiceInstanceStatus".to_owned())
    );
    assert_eq!(
        api_code(
            op,
            &client
                .send(&operation(server.addr, op, restart("si-ffffffffffffffffffff")))
                .await
        ),
        Err("404 EntityNotExist.ServiceInstance".to_owned())
    );
    // Malformed parameters: the emulator answers exactly what the core's validation says.
    let malformed = json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": "not-an-id", "ClientToken": "\u{7}"});
    let expected = opgate::validate(op, &malformed, &Options::default()).expect_err("invalid");
    let mut request = build(
        server.addr,
        op,
        json!({"RegionId": "cn-hangzhou", "ServiceInstanceId": SHOP_PROD}),
    );
    request.query = vec![
        ("RegionId".into(), "cn-hangzhou".into()),
        ("ServiceInstanceId".into(), "not-an-id".into()),
        ("ClientToken".into(), "\u{7}".into()),
    ];
    let answer = client.send(&sign(&request)).await;
    let primary = expected.primary().expect("a detail");
    assert_eq!(
        (answer.status, answer.code()),
        (primary.http_status, primary.code.clone())
    );
    assert_eq!(answer.json()["Message"], &*primary.message.en);
    for version in ["2021-05-21", "2021-06-01"] {
        let got = client
            .send(&alibaba_call(
                server.addr,
                version,
                "GetServiceInstance",
                &[("ServiceInstanceId", SHOP_PROD)],
            ))
            .await;
        assert_eq!(got.json()["Status"], "Deployed", "{version}");
        assert!(got.json()["Service"]["OperationMetadata"].is_string());
    }
    server.stop().await;
}

#[tokio::test]
async fn zec_batches_list_failed_ids_and_all_refused_is_an_error() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let op = "zec:RebootInstances";
    let mixed = client
        .send(&operation(
            server.addr,
            op,
            json!({"instanceIds": [ZEC_RUNNING[0], ZEC_STOPPED]}),
        ))
        .await;
    assert_eq!(mixed.status, 200);
    assert_eq!(mixed.json()["response"]["instanceIds"], json!([ZEC_STOPPED]));
    assert_eq!(zec_status(&mut client, ZEC_RUNNING[0]).await, "REBOOT");
    let info = client
        .send(&zec_call(
            server.addr,
            "DescribeInstances",
            json!({"instanceIds": [ZEC_RUNNING[0]]}),
        ))
        .await
        .json();
    assert_eq!(info["response"]["dataSet"][0]["status"], "REBOOT");
    client.advance(10).await;
    assert_eq!(zec_status(&mut client, ZEC_RUNNING[0]).await, "RUNNING");

    let recycled = client
        .send(&operation(server.addr, op, json!({"instanceIds": [ZEC_RECYCLED]})))
        .await;
    assert_eq!(
        api_code(op, &recycled),
        Err("403 OPERATION_DENIED_INSTANCE_RECYCLED".to_owned())
    );
    let missing = client
        .send(&operation(
            server.addr,
            op,
            json!({"instanceIds": ["1660545330000000000"]}),
        ))
        .await;
    assert_eq!(api_code(op, &missing), Err("404 INVALID_INSTANCE_NOT_FOUND".to_owned()));
    let too_many: Vec<String> = (0..101).map(|i| format!("16605453309716{i:05}")).collect();
    let request = zec_call(server.addr, "RebootInstances", json!({"instanceIds": too_many}));
    assert_eq!(client.send(&request).await.code(), "INVALID_PARAMETER");
    server.stop().await;
}

#[tokio::test]
async fn injected_faults_answer_in_each_providers_form_then_clear() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let added = client
        .control(
            "POST",
            "/_emulator/faults",
            Some(json!({"faults": [
                {"kind": "throttle", "action": "RebootInstance", "count": 1},
                {"kind": "error", "status": 503, "provider": "zenlayer", "count": 1},
                {"kind": "latency", "latency_ms": 50, "action": "DescribeInstancesStatus", "count": 1}
            ]})),
        )
        .await;
    assert_eq!(added["faults"].as_array().map(Vec::len), Some(3));
    let reboot = json!({"InstanceId": RUNNING});
    let throttled = client
        .send(&operation(server.addr, "ecs:RebootInstance", reboot.clone()))
        .await;
    assert_eq!(
        (throttled.status, throttled.code()),
        (400, "Throttling.User".to_owned())
    );
    let parsed = opgate::parse_response(
        "ecs:RebootInstance",
        throttled.status,
        &throttled.headers,
        &throttled.body,
    )
    .expect_err("error");
    assert!(parsed.retryable(), "opgate marks throttling retryable");
    assert_eq!(
        ecs_status(&mut client, RUNNING).await,
        "Running",
        "the throttled call did nothing"
    );
    assert_eq!(
        client
            .send(&operation(server.addr, "ecs:RebootInstance", reboot))
            .await
            .status,
        200
    );

    let unavailable = client
        .send(&operation(
            server.addr,
            "zec:RebootInstances",
            json!({"instanceIds": [ZEC_RUNNING[1]]}),
        ))
        .await;
    assert_eq!(
        (unavailable.status, unavailable.code()),
        (503, "SERVICE_TEMPORARY_UNAVAILABLE".to_owned())
    );
    let started = std::time::Instant::now();
    assert_eq!(zec_status(&mut client, ZEC_RUNNING[1]).await, "RUNNING");
    assert!(started.elapsed() >= std::time::Duration::from_millis(50));

    let calls = client.control("GET", "/_emulator/calls", None).await;
    let faults: Vec<Value> = calls["calls"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|c| c["faults"].clone())
        .filter(|f| f != &json!([]))
        .collect();
    assert_eq!(faults, [json!(["throttle"]), json!(["error"]), json!(["latency"])]);
    let listed = client.control("GET", "/_emulator/faults", None).await;
    assert!(listed["faults"]
        .as_array()
        .is_some_and(|f| f.iter().all(|f| f["fired"] == 1)));
    assert_eq!(
        client.control("DELETE", "/_emulator/faults", None).await["faults"],
        json!([])
    );
    let bad = client
        .control("POST", "/_emulator/faults", Some(json!({"kind": "latency"})))
        .await;
    assert_eq!(bad["_status"], 400);
    server.stop().await;
}

/// method, target, headers, body, expected status, expected code
type Case = (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
    Vec<u8>,
    u16,
    &'static str,
);

#[tokio::test]
async fn malformed_requests_get_the_providers_error_form_and_the_server_stays_up() {
    let config = Config::from_json(r#"{"max_body_bytes": 1024}"#).expect("valid");
    let server = start(config, fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let cases: Vec<Case> = vec![
        (
            "POST",
            "/?Action=RebootInstance&Version=2014-05-26&InstanceId=%zz",
            vec![],
            vec![],
            400,
            "InvalidParameter",
        ),
        (
            "POST",
            "/?Action=RebootInstance&Version=2014-05-26&x=%ff%fe",
            vec![],
            vec![],
            400,
            "InvalidParameter",
        ),
        (
            "POST",
            "/?Action=StopInstance&Version=2014-05-26",
            vec![],
            vec![],
            404,
            "InvalidAction.NotFound",
        ),
        (
            "POST",
            "/?Action=RebootInstance&Version=1999-01-01",
            vec![],
            vec![],
            404,
            "InvalidAction.NotFound",
        ),
        ("GET", "/", vec![], vec![], 400, "MissingParameter"),
        (
            "POST",
            "/?Action=RebootInstance&Version=2014-05-26",
            vec![],
            vec![],
            400,
            "IncompleteSignature",
        ),
        (
            "POST",
            "/",
            vec![
                ("authorization", "ACS3-HMAC-SHA256 Credential=x"),
                ("x-acs-action", "RebootInstance"),
                ("x-acs-version", "2014-05-26"),
            ],
            vec![],
            400,
            "IncompleteSignature",
        ),
        (
            "POST",
            "/",
            vec![("content-type", "application/x-www-form-urlencoded")],
            b"Action=%".to_vec(),
            400,
            "InvalidParameter",
        ),
        (
            "POST",
            "/?Action=DescribeInstances&Version=2014-05-26",
            vec![],
            vec![b'x'; 4096],
            413,
            "RequestTooLarge",
        ),
        (
            "POST",
            "/api/v2/zec",
            vec![("x-zc-action", "RebootInstances")],
            vec![b'{'; 4096],
            413,
            "REQUEST_TOO_LARGE",
        ),
        ("POST", "/api/v2/zec", vec![], vec![], 400, "MISSING_PARAMETER"),
        (
            "POST",
            "/api/v2/zec",
            vec![("x-zc-action", "TerminateEverything")],
            vec![],
            400,
            "INVALID_ACTION",
        ),
        (
            "POST",
            "/api/v2/vm",
            vec![("x-zc-action", "RebootInstances")],
            vec![],
            400,
            "INVALID_ACTION",
        ),
        (
            "GET",
            "/api/v2/zec",
            vec![("x-zc-action", "RebootInstances")],
            vec![],
            400,
            "INVALID_PARAMETER",
        ),
        (
            "POST",
            "/api/v2/zec",
            vec![("x-zc-action", "RebootInstances"), ("authorization", "Basic abc")],
            vec![],
            401,
            "INVALID_AUTHORIZATION",
        ),
    ];
    for (method, target, headers, body, status, code) in cases {
        let answer = client.raw(method, target, &headers, body).await;
        assert_eq!(
            (answer.status, answer.code()),
            (status, code.to_owned()),
            "{method} {target}: {}",
            answer.text()
        );
        let json = answer.json();
        assert!(
            json.get("RequestId").or_else(|| json.get("requestId")).is_some(),
            "{target}"
        );
    }
    // A signed ZEC call whose body is not JSON, or not an object.
    for body in [b"{not json".to_vec(), b"[1, 2]".to_vec()] {
        let mut request = build(
            server.addr,
            "zec:RebootInstances",
            json!({"instanceIds": [ZEC_RUNNING[0]]}),
        );
        request.body = body;
        let answer = client.send(&sign(&request)).await;
        assert_eq!(
            (answer.status, answer.code()),
            (400, "INVALID_PARAMETER".to_owned()),
            "{}",
            answer.text()
        );
    }
    // Garbage that is not HTTP at all: the connection is dropped, the server keeps serving.
    {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut raw = tokio::net::TcpStream::connect(server.addr).await.expect("connects");
        raw.write_all(b"\x00\x01\x02 NOT HTTP\r\n\r\n").await.expect("writes");
        let mut buffer = Vec::new();
        let _ = raw.read_to_end(&mut buffer).await;
        assert!(
            buffer.is_empty() || buffer.starts_with(b"HTTP/1.1 400"),
            "{}",
            String::from_utf8_lossy(&buffer)
        );
    }
    let mut fresh = Client::connect(server.addr).await;
    assert_eq!(fresh.control("GET", "/_emulator/health", None).await["ok"], true);
    server.stop().await;
}

/// Deterministic junk in every place a request can carry it; every answer must be a provider
/// error body, never a crash or a 500.
#[tokio::test]
async fn fuzzed_requests_never_crash_or_change_state() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    let pieces = [
        "%",
        "%zz",
        "%00",
        "&&&",
        "=",
        "Action=RebootInstance",
        "Version=2014-05-26",
        "InstanceId=i-bp1h4adlltjc1d48goaq",
        "DryRun=maybe",
        "Signature=abc",
        "SignatureMethod=HMAC-SHA1",
        "AccessKeyId=LTAI5tEmulatorTestKeyId",
        "Timestamp=2026-13-45T99:99:99Z",
        "ResourcePeriod.999999999999.Period=1",
        "Format=XML",
        "x=\u{1F600}",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let count = (next() % 6) as usize;
        let query: Vec<&str> = (0..count)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        let target = format!("/?{}", query.join("&").replace('\u{1F600}', "%F0%9F%98%80"));
        let zenlayer = next() % 3 == 0;
        let answer = if zenlayer {
            let body: Vec<u8> = (0..(next() % 64)).map(|_| (next() % 256) as u8).collect();
            client
                .raw(
                    "POST",
                    "/api/v2/zec",
                    &[
                        ("x-zc-action", "RebootInstances"),
                        (
                            "authorization",
                            "ZC2-HMAC-SHA256 Credential=ZCEmulatorTestKeyId, SignedHeaders=content-type;host, Signature=00",
                        ),
                    ],
                    body,
                )
                .await
        } else {
            client.raw("POST", &target, &[], Vec::new()).await
        };
        assert!(
            (400..500).contains(&answer.status),
            "{target}: {} {}",
            answer.status,
            answer.text()
        );
        if !answer.text().starts_with("<?xml") {
            assert!(!answer.code().is_empty(), "{target}: {}", answer.text());
        }
    }
    assert_eq!(ecs_status(&mut client, RUNNING).await, "Running");
    assert_eq!(zec_status(&mut client, ZEC_RUNNING[0]).await, "RUNNING");
    server.stop().await;
}

#[tokio::test]
async fn the_control_api_loads_resets_moves_the_clock_and_reads_the_log() {
    let server = start(Config::default(), fleet()).await;
    let mut client = Client::connect(server.addr).await;
    assert_eq!(
        client.control("GET", "/_emulator/clock", None).await["now"],
        1_795_000_000
    );
    assert_eq!(
        client
            .control("POST", "/_emulator/clock", Some(json!({"set": 1_795_000_100})))
            .await["now"],
        1_795_000_100
    );
    assert_eq!(
        client
            .control("POST", "/_emulator/clock", Some(json!({"set": 1})))
            .await["_status"],
        400
    );
    assert_eq!(
        client
            .control("POST", "/_emulator/clock", Some(json!({"advance": "soon"})))
            .await["_status"],
        400
    );

    let loaded = client
        .control(
            "POST",
            "/_emulator/fleet",
            Some(json!({"ecs": [{"InstanceId": "i-loaded000000000001", "Status": "Running", "RegionId": "cn-hangzhou"}]})),
        )
        .await;
    assert_eq!(loaded["loaded"], json!({"ecs": 1, "service_instances": 0, "zec": 0}));
    assert_eq!(ecs_status(&mut client, "i-loaded000000000001").await, "Running");
    assert_eq!(
        client
            .control("POST", "/_emulator/fleet", Some(json!({"ecs": "nope"})))
            .await["_status"],
        400
    );
    assert_eq!(
        client.raw("POST", "/_emulator/fleet", &[], b"{".to_vec()).await.status,
        400
    );

    let calls = client.control("GET", "/_emulator/calls", None).await;
    assert_eq!(calls["total"], 1);
    let call = &calls["calls"][0];
    assert_eq!(call["action"], "DescribeInstances");
    assert_eq!(call["signature"], "ACS3-HMAC-SHA256");
    assert_eq!(call["targets"], json!(["i-loaded000000000001"]));
    assert_eq!(call["params"]["RegionId"], "cn-hangzhou");
    assert_eq!(
        client.control("GET", "/_emulator/calls?since=1", None).await["calls"],
        json!([])
    );

    let config = client.control("GET", "/_emulator/config", None).await;
    assert_eq!(
        config["credentials"]["alibaba"][0]["access_key_id"],
        opgate_emulator::config::DEFAULT_ALIBABA_KEY.0
    );
    assert_eq!(client.control("POST", "/_emulator/reset", None).await["reset"], true);
    assert_eq!(
        client.control("GET", "/_emulator/clock", None).await["now"],
        1_795_000_000
    );
    assert_eq!(client.control("GET", "/_emulator/calls", None).await["total"], 0);
    assert_eq!(ecs_status(&mut client, RUNNING).await, "Running");
    assert_eq!(client.control("GET", "/_emulator/nope", None).await["_status"], 404);
    assert_eq!(client.control("PUT", "/_emulator/clock", None).await["_status"], 405);
    server.stop().await;
}

#[tokio::test]
async fn the_real_time_clock_runs_transitions_by_itself() {
    let config = Config::from_json(r#"{"clock": {"mode": "real"}, "transition_seconds": 1}"#).expect("valid");
    let server = start(config, fleet()).await;
    let mut client = Client::connect(server.addr).await;
    assert_eq!(
        client
            .send(&operation(
                server.addr,
                "ecs:RebootInstance",
                json!({"InstanceId": RUNNING})
            ))
            .await
            .status,
        200
    );
    assert_eq!(ecs_status(&mut client, RUNNING).await, "Starting");
    let mut status = String::new();
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        status = ecs_status(&mut client, RUNNING).await;
        if status == "Running" {
            break;
        }
    }
    assert_eq!(status, "Running");
    server.stop().await;
}

#[tokio::test]
async fn the_emulator_refuses_to_listen_beyond_loopback() {
    let outside = opgate_emulator::Server::start(
        Config::default(),
        fleet(),
        std::net::SocketAddr::from(([0, 0, 0, 0], 0)),
    )
    .await;
    assert!(outside.err().is_some_and(|e| e.contains("loopback")));
}

//! Bounded loopback load: concurrent keep-alive clients, each sending signed provider calls
//! (reboots, Describes, renewals with fresh and repeated ClientTokens, ZEC reboots). Every
//! answer must be one the scenario allows, and no update may be lost: the emulator's renewal
//! count equals the accepted renewals, its call log counts every request, and every resource
//! ends in the state its client drove it to.
//!
//! `make test` runs a small count. `make bench-emulator` runs the full load (10,000 requests
//! from 50 clients) in release mode and prints the figures:
//! `OPGATE_EMULATOR_LOAD_REQUESTS=10000 OPGATE_EMULATOR_LOAD_CLIENTS=50`.

mod common;

use std::time::{Duration, Instant};

use common::*;
use opgate_emulator::Config;
use serde_json::{json, Value};

const SHARED_SERVICE_INSTANCE: &str = "si-00000000000000000001";

fn env_count(name: &str, default: usize, max: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
        .clamp(1, max)
}

fn ecs_id(client: usize) -> String {
    format!("i-load{client:014}")
}

fn zec_id(client: usize) -> String {
    format!("{}", 1_700_000_000_000_000_000u64 + client as u64)
}

fn load_fleet(clients: usize) -> Value {
    let ecs: Vec<Value> = (0..clients)
        .map(|c| json!({"InstanceId": ecs_id(c), "Status": "Running", "RegionId": "cn-hangzhou", "InstanceChargeType": "PostPaid", "OperationLocks": {"LockReason": []}}))
        .collect();
    let zec: Vec<Value> = (0..clients)
        .map(|c| json!({"instanceId": zec_id(c), "instanceStatus": "RUNNING"}))
        .collect();
    json!({
        "now": 1_795_000_000,
        "ecs": ecs,
        "zec": zec,
        "service_instances": [{
            "ServiceInstanceId": SHARED_SERVICE_INSTANCE,
            "Status": "Deployed",
            "RegionId": "cn-hangzhou",
            "Service": {"OperationMetadata": "{\"StatusOperationConfigs\": [{\"SupportOperations\": [\"Restart\"]}]}"}
        }],
        "renewable_resources": {SHARED_SERVICE_INSTANCE: ["acs:ecs:cn-hangzhou:1488317743351199:instance/i-bp1h4adlltjc1d48goaq"]}
    })
}

/// Whether an answer is one the scenario allows.
type Check = Box<dyn Fn(&Answer) -> bool + Send>;

#[derive(Debug, Default)]
struct Tally {
    sent: usize,
    unexpected: Vec<String>,
    renewals_accepted: u64,
    latencies_us: Vec<u128>,
}

async fn run_client(addr: std::net::SocketAddr, client_index: usize, requests: usize) -> Tally {
    let mut client = Client::connect(addr).await;
    let mut tally = Tally::default();
    let (ecs, zec) = (ecs_id(client_index), zec_id(client_index));
    let (mut ecs_rebooted, mut zec_rebooted) = (false, false);
    let mut last_token: Option<String> = None;
    for i in 0..requests {
        let kind = i % 4;
        let (request, check): (opgate::HttpRequest, Check) = match kind {
            0 => {
                let was = ecs_rebooted;
                ecs_rebooted = true;
                (
                    operation(addr, "ecs:RebootInstance", json!({"InstanceId": ecs})),
                    Box::new(move |a: &Answer| {
                        if was {
                            a.status == 403 && a.code() == "IncorrectInstanceStatus"
                        } else {
                            a.status == 200
                        }
                    }),
                )
            }
            1 => {
                let ids = format!("[\"{ecs}\"]");
                let expected = if ecs_rebooted { "Starting" } else { "Running" };
                (
                    alibaba_call(
                        addr,
                        "2014-05-26",
                        "DescribeInstances",
                        &[("RegionId", "cn-hangzhou"), ("InstanceIds", &ids)],
                    ),
                    Box::new(move |a: &Answer| {
                        a.status == 200 && a.json()["Instances"]["Instance"][0]["Status"] == expected
                    }),
                )
            }
            2 => {
                // Every third renewal repeats the previous token: answered, not renewed again.
                let token = match (&last_token, i % 3) {
                    (Some(previous), 0) => previous.clone(),
                    _ => format!("load-{client_index}-{i}"),
                };
                let fresh = last_token.as_deref() != Some(token.as_str());
                if fresh {
                    tally.renewals_accepted += 1;
                }
                last_token = Some(token.clone());
                (
                    operation(
                        addr,
                        "computenest:RenewServiceInstanceResources",
                        json!({"ServiceInstanceId": SHARED_SERVICE_INSTANCE, "Period": 1, "PeriodUnit": "Month", "ClientToken": token}),
                    ),
                    Box::new(|a: &Answer| a.status == 200 && a.json()["RenewalResult"]["Succeeded"] == 1),
                )
            }
            _ => {
                let was = zec_rebooted;
                zec_rebooted = true;
                (
                    operation(addr, "zec:RebootInstances", json!({"instanceIds": [zec]})),
                    Box::new(move |a: &Answer| {
                        if was {
                            a.status == 403 && a.code() == "OPERATION_DENIED_INSTANCE_STATUS"
                        } else {
                            a.status == 200 && a.json()["response"]["instanceIds"] == json!([])
                        }
                    }),
                )
            }
        };
        let started = Instant::now();
        let answer = client.send(&request).await;
        tally.latencies_us.push(started.elapsed().as_micros());
        tally.sent += 1;
        if !check(&answer) {
            tally.unexpected.push(format!(
                "client {client_index} request {i} kind {kind}: {} {}",
                answer.status,
                answer.text()
            ));
        }
    }
    tally
}

fn percentile(sorted: &[u128], p: f64) -> u128 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_clients_lose_no_state() {
    let clients = env_count("OPGATE_EMULATOR_LOAD_CLIENTS", 50, 200);
    let total = env_count("OPGATE_EMULATOR_LOAD_REQUESTS", 400, 100_000).max(clients);
    let per_client = total / clients;
    let config = Config::from_json(r#"{"call_log_capacity": 100}"#).expect("valid");
    let server = start(config, load_fleet(clients)).await;
    let addr = server.addr;

    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| tokio::spawn(run_client(addr, c, per_client)))
        .collect();
    let mut tallies = Vec::new();
    for task in tasks {
        let tally = tokio::time::timeout(Duration::from_secs(300), task)
            .await
            .expect("load finished in time")
            .expect("client task");
        tallies.push(tally);
    }
    let elapsed = started.elapsed();

    let sent: usize = tallies.iter().map(|t| t.sent).sum();
    let unexpected: Vec<String> = tallies.iter().flat_map(|t| t.unexpected.iter().cloned()).collect();
    let renewals_accepted: u64 = tallies.iter().map(|t| t.renewals_accepted).sum();
    assert_eq!(sent, clients * per_client);
    assert!(
        unexpected.is_empty(),
        "{} unexpected answers, first: {:?}",
        unexpected.len(),
        unexpected.first()
    );

    let mut control = Client::connect(addr).await;
    let state = control.control("GET", "/_emulator/state", None).await;
    assert_eq!(
        state["calls_total"].as_u64(),
        Some(sent as u64),
        "every request is in the call log count"
    );
    assert_eq!(
        state["collections"]["service_instances"][0]["renewals"].as_u64(),
        Some(renewals_accepted),
        "every accepted renewal counted once, none lost, no replay counted"
    );
    let ecs_states: Vec<&str> = state["collections"]["ecs"]
        .as_array()
        .map(|r| r.iter().filter_map(|r| r["status"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(ecs_states.len(), clients);
    assert!(ecs_states.iter().all(|s| *s == "Starting"), "{ecs_states:?}");
    let zec_states: Vec<&str> = state["collections"]["zec"]
        .as_array()
        .map(|r| r.iter().filter_map(|r| r["status"].as_str()).collect())
        .unwrap_or_default();
    let zec_rebooted = if per_client >= 4 { "REBOOT" } else { "RUNNING" };
    assert!(zec_states.iter().all(|s| *s == zec_rebooted), "{zec_states:?}");

    let mut latencies: Vec<u128> = tallies.into_iter().flat_map(|t| t.latencies_us).collect();
    latencies.sort_unstable();
    // Figures for `make bench-emulator`; nothing is asserted about them.
    println!(
        "emulator load: {sent} requests from {clients} concurrent clients in {:.2} s ({:.0} req/s); latency p50 {} us, p99 {} us, max {} us; unexpected answers: {}; lost state: none (renewals {renewals_accepted}, calls {sent})",
        elapsed.as_secs_f64(),
        sent as f64 / elapsed.as_secs_f64().max(1e-9),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(0),
        unexpected.len(),
    );
    server.stop().await;
}

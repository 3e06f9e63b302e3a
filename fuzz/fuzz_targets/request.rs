//! The request pipeline on arbitrary parameters and resources: validate, precheck, check,
//! precheck_resources, build, and sign with every algorithm. Input: one byte picks the
//! operation, the rest is JSON, `{"params": …, "resources": …}` or the parameters alone.
//!
//! Beyond "never panics": a verdict accounts for every target, a built request signs (or is
//! refused with a code), and no signed request or signing error shows the secret or the token
//! unless asked; the AccessKey secret never shows at all.

#![no_main]

use libfuzzer_sys::fuzz_target;
use opgate::params::Options;
use opgate::wire::{self, BuildOptions, Credentials, SignOptions, SignatureAlgorithm};
use serde_json::Value;

const OPERATIONS: [&str; 4] = [
    "ecs:RebootInstance",
    "computenestsupplier:RestartServiceInstance",
    "computenest:RenewServiceInstanceResources",
    "zec:RebootInstances",
];
const SECRET: &str = "FuzzSecretValue-never-shown";
const TOKEN: &str = "FuzzTokenValue-never-shown";

fuzz_target!(|data: &[u8]| {
    let [op, rest @ ..] = data else { return };
    let operation = OPERATIONS[usize::from(*op) % OPERATIONS.len()];
    let Ok(input) = serde_json::from_slice::<Value>(rest) else { return };
    let (params, resources) = match &input {
        Value::Object(map) if map.contains_key("params") || map.contains_key("resources") => {
            (map.get("params").cloned().unwrap_or(Value::Null), map.get("resources").cloned().unwrap_or(Value::Null))
        }
        other => (other.clone(), Value::Array(Vec::new())),
    };
    let options = Options {
        now: Some(1_700_000_000),
        ..Options::default()
    };
    let _ = opgate::validate(operation, &params, &options);
    if let Ok(verdict) = opgate::precheck(operation, &params, &resources, &options) {
        assert_eq!(verdict.allowed_ids.len() + verdict.denied_ids.len(), verdict.outcomes.len());
    }
    let _ = opgate::check(operation, &params, &resources, &options);
    let _ = opgate::precheck_resources(operation, &resources, &options);
    let build_options = BuildOptions {
        region: Some("cn-hangzhou".to_owned()),
        ..BuildOptions::default()
    };
    let Ok(request) = wire::build(operation, &params, &build_options) else { return };
    let credentials = [
        Credentials::access_key("LTAI-fuzz", SECRET),
        Credentials::sts("LTAI-fuzz", SECRET, TOKEN),
        Credentials::bearer(TOKEN),
    ];
    for credentials in &credentials {
        for algorithm in SignatureAlgorithm::ALL.map(Some).into_iter().chain([None]) {
            let sign_options = SignOptions {
                algorithm,
                timestamp: 1_700_000_000,
                nonce: "fuzz-nonce".to_owned(),
            };
            match wire::sign(&request, credentials, &sign_options) {
                Ok(signed) => {
                    let shown = format!("{} {signed:?}", serde_json::to_string(&signed).expect("serializes"));
                    assert!(!shown.contains(SECRET) && !shown.contains(TOKEN), "{shown}");
                    let sent = serde_json::to_string(&signed.with_secrets()).expect("serializes");
                    assert!(!sent.contains(SECRET), "{sent}");
                }
                Err(error) => {
                    let shown = format!("{error} {error:?}");
                    assert!(!shown.contains(SECRET) && !shown.contains(TOKEN), "{shown}");
                }
            }
        }
    }
});

//! The request pipeline on arbitrary parameters and resources: validate, precheck (or check),
//! precheck_resources, build, and sign. Input: one byte picks the operation (bits 0-1), the
//! credentials (bits 2-3: AccessKey, STS, bearer), the algorithm (bits 4-5: each, or the
//! default) and precheck or check (bit 6); the rest is JSON, `{"params": …, "resources": …}`
//! or the parameters alone. One signature per input keeps the run fast; the fuzzer varies
//! the byte.
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
    let [choice, rest @ ..] = data else { return };
    let operation = OPERATIONS[usize::from(choice & 0b11)];
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
    let verdict = if choice & 0b100_0000 == 0 {
        opgate::precheck(operation, &params, &resources, &options)
    } else {
        opgate::check(operation, &params, &resources, &options)
    };
    if let Ok(verdict) = verdict {
        assert_eq!(verdict.allowed_ids.len() + verdict.denied_ids.len(), verdict.outcomes.len());
    }
    let _ = opgate::precheck_resources(operation, &resources, &options);
    let build_options = BuildOptions {
        region: Some("cn-hangzhou".to_owned()),
        ..BuildOptions::default()
    };
    let Ok(request) = wire::build(operation, &params, &build_options) else { return };
    let credentials = match (choice >> 2) & 0b11 {
        0 => Credentials::access_key("LTAI-fuzz", SECRET),
        1 => Credentials::sts("LTAI-fuzz", SECRET, TOKEN),
        _ => Credentials::bearer(TOKEN),
    };
    let sign_options = SignOptions {
        algorithm: SignatureAlgorithm::ALL.get(usize::from((choice >> 4) & 0b11)).copied(),
        timestamp: 1_700_000_000,
        nonce: "fuzz-nonce".to_owned(),
    };
    match wire::sign(&request, &credentials, &sign_options) {
        Ok(signed) => {
            let shown = format!("{} {signed:?}", serde_json::to_string(&signed.shown()).expect("serializes"));
            assert!(!shown.contains(SECRET) && !shown.contains(TOKEN), "{shown}");
            let sent = serde_json::to_string(&signed.with_secrets()).expect("serializes");
            assert!(!sent.contains(SECRET), "{sent}");
        }
        Err(error) => {
            let shown = format!("{error} {error:?}");
            assert!(!shown.contains(SECRET) && !shown.contains(TOKEN), "{shown}");
        }
    }
});

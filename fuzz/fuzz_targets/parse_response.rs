//! `parse_response` on arbitrary responses. Input: one byte picks the operation, two the HTTP
//! status, then header lines (`name: value`) up to a NUL byte, then the body.
//!
//! Beyond "never panics": every error has a code and at least one detail, and success only
//! comes with a 2xx status (or a passed dry run).

#![no_main]

use libfuzzer_sys::fuzz_target;
use opgate::wire::{self, ResponseOutcome};

const OPERATIONS: [&str; 4] = [
    "ecs:RebootInstance",
    "computenestsupplier:RestartServiceInstance",
    "computenest:RenewServiceInstanceResources",
    "zec:RebootInstances",
];

fuzz_target!(|data: &[u8]| {
    let [op, high, low, rest @ ..] = data else { return };
    let operation = OPERATIONS[usize::from(*op) % OPERATIONS.len()];
    let status = u16::from_be_bytes([*high, *low]) % 700;
    let (head, body) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (&[][..], rest),
    };
    let headers: Vec<(String, String)> = String::from_utf8_lossy(head)
        .lines()
        .filter_map(|line| line.split_once(':').map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned())))
        .collect();
    match wire::parse_response(operation, status, &headers, body) {
        Ok(response) => {
            let success = (200..300).contains(&status);
            assert!(success || response.outcome == ResponseOutcome::DryRunPassed, "{status} read as success");
            serde_json::to_string(&response).expect("responses serialize");
        }
        Err(error) => {
            assert!(!error.details().is_empty());
            assert!(error.details().iter().all(|detail| !detail.code.is_empty()));
        }
    }
});

//! Times every case of `tests/vectors/hostile.json` through the Rust API (`make bench-hostile`
//! runs this, then the Python and JS timings of the same cases). Each case must finish in under
//! a second, whether it is answered or refused with a code; the process fails otherwise.
//! Timings belong here, never in the tests, which count work instead.
//!
//! `cargo bench -p opgate --bench hostile -- [name-substring]` times only matching cases.

#[path = "../tests/support/hostile.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::Value;

const LIMIT: Duration = Duration::from_secs(1);

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|arg| !arg.starts_with('-'));
    let suite = support::load();
    let mut slow = Vec::new();
    println!("{:<56} {:>12}  answer", "hostile case (Rust)", "time");
    for case in support::cases(&suite) {
        let name = case["name"].as_str().unwrap_or("?");
        if filter.as_deref().is_some_and(|wanted| !name.contains(wanted)) {
            continue;
        }
        let call = case["call"].as_str().unwrap_or_default();
        let args = support::expand(&case["args"]);
        let started = Instant::now();
        let got = support::run(call, &args);
        let elapsed = started.elapsed();
        let answer = match got.get("error") {
            Some(report) => format!("refused: {}", report["errors"][0]["code"].as_str().unwrap_or("?")),
            None => "answered".to_owned(),
        };
        println!("{name:<56} {:>9.1} ms  {answer}", elapsed.as_secs_f64() * 1000.0);
        if elapsed >= LIMIT {
            slow.push(name.to_owned());
        }
        drop::<Value>(got);
    }
    if !slow.is_empty() {
        eprintln!("over {LIMIT:?}: {}", slow.join(", "));
        std::process::exit(1);
    }
}

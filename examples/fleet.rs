//! `make demo`: what each operation would do to each resource of a fleet, and why.
//!
//!     cargo run --example fleet -- examples/fleet.json [--lang zh]

use std::process::ExitCode;

use opgate::{build, precheck_resources, BuildOptions, Lang, Options};
use serde_json::Value;

/// Which Describe list of the fleet file each operation applies to, and the parameters the
/// demo would send for the allowed resources (`{id}` / `{ids}` are filled in).
const PLAN: &[(&str, &str, &str)] = &[
    ("ecs", "ecs:RebootInstance", r#"{"InstanceId": "{id}"}"#),
    (
        "service_instances",
        "computenestsupplier:RestartServiceInstance",
        r#"{"RegionId": "cn-hangzhou", "ServiceInstanceId": "{id}", "ClientToken": "demo-restart-1"}"#,
    ),
    (
        "service_instances",
        "computenest:RenewServiceInstanceResources",
        r#"{"ServiceInstanceId": "{id}", "Period": 1, "PeriodUnit": "Month"}"#,
    ),
    ("zec", "zec:RebootInstances", r#"{"instanceIds": {ids}}"#),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--") && *a != "zh" && *a != "en")
        .cloned()
        .unwrap_or_else(|| "examples/fleet.json".to_owned());
    let lang = if args.iter().any(|a| a == "zh") {
        Lang::Zh
    } else {
        Lang::En
    };
    let fleet: Value = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(fleet) => fleet,
        Err(problem) => {
            eprintln!("cannot read fleet {path}: {problem}");
            return ExitCode::FAILURE;
        }
    };
    let options = Options {
        lang,
        now: fleet.get("now").and_then(Value::as_i64),
        ..Options::default()
    };
    println!(
        "opgate demo: {path} (clock {}), messages in {}\n",
        options.now.map_or("none".to_owned(), |n| n.to_string()),
        lang.as_str()
    );
    for (list, op, params_template) in PLAN {
        let resources = fleet.get(*list).cloned().unwrap_or(Value::Array(Vec::new()));
        let verdict = match precheck_resources(op, &resources, &options) {
            Ok(verdict) => verdict,
            Err(error) => {
                eprintln!("{op}: {error}");
                return ExitCode::FAILURE;
            }
        };
        println!(
            "== {op}: {} of {} allowed",
            verdict.allowed_ids.len(),
            verdict.outcomes.len()
        );
        println!(
            "   {:<24} {:<16} {:<7} {:<36} reason",
            "resource", "status", "verdict", "provider answer"
        );
        for outcome in &verdict.outcomes {
            let answer = match &outcome.error {
                Some(error) => format!("{} {}", error.http_status, error.code),
                None => match &outcome.transition {
                    Some(t) => format!("{} → {} → {}", t.from, t.immediate.as_deref().unwrap_or("…"), t.settled),
                    None => String::new(),
                },
            };
            let verdict_word = if outcome.error.is_none() { "allow" } else { "deny" };
            println!(
                "   {:<24} {:<16} {:<7} {:<36} {}",
                outcome.id,
                outcome.status.as_deref().unwrap_or("-"),
                verdict_word,
                answer,
                outcome.reason
            );
        }
        if let Some(first) = verdict.allowed_ids.first() {
            let ids = serde_json::to_string(&verdict.allowed_ids).unwrap_or_default();
            let params_text = params_template.replace("{ids}", &ids).replace("{id}", first);
            let built = serde_json::from_str(&params_text)
                .map_err(|e| e.to_string())
                .and_then(|params| {
                    build(
                        op,
                        &params,
                        &BuildOptions {
                            region: fleet.get("region").and_then(Value::as_str).map(str::to_owned),
                            ..BuildOptions::default()
                        },
                    )
                    .map_err(|e| e.to_string())
                });
            match built {
                Ok(request) => {
                    println!(
                        "   request for {}: {} {}",
                        if params_template.contains("{ids}") {
                            "the allowed batch"
                        } else {
                            first.as_str()
                        },
                        request.method,
                        request.url()
                    );
                    let action_headers: Vec<String> = request
                        .headers
                        .iter()
                        .filter(|(name, _)| {
                            let name = name.to_ascii_lowercase();
                            name.ends_with("-action") || name.ends_with("-version")
                        })
                        .map(|(name, value)| format!("{name}: {value}"))
                        .collect();
                    println!("   headers: {}", action_headers.join(", "));
                    if let Some(body) = request.body_text().filter(|b| !b.is_empty()) {
                        println!("   body: {body}");
                    }
                }
                Err(problem) => println!("   cannot build a request: {problem}"),
            }
        }
        println!();
    }
    ExitCode::SUCCESS
}

//! The control API under `/_emulator/`, for tests: load a fleet, move the clock, inject
//! faults, read the call log and the state. JSON in and out; unauthenticated, because the
//! emulator only listens on loopback.
//!
//! | method | path | body / query | does |
//! |---|---|---|---|
//! | GET | `/_emulator/health` | | `{"ok": true, "now": …}` |
//! | GET | `/_emulator/config` | | credentials, clock mode, timings, limits |
//! | GET | `/_emulator/state` | | every resource's current status and timeline |
//! | POST | `/_emulator/fleet` | a fleet file | replaces the resources |
//! | POST | `/_emulator/reset` | | back to the start: fleet, clock, faults; log cleared |
//! | GET, POST | `/_emulator/clock` | `{"advance": s}` or `{"set": unix}` | reads or moves the clock |
//! | GET, POST, DELETE | `/_emulator/faults` | a fault or `{"faults": […]}` | lists, adds, clears |
//! | GET, DELETE | `/_emulator/calls` | `?since=SEQ` | reads or clears the call log |

use serde_json::{json, Value};

use crate::faults::{ActiveFault, FaultSpec};
use crate::server::Shared;
use crate::wire::{self, Reply};
use crate::world::COLLECTIONS;

fn ok(value: Value) -> Reply {
    Reply::json(200, &value)
}

fn problem(status: u16, code: &str, message: impl Into<String>) -> Reply {
    Reply::json(status, &json!({"error": {"code": code, "message": message.into()}}))
}

fn parse_body(body: &Result<Vec<u8>, ()>) -> Result<Value, Reply> {
    match body {
        Err(()) => Err(problem(
            413,
            "TooLarge",
            "the body is larger than max_control_body_bytes, or could not be read",
        )),
        Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => Ok(Value::Null),
        Ok(bytes) => serde_json::from_slice(bytes)
            .map_err(|err| problem(400, "InvalidJson", format!("the body is not valid JSON: {err}"))),
    }
}

pub async fn handle(shared: &Shared, method: &str, path: &str, query: &str, body: Result<Vec<u8>, ()>) -> Reply {
    let route = path.trim_end_matches('/').strip_prefix("/_emulator").unwrap_or("");
    match (method, route) {
        ("GET", "/health") => ok(json!({"ok": true, "now": shared.world().now()})),
        ("GET", "/config") => config(shared),
        ("GET", "/state") => state(shared),
        ("POST", "/fleet") => match parse_body(&body) {
            Ok(fleet) => {
                let mut world = shared.world();
                match world.load(fleet) {
                    Ok(()) => ok(json!({"loaded": counts(&world), "now": world.now()})),
                    Err(message) => problem(400, "InvalidFleet", message),
                }
            }
            Err(reply) => reply,
        },
        ("POST", "/reset") => {
            let mut world = shared.world();
            match world.reset() {
                Ok(()) => ok(json!({"reset": true, "now": world.now()})),
                Err(message) => problem(500, "ResetFailed", message),
            }
        }
        ("GET", "/clock") => clock_view(shared),
        ("POST", "/clock") => match parse_body(&body) {
            Ok(request) => move_clock(shared, &request),
            Err(reply) => reply,
        },
        ("GET", "/faults") => ok(json!({"faults": shared.world().faults})),
        ("POST", "/faults") => match parse_body(&body) {
            Ok(request) => add_faults(shared, request),
            Err(reply) => reply,
        },
        ("DELETE", "/faults") => {
            shared.world().faults.clear();
            ok(json!({"faults": []}))
        }
        ("GET", "/calls") => {
            let since = match since(query) {
                Ok(since) => since,
                Err(reply) => return reply,
            };
            let world = shared.world();
            ok(json!({"total": world.calls.total, "calls": world.calls.since(since)}))
        }
        ("DELETE", "/calls") => {
            shared.world().calls.clear();
            ok(json!({"cleared": true}))
        }
        (_, "/health" | "/config" | "/state" | "/fleet" | "/reset" | "/clock" | "/faults" | "/calls") => {
            problem(405, "MethodNotAllowed", format!("{method} is not allowed on {path}"))
        }
        _ => problem(
            404,
            "NotFound",
            format!("no control endpoint {path}; see the emulator README"),
        ),
    }
}

fn since(query: &str) -> Result<u64, Reply> {
    let pairs =
        wire::parse_pairs(query).ok_or_else(|| problem(400, "InvalidQuery", "the query string is not valid"))?;
    match pairs.iter().find(|(key, _)| key == "since") {
        None => Ok(0),
        Some((_, value)) => value
            .parse()
            .map_err(|_| problem(400, "InvalidQuery", "since must be a call sequence number")),
    }
}

fn counts(world: &crate::world::World) -> Value {
    let mut counts = serde_json::Map::new();
    for (index, spec) in COLLECTIONS.iter().enumerate() {
        let count = world.fleet.collection(index).map_or(0, |c| c.resources.len());
        counts.insert(spec.key.to_owned(), Value::from(count));
    }
    Value::Object(counts)
}

fn config(shared: &Shared) -> Reply {
    let config = &shared.config;
    ok(json!({
        "credentials": {
            "alibaba": config.credentials.alibaba_keys(),
            "zenlayer": config.credentials.zenlayer_keys(),
            "zenlayer_bearer_tokens": config.credentials.zenlayer_bearer_tokens,
        },
        "clock": {"mode": config.clock.mode},
        "transition_seconds": config.transition_seconds,
        "phases": config.phases,
        "signature_window_seconds": config.signature_window_seconds,
        "max_body_bytes": config.max_body_bytes,
        "max_control_body_bytes": config.max_control_body_bytes,
        "call_log_capacity": config.call_log_capacity,
    }))
}

fn state(shared: &Shared) -> Reply {
    let world = shared.world();
    let now = world.now();
    let mut collections = serde_json::Map::new();
    for (index, spec) in COLLECTIONS.iter().enumerate() {
        let resources: Vec<Value> = world
            .fleet
            .collection(index)
            .map(|c| {
                c.resources
                    .iter()
                    .map(|r| json!({"id": r.id, "status": r.status_at(now), "timeline": r.timeline(), "renewals": r.renewals}))
                    .collect()
            })
            .unwrap_or_default();
        collections.insert(spec.key.to_owned(), Value::Array(resources));
    }
    ok(json!({
        "now": now,
        "clock_mode": world.clock.mode,
        "collections": collections,
        "idempotency_tokens": world.tokens.len(),
        "calls_total": world.calls.total,
    }))
}

fn clock_view(shared: &Shared) -> Reply {
    let world = shared.world();
    ok(json!({"now": world.now(), "mode": world.clock.mode}))
}

fn move_clock(shared: &Shared, request: &Value) -> Reply {
    let mut world = shared.world();
    let moved = match (request.get("advance"), request.get("set")) {
        (Some(seconds), None) => match seconds.as_i64() {
            Some(seconds) => world.clock.advance(seconds),
            None => Err("advance takes whole seconds".to_owned()),
        },
        (None, Some(unix)) => match unix.as_i64() {
            Some(unix) => world.clock.set(unix),
            None => Err("set takes Unix seconds".to_owned()),
        },
        _ => Err("give {\"advance\": seconds} or {\"set\": unix_seconds}".to_owned()),
    };
    match moved {
        Ok(now) => ok(json!({"now": now, "mode": world.clock.mode})),
        Err(message) => problem(400, "InvalidClock", message),
    }
}

fn add_faults(shared: &Shared, request: Value) -> Reply {
    let specs: Result<Vec<FaultSpec>, String> = match request.get("faults") {
        Some(list) => serde_json::from_value(list.clone()).map_err(|err| err.to_string()),
        None => serde_json::from_value(request)
            .map(|one| vec![one])
            .map_err(|err| err.to_string()),
    };
    let specs = match specs.and_then(|specs| specs.iter().try_for_each(FaultSpec::validate).map(|()| specs)) {
        Ok(specs) => specs,
        Err(message) => return problem(400, "InvalidFault", message),
    };
    let mut world = shared.world();
    world.faults.extend(specs.into_iter().map(ActiveFault::new));
    ok(json!({"faults": world.faults}))
}

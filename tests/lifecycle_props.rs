//! Properties of the lifecycle engines: a waiter never calls a target done before it has seen
//! the operation act (or the settle time passed), a missing target is never done, the jitter
//! stays in its window and is reproducible, plans account for every id once within the
//! provider's limit, and tokens ignore key order.

use opgate::lifecycle::{client_token, plan, PlanOptions, TargetState, Waiter};
use opgate::{Lang, Options};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const ECS: &str = "ecs:RebootInstance";
const ZEC: &str = "zec:RebootInstances";
const ID: &str = "i-bp67acfmxazb4ph1abcd";
/// ECS RebootInstance's settle time (catalog/ecs.rs).
const ECS_SETTLE: i64 = 60;

fn ecs_status() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![
        4 => Just(Some("Running")),
        1 => Just(Some("Starting")),
        1 => Just(Some("Stopping")),
        1 => Just(Some("Stopped")),
        1 => Just(Some("Hibernated")),
        1 => Just(None),
    ]
}

proptest! {
    #[test]
    fn never_done_without_evidence(steps in prop::collection::vec((1i64..40, ecs_status()), 1..12), seed in any::<u32>()) {
        let mut waiter = Waiter::new(ECS, &json!([ID]), 0, None, Some(seed)).expect("waiter");
        let mut now = 0;
        let mut left_running = false;
        for (gap, status) in steps {
            now += gap;
            let items = match status {
                Some(status) => json!([{"InstanceId": ID, "Status": status}]),
                None => json!([]),
            };
            let report = waiter.observe(&items, now, Lang::En).expect("observed");
            let target = &report.targets[0];
            left_running |= matches!(status, Some(s) if s != "Running");
            if target.state == TargetState::Done {
                prop_assert!(left_running || now >= ECS_SETTLE, "done at {now} without evidence");
            }
            if status.is_none() && !matches!(target.state, TargetState::Done | TargetState::Failed) {
                prop_assert_eq!(target.state, TargetState::Unknown);
            }
            match report.next_poll_after_seconds {
                Some(after) => {
                    let (low, high) = report.next_poll_window.expect("window");
                    prop_assert!(low <= after && after <= high && low >= 1 && high <= 36);
                    prop_assert!(!report.done);
                }
                None => prop_assert!(report.done),
            }
            // Persisting and resuming changes nothing.
            let state = serde_json::to_value(&waiter).expect("serializes");
            prop_assert_eq!(&Waiter::resume(&state).expect("resumes"), &waiter);
        }
    }

    #[test]
    fn a_missing_target_is_never_done(gaps in prop::collection::vec(1i64..200, 1..8)) {
        let mut waiter = Waiter::new(ZEC, &json!(["1660545330971680835"]), 0, None, None).expect("waiter");
        let mut now = 0;
        for gap in gaps {
            now += gap;
            let report = waiter.observe(&json!([]), now, Lang::En).expect("observed");
            prop_assert!(report.targets[0].state != TargetState::Done);
        }
    }

    #[test]
    fn plans_account_for_every_id_once(count in 1usize..320, stopped in prop::collection::vec(any::<bool>(), 320), missing in prop::collection::vec(any::<bool>(), 320)) {
        let ids: Vec<String> = (0..count).map(|i| (1_760_000_000_000_000_000u64 + i as u64).to_string()).collect();
        let items: Vec<Value> = ids
            .iter()
            .enumerate()
            .filter(|(i, _)| !missing[*i])
            .map(|(i, id)| json!({"instanceId": id, "instanceStatus": if stopped[i] { "STOPPED" } else { "RUNNING" }}))
            .collect();
        let planned = plan(ZEC, &json!(ids), &Value::Array(items), &PlanOptions::default()).expect("plan");
        let mut seen: Vec<&str> = planned.requests.iter().flat_map(|r| r.ids.iter().map(String::as_str)).collect();
        prop_assert!(planned.requests.iter().all(|r| !r.ids.is_empty() && r.ids.len() <= 100));
        prop_assert_eq!(planned.requests.len(), planned.allowed_ids.len().div_ceil(100));
        seen.extend(planned.denied.iter().map(|d| d.id.as_str()));
        seen.extend(planned.unknown.iter().map(|u| u.id.as_str()));
        seen.sort_unstable();
        let mut wanted: Vec<&str> = ids.iter().map(String::as_str).collect();
        wanted.sort_unstable();
        prop_assert_eq!(seen, wanted);
    }

    #[test]
    fn tokens_ignore_key_order(reversed in any::<bool>(), scope in "[a-z0-9-]{0,12}") {
        let pairs = [("RegionId", json!("cn-hangzhou")), ("ServiceInstanceId", json!("si-d6ab3a63ccbb4b17a0f1"))];
        let make = |order: &mut dyn Iterator<Item = &(&str, Value)>| Value::Object(order.map(|(k, v)| ((*k).to_owned(), v.clone())).collect::<Map<_, _>>());
        let forward = make(&mut pairs.iter());
        let other = if reversed { make(&mut pairs.iter().rev()) } else { forward.clone() };
        let options = Options::default();
        let a = client_token("computenestsupplier:RestartServiceInstance", &forward, &scope, &options).expect("token");
        let b = client_token("computenestsupplier:RestartServiceInstance", &other, &scope, &options).expect("token");
        prop_assert_eq!(a.token, b.token);
    }
}

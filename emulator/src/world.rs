//! The emulator's state: the fleet's resources with their timelines, the clock, idempotency
//! tokens, seen nonces, the call log and the active faults. One `World` sits behind one lock,
//! so every call sees and changes it atomically.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use opgate::catalog::{computenestsupplier, ecs, zec};
use opgate::spec::{OperationSpec, Provider, ResourceSpec};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::clock::{wall_now, Clock};
use crate::config::Config;
use crate::faults::ActiveFault;

/// Fleets with more resources than this are refused.
pub const MAX_RESOURCES: usize = 100_000;
/// Idempotency records and nonces kept at most; the oldest go first.
pub const MAX_TOKENS: usize = 100_000;
pub const MAX_NONCES: usize = 200_000;

/// A list of resources in the fleet file, read the way the spec says the provider's Describe
/// API returns them.
#[derive(Debug)]
pub struct CollectionSpec {
    /// The fleet file's key (`ecs`, `service_instances`, `zec`), as in `examples/fleet.json`.
    pub key: &'static str,
    pub provider: Provider,
    pub resource: &'static ResourceSpec,
}

/// How each collection's items read (id and status fields), straight from the specs.
pub static ECS_RESOURCE: &ResourceSpec = &ecs::REBOOT_INSTANCE.resource;
pub static SERVICE_INSTANCE_RESOURCE: &ResourceSpec = &computenestsupplier::SERVICE_INSTANCE;
pub static ZEC_RESOURCE: &ResourceSpec = &zec::REBOOT_INSTANCES.resource;

pub static COLLECTIONS: [CollectionSpec; 3] = [
    CollectionSpec {
        key: "ecs",
        provider: Provider::Alibaba,
        resource: ECS_RESOURCE,
    },
    CollectionSpec {
        key: "service_instances",
        provider: Provider::Alibaba,
        resource: SERVICE_INSTANCE_RESOURCE,
    },
    CollectionSpec {
        key: "zec",
        provider: Provider::Zenlayer,
        resource: ZEC_RESOURCE,
    },
];

pub const ECS: usize = 0;
pub const SERVICE_INSTANCES: usize = 1;
pub const ZEC: usize = 2;

/// The collection an operation acts on: the one whose resources have the operation's id field.
pub fn collection_of(op: &OperationSpec) -> Option<usize> {
    COLLECTIONS
        .iter()
        .position(|c| c.provider == op.provider && c.resource.id_field == op.resource.id_field)
}

/// One status shown until `until` (emulator clock, Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseAt {
    pub status: String,
    pub until: i64,
}

/// Where an accepted operation takes a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub operation: &'static str,
    pub started: i64,
    pub phases: Vec<PhaseAt>,
    pub settled: String,
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub id: String,
    /// The item as the fleet gave it; the status field is rewritten on every read.
    item: Map<String, Value>,
    status: String,
    timeline: Option<Timeline>,
    /// Accepted renewals (Compute Nest), for checks that no update was lost.
    pub renewals: u64,
}

impl Resource {
    pub fn status_at(&self, now: i64) -> &str {
        match &self.timeline {
            Some(timeline) => timeline
                .phases
                .iter()
                .find(|phase| now < phase.until)
                .map_or(timeline.settled.as_str(), |phase| phase.status.as_str()),
            None => &self.status,
        }
    }

    /// Folds a finished timeline into the status.
    pub fn settle(&mut self, now: i64) {
        let finished = self
            .timeline
            .as_ref()
            .is_some_and(|t| t.phases.iter().all(|phase| now >= phase.until));
        if finished {
            if let Some(timeline) = self.timeline.take() {
                self.status = timeline.settled;
            }
        }
    }

    /// Starts an accepted operation: the statuses to show and how long, then the settled one.
    pub fn start(&mut self, operation: &'static str, now: i64, phases: &[(String, i64)], settled: &str) {
        let mut until = now;
        let phases = phases
            .iter()
            .filter(|(_, seconds)| *seconds > 0)
            .map(|(status, seconds)| {
                until = until.saturating_add(*seconds);
                PhaseAt {
                    status: status.clone(),
                    until,
                }
            })
            .collect();
        self.timeline = Some(Timeline {
            operation,
            started: now,
            phases,
            settled: settled.to_owned(),
        });
        self.settle(now);
    }

    /// The item as Describe returns it now, with the status under `status_field`.
    pub fn view(&self, status_field: &str, now: i64) -> Map<String, Value> {
        let mut item = self.item.clone();
        item.insert(status_field.to_owned(), Value::from(self.status_at(now)));
        item
    }

    pub fn item(&self) -> &Map<String, Value> {
        &self.item
    }

    pub fn timeline(&self) -> Option<&Timeline> {
        self.timeline.as_ref()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Collection {
    pub resources: Vec<Resource>,
    index: HashMap<String, usize>,
}

impl Collection {
    pub fn get(&self, id: &str) -> Option<&Resource> {
        self.index.get(id).and_then(|&at| self.resources.get(at))
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Resource> {
        match self.index.get(id) {
            Some(&at) => self.resources.get_mut(at),
            None => None,
        }
    }
}

/// A fleet file (`examples/fleet.json` style): the Describe items per collection, plus
/// optional `now` (start of the emulator clock) and `renewable_resources` (per service
/// instance, the ARNs RenewServiceInstanceResources renews).
#[derive(Debug, Clone, Default)]
pub struct Fleet {
    pub collections: Vec<Collection>,
    pub now: Option<i64>,
    pub renewable: HashMap<String, Vec<String>>,
}

impl Fleet {
    pub fn from_json(value: &Value) -> Result<Fleet, String> {
        let Value::Object(fleet) = value else {
            return Err("the fleet must be a JSON object".to_owned());
        };
        let mut collections = Vec::with_capacity(COLLECTIONS.len());
        let mut total = 0usize;
        for spec in &COLLECTIONS {
            let mut collection = Collection::default();
            let items = match fleet.get(spec.key) {
                None | Some(Value::Null) => &[][..],
                Some(Value::Array(items)) => items.as_slice(),
                Some(_) => {
                    return Err(format!(
                        "fleet.{} must be a list of {} items",
                        spec.key, spec.resource.describe_api
                    ))
                }
            };
            total = total.saturating_add(items.len());
            if total > MAX_RESOURCES {
                return Err(format!("the fleet holds more than {MAX_RESOURCES} resources"));
            }
            for (index, raw) in items.iter().enumerate() {
                let at = format!("fleet.{}[{index}]", spec.key);
                let Value::Object(item) = raw else {
                    return Err(format!("{at} must be an object"));
                };
                let id = item
                    .get(spec.resource.id_field)
                    .and_then(Value::as_str)
                    .filter(|id| !id.is_empty())
                    .ok_or_else(|| format!("{at}.{} must be a non-empty string", spec.resource.id_field))?;
                let status = item
                    .get(spec.resource.status_field)
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("{at}.{} must be a string", spec.resource.status_field))?;
                if collection.index.contains_key(id) {
                    return Err(format!("{at}: the id {id} appears twice"));
                }
                collection.index.insert(id.to_owned(), collection.resources.len());
                collection.resources.push(Resource {
                    id: id.to_owned(),
                    item: item.clone(),
                    status: status.to_owned(),
                    timeline: None,
                    renewals: 0,
                });
            }
            collections.push(collection);
        }
        let now = match fleet.get("now") {
            None | Some(Value::Null) => None,
            Some(value) => Some(value.as_i64().ok_or("fleet.now must be Unix seconds")?),
        };
        let mut renewable = HashMap::new();
        match fleet.get("renewable_resources") {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (id, arns) in map {
                    let arns: Option<Vec<String>> = arns
                        .as_array()
                        .and_then(|items| items.iter().map(|arn| arn.as_str().map(str::to_owned)).collect());
                    renewable.insert(
                        id.clone(),
                        arns.ok_or_else(|| format!("fleet.renewable_resources.{id} must be a list of ARNs"))?,
                    );
                }
            }
            Some(_) => return Err("fleet.renewable_resources must map service instance ids to ARN lists".to_owned()),
        }
        Ok(Fleet {
            collections,
            now,
            renewable,
        })
    }

    pub fn collection(&self, index: usize) -> Option<&Collection> {
        self.collections.get(index)
    }

    pub fn collection_mut(&mut self, index: usize) -> Option<&mut Collection> {
        self.collections.get_mut(index)
    }
}

/// What an accepted call with a ClientToken answered, to answer a retry the same way.
#[derive(Debug, Clone)]
pub struct Replay {
    pub params: Value,
    pub payload: Map<String, Value>,
    pub targets: Vec<String>,
}

#[derive(Debug, Default)]
pub struct TokenStore {
    records: HashMap<(String, String), Replay>,
    order: VecDeque<(String, String)>,
}

impl TokenStore {
    pub fn get(&self, operation: &str, token: &str) -> Option<&Replay> {
        self.records.get(&(operation.to_owned(), token.to_owned()))
    }

    pub fn insert(&mut self, operation: &str, token: &str, replay: Replay) {
        let key = (operation.to_owned(), token.to_owned());
        if self.records.insert(key.clone(), replay).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > MAX_TOKENS {
            if let Some(oldest) = self.order.pop_front() {
                self.records.remove(&oldest);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// Nonces seen within the signature window, per access key.
#[derive(Debug, Default)]
pub struct NonceStore {
    seen: HashSet<(String, String)>,
    order: VecDeque<(i64, (String, String))>,
}

impl NonceStore {
    /// Records the nonce; `false` if it was already used within `window` seconds.
    pub fn fresh(&mut self, access_key_id: &str, nonce: &str, window: i64) -> bool {
        let now = wall_now();
        while let Some((at, _)) = self.order.front() {
            // Twice the window: a timestamp may be up to one window in the future.
            if *at >= now.saturating_sub(window.saturating_mul(2)) && self.order.len() < MAX_NONCES {
                break;
            }
            if let Some((_, key)) = self.order.pop_front() {
                self.seen.remove(&key);
            }
        }
        let key = (access_key_id.to_owned(), nonce.to_owned());
        if self.seen.contains(&key) {
            return false;
        }
        self.seen.insert(key.clone());
        self.order.push_back((now, key));
        true
    }
}

/// One provider API call, as the control API lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Call {
    pub seq: u64,
    /// Emulator clock when the call was answered.
    pub time: i64,
    pub provider: &'static str,
    pub action: Option<String>,
    pub version: Option<String>,
    /// The opgate operation id, for the four operations.
    pub operation: Option<&'static str>,
    pub access_key_id: Option<String>,
    pub signature: Option<&'static str>,
    pub params: Value,
    pub status: u16,
    pub code: Option<String>,
    pub request_id: String,
    /// Ids the call acted on or listed.
    pub targets: Vec<String>,
    /// Fault kinds that fired on this call.
    pub faults: Vec<String>,
}

#[derive(Debug, Default)]
pub struct CallLog {
    entries: VecDeque<Call>,
    pub total: u64,
}

impl CallLog {
    pub fn push(&mut self, mut call: Call, capacity: usize) {
        self.total += 1;
        call.seq = self.total;
        self.entries.push_back(call);
        while self.entries.len() > capacity {
            self.entries.pop_front();
        }
    }

    pub fn since(&self, seq: u64) -> Vec<Call> {
        self.entries.iter().filter(|call| call.seq > seq).cloned().collect()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[derive(Debug)]
pub struct World {
    pub config: Arc<Config>,
    pub fleet: Fleet,
    pub initial_fleet: Value,
    pub clock: Clock,
    pub tokens: TokenStore,
    pub nonces: NonceStore,
    pub calls: CallLog,
    pub faults: Vec<ActiveFault>,
}

impl World {
    pub fn new(config: Arc<Config>, fleet_json: Value) -> Result<World, String> {
        let fleet = Fleet::from_json(&fleet_json)?;
        let start = config.clock.start.or(fleet.now).unwrap_or_else(wall_now);
        let faults = config.faults.iter().cloned().map(ActiveFault::new).collect();
        Ok(World {
            clock: Clock::new(config.clock.mode, start),
            config,
            fleet,
            initial_fleet: fleet_json,
            tokens: TokenStore::default(),
            nonces: NonceStore::default(),
            calls: CallLog::default(),
            faults,
        })
    }

    /// Replaces the fleet; the clock keeps running, tokens of the old fleet are forgotten.
    pub fn load(&mut self, fleet_json: Value) -> Result<(), String> {
        let fleet = Fleet::from_json(&fleet_json)?;
        if let Some(now) = fleet.now {
            if now > self.clock.now() {
                self.clock.set(now)?;
            }
        }
        self.fleet = fleet;
        self.tokens = TokenStore::default();
        Ok(())
    }

    /// Back to the state at start: first fleet, clock, faults; log, tokens and nonces cleared.
    pub fn reset(&mut self) -> Result<(), String> {
        let fresh = World::new(Arc::clone(&self.config), self.initial_fleet.clone())?;
        *self = fresh;
        Ok(())
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Settles and returns the resource, if the fleet has it.
    pub fn resource_mut(&mut self, collection: usize, id: &str) -> Option<&mut Resource> {
        let now = self.clock.now();
        let resource = self.fleet.collection_mut(collection)?.get_mut(id)?;
        resource.settle(now);
        Some(resource)
    }

    /// Every resource of a collection as Describe returns it now.
    pub fn views(&self, collection: usize) -> Vec<(String, Map<String, Value>)> {
        let now = self.clock.now();
        let status_field = COLLECTIONS
            .get(collection)
            .map_or("Status", |c| c.resource.status_field);
        self.fleet
            .collection(collection)
            .map(|c| {
                c.resources
                    .iter()
                    .map(|r| (r.id.clone(), r.view(status_field, now)))
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fleet() -> Value {
        serde_json::json!({
            "now": 1000,
            "ecs": [{"InstanceId": "i-1", "Status": "Running"}],
            "zec": [{"instanceId": "1", "instanceStatus": "RUNNING"}],
            "renewable_resources": {"si-1": ["acs:ecs:cn-hangzhou:1:instance/i-1"]}
        })
    }

    #[test]
    fn timelines_show_each_phase_then_settle() {
        let mut world = World::new(Arc::new(Config::default()), fleet()).expect("valid");
        assert_eq!(world.now(), 1000);
        let resource = world.resource_mut(ECS, "i-1").expect("present");
        resource.start(
            "ecs:RebootInstance",
            1000,
            &[("Stopping".to_owned(), 5), ("Starting".to_owned(), 10)],
            "Running",
        );
        assert_eq!(resource.status_at(1000), "Stopping");
        assert_eq!(resource.status_at(1005), "Starting");
        assert_eq!(resource.status_at(1014), "Starting");
        assert_eq!(resource.status_at(1015), "Running");
        world.clock.advance(15).expect("advance");
        let resource = world.resource_mut(ECS, "i-1").expect("present");
        assert!(resource.timeline().is_none());
        assert_eq!(
            resource.view("Status", 2000).get("Status"),
            Some(&Value::from("Running"))
        );
    }

    #[test]
    fn bad_fleets_are_refused_with_a_path() {
        for (bad, expected) in [
            (serde_json::json!([]), "object"),
            (serde_json::json!({"ecs": {}}), "fleet.ecs"),
            (
                serde_json::json!({"ecs": [{"Status": "Running"}]}),
                "fleet.ecs[0].InstanceId",
            ),
            (
                serde_json::json!({"zec": [{"instanceId": "1"}]}),
                "fleet.zec[0].instanceStatus",
            ),
            (
                serde_json::json!({"ecs": [{"InstanceId": "i-1", "Status": "Running"}, {"InstanceId": "i-1", "Status": "Running"}]}),
                "twice",
            ),
            (serde_json::json!({"now": "soon"}), "fleet.now"),
        ] {
            let error = Fleet::from_json(&bad).expect_err("refused");
            assert!(error.contains(expected), "{error}");
        }
    }

    #[test]
    fn nonces_are_single_use_per_key() {
        let mut nonces = NonceStore::default();
        assert!(nonces.fresh("a", "n1", 900));
        assert!(!nonces.fresh("a", "n1", 900));
        assert!(nonces.fresh("b", "n1", 900));
    }

    #[test]
    fn the_call_log_is_bounded_but_counts_everything() {
        let mut log = CallLog::default();
        for _ in 0..5 {
            log.push(
                Call {
                    seq: 0,
                    time: 0,
                    provider: "alibaba",
                    action: None,
                    version: None,
                    operation: None,
                    access_key_id: None,
                    signature: None,
                    params: Value::Null,
                    status: 200,
                    code: None,
                    request_id: String::new(),
                    targets: Vec::new(),
                    faults: Vec::new(),
                },
                3,
            );
        }
        assert_eq!(log.total, 5);
        assert_eq!(log.since(0).iter().map(|c| c.seq).collect::<Vec<_>>(), vec![3, 4, 5]);
        assert_eq!(log.since(4).len(), 1);
    }
}

//! A waiter that remembers: made when the call is sent, fed Describe results over time, it
//! says per target `done | pending | failed | unknown` and when to poll next.
//!
//! The host does the sleeping (so it works sync and async, and on wasm32 where there is no
//! clock), and the waiter serializes, so a script can persist it and resume later.
//!
//! The rule that matters: a status that equals the goal is not proof. Right after
//! `RebootInstance` the instance still reads `Running`; a waiter that trusted it would stop
//! before the reboot began. A target status counts only after one of the operation's
//! [`Evidence`]s (its `rule_*` text says which, and why, with the provider page).
//! A target missing from a Describe page is `unknown`, never `done`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalog::{operation, provider_lifecycle};
use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail, RenderedError, Result};
use crate::id_index::{FirstIndex, IdSet};
use crate::lang::{Lang, Text};
use crate::lifecycle::state::{self, Absent, Read, Shape};
use crate::messages::lifecycle::{
    self as messages, IdsProblem, Reading, Settled, WaitSummary, WaitTarget, WaiterStateProblem,
};
use crate::precheck::{read_resources, Item, MAX_RESOURCES};
use crate::record::Record;
use crate::spec::{ErrorSpec, Evidence, OperationSpec};

/// The serialized form's version; [`Waiter::resume`] refuses any other.
pub const WAITER_VERSION: u32 = 1;

/// Where one target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum TargetState {
    /// Not finished yet (or finished without proof yet).
    Pending,
    /// Finished: the target status, with evidence the operation acted.
    Done,
    /// Will not finish: a failure status, or the maximum wait passed.
    Failed,
    /// Missing from the last Describe results: nothing is known.
    Unknown,
}

/// What showed that the operation acted on a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum Proof {
    /// The status was seen outside the target statuses after the call.
    StatusLeftTarget,
    /// A Describe field differs from its value before the call.
    FieldChanged,
    /// The operation's settle time passed with the target status showing.
    SettleTime,
    /// The operation is synchronous: its response was the outcome.
    Synchronous,
}

/// A target's state before the call, for [`Evidence::FieldChanged`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(name = "WaiterBaseline")]
pub struct Baseline {
    /// The status it had.
    pub status: String,
    /// The evidence fields as they were (`StartTime`), when the item had them.
    pub fields: Map<String, Value>,
}

/// One target as the waiter remembers it. Keys are single words so the serialized form is the
/// same in every language binding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(name = "WaiterTarget", repr(id, state, status))]
pub struct Track {
    pub id: String,
    /// Its state before the call, when the Describe items read then had it.
    pub before: Option<Baseline>,
    /// The operation has been seen acting on it.
    pub seen: bool,
    /// The last status observed.
    pub status: Option<String>,
    pub state: TargetState,
    /// What showed the operation acted, once done.
    pub proof: Option<Proof>,
    /// For a failed target: the waiter's failure code.
    pub code: Option<String>,
}

/// The waiter's whole memory; serialize it to persist, [`Waiter::resume`] to go on.
///
/// Python and JS call it `WaiterState`: the `Waiter` class of each package holds one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(name = "WaiterState", repr(operation, polls, next))]
pub struct Waiter {
    /// The version of this form ([`WAITER_VERSION`]).
    pub version: u32,
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    /// When the call was sent, Unix seconds.
    pub sent: i64,
    /// Makes the jitter of poll intervals reproducible.
    pub seed: u32,
    /// Observations made so far.
    pub polls: u32,
    /// When to poll next, Unix seconds.
    pub next: i64,
    /// Every target, in the order given.
    pub targets: Vec<Track>,
}

/// What one observation concluded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(operation, done, succeeded, next_poll_after_seconds))]
pub struct WaitReport {
    /// The operation id.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub operation: crate::catalog::StaticId,
    /// Every target has settled (done or failed).
    pub done: bool,
    /// Every target is done.
    pub succeeded: bool,
    /// Seconds since the send.
    pub elapsed_seconds: i64,
    /// Observations made so far, this one included.
    pub polls: u32,
    /// The most this operation is waited for.
    pub timeout_seconds: u32,
    /// Seconds until the next poll; `None` once done.
    pub next_poll_after_seconds: Option<u32>,
    /// When to poll next, Unix seconds; `None` once done.
    pub next_poll_at: Option<i64>,
    /// The range the jitter allowed for this wait, `[min, max]` seconds.
    pub next_poll_window: Option<(u32, u32)>,
    /// How many targets stand where.
    pub counts: Counts,
    /// Every target, in the order given.
    pub targets: Vec<TargetReport>,
    /// When a target status counts as done for this operation, and why.
    pub rule: String,
    /// The provider page the rule rests on.
    pub source: String,
    pub reason: String,
}

/// How many targets of a wait stand where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Record)]
#[record(name = "WaitCounts")]
pub struct Counts {
    pub done: usize,
    pub pending: usize,
    pub failed: usize,
    pub unknown: usize,
}

/// Where one target of a wait stands, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(id, state, status))]
pub struct TargetReport {
    pub id: String,
    pub state: TargetState,
    /// The last status observed.
    pub status: Option<String>,
    /// The operation has been seen acting on it.
    pub transition_seen: bool,
    /// What showed the operation acted, once done.
    pub proof: Option<Proof>,
    /// The waiter's error, for a failed target.
    pub error: Option<RenderedError>,
    pub reason: String,
}

/// A waiter after one more observation, and what it concluded: what stateless hosts (the
/// bindings) hand back and forth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(repr(report))]
pub struct Observed {
    pub waiter: Waiter,
    pub report: WaitReport,
}

/// `InvalidParameter.Waiter` for a state this version cannot resume.
fn bad_state(problem: WaiterStateProblem<'_>) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterWaiter,
        messages::waiter_state(&problem),
        Some("waiter".to_owned()),
    ))
}

/// A waiter state read as `serde_json::from_value::<Waiter>` reads it (see [`state`]).
fn read_waiter(value: &Value) -> Read<Waiter> {
    const SHAPE: Shape = Shape {
        expecting: "struct Waiter",
        fields: &[
            ("version", Absent::Refused),
            ("operation", Absent::Refused),
            ("sent", Absent::Refused),
            ("seed", Absent::Refused),
            ("polls", Absent::Refused),
            ("next", Absent::Refused),
            ("targets", Absent::Refused),
        ],
    };
    let mut waiter = Waiter {
        version: 0,
        operation: "",
        sent: 0,
        seed: 0,
        polls: 0,
        next: 0,
        targets: Vec::new(),
    };
    state::read_struct(value, &SHAPE, &mut |index, item| {
        match index {
            0 => waiter.version = state::uint32(item)?,
            1 => waiter.operation = state::operation_id(item)?,
            2 => waiter.sent = state::int64(item)?,
            3 => waiter.seed = state::uint32(item)?,
            4 => waiter.polls = state::uint32(item)?,
            5 => waiter.next = state::int64(item)?,
            _ => waiter.targets = state::list(item, read_track)?,
        }
        Ok(())
    })?;
    Ok(waiter)
}

fn read_track(value: &Value) -> Read<Track> {
    const SHAPE: Shape = Shape {
        expecting: "struct Track",
        fields: &[
            ("id", Absent::Refused),
            ("before", Absent::NoneFromObject),
            ("seen", Absent::Refused),
            ("status", Absent::NoneFromObject),
            ("state", Absent::Refused),
            ("proof", Absent::NoneFromObject),
            ("code", Absent::NoneFromObject),
        ],
    };
    const STATES: [(&str, TargetState); 4] = [
        ("pending", TargetState::Pending),
        ("done", TargetState::Done),
        ("failed", TargetState::Failed),
        ("unknown", TargetState::Unknown),
    ];
    const PROOFS: [(&str, Proof); 4] = [
        ("status_left_target", Proof::StatusLeftTarget),
        ("field_changed", Proof::FieldChanged),
        ("settle_time", Proof::SettleTime),
        ("synchronous", Proof::Synchronous),
    ];
    fn proof(value: &Value) -> Read<Proof> {
        state::unit_enum(value, &PROOFS)
    }
    let mut track = Track {
        id: String::new(),
        before: None,
        seen: false,
        status: None,
        state: TargetState::Pending,
        proof: None,
        code: None,
    };
    state::read_struct(value, &SHAPE, &mut |index, item| {
        match index {
            0 => track.id = state::string(item)?,
            1 => track.before = state::option(item, read_baseline)?,
            2 => track.seen = state::boolean(item)?,
            3 => track.status = state::option(item, state::string)?,
            4 => track.state = state::unit_enum(item, &STATES)?,
            5 => track.proof = state::option(item, proof)?,
            _ => track.code = state::option(item, state::string)?,
        }
        Ok(())
    })?;
    Ok(track)
}

fn read_baseline(value: &Value) -> Read<Baseline> {
    const SHAPE: Shape = Shape {
        expecting: "struct Baseline",
        fields: &[("status", Absent::Refused), ("fields", Absent::Refused)],
    };
    let mut baseline = Baseline {
        status: String::new(),
        fields: Map::new(),
    };
    state::read_struct(value, &SHAPE, &mut |index, item| {
        match index {
            0 => baseline.status = state::string(item)?,
            _ => baseline.fields = state::object(item)?,
        }
        Ok(())
    })?;
    Ok(baseline)
}

impl Waiter {
    /// A waiter for `op_id` on `ids` (a list of ids, or one id), sent at `sent` (Unix seconds).
    /// `before` are the Describe items read before the call (any shape
    /// [`crate::precheck`] accepts), or `None`; `seed` fixes the jitter (default: derived from
    /// the other arguments).
    pub fn new(op_id: &str, ids: &Value, sent: i64, before: Option<&Value>, seed: Option<u32>) -> Result<Waiter> {
        let spec = operation(op_id)?;
        let ids = read_ids(ids)?;
        let baselines: Vec<Item<'_>> = match before {
            None | Some(Value::Null) => Vec::new(),
            Some(items) => read_resources(spec, items)?,
        };
        let synchronous = is_synchronous(spec);
        let by_id = FirstIndex::new(baselines.iter().map(|item| &*item.id));
        let targets = crate::lists::map_items(&ids, |id| {
            let before = by_id
                .get(id)
                .and_then(|index| baselines.get(index))
                .map(|item| baseline(spec, item));
            Track {
                id: id.clone(),
                before,
                seen: synchronous,
                status: None,
                state: if synchronous {
                    TargetState::Done
                } else {
                    TargetState::Pending
                },
                proof: synchronous.then_some(Proof::Synchronous),
                code: None,
            }
        });
        let seed = seed.unwrap_or_else(|| derived_seed(spec.id, &ids, sent));
        Ok(Waiter {
            version: WAITER_VERSION,
            operation: spec.id,
            sent,
            seed,
            polls: 0,
            next: sent.saturating_add(i64::from(spec.wait.initial_delay_seconds)),
            targets,
        })
    }

    /// Reads a persisted waiter back, checking it is one this version wrote.
    pub fn resume(state: &Value) -> Result<Waiter> {
        let waiter =
            read_waiter(state).map_err(|reason| bad_state(WaiterStateProblem::Unreadable { reason: &reason }))?;
        waiter.checked()
    }

    /// [`Waiter::resume`] of a state the host holds as the core's own value: checked as its
    /// serialized form is, without the trip through JSON (it reads back as itself).
    pub fn resume_held(held: &Waiter) -> Result<Waiter> {
        held.clone().checked()
    }

    /// The waiter, when this version wrote it.
    fn checked(self) -> Result<Waiter> {
        if self.version != WAITER_VERSION {
            return Err(bad_state(WaiterStateProblem::Version {
                got: self.version,
                reads: WAITER_VERSION,
            }));
        }
        operation(self.operation)?;
        let ids: Vec<Value> = crate::lists::map_items(&self.targets, |t| Value::String(t.id.clone()));
        read_ids(&Value::Array(ids)).map_err(|_| bad_state(WaiterStateProblem::Targets))?;
        Ok(self)
    }

    /// [`Waiter::resume`] then [`Waiter::observe`]: one step for a host that keeps only the
    /// serialized state.
    pub fn observe_state(state: &Value, resources: &Value, now: i64, lang: Lang) -> Result<Observed> {
        let mut waiter = Waiter::resume(state)?;
        let report = waiter.observe(resources, now, lang)?;
        Ok(Observed { waiter, report })
    }

    /// Reads one round of Describe results at `now` (Unix seconds) and updates every target
    /// that has not settled. A `now` before the send counts as the send time.
    pub fn observe(&mut self, resources: &Value, now: i64, lang: Lang) -> Result<WaitReport> {
        let spec = operation(self.operation)?;
        let items = if is_synchronous(spec) {
            Vec::new()
        } else {
            read_resources(spec, resources)?
        };
        let elapsed = now.saturating_sub(self.sent).max(0);
        let lifecycle = provider_lifecycle(spec.provider);
        // The first item per id, as the pre-check reads a Describe list.
        let by_id = FirstIndex::new(items.iter().map(|item| &*item.id));
        let mut reasons = Vec::with_capacity(self.targets.len());
        for track in &mut self.targets {
            let reason = if matches!(track.state, TargetState::Done | TargetState::Failed) {
                settled_reason(spec, track)
            } else {
                let item = by_id.get(&track.id).and_then(|index| items.get(index));
                step(spec, track, item, elapsed)
            };
            let reason = match track.state {
                TargetState::Pending | TargetState::Unknown if elapsed >= i64::from(spec.wait.timeout_seconds) => {
                    track.state = TargetState::Failed;
                    track.code = Some(lifecycle.waiter_timeout.code.to_owned());
                    timeout_reason(spec, track)
                }
                _ => reason,
            };
            reasons.push(reason);
        }
        self.polls = self.polls.saturating_add(1);
        let counts = self.targets.iter().fold(Counts::default(), |mut counts, track| {
            match track.state {
                TargetState::Done => counts.done += 1,
                TargetState::Pending => counts.pending += 1,
                TargetState::Failed => counts.failed += 1,
                TargetState::Unknown => counts.unknown += 1,
            }
            counts
        });
        let done = counts.pending == 0 && counts.unknown == 0;
        let next = (!done).then(|| self.next_wait(spec, elapsed));
        if let Some((after, _)) = next {
            self.next = now.saturating_add(i64::from(after));
        }
        let mut targets = Vec::with_capacity(self.targets.len());
        for (track, reason) in self.targets.iter().zip(reasons) {
            targets.push(TargetReport {
                id: track.id.clone(),
                state: track.state,
                status: track.status.clone(),
                transition_seen: track.seen,
                proof: track.proof,
                error: track
                    .code
                    .as_deref()
                    .and_then(|code| waiter_error(spec, code))
                    .map(|e| render(e, lang)),
                reason: reason.get(lang).to_owned(),
            });
        }
        let summary = summary(spec, counts, done, next.map(|(after, _)| after));
        Ok(WaitReport {
            operation: spec.id,
            done,
            succeeded: counts.done == self.targets.len(),
            elapsed_seconds: elapsed,
            polls: self.polls,
            timeout_seconds: spec.wait.timeout_seconds,
            next_poll_after_seconds: next.map(|(after, _)| after),
            next_poll_at: next.map(|_| self.next),
            next_poll_window: next.map(|(_, [low, high])| (low, high)),
            counts,
            targets,
            rule: spec.lifecycle.waiter.rule.get(lang).to_owned(),
            source: spec.lifecycle.waiter.source.to_owned(),
            reason: summary.get(lang).to_owned(),
        })
    }

    /// Seconds to the next poll and the jitter window: the interval grows by the backoff after
    /// each poll up to its cap, the jitter is drawn from the seed, and the wait never runs past
    /// the maximum wait.
    fn next_wait(&self, spec: &OperationSpec, elapsed: i64) -> (u32, [u32; 2]) {
        let waiter = &spec.lifecycle.waiter;
        let mut interval = u64::from(spec.wait.interval_seconds.max(1));
        let cap = u64::from(waiter.max_interval_seconds.max(spec.wait.interval_seconds).max(1));
        for _ in 1..self.polls.min(64) {
            interval = (interval * u64::from(waiter.backoff_percent) / 100).clamp(1, cap);
        }
        let jitter = u64::from(waiter.jitter_percent.min(100));
        let low = (interval * (100 - jitter) / 100).max(1);
        let high = (interval * (100 + jitter) / 100).max(low);
        let remaining = u64::try_from(i64::from(spec.wait.timeout_seconds).saturating_sub(elapsed))
            .unwrap_or(0)
            .max(1);
        let (low, high) = (low.min(remaining), high.min(remaining));
        let pick = low + mix(self.seed, self.polls) % (high - low + 1);
        let fit = |value: u64| u32::try_from(value).unwrap_or(u32::MAX);
        (fit(pick), [fit(low), fit(high)])
    }
}

/// Operations with nothing to wait for: the response is the outcome.
fn is_synchronous(spec: &OperationSpec) -> bool {
    spec.wait.target.is_empty() || spec.lifecycle.waiter.evidence.is_empty()
}

fn read_ids(ids: &Value) -> Result<Vec<String>> {
    let bad = |field: &str, problem: IdsProblem<'_>| {
        Error::Input(ErrorDetail::client(
            ClientCode::InvalidParameterIds,
            messages::ids_problem(&problem),
            Some(field.to_owned()),
        ))
    };
    let list: Vec<&Value> = match ids {
        Value::String(_) => vec![ids],
        Value::Array(items) => items.iter().collect(),
        _ => return Err(bad("ids", IdsProblem::NotAList)),
    };
    if list.is_empty() || list.len() > MAX_RESOURCES {
        return Err(bad(
            "ids",
            IdsProblem::Count {
                max: MAX_RESOURCES,
                got: list.len(),
            },
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    let mut seen = IdSet::with_capacity(list.len());
    for (index, value) in list.into_iter().enumerate() {
        let field = format!("ids[{index}]");
        match value.as_str() {
            Some(id) if !id.is_empty() && id.chars().count() <= crate::formats::MAX_STRING_CHARS => {
                if !seen.insert(id) {
                    return Err(bad(&field, IdsProblem::Repeats { field: &field, id }));
                }
                out.push(id.to_owned());
            }
            _ => return Err(bad(&field, IdsProblem::NotAnId { field: &field })),
        }
    }
    Ok(out)
}

fn baseline(spec: &OperationSpec, item: &Item<'_>) -> Baseline {
    let mut fields = Map::new();
    for evidence in spec.lifecycle.waiter.evidence {
        if let Evidence::FieldChanged(name) = evidence {
            if let Some(value) = item.raw.get(*name).filter(|v| !v.is_null()) {
                fields.insert((*name).to_owned(), value.clone());
            }
        }
    }
    Baseline {
        status: item.status.to_owned(),
        fields,
    }
}

fn derived_seed(op_id: &str, ids: &[String], sent: i64) -> u32 {
    let mut message = op_id.as_bytes().to_vec();
    for id in ids {
        message.push(0);
        message.extend_from_slice(id.as_bytes());
    }
    message.extend_from_slice(&sent.to_be_bytes());
    let [a, b, c, d, ..] = crate::sha256::digest(&message);
    u32::from_be_bytes([a, b, c, d])
}

/// SplitMix64 of (seed, poll number): the same waiter always waits the same.
fn mix(seed: u32, poll: u32) -> u64 {
    let mut z = ((u64::from(seed) << 32) | u64::from(poll)).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Applies one observation to an unsettled target; returns why it now stands where it does.
fn step(spec: &OperationSpec, track: &mut Track, item: Option<&Item<'_>>, elapsed: i64) -> Text {
    let id = clip(&track.id);
    let target = WaitTarget {
        noun: &spec.resource.noun,
        id: &id,
        action: spec.action,
    };
    let shown = item.map(|item| clip(item.status)).unwrap_or_default();
    let reading = judge(spec, track, item, elapsed, &shown);
    messages::reading(&target, &reading)
}

/// Moves an unsettled target on by one observation (`shown`: its status, clipped) and says
/// what the observation showed.
fn judge<'a>(
    spec: &'a OperationSpec,
    track: &mut Track,
    item: Option<&Item<'_>>,
    elapsed: i64,
    shown: &'a str,
) -> Reading<'a> {
    let Some(item) = item else {
        track.state = TargetState::Unknown;
        return Reading::Missing {
            api: spec.resource.describe_api,
        };
    };
    let status = item.status;
    track.status = Some(status.to_owned());
    let wait = &spec.wait;
    let evidence = spec.lifecycle.waiter.evidence;
    let left_counts = evidence.contains(&Evidence::StatusLeftTarget);
    if wait.failure.contains(&status) {
        track.state = TargetState::Failed;
        track.code = Some(provider_lifecycle(spec.provider).waiter_failure.code.to_owned());
        return Reading::FailureStatus { shown };
    }
    if !wait.target.contains(&status) {
        let documented = spec.resource.statuses.contains(&status) || wait.pending.contains(&status);
        if documented && !wait.pending.contains(&status) {
            track.state = TargetState::Failed;
            track.code = Some(provider_lifecycle(spec.provider).waiter_failure.code.to_owned());
            return Reading::Abandoned { shown };
        }
        track.state = TargetState::Pending;
        if left_counts {
            track.seen = true;
        }
        let goal = wait.target;
        return if documented {
            Reading::OnTheWay { shown, goal }
        } else {
            Reading::Undocumented { shown, goal }
        };
    }
    // The target status: done only with evidence that the operation acted.
    let proof = if track.seen {
        Some(Proof::StatusLeftTarget)
    } else if changed_field(evidence, track, item).is_some() {
        Some(Proof::FieldChanged)
    } else if evidence
        .iter()
        .any(|e| matches!(e, Evidence::SettleTime(s) if elapsed >= i64::from(*s)))
    {
        Some(Proof::SettleTime)
    } else {
        None
    };
    match proof {
        Some(proof) => {
            track.state = TargetState::Done;
            track.proof = Some(proof);
            match proof {
                Proof::FieldChanged => {
                    track.seen = true;
                    let field = changed_field(evidence, track, item).unwrap_or_default();
                    Reading::DoneFieldChanged { shown, field }
                }
                Proof::SettleTime => Reading::DoneSettled { shown, elapsed },
                _ => Reading::DoneReturned { shown },
            }
        }
        None => {
            track.state = TargetState::Pending;
            Reading::NotSeenActing { shown }
        }
    }
}

/// The first evidence field whose value differs from the baseline (both present).
fn changed_field(evidence: &[Evidence], track: &Track, item: &Item<'_>) -> Option<&'static str> {
    let before = track.before.as_ref()?;
    evidence.iter().find_map(|e| match e {
        Evidence::FieldChanged(name) => {
            let then = before.fields.get(*name)?;
            let now = item.raw.get(*name).filter(|v| !v.is_null())?;
            (then != now).then_some(*name)
        }
        _ => None,
    })
}

fn settled_reason(spec: &OperationSpec, track: &Track) -> Text {
    let id = clip(&track.id);
    let target = WaitTarget {
        noun: &spec.resource.noun,
        id: &id,
        action: spec.action,
    };
    let settled = match (track.state, track.proof) {
        (TargetState::Done, Some(Proof::Synchronous)) => Settled::Synchronous,
        (TargetState::Done, _) => Settled::AlreadyDone,
        _ => Settled::AlreadyFailed {
            code: track.code.as_deref().unwrap_or_default(),
        },
    };
    messages::settled(&target, &settled)
}

fn timeout_reason(spec: &OperationSpec, track: &Track) -> Text {
    let id = clip(&track.id);
    let target = WaitTarget {
        noun: &spec.resource.noun,
        id: &id,
        action: spec.action,
    };
    messages::timed_out(
        &target,
        spec.wait.target,
        spec.wait.timeout_seconds,
        track.status.as_deref(),
    )
}

fn summary(spec: &OperationSpec, counts: Counts, done: bool, next: Option<u32>) -> Text {
    let Counts {
        done: ok,
        pending,
        failed,
        unknown,
    } = counts;
    let summary = match (done, next) {
        (true, _) if failed == 0 => WaitSummary::AllDone { done: ok },
        (true, _) => WaitSummary::Over { done: ok, failed },
        (false, next) => WaitSummary::Polling {
            done: ok,
            pending,
            failed,
            unknown,
            after: next.unwrap_or_default(),
        },
    };
    messages::wait_summary(spec.action, &summary)
}

fn waiter_error(spec: &OperationSpec, code: &str) -> Option<&'static ErrorSpec> {
    let lifecycle = provider_lifecycle(spec.provider);
    [lifecycle.waiter_timeout, lifecycle.waiter_failure]
        .into_iter()
        .find(|e| e.code == code)
}

fn render(entry: &ErrorSpec, lang: Lang) -> RenderedError {
    ErrorDetail {
        code: entry.code.to_owned(),
        http_status: entry.http_status,
        message: entry.message.clone(),
        field: None,
        retryable: entry.retryable,
    }
    .render(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ECS: &str = "ecs:RebootInstance";
    const ID: &str = "i-bp67acfmxazb4ph1abcd";

    fn item(status: &str, start: &str) -> Value {
        json!({"InstanceId": ID, "Status": status, "StartTime": start})
    }

    #[test]
    fn running_right_after_the_send_is_not_done() {
        let mut waiter = Waiter::new(
            ECS,
            &json!([ID]),
            1000,
            Some(&json!([item("Running", "2026-01-01T00:00Z")])),
            Some(7),
        )
        .expect("waiter");
        let report = waiter
            .observe(&json!([item("Running", "2026-01-01T00:00Z")]), 1001, Lang::En)
            .expect("observed");
        assert!(!report.done);
        assert_eq!(report.targets[0].state, TargetState::Pending);
        let report = waiter
            .observe(&json!([item("Starting", "2026-01-01T00:00Z")]), 1010, Lang::En)
            .expect("observed");
        assert_eq!(report.targets[0].state, TargetState::Pending);
        let report = waiter
            .observe(&json!([item("Running", "2026-01-01T00:00Z")]), 1020, Lang::En)
            .expect("observed");
        assert!(report.done && report.succeeded);
        assert_eq!(report.targets[0].proof, Some(Proof::StatusLeftTarget));
    }

    #[test]
    fn a_changed_start_time_or_the_settle_time_is_proof_too() {
        let before = json!([item("Running", "2026-01-01T00:00Z")]);
        let mut waiter = Waiter::new(ECS, &json!(ID), 1000, Some(&before), None).expect("waiter");
        let report = waiter
            .observe(&json!([item("Running", "2026-01-01T00:01Z")]), 1005, Lang::En)
            .expect("observed");
        assert_eq!(report.targets[0].proof, Some(Proof::FieldChanged));
        let mut waiter = Waiter::new(ECS, &json!(ID), 1000, None, None).expect("waiter");
        assert!(!waiter.observe(&before, 1059, Lang::En).expect("observed").done);
        assert_eq!(
            waiter.observe(&before, 1060, Lang::En).expect("observed").targets[0].proof,
            Some(Proof::SettleTime)
        );
    }

    #[test]
    fn missing_is_unknown_and_times_out() {
        let mut waiter = Waiter::new(ECS, &json!([ID]), 0, None, Some(1)).expect("waiter");
        let report = waiter.observe(&json!([]), 5, Lang::En).expect("observed");
        assert_eq!(report.targets[0].state, TargetState::Unknown);
        let report = waiter.observe(&json!([]), 600, Lang::En).expect("observed");
        assert_eq!(report.targets[0].state, TargetState::Failed);
        assert_eq!(
            report.targets[0].error.as_ref().map(|e| e.code.as_str()),
            Some("WaiterTimeout")
        );
    }

    #[test]
    fn jitter_is_reproducible_and_within_its_window() {
        let make = || Waiter::new(ECS, &json!([ID]), 0, None, Some(42)).expect("waiter");
        let (mut a, mut b) = (make(), make());
        for now in [5, 12, 20, 31, 45, 58] {
            let (ra, rb) = (
                a.observe(&json!([item("Starting", "x")]), now, Lang::En),
                b.observe(&json!([item("Starting", "x")]), now, Lang::En),
            );
            let (ra, rb) = (ra.expect("a"), rb.expect("b"));
            assert_eq!(ra.next_poll_after_seconds, rb.next_poll_after_seconds);
            let (after, (low, high)) = (
                ra.next_poll_after_seconds.expect("after"),
                ra.next_poll_window.expect("window"),
            );
            assert!(low <= after && after <= high && high <= 36, "{after} {low} {high}");
        }
        let state = serde_json::to_value(&a).expect("serializes");
        assert_eq!(Waiter::resume(&state).expect("resumes"), a);
    }

    #[test]
    fn resume_refuses_foreign_state() {
        for bad in [
            json!({}),
            json!({"version": 2, "operation": ECS, "sent": 0, "seed": 0, "polls": 0, "next": 0, "targets": []}),
        ] {
            assert!(Waiter::resume(&bad).is_err());
        }
    }

    /// The hand-written reader gives what `serde_json::from_value` gives, value or error text,
    /// for valid states and for many near misses of them.
    #[test]
    fn reads_states_as_serde_reads_them() {
        use crate::lifecycle::state::variations::agree_with_serde;
        let before = json!([item("Running", "2026-01-01T00:00Z"), {"InstanceId": "i-2", "Status": "Stopped"}]);
        let mut waiter = Waiter::new(ECS, &json!([ID, "i-2", "i-3"]), 1000, Some(&before), Some(9)).expect("waiter");
        waiter
            .observe(&json!([item("Starting", "2026-01-01T00:01Z")]), 1010, Lang::En)
            .expect("observed");
        waiter
            .observe(&json!([item("Running", "2026-01-01T00:01Z")]), 1030, Lang::En)
            .expect("observed");
        let base = serde_json::to_value(&waiter).expect("serializes");
        let words = [
            "version",
            "operation",
            "sent",
            "seed",
            "polls",
            "next",
            "targets",
            "id",
            "before",
            "seen",
            "status",
            "state",
            "proof",
            "code",
            "fields",
            "pending",
            "done",
            "failed",
            "unknown",
            "field_changed",
            "synchronous",
            "zec:RebootInstances",
            "ecs:Nope",
            "extra",
        ];
        agree_with_serde::<Waiter>(&base, &words, 0x5eed, read_waiter);
    }

    /// A held waiter resumes as its serialized state does, refusals included.
    #[test]
    fn a_held_waiter_resumes_as_its_state() {
        let before = json!([item("Running", "2026-01-01T00:00Z")]);
        let mut waiter = Waiter::new(ECS, &json!([ID, "i-2"]), 1000, Some(&before), Some(3)).expect("waiter");
        waiter.observe(&before, 1010, Lang::En).expect("observed");
        let mut foreign = waiter.clone();
        foreign.version = 2;
        let mut repeated = waiter.clone();
        repeated.targets[1].id = ID.to_owned();
        let mut empty = waiter.clone();
        empty.targets.clear();
        for held in [waiter, foreign, repeated, empty] {
            let state = serde_json::to_value(&held).expect("serializes");
            assert_eq!(Waiter::resume_held(&held), Waiter::resume(&state));
        }
    }
}

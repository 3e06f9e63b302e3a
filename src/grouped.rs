//! Pre-checks of many Describe items answered once per distinct item.
//!
//! A console checks 1,000 instances that fall into a handful of kinds: `Running` and unlocked,
//! `Stopped`, locked for security… The guards read only the fields [`Pick::for_guards`] names,
//! so two items that agree on those fields, apart from their id, get the same decision, status,
//! error and transition; only the reason names the id. A host that can compare its items
//! cheaply (the JS package does, on the JS side, before anything crosses into wasm) hands over
//! one representative per distinct item and, per item, the index of its representative. The
//! core judges each representative and returns its answer with the reason split where the id
//! goes; the host joins the parts with each item's id.
//!
//! Each representative is judged once, with a stand-in id; the reason split at the stand-in
//! gives the parts that each item's id joins (the engines read the id for wording only, and the
//! messages write it verbatim; tests compare every grouped answer with the per-item one). For a
//! representative holding the stand-in, and for any input that is not a list of well-formed
//! items, the answer is `None` and the host asks [`precheck_resources`], which words every error
//! with the caller's own paths.
//!
//! [`Pick::for_guards`]: crate::host::Pick::for_guards
//! [`precheck_resources`]: crate::precheck::precheck_resources

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use crate::catalog::operation;
use crate::error::{RenderedError, Result};
use crate::host::Grouping;
use crate::id_index::FirstIndex;
use crate::params::{validate_spec, Options};
use crate::precheck::{
    judge, judge_targets, read_resources, refuse_denials, single_target_error, summarise, Item, TargetDecision,
    TargetOutcome, TransitionView, Verdict, MAX_RESOURCES,
};

/// The stand-in id: a private-use character, which no provider id contains.
const STAND_IN: &str = "\u{E000}";

/// The answer for every item of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupAnswer {
    pub decision: TargetDecision,
    /// Whether the provider would refuse these items (they go to `denied_ids`).
    pub denied: bool,
    pub status: Option<String>,
    pub error: Option<RenderedError>,
    /// The reason, split where the item's id goes: `parts.join(id)` is the item's reason.
    pub reason: Vec<String>,
    pub transition: Option<TransitionView>,
}

/// A [`crate::precheck::Verdict`] without the per-item lists, which the host assembles from
/// its rows: item `i` has the answer `answers[answer_of[rows[i]]]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupedVerdict {
    pub operation: &'static str,
    pub allowed: bool,
    pub dry_run: bool,
    pub error: Option<RenderedError>,
    /// The distinct answers: groups that differ in fields the answer does not show (an expiry
    /// date far off, a different charge type of a running instance) share one.
    pub answers: Vec<GroupAnswer>,
    /// Each group's index in `answers`.
    pub answer_of: Vec<u32>,
}

/// Judges each representative in `groups` once; `rows[i]` is the index in `groups` of item
/// `i`'s representative. `None` when the input cannot be answered by groups (see the module
/// documentation); errors are only those of an unknown operation.
pub fn precheck_groups(op_id: &str, groups: &Value, rows: &[u32], options: &Options) -> Result<Option<GroupedVerdict>> {
    let spec = operation(op_id)?;
    if rows.len() > MAX_RESOURCES || !groups.is_array() {
        return Ok(None);
    }
    let Ok(items) = read_resources(spec, groups) else {
        return Ok(None);
    };
    let mut judged = Vec::with_capacity(items.len());
    for item in &items {
        match answer(spec, item, options) {
            Some(answer) => judged.push(answer),
            None => return Ok(None),
        }
    }
    let (answers, answer_of) = distinct(judged);
    crate::work::add(rows.len());
    let mut first_denial: Option<&GroupAnswer> = None;
    for &row in rows {
        let Some(answer) = usize::try_from(row)
            .ok()
            .and_then(|row| answer_of.get(row))
            .and_then(|&index| answers.get(usize::try_from(index).ok()?))
        else {
            return Ok(None);
        };
        if answer.denied && first_denial.is_none() {
            first_denial = Some(answer);
        }
    }
    let allowed = !rows.is_empty() && first_denial.is_none();
    let error = single_target_error(
        spec,
        first_denial.map(|answer| answer.error.as_ref()),
        false,
        options.lang,
    );
    Ok(Some(GroupedVerdict {
        operation: spec.id,
        allowed,
        dry_run: false,
        error,
        answers,
        answer_of,
    }))
}

/// The distinct answers among `judged`, in order of first appearance, and each one's index
/// among them. A fleet's groups have a handful of answers (allowed; refused for each status or
/// lock), so each answer is compared with the first [`SOUGHT`] distinct ones only: the work
/// stays linear in the number of groups, and an answer past them is sent as it is.
fn distinct(judged: Vec<GroupAnswer>) -> (Vec<GroupAnswer>, Vec<u32>) {
    const SOUGHT: usize = 32;
    let mut answers: Vec<GroupAnswer> = Vec::new();
    let mut answer_of = Vec::with_capacity(judged.len());
    for answer in judged {
        let found = answers.iter().take(SOUGHT).position(|known| *known == answer);
        let index = found.unwrap_or_else(|| {
            answers.push(answer);
            answers.len() - 1
        });
        // At most MAX_RESOURCES groups reach here, so the index fits.
        answer_of.push(u32::try_from(index).unwrap_or(u32::MAX));
    }
    (answers, answer_of)
}

impl GroupedVerdict {
    /// One outcome per item: item `i` has id `ids[i]` and the answer of group `rows[i]`.
    /// `None` when the two lists disagree in length or a row names no group.
    fn outcomes(&self, rows: &[u32], ids: Vec<String>) -> Option<Vec<TargetOutcome>> {
        if rows.len() != ids.len() {
            return None;
        }
        let mut outcomes = Vec::with_capacity(ids.len());
        for (row, id) in rows.iter().zip(ids) {
            let index = *self.answer_of.get(usize::try_from(*row).ok()?)?;
            let group = self.answers.get(usize::try_from(index).ok()?)?;
            outcomes.push(TargetOutcome {
                reason: crate::lang::join(&group.reason, &id),
                id,
                decision: group.decision,
                status: group.status.clone(),
                error: group.error.clone(),
                transition: group.transition.clone(),
            });
        }
        Some(outcomes)
    }
}

/// [`crate::precheck::precheck_resources`] of the items `grouping` holds; `None` when they
/// cannot be answered by groups.
pub fn precheck_grouping(op_id: &str, grouping: Grouping, options: &Options) -> Result<Option<Verdict>> {
    let spec = operation(op_id)?;
    let representatives = Value::Array(grouping.representatives);
    let grouped = precheck_groups(op_id, &representatives, &grouping.rows, options)?;
    Ok(grouped
        .and_then(|verdict| verdict.outcomes(&grouping.rows, grouping.ids))
        .map(|outcomes| summarise(spec, outcomes, false, options.lang)))
}

/// [`crate::precheck::precheck`] (or, with `refuse`, [`crate::precheck::check`]) of items held by
/// groups: `ids[i]` is item `i`'s id and `rows[i]` its group. Each target is judged on its
/// group's representative under its own id, so nothing is split or joined. `Ok(None)` when the
/// items cannot be answered so (the host then passes the items themselves); the errors are
/// those of the parameters and, with `refuse`, the denial, which do not depend on the items.
pub fn precheck_targets(
    op_id: &str,
    params: &Value,
    groups: &Value,
    rows: &[u32],
    ids: &[String],
    options: &Options,
    refuse: bool,
) -> Result<Option<Verdict>> {
    let spec = operation(op_id)?;
    if rows.len() > MAX_RESOURCES || rows.len() != ids.len() || !groups.is_array() {
        return Ok(None);
    }
    let validated = validate_spec(spec, params, options)?;
    let Ok(representatives) = read_resources(spec, groups) else {
        return Ok(None);
    };
    if rows
        .iter()
        .any(|row| usize::try_from(*row).map_or(true, |row| row >= representatives.len()))
    {
        return Ok(None);
    }
    // The first item with an id answers for it, as `precheck` finds it.
    let first = FirstIndex::new(ids.iter().take(rows.len()).map(String::as_str));
    crate::work::add(rows.len());
    let find = |id: &str| {
        first
            .get(id)
            .and_then(|index| rows.get(index))
            .and_then(|row| representatives.get(*row as usize))
            .map(|representative| Item {
                id: Cow::Owned(id.to_owned()),
                status: representative.status,
                raw: representative.raw,
            })
    };
    let verdict = judge_targets(spec, &validated, find, options);
    if refuse {
        refuse_denials(spec, verdict).map(Some)
    } else {
        Ok(Some(verdict))
    }
}

/// One representative's answer, judged with the stand-in id: its reason split at the stand-in
/// gives the parts an item's own id joins. The engines read an item's id for wording only, and
/// `crate::messages` writes it verbatim, so the join is the item's own reason; tests hold both
/// (`a_group_answers_as_each_of_its_items`, and every pre-check vector in `tests/vectors.rs`).
/// A representative that holds the stand-in anywhere is not grouped, since the split would cut
/// there too.
fn answer(spec: &crate::spec::OperationSpec, item: &Item<'_>, options: &Options) -> Option<GroupAnswer> {
    if has_stand_in(&item.id) || holds_stand_in(item.raw) {
        return None;
    }
    let judged = judge(
        spec,
        &Item {
            id: Cow::Borrowed(STAND_IN),
            status: item.status,
            raw: item.raw,
        },
        false,
        options,
    );
    Some(GroupAnswer {
        decision: judged.decision,
        denied: judged.decision == TargetDecision::Deny,
        status: judged.status,
        error: judged.error,
        reason: split_at_stand_in(judged.reason),
        transition: judged.transition,
    })
}

/// `reason` split at each stand-in; the first part keeps the reason's own buffer.
fn split_at_stand_in(mut reason: String) -> Vec<String> {
    let mut parts = Vec::with_capacity(2);
    while let Some(at) = crate::lang::rfind(&reason, STAND_IN) {
        parts.push(reason.get(at + STAND_IN.len()..).unwrap_or_default().to_owned());
        reason.truncate(at);
    }
    parts.push(reason);
    parts.reverse();
    parts
}

/// Whether any string or key of `value` holds the stand-in.
fn holds_stand_in(value: &Value) -> bool {
    match value {
        Value::String(text) => has_stand_in(text),
        Value::Array(items) => items.iter().any(holds_stand_in),
        Value::Object(map) => map.iter().any(|(key, item)| has_stand_in(key) || holds_stand_in(item)),
        _ => false,
    }
}

/// Whether `text` holds the stand-in. Its UTF-8 form starts with the byte 0xEE, which most
/// texts lack: one byte scan settles them.
fn has_stand_in(text: &str) -> bool {
    const LEAD: u8 = STAND_IN.as_bytes()[0];
    text.as_bytes().contains(&LEAD) && crate::lang::contains(text, STAND_IN)
}

/// What a host needs to group the items of one operation: the fields the projection reads
/// ([`crate::host::Pick::for_operation`]) and those the guards compare
/// ([`crate::host::Pick::for_guards`]), both as [`crate::host::Pick::describe`] gives them; the id
/// field the comparison leaves out; where a whole Describe response keeps its items; and the
/// most items one call takes. A field that is read but not compared (the waiter's evidence,
/// ECS `StartTime`) must still be one the projection reads without error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupingPlan {
    pub pick: Value,
    pub compared: Value,
    pub id_field: &'static str,
    pub list_paths: &'static [&'static [&'static str]],
    pub max_resources: usize,
}

/// The plan for operation `op_id`.
pub fn grouping_plan(op_id: &str) -> Result<GroupingPlan> {
    let spec = operation(op_id)?;
    let describe = |pick: Option<&crate::host::Pick>| pick.map_or(Value::Null, crate::host::Pick::describe);
    Ok(GroupingPlan {
        pick: describe(crate::host::Pick::for_operation(spec.id)),
        compared: describe(crate::host::Pick::for_guards_of(spec.id)),
        id_field: spec.resource.id_field,
        list_paths: spec.resource.list_paths,
        max_resources: MAX_RESOURCES,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::host::Reader;
    use crate::lang::Lang;

    fn by_groups(op: &str, resources: &Value, options: &Options) -> Option<Verdict> {
        let spec = operation(op).ok()?;
        let grouping = Reader::default().grouped(spec, &resources)?;
        precheck_grouping(op, grouping, options).ok().flatten()
    }

    fn ecs(id: &str, status: &str) -> Value {
        json!({"InstanceId": id, "Status": status, "InstanceChargeType": "PostPaid", "OperationLocks": {"LockReason": []}, "Tags": {"Tag": []}})
    }

    #[test]
    fn items_alike_but_for_their_id_share_one_judgement() {
        let items: Vec<Value> = (0..300)
            .map(|i| ecs(&format!("i-{i}"), ["Running", "Stopped", "Starting"][i % 3]))
            .collect();
        let resources = Value::Array(items);
        let spec = operation("ecs:RebootInstance").ok();
        let grouping = spec.and_then(|spec| Reader::default().grouped(spec, &&resources));
        assert_eq!(grouping.as_ref().map(|g| g.representatives.len()), Some(3));
        for lang in [Lang::En, Lang::Zh] {
            let options = Options {
                lang,
                ..Options::default()
            };
            let whole = crate::precheck::precheck_resources("ecs:RebootInstance", &resources, &options).ok();
            assert!(whole.is_some());
            assert_eq!(by_groups("ecs:RebootInstance", &resources, &options), whole);
        }
    }

    #[test]
    fn a_stand_in_among_the_fields_is_never_mistaken_for_the_id() {
        let options = Options::default();
        let odd = format!("Run{STAND_IN}ning");
        let cases = [
            json!([ecs("i-1", &odd), ecs("i-2", &odd)]),
            json!([ecs("i-1", "Running"), {"InstanceId": "i-2", "Status": "Running", "OperationLocks": {"LockReason": [{"LockReason": "security", "LockMsg": "i-2"}]}}]),
            json!([ecs(&format!("i-{STAND_IN}"), "Running")]),
        ];
        for resources in &cases {
            let whole = crate::precheck::precheck_resources("ecs:RebootInstance", resources, &options).ok();
            if let Some(grouped) = by_groups("ecs:RebootInstance", resources, &options) {
                assert_eq!(Some(grouped), whole, "{resources}");
            }
        }
        // The id itself holds the stand-in: not answered by groups.
        assert_eq!(by_groups("ecs:RebootInstance", &cases[2], &options), None);
    }

    fn answer_with(reason: &str, status: &str) -> GroupAnswer {
        GroupAnswer {
            decision: TargetDecision::Allow,
            denied: false,
            status: Some(status.to_owned()),
            error: None,
            reason: vec![reason.to_owned()],
            transition: None,
        }
    }

    #[test]
    fn equal_answers_are_sent_once_in_order_of_first_appearance() {
        let judged = vec![
            answer_with("a", "Running"),
            answer_with("b", "Stopped"),
            answer_with("a", "Running"),
            answer_with("a", "Starting"),
            answer_with("b", "Stopped"),
        ];
        let (answers, answer_of) = distinct(judged.clone());
        assert_eq!(answer_of, vec![0, 1, 0, 2, 1]);
        assert_eq!(answers, vec![judged[0].clone(), judged[1].clone(), judged[3].clone()]);
        for (group, index) in answer_of.iter().enumerate() {
            assert_eq!(answers[*index as usize], judged[group]);
        }
    }

    #[test]
    fn answers_past_the_sought_ones_are_sent_as_they_are() {
        // More distinct answers than are sought: each group still maps to an answer equal to
        // its own, and the first ones are still found.
        let judged: Vec<GroupAnswer> = (0..200).map(|i| answer_with("same", &format!("S{}", i % 50))).collect();
        let (answers, answer_of) = distinct(judged.clone());
        assert!(answers.len() > 50 && answers.len() < 200, "{}", answers.len());
        assert_eq!(answer_of[50], 0);
        for (group, index) in answer_of.iter().enumerate() {
            assert_eq!(answers[*index as usize], judged[group]);
        }
    }

    #[test]
    fn a_fleet_of_few_kinds_crosses_few_answers() {
        let mut items = Vec::new();
        for (i, charge) in ["PostPaid", "PrePaid"].iter().enumerate() {
            for status in ["Running", "Stopped"] {
                let mut item = ecs(&format!("i-{i}"), status);
                item["InstanceChargeType"] = json!(charge);
                item["ExpiredTime"] = json!("2099-01-01T00:00Z");
                items.push(item);
            }
        }
        let groups = Value::Array(items);
        let options = Options {
            now: Some(1_795_000_000),
            ..Options::default()
        };
        let verdict = precheck_groups("ecs:RebootInstance", &groups, &[0, 1, 2, 3], &options)
            .ok()
            .flatten();
        let verdict = verdict.unwrap();
        // Four groups, but a running instance is allowed whatever its charge type: two answers.
        assert_eq!(verdict.answers.len(), 2);
        assert_eq!(verdict.answer_of, vec![0, 1, 0, 1]);
    }

    #[test]
    fn a_reason_splits_at_every_stand_in_as_split_does() {
        for reason in [
            "",
            "no id",
            "\u{E000}",
            "a \u{E000} b",
            "\u{E000}\u{E000}",
            "实例 \u{E000} 正在运行，\u{E000}。",
        ] {
            let expected: Vec<String> = reason.split(STAND_IN).map(str::to_owned).collect();
            assert_eq!(split_at_stand_in(reason.to_owned()), expected, "{reason:?}");
        }
    }

    #[test]
    fn the_stand_in_is_found_wherever_it_is() {
        for (text, holds) in [
            ("", false),
            ("i-1", false),
            ("实例\u{E001}", false),
            ("i-\u{E000}", true),
            ("\u{E000}", true),
        ] {
            assert_eq!(has_stand_in(text), holds, "{text:?}");
            assert_eq!(has_stand_in(text), text.contains(STAND_IN), "{text:?}");
        }
    }

    #[test]
    fn a_group_answers_as_each_of_its_items() {
        // Ids of every shape, in groups of every kind: the joined reason is each item's own.
        let long = format!("i-{}", "x".repeat(5000));
        let ids = [
            "i-1",
            "i-{}",
            "i-%s",
            "i-\"quoted\"",
            "实例-1",
            "",
            long.as_str(),
            "i-\u{FFFD}",
        ];
        let kinds = [
            ecs("", "Running"),
            ecs("", "Stopped"),
            json!({"InstanceId": "", "Status": "Running", "OperationLocks": {"LockReason": [{"LockReason": "security", "LockMsg": "i-1"}]}}),
            json!({"InstanceId": "", "Status": "Running", "InstanceChargeType": "PrePaid", "ExpiredTime": "2020-01-01T00:00Z"}),
            ecs("", "Bogus"),
        ];
        let mut items = Vec::new();
        for kind in &kinds {
            for id in ids {
                let mut item = kind.clone();
                item["InstanceId"] = json!(id);
                items.push(item);
            }
        }
        let resources = Value::Array(items);
        for lang in [Lang::En, Lang::Zh] {
            let options = Options {
                lang,
                now: Some(1_795_000_000),
                ..Options::default()
            };
            let whole = crate::precheck::precheck_resources("ecs:RebootInstance", &resources, &options).ok();
            assert!(whole.is_some());
            assert_eq!(by_groups("ecs:RebootInstance", &resources, &options), whole);
        }
    }

    #[test]
    fn what_groups_cannot_answer_is_left_to_the_projection() {
        let options = Options::default();
        for resources in [
            json!([ecs("i-1", "Running"), {"InstanceId": 7, "Status": "Running"}]),
            json!([ecs("i-1", "Running"), "i-2"]),
            json!([{"InstanceId": "i-1"}]),
            json!({"Instances": [ecs("i-1", "Running")]}),
            Value::Array((0..=MAX_RESOURCES).map(|i| ecs(&format!("i-{i}"), "Running")).collect()),
        ] {
            assert_eq!(by_groups("ecs:RebootInstance", &resources, &options), None);
        }
        let response =
            json!({"RequestId": "R", "Instances": {"Instance": [ecs("i-1", "Running"), ecs("i-2", "Stopped")]}});
        let whole = crate::precheck::precheck_resources("ecs:RebootInstance", &response, &options).ok();
        assert!(whole.is_some());
        assert_eq!(by_groups("ecs:RebootInstance", &response, &options), whole);
    }
}

//! Properties of RAM evaluation that must hold for every policy set, not just the vectors.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a generator that builds a bad policy should stop the test"
)]

use opgate::ram::{self, AccessDecision, AccessRequest, Context, Effect, Policy};
use proptest::prelude::*;
use serde_json::{json, Value};

#[path = "support/table_match.rs"]
mod table;
use table::table_match;

const ACTION_PATTERNS: &[&str] = &[
    "*",
    "ecs:*",
    "ecs:RebootInstance",
    "ECS:reboot*",
    "ecs:Start*",
    "computenest:*",
    "ecs:Reboot?nstance",
];
const RESOURCE_PATTERNS: &[&str] = &[
    "*",
    "acs:ecs:*:*:instance/*",
    "acs:ecs:cn-hangzhou:1488317743351199:instance/i-bp67acfmxazb4ph1abcd",
    "acs:ecs:cn-beijing:*:*",
    "acs:computenest:*:*:serviceinstance/*",
];
const REQUEST_ACTIONS: &[&str] = &[
    "ecs:RebootInstance",
    "ecs:StartInstance",
    "computenest:RenewServiceInstanceResources",
];
const REQUEST_RESOURCES: &[&str] = &[
    "acs:ecs:cn-hangzhou:1488317743351199:instance/i-bp67acfmxazb4ph1abcd",
    "acs:ecs:cn-beijing:1488317743351199:instance/i-other000000000000000",
    "acs:computenest:cn-hangzhou:1488317743351199:serviceinstance/si-d6ab3a63ccbb4b17a0f1",
];

fn conditions() -> Vec<Value> {
    vec![
        Value::Null,
        json!({"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}),
        json!({"NotIpAddress": {"acs:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]}}),
        json!({"Bool": {"acs:SecureTransport": "true"}}),
        json!({"StringEquals": {"acs:SourceVpc": "vpc-1"}, "StringNotLike": {"acs:ResourceTag/env": "dev*"}}),
        json!({"DateLessThan": {"acs:CurrentTime": "2030-01-01T00:00:00Z"}}),
        json!({"NumericGreaterThanEquals": {"ecs:Count": 3}}),
    ]
}

fn statement() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        any::<bool>(),
        0..ACTION_PATTERNS.len(),
        0..RESOURCE_PATTERNS.len(),
        0..conditions().len(),
    )
        .prop_map(|(deny, not_action, action, resource, condition)| {
            let mut statement =
                json!({"Effect": if deny { "Deny" } else { "Allow" }, "Resource": RESOURCE_PATTERNS[resource]});
            statement[if not_action { "NotAction" } else { "Action" }] = json!(ACTION_PATTERNS[action]);
            let condition = conditions().swap_remove(condition);
            if !condition.is_null() {
                statement["Condition"] = condition;
            }
            statement
        })
}

fn policies() -> impl Strategy<Value = Vec<Vec<Value>>> {
    prop::collection::vec(prop::collection::vec(statement(), 1..5), 0..4)
}

fn context() -> impl Strategy<Value = Value> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), 0..5i64).prop_map(
        |(office, secure, vpc, early, count)| {
            json!({
                "acs:SourceIp": if office { "10.1.2.3" } else { "198.51.100.7" },
                "acs:SecureTransport": secure,
                "acs:SourceVpc": if vpc { "vpc-1" } else { "vpc-2" },
                "acs:CurrentTime": if early { "2025-01-01T00:00:00Z" } else { "2031-01-01T00:00:00Z" },
                "ecs:Count": count,
            })
        },
    )
}

fn request() -> impl Strategy<Value = (usize, usize, Value)> {
    (0..REQUEST_ACTIONS.len(), 0..REQUEST_RESOURCES.len(), context())
}

fn parse(statement_lists: &[Vec<Value>]) -> Vec<Policy> {
    statement_lists
        .iter()
        .map(|statements| {
            ram::parse_policy(&json!({"Version": "1", "Statement": statements})).expect("generated policies are valid")
        })
        .collect()
}

fn access_request(action: usize, resource: usize, context: &Value) -> AccessRequest {
    AccessRequest {
        action: REQUEST_ACTIONS[action].to_owned(),
        resource: REQUEST_RESOURCES[resource].to_owned(),
        context: Context::from_json(context).expect("generated contexts are valid"),
    }
}

/// Inserts `statement` into policy `at.0` at statement position `at.1` (both wrapped), or as a
/// new policy when there is none.
fn insert(mut statement_lists: Vec<Vec<Value>>, statement: Value, at: (usize, usize)) -> Vec<Vec<Value>> {
    if statement_lists.is_empty() {
        statement_lists.push(vec![statement]);
    } else {
        let count = statement_lists.len();
        let target = &mut statement_lists[at.0 % count];
        let position = at.1 % (target.len() + 1);
        target.insert(position, statement);
    }
    statement_lists
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn an_applicable_explicit_deny_always_wins(
        statement_lists in policies(),
        (action, resource, context) in request(),
        at in (0..8usize, 0..8usize),
        deny_pattern in prop::sample::select(vec!["*", "ecs:*", "ECS:*", "*:*"]),
    ) {
        let request = access_request(action, resource, &context);
        // "ecs:*" only covers ecs requests; pick a pattern that surely covers this one.
        let pattern = if REQUEST_ACTIONS[action].starts_with("ecs:") { deny_pattern } else { "*" };
        let deny = json!({"Effect": "Deny", "Action": pattern, "Resource": "*"});
        let with_deny = parse(&insert(statement_lists, deny, at));
        let decision = ram::evaluate(&with_deny, &request);
        prop_assert_eq!(decision.decision, AccessDecision::ExplicitDeny);
    }

    #[test]
    fn adding_an_allow_never_turns_an_allow_into_a_deny(
        statement_lists in policies(),
        (action, resource, context) in request(),
        extra in statement(),
        at in (0..8usize, 0..8usize),
        as_new_policy in any::<bool>(),
    ) {
        let request = access_request(action, resource, &context);
        let before = ram::evaluate(&parse(&statement_lists), &request);
        let mut allow = extra;
        allow["Effect"] = json!("Allow");
        let grown = if as_new_policy {
            let mut grown = statement_lists;
            grown.push(vec![allow]);
            grown
        } else {
            insert(statement_lists, allow, at)
        };
        let after = ram::evaluate(&parse(&grown), &request);
        if before.decision == AccessDecision::Allow {
            prop_assert_eq!(after.decision, AccessDecision::Allow);
        }
        // An Allow cannot lift an explicit deny either.
        if before.decision == AccessDecision::ExplicitDeny {
            prop_assert_eq!(after.decision, AccessDecision::ExplicitDeny);
        }
    }

    #[test]
    fn the_named_statement_applies_and_has_the_decided_effect(
        statement_lists in policies(),
        (action, resource, context) in request(),
    ) {
        let policies = parse(&statement_lists);
        let request = access_request(action, resource, &context);
        let decision = ram::evaluate(&policies, &request);
        let applicable: Vec<(usize, usize, Effect)> = policies
            .iter()
            .enumerate()
            .flat_map(|(p, policy)| policy.statements.iter().enumerate().map(move |(s, statement)| (p, s, statement)))
            .filter(|(_, _, statement)| ram::evaluate::applies(statement, &request))
            .map(|(p, s, statement)| (p, s, statement.effect))
            .collect();
        let first_deny = applicable.iter().find(|(_, _, effect)| *effect == Effect::Deny);
        let first_allow = applicable.iter().find(|(_, _, effect)| *effect == Effect::Allow);
        let expected = match (first_deny, first_allow) {
            (Some(&(p, s, _)), _) => (AccessDecision::ExplicitDeny, Some(p), Some(s)),
            (None, Some(&(p, s, _))) => (AccessDecision::Allow, Some(p), Some(s)),
            (None, None) => (AccessDecision::ImplicitDeny, None, None),
        };
        prop_assert_eq!((decision.decision, decision.policy_index, decision.statement_index), expected);
    }

    #[test]
    fn wildcards_agree_with_a_reference_matcher(pattern in "[ab*?]{0,10}", text in "[ab]{0,12}") {
        prop_assert_eq!(ram::wildcard_match(&pattern, &text), reference_match(pattern.as_bytes(), text.as_bytes()));
    }

    #[test]
    fn wildcards_agree_with_a_table_matcher_across_word_boundaries(
        pieces in prop::collection::vec(prop_oneof![Just("*".to_owned()), Just("?".to_owned()), "[ab中]{1,40}"], 0..8),
        text in "[ab中]{0,200}",
    ) {
        let pattern: String = pieces.concat();
        let (pattern_chars, text_chars): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
        prop_assert_eq!(ram::wildcard_match(&pattern, &text), table_match(&pattern_chars, &text_chars), "{} / {}", pattern, text);
        let upper = text.to_uppercase();
        prop_assert_eq!(ram::wildcard_match_ignore_case(&pattern, &upper), table_match(&pattern_chars, &text_chars));
    }

    #[test]
    fn parsing_arbitrary_json_never_panics(document in arbitrary_json()) {
        for policy in [document.clone(), json!({"Version": "1", "Statement": [document.clone()]}), json!({"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": document}]})] {
            if let Err(error) = ram::parse_policy(&policy) {
                prop_assert!(!error.details().is_empty());
                for detail in error.details() {
                    prop_assert!(detail.field.as_deref().is_some_and(|field| field.starts_with("policy")), "{:?}", detail);
                }
            }
        }
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in ".{0,200}") {
        if let Err(error) = ram::parse_policy_str(&text) {
            prop_assert!(!error.details().is_empty());
        }
    }

    #[test]
    fn arbitrary_contexts_never_panic(context in arbitrary_json(), statement in statement()) {
        if let Ok(parsed) = Context::from_json(&context) {
            let policies = parse(&[vec![statement]]);
            let request = AccessRequest { action: REQUEST_ACTIONS[0].to_owned(), resource: REQUEST_RESOURCES[0].to_owned(), context: parsed };
            let _ = ram::evaluate(&policies, &request);
        }
    }
}

/// Plain recursive definition of `*`/`?` matching, exponential but fine at these sizes.
fn reference_match(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|skip| reference_match(rest, &text[skip..])),
        Some((&wanted, rest)) => text
            .split_first()
            .is_some_and(|(&got, text_rest)| (wanted == b'?' || wanted == got) && reference_match(rest, text_rest)),
    }
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let names = prop::sample::select(vec![
        "Version",
        "Statement",
        "Effect",
        "Action",
        "NotAction",
        "Resource",
        "Condition",
        "Sid",
        "Principal",
        "IpAddress",
        "Bool",
        "StringLike",
        "DateLessThan",
        "NumericEquals",
        "acs:SourceIp",
        "acs:CurrentTime",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![
            "1",
            "Allow",
            "Deny",
            "*",
            "ecs:*",
            "acs:ecs:*:*:*",
            "10.0.0.0/8",
            "true",
            "2024-01-01T00:00:00Z",
            "",
            "::1/129"
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((names.clone(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

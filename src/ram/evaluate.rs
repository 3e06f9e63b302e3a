//! Deciding one request against a set of identity policies, as RAM's evaluation process
//! describes it (<https://www.alibabacloud.com/help/en/ram/policy-evaluation-process>).
//!
//! Deny by default; an applicable `Deny` statement overrides any `Allow`. Policies and their
//! statements are visited in order and the first applicable `Deny` decides at once (RAM stops
//! at the first deny); otherwise the first applicable `Allow` is named as the deciding one.

use serde::{Deserialize, Serialize};

use crate::lang::Text;
use crate::messages::ram::access_decision;
use crate::ram::condition::Context;
use crate::ram::matcher::PreparedText;
use crate::ram::policy::{Actions, Effect, Policy, Statement};
use crate::record::Record;

/// What is asked: one action on one resource, in a context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessRequest {
    /// `<ram-code>:<Action>`, matched case-insensitively.
    pub action: String,
    /// An ARN, matched case-sensitively.
    pub resource: String,
    pub context: Context,
}

/// RAM's answer for one action on one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum AccessDecision {
    Allow,
    /// No statement allows the request.
    ImplicitDeny,
    /// A `Deny` statement applies.
    ExplicitDeny,
}

impl AccessDecision {
    /// Alibaba's `AccessDeniedDetail.NoPermissionType` for a denial: `ImplicitDeny` or
    /// `ExplicitDeny`, as Alibaba's 403 access-denied responses carry it
    /// (<https://help.aliyun.com/en/agentrun/api-agentrun-2025-09-10-accessdenieddetail>).
    pub fn no_permission_type(self) -> Option<NoPermissionType> {
        match self {
            AccessDecision::Allow => None,
            AccessDecision::ImplicitDeny => Some(NoPermissionType::ImplicitDeny),
            AccessDecision::ExplicitDeny => Some(NoPermissionType::ExplicitDeny),
        }
    }
}

/// Alibaba's `AccessDeniedDetail.NoPermissionType` of a denial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
pub enum NoPermissionType {
    /// No statement allows the request.
    ImplicitDeny,
    /// A `Deny` statement applies.
    ExplicitDeny,
}

/// The answer, with the statement that decided it (none for an implicit deny).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub decision: AccessDecision,
    /// Index into the `policies` slice given to [`evaluate`].
    pub policy_index: Option<usize>,
    /// Index into that policy's `Statement` array.
    pub statement_index: Option<usize>,
}

impl Evaluation {
    pub fn is_allowed(&self) -> bool {
        self.decision == AccessDecision::Allow
    }

    /// One sentence saying why, naming the deciding statement.
    pub fn explain(&self, action: &str, resource: &str) -> Text {
        let policy = self.policy_index.unwrap_or_default();
        let statement = self.statement_index.unwrap_or_default();
        access_decision(self.decision, policy, statement, action, resource)
    }
}

pub fn evaluate(policies: &[Policy], request: &AccessRequest) -> Evaluation {
    let prepared = Prepared::new(request);
    let mut first_allow = None;
    for (policy_index, policy) in policies.iter().enumerate() {
        for (statement_index, statement) in policy.statements.iter().enumerate() {
            if !prepared.applies(statement) {
                continue;
            }
            match statement.effect {
                Effect::Deny => {
                    return Evaluation {
                        decision: AccessDecision::ExplicitDeny,
                        policy_index: Some(policy_index),
                        statement_index: Some(statement_index),
                    }
                }
                Effect::Allow => {
                    first_allow.get_or_insert((policy_index, statement_index));
                }
            }
        }
    }
    match first_allow {
        Some((policy_index, statement_index)) => Evaluation {
            decision: AccessDecision::Allow,
            policy_index: Some(policy_index),
            statement_index: Some(statement_index),
        },
        None => Evaluation {
            decision: AccessDecision::ImplicitDeny,
            policy_index: None,
            statement_index: None,
        },
    }
}

/// Whether the statement covers the request: action, resource, and every condition.
pub fn applies(statement: &Statement, request: &AccessRequest) -> bool {
    Prepared::new(request).applies(statement)
}

/// A request with its action and resource prepared once for every pattern of every statement.
struct Prepared<'a> {
    action: PreparedText,
    resource: PreparedText,
    context: &'a Context,
}

impl Prepared<'_> {
    fn new(request: &AccessRequest) -> Prepared<'_> {
        Prepared {
            action: PreparedText::lowercased(&request.action),
            resource: PreparedText::new(&request.resource),
            context: &request.context,
        }
    }

    fn applies(&self, statement: &Statement) -> bool {
        let action_listed =
            |patterns: &[String]| patterns.iter().any(|pattern| self.action.matches_ignore_case(pattern));
        let action_covered = match &statement.actions {
            Actions::Action(patterns) => action_listed(patterns),
            Actions::NotAction(patterns) => !action_listed(patterns),
        };
        action_covered
            && statement.resources.iter().any(|pattern| self.resource.matches(pattern))
            && statement
                .conditions
                .iter()
                .all(|condition| condition.holds(self.context))
    }
}

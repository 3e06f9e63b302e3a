//! Reading RAM policy documents (<https://www.alibabacloud.com/help/en/ram/policy-structure-and-syntax>)
//! into [`Policy`] values.
//!
//! The reader reports every problem it finds, each with the path of the offending element
//! (`policy.Statement[2].Condition.IpAddress.acs:SourceIp[0]`), instead of stopping at the first.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail, Result};
use crate::lang::Text;
use crate::messages::ram::{
    policies_limit, policy_length, policy_problem, unlisted_problems, PoliciesLimit, PolicyProblem,
};
use crate::ram::condition::{scalar_text, Condition, Operand, OperandKind, Operator};
use crate::ram::{MAX_POLICIES, MAX_POLICIES_CHARS};
use crate::record::Record;

/// RAM accepts custom policy documents of 1 to 6,144 characters.
pub const MAX_POLICY_LENGTH: usize = 6_144;

/// Deeper documents are refused before anything walks them recursively. No valid policy comes
/// near this (the deepest element, a condition value list, sits at depth 6); the number is
/// serde_json's own parse limit, so text and object input fail alike.
const MAX_NESTING: usize = 128;

/// `MalformedPolicyDocument` (HTTP 400) is RAM's code for a document that breaks the grammar.
pub const MALFORMED_POLICY_DOCUMENT: &str = ClientCode::MalformedPolicyDocument.wire();
/// `InvalidParameter.PolicyDocument.Length` (HTTP 400) is what RAM `CreatePolicy` answers for a
/// document outside 1–6,144 characters.
pub const POLICY_DOCUMENT_LENGTH: &str = ClientCode::InvalidParameterPolicyDocumentLength.wire();
/// `InvalidParameter.Policies` (HTTP 400), our choice in Alibaba's style: a set of documents
/// larger than [`MAX_POLICIES`] or [`MAX_POLICIES_CHARS`].
pub const POLICIES_LIMIT: &str = ClientCode::InvalidParameterPolicies.wire();

/// A parsed, checked RAM policy document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct Policy {
    /// The document's `Version`.
    pub version: String,
    pub statements: Vec<Statement>,
}

/// Whether a statement allows or denies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
pub enum Effect {
    Allow,
    Deny,
}

/// `Action` lists the actions a statement covers; `NotAction` covers every action except those.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "snake_case")]
pub enum Actions {
    Action(Vec<String>),
    NotAction(Vec<String>),
}

/// One statement of a policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct Statement {
    /// The statement's `Sid`, if it has one.
    pub sid: Option<String>,
    pub effect: Effect,
    /// Serialized as `"action": [...]` or `"not_action": [...]`.
    #[serde(flatten)]
    pub actions: Actions,
    /// The resource patterns it covers.
    pub resources: Vec<String>,
    /// All must hold.
    pub conditions: Vec<Condition>,
}

/// Reads a policy document given either as JSON text (a JSON string value) or as an
/// already-parsed object. Error paths start with `policy`.
pub fn parse_policy(document: &Value) -> Result<Policy> {
    let mut problems = Problems::default();
    let policy = read_policy(document, measure(document), "policy", &mut problems);
    problems.into_result(policy).map_err(Error::Policy)
}

/// Reads a policy document from JSON text. Error paths start with `policy`.
pub fn parse_policy_str(document: &str) -> Result<Policy> {
    let mut problems = Problems::default();
    let policy = read_text(document, document.chars().count(), "policy", &mut problems);
    problems.into_result(policy).map_err(Error::Policy)
}

/// Reads several documents, reporting the problems of all of them with paths `policies[i]…`
/// (the first [`crate::params::MAX_VIOLATIONS`], then how many more there were).
///
/// Before any document is read, the set is measured: more than [`MAX_POLICIES`] documents, or
/// more than [`MAX_POLICIES_CHARS`] characters in all, is `Error::Input` with code
/// `InvalidParameter.Policies`.
pub fn parse_policies(documents: &[Value]) -> Result<Vec<Policy>> {
    check_policy_count(documents.len())?;
    let measures = crate::lists::map_items(documents, measure);
    let total = measures
        .iter()
        .fold(0usize, |sum, measure| sum.saturating_add(measure.chars()));
    if total > MAX_POLICIES_CHARS {
        return Err(policies_error(policies_limit(PoliciesLimit::Chars {
            total,
            max: MAX_POLICIES_CHARS,
        })));
    }
    let mut policies = Vec::with_capacity(documents.len());
    let mut problems = Problems::default();
    for (index, (document, measure)) in documents.iter().zip(measures).enumerate() {
        let path = format!("policies[{index}]");
        let before = problems.count();
        match read_policy(document, measure, &path, &mut problems) {
            Some(policy) if problems.count() == before => policies.push(policy),
            Some(_) => {}
            None if problems.count() == before => problems.unreadable(&path),
            None => {}
        }
    }
    problems.into_result(Some(policies)).map_err(Error::Policy)
}

/// Refuses a set of more than [`MAX_POLICIES`] documents. The bindings call it with the length
/// of the host's list before converting its items, so a list of a million references to one
/// small document is refused before a million copies are made.
pub fn check_policy_count(count: usize) -> Result<()> {
    if count <= MAX_POLICIES {
        return Ok(());
    }
    Err(policies_error(policies_limit(PoliciesLimit::Count {
        count,
        max: MAX_POLICIES,
    })))
}

fn policies_error(message: Text) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterPolicies,
        message,
        Some("policies".to_owned()),
    ))
}

/// A document's size, known before it is read.
#[derive(Clone, Copy)]
enum Measure {
    /// Text, or an object in its compact JSON form, this many characters long.
    Chars(usize),
    /// An object nested deeper than [`MAX_NESTING`] (never serialized: that would recurse).
    TooDeep,
    /// Neither text nor an object.
    NotADocument,
}

impl Measure {
    fn chars(self) -> usize {
        match self {
            Measure::Chars(chars) => chars,
            Measure::TooDeep | Measure::NotADocument => 0,
        }
    }
}

/// Text is measured as given, whitespace included: RAM's limits page gives the maximum length of a
/// custom policy (<https://www.alibabacloud.com/help/en/ram/product-overview/limits>) but not
/// whether whitespace counts. Objects are measured in their compact JSON form, written by the
/// module's one JSON writer for `Value`s (a counting writer would be a second copy of it).
fn measure(document: &Value) -> Measure {
    match document {
        Value::String(text) => Measure::Chars(text.chars().count()),
        Value::Object(_) if nesting_depth_exceeds(document, MAX_NESTING) => Measure::TooDeep,
        Value::Object(_) => {
            let text = crate::json::write(document);
            crate::work::add(text.len());
            Measure::Chars(text.chars().count())
        }
        _ => Measure::NotADocument,
    }
}

fn read_policy(document: &Value, measure: Measure, path: &str, problems: &mut Problems) -> Option<Policy> {
    match (document, measure) {
        (Value::String(text), Measure::Chars(chars)) => read_text(text, chars, path, problems),
        (_, Measure::TooDeep) => {
            problems.push(path, TOO_DEEP);
            None
        }
        (Value::Object(_), Measure::Chars(chars)) => {
            if length_fails(chars, path, problems) {
                return None;
            }
            read_document(document, path, problems)
        }
        _ => {
            problems.push(path, PolicyProblem::NotADocument);
            None
        }
    }
}

/// A document outside the length limit is refused with that problem alone: reading it would
/// cost work in proportion to its (unbounded) size for problems nobody can act on before
/// shortening it.
fn read_text(text: &str, chars: usize, path: &str, problems: &mut Problems) -> Option<Policy> {
    if length_fails(chars, path, problems) {
        return None;
    }
    crate::work::add(text.len());
    match crate::json::parse(text) {
        Ok(document) => read_document(&document, path, problems),
        Err(error) => {
            let problem = if crate::lang::contains(&error.to_string(), "recursion limit") {
                TOO_DEEP
            } else {
                PolicyProblem::NotJson {
                    line: error.line(),
                    column: error.column(),
                }
            };
            problems.push(path, problem);
            None
        }
    }
}

/// Records the length problem and says so, for a document outside 1 to [`MAX_POLICY_LENGTH`]
/// characters.
fn length_fails(length: usize, path: &str, problems: &mut Problems) -> bool {
    if length == 0 || length > MAX_POLICY_LENGTH {
        problems.record(ErrorDetail::client(
            ClientCode::InvalidParameterPolicyDocumentLength,
            policy_length(length, MAX_POLICY_LENGTH),
            Some(path.to_owned()),
        ));
        return true;
    }
    false
}

const TOO_DEEP: PolicyProblem<'static> = PolicyProblem::TooDeep { max: MAX_NESTING };

/// Iterative, so a hostile document cannot overflow the stack while being measured.
fn nesting_depth_exceeds(value: &Value, limit: usize) -> bool {
    let mut pending = vec![(value, 1usize)];
    while let Some((value, depth)) = pending.pop() {
        crate::work::add(1);
        if depth > limit {
            return true;
        }
        match value {
            Value::Array(items) => {
                for item in items {
                    pending.push((item, depth + 1));
                }
            }
            Value::Object(fields) => {
                for item in fields.values() {
                    pending.push((item, depth + 1));
                }
            }
            _ => {}
        }
    }
    false
}

/// The problems found so far: the first [`crate::params::MAX_VIOLATIONS`] in full, then only
/// counted, so a set of 512 documents with thousands of problems each reports a page.
#[derive(Default)]
struct Problems {
    listed: Vec<ErrorDetail>,
    unlisted: usize,
}

impl Problems {
    fn push(&mut self, path: &str, problem: PolicyProblem<'_>) {
        self.record(ErrorDetail::client(
            ClientCode::MalformedPolicyDocument,
            policy_problem(&problem),
            Some(path.to_owned()),
        ));
    }

    fn record(&mut self, detail: ErrorDetail) {
        crate::work::add(1);
        if self.listed.len() < crate::params::MAX_VIOLATIONS {
            self.listed.push(detail);
        } else {
            self.unlisted += 1;
        }
    }

    fn count(&self) -> usize {
        self.listed.len() + self.unlisted
    }

    /// Every refusal path records its reason; this keeps a refusal from ever being silent.
    fn unreadable(&mut self, path: &str) {
        self.push(path, PolicyProblem::Unreadable);
    }

    fn into_result<T>(mut self, read: Option<T>) -> std::result::Result<T, Vec<ErrorDetail>> {
        match read {
            Some(read) if self.count() == 0 => Ok(read),
            _ => {
                if self.count() == 0 {
                    self.unreadable("policy");
                }
                if self.unlisted > 0 {
                    self.listed.push(ErrorDetail::client(
                        ClientCode::MalformedPolicyDocument,
                        unlisted_problems(self.unlisted),
                        None,
                    ));
                }
                Err(self.listed)
            }
        }
    }
}

const DOCUMENT_ELEMENTS: &[&str] = &["Version", "Statement"];
const STATEMENT_ELEMENTS: &[&str] = &["Sid", "Effect", "Action", "NotAction", "Resource", "Condition"];

fn read_document(document: &Value, path: &str, problems: &mut Problems) -> Option<Policy> {
    let Value::Object(fields) = document else {
        problems.push(path, PolicyProblem::NotAnObject);
        return None;
    };
    reject_unknown_elements(fields, DOCUMENT_ELEMENTS, path, problems);

    let version_path = format!("{path}.Version");
    let version = match fields.get("Version") {
        Some(Value::String(version)) if version == "1" => Some(version.clone()),
        Some(Value::String(version)) => {
            problems.push(&version_path, PolicyProblem::UnsupportedVersion { version });
            None
        }
        Some(_) => {
            problems.push(&version_path, PolicyProblem::VersionNotString);
            None
        }
        None => {
            problems.push(&version_path, missing("Version"));
            None
        }
    };

    let statement_path = format!("{path}.Statement");
    let statements = match fields.get("Statement") {
        Some(Value::Array(items)) if items.is_empty() => {
            problems.push(&statement_path, PolicyProblem::NoStatements);
            None
        }
        Some(Value::Array(items)) => {
            // Every statement is read, so each one's problems are reported.
            let mut statements = Some(Vec::with_capacity(items.len()));
            for (index, item) in items.iter().enumerate() {
                match (
                    read_statement(item, &format!("{statement_path}[{index}]"), problems),
                    &mut statements,
                ) {
                    (Some(statement), Some(read)) => read.push(statement),
                    _ => statements = None,
                }
            }
            statements
        }
        Some(_) => {
            problems.push(&statement_path, PolicyProblem::StatementsNotArray);
            None
        }
        None => {
            problems.push(&statement_path, missing("Statement"));
            None
        }
    };

    Some(Policy {
        version: version?,
        statements: statements?,
    })
}

fn read_statement(statement: &Value, path: &str, problems: &mut Problems) -> Option<Statement> {
    let Value::Object(fields) = statement else {
        problems.push(path, PolicyProblem::StatementNotObject);
        return None;
    };
    reject_unknown_elements(fields, STATEMENT_ELEMENTS, path, problems);

    let sid = match fields.get("Sid") {
        None => Some(None),
        Some(Value::String(sid)) => Some(Some(sid.clone())),
        Some(_) => {
            problems.push(&format!("{path}.Sid"), must_be_string("Sid"));
            None
        }
    };

    let effect_path = format!("{path}.Effect");
    let effect = match fields.get("Effect") {
        Some(Value::String(effect)) if effect == "Allow" => Some(Effect::Allow),
        Some(Value::String(effect)) if effect == "Deny" => Some(Effect::Deny),
        Some(Value::String(effect)) => {
            problems.push(&effect_path, PolicyProblem::UnknownEffect { effect });
            None
        }
        Some(_) => {
            problems.push(&effect_path, PolicyProblem::EffectNotString);
            None
        }
        None => {
            problems.push(&effect_path, missing("Effect"));
            None
        }
    };

    let actions = match (fields.get("Action"), fields.get("NotAction")) {
        (Some(_), Some(_)) => {
            problems.push(&format!("{path}.NotAction"), PolicyProblem::ActionAndNotAction);
            None
        }
        (Some(list), None) => {
            read_names(list, &format!("{path}.Action"), "Action", check_action, problems).map(Actions::Action)
        }
        (None, Some(list)) => {
            read_names(list, &format!("{path}.NotAction"), "NotAction", check_action, problems).map(Actions::NotAction)
        }
        (None, None) => {
            problems.push(&format!("{path}.Action"), missing("Action"));
            None
        }
    };

    let resource_path = format!("{path}.Resource");
    let resources = match fields.get("Resource") {
        Some(list) => read_names(list, &resource_path, "Resource", check_resource, problems),
        None => {
            problems.push(&resource_path, missing("Resource"));
            None
        }
    };

    let conditions = match fields.get("Condition") {
        None => Some(Vec::new()),
        Some(block) => read_conditions(block, &format!("{path}.Condition"), problems),
    };

    Some(Statement {
        sid: sid?,
        effect: effect?,
        actions: actions?,
        resources: resources?,
        conditions: conditions?,
    })
}

fn reject_unknown_elements(fields: &Map<String, Value>, known: &[&str], path: &str, problems: &mut Problems) {
    for name in fields.keys().filter(|name| !known.contains(&name.as_str())) {
        let field = format!("{path}.{}", clip(name));
        let problem = match name.as_str() {
            "Principal" => PolicyProblem::Principal,
            "NotResource" => PolicyProblem::NotResource,
            _ => match known.iter().find(|known| known.eq_ignore_ascii_case(name)) {
                Some(meant) => PolicyProblem::MiscasedElement { name, meant },
                None => PolicyProblem::UnknownElement { name, known },
            },
        };
        problems.push(&field, problem);
    }
}

/// Reads `Action`, `NotAction` or `Resource`: a string or a non-empty array of strings.
fn read_names(
    value: &Value,
    path: &str,
    element: &str,
    check: for<'a> fn(&'a str) -> Option<PolicyProblem<'a>>,
    problems: &mut Problems,
) -> Option<Vec<String>> {
    let items: Vec<(String, &Value)> = match value {
        Value::Array(items) if items.is_empty() => {
            problems.push(path, PolicyProblem::EmptyList { element });
            return None;
        }
        Value::Array(items) => indexed(path, items),
        single => vec![(path.to_owned(), single)],
    };
    let mut names = Vec::with_capacity(items.len());
    let mut all_valid = true;
    for (item_path, item) in items {
        match item {
            Value::String(name) => match check(name) {
                None => names.push(name.clone()),
                Some(problem) => {
                    problems.push(&item_path, problem);
                    all_valid = false;
                }
            },
            _ => {
                problems.push(&item_path, must_be_string(element));
                all_valid = false;
            }
        }
    }
    all_valid.then_some(names)
}

/// `*`, or `<ram-code>:<action-name>` (both parts may use wildcards).
fn check_action(action: &str) -> Option<PolicyProblem<'_>> {
    let well_formed = action == "*"
        || action
            .split_once(':')
            .is_some_and(|(code, name)| !code.is_empty() && !name.is_empty());
    (!well_formed).then_some(PolicyProblem::MalformedAction { action })
}

/// `*`, or an ARN starting with `acs:`.
fn check_resource(resource: &str) -> Option<PolicyProblem<'_>> {
    let well_formed = resource == "*" || resource.starts_with("acs:");
    (!well_formed).then_some(PolicyProblem::MalformedResource { resource })
}

fn read_conditions(block: &Value, path: &str, problems: &mut Problems) -> Option<Vec<Condition>> {
    let Value::Object(operators) = block else {
        problems.push(path, PolicyProblem::ConditionNotObject);
        return None;
    };
    let mut conditions = Vec::new();
    let mut all_valid = true;
    for (operator_name, keys) in operators {
        let operator_path = format!("{path}.{}", clip(operator_name));
        let Some(operator) = Operator::from_name(operator_name) else {
            let names: Vec<&str> = Operator::names().collect();
            problems.push(
                &operator_path,
                PolicyProblem::UnknownOperator {
                    operator: operator_name,
                    supported: &names,
                },
            );
            all_valid = false;
            continue;
        };
        match keys {
            Value::Object(keys) if !keys.is_empty() => {
                for (key, values) in keys {
                    match read_condition(
                        operator,
                        key,
                        values,
                        &format!("{operator_path}.{}", clip(key)),
                        problems,
                    ) {
                        Some(condition) => conditions.push(condition),
                        None => all_valid = false,
                    }
                }
            }
            _ => {
                problems.push(&operator_path, PolicyProblem::OperatorWithoutKeys);
                all_valid = false;
            }
        }
    }
    all_valid.then_some(conditions)
}

fn read_condition(
    operator: Operator,
    key: &str,
    values: &Value,
    path: &str,
    problems: &mut Problems,
) -> Option<Condition> {
    let mut valid = true;
    let key_well_formed = key
        .split_once(':')
        .is_some_and(|(prefix, name)| !prefix.is_empty() && !name.is_empty());
    if !key_well_formed {
        problems.push(path, PolicyProblem::MalformedConditionKey { key });
        valid = false;
    }
    let items: Vec<(String, &Value)> = match values {
        Value::Array(items) if items.is_empty() => {
            problems.push(path, PolicyProblem::NoConditionValues);
            return None;
        }
        Value::Array(items) => indexed(path, items),
        single => vec![(path.to_owned(), single)],
    };
    let kind = operator.kind();
    if kind == OperandKind::Bool && items.len() > 1 {
        problems.push(path, PolicyProblem::BoolTakesOne);
        return None;
    }
    let mut texts = Vec::with_capacity(items.len());
    let mut operands = Vec::with_capacity(items.len());
    for (item_path, item) in items {
        let parsed = scalar_text(item).and_then(|text| Operand::parse(kind, &text).map(|operand| (text, operand)));
        match parsed {
            Some((text, operand)) => {
                texts.push(text);
                operands.push(operand);
            }
            None => {
                problems.push(
                    &item_path,
                    PolicyProblem::BadConditionValue {
                        operator: operator.name(),
                        kind,
                        value: item,
                    },
                );
                valid = false;
            }
        }
    }
    valid.then(|| Condition {
        operator,
        key: key.to_owned(),
        values: texts,
        operands,
    })
}

fn missing(element: &str) -> PolicyProblem<'_> {
    PolicyProblem::Missing { element }
}

fn must_be_string(element: &str) -> PolicyProblem<'_> {
    PolicyProblem::NotString { element }
}

/// Each item of a list with its path (`path[index]`).
fn indexed<'a>(path: &str, items: &'a [Value]) -> Vec<(String, &'a Value)> {
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        out.push((format!("{path}[{index}]"), item));
    }
    out
}

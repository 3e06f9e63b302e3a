//! The `Condition` element: operators, typed operands, the request context, and how a
//! condition holds.
//!
//! Semantics (RAM documents the operators, <https://www.alibabacloud.com/help/en/ram/conditional-operator>;
//! where RAM is silent the logic follows AWS IAM's,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html>):
//! - every operator block and every key in it must hold (AND); the values listed for one key
//!   are alternatives (OR);
//! - a negated operator (`StringNotEquals`, `StringNotEqualsIgnoreCase`, `StringNotLike`,
//!   `NumericNotEquals`, `DateNotEquals`, `NotIpAddress`) holds exactly when its positive twin
//!   does not;
//! - a key absent from the context matches no value, so positive operators fail and negated
//!   ones hold (as in AWS). This keeps the usual "Deny unless the request comes from the office
//!   network" (`NotIpAddress`) statement denying when the source address is unknown;
//! - a multi-valued context key matches when any of its values matches any listed value;
//! - a context value that cannot be read as the operator's type (e.g. `"abc"` under
//!   `NumericLessThan`) matches nothing, exactly like an absent key.

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail, Result};
use crate::messages::ram::{context_problem, ContextKind, ContextProblem};
use crate::ram::lowercase::lowercase;
use crate::ram::matcher::PreparedText;
use crate::ram::{MAX_CONTEXT_CHARS, MAX_CONTEXT_VALUES, MAX_MATCH_TEXT_CHARS};
use crate::record::Record;

/// A condition operator, named as in RAM policies (case-sensitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Record)]
pub enum Operator {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    IpAddress,
    NotIpAddress,
}

/// The type an operator reads its values as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperandKind {
    String,
    Numeric,
    Date,
    Bool,
    Ip,
}

const OPERATORS: &[(&str, Operator)] = &[
    ("StringEquals", Operator::StringEquals),
    ("StringNotEquals", Operator::StringNotEquals),
    ("StringEqualsIgnoreCase", Operator::StringEqualsIgnoreCase),
    ("StringNotEqualsIgnoreCase", Operator::StringNotEqualsIgnoreCase),
    ("StringLike", Operator::StringLike),
    ("StringNotLike", Operator::StringNotLike),
    ("NumericEquals", Operator::NumericEquals),
    ("NumericNotEquals", Operator::NumericNotEquals),
    ("NumericLessThan", Operator::NumericLessThan),
    ("NumericLessThanEquals", Operator::NumericLessThanEquals),
    ("NumericGreaterThan", Operator::NumericGreaterThan),
    ("NumericGreaterThanEquals", Operator::NumericGreaterThanEquals),
    ("DateEquals", Operator::DateEquals),
    ("DateNotEquals", Operator::DateNotEquals),
    ("DateLessThan", Operator::DateLessThan),
    ("DateLessThanEquals", Operator::DateLessThanEquals),
    ("DateGreaterThan", Operator::DateGreaterThan),
    ("DateGreaterThanEquals", Operator::DateGreaterThanEquals),
    ("Bool", Operator::Bool),
    ("IpAddress", Operator::IpAddress),
    ("NotIpAddress", Operator::NotIpAddress),
];

impl Operator {
    /// Looks an operator up by its exact (case-sensitive) RAM name.
    pub fn from_name(name: &str) -> Option<Operator> {
        OPERATORS
            .iter()
            .find(|(known, _)| *known == name)
            .map(|&(_, operator)| operator)
    }

    pub fn name(self) -> &'static str {
        OPERATORS
            .iter()
            .find(|&&(_, operator)| operator == self)
            .map_or("", |&(name, _)| name)
    }

    /// Every operator name, for messages.
    pub fn names() -> impl Iterator<Item = &'static str> {
        OPERATORS.iter().map(|&(name, _)| name)
    }

    pub fn kind(self) -> OperandKind {
        use Operator::*;
        match self {
            StringEquals
            | StringNotEquals
            | StringEqualsIgnoreCase
            | StringNotEqualsIgnoreCase
            | StringLike
            | StringNotLike => OperandKind::String,
            NumericEquals
            | NumericNotEquals
            | NumericLessThan
            | NumericLessThanEquals
            | NumericGreaterThan
            | NumericGreaterThanEquals => OperandKind::Numeric,
            DateEquals
            | DateNotEquals
            | DateLessThan
            | DateLessThanEquals
            | DateGreaterThan
            | DateGreaterThanEquals => OperandKind::Date,
            Bool => OperandKind::Bool,
            IpAddress | NotIpAddress => OperandKind::Ip,
        }
    }

    /// Negated operators hold exactly when this positive twin does not.
    fn positive(self) -> (Operator, bool) {
        use Operator::*;
        match self {
            StringNotEquals => (StringEquals, true),
            StringNotEqualsIgnoreCase => (StringEqualsIgnoreCase, true),
            StringNotLike => (StringLike, true),
            NumericNotEquals => (NumericEquals, true),
            DateNotEquals => (DateEquals, true),
            NotIpAddress => (IpAddress, true),
            other => (other, false),
        }
    }
}

impl Serialize for Operator {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Operator {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Operator::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown condition operator {:?}", clip(&name))))
    }
}

/// A policy value already read as its operator's type, so evaluation never re-parses it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand {
    /// The value, and its lowercase form for the `IgnoreCase` operators.
    Text(String, String),
    Number(f64),
    Date(i64),
    Bool(bool),
    Network(IpNetwork),
}

impl Operand {
    /// Reads one policy value; `None` when it is not of the operator's type.
    pub(crate) fn parse(kind: OperandKind, text: &str) -> Option<Operand> {
        match kind {
            OperandKind::String => Some(Operand::Text(text.to_owned(), lowercase(text))),
            OperandKind::Numeric => parse_number(text).map(Operand::Number),
            OperandKind::Date => crate::time::parse_utc(text).map(Operand::Date),
            OperandKind::Bool => parse_bool(text).map(Operand::Bool),
            OperandKind::Ip => IpNetwork::parse(text).map(Operand::Network),
        }
    }
}

/// An address with a prefix length; a bare address is a /32 (or /128) network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IpNetwork {
    address: IpAddr,
    prefix: u32,
}

impl IpNetwork {
    fn parse(text: &str) -> Option<IpNetwork> {
        let (address_text, prefix_text) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let address: IpAddr = super::ip::parse_ip(address_text)?;
        let max_prefix = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix_text {
            // `u32::from_str` accepts a leading `+`; CIDR notation does not.
            Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                digits.parse::<u32>().ok().filter(|&p| p <= max_prefix)?
            }
            Some(_) => return None,
            None => max_prefix,
        };
        Some(IpNetwork { address, prefix })
    }

    fn contains(&self, candidate: IpAddr) -> bool {
        // A v4-mapped IPv6 source (`::ffff:10.0.0.1`) is the same client as `10.0.0.1`.
        let candidate = match candidate {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(candidate, IpAddr::V4),
            v4 => v4,
        };
        match (self.address, candidate) {
            (IpAddr::V4(network), IpAddr::V4(address)) => {
                let mask = 32u32
                    .checked_sub(self.prefix)
                    .and_then(|host_bits| u32::MAX.checked_shl(host_bits))
                    .unwrap_or(0);
                u32::from(network) & mask == u32::from(address) & mask
            }
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                let mask = 128u32
                    .checked_sub(self.prefix)
                    .and_then(|host_bits| u128::MAX.checked_shl(host_bits))
                    .unwrap_or(0);
                u128::from(network) & mask == u128::from(address) & mask
            }
            _ => false,
        }
    }
}

fn parse_number(text: &str) -> Option<f64> {
    // `f64::from_str` also takes "NaN", "inf" and "infinity", which are not numbers here.
    crate::decimal::parse_f64(text.trim())
}

/// Policies write booleans as `"true"`/`"false"` (predefined values are case-sensitive).
fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// One key under one operator, e.g. `"IpAddress": {"acs:SourceIp": ["10.0.0.0/8"]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Record)]
pub struct Condition {
    pub operator: Operator,
    /// The key as written; matched against the context case-insensitively.
    pub key: String,
    /// The listed values as text (JSON numbers and booleans are written as their JSON text).
    pub values: Vec<String>,
    #[serde(skip)]
    pub(crate) operands: Vec<Operand>,
}

/// Read back from its serialized form (`{operator, key, values}`), the operands parsed again as
/// the policy reader parses them; a value the operator cannot read is refused.
impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Shape {
            operator: Operator,
            key: String,
            values: Vec<String>,
        }
        let shape = Shape::deserialize(deserializer)?;
        let kind = shape.operator.kind();
        let operands = shape
            .values
            .iter()
            .map(|text| {
                Operand::parse(kind, text).ok_or_else(|| {
                    serde::de::Error::custom(format!("{:?} is not a {} value", clip(text), shape.operator.name()))
                })
            })
            .collect::<std::result::Result<Vec<_>, D::Error>>()?;
        Ok(Condition {
            operator: shape.operator,
            key: shape.key,
            values: shape.values,
            operands,
        })
    }
}

impl Condition {
    /// Whether the condition holds for this context (see the module docs for the rules).
    ///
    /// Each context value was read once, when the context was made, as every type an operator
    /// can ask for, so a condition with many values against a key with several costs one
    /// comparison per pair, and a `StringLike` pattern one matcher run per value.
    pub fn holds(&self, context: &Context) -> bool {
        let (positive, negated) = self.operator.positive();
        let facts = context.facts(&self.key);
        crate::work::add(1 + facts.len() * self.operands.len());
        let any_match = facts.iter().any(|actual| {
            self.operands
                .iter()
                .any(|operand| operand_matches(positive, actual, operand))
        });
        any_match != negated
    }
}

fn operand_matches(operator: Operator, actual: &Facts, operand: &Operand) -> bool {
    use Operator::*;
    match (operator, operand) {
        (StringEquals, Operand::Text(wanted, _)) => actual.text == *wanted,
        (StringEqualsIgnoreCase, Operand::Text(_, wanted)) => actual.lowered == *wanted,
        (StringLike, Operand::Text(pattern, _)) => actual.prepared.matches(pattern),
        (
            NumericEquals | NumericLessThan | NumericLessThanEquals | NumericGreaterThan | NumericGreaterThanEquals,
            Operand::Number(wanted),
        ) => actual.number.is_some_and(|n| compare(operator, n.partial_cmp(wanted))),
        (
            DateEquals | DateLessThan | DateLessThanEquals | DateGreaterThan | DateGreaterThanEquals,
            Operand::Date(wanted),
        ) => actual.date.is_some_and(|t| compare(operator, Some(t.cmp(wanted)))),
        (Bool, Operand::Bool(wanted)) => actual.flag == Some(*wanted),
        (IpAddress, Operand::Network(network)) => actual.address.is_some_and(|ip| network.contains(ip)),
        _ => false,
    }
}

/// `ordering` is actual compared with wanted.
fn compare(operator: Operator, ordering: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::*;
    use Operator::*;
    match (operator, ordering) {
        (_, None) => false,
        (NumericEquals | DateEquals, Some(o)) => o == Equal,
        (NumericLessThan | DateLessThan, Some(o)) => o == Less,
        (NumericLessThanEquals | DateLessThanEquals, Some(o)) => o != Greater,
        (NumericGreaterThan | DateGreaterThan, Some(o)) => o == Greater,
        (NumericGreaterThanEquals | DateGreaterThanEquals, Some(o)) => o != Less,
        _ => false,
    }
}

/// Facts about the request that conditions test: `acs:SourceIp`, `acs:CurrentTime`,
/// `acs:SecureTransport`, `acs:SourceVpc`, `acs:MFAPresent`, `acs:ResourceTag/<k>`,
/// `acs:RequestTag/<k>`, or any service key. Keys are case-insensitive.
///
/// opgate never reads a clock (wasm has none), so `acs:CurrentTime` is whatever the caller
/// supplies; without it, date conditions on it do not match.
#[derive(Clone, Default)]
pub struct Context {
    /// Lowercased key → the values, each already read as every operand type; sorted by key.
    /// (A sorted list rather than a `BTreeMap`: a context holds at most 32 values, and the
    /// WebAssembly build then needs no B-tree code for it.)
    entries: Vec<(String, Vec<Facts>)>,
}

/// One context value as text, and as each type an operator may compare it as (`None` where it
/// is not of that type, which then matches nothing).
#[derive(Clone)]
struct Facts {
    text: String,
    lowered: String,
    prepared: PreparedText,
    number: Option<f64>,
    date: Option<i64>,
    flag: Option<bool>,
    address: Option<IpAddr>,
}

impl Facts {
    fn read_all(texts: Vec<String>) -> Vec<Facts> {
        let mut all = Vec::with_capacity(texts.len());
        for text in texts {
            all.push(Facts::read(text));
        }
        all
    }

    fn read(text: String) -> Facts {
        Facts {
            lowered: lowercase(&text),
            prepared: PreparedText::new(&text),
            number: parse_number(&text),
            date: crate::time::parse_utc(&text),
            flag: parse_bool(&text),
            address: super::ip::parse_ip(&text),
            text,
        }
    }
}

impl PartialEq for Context {
    fn eq(&self, other: &Context) -> bool {
        self.entries.len() == other.entries.len()
            && self
                .entries
                .iter()
                .zip(&other.entries)
                .all(|((key, facts), (other_key, other_facts))| {
                    key == other_key && facts.iter().map(|f| &f.text).eq(other_facts.iter().map(|f| &f.text))
                })
    }
}

impl Eq for Context {}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(
                self.entries
                    .iter()
                    .map(|(key, facts)| (key, facts.iter().map(|f| &f.text).collect::<Vec<_>>())),
            )
            .finish()
    }
}

impl Context {
    pub fn new() -> Context {
        Context::default()
    }

    /// Adds (or replaces) a key. Values are not checked here; [`Context::from_json`] checks them
    /// and enforces the size limits.
    pub fn insert(&mut self, key: &str, values: Vec<String>) {
        self.put(lowercase(key), Facts::read_all(values));
    }

    /// Sets `key` (lowercased) to `facts`, keeping the entries sorted.
    fn put(&mut self, key: String, facts: Vec<Facts>) {
        match self.entries.binary_search_by(|(known, _)| known.as_str().cmp(&key)) {
            Ok(at) => {
                if let Some(entry) = self.entries.get_mut(at) {
                    entry.1 = facts;
                }
            }
            Err(at) => self.entries.insert(at, (key, facts)),
        }
    }

    fn get(&self, key: &str) -> Option<&[Facts]> {
        let at = self
            .entries
            .binary_search_by(|(known, _)| known.as_str().cmp(key))
            .ok()?;
        self.entries.get(at).map(|(_, facts)| facts.as_slice())
    }

    /// The values for a key; empty when absent.
    pub fn values(&self, key: &str) -> Vec<&str> {
        self.facts(key).iter().map(|facts| facts.text.as_str()).collect()
    }

    fn facts(&self, key: &str) -> &[Facts] {
        self.get(&lowercase(key)).unwrap_or_default()
    }

    /// Reads a context object: each key maps to a string, number, boolean or an array of those;
    /// `null` means the key is absent. Well-known keys are checked: `acs:SourceIp` must be an IP
    /// address, `acs:CurrentTime` an ISO 8601 UTC time, `acs:SecureTransport` and
    /// `acs:MFAPresent` booleans (or `"true"`/`"false"`). Problems are `Error::Input` with
    /// code `InvalidParameter.Context` and a path such as `context.acs:SourceIp`.
    pub fn from_json(context: &Value) -> Result<Context> {
        let object = match context {
            Value::Object(object) => object,
            Value::Null => return Ok(Context::new()),
            _ => return Err(context_error("context".to_owned(), ContextProblem::NotAnObject)),
        };
        let mut parsed = Context::new();
        let mut budget = ContextBudget::default();
        for (key, value) in object {
            if value.is_null() {
                continue;
            }
            let path = format!("context.{}", clip(key));
            budget.admit(key, value, &path)?;
            let lowered = lowercase(key);
            if parsed.get(&lowered).is_some() {
                return Err(context_error(path, ContextProblem::RepeatedKey { key }));
            }
            let values = match context_values(value) {
                Some(values) => values,
                None => return Err(context_error(path, ContextProblem::NotAValue)),
            };
            if let Some(problem) = check_well_known(&lowered, &values) {
                return Err(context_error(path, problem));
            }
            parsed.put(lowered, Facts::read_all(values));
        }
        Ok(parsed)
    }
}

/// What a context may hold, counted while it is read: every value is compared with every
/// listed value of its key, so the context's size multiplies the cost of the policies.
#[derive(Default)]
struct ContextBudget {
    values: usize,
    chars: usize,
}

impl ContextBudget {
    /// Counts a key and its value(s); refuses before the value is read when the context grows
    /// past a limit.
    fn admit(&mut self, key: &str, value: &Value, path: &str) -> Result<()> {
        let items: &[Value] = match value {
            Value::Array(items) => items,
            single => std::slice::from_ref(single),
        };
        self.values = self.values.saturating_add(items.len());
        if self.values > MAX_CONTEXT_VALUES {
            return Err(context_error(
                path.to_owned(),
                ContextProblem::TooManyValues {
                    max: MAX_CONTEXT_VALUES,
                },
            ));
        }
        self.chars = self.chars.saturating_add(bounded_chars(key, MAX_CONTEXT_CHARS));
        for (index, item) in items.iter().enumerate() {
            let length = match item {
                Value::String(text) => bounded_chars(text, MAX_CONTEXT_CHARS),
                // Refused as a value just after; never rendered (it may be deeply nested).
                Value::Array(_) | Value::Object(_) => 0,
                scalar => crate::json::write(scalar).len(),
            };
            if length > MAX_MATCH_TEXT_CHARS {
                let field = if matches!(value, Value::Array(_)) {
                    format!("{path}[{index}]")
                } else {
                    path.to_owned()
                };
                return Err(context_error(
                    field,
                    ContextProblem::ValueTooLong {
                        max: MAX_MATCH_TEXT_CHARS,
                    },
                ));
            }
            self.chars = self.chars.saturating_add(length);
        }
        if self.chars > MAX_CONTEXT_CHARS {
            return Err(context_error(
                path.to_owned(),
                ContextProblem::TooManyChars { max: MAX_CONTEXT_CHARS },
            ));
        }
        Ok(())
    }
}

/// The length of `text` in characters, counted no further than one past `limit`.
pub(crate) fn bounded_chars(text: &str, limit: usize) -> usize {
    text.chars().take(limit.saturating_add(1)).count()
}

/// The scalars of a JSON value as text, or `None` for objects and nested arrays.
pub(crate) fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn context_values(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Array(items) => {
            let mut texts = Vec::with_capacity(items.len());
            for item in items {
                texts.push(scalar_text(item)?);
            }
            Some(texts)
        }
        scalar => scalar_text(scalar).map(|text| vec![text]),
    }
}

fn check_well_known<'a>(lowered_key: &str, values: &'a [String]) -> Option<ContextProblem<'a>> {
    let (is_valid, kind): (fn(&str) -> bool, ContextKind) = match lowered_key {
        "acs:sourceip" => (|v| super::ip::parse_ip(v).is_some(), ContextKind::IpAddress),
        "acs:currenttime" => (|v| crate::time::parse_utc(v).is_some(), ContextKind::UtcTime),
        "acs:securetransport" | "acs:mfapresent" => (|v| parse_bool(v).is_some(), ContextKind::Boolean),
        _ => return None,
    };
    values
        .iter()
        .find(|value| !is_valid(value))
        .map(|value| ContextProblem::WrongKind { value, kind })
}

fn context_error(field: String, problem: ContextProblem<'_>) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterContext,
        context_problem(&problem),
        Some(field),
    ))
}

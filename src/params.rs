//! Parameter validation: one engine for every operation, driven by `OperationSpec::params`
//! and `OperationSpec::rules`. Every violation is reported, each with a field path.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalog::operation;
use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail, Result};
use crate::lang::Lang;
use crate::messages::{self, IntBoundProblem, Violation};
use crate::record::Record;
use crate::spec::{CrossRule, MethodGroup, OperationSpec, ParamKind, ParamSpec, Provider, Uniqueness};

/// Beyond this many violations the rest are summarised, so hostile input cannot produce a
/// megabyte of errors.
pub const MAX_VIOLATIONS: usize = 100;

/// Caller options shared by every call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub lang: Lang,
    /// Unix seconds; needed only for checks against expiry times. The core never reads a clock
    /// itself (there is none on wasm32), so the bindings pass the current time.
    pub now: Option<i64>,
    /// Narrower integer bounds than the spec's, by parameter path (`Period`,
    /// `ResourcePeriod.Period`). The provider does not document Period ranges, so a caller who
    /// knows its commodity's limits can enforce them.
    pub int_bounds: Vec<IntBound>,
}

/// A narrower integer range for one parameter path the provider leaves open (`Period`,
/// `ResourcePeriod.Period`), e.g. `{"path": "Period", "min": 1, "max": 36}`.
#[derive(Debug, Clone, PartialEq, Eq, Record)]
#[record(input)]
pub struct IntBound {
    /// The parameter path, nested fields joined with `.`.
    pub path: String,
    /// The smallest value allowed; left out or null: no lower bound.
    #[record(ty = Option<i64>, optional)]
    pub min: i64,
    /// The largest value allowed; left out or null: no upper bound.
    #[record(ty = Option<i64>, optional)]
    pub max: i64,
}

impl IntBound {
    /// Reads bounds as the bindings receive them: `[{"path": "Period", "min": 1, "max": 36}]`,
    /// `min`/`max` defaulting to no bound, null meaning none. `argument` names the option in
    /// errors as the caller spells it (`int_bounds` in Python, `intBounds` in JS).
    pub fn list_from_json(value: &Value, argument: &str) -> Result<Vec<IntBound>> {
        let problem = |field: String, problem: IntBoundProblem| {
            Error::Input(ErrorDetail::client(
                ClientCode::InvalidParameterIntBounds,
                messages::int_bound_problem(&field, problem),
                Some(field),
            ))
        };
        let items = match value {
            Value::Null => return Ok(Vec::new()),
            Value::Array(items) => items,
            _ => return Err(problem(argument.to_owned(), IntBoundProblem::NotAList)),
        };
        crate::lists::read_items(items, |index, item| {
            let field = format!("{argument}[{index}]");
            let path = item
                .get("path")
                .and_then(Value::as_str)
                .ok_or_else(|| problem(field.clone(), IntBoundProblem::NoPath))?;
            let bound = |name: &str, unbounded: i64| match item.get(name) {
                None | Some(Value::Null) => Ok(unbounded),
                Some(value) => as_integer(value).ok_or_else(|| problem(field.clone(), IntBoundProblem::NotAnInteger)),
            };
            Ok(IntBound {
                path: path.to_owned(),
                min: bound("min", i64::MIN)?,
                max: bound("max", i64::MAX)?,
            })
        })
    }
}

/// Parameters that passed validation, type-normalised, and the provider's defaults.
#[derive(Debug, Clone, Serialize, Deserialize, Record)]
pub struct Validated {
    /// The operation id.
    #[serde(
        serialize_with = "crate::catalog::serialize_spec_id",
        deserialize_with = "crate::catalog::deserialize_spec"
    )]
    #[record(ty = crate::record::OperationId)]
    pub operation: &'static OperationSpec,
    /// What the caller gave, type-normalised, in the SDK's serialisation order.
    pub params: Map<String, Value>,
    /// Values the provider assumes for parameters left out; not sent on the wire.
    pub defaults: Map<String, Value>,
}

impl PartialEq for Validated {
    fn eq(&self, other: &Self) -> bool {
        self.operation.id == other.operation.id && self.params == other.params && self.defaults == other.defaults
    }
}

impl Validated {
    /// A parameter as the provider will see it: given, or defaulted.
    pub fn effective(&self, name: &str) -> Option<&Value> {
        self.params.get(name).or_else(|| self.defaults.get(name))
    }
}

pub fn validate(op_id: &str, params: &Value, options: &Options) -> Result<Validated> {
    let spec = operation(op_id)?;
    validate_spec(spec, params, options)
}

pub fn validate_spec(spec: &'static OperationSpec, params: &Value, options: &Options) -> Result<Validated> {
    validate_with(spec, params, options, true)
}

/// [`validate_spec`] for a request about to be built: the same checks and errors, with
/// `defaults` left empty. A request leaves the defaults out, and filling the map is a third of
/// the validation before every `build` (a key and a map entry per default).
pub(crate) fn validate_for_request(
    spec: &'static OperationSpec,
    params: &Value,
    options: &Options,
) -> Result<Validated> {
    validate_with(spec, params, options, false)
}

fn validate_with(
    spec: &'static OperationSpec,
    params: &Value,
    options: &Options,
    with_defaults: bool,
) -> Result<Validated> {
    let mut checker = Checker {
        provider: spec.provider,
        options,
        with_defaults,
        violations: Vec::new(),
        overflow: 0,
    };
    let Some(given) = params.as_object() else {
        checker.report(ErrorDetail::client(
            ClientCode::invalid(checker.provider),
            messages::parameters_not_object(json_type(params)),
            Some("params".to_owned()),
        ));
        return Err(checker.into_error());
    };
    let (checked, mut defaults) = checker.check_fields(spec.params, given, "", "");
    for rule in spec.rules {
        checker.check_rule(rule, given);
        drop_unused_method_defaults(rule, given, &mut defaults);
    }
    if checker.violations.is_empty() {
        Ok(Validated {
            operation: spec,
            params: checked,
            defaults,
        })
    } else {
        Err(checker.into_error())
    }
}

struct Checker<'a> {
    provider: Provider,
    options: &'a Options,
    /// Whether `check_fields` collects the defaults of the fields left out.
    with_defaults: bool,
    violations: Vec<ErrorDetail>,
    overflow: usize,
}

impl Checker<'_> {
    fn report(&mut self, detail: ErrorDetail) {
        if self.violations.len() < MAX_VIOLATIONS {
            self.violations.push(detail);
        } else {
            self.overflow += 1;
        }
    }

    fn into_error(mut self) -> Error {
        if self.overflow > 0 {
            let code = ClientCode::invalid(self.provider);
            self.violations.push(ErrorDetail::client(
                code,
                messages::unlisted_violations(self.overflow),
                None,
            ));
        }
        Error::Validation(self.violations)
    }

    fn missing(&mut self, field: &str) {
        self.report(ErrorDetail::client(
            ClientCode::missing(self.provider),
            messages::missing_parameter(field),
            Some(field.to_owned()),
        ));
    }

    /// Reports `violation` of the parameter at `field`; `None`, as the value has no normalised form.
    fn invalid(&mut self, spec_path: &str, field: &str, violation: Violation<'_>) -> Option<Value> {
        let code = ClientCode::invalid_parameter(self.provider);
        self.report(ErrorDetail::client_named(
            code,
            spec_path,
            messages::violation(field, &violation),
            Some(field.to_owned()),
        ));
        None
    }

    /// Checks an object's fields against `specs`; returns the normalised values and the defaults.
    fn check_fields(
        &mut self,
        specs: &'static [ParamSpec],
        given: &Map<String, Value>,
        field_prefix: &str,
        spec_prefix: &str,
    ) -> (Map<String, Value>, Map<String, Value>) {
        let mut checked = Map::new();
        let mut defaults = Map::new();
        crate::work::add(given.len() + specs.len());
        for (name, _) in given
            .iter()
            .filter(|(name, value)| !value.is_null() && !specs.iter().any(|p| p.name == name.as_str()))
        {
            let field = join_field(field_prefix, &clip(name)).into_owned();
            let known: Vec<&str> = crate::lists::map_items(specs, |p| p.name);
            let code = ClientCode::invalid(self.provider);
            self.report(ErrorDetail::client(
                code,
                messages::unknown_parameter(name, &known),
                Some(field),
            ));
        }
        for param in specs {
            let field = join_field(field_prefix, param.name);
            let spec_path = join_field(spec_prefix, param.name);
            match small_map_get(given, param.name).filter(|v| !v.is_null()) {
                Some(value) => {
                    if let Some(normalised) = self.check_value(&param.kind, value, &field, &spec_path) {
                        checked.insert(param.name.to_owned(), normalised);
                    }
                }
                None if param.required => self.missing(&field),
                None if !self.with_defaults => {}
                None => {
                    if let Some(default) = default_of(&param.kind) {
                        defaults.insert(param.name.to_owned(), default);
                    }
                }
            }
        }
        (checked, defaults)
    }

    fn check_value(&mut self, kind: &'static ParamKind, value: &Value, field: &str, spec_path: &str) -> Option<Value> {
        match kind {
            ParamKind::Bool { .. } => match value {
                Value::Bool(_) => Some(value.clone()),
                other => self.invalid(spec_path, field, Violation::NotBoolean { got: json_type(other) }),
            },
            ParamKind::Int { min, max } => {
                let Some(number) = as_integer(value) else {
                    return self.invalid(
                        spec_path,
                        field,
                        Violation::NotInteger {
                            got: &describe_value(value),
                        },
                    );
                };
                let (low, high) = self.bounds(spec_path, *min, *max);
                if (low..=high).contains(&number) {
                    Some(Value::from(number))
                } else {
                    self.invalid(spec_path, field, Violation::OutOfRange { low, high, got: number })
                }
            }
            ParamKind::Enum { values, .. } => match value.as_str() {
                Some(text) if values.contains(&text) => Some(value.clone()),
                _ => self.invalid(
                    spec_path,
                    field,
                    Violation::NotOneOf {
                        allowed: values,
                        got: &describe_value(value),
                    },
                ),
            },
            ParamKind::Str { format } => match value.as_str() {
                Some(text) if format.accepts(text) => Some(value.clone()),
                _ => self.invalid(
                    spec_path,
                    field,
                    Violation::NotFormat {
                        expected: &format.describe(),
                        got: &describe_value(value),
                    },
                ),
            },
            ParamKind::List { item, min, max, unique } => {
                let Some(items) = value.as_array() else {
                    return self.invalid(spec_path, field, Violation::NotList { got: json_type(value) });
                };
                if !(*min..=*max).contains(&items.len()) {
                    let violation = Violation::ListLength {
                        min: *min,
                        max: *max,
                        got: items.len(),
                    };
                    return self.invalid(spec_path, field, violation);
                }
                let mut checked = Vec::with_capacity(items.len());
                // First index of each uniqueness key seen so far, sorted by key: one binary
                // search per item instead of a scan of the earlier items. (Lists hold at most
                // a few hundred items; a sorted list keeps B-tree code out of the wasm build.)
                let mut first_seen: Vec<(String, usize)> = Vec::new();
                crate::work::add(items.len());
                for (index, element) in items.iter().enumerate() {
                    let element_field = format!("{field}[{index}]");
                    let repeated = uniqueness_key(*unique, element).and_then(|key| {
                        match first_seen.binary_search_by(|(seen, _)| seen.as_str().cmp(&key)) {
                            Ok(at) => first_seen.get(at).map(|(_, first)| *first),
                            Err(at) => {
                                first_seen.insert(at, (key, index));
                                None
                            }
                        }
                    });
                    if let Some(first) = repeated {
                        self.invalid(spec_path, &element_field, Violation::Repeats { list: field, first });
                        continue;
                    }
                    if let Some(normalised) = self.check_value(item, element, &element_field, spec_path) {
                        checked.push(normalised);
                    }
                }
                Some(Value::Array(checked))
            }
            ParamKind::Object { fields } => {
                let Some(given) = value.as_object() else {
                    return self.invalid(spec_path, field, Violation::NotObject { got: json_type(value) });
                };
                // Nested defaults stay implicit, as the SDKs leave unset item fields out.
                let (checked, _implicit_defaults) = self.check_fields(fields, given, field, spec_path);
                Some(Value::Object(reorder(fields, checked)))
            }
        }
    }

    fn bounds(&self, spec_path: &str, min: i64, max: i64) -> (i64, i64) {
        self.options
            .int_bounds
            .iter()
            .filter(|b| b.path == spec_path)
            .fold((min, max), |(low, high), b| (low.max(b.min), high.min(b.max)))
    }

    fn check_rule(&mut self, rule: &CrossRule, given: &Map<String, Value>) {
        let present = |name: &str| given.get(name).is_some_and(|v| !v.is_null());
        match rule {
            CrossRule::OneMethod { groups } => {
                let mut used = Vec::new();
                for group in groups.iter().filter(|g| g.members.iter().any(|m| present(m))) {
                    used.push(group);
                }
                match used.as_slice() {
                    [] => {
                        if let Some(first) = groups.first() {
                            self.missing(first.anchor);
                        }
                    }
                    [only] => {
                        if !present(only.anchor) {
                            self.missing(only.anchor);
                        }
                    }
                    [first, second, ..] => {
                        let mut first_names = String::new();
                        for name in first.members.iter().filter(|m| present(m)) {
                            if !first_names.is_empty() {
                                first_names.push('/');
                            }
                            first_names.push_str(name);
                        }
                        let second_field = second
                            .members
                            .iter()
                            .find(|m| present(m))
                            .copied()
                            .unwrap_or(second.anchor);
                        self.invalid(
                            second_field,
                            second_field,
                            Violation::MethodsCombined { others: &first_names },
                        );
                    }
                }
            }
        }
    }
}

/// A default belongs to its method: `PeriodUnit` means nothing when `ResourcePeriod` is used.
fn drop_unused_method_defaults(rule: &CrossRule, given: &Map<String, Value>, defaults: &mut Map<String, Value>) {
    let CrossRule::OneMethod { groups } = rule;
    let used = |group: &MethodGroup| {
        group
            .members
            .iter()
            .any(|m| given.get(*m).is_some_and(|v| !v.is_null()))
    };
    if let Some(chosen) = groups.iter().find(|g| used(g)) {
        for member in groups
            .iter()
            .filter(|g| !std::ptr::eq(*g, chosen))
            .flat_map(|g| g.members)
        {
            defaults.remove(*member);
        }
    }
}

/// What makes two list items repeats under `rule`, as text; `None` when the item cannot repeat:
/// no rule, the keyed field absent or null, or a container, which the item's own check refuses
/// anyway (and which a comparison would have to recurse into).
fn uniqueness_key(rule: Uniqueness, element: &Value) -> Option<String> {
    let key = match rule {
        Uniqueness::Any => return None,
        Uniqueness::Items => element,
        Uniqueness::Field(name) => element.get(name).filter(|key| !key.is_null())?,
    };
    match key {
        Value::Array(_) | Value::Object(_) => None,
        // serde_json's text keeps `1` and `1.0` apart, as `==` on values does.
        scalar => Some(crate::json::write(scalar)),
    }
}

fn reorder(fields: &'static [ParamSpec], mut values: Map<String, Value>) -> Map<String, Value> {
    fields
        .iter()
        .filter_map(|p| values.remove(p.name).map(|v| (p.name.to_owned(), v)))
        .collect()
}

/// `value.get(name)` for a JSON object, by [`small_map_get`]: the pre-check guards read a few
/// fields of each Describe item this way.
pub(crate) fn object_field<'a>(value: &'a Value, name: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => small_map_get(map, name),
        _ => None,
    }
}

/// `map.get(name)`, by a scan of the keys when there are a handful: parameters are a few
/// fields, and a scan costs less than hashing the name (the map hashes with SipHash), which
/// validation before every build would do once per spec field.
fn small_map_get<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    const SCANNED: usize = 8;
    if map.len() <= SCANNED {
        map.iter().find(|(key, _)| key.as_str() == name).map(|(_, value)| value)
    } else {
        map.get(name)
    }
}

fn default_of(kind: &ParamKind) -> Option<Value> {
    match kind {
        ParamKind::Bool { default: Some(value) } => Some(Value::Bool(*value)),
        ParamKind::Enum {
            default: Some(value), ..
        } => Some(Value::from(*value)),
        _ => None,
    }
}

/// Borrowed at the top level, which is nearly every field: validation runs before every build.
fn join_field<'a>(prefix: &str, name: &'a str) -> std::borrow::Cow<'a, str> {
    if prefix.is_empty() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(format!("{prefix}.{name}"))
    }
}

/// JSON has one number type and JavaScript cannot tell 1 from 1.0, so a float with no fraction
/// counts as an integer.
fn as_integer(value: &Value) -> Option<i64> {
    let number = value.as_number()?;
    if let Some(int) = number.as_i64() {
        return Some(int);
    }
    let float = number.as_f64()?;
    const LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53: beyond it floats are not exact integers.
    (float.fract() == 0.0 && float.abs() <= LIMIT).then_some(float as i64)
}

pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// A short rendering of a bad value for messages: scalars are shown (clipped), containers named.
pub(crate) fn describe_value(value: &Value) -> String {
    match value {
        Value::String(text) => format!("\"{}\"", clip(text)),
        Value::Number(number) => clip(&number.to_string()),
        Value::Bool(flag) => flag.to_string(),
        other => json_type(other).to_owned(),
    }
}

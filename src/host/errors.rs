//! The error for every way a host value can be wrong: code, HTTP 400, en/zh message and the
//! field path as the caller spells it. Bindings never word these; they only report a
//! [`Problem`] or a [`Kind`].

use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail};
use crate::host::limits::{MAX_BYTES, MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES};
use crate::host::value::{HostKind, Kind, Problem};
use crate::lang::Text;
use crate::text;

/// One step of the path to a bad value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    Key(String),
    Index(usize),
}

/// What an argument must be, for the "expected … got …" errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Map,
    List,
    Integer,
    /// A policy document: an object, or its JSON text.
    MapOrString,
    /// A response body.
    StringOrBytes,
}

/// Why a host value was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Value(Problem),
    TooDeep,
    TooManyNodes,
    TooManyBytes,
    ListTooLong(usize),
    Expected { expected: Expected, got: Got },
}

/// The kind of value that was found instead, without its content (which may be a secret).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Got {
    Null,
    Bool,
    Number,
    String,
    Bytes,
    List,
    Map,
}

impl Got {
    pub fn of(kind: &Kind<'_>) -> Got {
        match kind {
            Kind::Null => Got::Null,
            Kind::Bool(_) => Got::Bool,
            Kind::Int(_) | Kind::UInt(_) | Kind::Float(_) => Got::Number,
            Kind::Str(_) => Got::String,
            Kind::Bytes(_) => Got::Bytes,
            Kind::List => Got::List,
            Kind::Map => Got::Map,
        }
    }
}

/// A refused host value and where it sits. The path is collected while the error unwinds
/// (innermost step first), so the happy path allocates nothing for it.
#[derive(Debug, Clone, PartialEq)]
pub struct HostError {
    pub failure: Failure,
    steps: Vec<PathStep>,
}

impl From<Failure> for HostError {
    fn from(failure: Failure) -> Self {
        HostError {
            failure,
            steps: Vec::new(),
        }
    }
}

impl From<Problem> for HostError {
    fn from(problem: Problem) -> Self {
        Failure::Value(problem).into()
    }
}

/// An argument of a public call: how each host spells it, and the code its errors carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arg {
    pub snake: &'static str,
    pub camel: &'static str,
    pub code: ClientCode,
    /// Request parameters are named bare (`ResourcePeriod[0].Period`), as validation names them.
    pub bare_paths: bool,
}

impl Arg {
    pub const fn new(snake: &'static str, camel: &'static str, code: ClientCode) -> Arg {
        Arg {
            snake,
            camel,
            code,
            bare_paths: false,
        }
    }

    pub fn name(&self, host: HostKind) -> &'static str {
        match host {
            HostKind::JavaScript => self.camel,
            HostKind::Json | HostKind::Python => self.snake,
        }
    }
}

impl HostError {
    /// The same problem, one container further out.
    pub fn at(mut self, step: PathStep) -> Self {
        self.steps.push(step);
        self
    }

    pub fn at_key(self, key: &str) -> Self {
        self.at(PathStep::Key(clip(key)))
    }

    pub fn at_index(self, index: usize) -> Self {
        self.at(PathStep::Index(index))
    }

    /// The field path under `arg`, as the caller spells it.
    pub fn field(&self, arg: &Arg, host: HostKind) -> String {
        let mut field = if arg.bare_paths {
            String::new()
        } else {
            arg.name(host).to_owned()
        };
        for step in self.steps.iter().rev() {
            match step {
                PathStep::Key(key) => {
                    if !field.is_empty() {
                        field.push('.');
                    }
                    field.push_str(key);
                }
                PathStep::Index(index) => {
                    field.push('[');
                    field.push_str(&index.to_string());
                    field.push(']');
                }
            }
        }
        if field.is_empty() {
            arg.name(host).clone_into(&mut field);
        }
        field
    }

    /// The error a caller sees: `Error::Input` with the argument's code, HTTP 400 and the path.
    pub fn into_error(self, arg: &Arg, host: HostKind) -> Error {
        let field = self.field(arg, host);
        let message = message(&self.failure, &field, host);
        Error::Input(ErrorDetail::client(arg.code, message, Some(field)))
    }
}

/// A result that could not be handed to the host (a serializer failed): an internal error, 500.
pub fn unconvertible_result(reason: &str) -> Error {
    let shown = clip(reason);
    Error::Input(ErrorDetail::client(
        ClientCode::InternalError,
        text!(
            format!("The result could not be converted for the host: {shown}."),
            format!("结果无法转换为宿主语言的值：{shown}。")
        ),
        None,
    ))
}

fn message(failure: &Failure, field: &str, host: HostKind) -> Text {
    match failure {
        Failure::Value(Problem::UnsupportedType(kind)) => {
            let (allowed_en, allowed_zh) = allowed_types(host);
            let kind = clip(kind);
            text!(
                format!("The value at \"{field}\" has the unsupported type {kind}; use {allowed_en}."),
                format!("\"{field}\" 处的值类型 {kind} 不受支持；请使用{allowed_zh}。")
            )
        }
        Failure::Value(Problem::NotFinite(value)) => {
            let value = non_finite(*value);
            text!(
                format!("The number at \"{field}\" is not finite; got {value}."),
                format!("\"{field}\" 处的数字不是有限值，实际为 {value}。")
            )
        }
        Failure::Value(Problem::IntegerOutOfRange) => text!(
            format!("The integer at \"{field}\" is outside the 64-bit range."),
            format!("\"{field}\" 处的整数超出 64 位范围。")
        ),
        Failure::Value(Problem::InvalidUnicode) => text!(
            format!("The string at \"{field}\" is not valid Unicode (it holds a lone surrogate)."),
            format!("\"{field}\" 处的字符串不是有效的 Unicode（含有孤立的代理字符）。")
        ),
        Failure::Value(Problem::NonStringKey(kind)) => {
            let kind = clip(kind);
            text!(
                format!("The object at \"{field}\" has a key of type {kind}; keys must be strings."),
                format!("\"{field}\" 处的对象含有类型为 {kind} 的键；键必须是字符串。")
            )
        }
        Failure::Value(Problem::Unreadable) => text!(
            format!("The value at \"{field}\" could not be read."),
            format!("无法读取 \"{field}\" 处的值。")
        ),
        Failure::Value(Problem::TooLarge) => text!(
            format!("The value at \"{field}\" is larger than {MAX_BYTES} bytes."),
            format!("\"{field}\" 处的值超过 {MAX_BYTES} 字节。")
        ),
        Failure::TooDeep => text!(
            format!("The value at \"{field}\" is nested more than {MAX_DEPTH} levels deep."),
            format!("\"{field}\" 处的值嵌套超过 {MAX_DEPTH} 层。")
        ),
        Failure::TooManyNodes => text!(
            format!("The arguments hold more than {MAX_NODES} values; the value at \"{field}\" is past the limit."),
            format!("参数包含的值超过 {MAX_NODES} 个；\"{field}\" 处的值超出上限。")
        ),
        Failure::TooManyBytes => text!(
            format!(
                "The arguments hold more than {MAX_BYTES} bytes of text; the value at \"{field}\" is past the limit."
            ),
            format!("参数中的文本超过 {MAX_BYTES} 字节；\"{field}\" 处的值超出上限。")
        ),
        Failure::ListTooLong(length) => text!(
            format!("The list at \"{field}\" reports {length} items; at most {MAX_LIST_ITEMS} are accepted."),
            format!("\"{field}\" 处的列表声明有 {length} 项；最多接受 {MAX_LIST_ITEMS} 项。")
        ),
        Failure::Expected { expected, got } => {
            let (expected_en, expected_zh) = expected_words(*expected);
            let (got_en, got_zh) = got_words(*got);
            text!(
                format!("\"{field}\" must be {expected_en}; got {got_en}."),
                format!("\"{field}\" 必须是{expected_zh}，实际为{got_zh}。")
            )
        }
    }
}

/// A non-finite float as Rust prints it (`NaN`, `inf`, `-inf`), without `f64`'s `Display`:
/// that would bring float formatting (~17 KB) into the wasm build for three fixed words.
fn non_finite(value: f64) -> &'static str {
    if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "inf"
    } else {
        "-inf"
    }
}

fn allowed_types(host: HostKind) -> (&'static str, &'static str) {
    match host {
        HostKind::Python => (
            "dict, list, tuple, str, int, float, bool or None",
            " dict、list、tuple、str、int、float、bool 或 None",
        ),
        HostKind::JavaScript | HostKind::Json => (
            "plain objects, arrays, strings, numbers, booleans or null",
            "普通对象、数组、字符串、数字、布尔值或 null",
        ),
    }
}

// The expected and found kinds are worded in JSON's terms in every host, so the shared vectors
// read the same in Python and JS (a Python list is "an array" here, as `json.dumps` writes it).
fn expected_words(expected: Expected) -> (&'static str, &'static str) {
    match expected {
        Expected::String => ("a string", "字符串"),
        Expected::Map => ("an object", "对象"),
        Expected::List => ("an array", "数组"),
        Expected::Integer => ("an integer", "整数"),
        Expected::MapOrString => ("an object or its JSON text", "对象或其 JSON 文本"),
        Expected::StringOrBytes => ("a string or bytes", "字符串或字节"),
    }
}

fn got_words(got: Got) -> (&'static str, &'static str) {
    match got {
        Got::Null => ("null", " null"),
        Got::Bool => ("a boolean", "布尔值"),
        Got::Number => ("a number", "数字"),
        Got::String => ("a string", "字符串"),
        Got::Bytes => ("bytes", "字节"),
        Got::List => ("an array", "数组"),
        Got::Map => ("an object", "对象"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_outermost_first_in_the_hosts_spelling() {
        let bounds = Arg::new("int_bounds", "intBounds", ClientCode::InvalidParameterIntBounds);
        let error = HostError::from(Failure::TooDeep).at_index(2).at_key("Instances");
        assert_eq!(error.field(&bounds, HostKind::Python), "int_bounds.Instances[2]");
        assert_eq!(error.field(&bounds, HostKind::JavaScript), "intBounds.Instances[2]");
        let params = Arg {
            bare_paths: true,
            ..Arg::new("params", "params", ClientCode::InvalidParameter)
        };
        let nested = HostError::from(Problem::NotFinite(f64::NAN)).at_key("Period");
        assert_eq!(nested.field(&params, HostKind::Python), "Period");
        let whole = HostError::from(Problem::NotFinite(f64::NAN));
        let rendered = whole.into_error(&params, HostKind::JavaScript);
        let detail = &rendered.details()[0];
        assert_eq!(detail.field.as_deref(), Some("params"));
        assert_eq!(detail.code, "InvalidParameter");
        assert!(detail.message.en.contains("\"params\""));
        assert_eq!(rendered.kind(), crate::error::ErrorKind::Input);
    }
}

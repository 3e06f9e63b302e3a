//! The error for every way a host value can be wrong: code, HTTP 400, en/zh message and the
//! field path as the caller spells it. Bindings never word these; they only report a
//! [`Problem`] or a [`Kind`].

use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail};
use crate::host::limits::{MAX_BYTES, MAX_DEPTH, MAX_LIST_ITEMS, MAX_NODES};
use crate::host::value::{HostKind, Kind, Problem};
use crate::messages::host::{self as messages, HostFault, HostTypes};
pub use crate::messages::host::{Expected, Got};

/// One step of the path to a bad value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    Key(String),
    Index(usize),
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

// Its wording lives in `crate::messages::host`; which kind a host value is, is decided here.
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
        let message = messages::host_fault(&field, &fault(&self.failure, host));
        Error::Input(ErrorDetail::client(arg.code, message, Some(field)))
    }
}

/// A result that could not be handed to the host (a serializer failed): an internal error, 500.
pub fn unconvertible_result(reason: &str) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InternalError,
        messages::unconvertible_result(reason),
        None,
    ))
}

/// `failure` as the data its message needs, with the limits it broke.
fn fault<'a>(failure: &'a Failure, host: HostKind) -> HostFault<'a> {
    match failure {
        Failure::Value(Problem::UnsupportedType(kind)) => HostFault::UnsupportedType {
            kind,
            host: match host {
                HostKind::Python => HostTypes::Python,
                HostKind::JavaScript | HostKind::Json => HostTypes::JavaScript,
            },
        },
        Failure::Value(Problem::NotFinite(value)) => HostFault::NotFinite { value: *value },
        Failure::Value(Problem::IntegerOutOfRange) => HostFault::IntegerOutOfRange,
        Failure::Value(Problem::InvalidUnicode) => HostFault::InvalidUnicode,
        Failure::Value(Problem::NonStringKey(kind)) => HostFault::NonStringKey { kind },
        Failure::Value(Problem::Unreadable) => HostFault::Unreadable,
        Failure::Value(Problem::TooLarge) => HostFault::TooLarge { max_bytes: MAX_BYTES },
        Failure::TooDeep => HostFault::TooDeep { max_depth: MAX_DEPTH },
        Failure::TooManyNodes => HostFault::TooManyNodes { max_nodes: MAX_NODES },
        Failure::TooManyBytes => HostFault::TooManyBytes { max_bytes: MAX_BYTES },
        Failure::ListTooLong(length) => HostFault::ListTooLong {
            length: *length,
            max_items: MAX_LIST_ITEMS,
        },
        Failure::Expected { expected, got } => HostFault::Expected {
            expected: *expected,
            got: *got,
        },
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

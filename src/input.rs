//! What the bindings share when they turn host values (Python objects, JS values) into JSON:
//! the limits, and the error for a value JSON cannot hold, so both report it the same way.

use crate::error::{Error, ErrorDetail};
use crate::text;

/// Containers nested deeper than this are refused; provider APIs never nest beyond ~6, and a
/// deeper walk risks the native or wasm stack.
pub const MAX_DEPTH: usize = 128;

/// One step of the path to a bad value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    Key(String),
    Index(usize),
}

/// A host value that JSON cannot hold. The path is collected while the error unwinds
/// (innermost step first), so the happy path allocates nothing for it. Messages may say
/// `{field}`, replaced by the path once it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconvertible {
    steps: Vec<PathStep>,
    en: String,
    zh: String,
}

impl Unconvertible {
    pub fn new(en: String, zh: String) -> Self {
        Unconvertible { steps: Vec::new(), en, zh }
    }

    /// The same problem, one container further out.
    pub fn at(mut self, step: PathStep) -> Self {
        self.steps.push(step);
        self
    }

    pub fn too_deep() -> Self {
        Self::new(
            format!("The value at \"{{field}}\" is nested more than {MAX_DEPTH} levels deep."),
            format!("\"{{field}}\" 处的值嵌套超过 {MAX_DEPTH} 层。"),
        )
    }

    pub fn not_finite(shown: &str) -> Self {
        Self::new(
            format!("The number at \"{{field}}\" is not finite; got {shown}."),
            format!("\"{{field}}\" 处的数字不是有限值，实际为 {shown}。"),
        )
    }

    /// `allowed` lists the host types that do convert, in the host's words.
    pub fn unsupported_type(kind: &str, allowed_en: &str, allowed_zh: &str) -> Self {
        Self::new(
            format!("The value at \"{{field}}\" has the unsupported type {kind}; use {allowed_en}."),
            format!("\"{{field}}\" 处的值类型 {kind} 不受支持；请使用{allowed_zh}。"),
        )
    }

    /// A validation error (`InvalidParameter`, as the core reports unusable input) whose field
    /// is the path under `root` (empty for request parameters, which the core names bare);
    /// `whole` names the value itself when the path is empty.
    pub fn into_error(self, root: &str, whole: &str) -> Error {
        let mut field = root.to_owned();
        for step in self.steps.iter().rev() {
            match step {
                PathStep::Key(key) => {
                    if !field.is_empty() {
                        field.push('.');
                    }
                    field.push_str(key);
                }
                PathStep::Index(index) => field.push_str(&format!("[{index}]")),
            }
        }
        if field.is_empty() {
            whole.clone_into(&mut field);
        }
        let message = text!(self.en.replace("{field}", &field), self.zh.replace("{field}", &field));
        Error::Validation(vec![ErrorDetail::client("InvalidParameter", message, Some(field))])
    }
}

/// A container at `depth` may be entered only below [`MAX_DEPTH`].
pub fn check_depth(depth: usize) -> Result<(), Unconvertible> {
    if depth < MAX_DEPTH {
        Ok(())
    } else {
        Err(Unconvertible::too_deep())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_outermost_first() {
        let problem = Unconvertible::too_deep().at(PathStep::Index(2)).at(PathStep::Key("Instances".into()));
        let error = problem.into_error("resources", "resources");
        let detail = &error.details()[0];
        assert_eq!(detail.field.as_deref(), Some("resources.Instances[2]"));
        assert!(detail.message.en.contains("\"resources.Instances[2]\""));
        let bare = Unconvertible::not_finite("NaN").at(PathStep::Key("Period".into())).into_error("", "params");
        assert_eq!(bare.details()[0].field.as_deref(), Some("Period"));
        assert_eq!(
            Unconvertible::not_finite("NaN").into_error("", "params").details()[0].field.as_deref(),
            Some("params")
        );
    }
}

//! The wording of the host contract (`crate::host`): arguments of the wrong kind, limits.
//!
//! [`crate::host::errors`] decides what is wrong with a host value and hands a [`HostFault`]
//! here; the limits it breaks come as data, so this module needs nothing from the host engine.

use crate::error::clip;
use crate::lang::Text;
use crate::text;

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

/// The host language whose own type names a message lists as the ones it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostTypes {
    Python,
    /// JavaScript, and JSON text (the same value kinds).
    JavaScript,
}

/// What is wrong with one host value, as [`crate::host::errors`] found it; limits are the ones
/// broken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HostFault<'a> {
    /// A type no argument accepts, named as the host names it (`kind` is clipped here).
    UnsupportedType {
        kind: &'a str,
        host: HostTypes,
    },
    NotFinite {
        value: f64,
    },
    IntegerOutOfRange,
    InvalidUnicode,
    /// A map key that is not a string, named by its host type (clipped here).
    NonStringKey {
        kind: &'a str,
    },
    Unreadable,
    TooLarge {
        max_bytes: usize,
    },
    TooDeep {
        max_depth: usize,
    },
    TooManyNodes {
        max_nodes: usize,
    },
    TooManyBytes {
        max_bytes: usize,
    },
    ListTooLong {
        length: usize,
        max_items: usize,
    },
    Expected {
        expected: Expected,
        got: Got,
    },
}

/// The message for `fault` of the value at `field`.
// Inlined into its one caller (`HostError::into_error`), where the match that made `fault` and
// this one fuse: 0.2 KB less of the gzipped wasm module (js/test/size.test.mjs).
#[inline(always)]
pub fn host_fault(field: &str, fault: &HostFault<'_>) -> Text {
    match *fault {
        HostFault::UnsupportedType { kind, host } => {
            let (allowed_en, allowed_zh) = allowed_types(host);
            let kind = clip(kind);
            text!(
                format!("The value at \"{field}\" has the unsupported type {kind}; use {allowed_en}."),
                format!("\"{field}\" 处的值类型 {kind} 不受支持；请使用{allowed_zh}。")
            )
        }
        HostFault::NotFinite { value } => {
            let value = non_finite(value);
            text!(
                format!("The number at \"{field}\" is not finite; got {value}."),
                format!("\"{field}\" 处的数字不是有限值，实际为 {value}。")
            )
        }
        HostFault::IntegerOutOfRange => text!(
            format!("The integer at \"{field}\" is outside the 64-bit range."),
            format!("\"{field}\" 处的整数超出 64 位范围。")
        ),
        HostFault::InvalidUnicode => text!(
            format!("The string at \"{field}\" is not valid Unicode (it holds a lone surrogate)."),
            format!("\"{field}\" 处的字符串不是有效的 Unicode（含有孤立的代理字符）。")
        ),
        HostFault::NonStringKey { kind } => {
            let kind = clip(kind);
            text!(
                format!("The object at \"{field}\" has a key of type {kind}; keys must be strings."),
                format!("\"{field}\" 处的对象含有类型为 {kind} 的键；键必须是字符串。")
            )
        }
        HostFault::Unreadable => text!(
            format!("The value at \"{field}\" could not be read."),
            format!("无法读取 \"{field}\" 处的值。")
        ),
        HostFault::TooLarge { max_bytes } => text!(
            format!("The value at \"{field}\" is larger than {max_bytes} bytes."),
            format!("\"{field}\" 处的值超过 {max_bytes} 字节。")
        ),
        HostFault::TooDeep { max_depth } => text!(
            format!("The value at \"{field}\" is nested more than {max_depth} levels deep."),
            format!("\"{field}\" 处的值嵌套超过 {max_depth} 层。")
        ),
        HostFault::TooManyNodes { max_nodes } => text!(
            format!("The arguments hold more than {max_nodes} values; the value at \"{field}\" is past the limit."),
            format!("参数包含的值超过 {max_nodes} 个；\"{field}\" 处的值超出上限。")
        ),
        HostFault::TooManyBytes { max_bytes } => text!(
            format!(
                "The arguments hold more than {max_bytes} bytes of text; the value at \"{field}\" is past the limit."
            ),
            format!("参数中的文本超过 {max_bytes} 字节；\"{field}\" 处的值超出上限。")
        ),
        HostFault::ListTooLong { length, max_items } => text!(
            format!("The list at \"{field}\" reports {length} items; at most {max_items} are accepted."),
            format!("\"{field}\" 处的列表声明有 {length} 项；最多接受 {max_items} 项。")
        ),
        HostFault::Expected { expected, got } => {
            let (expected_en, expected_zh) = expected_words(expected);
            let (got_en, got_zh) = got_words(got);
            text!(
                format!("\"{field}\" must be {expected_en}; got {got_en}."),
                format!("\"{field}\" 必须是{expected_zh}，实际为{got_zh}。")
            )
        }
    }
}

/// A result that could not be handed to the host (a serializer failed for `reason`).
pub fn unconvertible_result(reason: &str) -> Text {
    let shown = clip(reason);
    text!(
        format!("The result could not be converted for the host: {shown}."),
        format!("结果无法转换为宿主语言的值：{shown}。")
    )
}

/// An option the call does not have; `known` are the ones it has, as the host spells them.
pub fn unknown_option(shown: &str, known: &[&str]) -> Text {
    text!(
        format!(
            "The option \"{shown}\" is not recognised; expected one of: {}.",
            crate::lang::join(known, ", ")
        ),
        format!(
            "无法识别的选项 \"{shown}\"；可用选项：{}。",
            crate::lang::join(known, "、")
        )
    )
}

/// The credentials argument is none of the shapes it may take.
pub fn credentials_shape() -> Text {
    text!(
        "\"credentials\" must be a Credentials object, or a mapping with access_key_id and access_key_secret (and optionally security_token), or with bearer_token.",
        "\"credentials\" 必须是 Credentials 对象，或包含 access_key_id 与 access_key_secret（可选 security_token）的映射，或包含 bearer_token 的映射。"
    )
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

fn allowed_types(host: HostTypes) -> (&'static str, &'static str) {
    match host {
        HostTypes::Python => (
            "dict, list, tuple, str, int, float, bool or None",
            " dict、list、tuple、str、int、float、bool 或 None",
        ),
        HostTypes::JavaScript => (
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

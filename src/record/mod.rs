//! Results defined once. Every value a call returns is a Rust struct or enum in this crate with
//! `#[derive(Record)]` (crate `opgate-derive`) beside its serde derives; from that one definition
//! come:
//!
//! - the Python classes: frozen pyo3 classes that own the Rust value and convert an attribute
//!   only when it is first read (`python`, built with the `python` feature, which only
//!   `bindings/python` enables);
//! - `js/src/types.d.ts`, `python/opgate/_types.py` (Literal aliases and the TypedDicts of every
//!   `to_dict()`) and `python/opgate/_opgate.pyi`, rendered by the `schema` unit test, which
//!   fails when a checked-in file differs from what the types say. Regenerate them with
//!   `make generate` (`OPGATE_REGENERATE=1 cargo test -p opgate --lib record::`).
//!
//! TypeScript is rendered from the same derive rather than by ts-rs or tsify: one attribute
//! vocabulary then yields the Python class, the `.pyi` and the `.d.ts`, so the three cannot
//! disagree; ts-rs would also declare every 64-bit field `bigint` (the glue hands JS numbers) and
//! give nothing for Python, and tsify would put the declarations in the wasm build.
//!
//! # Adding a result type
//!
//! 1. Define the struct (or enum) with `#[derive(Debug, Clone, PartialEq, Serialize,
//!    Deserialize, Record)]`; the doc comments on the type and its fields become the Python
//!    docstrings and the TSDoc. `#[record(name = "...")]` gives a host name that differs from the
//!    Rust one, `#[record(ty = crate::record::OperationId)]` declares a `catalog::StaticId`
//!    field as the closed set of ids, `#[record(repr(a, b))]` keeps a long `repr()` short,
//!    `#[record(input)]` marks a shape callers write (a TypedDict and an interface, no class),
//!    `#[record(secrets)]` a result that carries credentials (it implements [`Secrets`]).
//!    Nested records, `Option`, `Vec`, tuples, `serde_json` values and unit enums (closed sets)
//!    need nothing more.
//! 2. Return it from the call's entry point in `crate::host::calls`: the Python glue's `finish`
//!    and the wasm glue's `finish` convert any record (and any `Vec` of them) as they are.
//! 3. Python: add one `add::<Type>(module)?` line to `python::register` and export the class
//!    from `python/opgate/__init__.py` (pickling finds it there; a test checks every class is
//!    exported and read whole by `python/tests/test_typed.py`, which needs a `read_<Class>`).
//!    Methods beyond the fields (e.g. `HttpRequest.header`) go in a second
//!    `#[cfg(feature = "python")] #[pyo3::pymethods] impl Py<Type>` beside the type, with their
//!    stub lines in `#[record(python_stub = "...")]`.
//! 4. If no root in `schema::roots` reaches it, add it there. `make generate`, then commit the
//!    regenerated `js/src/types.d.ts`, `python/opgate/_types.py` and `python/opgate/_opgate.pyi`;
//!    declare the JS function returning it in `js/src/index.d.ts` and its Python function in
//!    `src/record/python_functions.pyi` (stubtest checks both against the binary).

#[cfg(feature = "python")]
pub mod python;
#[cfg(test)]
pub mod schema;

pub use opgate_derive::Record;

/// A record that carries credentials (`#[record(secrets)]`): its fields hold them, because they
/// are what is sent, and `shown` is the value with each one replaced by `<redacted>`. The
/// Python class's `repr()` and `to_dict()` read `shown` (`to_dict(include_secrets=True)` the
/// value itself), and pickling refuses a value that differs from its shown form.
pub trait Secrets: Sized {
    fn shown(&self) -> Self;
}

/// The type the hosts see for a `&'static str` operation id (`#[record(ty = OperationId)]`): the
/// closed set of catalog ids, `"ecs:RebootInstance" | ...`. It has no values; it only names the
/// set for the generated declarations.
pub enum OperationId {}

/// `snake_case` → `camelCase` for keys of opgate's own result structures, the one rename the JS
/// results get. Provider data keys (`InstanceId`, `instanceIdSet`, `x-acs-date`,
/// `acs:SourceIp`) never match `^[a-z][a-z0-9]*(_[a-z0-9]+)+$`, so they pass unchanged; the wasm
/// glue and the generated TypeScript both use this function.
pub fn camel_key(key: &str) -> Option<String> {
    is_snake_key(key).then(|| {
        let mut out = String::with_capacity(key.len());
        push_camel(&mut out, key);
        out
    })
}

/// [`camel_key`] appended to `out` (the key itself when the rule leaves it unchanged), without
/// an allocation of its own: the wasm glue writes every key of a result so.
pub fn push_camel_key(out: &mut String, key: &str) {
    if is_snake_key(key) {
        push_camel(out, key);
    } else {
        out.push_str(key);
    }
}

/// The length in bytes of what [`push_camel_key`] appends for `key`: each `_` of a renamed key
/// goes, with the letter after it upper-cased.
pub fn camel_key_len(key: &str) -> usize {
    if is_snake_key(key) {
        key.len() - key.bytes().filter(|&byte| byte == b'_').count()
    } else {
        key.len()
    }
}

/// Whether `key` matches `^[a-z][a-z0-9]*(_[a-z0-9]+)+$`, in one pass over its bytes.
fn is_snake_key(key: &str) -> bool {
    let bytes = key.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let mut after_underscore = false;
    let mut any_underscore = false;
    for &byte in bytes {
        if byte == b'_' {
            if after_underscore {
                return false;
            }
            after_underscore = true;
            any_underscore = true;
        } else if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            after_underscore = false;
        } else {
            return false;
        }
    }
    any_underscore && !after_underscore
}

/// `key`, which [`is_snake_key`] accepted, camelCased onto `out`.
fn push_camel(out: &mut String, key: &str) {
    let mut upper = false;
    for byte in key.bytes() {
        if byte == b'_' {
            upper = true;
        } else {
            out.push(char::from(if upper { byte.to_ascii_uppercase() } else { byte }));
            upper = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{camel_key, camel_key_len, push_camel_key};

    #[test]
    fn camel_keys() {
        assert_eq!(camel_key("dry_run").as_deref(), Some("dryRun"));
        assert_eq!(camel_key("http_status").as_deref(), Some("httpStatus"));
        assert_eq!(
            camel_key("initial_delay_seconds").as_deref(),
            Some("initialDelaySeconds")
        );
        assert_eq!(camel_key("policy_2_index").as_deref(), Some("policy2Index"));
        for unchanged in [
            "InstanceId",
            "instanceIds",
            "x-acs-date",
            "acs:SourceIp",
            "id",
            "_x",
            "x_",
            "a__b",
            "Dry_Run",
            "a_B",
        ] {
            assert_eq!(camel_key(unchanged), None, "{unchanged}");
            let mut out = String::from("<");
            push_camel_key(&mut out, unchanged);
            assert_eq!(out, format!("<{unchanged}"));
        }
        let mut out = String::new();
        push_camel_key(&mut out, "initial_delay_seconds");
        assert_eq!(out, "initialDelaySeconds");
    }

    #[test]
    fn camel_key_len_is_the_length_push_camel_key_appends() {
        for key in [
            "dry_run",
            "policy_2_index",
            "initial_delay_seconds",
            "InstanceId",
            "a__b",
            "x_",
            "id",
            "",
        ] {
            let mut out = String::new();
            push_camel_key(&mut out, key);
            assert_eq!(camel_key_len(key), out.len(), "{key}");
        }
    }
}

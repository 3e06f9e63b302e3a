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
    let bytes = key.as_bytes();
    let first_ok = bytes.first().is_some_and(u8::is_ascii_lowercase);
    let chars_ok = bytes
        .iter()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_');
    let parts_ok = key.split('_').all(|part| !part.is_empty());
    if !(first_ok && chars_ok && parts_ok && key.contains('_')) {
        return None;
    }
    let mut out = String::with_capacity(key.len());
    for (index, part) in key.split('_').enumerate() {
        if index == 0 {
            out.push_str(part);
        } else {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                out.push(first.to_ascii_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::camel_key;

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
        }
    }
}

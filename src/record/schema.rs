//! The shapes `#[derive(Record)]` describes, and the files rendered from them: the TypeScript
//! declarations of the JS results, the Python Literal aliases and TypedDicts, and the `.pyi`
//! stubs of the Python classes. A test compares each checked-in file with what the types say
//! now and fails when one is stale; `OPGATE_REGENERATE=1` (`make generate`) writes them instead.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::host::options::Opt;

/// A type as the hosts see it.
#[derive(Clone)]
pub enum Ty {
    Str,
    Bool,
    Int,
    Float,
    Bytes,
    /// Any JSON value (provider data).
    Json,
    /// A JSON object (parameters, provider data).
    JsonObject,
    Option(Box<Ty>),
    List(Box<Ty>),
    Tuple(Vec<Ty>),
    /// A record, a closed set of strings or a union, declared once under its name.
    Named(fn() -> Named),
}

pub struct Named {
    /// `module::path::Type`, to tell types apart.
    pub id: &'static str,
    pub python: &'static str,
    pub ts: &'static str,
    pub doc: &'static str,
    pub kind: Kind,
}

pub enum Kind {
    Record(RecordShape),
    /// Strings, as serde writes the enum's variants.
    Literal(Vec<String>),
    /// Any of these (an untagged enum).
    Union(Vec<Ty>),
    /// Objects with exactly one of these keys (an externally tagged enum).
    Tagged(Vec<(&'static str, Ty)>),
}

pub struct RecordShape {
    pub fields: Vec<Field>,
    /// A shape callers write: a TypedDict and an interface, no class.
    pub input: bool,
    /// Carries credentials: `to_dict()` redacts them unless `include_secrets=True`.
    pub secrets: bool,
    pub repr: Vec<&'static str>,
    pub python_stub: &'static str,
}

pub struct Field {
    /// The key serde writes.
    pub name: &'static str,
    /// The Python attribute (the key, or `key_` for a Python keyword).
    pub attribute: &'static str,
    pub doc: &'static str,
    pub ty: Ty,
    /// Left out when empty (`skip_serializing_if`), or optional for a caller.
    pub optional: bool,
    /// Its keys are the record's own (`#[serde(flatten)]`).
    pub flatten: bool,
}

pub trait Schema {
    fn ty() -> Ty;
}

pub trait NamedSchema {
    fn named() -> Named;
}

/// The strings serde writes for these unit variants.
pub fn literal_values<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter()
        .map(|value| match serde_json::to_value(value) {
            Ok(Value::String(text)) => text,
            other => panic!("a closed set serializes to strings, got {other:?}"),
        })
        .collect()
}

macro_rules! primitive {
    ($ty:expr => $($rust:ty),*) => {$(
        impl Schema for $rust {
            fn ty() -> Ty {
                $ty
            }
        }
    )*};
}
primitive!(Ty::Str => str, String);
primitive!(Ty::Bool => bool);
primitive!(Ty::Int => u16, u32, u64, i64, usize);
primitive!(Ty::Float => f64);
primitive!(Ty::Json => Value);
primitive!(Ty::JsonObject => Map<String, Value>);

impl<T: Schema + ?Sized> Schema for &T {
    fn ty() -> Ty {
        T::ty()
    }
}

impl Schema for std::borrow::Cow<'_, str> {
    fn ty() -> Ty {
        Ty::Str
    }
}

impl<T: Schema + ?Sized> Schema for Box<T> {
    fn ty() -> Ty {
        T::ty()
    }
}

impl<T: Schema> Schema for Option<T> {
    fn ty() -> Ty {
        Ty::Option(Box::new(T::ty()))
    }
}

impl<T: Schema> Schema for Vec<T> {
    fn ty() -> Ty {
        Ty::List(Box::new(T::ty()))
    }
}

impl<T: Schema> Schema for [T] {
    fn ty() -> Ty {
        Ty::List(Box::new(T::ty()))
    }
}

impl<A: Schema, B: Schema> Schema for (A, B) {
    fn ty() -> Ty {
        Ty::Tuple(vec![A::ty(), B::ty()])
    }
}

/// Bytes (Python only: `HttpRequest.content`).
pub struct Bytes;

impl Schema for Bytes {
    fn ty() -> Ty {
        Ty::Bytes
    }
}

impl Schema for super::OperationId {
    fn ty() -> Ty {
        Ty::Named(operation_id)
    }
}

fn operation_id() -> Named {
    Named {
        id: "opgate::record::OperationId",
        python: "OperationId",
        ts: "OperationId",
        doc: "The operations in the catalog; any other id is refused with an InputError (`UnsupportedOperation`).",
        kind: Kind::Literal(crate::operations().iter().map(|op| op.id.to_owned()).collect()),
    }
}

impl Schema for crate::spec::OperationSpec {
    fn ty() -> Ty {
        Ty::Named(operation_id)
    }
}

/// Every named type reachable from the roots, in the order first met (depth first).
pub struct Registry {
    pub types: Vec<Named>,
    index: HashMap<&'static str, usize>,
}

impl Registry {
    pub fn new(roots: &[Ty]) -> Registry {
        let mut registry = Registry {
            types: Vec::new(),
            index: HashMap::new(),
        };
        for root in roots {
            registry.visit(root);
        }
        let mut python = HashMap::new();
        let mut ts = HashMap::new();
        for named in &registry.types {
            if let Some(other) = python.insert(named.python, named.id) {
                panic!("{} and {other} share the Python name {}", named.id, named.python);
            }
            if let Some(other) = ts.insert(named.ts, named.id) {
                panic!("{} and {other} share the TypeScript name {}", named.id, named.ts);
            }
        }
        registry
    }

    fn visit(&mut self, ty: &Ty) {
        match ty {
            Ty::Option(inner) | Ty::List(inner) => self.visit(inner),
            Ty::Tuple(items) => items.iter().for_each(|item| self.visit(item)),
            Ty::Named(make) => {
                let named = make();
                if self.index.contains_key(named.id) {
                    return;
                }
                self.index.insert(named.id, self.types.len());
                let children: Vec<Ty> = match &named.kind {
                    Kind::Record(shape) => shape.fields.iter().map(|field| field.ty.clone()).collect(),
                    Kind::Union(members) => members.clone(),
                    Kind::Tagged(members) => members.iter().map(|(_, ty)| ty.clone()).collect(),
                    Kind::Literal(_) => Vec::new(),
                };
                self.types.push(named);
                children.iter().for_each(|child| self.visit(child));
            }
            _ => {}
        }
    }

    fn get(&self, make: fn() -> Named) -> &Named {
        let id = make().id;
        &self.types[self.index[id]]
    }
}

/// A Rust doc comment as the hosts read it: intra-doc links become plain code, and for
/// TypeScript `None` is `null`.
fn host_doc(doc: &str, ts: bool) -> String {
    let mut out = String::with_capacity(doc.len());
    let mut rest = doc;
    while let Some(start) = rest.find("[`") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find("`]") {
            Some(end) => {
                let code = &after[..end + 1];
                out.push_str(
                    code.rsplit("::")
                        .next()
                        .map(|tail| {
                            if tail.starts_with('`') {
                                tail.to_owned()
                            } else {
                                format!("`{tail}")
                            }
                        })
                        .as_deref()
                        .unwrap_or(code),
                );
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("[`");
                rest = &rest[start + 2..];
            }
        }
    }
    out.push_str(rest);
    if ts {
        out = out.replace("`None`", "`null`").replace("`Some", "`");
    }
    out
}

fn doc_block(out: &mut String, indent: &str, doc: &str) {
    if doc.is_empty() {
        return;
    }
    let doc = host_doc(doc, true);
    let doc = doc.as_str();
    let lines: Vec<&str> = doc.lines().collect();
    if lines.len() == 1 {
        let _ = writeln!(out, "{indent}/** {} */", lines[0]);
    } else {
        let _ = writeln!(out, "{indent}/**");
        for line in lines {
            let _ = writeln!(out, "{indent} *{}{line}", if line.is_empty() { "" } else { " " });
        }
        let _ = writeln!(out, "{indent} */");
    }
}

fn wrap_ts(inner: String) -> String {
    if inner.contains(" | ") || inner.contains(" & ") {
        format!("({inner})")
    } else {
        inner
    }
}

/// TypeScript: opgate's own keys camelCased as the glue renames them (`camel = true`), or as the
/// core writes them (the error report, which JS keeps exactly as the vectors hold it).
pub fn ts_type(registry: &Registry, ty: &Ty, camel: bool) -> String {
    match ty {
        Ty::Str => "string".to_owned(),
        Ty::Bool => "boolean".to_owned(),
        Ty::Int | Ty::Float => "number".to_owned(),
        Ty::Bytes => "Uint8Array".to_owned(),
        Ty::Json => "JsonValue".to_owned(),
        Ty::JsonObject => "{ [key: string]: JsonValue }".to_owned(),
        Ty::Option(inner) => format!("{} | null", ts_type(registry, inner, camel)),
        Ty::List(inner) => format!("{}[]", wrap_ts(ts_type(registry, inner, camel))),
        Ty::Tuple(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|item| ts_type(registry, item, camel))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Ty::Named(make) => {
            let named = registry.get(*make);
            match (&named.kind, camel) {
                (Kind::Literal(values), _) if values.len() == 1 => format!("{:?}", values[0]),
                (Kind::Record(shape), false) => ts_inline(registry, shape, false),
                _ => named.ts.to_owned(),
            }
        }
    }
}

/// A closed set of one value is written in place (`type: "boolean"`), not declared.
fn is_single(named: &Named) -> bool {
    matches!(&named.kind, Kind::Literal(values) if values.len() == 1)
}

fn ts_key(name: &str, camel: bool) -> String {
    if camel {
        super::camel_key(name).unwrap_or_else(|| name.to_owned())
    } else {
        name.to_owned()
    }
}

/// A field serde leaves out when `None` is optional and never null; an input's optional field
/// may be left out or null.
fn ts_field_type(registry: &Registry, field: &Field, camel: bool, input: bool) -> String {
    match (&field.ty, field.optional && !input) {
        (Ty::Option(inner), true) => ts_type(registry, inner, camel),
        (ty, _) => ts_type(registry, ty, camel),
    }
}

fn ts_inline(registry: &Registry, shape: &RecordShape, camel: bool) -> String {
    let fields: Vec<String> = shape
        .fields
        .iter()
        .filter(|field| !field.flatten)
        .map(|field| {
            let optional = if field.optional { "?" } else { "" };
            format!(
                "{}{optional}: {}",
                ts_key(field.name, camel),
                ts_field_type(registry, field, camel, shape.input)
            )
        })
        .collect();
    let mut out = format!("{{ {} }}", fields.join("; "));
    for field in shape.fields.iter().filter(|field| field.flatten) {
        out = format!("{out} & {}", wrap_ts(ts_type(registry, &field.ty, camel)));
    }
    out
}

const GENERATED: &str = "Generated from the Rust types (src/record/schema.rs renders every #[derive(Record)]); do not edit.\nRegenerate with `make generate`; `cargo test -p opgate --lib record::` fails while this file is stale.";

/// The JS options objects: one interface per set of options a call takes.
pub struct OptionSet {
    pub name: &'static str,
    pub doc: &'static str,
    pub options: &'static [Opt],
    /// Options the TypeScript type requires (the core refuses a call without them).
    pub required: &'static [Opt],
}

fn option_ts(opt: Opt) -> (&'static str, &'static str) {
    match opt {
        Opt::Lang => ("Lang", "`\"en\"` (default) or `\"zh\"`: the language of messages and reasons; codes never change with it."),
        Opt::Now => (
            "number | null",
            "Unix seconds for expiry checks. Default: the current time (`Math.floor(Date.now() / 1000)`); `null`: no expiry checks, as the core without a clock.",
        ),
        Opt::IntBounds => (
            "readonly IntBound[]",
            "Narrower integer ranges for parameters the provider leaves open, e.g. `[{path: \"Period\", min: 1, max: 36}]`. Default: none.",
        ),
        Opt::Region => (
            "string | null",
            "The region whose endpoint (or ARN) to use, e.g. `\"cn-hangzhou\"`; needed where the operation has no `RegionId` parameter (ECS).",
        ),
        Opt::Endpoint => ("string | null", "A host (or `https://host`, `http://host:port`) replacing the resolved one, e.g. a VPC endpoint. Default: none."),
        Opt::AccountId => ("string", "The 16-digit Alibaba Cloud account id used in resource ARNs."),
        Opt::Context => (
            "{ readonly [key: string]: unknown } | null",
            "Condition keys and their values, e.g. `{\"acs:SourceIp\": \"203.0.113.7\"}`. Default: none.",
        ),
        Opt::Algorithm | Opt::Timestamp | Opt::Nonce => ("never", "Not in the WebAssembly build (no signing)."),
        Opt::Scope => (
            "string",
            "Chosen by the caller (a deployment id, a user, a day): the same request in another scope gets another ClientToken. Default `\"\"`.",
        ),
        Opt::Status => ("number | null", "The HTTP status of the response; it decides only for codes no table lists. Default: none."),
        Opt::Params => (
            "{ readonly [name: string]: unknown } | null",
            "The parameters that were sent, to tell whether they carried a ClientToken. Default: none.",
        ),
        Opt::Attempt => ("number", "1 (default) for the first retry; the recommended delay doubles with each."),
        Opt::Before => (
            "readonly object[] | object | null",
            "The Describe items read before the call (items, one item or a whole response). Default: none.",
        ),
        Opt::Seed => (
            "number | null",
            "Fixes the jitter of poll intervals (0 to 2^32-1). Default: derived from the other arguments.",
        ),
    }
}

pub fn render_ts(registry: &Registry, options: &[OptionSet]) -> String {
    let mut out = String::new();
    for line in GENERATED.lines() {
        let _ = writeln!(out, "// {line}");
    }
    out.push_str(
        "//\n// The results of the JS API: opgate's own keys camelCased (`dry_run` -> `dryRun`), provider data with\n// its own keys. `js/test/types.test.mjs` compiles every vector result against these with `tsc --strict`.\n\n",
    );
    out.push_str("/** Any JSON value: provider data as sent, parameters as given. */\nexport type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };\n\n");
    for named in registry.types.iter().filter(|named| !is_single(named)) {
        let camel = named.ts != "ErrorReport";
        doc_block(&mut out, "", named.doc);
        match &named.kind {
            Kind::Literal(values) => {
                let values: Vec<String> = values.iter().map(|value| format!("{value:?}")).collect();
                let _ = writeln!(out, "export type {} = {};\n", named.ts, values.join(" | "));
            }
            Kind::Union(members) => {
                let members: Vec<String> = members.iter().map(|member| ts_type(registry, member, camel)).collect();
                let _ = writeln!(out, "export type {} = {};\n", named.ts, members.join(" | "));
            }
            Kind::Tagged(members) => {
                let members: Vec<String> = members
                    .iter()
                    .map(|(key, ty)| format!("{{ {}: {} }}", ts_key(key, camel), ts_type(registry, ty, camel)))
                    .collect();
                let _ = writeln!(out, "export type {} = {};\n", named.ts, members.join(" | "));
            }
            Kind::Record(shape) => {
                let flattened: Vec<String> = shape
                    .fields
                    .iter()
                    .filter(|field| field.flatten)
                    .map(|field| wrap_ts(ts_type(registry, &field.ty, camel)))
                    .collect();
                if flattened.is_empty() {
                    let _ = writeln!(out, "export interface {} {{", named.ts);
                } else {
                    let _ = writeln!(out, "export type {} = {{", named.ts);
                }
                for field in shape.fields.iter().filter(|field| !field.flatten) {
                    doc_block(&mut out, "  ", field.doc);
                    let optional = if field.optional { "?" } else { "" };
                    let _ = writeln!(
                        out,
                        "  {}{optional}: {};",
                        ts_key(field.name, camel),
                        ts_field_type(registry, field, camel, shape.input)
                    );
                }
                if flattened.is_empty() {
                    out.push_str("}\n\n");
                } else {
                    let _ = writeln!(out, "}} & {};\n", flattened.join(" & "));
                }
            }
        }
    }
    for set in options {
        doc_block(&mut out, "", set.doc);
        let _ = writeln!(out, "export interface {} {{", set.name);
        for opt in set.options {
            let (ty, doc) = option_ts(*opt);
            doc_block(&mut out, "  ", doc);
            let required = set.required.contains(opt);
            let optional = if required { "" } else { "?" };
            let ty = if required { ty.trim_end_matches(" | null") } else { ty };
            let _ = writeln!(
                out,
                "  {}{optional}: {ty};",
                opt.arg().name(crate::host::HostKind::JavaScript)
            );
        }
        out.push_str("}\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Python attribute types: read-only views (tuples, mappings, the nested classes).
fn py_view(registry: &Registry, ty: &Ty) -> String {
    match ty {
        Ty::Str => "str".to_owned(),
        Ty::Bool => "bool".to_owned(),
        Ty::Int => "int".to_owned(),
        Ty::Float => "float".to_owned(),
        Ty::Bytes => "bytes".to_owned(),
        Ty::Json => "JsonView".to_owned(),
        Ty::JsonObject => "Mapping[str, JsonView]".to_owned(),
        Ty::Option(inner) => format!("{} | None", py_view(registry, inner)),
        Ty::List(inner) => format!("tuple[{}, ...]", py_view(registry, inner)),
        Ty::Tuple(items) => format!(
            "tuple[{}]",
            items
                .iter()
                .map(|item| py_view(registry, item))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Ty::Named(make) => {
            let named = registry.get(*make);
            match &named.kind {
                Kind::Union(members) => members
                    .iter()
                    .map(|member| py_view(registry, member))
                    .collect::<Vec<_>>()
                    .join(" | "),
                Kind::Tagged(members) => {
                    let mut values: Vec<String> = members.iter().map(|(_, ty)| py_view(registry, ty)).collect();
                    values.dedup();
                    format!("Mapping[str, {}]", values.join(" | "))
                }
                Kind::Literal(values) if values.len() == 1 => format!("Literal[{:?}]", values[0]),
                _ => named.python.to_owned(),
            }
        }
    }
}

fn dict_name(named: &Named) -> String {
    match &named.kind {
        Kind::Record(shape) if !shape.input => format!("{}Dict", named.python),
        _ => named.python.to_owned(),
    }
}

/// Python `to_dict()` types: plain JSON data (lists, dicts, the TypedDicts).
fn py_dict(registry: &Registry, ty: &Ty) -> String {
    match ty {
        Ty::Str => "str".to_owned(),
        Ty::Bool => "bool".to_owned(),
        Ty::Int => "int".to_owned(),
        Ty::Float => "float".to_owned(),
        Ty::Bytes => "bytes".to_owned(),
        Ty::Json => "JsonValue".to_owned(),
        Ty::JsonObject => "dict[str, JsonValue]".to_owned(),
        Ty::Option(inner) => format!("{} | None", py_dict(registry, inner)),
        Ty::List(inner) => format!("list[{}]", py_dict(registry, inner)),
        Ty::Tuple(items) => {
            let mut kinds: Vec<String> = items.iter().map(|item| py_dict(registry, item)).collect();
            kinds.dedup();
            format!("list[{}]", kinds.join(" | "))
        }
        Ty::Named(make) => {
            let named = registry.get(*make);
            match &named.kind {
                Kind::Union(members) => members
                    .iter()
                    .map(|member| py_dict(registry, member))
                    .collect::<Vec<_>>()
                    .join(" | "),
                Kind::Tagged(members) => {
                    let mut values: Vec<String> = members.iter().map(|(_, ty)| py_dict(registry, ty)).collect();
                    values.dedup();
                    format!("dict[str, {}]", values.join(" | "))
                }
                Kind::Literal(values) if values.len() == 1 => format!("Literal[{:?}]", values[0]),
                _ => dict_name(named),
            }
        }
    }
}

/// The keys of a record's dict: its fields, with flattened unions and tagged enums merged in
/// (a key every member has is required; the others are optional).
fn dict_keys(registry: &Registry, shape: &RecordShape) -> Vec<(String, String, bool)> {
    let mut keys: Vec<(String, String, bool)> = Vec::new();
    for field in &shape.fields {
        if !field.flatten {
            let ty = match (&field.ty, field.optional && !shape.input) {
                (Ty::Option(inner), true) => py_dict(registry, inner),
                (ty, _) => py_dict(registry, ty),
            };
            keys.push((field.name.to_owned(), ty, !field.optional));
            continue;
        }
        let Ty::Named(make) = &field.ty else { continue };
        let members: Vec<Vec<(String, String, bool)>> = match &registry.get(*make).kind {
            Kind::Tagged(members) => members
                .iter()
                .map(|(key, ty)| vec![((*key).to_owned(), py_dict(registry, ty), true)])
                .collect(),
            Kind::Union(members) => members
                .iter()
                .filter_map(|member| match member {
                    Ty::Named(make) => match &registry.get(*make).kind {
                        Kind::Record(inner) => Some(dict_keys(registry, inner)),
                        _ => None,
                    },
                    _ => None,
                })
                .collect(),
            Kind::Record(inner) => vec![dict_keys(registry, inner)],
            Kind::Literal(_) => Vec::new(),
        };
        let mut merged: Vec<(String, Vec<String>, usize)> = Vec::new();
        for member in &members {
            for (key, ty, required) in member {
                match merged.iter_mut().find(|(name, _, _)| name == key) {
                    Some((_, types, count)) => {
                        if !types.contains(ty) {
                            types.push(ty.clone());
                        }
                        *count += usize::from(*required);
                    }
                    None => merged.push((key.clone(), vec![ty.clone()], usize::from(*required))),
                }
            }
        }
        for (key, types, count) in merged {
            keys.push((key, types.join(" | "), count == members.len()));
        }
    }
    keys
}

fn python_doc(out: &mut String, indent: &str, doc: &str) {
    if doc.is_empty() {
        return;
    }
    let escaped = host_doc(doc, false)
        .replace('\\', "\\\\")
        .replace("\"\"\"", "\\\"\\\"\\\"");
    if escaped.lines().count() <= 1 {
        let _ = writeln!(out, "{indent}\"\"\"{escaped}\"\"\"");
    } else {
        let mut lines = escaped.lines();
        let _ = writeln!(out, "{indent}\"\"\"{}", lines.next().unwrap_or_default());
        for line in lines {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{indent}{line}");
            }
        }
        let _ = writeln!(out, "{indent}\"\"\"");
    }
}

const PY_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// `python/opgate/_types.py`: the closed sets as Literal aliases and every `to_dict()` shape (and
/// every input shape) as a TypedDict.
pub fn render_types_py(registry: &Registry) -> String {
    let mut out = String::new();
    out.push_str("\"\"\"Types of opgate's results and inputs. ");
    out.push_str(GENERATED);
    out.push_str("\n\nThe Literal aliases name every closed set (operation ids, providers, decisions, ...); the\nTypedDicts are the shapes of ``to_dict()`` (``<Class>Dict``) and of the inputs a caller writes.\nAll types are written as strings so that the module imports on Python 3.10.\n\"\"\"\n\n");
    out.push_str("from __future__ import annotations\n\nfrom typing import Dict, List, Literal, Mapping, Tuple, TypedDict, Union\n\n");
    out.push_str("JsonValue = Union[None, bool, int, float, str, List[\"JsonValue\"], Dict[str, \"JsonValue\"]]\n\"\"\"Plain JSON data, as ``to_dict()`` returns it.\"\"\"\n\n");
    out.push_str("JsonView = Union[None, bool, int, float, str, Tuple[\"JsonView\", ...], Mapping[str, \"JsonView\"]]\n\"\"\"JSON data as result attributes hold it: read-only (tuples and ``mappingproxy``).\"\"\"\n\n");
    let mut exported = vec!["JsonValue".to_owned(), "JsonView".to_owned()];
    for named in registry.types.iter().filter(|named| !is_single(named)) {
        match &named.kind {
            Kind::Literal(values) => {
                let values: Vec<String> = values.iter().map(|value| format!("{value:?}")).collect();
                let _ = writeln!(out, "{} = Literal[{}]", named.python, values.join(", "));
                python_doc(&mut out, "", named.doc);
                out.push('\n');
                exported.push(named.python.to_owned());
            }
            Kind::Record(shape) => {
                let name = dict_name(named);
                let keys = dict_keys(registry, shape);
                let required: Vec<&(String, String, bool)> = keys.iter().filter(|(_, _, required)| *required).collect();
                let optional: Vec<&(String, String, bool)> =
                    keys.iter().filter(|(_, _, required)| !*required).collect();
                let entries = |keys: &[&(String, String, bool)]| {
                    keys.iter()
                        .map(|(key, ty, _)| format!("        {key:?}: {ty:?},"))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                let what = if shape.input {
                    format!("{} (an input).", named.python)
                } else {
                    format!("``{}.to_dict()``.", named.python)
                };
                if optional.is_empty() {
                    let _ = writeln!(
                        out,
                        "{name} = TypedDict(\n    {name:?},\n    {{\n{}\n    }},\n)",
                        entries(&required)
                    );
                    let _ = writeln!(out, "\"\"\"{what}\"\"\"\n");
                } else {
                    let base = format!("_{name}Required");
                    let _ = writeln!(
                        out,
                        "{base} = TypedDict(\n    {base:?},\n    {{\n{}\n    }},\n)\n",
                        entries(&required)
                    );
                    let _ = writeln!(out, "class {name}({base}, total=False):");
                    let _ = writeln!(out, "    \"\"\"{what}\"\"\"\n");
                    for (key, ty, _) in optional {
                        assert!(
                            !PY_KEYWORDS.contains(&key.as_str()),
                            "optional key {key} of {name} is a Python keyword"
                        );
                        let _ = writeln!(out, "    {key}: {ty:?}");
                    }
                    out.push('\n');
                }
                exported.push(name);
            }
            Kind::Union(_) | Kind::Tagged(_) => {}
        }
    }
    out.push_str("\n__all__ = [\n");
    for name in exported {
        let _ = writeln!(out, "    {name:?},");
    }
    out.push_str("]\n");
    out
}

/// `python/opgate/_opgate.pyi`: `functions` (the extension's functions and constants, kept by
/// hand in `src/record/python_functions.pyi` and checked by stubtest), then one class per
/// result record.
pub fn render_pyi(registry: &Registry, functions: &str) -> String {
    let mut out = String::new();
    for line in GENERATED.lines() {
        let _ = writeln!(out, "# {line}");
    }
    out.push_str(
        "# The classes come from the records; the functions and constants from src/record/python_functions.pyi.\n\n",
    );
    out.push_str("import builtins\nfrom typing import Literal, Mapping, final\n\n");
    let imports: Vec<String> = {
        let mut names = vec!["JsonView".to_owned()];
        for named in registry.types.iter().filter(|named| !is_single(named)) {
            match &named.kind {
                Kind::Literal(_) => names.push(named.python.to_owned()),
                Kind::Record(_) => names.push(dict_name(named)),
                _ => {}
            }
        }
        names.sort();
        names
    };
    out.push_str("from ._types import (\n");
    for name in imports {
        let _ = writeln!(out, "    {name},");
    }
    out.push_str(")\n\n");
    out.push_str(functions.trim());
    out.push_str("\n\n");
    // The extension module's `__all__` (pyo3 keeps one): the names above, then the classes.
    let mut names: Vec<String> = functions
        .lines()
        .filter_map(|line| {
            let name = line
                .strip_prefix("def ")
                .or_else(|| line.strip_prefix("class "))
                .unwrap_or(line);
            let end = name.find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))?;
            let rest = &name[end..];
            (end > 0 && !line.starts_with([' ', '#', '@']) && (rest.starts_with(['(', ':'])))
                .then(|| name[..end].to_owned())
        })
        .collect();
    names.extend(registry.types.iter().filter_map(|named| match &named.kind {
        Kind::Record(shape) if !shape.input => Some(named.python.to_owned()),
        _ => None,
    }));
    out.push_str("__all__ = [\n");
    for name in names {
        let _ = writeln!(out, "    {name:?},");
    }
    out.push_str("]\n\n");
    for named in &registry.types {
        let Kind::Record(shape) = &named.kind else { continue };
        if shape.input {
            continue;
        }
        let class = named.python;
        let dict = dict_name(named);
        let _ = writeln!(out, "@final\nclass {class}:");
        python_doc(&mut out, "    ", named.doc);
        let _ = writeln!(
            out,
            "    def __new__(cls, data: {dict} | Mapping[str, object]) -> {class}: ..."
        );
        for field in &shape.fields {
            let _ = writeln!(
                out,
                "    @property\n    def {}(self) -> {}:",
                field.attribute,
                py_view(registry, &field.ty)
            );
            if field.doc.is_empty() {
                out.push_str("        ...\n");
            } else {
                python_doc(&mut out, "        ", field.doc);
            }
        }
        for line in shape.python_stub.lines().filter(|line| !line.trim().is_empty()) {
            let _ = writeln!(out, "    {}", line.trim_end());
        }
        if shape.secrets {
            let _ = writeln!(
                out,
                "    def to_dict(self, *, include_secrets: bool = False) -> {dict}: ..."
            );
        } else {
            let _ = writeln!(out, "    def to_dict(self) -> {dict}: ...");
        }
        let _ = writeln!(out, "    def __eq__(self, other: object, /) -> bool: ...");
        let _ = writeln!(out, "    def __ne__(self, other: object, /) -> bool: ...");
        let _ = writeln!(out, "    def __hash__(self) -> int: ...");
        let _ = writeln!(
            out,
            "    def __reduce__(self) -> tuple[builtins.type[{class}], tuple[{dict}]]: ..."
        );
        let _ = writeln!(out, "    def __copy__(self) -> {class}: ...");
        let _ = writeln!(out, "    def __deepcopy__(self, memo: object) -> {class}: ...\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The extension's functions and constants, kept by hand (stubtest checks them against the
/// binary in `bash python/run.sh test`); the classes around them are generated.
const PYTHON_FUNCTIONS: &str = include_str!("python_functions.pyi");

fn roots(python: bool) -> Vec<Ty> {
    use crate::catalog::describe::OperationDescription;
    use crate::error::{ApiErrorExtras, ErrorKind, ErrorReport, RenderedError};
    use crate::host::limits::BuildInfo;
    use crate::lang::Lang;
    use crate::lifecycle::{
        AccessExplanation, Classification, ClientToken, Observed, Plan, PlanOutcome, RetryAdvice, WaitReport, Waiter,
    };
    use crate::params::{IntBound, Validated};
    use crate::precheck::{Verdict, WaitState};
    use crate::ram::{AccessCheck, Authorization, Policy, RequiredAccess};
    use crate::wire::{ApiResponse, Endpoint, HttpRequest};
    let mut roots = vec![
        <super::OperationId as Schema>::ty(),
        <Lang as Schema>::ty(),
        <ErrorKind as Schema>::ty(),
        <OperationDescription as Schema>::ty(),
        <Validated as Schema>::ty(),
        <Verdict as Schema>::ty(),
        <WaitState as Schema>::ty(),
        <HttpRequest as Schema>::ty(),
        <Endpoint as Schema>::ty(),
        <ApiResponse as Schema>::ty(),
    ];
    #[cfg(feature = "signing")]
    if python {
        roots.push(<crate::wire::SignedRequest as Schema>::ty());
    }
    roots.extend([
        <Policy as Schema>::ty(),
        <RequiredAccess as Schema>::ty(),
        <Authorization as Schema>::ty(),
        <AccessCheck as Schema>::ty(),
        <RenderedError as Schema>::ty(),
        <ApiErrorExtras as Schema>::ty(),
        <ErrorReport as Schema>::ty(),
        <IntBound as Schema>::ty(),
        <ClientToken as Schema>::ty(),
        <Classification as Schema>::ty(),
        <RetryAdvice as Schema>::ty(),
        <AccessExplanation as Schema>::ty(),
        <Plan as Schema>::ty(),
        <PlanOutcome as Schema>::ty(),
        <Waiter as Schema>::ty(),
        <WaitReport as Schema>::ty(),
        <Observed as Schema>::ty(),
    ]);
    if python {
        #[cfg(feature = "signing")]
        roots.extend([
            <crate::host::calls::AccessKeyCredentials as Schema>::ty(),
            <crate::host::calls::BearerCredentials as Schema>::ty(),
        ]);
    } else {
        roots.push(<BuildInfo as Schema>::ty());
    }
    roots
}

fn option_sets() -> Vec<OptionSet> {
    use crate::host::calls::lifecycle::{ADVICE, CLASSIFY, NEW_WAITER, PLANNING, TOKEN};
    use crate::host::calls::{AUTHORIZE, BUILD, CORE, ENDPOINT, EVALUATE, LANG_ONLY, REQUIRED_ACCESS};
    vec![
        OptionSet {
            name: "LangOptions",
            doc: "Options of `operations`, `operation`, `waitStatus`, `parseResponse`, `ramParsePolicy`, `accessDenied`, `mergePlan`, `Waiter.resume` and `Waiter.observe`.",
            options: LANG_ONLY,
            required: &[],
        },
        OptionSet {
            name: "CheckOptions",
            doc: "Options of `validate`, `precheck`, `precheckResources` and `check`.",
            options: CORE,
            required: &[],
        },
        OptionSet {
            name: "BuildOptions",
            doc: "Options of `build`.",
            options: BUILD,
            required: &[],
        },
        OptionSet {
            name: "EndpointOptions",
            doc: "Options of `endpoint`.",
            options: ENDPOINT,
            required: &[],
        },
        OptionSet {
            name: "RamOptions",
            doc: "Options of `ramRequiredAccess`.",
            options: REQUIRED_ACCESS,
            required: &[Opt::Region, Opt::AccountId],
        },
        OptionSet {
            name: "RamAuthorizeOptions",
            doc: "Options of `ramAuthorize`.",
            options: AUTHORIZE,
            required: &[Opt::Region, Opt::AccountId],
        },
        OptionSet {
            name: "RamContextOptions",
            doc: "Options of `ramEvaluate`.",
            options: EVALUATE,
            required: &[],
        },
        OptionSet {
            name: "ClientTokenOptions",
            doc: "Options of `clientToken`.",
            options: TOKEN,
            required: &[],
        },
        OptionSet {
            name: "ClassifyOptions",
            doc: "Options of `classify`.",
            options: CLASSIFY,
            required: &[],
        },
        OptionSet {
            name: "RetryAdviceOptions",
            doc: "Options of `retryAdvice`.",
            options: ADVICE,
            required: &[],
        },
        OptionSet {
            name: "PlanOptions",
            doc: "Options of `plan`.",
            options: PLANNING,
            required: &[],
        },
        OptionSet {
            name: "WaiterOptions",
            doc: "Options of the `Waiter` constructor.",
            options: NEW_WAITER,
            required: &[],
        },
    ]
}

/// Every generated file, with its path from the repository root and what it must hold (rendered
/// from the default build, which signs: the Python stubs declare `sign`).
#[cfg(feature = "signing")]
fn generated() -> Vec<(&'static str, String)> {
    let js = Registry::new(&roots(false));
    let python = Registry::new(&roots(true));
    vec![
        ("js/src/types.d.ts", render_ts(&js, &option_sets())),
        ("python/opgate/_types.py", render_types_py(&python)),
        ("python/opgate/_opgate.pyi", render_pyi(&python, PYTHON_FUNCTIONS)),
    ]
}

#[test]
#[cfg(feature = "signing")]
fn generated_files_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let regenerate = std::env::var_os("OPGATE_REGENERATE").is_some_and(|value| value == "1");
    let mut stale = Vec::new();
    for (path, wanted) in generated() {
        let file = root.join(path);
        let current = std::fs::read_to_string(&file).unwrap_or_default();
        if current == wanted {
            continue;
        }
        if regenerate {
            std::fs::write(&file, &wanted).expect("write a generated file");
        } else {
            stale.push(path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (the Rust types changed): {stale:?}; run `make generate` (OPGATE_REGENERATE=1 cargo test -p opgate --lib record::) and commit them"
    );
}

#[test]
fn the_stale_check_can_fail() {
    // A field added to a result changes the declarations: the comparison above would see it.
    let js = Registry::new(&roots(false));
    let ts = render_ts(&js, &option_sets());
    assert!(ts.contains("export interface Verdict {"), "{ts}");
    assert!(ts.contains("  dryRun: boolean;"));
    assert!(ts.contains("export type OperationId = \"ecs:RebootInstance\""));
    assert!(!ts.contains("SignedRequest"), "the wasm build cannot sign");
    let python = Registry::new(&roots(true));
    let pyi = render_pyi(&python, PYTHON_FUNCTIONS);
    assert!(pyi.contains("class Verdict:") && pyi.contains("    def dry_run(self) -> bool:"));
    assert!(
        pyi.contains("    def from_(self) -> str:"),
        "Python keywords get a trailing underscore"
    );
    assert!(!pyi.contains("Any"), "no Any in the stubs");
    let types = render_types_py(&python);
    assert!(types.contains("\"from\": \"str\""), "dict keys stay as serialized");
    assert!(!types.contains("Any"));
}

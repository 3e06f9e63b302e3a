//! `#[derive(Record)]`: the one place where a result type's shape is turned into everything the
//! hosts need, so that the Rust struct or enum stays the single definition.
//!
//! For a struct it emits, inside the `opgate` crate:
//! - under `cfg(test)`: `opgate::record::schema` impls (field names as serde writes them, doc
//!   comments, types), from which a unit test renders `js/src/types.d.ts`,
//!   `python/opgate/_types.py` and `python/opgate/_opgate.pyi` and fails when they are stale;
//! - under `cfg(feature = "python")`: a frozen pyo3 class `Py<Name>` that owns the Rust value and
//!   converts each attribute on first read (then keeps it), with `to_dict()`, `==`, `hash`,
//!   `repr`, pickling and a constructor from the `to_dict()` shape.
//!
//! For an enum: unit variants become a closed set of strings (a `Literal` / string union) named
//! as serde writes them; newtype variants marked `#[serde(untagged)]` a union of their payloads;
//! other newtype variants single-key objects (`{"action": [...]}`).
//!
//! Attributes (`#[record(...)]`), besides the doc comments and the serde attributes it reads
//! (`rename`, `rename_all`, `skip`, `skip_serializing_if`, `flatten`, `untagged`):
//! - on the type: `name = "X"` (Python and TypeScript name), `python = "X"`, `ts = "X"`;
//!   `input` (a shape callers write: a TypedDict and an interface, no class); `secrets` (the
//!   value carries credentials: `repr()`, `to_dict()` and pickling go through
//!   `opgate::record::Secrets::shown`, `to_dict(include_secrets=True)` gives them); `repr(a, b)` (the
//!   fields `repr()` shows; default all); `computed(name: Type = method, other?: Type)` (values
//!   serialized from a method rather than a field, each optionally after its doc string; `?`
//!   marks one serde leaves out when `None`);
//!   `python_stub = "..."` (stub lines for methods written by hand in a second `#[pymethods]`);
//! - on a field: `ty = Type` (the type to declare, e.g. `OperationId` for a `&'static str`),
//!   `skip` (not an attribute), `optional` (callers may leave it out), `shown` (in a `secrets`
//!   record, the attribute reads the redacted value: a debug string, not what is sent).

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{format_ident, quote};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{parse_macro_input, Attribute, Data, DeriveInput, Expr, Fields, Ident, Lit, LitStr, Token, Type};

#[proc_macro_derive(Record, attributes(record))]
pub fn derive_record(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "derive(Record) takes no generic parameters",
        ));
    }
    let options = TypeOptions::read(&input.attrs)?;
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => expand_struct(input, &options, fields.named.iter().collect()),
            _ => Err(syn::Error::new_spanned(
                &input.ident,
                "derive(Record) needs named fields",
            )),
        },
        Data::Enum(data) => expand_enum(input, &options, data.variants.iter().collect()),
        Data::Union(_) => Err(syn::Error::new_spanned(
            &input.ident,
            "derive(Record) does not take unions",
        )),
    }
}

/// The doc comment of an item, its lines joined.
fn doc(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(pair) => match &pair.value {
                Expr::Lit(expr) => match &expr.lit {
                    Lit::Str(text) => Some(text.value()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .map(|line| line.strip_prefix(' ').map(str::to_owned).unwrap_or(line))
        .collect();
    lines.join("\n").trim().to_owned()
}

/// What the serde attributes of an item say, as far as the shape goes.
#[derive(Default)]
struct Serde {
    rename: Option<String>,
    rename_all: Option<String>,
    skip: bool,
    skip_if: bool,
    flatten: bool,
    untagged: bool,
}

impl Serde {
    fn read(attrs: &[Attribute]) -> syn::Result<Serde> {
        let mut serde = Serde::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
            attr.parse_nested_meta(|meta| {
                let path = &meta.path;
                if path.is_ident("rename") {
                    serde.rename = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if path.is_ident("rename_all") {
                    serde.rename_all = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if path.is_ident("skip") || path.is_ident("skip_serializing") {
                    serde.skip = true;
                } else if path.is_ident("skip_serializing_if") {
                    serde.skip_if = true;
                    meta.value()?.parse::<LitStr>()?;
                } else if path.is_ident("flatten") {
                    serde.flatten = true;
                } else if path.is_ident("untagged") {
                    serde.untagged = true;
                } else if meta.input.peek(Token![=]) {
                    meta.value()?.parse::<Expr>()?;
                } else if meta.input.peek(syn::token::Paren) {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    content.parse::<Tokens>()?;
                }
                Ok(())
            })?;
        }
        Ok(serde)
    }
}

/// `"doc" name?: Type = method` in `computed(...)`.
struct Computed {
    doc: String,
    name: Ident,
    optional: bool,
    ty: Type,
    method: Ident,
}

impl Parse for Computed {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let doc = input
            .parse::<Option<LitStr>>()?
            .map(|text| text.value())
            .unwrap_or_default();
        let name: Ident = input.parse()?;
        let optional = input.parse::<Option<Token![?]>>()?.is_some();
        input.parse::<Token![:]>()?;
        let ty: Type = input.parse()?;
        let method = if input.parse::<Option<Token![=]>>()?.is_some() {
            input.parse()?
        } else {
            name.clone()
        };
        Ok(Computed {
            doc,
            name,
            optional,
            ty,
            method,
        })
    }
}

#[derive(Default)]
struct TypeOptions {
    python: Option<String>,
    ts: Option<String>,
    input: bool,
    repr: Option<Vec<Ident>>,
    secrets: bool,
    computed: Vec<Computed>,
    python_stub: String,
}

impl TypeOptions {
    fn read(attrs: &[Attribute]) -> syn::Result<TypeOptions> {
        let mut options = TypeOptions::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("record")) {
            attr.parse_nested_meta(|meta| {
                let path = &meta.path;
                if path.is_ident("name") {
                    let name = meta.value()?.parse::<LitStr>()?.value();
                    options.python = Some(name.clone());
                    options.ts = Some(name);
                } else if path.is_ident("python") {
                    options.python = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if path.is_ident("ts") {
                    options.ts = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if path.is_ident("input") {
                    options.input = true;
                } else if path.is_ident("secrets") {
                    options.secrets = true;
                } else if path.is_ident("python_stub") {
                    options.python_stub = meta.value()?.parse::<LitStr>()?.value();
                } else if path.is_ident("repr") {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let names = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?;
                    options.repr = Some(names.into_iter().collect());
                } else if path.is_ident("computed") {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let items = Punctuated::<Computed, Token![,]>::parse_terminated(&content)?;
                    options.computed.extend(items);
                } else {
                    return Err(meta.error(
                        "unknown record option (name, python, ts, input, secrets, repr, computed, python_stub)",
                    ));
                }
                Ok(())
            })?;
        }
        Ok(options)
    }
}

#[derive(Default)]
struct FieldOptions {
    ty: Option<Type>,
    skip: bool,
    optional: bool,
    shown: bool,
}

impl FieldOptions {
    fn read(attrs: &[Attribute]) -> syn::Result<FieldOptions> {
        let mut options = FieldOptions::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("record")) {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("ty") {
                    options.ty = Some(meta.value()?.parse()?);
                } else if meta.path.is_ident("skip") {
                    options.skip = true;
                } else if meta.path.is_ident("optional") {
                    options.optional = true;
                } else if meta.path.is_ident("shown") {
                    options.shown = true;
                } else {
                    return Err(meta.error("unknown record field option (ty, skip, optional, shown)"));
                }
                Ok(())
            })?;
        }
        Ok(options)
    }
}

/// Python keywords and soft keywords an attribute cannot be named; such a field gets a `_`.
const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

fn python_attribute(serde_name: &str) -> String {
    if PYTHON_KEYWORDS.contains(&serde_name) {
        format!("{serde_name}_")
    } else {
        serde_name.to_owned()
    }
}

/// One attribute of a record: a field, or a computed value.
struct Member {
    /// The key serde writes.
    name: String,
    /// The Python attribute.
    attribute: String,
    doc: String,
    /// The type declared to the hosts.
    declared: Type,
    optional: bool,
    flatten: bool,
    /// How to reach the value from `self.value`.
    read: Tokens,
    /// The same from `shown`, the value with its secrets redacted.
    read_shown: Tokens,
}

fn expand_struct(input: &DeriveInput, options: &TypeOptions, fields: Vec<&syn::Field>) -> syn::Result<Tokens> {
    let ident = &input.ident;
    let python_name = options.python.clone().unwrap_or_else(|| ident.to_string());
    let ts_name = options.ts.clone().unwrap_or_else(|| ident.to_string());
    let type_doc = doc(&input.attrs);

    let mut members = Vec::new();
    for field in fields {
        let serde = Serde::read(&field.attrs)?;
        let own = FieldOptions::read(&field.attrs)?;
        if serde.skip || own.skip {
            continue;
        }
        let Some(field_ident) = field.ident.clone() else {
            continue;
        };
        let name = serde.rename.clone().unwrap_or_else(|| field_ident.to_string());
        members.push(Member {
            attribute: python_attribute(&name),
            name,
            doc: doc(&field.attrs),
            declared: own.ty.clone().unwrap_or_else(|| field.ty.clone()),
            optional: serde.skip_if || own.optional,
            flatten: serde.flatten,
            read: if own.shown {
                quote! { &crate::record::Secrets::shown(&self.value).#field_ident }
            } else {
                quote! { &self.value.#field_ident }
            },
            read_shown: quote! { &shown.#field_ident },
        });
    }
    for computed in &options.computed {
        let method = &computed.method;
        let name = computed.name.to_string();
        members.push(Member {
            attribute: python_attribute(&name),
            name,
            doc: computed.doc.clone(),
            declared: computed.ty.clone(),
            optional: computed.optional,
            flatten: false,
            read: quote! { &self.value.#method() },
            read_shown: quote! { &shown.#method() },
        });
    }
    if let Some(repr) = &options.repr {
        for wanted in repr {
            if !members.iter().any(|member| *wanted == member.attribute.as_str()) {
                return Err(syn::Error::new_spanned(
                    wanted,
                    "repr() names an attribute the record does not have",
                ));
            }
        }
    }
    let repr: Vec<String> = match &options.repr {
        Some(names) => names.iter().map(Ident::to_string).collect(),
        None => members.iter().map(|member| member.attribute.clone()).collect(),
    };

    let schema = struct_schema(ident, options, &python_name, &ts_name, &type_doc, &members, &repr);
    let python = if options.input {
        Tokens::new()
    } else {
        struct_python(ident, &python_name, &type_doc, &members, &repr, options.secrets)
    };
    Ok(quote! { #schema #python })
}

fn struct_schema(
    ident: &Ident,
    options: &TypeOptions,
    python_name: &str,
    ts_name: &str,
    type_doc: &str,
    members: &[Member],
    repr: &[String],
) -> Tokens {
    let fields = members.iter().map(|member| {
        let Member {
            name,
            attribute,
            doc,
            declared,
            optional,
            flatten,
            ..
        } = member;
        quote! {
            crate::record::schema::Field {
                name: #name,
                attribute: #attribute,
                doc: #doc,
                ty: <#declared as crate::record::schema::Schema>::ty(),
                optional: #optional,
                flatten: #flatten,
            }
        }
    });
    let input = options.input;
    let secrets = options.secrets;
    let stub = &options.python_stub;
    let kind = quote! {
        crate::record::schema::Kind::Record(crate::record::schema::RecordShape {
            fields: vec![#(#fields),*],
            input: #input,
            secrets: #secrets,
            repr: vec![#(#repr),*],
            python_stub: #stub,
        })
    };
    named_schema(ident, python_name, ts_name, type_doc, kind)
}

/// The test-only schema impls every record has, structs and enums alike; `kind` is its shape.
fn named_schema(ident: &Ident, python_name: &str, ts_name: &str, type_doc: &str, kind: Tokens) -> Tokens {
    quote! {
        #[cfg(test)]
        impl crate::record::schema::Schema for #ident {
            fn ty() -> crate::record::schema::Ty {
                crate::record::schema::Ty::Named(<#ident as crate::record::schema::NamedSchema>::named)
            }
        }
        #[cfg(test)]
        impl crate::record::schema::NamedSchema for #ident {
            fn named() -> crate::record::schema::Named {
                crate::record::schema::Named {
                    id: concat!(module_path!(), "::", stringify!(#ident)),
                    python: #python_name,
                    ts: #ts_name,
                    doc: #type_doc,
                    kind: #kind,
                }
            }
        }
    }
}

fn struct_python(
    ident: &Ident,
    python_name: &str,
    type_doc: &str,
    members: &[Member],
    repr: &[String],
    secrets: bool,
) -> Tokens {
    let class = format_ident!("Py{}", ident);
    let count = members.len();
    let getters = members.iter().enumerate().map(|(index, member)| {
        let getter = format_ident!("get_{}", member.attribute);
        let doc = &member.doc;
        let read = &member.read;
        quote! {
            #[getter]
            #[doc = #doc]
            fn #getter<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                crate::record::python::memo(py, &self.memo[#index], || crate::record::python::ToPy::to_py(#read, py))
            }
        }
    });
    let shown = repr.iter().map(|attribute| {
        let index = members.iter().position(|member| member.attribute == *attribute).unwrap_or_default();
        if secrets {
            // Read from the redacted value, never from the memo of the attributes (what is sent).
            let read = &members[index].read_shown;
            quote! { (#attribute, crate::record::python::ToPy::to_py(#read, py)?) }
        } else {
            let read = &members[index].read;
            quote! {
                (#attribute, crate::record::python::memo(py, &self.memo[#index], || crate::record::python::ToPy::to_py(#read, py))?)
            }
        }
    });
    let shown_value = if secrets {
        quote! { let shown = crate::record::Secrets::shown(&self.value); }
    } else {
        Tokens::new()
    };
    let to_dict = if secrets {
        quote! {
            /// The result as plain data: dicts, lists, str, int, float, bool and None (a new copy
            /// on every call). A security or bearer token shows as `<redacted>` unless
            /// `include_secrets=True`.
            #[pyo3(signature = (*, include_secrets = false))]
            fn to_dict<'py>(&self, py: ::pyo3::Python<'py>, include_secrets: bool) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                if include_secrets {
                    crate::record::python::to_dict(py, &self.value)
                } else {
                    crate::record::python::to_dict(py, &crate::record::Secrets::shown(&self.value))
                }
            }
        }
    } else {
        quote! {
            /// The result as plain data: dicts, lists, str, int, float, bool and None, exactly
            /// the JSON the conformance vectors hold (a new copy on every call).
            fn to_dict<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                crate::record::python::to_dict(py, &self.value)
            }
        }
    };
    let reduce_check = if secrets {
        quote! {
            if crate::record::Secrets::shown(&slf.get().value) != slf.get().value {
                return Err(::pyo3::exceptions::PyTypeError::new_err(concat!(
                    #python_name,
                    " holds a security or bearer token and is not pickled; pickle to_dict(include_secrets=True) if it must be stored"
                )));
            }
        }
    } else {
        Tokens::new()
    };
    let class_doc = if type_doc.is_empty() {
        python_name.to_owned()
    } else {
        type_doc.to_owned()
    };
    quote! {
        #[cfg(feature = "python")]
        #[doc(hidden)]
        #[doc = #class_doc]
        #[::pyo3::pyclass(frozen, name = #python_name, module = "opgate")]
        pub struct #class {
            pub(crate) value: #ident,
            memo: [::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::PyAny>>; #count],
        }

        #[cfg(feature = "python")]
        impl crate::record::python::Native for #ident {
            type Class = #class;
            fn wrap(self) -> #class {
                #class { value: self, memo: ::std::array::from_fn(|_| ::pyo3::sync::PyOnceLock::new()) }
            }
            fn value(class: &#class) -> &Self {
                &class.value
            }
        }

        #[cfg(feature = "python")]
        impl crate::record::python::ToPy for #ident {
            fn to_py<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                crate::record::python::IntoPy::into_py(self.clone(), py)
            }
        }

        #[cfg(feature = "python")]
        impl crate::record::python::IntoPy for #ident {
            fn into_py<'py>(self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                Ok(::pyo3::Bound::new(py, crate::record::python::Native::wrap(self))?.into_any())
            }
        }

        #[cfg(feature = "python")]
        #[::pyo3::pymethods]
        impl #class {
            /// Rebuilds a result from the dict `to_dict()` returns (what unpickling does).
            #[new]
            #[pyo3(signature = (data))]
            fn __new__(data: &::pyo3::Bound<'_, ::pyo3::PyAny>) -> ::pyo3::PyResult<Self> {
                crate::record::python::from_data::<#ident>(data, #python_name).map(crate::record::python::Native::wrap)
            }

            #(#getters)*

            #to_dict

            fn __richcmp__<'py>(
                &self,
                other: &::pyo3::Bound<'py, ::pyo3::PyAny>,
                op: ::pyo3::pyclass::CompareOp,
            ) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                crate::record::python::compare::<#ident>(&self.value, other, op)
            }

            fn __hash__(&self) -> u64 {
                crate::record::python::hash(&self.value)
            }

            fn __repr__(&self, py: ::pyo3::Python<'_>) -> ::pyo3::PyResult<String> {
                #shown_value
                crate::record::python::repr(#python_name, &[#(#shown),*])
            }

            fn __reduce__<'py>(slf: &::pyo3::Bound<'py, Self>) -> ::pyo3::PyResult<(::pyo3::Bound<'py, ::pyo3::types::PyType>, (::pyo3::Bound<'py, ::pyo3::PyAny>,))> {
                #reduce_check
                Ok((::pyo3::types::PyAnyMethods::get_type(slf.as_any()), (crate::record::python::to_dict(slf.py(), &slf.get().value)?,)))
            }

            fn __copy__(slf: ::pyo3::Bound<'_, Self>) -> ::pyo3::Bound<'_, Self> {
                slf
            }

            fn __deepcopy__<'py>(slf: ::pyo3::Bound<'py, Self>, memo: &::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::Bound<'py, Self> {
                let _ = memo;
                slf
            }
        }
    }
}

/// serde's `rename_all` rules for variant names that this crate uses.
fn renamed(variant: &str, rule: Option<&str>) -> String {
    match rule {
        Some("snake_case") => {
            let mut out = String::new();
            for (index, ch) in variant.chars().enumerate() {
                if ch.is_uppercase() && index > 0 {
                    out.push('_');
                }
                out.extend(ch.to_lowercase());
            }
            out
        }
        Some("lowercase") => variant.to_lowercase(),
        _ => variant.to_owned(),
    }
}

fn expand_enum(input: &DeriveInput, options: &TypeOptions, variants: Vec<&syn::Variant>) -> syn::Result<Tokens> {
    let ident = &input.ident;
    let python_name = options.python.clone().unwrap_or_else(|| ident.to_string());
    let ts_name = options.ts.clone().unwrap_or_else(|| ident.to_string());
    let type_doc = doc(&input.attrs);
    let serde = Serde::read(&input.attrs)?;
    let named = |kind: Tokens| named_schema(ident, &python_name, &ts_name, &type_doc, kind);

    if variants.iter().all(|variant| matches!(variant.fields, Fields::Unit)) {
        let names = variants.iter().map(|variant| &variant.ident);
        let schema = named(quote! {
            crate::record::schema::Kind::Literal(crate::record::schema::literal_values(&[#(#ident::#names),*]))
        });
        return Ok(quote! {
            #schema
            #[cfg(feature = "python")]
            impl crate::record::python::ToPy for #ident {
                fn to_py<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                    crate::record::python::literal(py, self)
                }
            }
        });
    }

    let mut payloads = Vec::new();
    for variant in &variants {
        match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                let variant_serde = Serde::read(&variant.attrs)?;
                let key = variant_serde
                    .rename
                    .unwrap_or_else(|| renamed(&variant.ident.to_string(), serde.rename_all.as_deref()));
                payloads.push((&variant.ident, &fields.unnamed[0].ty, key));
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    &variant.ident,
                    "derive(Record) takes enums whose variants are all units or all one-field tuples",
                ))
            }
        }
    }
    let arms = payloads.iter().map(|(variant, _, _)| {
        quote! { #ident::#variant(value) => crate::record::python::ToPy::to_py(value, py), }
    });
    if serde.untagged {
        let members = payloads
            .iter()
            .map(|(_, ty, _)| quote! { <#ty as crate::record::schema::Schema>::ty() });
        let schema = named(quote! { crate::record::schema::Kind::Union(vec![#(#members),*]) });
        return Ok(quote! {
            #schema
            #[cfg(feature = "python")]
            impl crate::record::python::ToPy for #ident {
                fn to_py<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                    match self { #(#arms)* }
                }
            }
        });
    }
    let members = payloads
        .iter()
        .map(|(_, ty, key)| quote! { (#key, <#ty as crate::record::schema::Schema>::ty()) });
    let schema = named(quote! { crate::record::schema::Kind::Tagged(vec![#(#members),*]) });
    Ok(quote! {
        #schema
        #[cfg(feature = "python")]
        impl crate::record::python::ToPy for #ident {
            fn to_py<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                crate::record::python::frozen_json(py, self)
            }
        }
    })
}

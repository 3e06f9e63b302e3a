//! Describe items projected on the JS side: one crossing into wasm for a whole list instead of
//! several per field of every item.
//!
//! The core decides what is read: [`Pick::for_operation`] names the fields of an item, and the
//! core's reader judges every value. This module only moves values: a JS function walks the
//! items along the core's field list and hands the picked fields over as one JSON text, which
//! the core then reads through the same [`HostValue`] contract, with the JS spelling of paths
//! and types. The walk gives up, and the call reads the live JS values as before, as soon as
//! it meets anything that is not plain data (a getter that throws, a `Map` or
//! `Date`, a class instance, a BigInt, a number that is not a safe integer, a string too large,
//! a lone surrogate, a list over the limits): the answer, including every error and its path,
//! is then exactly the one the live values give.
//!
//! The same snippet holds the plain-data copy behind [`crate::convert::plain_json`] (call
//! arguments as one JSON text), so that both read scalars by one rule.

use std::borrow::Cow;
use std::cell::RefCell;

use opgate::host::limits::{MAX_BYTES, MAX_LIST_ITEMS, MAX_NODES};
use opgate::host::{HostKind, HostValue, Kind, Pick, Problem};
use opgate::spec::OperationSpec;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use wasm_bindgen::prelude::*;

use crate::convert::{plain, Js};

#[wasm_bindgen(inline_js = r#"
// Returned (never thrown: exceptions through optimised frames have crashed V8's deoptimiser)
// when a value is not plain data.
const DIRTY = Symbol("not plain data");
const PLAIN = Object.prototype;
const UTF8 = new TextEncoder();

// Returned by `scalar` for null and containers, which the caller reads.
const OBJECT = Symbol("object");

// A scalar as the core takes it from plain data, or DIRTY for one the live path must judge.
function scalar(value, budget) {
  switch (typeof value) {
    case "string":
      return value.length > budget.maxBytes ? DIRTY : value;
    case "boolean":
      return value;
    case "number":
      // Only integers JS holds exactly: they read back bit for bit. A fraction, NaN or
      // Infinity takes the live path, which judges it.
      return Number.isSafeInteger(value) ? value : DIRTY;
    case "object":
      return OBJECT;
    default:
      return DIRTY;
  }
}

function walk(value, pick, budget) {
  const taken = scalar(value, budget);
  if (taken !== OBJECT) return taken;
  if (value === null) return null;
  if (--budget.nodes < 0) return DIRTY;
  if (Array.isArray(value)) {
    if (pick === 1) return DIRTY;
    if (pick === 0 || Array.isArray(pick)) return [];
    const length = value.length;
    if (!(length <= budget.maxItems)) return DIRTY;
    const out = new Array(length);
    for (let index = 0; index < length; index += 1) {
      const item = value[index];
      const projected = item === undefined ? null : walk(item, pick.items, budget);
      if (projected === DIRTY) return DIRTY;
      out[index] = projected;
    }
    return out;
  }
  const prototype = Object.getPrototypeOf(value);
  if ((prototype !== PLAIN && prototype !== null) || pick === 1) return DIRTY;
  const out = {};
  if (Array.isArray(pick)) {
    for (let index = 0; index < pick.length; index += 1) {
      const name = pick[index][0];
      const child = value[name];
      if (child !== undefined) {
        const projected = walk(child, pick[index][1], budget);
        if (projected === DIRTY) return DIRTY;
        out[name] = projected;
      }
    }
  }
  return out;
}

// A whole Describe response: each of the spec's list paths is followed as the core follows it
// (every value met on the way is handed over, so the core reads and counts the same ones), and
// the first that ends at a list gives the items.
function response(resources, listPaths, pick, budget) {
  const out = {};
  for (const path of listPaths) {
    let current = resources;
    let holder = out;
    for (let depth = 0; depth < path.length; depth += 1) {
      const key = path[depth];
      const child = current[key];
      if (child === undefined) break;
      if (typeof child !== "object" || child === null) {
        const scalar = walk(child, 0, budget);
        if (scalar === DIRTY) return DIRTY;
        holder[key] = scalar;
        break;
      }
      const list = Array.isArray(child);
      const prototype = Object.getPrototypeOf(child);
      if (!list && prototype !== PLAIN && prototype !== null) return DIRTY;
      if (depth === path.length - 1) {
        if (!list) {
          holder[key] = {};
          break;
        }
        const items = walk(child, { items: pick }, budget);
        if (items === DIRTY) return DIRTY;
        holder[key] = items;
        return out;
      }
      // A list on the way: the core would look the next key up on it; rare enough to leave to
      // the live path.
      if (list) return DIRTY;
      if (holder[key] === undefined) holder[key] = {};
      current = child;
      holder = holder[key];
    }
  }
  return out;
}

// A copy of `value` holding only plain data, or DIRTY. Each property is read once, as the live
// path reads it (Object.keys, then the value; `undefined` is absent). The copy's objects are
// ordinary ones (JSON.stringify is slower on objects without a prototype); a `__proto__` key
// is defined, not assigned, so that it stays a key.
function copy(value, budget, depth) {
  const taken = scalar(value, budget);
  if (taken !== OBJECT) return taken;
  if (value === null) return null;
  if (--budget.nodes < 0 || depth > budget.maxDepth) return DIRTY;
  if (Array.isArray(value)) {
    const length = value.length;
    if (!(length <= budget.maxItems)) return DIRTY;
    const out = new Array(length);
    for (let index = 0; index < length; index += 1) {
      const item = value[index];
      const copied = item === undefined ? null : copy(item, budget, depth + 1);
      if (copied === DIRTY) return DIRTY;
      out[index] = copied;
    }
    return out;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== PLAIN && prototype !== null) return DIRTY;
  const out = {};
  const keys = Object.keys(value);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    const item = value[key];
    if (item === undefined) continue;
    const copied = copy(item, budget, depth + 1);
    if (copied === DIRTY) return DIRTY;
    if (key === "__proto__") {
      Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
    } else {
      out[key] = copied;
    }
  }
  return out;
}

// The JSON text of `[first, second, third][..count]`, each copied as plain data (`undefined`
// as null, as the core reads it), or undefined when any of them is not plain data.
export function opgate_plain_json(count, first, second, third, maxItems, maxNodes, maxBytes, maxDepth) {
  try {
    const budget = { nodes: maxNodes, maxItems, maxBytes, maxDepth };
    const copies = new Array(count);
    for (let index = 0; index < count; index += 1) {
      const value = index === 0 ? first : index === 1 ? second : third;
      const copied = value === undefined ? null : copy(value, budget, 0);
      if (copied === DIRTY) return undefined;
      copies[index] = copied;
    }
    return JSON.stringify(copies);
  } catch {
    // A getter or Proxy trap threw: the live path reads the value and words the error.
    return undefined;
  }
}
export function opgate_project(resources, pick, idField, listPaths, maxItems, maxNodes, maxBytes) {
  const budget = { nodes: maxNodes, maxItems, maxBytes };
  try {
    let projected = DIRTY;
    if (Array.isArray(resources)) {
      projected = walk(resources, { items: pick }, budget);
    } else if (resources !== null && typeof resources === "object" && Object.getPrototypeOf(resources) === PLAIN) {
      projected = resources[idField] !== undefined ? walk(resources, pick, budget) : response(resources, listPaths, pick, budget);
    }
    // Bytes rather than a string: the copy into wasm memory is then one memcpy.
    return projected === DIRTY ? undefined : UTF8.encode(JSON.stringify(projected));
  } catch {
    // A getter or Proxy trap threw: the live path reads the value and words the error.
    return undefined;
  }
}
"#)]
extern "C" {
    /// The JSON text (UTF-8) of `resources` projected as `pick` says, or `undefined` when a
    /// value is not plain data. Never throws.
    fn opgate_project(
        resources: &JsValue,
        pick: &JsValue,
        id_field: &str,
        list_paths: &JsValue,
        max_items: u32,
        max_nodes: u32,
        max_bytes: u32,
    ) -> Option<js_sys::Uint8Array>;

    /// The JSON text of the list of the first `count` values (at most three) when each is
    /// plain data (plain objects and arrays, strings, booleans, safe integers, `null`, within
    /// the limits), `undefined` otherwise. Never throws.
    pub(crate) fn opgate_plain_json(
        count: u32,
        first: &JsValue,
        second: &JsValue,
        third: &JsValue,
        max_items: u32,
        max_nodes: u32,
        max_bytes: u32,
        max_depth: u32,
    ) -> Option<String>;
}

thread_local! {
    /// Each operation's field list and list paths as JS values, made once.
    static PICKS: RefCell<Vec<(&'static str, JsValue, JsValue)>> = const { RefCell::new(Vec::new()) };
}

fn pick_for(spec: &'static OperationSpec, pick: &Pick) -> Option<(JsValue, JsValue)> {
    PICKS.with(|picks| {
        let mut picks = picks.try_borrow_mut().ok()?;
        if let Some((_, fields, paths)) = picks.iter().find(|(known, _, _)| *known == spec.id) {
            return Some((fields.clone(), paths.clone()));
        }
        let fields = plain(&pick.describe()).ok()?;
        let paths = plain(&serde_json::json!(spec.resource.list_paths)).ok()?;
        picks.push((spec.id, fields.clone(), paths.clone()));
        Some((fields, paths))
    })
}

/// The items of `resources`, projected for `operation`, when every value on the way is plain
/// data; `None` otherwise, so that the call reads the live values.
pub fn project(operation: &JsValue, resources: &JsValue) -> Option<Vec<u8>> {
    let id = operation.as_string()?;
    let spec = opgate::catalog::operation(&id).ok()?;
    let pick = Pick::for_operation(spec.id)?;
    let (js_pick, list_paths) = pick_for(spec, pick)?;
    let limit = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let bytes = opgate_project(
        resources,
        &js_pick,
        spec.resource.id_field,
        &list_paths,
        limit(MAX_LIST_ITEMS),
        limit(MAX_NODES),
        limit(MAX_BYTES),
    )?;
    Some(bytes.to_vec())
}

/// The projection read from its JSON text. A lone surrogate arrives escaped, and serde_json
/// refuses it: the live path then words the error.
pub fn parse(bytes: &[u8]) -> Option<Node<'_>> {
    serde_json::from_slice(bytes).ok()
}

/// A projected value as JSON text gave it, its strings borrowed from the text where they have
/// no escapes. Maps keep their few fields in order in a list: the reader looks each up once, so
/// a hash table would cost more than it saves.
pub enum Node<'a> {
    Null,
    Bool(bool),
    Number(f64),
    Str(Cow<'a, str>),
    List(Vec<Node<'a>>),
    Map(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// A string borrowed from the JSON text when it has no escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node<'de>;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<Node<'de>, E> {
                Ok(Node::Null)
            }
            fn visit_bool<E>(self, flag: bool) -> Result<Node<'de>, E> {
                Ok(Node::Bool(flag))
            }
            // The JS side sends safe integers only, so f64 holds each exactly.
            fn visit_i64<E>(self, int: i64) -> Result<Node<'de>, E> {
                Ok(Node::Number(int as f64))
            }
            fn visit_u64<E>(self, int: u64) -> Result<Node<'de>, E> {
                Ok(Node::Number(int as f64))
            }
            fn visit_f64<E>(self, float: f64) -> Result<Node<'de>, E> {
                Ok(Node::Number(float))
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Node<'de>, E> {
                Ok(Node::Str(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Node<'de>, E> {
                Ok(Node::Str(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> Result<Node<'de>, E> {
                Ok(Node::Str(Cow::Owned(text)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
                let mut entries = Vec::new();
                while let Some((Text(key), value)) = map.next_entry::<Text<'de>, Node<'de>>()? {
                    entries.push((key, value));
                }
                Ok(Node::Map(entries))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// Runs `call` on a call's arguments: their plain-data copy ([`crate::convert::plain_json`])
/// when every one is plain data, else the live values.
pub fn with_arguments<const N: usize, R>(values: [JsValue; N], call: impl for<'a> FnOnce([Input<'a>; N]) -> R) -> R {
    let text = crate::convert::plain_json(&values);
    let copied = text.as_deref().and_then(|text| parse(text.as_bytes()));
    if let Some(Node::List(nodes)) = &copied {
        if let Ok(nodes) = <&[Node; N]>::try_from(nodes.as_slice()) {
            return call(nodes.each_ref().map(Input::Projected));
        }
    }
    call(values.map(js))
}

/// A JS argument, read live. Every export takes its arguments as [`Input`]s, so the core's
/// generic reading code is compiled once for the wasm build, not once per value type.
pub fn js(value: JsValue) -> Input<'static> {
    Input::Live(Js(value))
}

/// A call argument: a live JS value, or the projection of one.
#[derive(Clone)]
pub enum Input<'a> {
    Live(Js),
    Projected(&'a Node<'a>),
}

impl<'a> HostValue for Input<'a> {
    const HOST: HostKind = HostKind::JavaScript;

    fn kind(&self) -> Result<Kind<'_>, Problem> {
        let node = match self {
            Input::Live(js) => return js.kind(),
            Input::Projected(node) => node,
        };
        Ok(match node {
            Node::Null => Kind::Null,
            Node::Bool(flag) => Kind::Bool(*flag),
            // Exact integers read as integers, as the live path reads JS numbers.
            Node::Number(float) if float.fract() == 0.0 && float.abs() <= 9_007_199_254_740_991.0 => {
                Kind::Int(*float as i64)
            }
            Node::Number(float) => Kind::Float(*float),
            Node::Str(text) => Kind::Str(Cow::Borrowed(text)),
            Node::List(_) => Kind::List,
            Node::Map(_) => Kind::Map,
        })
    }

    fn field(&self, key: &'static str) -> Result<Option<Self>, Problem> {
        match self {
            Input::Live(js) => Ok(js.field(key)?.map(Input::Live)),
            // Lengths first: most keys of a map differ from `key` in length already.
            Input::Projected(Node::Map(entries)) => Ok(entries
                .iter()
                .find(|(name, _)| name.len() == key.len() && name.as_bytes() == key.as_bytes())
                .map(|(_, node)| Input::Projected(node))),
            Input::Projected(_) => Ok(None),
        }
    }

    fn list_len(&self) -> Result<usize, Problem> {
        match self {
            Input::Live(js) => js.list_len(),
            Input::Projected(Node::List(items)) => Ok(items.len()),
            Input::Projected(_) => Ok(0),
        }
    }

    fn list_item(&self, index: usize) -> Result<Self, Problem> {
        match self {
            Input::Live(js) => js.list_item(index).map(Input::Live),
            Input::Projected(Node::List(items)) => items.get(index).map(Input::Projected).ok_or(Problem::Unreadable),
            Input::Projected(_) => Err(Problem::Unreadable),
        }
    }

    fn for_each_entry<E>(
        &self,
        mut visit: impl FnMut(&str, Self) -> Result<(), E>,
        problem: impl Fn(Problem, Option<&str>) -> E,
    ) -> Result<(), E> {
        match self {
            Input::Live(js) => js.for_each_entry(|key, value| visit(key, Input::Live(value)), problem),
            Input::Projected(Node::Map(entries)) => {
                for (key, node) in entries {
                    visit(key, Input::Projected(node))?;
                }
                Ok(())
            }
            Input::Projected(_) => Ok(()),
        }
    }
}

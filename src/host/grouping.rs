//! Describe items read by groups ([`crate::grouped`]): each item's guard fields, its id aside,
//! are read into one reusable signature buffer, and only the first item of each signature, its
//! representative, is projected into JSON. Equal signatures mean equal projections (the
//! signature encodes every value the projection would hold, with its kind and length), so a
//! representative answers for its whole group.
//!
//! Anything unusual (an item that is not a map, an id that is not a string, binary data, a
//! list path through a list, more items than the engine takes, any value the reader refuses)
//! gives `None`: the call then reads the items as [`Reader::resources`] does, which words
//! every error with its path. The budget is charged as the projection would charge it, on a
//! copy of the call's reader, so an input over a limit is never answered here.

use std::collections::HashMap;

use serde_json::Value;

use crate::host::projection::Pick;
use crate::host::read::Reader;
use crate::host::value::{HostValue, Kind};
use crate::precheck::MAX_RESOURCES;
use crate::spec::OperationSpec;

/// A resource list read by groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Grouping {
    /// One item per group, projected to the fields the guards read.
    pub representatives: Vec<Value>,
    /// Each item's group, in the order of the list.
    pub rows: Vec<u32>,
    /// Each item's id, in the order of the list.
    pub ids: Vec<String>,
}

impl Reader {
    /// `resources` (a list of Describe items, one item, or a whole Describe response) read by
    /// groups; `None` whenever the plain projection should read it instead.
    pub fn grouped<H: HostValue>(&mut self, spec: &OperationSpec, resources: &H) -> Option<Grouping> {
        let guards = Pick::for_guards_of(spec.id)?;
        let Pick::Fields(fields) = guards else {
            return None;
        };
        let id_field = spec.resource.id_field;
        let Pick::Fields(read) = Pick::for_operation(spec.id)? else {
            return None;
        };
        let unread: Vec<&(&'static str, Pick)> = read.iter().filter(|field| !fields.contains(field)).collect();
        let list = match self.kind(resources).ok()? {
            Kind::List => Some(resources.clone()),
            Kind::Map if resources.field(id_field).ok()?.is_some() => None,
            Kind::Map => Some(self.listed(spec, resources)?),
            _ => return None,
        };
        let count = match &list {
            Some(list) => list.list_len().ok()?,
            None => 1,
        };
        if count > MAX_RESOURCES {
            return None;
        }
        let mut grouping = Grouping {
            representatives: Vec::new(),
            rows: Vec::with_capacity(count),
            ids: Vec::with_capacity(count),
        };
        let mut groups: HashMap<Vec<u8>, u32> = HashMap::new();
        let mut signature = Vec::new();
        for index in 0..count {
            let item = match &list {
                Some(list) => list.list_item(index).ok()?,
                None => resources.clone(),
            };
            if !matches!(self.kind(&item).ok()?, Kind::Map) {
                return None;
            }
            let id = match item.field(id_field).ok()? {
                Some(id) => match self.kind(&id).ok()? {
                    Kind::Str(id) => id.into_owned(),
                    _ => return None,
                },
                None => return None,
            };
            signature.clear();
            for (name, pick) in fields.iter().filter(|(name, _)| *name != id_field) {
                let child = item.field(name).ok()?;
                self.sign(child.as_ref(), pick, &mut signature)?;
            }
            // The fields only a waiter reads (ECS `StartTime`) do not decide, so they are not
            // compared; they are read as the projection reads them, so that a value it would
            // refuse is refused by it.
            for (name, pick) in &unread {
                if let Some(child) = item.field(name).ok()? {
                    self.pick(&child, pick).ok()?;
                }
            }
            let group = match groups.get(&signature) {
                Some(group) => *group,
                None => {
                    let group = u32::try_from(grouping.representatives.len()).ok()?;
                    grouping.representatives.push(self.pick(&item, guards).ok()?);
                    groups.insert(signature.clone(), group);
                    group
                }
            };
            grouping.rows.push(group);
            grouping.ids.push(id);
        }
        Some(grouping)
    }

    /// The item list of a whole Describe response: the first list path through maps that ends
    /// at a list.
    fn listed<H: HostValue>(&mut self, spec: &OperationSpec, response: &H) -> Option<H> {
        'paths: for path in spec.resource.list_paths {
            let mut current = response.clone();
            for (depth, key) in path.iter().enumerate() {
                let Some(child) = current.field(key).ok()? else {
                    continue 'paths;
                };
                match self.kind(&child).ok()? {
                    Kind::List if depth + 1 == path.len() => return Some(child),
                    Kind::Map if depth + 1 < path.len() => current = child,
                    // A map where the list should be: the projection tries the next path.
                    Kind::Map => continue 'paths,
                    // A list on the way, or a scalar: left to the projection.
                    _ => return None,
                }
            }
        }
        None
    }

    /// Appends to `signature` what `value` projects to under `pick`: a tag, then the content.
    fn sign<H: HostValue>(&mut self, value: Option<&H>, pick: &Pick, signature: &mut Vec<u8>) -> Option<()> {
        let Some(value) = value else {
            signature.push(b'-');
            return Some(());
        };
        if *pick == Pick::Whole {
            signature.push(b'w');
            let whole = self.json(value).ok()?;
            let text = serde_json::to_vec(&whole).ok()?;
            signature.extend_from_slice(&(text.len() as u64).to_le_bytes());
            signature.extend_from_slice(&text);
            return Some(());
        }
        match (self.kind(value).ok()?, pick) {
            (Kind::Null, _) => signature.push(b'z'),
            (Kind::Bool(flag), _) => signature.push(if flag { b'T' } else { b'F' }),
            (Kind::Int(int), _) => {
                signature.push(b'i');
                signature.extend_from_slice(&int.to_le_bytes());
            }
            (Kind::UInt(uint), _) => {
                signature.push(b'u');
                signature.extend_from_slice(&uint.to_le_bytes());
            }
            (Kind::Float(float), _) => {
                signature.push(b'f');
                signature.extend_from_slice(&float.to_bits().to_le_bytes());
            }
            (Kind::Str(text), _) => {
                signature.push(b's');
                signature.extend_from_slice(&(text.len() as u64).to_le_bytes());
                signature.extend_from_slice(text.as_bytes());
            }
            (Kind::Bytes(_), _) => return None,
            (Kind::List, Pick::Items(inner)) => {
                let length = self.list_len(value).ok()?;
                signature.push(b'[');
                signature.extend_from_slice(&(length as u64).to_le_bytes());
                for index in 0..length {
                    let item = value.list_item(index).ok()?;
                    self.sign(Some(&item), inner, signature)?;
                }
            }
            (Kind::Map, Pick::Fields(fields)) => {
                signature.push(b'{');
                for (name, inner) in fields {
                    let child = value.field(name).ok()?;
                    self.sign(child.as_ref(), inner, signature)?;
                }
                signature.push(b'}');
            }
            // A container the projection does not enter: an empty one of its kind.
            (Kind::List, _) => signature.push(b'L'),
            (Kind::Map, _) => signature.push(b'M'),
        }
        Some(())
    }
}

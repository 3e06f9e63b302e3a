//! Describe items are read by projection: only the fields an operation's guards look at are
//! read from the host value, so a full DescribeInstances item (~60 fields, nested network
//! interfaces, tags…) costs the same as one with the five fields that decide. The projection is
//! derived from the spec ([`Pick::for_resources`]); `tests/host_projection.rs` proves that a
//! pre-check of projected items answers exactly as one of the full items, for every vector.

use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::catalog::operations;
use crate::error::Error;
use crate::host::errors::HostError;
use crate::host::read::{ReadResult, Reader};
use crate::host::value::{HostValue, Kind};
use crate::precheck::{too_many_resources, MAX_RESOURCES};
use crate::spec::{Guard, OperationSpec};

/// What to read of a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    /// Scalars as they are; a container only as an empty one of its kind (the engines only name
    /// a container they did not expect).
    Scalar,
    /// The whole value (small, read-whole fields such as Compute Nest `OperationMetadata`).
    Whole,
    /// A map, with only these fields; anything else as [`Pick::Scalar`].
    Fields(Vec<(&'static str, Pick)>),
    /// A list, each item picked so; anything else as [`Pick::Scalar`].
    Items(Box<Pick>),
}

impl Pick {
    fn field(mut self, name: &'static str, pick: Pick) -> Pick {
        if let Pick::Fields(fields) = &mut self {
            match fields.iter_mut().find(|(known, _)| *known == name) {
                Some((_, existing)) => *existing = merge(std::mem::replace(existing, Pick::Scalar), pick),
                None => fields.push((name, pick)),
            }
        }
        self
    }

    /// The projection of one Describe item for the operation `id`, derived once per operation
    /// and kept: every pre-check of that operation reads its items through the same one.
    pub fn for_operation(id: &str) -> Option<&'static Pick> {
        kept(id).map(|(resources, _)| resources)
    }

    /// The projection as plain data, for a host that projects items itself before it hands
    /// them over (the JS glue does, to cross into wasm once instead of once per field): `0`
    /// for [`Pick::Scalar`], `1` for [`Pick::Whole`], `[[name, pick], …]` for
    /// [`Pick::Fields`] and `{"items": pick}` for [`Pick::Items`].
    pub fn describe(&self) -> Value {
        match self {
            Pick::Scalar => Value::from(0),
            Pick::Whole => Value::from(1),
            Pick::Fields(fields) => Value::Array(crate::lists::map_items(fields, |(name, pick)| {
                Value::Array(vec![Value::from(*name), pick.describe()])
            })),
            Pick::Items(item) => Value::Object(Map::from_iter([("items".to_owned(), item.describe())])),
        }
    }

    /// The projection the guards alone read (no waiter evidence), derived once per operation:
    /// what a host that groups items by their decisive fields hashes ([`crate::grouped`]).
    pub fn for_guards_of(id: &str) -> Option<&'static Pick> {
        kept(id).map(|(_, guards)| guards)
    }

    /// The fields of one Describe item that the operation's guards and its target reading use,
    /// and the waiter's evidence fields.
    pub fn for_resources(spec: &OperationSpec) -> Pick {
        let mut item = Pick::for_guards(spec);
        // The fields whose change shows a waiter that the operation acted (ECS `StartTime`).
        for evidence in spec.lifecycle.waiter.evidence {
            if let crate::spec::Evidence::FieldChanged(field) = evidence {
                item = item.field(field, Pick::Whole);
            }
        }
        item
    }

    /// The fields the guards and the target reading use.
    pub fn for_guards(spec: &OperationSpec) -> Pick {
        let mut item = Pick::Fields(Vec::new())
            .field(spec.resource.id_field, Pick::Scalar)
            .field(spec.resource.status_field, Pick::Scalar);
        for alias in spec.resource.status_aliases {
            item = item.field(alias, Pick::Scalar);
        }
        for guard in spec.guards {
            item = match guard {
                Guard::StatusNotIn { .. } | Guard::StatusIn { .. } => item,
                Guard::Locks {
                    container,
                    list,
                    reason_field,
                    ..
                } => {
                    // A lock is `{LockReason, LockMsg}`, or a bare reason string.
                    let lock = Pick::Fields(vec![(reason_field, Pick::Scalar), ("LockMsg", Pick::Scalar)]);
                    item.field(container, Pick::Fields(vec![(list, Pick::Items(Box::new(lock)))]))
                }
                Guard::NotExpired {
                    charge_field,
                    expires_field,
                    ..
                } => item
                    .field(charge_field, Pick::Scalar)
                    .field(expires_field, Pick::Scalar),
                // `Service.OperationMetadata` (JSON text or an object) and the instance's
                // `TemplateName`, as `precheck::supported_operations` reads them.
                Guard::SupportsOperation { .. } => item
                    .field("Service", Pick::Fields(vec![("OperationMetadata", Pick::Whole)]))
                    .field("TemplateName", Pick::Scalar),
            };
        }
        item
    }
}

/// Each operation's two projections ([`Pick::for_resources`], [`Pick::for_guards`]), derived
/// once.
fn kept(id: &str) -> Option<&'static (Pick, Pick)> {
    static PICKS: OnceLock<Vec<(&'static str, (Pick, Pick))>> = OnceLock::new();
    let picks = PICKS.get_or_init(|| {
        crate::lists::map_items(operations(), |spec| {
            (spec.id, (Pick::for_resources(spec), Pick::for_guards(spec)))
        })
    });
    picks.iter().find(|(known, _)| *known == id).map(|(_, pair)| pair)
}

fn merge(left: Pick, right: Pick) -> Pick {
    match (left, right) {
        (Pick::Whole, _) | (_, Pick::Whole) => Pick::Whole,
        (Pick::Fields(mut left), Pick::Fields(right)) => {
            for (name, pick) in right {
                match left.iter_mut().find(|(known, _)| *known == name) {
                    Some((_, existing)) => *existing = merge(std::mem::replace(existing, Pick::Scalar), pick),
                    None => left.push((name, pick)),
                }
            }
            Pick::Fields(left)
        }
        (Pick::Items(left), Pick::Items(right)) => Pick::Items(Box::new(merge(*left, *right))),
        (Pick::Scalar, other) | (other, Pick::Scalar) => other,
        (left, _) => left,
    }
}

/// Binary data has no JSON form, so it is refused wherever it is read.
fn bytes_refused<H: HostValue>() -> HostError {
    crate::host::read::bytes_refused(H::HOST)
}

/// Why the `resources` argument was refused while it was read.
#[derive(Debug)]
pub enum Refusal {
    /// A host value that cannot be read.
    Host(HostError),
    /// A limit of the engine's, refused before the items were read.
    Engine(Error),
}

impl From<HostError> for Refusal {
    fn from(error: HostError) -> Self {
        Refusal::Host(error)
    }
}

impl Reader {
    /// Reads `value` as `pick` says.
    pub fn pick<H: HostValue>(&mut self, value: &H, pick: &Pick) -> ReadResult<Value> {
        if matches!(pick, Pick::Whole) {
            return self.json(value);
        }
        let kind = self.kind(value)?;
        Ok(match (kind, pick) {
            (Kind::Map, Pick::Fields(fields)) => {
                let mut map = Map::with_capacity(fields.len());
                for (name, inner) in fields {
                    let at = |error: HostError| error.at_key(name);
                    if let Some(child) = value.field(name).map_err(|p| at(p.into()))? {
                        map.insert((*name).to_owned(), self.pick(&child, inner).map_err(at)?);
                    }
                }
                Value::Object(map)
            }
            (Kind::List, Pick::Items(inner)) => {
                let length = self.list_len(value)?;
                let mut items = Vec::new();
                for index in 0..length {
                    let item = value.list_item(index).map_err(|p| HostError::from(p).at_index(index))?;
                    items.push(self.pick(&item, inner).map_err(|e| e.at_index(index))?);
                }
                Value::Array(items)
            }
            (Kind::Bytes(_), _) => return Err(bytes_refused::<H>()),
            (other, _) => scalar(other),
        })
    }

    /// The `resources` argument of a pre-check, projected: a list of Describe items, one item,
    /// or a whole Describe response (reduced to the list the spec's `list_paths` find), in the
    /// same shape the engine reads, so its field paths stay the caller's.
    pub fn resources<H: HostValue>(&mut self, spec: &OperationSpec, resources: &H) -> Result<Value, Refusal> {
        let derived;
        let item = match Pick::for_operation(spec.id) {
            Some(pick) => pick,
            None => {
                derived = Pick::for_resources(spec);
                &derived
            }
        };
        let list = |reader: &mut Reader, value: &H, field: &str| -> Result<Value, Refusal> {
            // Over the engine's own limit: refused with its error before any item is read.
            let length = value.list_len().map_err(HostError::from)?;
            if length > MAX_RESOURCES {
                return Err(Refusal::Engine(too_many_resources(spec, field, length)));
            }
            let mut items = Vec::new();
            for index in 0..length {
                let entry = value.list_item(index).map_err(|p| HostError::from(p).at_index(index))?;
                items.push(reader.pick(&entry, item).map_err(|e| e.at_index(index))?);
            }
            Ok(Value::Array(items))
        };
        match self.kind(resources)? {
            Kind::List => list(self, resources, "resources"),
            Kind::Map
                if resources
                    .field(spec.resource.id_field)
                    .map_err(HostError::from)?
                    .is_some() =>
            {
                Ok(self.pick(resources, item)?)
            }
            Kind::Map => {
                for path in spec.resource.list_paths {
                    if let Some(found) = self.descend(resources, path, &list)? {
                        return Ok(found);
                    }
                }
                Ok(Value::Object(Map::new()))
            }
            other => Ok(scalar(other)),
        }
    }

    /// Follows `path` through maps; at its end, a list is read with `list`.
    fn descend<H: HostValue>(
        &mut self,
        value: &H,
        path: &[&'static str],
        list: &dyn Fn(&mut Reader, &H, &str) -> Result<Value, Refusal>,
    ) -> Result<Option<Value>, Refusal> {
        let mut current: Option<H> = None;
        for (depth, key) in path.iter().enumerate() {
            let at = |error: HostError| path[..=depth].iter().rev().fold(error, |error, key| error.at_key(key));
            let parent = current.as_ref().unwrap_or(value);
            let Some(child) = parent.field(key).map_err(|p| at(p.into()))? else {
                return Ok(None);
            };
            if !matches!(self.kind(&child).map_err(at)?, Kind::Map | Kind::List) {
                return Ok(None);
            }
            current = Some(child);
        }
        let Some(found) = current else { return Ok(None) };
        if !matches!(found.kind().map_err(HostError::from)?, Kind::List) {
            return Ok(None);
        }
        let field = format!("resources.{}", crate::lang::join(path, "."));
        let mut projected = list(self, &found, &field).map_err(|refusal| match refusal {
            Refusal::Host(error) => Refusal::Host(path.iter().rev().fold(error, |error, key| error.at_key(key))),
            engine => engine,
        })?;
        for key in path.iter().rev() {
            projected = Value::Object(Map::from_iter([((*key).to_owned(), projected)]));
        }
        Ok(Some(projected))
    }
}

/// A value as it is for a scalar, or an empty one of its kind for a container the projection
/// does not enter (the engines only name a container they did not expect).
fn scalar(kind: Kind<'_>) -> Value {
    match kind {
        Kind::Null => Value::Null,
        Kind::Bool(flag) => Value::Bool(flag),
        Kind::Int(int) => Value::from(int),
        Kind::UInt(uint) => Value::from(uint),
        Kind::Float(float) => serde_json::Number::from_f64(float).map_or(Value::Null, Value::Number),
        Kind::Str(text) => Value::String(text.into_owned()),
        Kind::Bytes(_) | Kind::List => Value::Array(Vec::new()),
        Kind::Map => Value::Object(Map::new()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn each_operation_keeps_the_projection_its_spec_derives() {
        for spec in operations() {
            assert_eq!(
                Pick::for_operation(spec.id),
                Some(&Pick::for_resources(spec)),
                "{}",
                spec.id
            );
        }
        assert_eq!(Pick::for_operation("ecs:NoSuchOperation"), None);
    }

    #[test]
    fn a_projection_describes_itself_as_plain_data() {
        let ecs = Pick::for_operation("ecs:RebootInstance").map(Pick::describe);
        assert_eq!(
            ecs,
            Some(json!([
                ["InstanceId", 0],
                ["Status", 0],
                ["OperationLocks", [["LockReason", {"items": [["LockReason", 0], ["LockMsg", 0]]}]]],
                ["InstanceChargeType", 0],
                ["ExpiredTime", 0],
                // The waiter's evidence that the instance restarted: a JS-side projection
                // serves the lifecycle calls' Describe inputs too.
                ["StartTime", 1]
            ]))
        );
        let restart = Pick::for_operation("computenestsupplier:RestartServiceInstance").map(Pick::describe);
        assert_eq!(
            restart,
            Some(json!([
                ["ServiceInstanceId", 0],
                ["Status", 0],
                ["Service", [["OperationMetadata", 1]]],
                ["TemplateName", 0],
                ["UpdateTime", 1]
            ]))
        );
    }
}

//! Ids looked up by hash: where an id first occurs in a list, and which ids were seen. Every
//! such table in the core is this one type, `HashMap<&str, usize>`, so the WebAssembly module
//! holds one copy of the hash table code instead of one per key and value type.

use std::collections::HashMap;

/// Each id's position of first occurrence: the first item with an id answers for it, as a
/// scan of the list would find it.
pub(crate) struct FirstIndex<'a>(HashMap<&'a str, usize>);

impl<'a> FirstIndex<'a> {
    pub(crate) fn new(ids: impl ExactSizeIterator<Item = &'a str>) -> FirstIndex<'a> {
        let mut first = HashMap::with_capacity(ids.len());
        for (index, id) in ids.enumerate() {
            first.entry(id).or_insert(index);
        }
        FirstIndex(first)
    }

    /// Where `id` first occurs.
    pub(crate) fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }
}

/// A set of ids.
pub(crate) struct IdSet<'a>(HashMap<&'a str, usize>);

impl<'a> IdSet<'a> {
    pub(crate) fn with_capacity(capacity: usize) -> IdSet<'a> {
        IdSet(HashMap::with_capacity(capacity))
    }

    /// Adds `id`; whether it was new.
    pub(crate) fn insert(&mut self, id: &'a str) -> bool {
        match self.0.entry(id) {
            std::collections::hash_map::Entry::Occupied(_) => false,
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(0);
                true
            }
        }
    }
}

//! Lists made from slices by plain loops. `iter().map(f).collect()` instantiates three iterator
//! functions (and `collect` into a `Result` or `Option` several more) for every closure; in
//! the WebAssembly module these loops are a fraction of that size, and as fast.

/// `f` of each of `items`.
pub(crate) fn map_items<T, U>(items: &[T], mut f: impl FnMut(&T) -> U) -> Vec<U> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(f(item));
    }
    out
}

/// Each of `items` read by `read` (given its index), up to the first error.
pub(crate) fn read_items<T, U, E>(items: &[T], mut read: impl FnMut(usize, &T) -> Result<U, E>) -> Result<Vec<U>, E> {
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        out.push(read(index, item)?);
    }
    Ok(out)
}

/// Owned copies of `items`.
pub(crate) fn strings(items: &[&str]) -> Vec<String> {
    map_items(items, |item| (*item).to_owned())
}

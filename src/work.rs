//! Work accounting. The engines add their elementary steps (bytes scanned, items visited,
//! bitset words combined) to a per-thread count, so the hostile-input suite can bound the work a
//! call does by counting it: a test that timed the call would pass a quadratic path on a fast
//! machine and fail a linear one on a loaded machine.
//!
//! The count belongs to the calling thread. The Python binding releases the GIL but runs the
//! core on the calling thread, and WebAssembly has one thread, so calls made elsewhere never
//! mix in. Counting is a thread-local add per loop, not per character: cheap enough to stay on
//! in every build, so the suite measures the code that ships.

use std::cell::Cell;

thread_local! {
    static UNITS: Cell<u64> = const { Cell::new(0) };
}

/// Adds `units` steps to this thread's count.
#[inline]
pub(crate) fn add(units: usize) {
    let units = u64::try_from(units).unwrap_or(u64::MAX);
    UNITS.with(|count| count.set(count.get().saturating_add(units)));
}

/// The steps counted on this thread since the previous call, which starts a new count.
pub fn take() -> u64 {
    UNITS.with(|count| count.replace(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_thread_and_restarts_on_take() {
        take();
        add(3);
        add(4);
        std::thread::spawn(|| add(1_000)).join().expect("thread ran");
        assert_eq!(take(), 7);
        assert_eq!(take(), 0);
    }
}

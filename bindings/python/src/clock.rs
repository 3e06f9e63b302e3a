//! The defaults the Python package leaves to the call: `now=CURRENT_TIME` for `build` (which
//! reads no time, so it is left out), and the clock and a fresh nonce for `sign` when
//! `timestamp` and `nonce` are not given (passed to the core as plain values, not as Python
//! objects it would read back). Reading them here rather than in `opgate/_api.py` takes a sixth off build + sign
//! (a Python clock read and nonce cost as much as the Rust request building, `make bench`).
//! Neither is a rule: both are the host's clock and a counter, exactly as the package made them.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// `opgate._api.CURRENT_TIME`, the default of every `now` argument.
static CURRENT_TIME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The default signature nonce: a 128-bit counter, started by the package at a random point in
/// each process (`_seed_nonces`, again in a forked child, which would otherwise repeat its
/// parent's nonces). The servers need it unique per request; it is no secret, the signature
/// covers it. Two halves: every call holds the GIL, so the high half only moves when the low
/// one wraps, between two calls.
static NONCES_HIGH: AtomicU64 = AtomicU64::new(0);
static NONCES_LOW: AtomicU64 = AtomicU64::new(0);

/// Unix seconds, as Python's `int(time.time())` gives them (truncated towards zero).
fn unix_seconds() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |secs| -secs),
    }
}

fn is_current_time(py: Python<'_>, value: &Bound<'_, PyAny>) -> bool {
    CURRENT_TIME
        .import(py, "opgate._api", "CURRENT_TIME")
        .is_ok_and(|marker| value.is(marker))
}

/// `now` for `build`, which reads no time: `CURRENT_TIME` is left out rather than the clock
/// read for nothing; anything else is passed on, to be checked as every `now` is.
pub fn now_unread<'py>(py: Python<'py>, now: Option<Bound<'py, PyAny>>) -> Option<Bound<'py, PyAny>> {
    now.filter(|given| !is_current_time(py, given))
}

/// The `sign` defaults for a `timestamp` and `nonce` not given (or `None`): the clock, and the
/// next value of the counter as 32 lower-case hex digits. Plain values: the core takes them as
/// they are ([`opgate::host::calls::SignDefaults`]).
pub fn sign_defaults(timestamp: bool, nonce: bool) -> opgate::host::calls::SignDefaults {
    opgate::host::calls::SignDefaults {
        timestamp: (!timestamp).then(unix_seconds),
        nonce: (!nonce).then(next_nonce),
    }
}

fn next_nonce() -> String {
    let low = NONCES_LOW.fetch_add(1, Ordering::Relaxed);
    let high = if low == u64::MAX {
        NONCES_HIGH.fetch_add(1, Ordering::Relaxed)
    } else {
        NONCES_HIGH.load(Ordering::Relaxed)
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(32);
    for byte in high.to_be_bytes().into_iter().chain(low.to_be_bytes()) {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

/// Starts the nonce counter at `seed` (the package passes 127 random bits).
#[pyfunction]
fn _seed_nonces(seed: Bound<'_, PyAny>) -> PyResult<()> {
    let seed: u128 = seed.extract()?;
    // The halves of the 128-bit seed: truncation is the point.
    NONCES_HIGH.store((seed >> 64) as u64, Ordering::Relaxed);
    NONCES_LOW.store(seed as u64, Ordering::Relaxed);
    Ok(())
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(_seed_nonces, module)?)
}

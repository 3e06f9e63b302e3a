//! The limits on host data, the same in Python and JavaScript (README "Limits" lists them).
//! Each is checked while a value is read, before anything is allocated for it, so an input over
//! a limit is refused early and no allocation can fail within the limits.

/// Containers nested deeper than this are refused. Provider APIs never nest beyond ~6, and a
/// deeper walk risks the native or wasm stack; a cyclic list or dict ends here too.
pub const MAX_DEPTH: usize = 128;

/// Values (scalars and containers) one call may read across all its arguments. It stops
/// structures that share children (`v = [v, v]` thirty times) from expanding exponentially; a
/// pre-check reads about ten values per Describe item, so 10,000 items stay far below it.
pub const MAX_NODES: usize = 1_000_000;

/// Bytes of text and binary data one call may read across all its arguments. Response bodies
/// have their own, lower limit ([`crate::wire::MAX_RESPONSE_BYTES`]).
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// Items one list may report. A longer list (or a JS Proxy that claims a length of 2^32-1) is
/// refused before its first item is read.
pub const MAX_LIST_ITEMS: usize = 100_000;

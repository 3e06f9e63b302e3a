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

/// The limits as a result (JS `info().limits`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, crate::record::Record)]
pub struct Limits {
    /// Containers nested deeper than this are refused.
    pub max_depth: usize,
    /// Values one call may read across all its arguments.
    pub max_nodes: usize,
    /// Bytes of text and binary data one call may read across all its arguments.
    pub max_bytes: usize,
    /// Items one list may report.
    pub max_list_items: usize,
}

/// Every limit, as [`Limits`].
pub const LIMITS: Limits = Limits {
    max_depth: MAX_DEPTH,
    max_nodes: MAX_NODES,
    max_bytes: MAX_BYTES,
    max_list_items: MAX_LIST_ITEMS,
};

/// What a build of opgate is and can do (JS `info()`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, crate::record::Record)]
#[record(input)]
pub struct BuildInfo {
    /// The package version.
    pub version: &'static str,
    /// The limits on arguments, the same in Python and JavaScript (README "Limits").
    pub limits: Limits,
    /// Whether this build can sign requests (never in the WebAssembly build).
    pub signing: bool,
}

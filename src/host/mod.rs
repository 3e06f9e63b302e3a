//! The host contract: how the core reads values from its hosts (Python objects, JavaScript
//! values, JSON) and what it answers when one is wrong. Bindings are glue over this module:
//!
//! - [`value`]: the one read mechanism, [`HostValue`], implemented per host;
//! - [`limits`]: the limits on host data, charged as values are read;
//! - [`errors`]: the error for every way a host value can be wrong (code, HTTP 400, en/zh
//!   message, field path in the host's spelling);
//! - [`read`] and [`projection`]: budgeted reading, whole or only the fields a spec names;
//! - [`options`]: each call's options (`lang`, `now`, `int_bounds`, `region`, …);
//! - [`calls`]: every public call's entry point for a host.

pub mod calls;
pub mod errors;
pub mod grouping;
pub mod limits;
pub mod options;
pub mod projection;
pub mod read;
pub mod value;

pub use errors::{unconvertible_result, Arg, Expected, Failure, HostError, PathStep};
pub use grouping::Grouping;
pub use options::{Failed, Opt, OptionsIn};
pub use projection::Pick;
pub use read::Reader;
pub use value::{HostKind, HostValue, Kind, Problem};

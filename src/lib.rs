//! opgate decides, before a cloud API call is sent, whether a lifecycle operation may happen,
//! and builds the exact request for it.
//!
//! Operations are data ([`spec::OperationSpec`], one per operation in [`catalog`]); every
//! function here is a generic engine over that data.

pub mod catalog;
pub mod codes;
mod decimal;
pub mod error;
pub mod formats;
pub mod grouped;
pub mod host;
mod id_index;
mod json;
pub mod lang;
pub mod lifecycle;
mod lists;
pub mod messages;
pub mod params;
pub mod precheck;
pub mod ram;
pub mod record;
mod sha256;
pub mod spec;
#[cfg(test)]
mod test_rng;
pub mod time;
pub mod wire;
pub mod work;

pub use catalog::{operation, operations};
pub use codes::ClientCode;
pub use error::{Error, ErrorDetail, ErrorKind, ErrorReport, RenderedError, Result};
pub use lang::{Lang, Text};
pub use params::{validate, Options, Validated};
pub use precheck::{check, precheck, precheck_resources, wait_status, Verdict};
pub use wire::{build, parse_response, BuildOptions, HttpRequest};
#[cfg(feature = "signing")]
pub use wire::{sign, Credentials, SignOptions, SignedRequest};

//! Wire layer: endpoints, request building, signing, response parsing.
//!
//! The pipeline is `build` (validates, then lays out the provider's request) → `sign`
//! (feature `signing`; clock and nonce are arguments) → the caller sends it →
//! `parse_response`. Nothing here does I/O.

mod build;
#[cfg(feature = "signing")]
mod credentials;
mod encode;
mod endpoint;
mod request;
mod response;
#[cfg(feature = "signing")]
mod sign;
mod xml;

pub use build::{build, build_for, build_validated, BuildOptions};
#[cfg(feature = "signing")]
pub use credentials::{Credentials, CREDENTIALS_UNREADABLE};
pub use encode::{format_utc, percent_encode};
pub use endpoint::{resolve_endpoint, Endpoint};
pub use request::{HttpRequest, Text};
pub use response::{
    header_pairs_from_json, http_status, parse_response, ApiResponse, DryRunPassed, RenewalResult, ResponseOutcome,
    TargetFailure, MAX_RESPONSE_BYTES,
};
#[cfg(feature = "signing")]
pub use sign::{sign, sign_acs3_over, SignOptions, SignatureAlgorithm, SignedRequest};

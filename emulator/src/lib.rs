//! `opgate-emulator`: a local stand-in for the Alibaba Cloud ECS and Compute Nest RPC
//! endpoints and the Zenlayer ZEC API, for tests that must not touch a cloud.
//!
//! It answers the four operations opgate knows and the Describe calls their pre-checks read,
//! in each provider's own wire form, and verifies ACS3-HMAC-SHA256, HMAC-SHA1 and
//! ZC2-HMAC-SHA256 signatures with opgate's own signing code. Its rules are opgate's: calls
//! are validated by the core and judged by the core's pre-check engine on the emulator's own
//! state, and accepted calls move along the spec's transitions on a clock the test controls.
//!
//! Built on tokio and hyper's own HTTP/1.1 server rather than axum: the emulator has one
//! router decision (path prefix) and needs exact control of bodies and errors, so a framework
//! would add a tower stack to compile without removing code. See `README.md` for the wire
//! forms, the control API and the error codes.

pub mod auth;
pub mod clock;
pub mod config;
pub mod control;
pub mod describe;
pub mod faults;
pub mod operations;
pub mod server;
pub mod wire;
pub mod world;

pub use config::Config;
pub use server::Server;

//! Alibaba RAM authorization pre-check: would these identity policies let the caller run this
//! operation? A console greys out a button; a script fails before sending.
//!
//! - [`parse_policy`] / [`parse_policies`] read policy documents
//!   (<https://www.alibabacloud.com/help/en/ram/policy-structure-and-syntax>) and report every
//!   problem with a path such as `policies[0].Statement[2].Condition.IpAddress`.
//! - [`required_access`] derives the action and resource ARN(s) an operation needs from the
//!   catalog.
//! - [`evaluate`] decides one [`AccessRequest`]; [`authorize`] does all of it for an operation
//!   and explains the answer; [`check_access`] decides a single action/resource pair.
//!
//! Error codes:
//! - `MalformedPolicyDocument` (400): a document breaks the grammar. RAM's own code for this.
//! - `InvalidParameter.PolicyDocument.Length` (400): a document outside 1–6,144 characters;
//!   documented for RAM/Resource Manager `CreatePolicy`. Text is counted as given; objects in
//!   their compact JSON form (RAM's counting rule is undocumented, so this is our choice).
//! - `Forbidden.RAM` (403), "User not authorized to operate on the specified resource, or this
//!   API doesn't support RAM.": documented; what the provider answers on a denial. The Chinese
//!   message is our translation.
//! - `UnsupportedOperation` (400): documented Alibaba common code, used here for asking about
//!   a Zenlayer operation, which RAM does not govern.
//! - `InvalidParameter.Region`, `InvalidParameter.AccountId`, `InvalidParameter.Context` (400):
//!   our choice, in Alibaba's `InvalidParameter.<Name>` style, for unusable call arguments.
//!
//! Grammar decisions where RAM's documents are silent (each also noted where it is enforced):
//! `Statement` must be a non-empty array; `Sid` is accepted; `Principal` (resource-based
//! policies only) and `NotResource` (not in RAM's grammar) are refused; condition values may be
//! strings, numbers or booleans; `Bool` takes exactly one value (RAM's policy checker reports
//! "multiple Boolean values"). Condition semantics are described in [`condition`].

pub mod authorize;
pub mod condition;
pub mod evaluate;
pub mod matcher;
pub mod policy;

pub use authorize::{authorize, check_access, forbidden_ram, required_access, AccessCheck, Authorization, RequiredAccess, FORBIDDEN_RAM};
pub use condition::{Condition, Context, Operator};
pub use evaluate::{evaluate, AccessRequest, Decision, NoPermissionType, Outcome};
pub use matcher::{wildcard_match, wildcard_match_ignore_case};
pub use policy::{
    parse_policies, parse_policy, parse_policy_str, Actions, Effect, Policy, Statement, MALFORMED_POLICY_DOCUMENT, MAX_POLICY_LENGTH, POLICY_DOCUMENT_LENGTH,
};

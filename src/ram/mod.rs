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
//! - `InvalidParameter.Region`, `InvalidParameter.AccountId`, `InvalidParameter.Context`,
//!   `InvalidParameter.Action`, `InvalidParameter.Resource`, `InvalidParameter.Policies` (400):
//!   our choice, in Alibaba's `InvalidParameter.<Name>` style, for unusable call arguments,
//!   including those over the limits below.
//!
//! Limits. Every statement's patterns are matched against the action and the resource, and
//! every condition value against the context values of its key, so the work of a decision is
//! the size of the policies times the size of the texts they are matched against (see
//! [`matcher`]). Bounding the second factor keeps every call linear in the size of the
//! policies; bounding the first keeps one call well under a second. Each limit is checked
//! before any document is read:
//! - [`MAX_POLICIES`] documents, [`MAX_POLICIES_CHARS`] characters in all. RAM lets one
//!   identity hold 20 system and 10 custom policies directly and as many through each of up to
//!   10 groups (<https://www.alibabacloud.com/help/en/ram/product-overview/limits>), 330 in
//!   all; the limits leave room for raised quotas.
//! - [`MAX_MATCH_TEXT_CHARS`] characters for the action, the resource and each context value
//!   (AWS bounds ARNs at the same 2,048; RAM documents no bound).
//! - [`MAX_CONTEXT_VALUES`] values and [`MAX_CONTEXT_CHARS`] characters of keys and values in
//!   a context: a request carries a handful of facts (source address, time, transport, tags).
//!
//! Grammar decisions where RAM's documents are silent (each also noted where it is enforced):
//! `Statement` must be a non-empty array; `Sid` is accepted; `Principal` (resource-based
//! policies only) and `NotResource` (not in RAM's grammar) are refused; condition values may be
//! strings, numbers or booleans; `Bool` takes exactly one value (RAM's policy checker reports
//! "multiple Boolean values"). Condition semantics are described in [`condition`].

pub mod authorize;
pub mod condition;
pub mod evaluate;
mod ip;
mod lowercase;
pub mod matcher;
pub mod policy;

pub use authorize::{
    authorize, check_access, forbidden_ram, required_access, AccessCheck, Authorization, RequiredAccess, FORBIDDEN_RAM,
};
pub use condition::{Condition, Context, Operator};
pub use evaluate::{evaluate, AccessDecision, AccessRequest, Evaluation, NoPermissionType};
pub use matcher::{wildcard_match, wildcard_match_ignore_case, PreparedText};
pub use policy::{
    check_policy_count, parse_policies, parse_policy, parse_policy_str, Actions, Effect, Policy, Statement,
    MALFORMED_POLICY_DOCUMENT, MAX_POLICY_LENGTH, POLICIES_LIMIT, POLICY_DOCUMENT_LENGTH,
};

/// Policy documents one call evaluates at most.
pub const MAX_POLICIES: usize = 512;
/// Characters in all the policy documents of one call, at most (each is also bounded by
/// [`MAX_POLICY_LENGTH`]).
pub const MAX_POLICIES_CHARS: usize = 512 * 1024;
/// Longest action, resource ARN or context value, in characters.
pub const MAX_MATCH_TEXT_CHARS: usize = 2_048;
/// Values in one context, at most (a key with a list counts each item).
pub const MAX_CONTEXT_VALUES: usize = 32;
/// Characters of keys and values in one context, at most.
pub const MAX_CONTEXT_CHARS: usize = 4_096;

//! Beyond one call: waiting with memory, idempotency tokens, retry classes, batch plans, and
//! the provider's explanation of a RAM denial. All of it reads the operation's
//! [`crate::spec::LifecycleSpec`] and the provider's [`crate::spec::ProviderLifecycle`].
//!
//! - [`Waiter`]: made when the call is sent, fed Describe results over time; never calls a
//!   target done before it has seen the operation act (the rule per operation is spec data,
//!   with the provider page that justifies it). Serializable; the host sleeps.
//! - [`client_token`]: one stable ClientToken per logical request (hash of the canonical
//!   parameters and a caller-chosen scope).
//! - [`classify`] / [`retry_advice`]: throttle, transient, state_conflict, permanent or auth for
//!   every code, the delay (`x-acs-retry-after` / `Retry-After`, else recommended) and whether
//!   resending is safe given idempotency.
//! - [`plan`] / [`merge_plan`]: the requests for a batch, split to the provider's limit, and the
//!   per-id outcome once the responses are in.
//! - [`access_denied`]: Alibaba's `AccessDeniedDetail` in the shape of the RAM evaluator's
//!   explanation.
//!
//! Error codes of bad arguments, in Alibaba's `InvalidParameter.<Name>` style (our choice):
//! `InvalidParameter.Ids`, `InvalidParameter.Waiter`, `InvalidParameter.Scope`,
//! `InvalidParameter.Plan`, `InvalidParameter.Responses`, `InvalidParameter.Status`;
//! `UnsupportedOperation` for a ClientToken of an operation that takes none. The waiter's own
//! failures are `WaiterTimeout` / `WaiterFailureStatus` (Alibaba) and `WAITER_TIMEOUT` /
//! `WAITER_FAILURE_STATUS` (Zenlayer), also our choice in each provider's style.

mod classify;
mod denied;
mod http_date;
mod plan;
mod state;
mod token;
mod waiter;

pub(crate) use classify::class_of;

use serde_json::Value;

use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};

/// A whole-number argument as a host language hands it over (a JS number, a JSON number):
/// an integer within `min..=max`, else `InvalidParameter.<Name>` naming `name`.
pub fn integer_argument(value: &Value, name: &str, min: i64, max: i64) -> Result<i64> {
    let number = value.as_i64().or_else(|| {
        value
            .as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0)
            .map(|f| f as i64)
    });
    match number {
        Some(number) if (min..=max).contains(&number) => Ok(number),
        _ => {
            let mut chars = name.chars();
            let capitalised: String = chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default();
            let shown = crate::error::clip(&crate::json::write(value));
            Err(Error::Input(ErrorDetail::client_named(
                ClientCode::InvalidParameterNamed,
                &capitalised,
                crate::messages::lifecycle::integer_argument(name, min, max, &shown),
                Some(name.to_owned()),
            )))
        }
    }
}
pub use classify::{
    advise_error, classify, http_status, retry_advice, retryable, ClassSource, Classification, FailedCall, NextStep,
    RetryAdvice, MAX_RECOMMENDED_DELAY_MS,
};
pub use denied::{access_denied, AccessExplanation, ExplanationSource};
pub use plan::{
    merge_held_plan, merge_plan, plan, IdOutcome, IdState, Plan, PlanOptions, PlanOutcome, PlannedDenial,
    PlannedRequest, PlannedUnknown, Received, RequestRetry, ResourceOutcome,
};
pub use token::{client_token, ClientToken, TOKEN_PREFIX};
pub use waiter::{
    Baseline, Counts, Observed, Proof, TargetReport, TargetState, Track, WaitReport, Waiter, WAITER_VERSION,
};

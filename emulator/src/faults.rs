//! Fault injection for retry tests: throttling, server errors and latency, chosen by rules
//! that match provider and action and fire a set number of times. Deterministic on purpose:
//! a retry test must fail the same way every run.

use opgate::spec::Provider;
use serde::{Deserialize, Serialize};

use crate::wire::ApiError;

/// Latency faults longer than this are refused (a test that needs more wants a timeout instead).
pub const MAX_LATENCY_MS: u64 = 60_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderName {
    Alibaba,
    Zenlayer,
}

impl ProviderName {
    pub fn of(provider: Provider) -> Self {
        match provider {
            Provider::Alibaba => ProviderName::Alibaba,
            Provider::Zenlayer => ProviderName::Zenlayer,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FaultKind {
    /// The provider's throttling answer: Alibaba `Throttling.User` (HTTP 400), Zenlayer
    /// `REQUEST_LIMIT_EXCEEDED` (HTTP 429).
    Throttle,
    /// A server error: HTTP 500 (`InternalError` / `INTERNAL_SERVER_ERROR`) unless `status`
    /// says 503 (`ServiceUnavailable` / `SERVICE_TEMPORARY_UNAVAILABLE`) or `code` names another.
    Error,
    /// Delay the answer by `latency_ms`, then answer normally.
    Latency,
}

/// One rule. Unset matchers match everything; `after` lets that many matching calls through
/// first; `count` limits how often it fires (unset: every time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    pub kind: FaultKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    #[serde(default)]
    pub after: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u64>,
}

impl FaultSpec {
    pub fn validate(&self) -> Result<(), String> {
        if let Some(status) = self.status {
            if !(400..=599).contains(&status) {
                return Err(format!("fault status must be 400-599; got {status}"));
            }
        }
        match self.kind {
            FaultKind::Latency => match self.latency_ms {
                Some(ms) if ms <= MAX_LATENCY_MS => Ok(()),
                Some(ms) => Err(format!("latency_ms must be at most {MAX_LATENCY_MS}; got {ms}")),
                None => Err("a latency fault needs latency_ms".to_owned()),
            },
            FaultKind::Error if self.code.is_none() && !matches!(self.status, None | Some(500) | Some(503)) => {
                Err("an error fault with a status other than 500 or 503 needs a code".to_owned())
            }
            _ if self.latency_ms.is_some() => Err("latency_ms belongs to latency faults only".to_owned()),
            _ => Ok(()),
        }
    }

    fn matches(&self, provider: Provider, action: &str) -> bool {
        self.provider
            .map_or(true, |wanted| wanted == ProviderName::of(provider))
            && self.action.as_deref().map_or(true, |wanted| wanted == action)
    }

    fn error(&self, provider: Provider) -> ApiError {
        let default_code = match (self.kind, provider, self.status) {
            (FaultKind::Throttle, Provider::Alibaba, _) => "Throttling.User",
            (FaultKind::Throttle, Provider::Zenlayer, _) => "REQUEST_LIMIT_EXCEEDED",
            (_, Provider::Alibaba, Some(503)) => "ServiceUnavailable",
            (_, Provider::Zenlayer, Some(503)) => "SERVICE_TEMPORARY_UNAVAILABLE",
            (_, Provider::Alibaba, _) => "InternalError",
            (_, Provider::Zenlayer, _) => "INTERNAL_SERVER_ERROR",
        };
        let code = self.code.as_deref().unwrap_or(default_code);
        let mut error = ApiError::from_table(provider, code, self.message.clone());
        if let Some(status) = self.status {
            error.status = status;
        } else if self.code.is_some()
            && opgate::catalog::provider_errors(provider)
                .iter()
                .all(|entry| entry.code != code)
        {
            error.status = if self.kind == FaultKind::Throttle { 429 } else { 500 };
        }
        error
    }
}

/// A rule with its counters, as the control API lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActiveFault {
    #[serde(flatten)]
    pub spec: FaultSpec,
    /// Matching calls seen so far.
    pub seen: u64,
    /// Times it fired.
    pub fired: u64,
}

impl ActiveFault {
    pub fn new(spec: FaultSpec) -> Self {
        ActiveFault {
            spec,
            seen: 0,
            fired: 0,
        }
    }
}

/// What the faults do to one call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decision {
    pub delay_ms: u64,
    pub error: Option<ApiError>,
    /// The kinds that fired, for the call log.
    pub fired: Vec<FaultKind>,
}

/// Runs the rules in order: every firing latency adds up; the first firing throttle or error
/// decides the answer.
pub fn decide(faults: &mut [ActiveFault], provider: Provider, action: &str) -> Decision {
    let mut decision = Decision::default();
    for fault in faults.iter_mut().filter(|fault| fault.spec.matches(provider, action)) {
        fault.seen += 1;
        let due = fault.seen > fault.spec.after && fault.spec.count.map_or(true, |count| fault.fired < count);
        if !due {
            continue;
        }
        match fault.spec.kind {
            FaultKind::Latency => {
                fault.fired += 1;
                decision.fired.push(FaultKind::Latency);
                decision.delay_ms = decision
                    .delay_ms
                    .saturating_add(fault.spec.latency_ms.unwrap_or(0))
                    .min(MAX_LATENCY_MS);
            }
            kind if decision.error.is_none() => {
                fault.fired += 1;
                decision.fired.push(kind);
                decision.error = Some(fault.spec.error(provider));
            }
            _ => {}
        }
    }
    decision
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> FaultSpec {
        serde_json::from_str(json).expect("valid fault")
    }

    #[test]
    fn throttle_uses_each_providers_code_and_fires_count_times_after_skipping() {
        let mut faults = vec![ActiveFault::new(spec(
            r#"{"kind": "throttle", "action": "RebootInstance", "after": 1, "count": 2}"#,
        ))];
        let answers: Vec<Option<(u16, String)>> = (0..5)
            .map(|_| {
                decide(&mut faults, Provider::Alibaba, "RebootInstance")
                    .error
                    .map(|e| (e.status, e.code))
            })
            .collect();
        let throttled = Some((400, "Throttling.User".to_owned()));
        assert_eq!(answers, vec![None, throttled.clone(), throttled, None, None]);
        assert_eq!(
            decide(&mut faults, Provider::Alibaba, "DescribeInstances"),
            Decision::default()
        );
        let zenlayer = decide(
            &mut [ActiveFault::new(spec(r#"{"kind": "throttle"}"#))],
            Provider::Zenlayer,
            "RebootInstances",
        );
        assert_eq!(
            zenlayer.error.map(|e| (e.status, e.code)),
            Some((429, "REQUEST_LIMIT_EXCEEDED".to_owned()))
        );
    }

    #[test]
    fn errors_and_latency_combine() {
        let mut faults = vec![
            ActiveFault::new(spec(r#"{"kind": "latency", "latency_ms": 30}"#)),
            ActiveFault::new(spec(r#"{"kind": "error", "status": 503, "provider": "zenlayer"}"#)),
            ActiveFault::new(spec(r#"{"kind": "error"}"#)),
        ];
        let decision = decide(&mut faults, Provider::Zenlayer, "DescribeInstances");
        assert_eq!(decision.delay_ms, 30);
        assert_eq!(
            decision.error.map(|e| (e.status, e.code)),
            Some((503, "SERVICE_TEMPORARY_UNAVAILABLE".to_owned()))
        );
        let alibaba = decide(&mut faults, Provider::Alibaba, "DescribeInstances");
        assert_eq!(
            alibaba.error.map(|e| (e.status, e.code)),
            Some((500, "InternalError".to_owned()))
        );
    }

    #[test]
    fn invalid_rules_are_refused() {
        for bad in [
            r#"{"kind": "latency"}"#,
            r#"{"kind": "latency", "latency_ms": 600000}"#,
            r#"{"kind": "error", "status": 418}"#,
            r#"{"kind": "error", "status": 302, "code": "X"}"#,
            r#"{"kind": "throttle", "latency_ms": 5}"#,
        ] {
            assert!(spec(bad).validate().is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<FaultSpec>(r#"{"kind": "throttle", "typo": 1}"#).is_err());
    }
}

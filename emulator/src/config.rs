//! The emulator's configuration (`--config file.json`): credentials, clock, transition timing,
//! limits and faults. Every field is optional; unknown fields are refused so a typo cannot
//! silently change a test.

use std::collections::BTreeMap;

use opgate::spec::Transition;
use serde::{Deserialize, Serialize};

use crate::clock::ClockConfig;
use crate::faults::FaultSpec;

/// The test credentials used when the configuration names none. They only ever open this
/// emulator, which listens on loopback only.
pub const DEFAULT_ALIBABA_KEY: (&str, &str) = ("LTAI5tEmulatorTestKeyId", "emulator-test-secret");
pub const DEFAULT_ZENLAYER_KEY: (&str, &str) = ("ZCEmulatorTestKeyId", "emulator-test-password");

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlibabaKey {
    pub access_key_id: String,
    pub access_key_secret: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZenlayerKey {
    pub access_key_id: String,
    pub access_key_password: String,
}

/// Who may call. A list that is given replaces that provider's default test key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CredentialsConfig {
    #[serde(default)]
    pub alibaba: Option<Vec<AlibabaKey>>,
    #[serde(default)]
    pub zenlayer: Option<Vec<ZenlayerKey>>,
    /// Zenlayer personal access tokens (`Authorization: Bearer …`).
    #[serde(default)]
    pub zenlayer_bearer_tokens: Vec<String>,
}

impl CredentialsConfig {
    pub fn alibaba_keys(&self) -> Vec<AlibabaKey> {
        self.alibaba.clone().unwrap_or_else(|| {
            vec![AlibabaKey {
                access_key_id: DEFAULT_ALIBABA_KEY.0.to_owned(),
                access_key_secret: DEFAULT_ALIBABA_KEY.1.to_owned(),
            }]
        })
    }

    pub fn zenlayer_keys(&self) -> Vec<ZenlayerKey> {
        self.zenlayer.clone().unwrap_or_else(|| {
            vec![ZenlayerKey {
                access_key_id: DEFAULT_ZENLAYER_KEY.0.to_owned(),
                access_key_password: DEFAULT_ZENLAYER_KEY.1.to_owned(),
            }]
        })
    }
}

/// One status an accepted operation shows for a while before it settles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseConfig {
    pub status: String,
    pub seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub credentials: CredentialsConfig,
    pub clock: ClockConfig,
    /// How long an operation's documented intermediate status lasts (ECS `Starting`, ZEC
    /// `REBOOT`) when `phases` does not say.
    pub transition_seconds: i64,
    /// Per operation id, the statuses shown after the call is accepted, in order, before the
    /// spec's settled status: e.g. `{"ecs:RebootInstance": [{"status": "Stopping", "seconds":
    /// 5}, {"status": "Starting", "seconds": 10}]}`. Each status must be one the operation's
    /// spec knows (its resource statuses or its wait states).
    pub phases: BTreeMap<String, Vec<PhaseConfig>>,
    /// Signed requests whose timestamp is further than this from the machine's clock are
    /// refused; Alibaba documents 15 minutes (<https://help.aliyun.com/document_detail/48054.html>).
    pub signature_window_seconds: i64,
    /// Provider API bodies larger than this get the provider's "too large" error.
    pub max_body_bytes: usize,
    /// Limit for `/_emulator/...` bodies (fleets can be larger than API calls).
    pub max_control_body_bytes: usize,
    /// The call log keeps this many latest calls (it still counts all of them).
    pub call_log_capacity: usize,
    pub faults: Vec<FaultSpec>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            credentials: CredentialsConfig::default(),
            clock: ClockConfig::default(),
            transition_seconds: 10,
            phases: BTreeMap::new(),
            signature_window_seconds: 15 * 60,
            max_body_bytes: 1024 * 1024,
            max_control_body_bytes: 16 * 1024 * 1024,
            call_log_capacity: 10_000,
            faults: Vec::new(),
        }
    }
}

impl Config {
    pub fn from_json(text: &str) -> Result<Config, String> {
        let config: Config = serde_json::from_str(text).map_err(|err| format!("invalid configuration: {err}"))?;
        config.validate()?;
        Ok(config)
    }

    pub fn validate(&self) -> Result<(), String> {
        const DAY: i64 = 86_400;
        if !(0..=365 * DAY).contains(&self.transition_seconds) {
            return Err(format!(
                "transition_seconds must be 0 to {}; got {}",
                365 * DAY,
                self.transition_seconds
            ));
        }
        if !(1..=7 * DAY).contains(&self.signature_window_seconds) {
            return Err(format!(
                "signature_window_seconds must be 1 to {}; got {}",
                7 * DAY,
                self.signature_window_seconds
            ));
        }
        if self.max_body_bytes == 0 || self.max_control_body_bytes == 0 || self.call_log_capacity == 0 {
            return Err("max_body_bytes, max_control_body_bytes and call_log_capacity must be positive".to_owned());
        }
        if self.max_body_bytes > 64 * 1024 * 1024
            || self.max_control_body_bytes > 256 * 1024 * 1024
            || self.call_log_capacity > 1_000_000
        {
            return Err(
                "limits too large: bodies at most 64 MiB (control 256 MiB), call log at most 1000000".to_owned(),
            );
        }
        let keys = self.credentials.alibaba_keys().len()
            + self.credentials.zenlayer_keys().len()
            + self.credentials.zenlayer_bearer_tokens.len();
        if keys == 0 {
            return Err("no credentials: nobody could call the emulator".to_owned());
        }
        for key in self.credentials.alibaba_keys() {
            if key.access_key_id.trim().is_empty() || key.access_key_secret.trim().is_empty() {
                return Err("Alibaba access keys need an id and a secret".to_owned());
            }
        }
        for key in self.credentials.zenlayer_keys() {
            if key.access_key_id.trim().is_empty() || key.access_key_password.trim().is_empty() {
                return Err("Zenlayer access keys need an id and a password".to_owned());
            }
        }
        for (op_id, phases) in &self.phases {
            let op = opgate::operation(op_id).map_err(|_| format!("phases: unknown operation {op_id}"))?;
            if matches!(op.transition, Transition::Unchanged) {
                return Err(format!(
                    "phases: {op_id} does not change the status, so it has no phases"
                ));
            }
            for phase in phases {
                let known = op.resource.statuses.contains(&phase.status.as_str())
                    || op.wait.pending.contains(&phase.status.as_str());
                if !known {
                    return Err(format!(
                        "phases: {op_id} cannot show status {}; its spec knows {} (pending: {})",
                        phase.status,
                        op.resource.statuses.join(", "),
                        op.wait.pending.join(", ")
                    ));
                }
                if !(0..=365 * DAY).contains(&phase.seconds) {
                    return Err(format!(
                        "phases: {op_id} {} lasts {} seconds; allowed 0 to {}",
                        phase.status,
                        phase.seconds,
                        365 * DAY
                    ));
                }
            }
        }
        for fault in &self.faults {
            fault.validate()?;
        }
        Ok(())
    }

    /// The statuses an accepted call of `op` shows before it settles, with how long each
    /// lasts: the configured phases, else the spec's documented intermediate status for
    /// `transition_seconds`. `None` when the operation leaves the status as it is.
    pub fn timeline_of(&self, op: &opgate::spec::OperationSpec) -> Option<(Vec<PhaseConfig>, &'static str)> {
        let (default, settled) = match op.transition {
            Transition::Through { immediate, settled } => (
                vec![PhaseConfig {
                    status: immediate.to_owned(),
                    seconds: self.transition_seconds,
                }],
                settled,
            ),
            // The intermediate status is undocumented, so none is invented.
            Transition::Settles { settled } => (Vec::new(), settled),
            Transition::Unchanged => return None,
        };
        Some((self.phases.get(op.id).cloned().unwrap_or(default), settled))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_come_from_the_spec_and_phases_are_checked_against_it() {
        let config = Config::default();
        let ecs = opgate::operation("ecs:RebootInstance").expect("known");
        assert_eq!(
            config.timeline_of(ecs),
            Some((
                vec![PhaseConfig {
                    status: "Starting".to_owned(),
                    seconds: 10
                }],
                "Running"
            ))
        );
        assert_eq!(
            config.timeline_of(opgate::operation("computenest:RenewServiceInstanceResources").expect("known")),
            None
        );
        let configured =
            Config::from_json(r#"{"phases": {"ecs:RebootInstance": [{"status": "Stopping", "seconds": 5}, {"status": "Starting", "seconds": 10}]}}"#)
                .expect("valid");
        assert_eq!(configured.timeline_of(ecs).map(|(phases, _)| phases.len()), Some(2));
        for bad in [
            r#"{"phases": {"ecs:RebootInstance": [{"status": "Rebooting", "seconds": 5}]}}"#,
            r#"{"phases": {"ecs:Nope": []}}"#,
            r#"{"phases": {"computenest:RenewServiceInstanceResources": []}}"#,
            r#"{"transition_seconds": -1}"#,
            r#"{"credentials": {"alibaba": [], "zenlayer": []}}"#,
            r#"{"unknown": 1}"#,
        ] {
            assert!(Config::from_json(bad).is_err(), "{bad}");
        }
    }
}

//! The emulator's clock, which the test controls. Resource states (transitions, expiry checks)
//! run on it; signature timestamps are checked against the machine's real clock instead,
//! because the SDKs stamp requests with real time.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Advances larger than this (about 100 years) are refused: they can only be mistakes.
pub const MAX_ADVANCE_SECONDS: i64 = 100 * 366 * 86_400;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClockMode {
    /// Time moves only when the test advances it (`POST /_emulator/clock`).
    #[default]
    Manual,
    /// Time also moves with the machine's clock, from the start time on.
    Real,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockConfig {
    #[serde(default)]
    pub mode: ClockMode,
    /// Unix seconds at start; default: the fleet's `now`, else the machine's time.
    #[serde(default)]
    pub start: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Clock {
    pub mode: ClockMode,
    base: i64,
    offset: i64,
    started: Instant,
}

impl Clock {
    pub fn new(mode: ClockMode, start: i64) -> Self {
        Clock {
            mode,
            base: start,
            offset: 0,
            started: Instant::now(),
        }
    }

    /// Unix seconds on the emulator's clock.
    pub fn now(&self) -> i64 {
        let running = match self.mode {
            ClockMode::Manual => 0,
            ClockMode::Real => i64::try_from(self.started.elapsed().as_secs()).unwrap_or(i64::MAX),
        };
        self.base.saturating_add(self.offset).saturating_add(running)
    }

    pub fn advance(&mut self, seconds: i64) -> Result<i64, String> {
        if !(0..=MAX_ADVANCE_SECONDS).contains(&seconds) {
            return Err(format!(
                "advance takes 0 to {MAX_ADVANCE_SECONDS} seconds; got {seconds}"
            ));
        }
        self.offset = self.offset.saturating_add(seconds);
        Ok(self.now())
    }

    /// Moves the clock to `unix` (forwards only, as real time does).
    pub fn set(&mut self, unix: i64) -> Result<i64, String> {
        let now = self.now();
        if unix < now {
            return Err(format!(
                "the clock only moves forwards: it reads {now}, asked for {unix}"
            ));
        }
        self.advance(unix - now)
    }
}

/// The machine's clock in Unix seconds (0 if it reads before 1970).
pub fn wall_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_advanced_and_never_back() {
        let mut clock = Clock::new(ClockMode::Manual, 1_000);
        assert_eq!(clock.now(), 1_000);
        assert_eq!(clock.advance(10), Ok(1_010));
        assert_eq!(clock.set(1_100), Ok(1_100));
        assert!(clock.set(1_000).is_err());
        assert!(clock.advance(-1).is_err());
        assert!(clock.advance(MAX_ADVANCE_SECONDS + 1).is_err());
        assert_eq!(clock.now(), 1_100);
    }
}

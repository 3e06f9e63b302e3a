//! The wording of the host contract (`crate::host`): arguments of the wrong kind, limits.

//! The wording of RAM policy parsing and evaluation (`crate::ram`).

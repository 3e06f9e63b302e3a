//! The wording of building, signing and parsing requests and responses (`crate::wire`).

//! The wording of the lifecycle engines (`crate::lifecycle`): waiters, plans, retry classes, access-denied explanations, client tokens.

//! Wire layer: endpoints, request building, signing, response parsing.

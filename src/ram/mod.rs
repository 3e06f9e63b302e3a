//! Alibaba RAM policy parsing and evaluation.

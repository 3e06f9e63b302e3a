//! The operations opgate knows, one [`OperationSpec`] value each, grouped by provider product.
//! Adding an operation means adding a spec here; no engine changes.

mod common;
pub mod computenest;
pub mod computenestsupplier;
pub mod describe;
pub mod ecs;
mod lifecycle;
pub mod zec;

use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail, Result};
use crate::spec::{ErrorSpec, OperationSpec, Provider, ProviderLifecycle};
use crate::text;

static OPERATIONS: [&OperationSpec; 4] = [
    &ecs::REBOOT_INSTANCE,
    &computenestsupplier::RESTART_SERVICE_INSTANCE,
    &computenest::RENEW_SERVICE_INSTANCE_RESOURCES,
    &zec::REBOOT_INSTANCES,
];

/// Every operation, in a stable order.
pub fn operations() -> &'static [&'static OperationSpec] {
    &OPERATIONS
}

/// Looks an operation up by its id, e.g. `ecs:RebootInstance`.
pub fn operation(id: &str) -> Result<&'static OperationSpec> {
    OPERATIONS.iter().copied().find(|op| op.id == id).ok_or_else(|| {
        let known: Vec<&str> = crate::lists::map_items(&OPERATIONS, |op| op.id);
        Error::Input(ErrorDetail::client(
            ClientCode::UnsupportedOperation,
            text!(
                format!(
                    "The operation \"{}\" is not supported; supported operations: {}.",
                    clip(id),
                    crate::lang::join(&known, ", ")
                ),
                format!(
                    "不支持操作 \"{}\"；支持的操作：{}。",
                    clip(id),
                    crate::lang::join(&known, "、")
                )
            ),
            Some("operation".to_owned()),
        ))
    })
}

/// An operation id as the catalog holds it. (An alias, not `&'static str` written out, so that
/// serde's derive does not make results that hold one borrow from their input.)
pub type StaticId = &'static str;

/// Reads an operation id back as the catalog's own `&'static str`, for results rebuilt from their
/// serialized form (Python's unpickling); an unknown id is refused.
pub fn deserialize_id<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<&'static str, D::Error> {
    deserialize_spec(deserializer).map(|spec| spec.id)
}

/// [`deserialize_id`], giving the spec.
pub fn deserialize_spec<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<&'static OperationSpec, D::Error> {
    let id = <String as serde::Deserialize>::deserialize(deserializer)?;
    operation(&id).map_err(|_| serde::de::Error::custom(format!("unknown operation {:?}", clip(&id))))
}

/// An operation spec written as its id.
pub fn serialize_spec_id<S: serde::Serializer>(
    spec: &&'static OperationSpec,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_str(spec.id)
}

/// Errors every operation of a provider can meet (throttling, auth, server faults).
pub fn provider_errors(provider: Provider) -> &'static [ErrorSpec] {
    match provider {
        Provider::Alibaba => common::ALIBABA,
        Provider::Zenlayer => common::ZENLAYER,
    }
}

/// What every operation of a provider shares around a call: retry classes of its common codes,
/// retry-after headers, recommended delays, the waiter's failure codes.
pub fn provider_lifecycle(provider: Provider) -> &'static ProviderLifecycle {
    match provider {
        Provider::Alibaba => &lifecycle::ALIBABA,
        Provider::Zenlayer => &lifecycle::ZENLAYER,
    }
}

impl OperationSpec {
    /// The operation's own entry for `code`, else the provider-wide one.
    pub fn error(&self, code: &str) -> Option<&'static ErrorSpec> {
        self.errors
            .iter()
            .chain(provider_errors(self.provider))
            .find(|e| e.code == code)
    }

    /// The provider error `code` as an [`ErrorDetail`]. Codes named by specs are always in
    /// the tables (a unit test checks it); an unknown one still yields a well-formed error.
    pub fn error_detail(&self, code: &str, field: Option<String>) -> ErrorDetail {
        match self.error(code) {
            Some(entry) => ErrorDetail {
                code: entry.code.to_owned(),
                http_status: entry.http_status,
                message: entry.message.clone(),
                field,
                retryable: entry.retryable,
            },
            None => ErrorDetail {
                code: code.to_owned(),
                http_status: 400,
                message: text!(code.to_owned(), code.to_owned()),
                field,
                retryable: false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Guard;

    #[test]
    fn every_code_a_spec_names_is_in_its_error_table() {
        for op in operations() {
            let mut named = vec![op.resource.not_found];
            named.extend(op.dry_run.map(|d| d.code));
            for guard in op.guards {
                match guard {
                    Guard::StatusNotIn { code, .. }
                    | Guard::StatusIn { code, .. }
                    | Guard::NotExpired { code, .. }
                    | Guard::SupportsOperation { code, .. } => named.push(code),
                    Guard::Locks { by_reason, unknown, .. } => {
                        named.push(unknown);
                        named.extend(by_reason.iter().map(|(_, code)| *code));
                    }
                }
            }
            for code in named {
                assert!(
                    op.error(code).is_some(),
                    "{}: {code} missing from the error table",
                    op.id
                );
            }
        }
    }

    #[test]
    fn ids_are_unique_and_match_ram_actions() {
        for (index, op) in operations().iter().enumerate() {
            assert!(operations().iter().skip(index + 1).all(|other| other.id != op.id));
            assert!(op.id.ends_with(op.action));
            if let Some(ram) = op.ram {
                assert_eq!(ram.action, op.id);
            }
        }
    }

    #[test]
    fn every_error_has_both_languages() {
        for op in operations() {
            for entry in op.errors.iter().chain(provider_errors(op.provider)) {
                assert!(
                    !entry.message.en.is_empty() && !entry.message.zh.is_empty(),
                    "{}",
                    entry.code
                );
                assert!((400..600).contains(&entry.http_status), "{}", entry.code);
            }
        }
    }
}

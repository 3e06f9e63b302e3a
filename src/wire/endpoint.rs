//! Which host an operation's request goes to.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::formats::{check_region_argument, MAX_STRING_CHARS};
use crate::messages::wire::{endpoint_problem, invalid_endpoint, EndpointProblem};
use crate::record::Record;
use crate::spec::{OperationSpec, WireSpec};

/// Where requests for an operation go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Record)]
pub struct Endpoint {
    /// `https`, or the scheme an endpoint override gave.
    pub scheme: String,
    pub host: String,
    pub path: String,
}

/// Resolves the endpoint for `op`.
///
/// `endpoint_override` (a host, optionally `https://host` or `http://host[:port]`) always wins.
/// Otherwise Alibaba hosts depend on `region`: the SDK's per-region table first, then the
/// spec's `{region}` template, limited to `regional_endpoints` when that list is non-empty
/// (other regions use `fallback_endpoint`, or are refused). Zenlayer has one global host.
pub fn resolve_endpoint(op: &OperationSpec, region: Option<&str>, endpoint_override: Option<&str>) -> Result<Endpoint> {
    let route = route(op, region, endpoint_override)?;
    Ok(Endpoint {
        scheme: route.scheme.to_owned(),
        host: route.host.into_owned(),
        path: route.path.to_owned(),
    })
}

/// [`resolve_endpoint`] as `build` uses it: the spec's own text borrowed, not copied.
pub(super) struct Route {
    pub scheme: &'static str,
    pub host: Cow<'static, str>,
    pub path: &'static str,
}

/// See [`resolve_endpoint`].
pub(super) fn route(op: &OperationSpec, region: Option<&str>, endpoint_override: Option<&str>) -> Result<Route> {
    let default_path = match op.wire {
        WireSpec::AlibabaRpc { .. } => "/",
        WireSpec::ZenlayerJson { path, .. } => path,
    };
    if let Some(text) = endpoint_override {
        let (scheme, host) = parse_override(text)?;
        return Ok(Route {
            scheme,
            host: Cow::Owned(host.to_owned()),
            path: default_path,
        });
    }
    let host = match op.wire {
        WireSpec::ZenlayerJson { host, .. } => Cow::Borrowed(host),
        WireSpec::AlibabaRpc {
            endpoint,
            endpoint_map,
            regional_endpoints,
            fallback_endpoint,
        } => {
            let needs_region = crate::lang::contains(endpoint, "{region}") || !endpoint_map.is_empty();
            match region {
                None if needs_region => return Err(missing_region(op)),
                None => Cow::Borrowed(endpoint),
                Some(region) => {
                    check_region_argument(region)?;
                    if let Some((_, host)) = endpoint_map.iter().find(|(known, _)| *known == region) {
                        Cow::Borrowed(*host)
                    } else if regional_endpoints.is_empty() || regional_endpoints.contains(&region) {
                        Cow::Owned(fill_region(endpoint, region))
                    } else if let Some(fallback) = fallback_endpoint {
                        Cow::Borrowed(fallback)
                    } else {
                        return Err(unsupported_region(op, region, regional_endpoints));
                    }
                }
            }
        }
    };
    Ok(Route {
        scheme: "https",
        host,
        path: default_path,
    })
}

/// The endpoint template with its `{region}` filled in. Templates hold it once, if at all, so a
/// character search finds it (a `str` pattern search costs more to set up than the rest of
/// the build); anything else goes through `str::replace`.
fn fill_region(template: &str, region: &str) -> String {
    const PLACEHOLDER: &str = "{region}";
    let Some(at) = template.find('{') else {
        return template.to_owned();
    };
    let (before, rest) = template.split_at(at);
    match rest.strip_prefix(PLACEHOLDER) {
        Some(after) if !after.contains('{') => {
            let mut host = String::with_capacity(before.len() + region.len() + after.len());
            host.push_str(before);
            host.push_str(region);
            host.push_str(after);
            host
        }
        _ => crate::lang::replace(template, PLACEHOLDER, region),
    }
}

fn missing_region(op: &OperationSpec) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::MissingParameterRegion,
        endpoint_problem(op.id, &EndpointProblem::NoRegion),
        Some("region".to_owned()),
    ))
}

fn unsupported_region(op: &OperationSpec, region: &str, served: &[&str]) -> Error {
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterRegion,
        endpoint_problem(op.id, &EndpointProblem::UnservedRegion { region, served }),
        Some("region".to_owned()),
    ))
}

/// Splits `[scheme://]host[:port][/]` and checks the host is a plain DNS name or IPv4
/// address, so a typo cannot smuggle a path, credentials or a second URL into the request.
fn parse_override(text: &str) -> Result<(&'static str, &str)> {
    let (scheme, rest) = if let Some(rest) = text.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = text.strip_prefix("http://") {
        ("http", rest)
    } else {
        ("https", text)
    };
    let host = rest.strip_suffix('/').unwrap_or(rest);
    let (name, port) = match host.split_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    };
    let name_ok = !name.is_empty()
        && name.len() <= 253
        && text.len() <= MAX_STRING_CHARS
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    let port_ok = port.map_or(true, |port| {
        !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u16>().is_ok_and(|p| p > 0)
    });
    if name_ok && port_ok {
        Ok((scheme, host))
    } else {
        Err(Error::Input(ErrorDetail::client(
            ClientCode::InvalidParameterEndpoint,
            invalid_endpoint(text),
            Some("endpoint".to_owned()),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::operation;

    #[test]
    fn region_templates_fill_like_replace() {
        for template in [
            "ecs.{region}.aliyuncs.com",
            "{region}",
            "plain.example.com",
            "a.{region}.{region}.b",
            "a.{other}.{region}",
            "x{",
        ] {
            assert_eq!(
                fill_region(template, "cn-hangzhou"),
                template.replace("{region}", "cn-hangzhou"),
                "{template}"
            );
        }
    }

    fn host(op: &str, region: Option<&str>) -> Result<String> {
        resolve_endpoint(operation(op)?, region, None).map(|e| e.host)
    }

    #[test]
    fn ecs_follows_the_sdk_endpoint_table() {
        assert_eq!(
            host("ecs:RebootInstance", Some("cn-beijing")).ok().as_deref(),
            Some("ecs.cn-beijing.aliyuncs.com")
        );
        assert_eq!(
            host("ecs:RebootInstance", Some("cn-hangzhou")).ok().as_deref(),
            Some("ecs-cn-hangzhou.aliyuncs.com")
        );
        assert_eq!(
            host("ecs:RebootInstance", Some("cn-wuhan")).ok().as_deref(),
            Some("ecs.aliyuncs.com")
        );
        assert!(matches!(host("ecs:RebootInstance", None), Err(Error::Input(_))));
        assert!(matches!(
            host("ecs:RebootInstance", Some("Cn-Beijing")),
            Err(Error::Input(_))
        ));
    }

    #[test]
    fn compute_nest_is_limited_to_its_regions() {
        assert_eq!(
            host("computenest:RenewServiceInstanceResources", Some("ap-southeast-1"))
                .ok()
                .as_deref(),
            Some("computenest.ap-southeast-1.aliyuncs.com")
        );
        assert_eq!(
            host("computenestsupplier:RestartServiceInstance", Some("cn-hangzhou"))
                .ok()
                .as_deref(),
            Some("computenestsupplier.cn-hangzhou.aliyuncs.com")
        );
        assert!(host("computenest:RenewServiceInstanceResources", Some("eu-central-1")).is_err());
    }

    #[test]
    fn overrides_are_checked() {
        let op = operation("zec:RebootInstances").expect("known");
        let endpoint = resolve_endpoint(op, None, Some("http://localhost:8080/")).expect("valid");
        assert_eq!(
            (endpoint.scheme.as_str(), endpoint.host.as_str(), endpoint.path.as_str()),
            ("http", "localhost:8080", "/api/v2/zec")
        );
        for bad in [
            "",
            "https://",
            "a/b",
            "user@host",
            "host:0",
            "host:99999",
            "-a.com",
            "a..b",
            "exa mple.com",
        ] {
            assert!(resolve_endpoint(op, None, Some(bad)).is_err(), "{bad}");
        }
    }
}

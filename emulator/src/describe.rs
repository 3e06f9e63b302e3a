//! The Describe calls the pre-checks read: ECS DescribeInstances, Compute Nest
//! GetServiceInstance and ListServiceInstances (supplier and user side answer alike), ZEC
//! DescribeInstances and DescribeInstancesStatus. Items come back as the fleet gave them,
//! with the status the emulator's clock says now.

use opgate::catalog::computenestsupplier;
use serde_json::{Map, Value};

use crate::operations::{Accepted, Refused};
use crate::wire::ApiError;
use crate::world::{World, ECS, ECS_RESOURCE, SERVICE_INSTANCES, SERVICE_INSTANCE_RESOURCE, ZEC, ZEC_RESOURCE};

fn refused(error: ApiError) -> Refused {
    Refused {
        error,
        targets: Vec::new(),
    }
}

fn missing(name: &str) -> Refused {
    refused(ApiError::new(
        400,
        "MissingParameter",
        format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
    ))
}

fn invalid(code: &str, message: impl Into<String>) -> Refused {
    refused(ApiError::new(400, code, message))
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// An integer parameter within bounds, or the default when absent.
fn bounded(params: &[(String, String)], name: &str, default: usize, max: usize) -> Result<usize, Refused> {
    match param(params, name) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|value| (1..=max).contains(value))
            .ok_or_else(|| {
                invalid(
                    &format!("InvalidParameter.{name}"),
                    format!("The specified parameter {name} must be an integer from 1 to {max}."),
                )
            }),
    }
}

fn page<T: Clone>(items: &[T], number: usize, size: usize) -> Vec<T> {
    items
        .iter()
        .skip(number.saturating_sub(1).saturating_mul(size))
        .take(size)
        .cloned()
        .collect()
}

fn ids_of(items: &[Map<String, Value>], field: &str) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| item.get(field).and_then(Value::as_str).map(str::to_owned))
        .collect()
}

/// ECS DescribeInstances
/// (<https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describeinstances>):
/// `RegionId` required; `InstanceIds` a JSON list of up to 100 ids; `Status`, `PageNumber`,
/// `PageSize` (at most 100, default 10). Answers `Instances.Instance[]`.
pub fn ecs_describe_instances(world: &World, params: &[(String, String)]) -> Result<Accepted, Refused> {
    let region = param(params, "RegionId").ok_or_else(|| missing("RegionId"))?;
    let wanted: Option<Vec<String>> = match param(params, "InstanceIds") {
        None => None,
        Some(text) => Some(
            serde_json::from_str::<Vec<String>>(text)
                .ok()
                .filter(|ids| ids.len() <= 100)
                .ok_or_else(|| {
                    invalid(
                        "InvalidInstanceIds.Malformed",
                        "The specified parameter InstanceIds is not valid.",
                    )
                })?,
        ),
    };
    let status = param(params, "Status");
    let number = bounded(params, "PageNumber", 1, usize::MAX)?;
    let size = bounded(params, "PageSize", 10, 100)?;
    let status_field = ECS_RESOURCE.status_field;
    let matching: Vec<Map<String, Value>> = world
        .views(ECS)
        .into_iter()
        .filter(|(id, item)| {
            wanted.as_ref().is_none_or_has(id)
                && item
                    .get("RegionId")
                    .and_then(Value::as_str)
                    .map_or(true, |r| r == region)
                && status.map_or(true, |s| item.get(status_field).and_then(Value::as_str) == Some(s))
        })
        .map(|(_, item)| item)
        .collect();
    let shown = page(&matching, number, size);
    let mut payload = Map::new();
    payload.insert("TotalCount".to_owned(), Value::from(matching.len()));
    payload.insert("PageNumber".to_owned(), Value::from(number));
    payload.insert("PageSize".to_owned(), Value::from(size));
    let targets = ids_of(&shown, ECS_RESOURCE.id_field);
    let instances: Vec<Value> = shown.into_iter().map(Value::Object).collect();
    payload.insert("Instances".to_owned(), serde_json::json!({ "Instance": instances }));
    Ok(Accepted { payload, targets })
}

/// Compute Nest GetServiceInstance: the item's fields at the top level beside `RequestId`.
pub fn get_service_instance(world: &World, params: &[(String, String)]) -> Result<Accepted, Refused> {
    let id = param(params, "ServiceInstanceId").ok_or_else(|| missing("ServiceInstanceId"))?;
    let status_field = SERVICE_INSTANCE_RESOURCE.status_field;
    let now = world.now();
    let resource = world
        .fleet
        .collection(SERVICE_INSTANCES)
        .and_then(|c| c.get(id))
        .ok_or_else(|| {
            let spec = &computenestsupplier::RESTART_SERVICE_INSTANCE;
            refused(ApiError::from_detail(&spec.error_detail(spec.resource.not_found, None)))
        })?;
    Ok(Accepted {
        payload: resource.view(status_field, now),
        targets: vec![id.to_owned()],
    })
}

/// The `Filter.N.Name` / `Filter.N.Value.M` pairs of ListServiceInstances.
fn filters(params: &[(String, String)]) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    for n in 1..=20 {
        let Some(name) = param(params, &format!("Filter.{n}.Name")) else {
            continue;
        };
        let values = (1..=100)
            .filter_map(|m| param(params, &format!("Filter.{n}.Value.{m}")).map(str::to_owned))
            .collect();
        found.push((name.to_owned(), values));
    }
    found
}

/// Compute Nest ListServiceInstances: `Filter` by `ServiceInstanceId`, `Name`, `Status`,
/// `ServiceId`; `MaxResults` (at most 100, default 20) and `NextToken` page it.
pub fn list_service_instances(world: &World, params: &[(String, String)]) -> Result<Accepted, Refused> {
    let filters = filters(params);
    for (name, _) in &filters {
        if !matches!(name.as_str(), "ServiceInstanceId" | "Name" | "Status" | "ServiceId") {
            return Err(invalid(
                "InvalidParameter.Filter",
                format!("The filter {name} is not supported; use ServiceInstanceId, Name, Status or ServiceId."),
            ));
        }
    }
    let max = bounded(params, "MaxResults", 20, 100)?;
    let start = match param(params, "NextToken") {
        None | Some("") => 0,
        Some(token) => token
            .parse::<usize>()
            .map_err(|_| invalid("InvalidParameter.NextToken", "The specified NextToken is not valid."))?,
    };
    let region = param(params, "RegionId");
    let matching: Vec<Map<String, Value>> = world
        .views(SERVICE_INSTANCES)
        .into_iter()
        .map(|(_, item)| item)
        .filter(|item| {
            region.map_or(true, |r| {
                item.get("RegionId")
                    .and_then(Value::as_str)
                    .map_or(true, |own| own == r)
            }) && filters.iter().all(|(name, values)| {
                let field = match name.as_str() {
                    "ServiceId" => item.get("Service").and_then(|s| s.get("ServiceId")),
                    other => item.get(other),
                };
                field
                    .and_then(Value::as_str)
                    .is_some_and(|value| values.iter().any(|v| v == value))
            })
        })
        .collect();
    let shown: Vec<Map<String, Value>> = matching.iter().skip(start).take(max).cloned().collect();
    let mut payload = Map::new();
    payload.insert("TotalCount".to_owned(), Value::from(matching.len()));
    payload.insert("MaxResults".to_owned(), Value::from(max));
    if start + shown.len() < matching.len() {
        payload.insert("NextToken".to_owned(), Value::from((start + shown.len()).to_string()));
    }
    let targets = ids_of(&shown, SERVICE_INSTANCE_RESOURCE.id_field);
    payload.insert(
        "ServiceInstances".to_owned(),
        Value::Array(shown.into_iter().map(Value::Object).collect()),
    );
    Ok(Accepted { payload, targets })
}

fn zec_invalid(message: impl Into<String>) -> Refused {
    refused(ApiError::new(400, "INVALID_PARAMETER", message))
}

/// `instanceIds` (at most 100), `pageSize` (default 20, at most 1000), `pageNum` (default 1).
fn zec_paging(body: &Map<String, Value>) -> Result<(Option<Vec<String>>, usize, usize), Refused> {
    let ids = match body.get("instanceIds") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) if items.len() <= 100 => Some(
            items
                .iter()
                .map(|id| id.as_str().map(str::to_owned))
                .collect::<Option<Vec<String>>>()
                .ok_or_else(|| zec_invalid("instanceIds must be a list of strings."))?,
        ),
        Some(_) => return Err(zec_invalid("instanceIds must be a list of at most 100 strings.")),
    };
    let number = |name: &str, default: usize, max: usize| -> Result<usize, Refused> {
        match body.get(name) {
            None | Some(Value::Null) => Ok(default),
            Some(value) => value
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .filter(|n| (1..=max).contains(n))
                .ok_or_else(|| zec_invalid(format!("{name} must be an integer from 1 to {max}."))),
        }
    };
    Ok((ids, number("pageSize", 20, 1000)?, number("pageNum", 1, usize::MAX)?))
}

fn zec_string_filter<'a>(body: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, Refused> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(zec_invalid(format!("{name} must be a string."))),
    }
}

/// ZEC DescribeInstances (<https://docs.console.zenlayer.com/api-reference/zec/instance/describeinstances>):
/// `dataSet` of InstanceInfo, whose status field is `status`.
pub fn zec_describe_instances(world: &World, body: &Map<String, Value>) -> Result<Accepted, Refused> {
    let (ids, size, number) = zec_paging(body)?;
    let status = zec_string_filter(body, "status")?;
    let zone = zec_string_filter(body, "zoneId")?;
    let name = zec_string_filter(body, "name")?;
    let status_field = ZEC_RESOURCE.status_field;
    let matching: Vec<Map<String, Value>> = world
        .views(ZEC)
        .into_iter()
        .filter(|(id, item)| {
            ids.as_ref().is_none_or_has(id)
                && status.map_or(true, |s| item.get(status_field).and_then(Value::as_str) == Some(s))
                && zone.map_or(true, |z| item.get("zoneId").and_then(Value::as_str) == Some(z))
                && name.map_or(true, |n| {
                    item.get("instanceName")
                        .and_then(Value::as_str)
                        .is_some_and(|own| own.contains(n))
                })
        })
        .map(|(_, mut item)| {
            if let Some(current) = item.remove(status_field) {
                item.insert("status".to_owned(), current);
            }
            item
        })
        .collect();
    let shown = page(&matching, number, size);
    let targets = ids_of(&shown, ZEC_RESOURCE.id_field);
    let mut payload = Map::new();
    payload.insert("totalCount".to_owned(), Value::from(matching.len()));
    payload.insert(
        "dataSet".to_owned(),
        Value::Array(shown.into_iter().map(Value::Object).collect()),
    );
    Ok(Accepted { payload, targets })
}

/// ZEC DescribeInstancesStatus
/// (<https://docs.console.zenlayer.com/api-reference/compute/zec/instance/describeinstancesstatus>):
/// `dataSet` of `{instanceId, instanceStatus}`.
pub fn zec_describe_instances_status(world: &World, body: &Map<String, Value>) -> Result<Accepted, Refused> {
    let (ids, size, number) = zec_paging(body)?;
    let resource = ZEC_RESOURCE;
    let matching: Vec<Map<String, Value>> = world
        .views(ZEC)
        .into_iter()
        .filter(|(id, _)| ids.as_ref().is_none_or_has(id))
        .map(|(id, item)| {
            let mut status = Map::new();
            status.insert(resource.id_field.to_owned(), Value::from(id));
            status.insert(
                resource.status_field.to_owned(),
                item.get(resource.status_field).cloned().unwrap_or(Value::Null),
            );
            status
        })
        .collect();
    let shown = page(&matching, number, size);
    let targets = ids_of(&shown, resource.id_field);
    let mut payload = Map::new();
    payload.insert("totalCount".to_owned(), Value::from(matching.len()));
    payload.insert(
        "dataSet".to_owned(),
        Value::Array(shown.into_iter().map(Value::Object).collect()),
    );
    Ok(Accepted { payload, targets })
}

trait IdFilter {
    /// No filter, or the filter lists the id.
    fn is_none_or_has(&self, id: &str) -> bool;
}

impl IdFilter for Option<&Vec<String>> {
    fn is_none_or_has(&self, id: &str) -> bool {
        self.map_or(true, |ids| ids.iter().any(|wanted| wanted == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn world() -> World {
        let fleet: Value = serde_json::from_str(include_str!("../../examples/fleet.json")).expect("fleet");
        World::new(Arc::new(crate::config::Config::default()), fleet).expect("world")
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn ecs_describe_filters_pages_and_checks_its_parameters() {
        let world = world();
        let all = ecs_describe_instances(
            &world,
            &pairs(&[("RegionId", "cn-hangzhou"), ("PageSize", "3"), ("PageNumber", "3")]),
        )
        .expect("ok");
        assert_eq!(all.payload.get("TotalCount"), Some(&Value::from(7)));
        assert_eq!(all.targets, vec!["i-bp1h4adlltjc1d48gog8".to_owned()]);
        let some = ecs_describe_instances(
            &world,
            &pairs(&[
                ("RegionId", "cn-hangzhou"),
                ("InstanceIds", r#"["i-bp1h4adlltjc1d48goaq","i-nope"]"#),
            ]),
        )
        .expect("ok");
        assert_eq!(some.targets, vec!["i-bp1h4adlltjc1d48goaq".to_owned()]);
        let other_region = ecs_describe_instances(&world, &pairs(&[("RegionId", "cn-beijing")])).expect("ok");
        assert_eq!(other_region.payload.get("TotalCount"), Some(&Value::from(0)));
        for (bad, code) in [
            (vec![], "MissingParameter"),
            (
                vec![("RegionId", "cn-hangzhou"), ("InstanceIds", "i-1")],
                "InvalidInstanceIds.Malformed",
            ),
            (
                vec![("RegionId", "cn-hangzhou"), ("PageSize", "101")],
                "InvalidParameter.PageSize",
            ),
        ] {
            assert_eq!(
                ecs_describe_instances(&world, &pairs(&bad)).map_err(|r| r.error.code),
                Err(code.to_owned())
            );
        }
    }

    #[test]
    fn service_instances_are_found_listed_and_filtered() {
        let world = world();
        let one =
            get_service_instance(&world, &pairs(&[("ServiceInstanceId", "si-0a1b2c3d4e5f60718293")])).expect("found");
        assert_eq!(one.payload.get("Status"), Some(&Value::from("Deployed")));
        let missing = get_service_instance(&world, &pairs(&[("ServiceInstanceId", "si-ffffffffffffffffffff")]))
            .expect_err("absent");
        assert_eq!(
            (missing.error.status, missing.error.code.as_str()),
            (404, "EntityNotExist.ServiceInstance")
        );
        let deployed = list_service_instances(
            &world,
            &pairs(&[
                ("Filter.1.Name", "Status"),
                ("Filter.1.Value.1", "Deployed"),
                ("MaxResults", "1"),
            ]),
        )
        .expect("ok");
        assert_eq!(deployed.payload.get("TotalCount"), Some(&Value::from(2)));
        assert_eq!(deployed.payload.get("NextToken"), Some(&Value::from("1")));
        assert!(list_service_instances(&world, &pairs(&[("Filter.1.Name", "Colour")])).is_err());
    }

    #[test]
    fn zec_describe_answers_status_in_each_apis_field() {
        let world = world();
        let body = serde_json::json!({"instanceIds": ["1660545330971680835", "1660545330971680838"]});
        let Value::Object(body) = body else { unreachable!() };
        let info = zec_describe_instances(&world, &body).expect("ok");
        let first = info
            .payload
            .get("dataSet")
            .and_then(|d| d.get(0))
            .cloned()
            .unwrap_or_default();
        assert_eq!(first.get("status"), Some(&Value::from("RUNNING")));
        assert!(first.get("instanceStatus").is_none());
        let status = zec_describe_instances_status(&world, &body).expect("ok");
        assert_eq!(
            status.payload.get("dataSet"),
            Some(
                &serde_json::json!([{"instanceId": "1660545330971680835", "instanceStatus": "RUNNING"}, {"instanceId": "1660545330971680838", "instanceStatus": "RECYCLE"}])
            )
        );
        let Value::Object(too_big) = serde_json::json!({"pageSize": 1001}) else {
            unreachable!()
        };
        assert_eq!(
            zec_describe_instances_status(&world, &too_big).map_err(|r| r.error.code),
            Err("INVALID_PARAMETER".to_owned())
        );
    }
}

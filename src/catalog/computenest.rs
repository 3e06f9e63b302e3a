//! Alibaba Cloud Compute Nest, user side, API 2021-06-01.

use super::computenestsupplier::{SERVICE_INSTANCE, SERVICE_INSTANCE_ERRORS, SERVICE_INSTANCE_ERROR_CLASSES};
use crate::lang::Text;
use crate::spec::*;

// Period ranges are undocumented; int32 is the SDK type. Callers narrow it with
// `Options::int_bounds`.
const PERIOD: ParamKind = ParamKind::Int {
    min: 1,
    max: i32::MAX as i64,
};
const PERIOD_UNIT: ParamKind = ParamKind::Enum {
    values: &["Month", "Year"],
    default: Some("Month"),
};

const RESOURCE_PERIOD: ParamKind = ParamKind::Object {
    fields: &[
        ParamSpec {
            name: "ResourceArn",
            kind: ParamKind::Str { format: Format::Arn },
            required: true,
        },
        ParamSpec {
            name: "Period",
            kind: PERIOD,
            required: true,
        },
        ParamSpec {
            name: "PeriodUnit",
            kind: PERIOD_UNIT,
            required: false,
        },
    ],
};

pub static RENEW_SERVICE_INSTANCE_RESOURCES: OperationSpec = OperationSpec {
    id: "computenest:RenewServiceInstanceResources",
    provider: Provider::Alibaba,
    product: "ComputeNest",
    api_version: "2021-06-01",
    action: "RenewServiceInstanceResources",
    summary: Text::new(
        "Renew all, or the listed, subscription resources of a service instance.",
        "续费服务实例的全部或指定包年包月资源。",
    ),
    wire: WireSpec::AlibabaRpc {
        endpoint_map: &[],
        endpoint: "computenest.{region}.aliyuncs.com",
        regional_endpoints: &["cn-hangzhou", "ap-southeast-1"],
        fallback_endpoint: None,
    },
    params: &[
        ParamSpec {
            name: "ClientToken",
            kind: ParamKind::Str {
                format: Format::ClientToken,
            },
            required: false,
        },
        ParamSpec {
            name: "Period",
            kind: PERIOD,
            required: false,
        },
        ParamSpec {
            name: "PeriodUnit",
            kind: PERIOD_UNIT,
            required: false,
        },
        ParamSpec {
            name: "RegionId",
            kind: ParamKind::Str {
                format: Format::RegionId,
            },
            required: false,
        },
        // No documented maximum; 100 matches the other batch limits and keeps URLs sane.
        ParamSpec {
            name: "ResourcePeriod",
            kind: ParamKind::List {
                item: &RESOURCE_PERIOD,
                min: 1,
                max: 100,
                unique: Uniqueness::Field("ResourceArn"),
            },
            required: false,
        },
        ParamSpec {
            name: "ServiceInstanceId",
            kind: ParamKind::Str {
                format: Format::ServiceInstanceId,
            },
            required: true,
        },
    ],
    rules: &[CrossRule::OneMethod {
        groups: &[
            MethodGroup {
                anchor: "Period",
                members: &["Period", "PeriodUnit"],
            },
            MethodGroup {
                anchor: "ResourcePeriod",
                members: &["ResourcePeriod"],
            },
        ],
    }],
    target: TargetSpec::Single {
        param: "ServiceInstanceId",
    },
    resource: SERVICE_INSTANCE,
    // The API reference states no status precondition
    // (https://www.alibabacloud.com/help/en/compute-nest/developer-reference/api-computenest-2021-06-01-renewserviceinstanceresources),
    // so renewal is refused only while resources are being created or torn down, when there is
    // nothing stable to renew.
    guards: &[Guard::StatusIn {
        statuses: &["Deployed", "Upgrading", "Stopped", "StartFailed", "StopFailed"],
        code: "IncorrectServiceInstanceStatus",
    }],
    transition: Transition::Unchanged,
    wait: WaitSpec {
        target: &[],
        pending: &[],
        failure: &[],
        initial_delay_seconds: 0,
        interval_seconds: 0,
        timeout_seconds: 0,
    },
    ram: Some(RamSpec {
        action: "computenest:RenewServiceInstanceResources",
        resource: "acs:computenest:{region}:{account}:serviceinstance/{id}",
    }),
    dry_run: None,
    errors: SERVICE_INSTANCE_ERRORS,
    lifecycle: RENEW_LIFECYCLE,
};

const RENEW_LIFECYCLE: LifecycleSpec = LifecycleSpec {
    waiter: WaiterSpec {
        // Synchronous: the response carries the per-resource result, there is nothing to poll.
        evidence: &[],
        backoff_percent: 100,
        max_interval_seconds: 0,
        jitter_percent: 0,
        rule: Text::new("RenewServiceInstanceResources answers synchronously with RenewalResult and FailureDetails per resource, and does not change the status: the response is the outcome and there is nothing to wait for.", "RenewServiceInstanceResources 同步返回 RenewalResult 及每个资源的 FailureDetails，且不改变状态：响应即结果，无需等待。"),
        source: "https://www.alibabacloud.com/help/en/compute-nest/developer-reference/api-computenest-2021-06-01-renewserviceinstanceresources",
    },
    client_token: Some("ClientToken"),
    error_classes: SERVICE_INSTANCE_ERROR_CLASSES,
};

//! Alibaba Cloud Compute Nest, supplier side, API 2021-05-21.

use crate::lang::Text;
use crate::spec::ErrorOrigin::{Documented, ProviderStyle};
use crate::spec::*;

/// Service instance statuses: the `Status` enum of GetServiceInstance
/// (<https://www.alibabacloud.com/help/en/compute-nest/developer-reference/api-computenestsupplier-2021-05-21-getserviceinstance>)
/// plus the states the start/stop operations name (`Stopped`, `StartFailed`, `StopFailed`:
/// <https://www.alibabacloud.com/help/en/compute-nest/developer-reference/api-computenestsupplier-2021-05-21-startserviceinstance>,
/// <https://www.alibabacloud.com/help/en/compute-nest/developer-reference/api-computenestsupplier-2021-05-21-stopserviceinstance>).
pub const SERVICE_INSTANCE_STATUSES: &[&str] = &[
    "Created",
    "Deploying",
    "DeployedFailed",
    "Deployed",
    "Upgrading",
    "Deleting",
    "Deleted",
    "DeletedFailed",
    "Stopped",
    "StartFailed",
    "StopFailed",
];

/// Service instances as GetServiceInstance returns them (ListServiceInstances for many).
pub const SERVICE_INSTANCE: ResourceSpec = ResourceSpec {
    noun: Text::new("service instance", "服务实例"),
    describe_api: "GetServiceInstance",
    list_paths: &[&["ServiceInstances"]],
    id_field: "ServiceInstanceId",
    status_field: "Status",
    status_aliases: &[],
    statuses: SERVICE_INSTANCE_STATUSES,
    not_found: "EntityNotExist.ServiceInstance",
};

/// Compute Nest documents no error codes for these checks; these follow its `EntityNotExist.*`
/// and ECS's `Incorrect*Status` style.
pub static SERVICE_INSTANCE_ERRORS: &[ErrorSpec] = &[
    ErrorSpec {
        code: "EntityNotExist.ServiceInstance",
        http_status: 404,
        retryable: false,
        message: Text::new(
            "The specified service instance does not exist.",
            "指定的服务实例不存在。",
        ),
        origin: Documented,
    },
    ErrorSpec {
        code: "IncorrectServiceInstanceStatus",
        http_status: 403,
        retryable: false,
        message: Text::new(
            "The current status of the service instance does not support this operation.",
            "服务实例当前的状态不支持此操作。",
        ),
        origin: ProviderStyle,
    },
    ErrorSpec {
        code: "UnsupportedOperation",
        http_status: 400,
        retryable: false,
        message: Text::new(
            "The service does not support this operation: the service provider did not configure it.",
            "该服务不支持此操作：服务商未配置该运维操作。",
        ),
        origin: ProviderStyle,
    },
];

pub static RESTART_SERVICE_INSTANCE: OperationSpec = OperationSpec {
    id: "computenestsupplier:RestartServiceInstance",
    provider: Provider::Alibaba,
    product: "ComputeNestSupplier",
    api_version: "2021-05-21",
    action: "RestartServiceInstance",
    summary: Text::new(
        "Restart a deployed service instance (service provider side).",
        "重启一个已部署的服务实例（服务商侧）。",
    ),
    wire: WireSpec::AlibabaRpc {
        endpoint_map: &[],
        endpoint: "computenestsupplier.{region}.aliyuncs.com",
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
            name: "RegionId",
            kind: ParamKind::Str {
                format: Format::RegionId,
            },
            required: true,
        },
        ParamSpec {
            name: "ServiceInstanceId",
            kind: ParamKind::Str {
                format: Format::ServiceInstanceId,
            },
            required: true,
        },
    ],
    rules: &[],
    target: TargetSpec::Single {
        param: "ServiceInstanceId",
    },
    resource: SERVICE_INSTANCE,
    // A service without the restart O&M operation can never restart, whatever its status.
    guards: &[
        Guard::SupportsOperation {
            operation: "Restart",
            code: "UnsupportedOperation",
        },
        Guard::StatusIn {
            statuses: &["Deployed"],
            code: "IncorrectServiceInstanceStatus",
        },
    ],
    transition: Transition::Settles { settled: "Deployed" },
    wait: WaitSpec {
        target: &["Deployed"],
        pending: &[
            "Restarting",
            "Stopping",
            "Starting",
            "Stopped",
            "Deploying",
            "Upgrading",
        ],
        failure: &[
            "DeployedFailed",
            "StartFailed",
            "StopFailed",
            "Deleting",
            "Deleted",
            "DeletedFailed",
        ],
        initial_delay_seconds: 5,
        interval_seconds: 5,
        timeout_seconds: 300,
    },
    ram: Some(RamSpec {
        action: "computenestsupplier:RestartServiceInstance",
        resource: "acs:computenestsupplier:{region}:{account}:serviceinstance/{id}",
    }),
    dry_run: None,
    errors: SERVICE_INSTANCE_ERRORS,
    lifecycle: RESTART_LIFECYCLE,
};

/// Retry classes of [`SERVICE_INSTANCE_ERRORS`], for every operation that uses that table.
pub static SERVICE_INSTANCE_ERROR_CLASSES: &[ErrorClassSpec] = &[
    ErrorClassSpec {
        code: "EntityNotExist.ServiceInstance",
        class: RetryClass::Permanent,
        token: TokenAdvice::Any,
        may_have_applied: false,
    },
    ErrorClassSpec {
        code: "IncorrectServiceInstanceStatus",
        class: RetryClass::StateConflict,
        token: TokenAdvice::Any,
        may_have_applied: false,
    },
    ErrorClassSpec {
        code: "UnsupportedOperation",
        class: RetryClass::Permanent,
        token: TokenAdvice::Any,
        may_have_applied: false,
    },
];

const RESTART_LIFECYCLE: LifecycleSpec = LifecycleSpec {
    waiter: WaiterSpec {
        evidence: &[Evidence::StatusLeftTarget, Evidence::FieldChanged("UpdateTime"), Evidence::SettleTime(60)],
        backoff_percent: 150,
        max_interval_seconds: 30,
        jitter_percent: 20,
        rule: Text::new("RestartServiceInstance is asynchronous and ends in Deployed; the status in between is not documented, and right after the call it can still read Deployed. So Deployed counts only after the status was seen to leave Deployed, or UpdateTime differs from the item read before the call, or 60 s have passed since the send (our choice).", "RestartServiceInstance 为异步操作，最终状态为 Deployed；中间状态未见文档说明，调用刚结束时状态可能仍显示 Deployed。因此只有在观察到状态离开 Deployed、或 UpdateTime 与调用前读取的值不同、或距发送已过 60 秒（我们的选择）之后，Deployed 才算完成。"),
        source: "https://www.alibabacloud.com/help/en/compute-nest/developer-reference/api-computenestsupplier-2021-05-21-restartserviceinstance",
    },
    client_token: Some("ClientToken"),
    error_classes: SERVICE_INSTANCE_ERROR_CLASSES,
};

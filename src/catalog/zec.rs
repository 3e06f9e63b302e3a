//! Zenlayer Elastic Compute (ZEC), `POST /api/v2/zec`.

use crate::lang::Text;
use crate::spec::ErrorOrigin::Documented;
use crate::spec::*;

/// The ZEC instance statuses of Zenlayer's Terraform provider
/// (<https://github.com/zenlayer/terraform-provider-zenlayercloud/blob/HEAD/zenlayercloud/services/zec/extension_zec.go>)
/// plus `REBOOT`, which only the API reference shows
/// (<https://docs.console.zenlayer.com/api-reference/zec/instance/rebootinstances>).
pub const INSTANCE_STATUSES: &[&str] = &[
    "PENDING",
    "DEPLOYING",
    "CREATE_FAILED",
    "REBUILDING",
    "REINSTALL_FAILED",
    "STOPPED",
    "RUNNING",
    "BOOTING",
    "STOPPING",
    "RELEASING",
    "RECYCLE",
    "RECYCLING",
    "RESIZING",
    "REBOOT",
];

pub static REBOOT_INSTANCES: OperationSpec = OperationSpec {
    id: "zec:RebootInstances",
    provider: Provider::Zenlayer,
    product: "zec",
    api_version: "2025-09-01",
    action: "RebootInstances",
    summary: Text::new(
        "Reboot up to 100 running ZEC instances.",
        "重启最多 100 台运行中的 ZEC 实例。",
    ),
    wire: WireSpec::ZenlayerJson {
        host: "console.zenlayer.com",
        path: "/api/v2/zec",
    },
    params: &[ParamSpec {
        name: "instanceIds",
        kind: ParamKind::List {
            item: &ParamKind::Str {
                format: Format::ZecInstanceId,
            },
            min: 1,
            max: 100,
            unique: Uniqueness::Items,
        },
        required: true,
    }],
    rules: &[],
    target: TargetSpec::Batch {
        param: "instanceIds",
        max: 100,
    },
    resource: ResourceSpec {
        noun: Text::new("instance", "实例"),
        describe_api: "DescribeInstances",
        list_paths: &[&["response", "dataSet"], &["dataSet"]],
        id_field: "instanceId",
        status_field: "instanceStatus",
        // DescribeInstances items (InstanceInfo) carry the status as `status`
        // (https://docs.console.zenlayer.com/api-reference/zec/instance/describeinstances);
        // DescribeInstancesStatus items as `instanceStatus`
        // (https://docs.console.zenlayer.com/api-reference/compute/zec/instance/describeinstancesstatus).
        // A console holds the former, a poller the latter: both are read.
        status_aliases: &["status"],
        statuses: INSTANCE_STATUSES,
        not_found: "INVALID_INSTANCE_NOT_FOUND",
    },
    // The recycle bin is checked first: its own code tells the user to restore the instance.
    guards: &[
        Guard::StatusNotIn {
            statuses: &["RECYCLE", "RECYCLING"],
            meaning: Text::new("it is in the recycle bin; restore it first", "实例在回收站中，请先恢复"),
            code: "OPERATION_DENIED_INSTANCE_RECYCLED",
        },
        Guard::StatusIn {
            statuses: &["RUNNING"],
            code: "OPERATION_DENIED_INSTANCE_STATUS",
        },
    ],
    transition: Transition::Through {
        immediate: "REBOOT",
        settled: "RUNNING",
    },
    wait: WaitSpec {
        target: &["RUNNING"],
        pending: &[
            "REBOOT",
            "BOOTING",
            "STOPPING",
            "PENDING",
            "DEPLOYING",
            "REBUILDING",
            "RESIZING",
        ],
        failure: &[
            "RECYCLE",
            "RECYCLING",
            "RELEASING",
            "STOPPED",
            "CREATE_FAILED",
            "REINSTALL_FAILED",
        ],
        initial_delay_seconds: 10,
        interval_seconds: 5,
        timeout_seconds: 600,
    },
    ram: None,
    dry_run: None,
    errors: &[
        ErrorSpec {
            code: "INVALID_INSTANCE_NOT_FOUND",
            http_status: 404,
            retryable: false,
            message: Text::new("Instance not found.", "实例不存在。"),
            origin: Documented,
        },
        ErrorSpec {
            code: "OPERATION_DENIED_INSTANCE_RECYCLED",
            http_status: 403,
            retryable: false,
            message: Text::new(
                "Operation denied. The instance is in the recycle bin.",
                "操作被拒绝，实例在回收站中。",
            ),
            origin: Documented,
        },
        ErrorSpec {
            code: "OPERATION_DENIED_INSTANCE_STATUS",
            http_status: 403,
            retryable: false,
            message: Text::new(
                "Operation denied. The current instance status does not support this operation.",
                "操作被拒绝，实例当前状态不支持此操作。",
            ),
            origin: Documented,
        },
        ErrorSpec {
            code: "OPERATION_DENIED_INSTANCE_NOT_RUNNING",
            http_status: 403,
            retryable: false,
            message: Text::new(
                "Operation denied. The instance is not running.",
                "操作被拒绝，实例未处于运行状态。",
            ),
            origin: Documented,
        },
    ],
    lifecycle: REBOOT_LIFECYCLE,
};

const REBOOT_LIFECYCLE: LifecycleSpec = LifecycleSpec {
    waiter: WaiterSpec {
        evidence: &[Evidence::StatusLeftTarget, Evidence::SettleTime(60)],
        backoff_percent: 150,
        max_interval_seconds: 30,
        jitter_percent: 20,
        rule: Text::new("RebootInstances moves the status RUNNING → REBOOT → RUNNING, and the provider says the restart succeeded when instanceStatus changes from REBOOT to RUNNING. So RUNNING counts only after the status was seen to leave RUNNING, or 60 s have passed since the send (our choice; DescribeInstances has no start-time field to compare).", "RebootInstances 使状态从 RUNNING → REBOOT → RUNNING，服务商说明 instanceStatus 由 REBOOT 变为 RUNNING 即重启成功。因此只有在观察到状态离开 RUNNING、或距发送已过 60 秒（我们的选择；DescribeInstances 没有可比较的启动时间字段）之后，RUNNING 才算完成。"),
        source: "https://docs.console.zenlayer.com/api-reference/zec/instance/rebootinstances",
    },
    client_token: None,
    error_classes: &[
        ErrorClassSpec {
            code: "INVALID_INSTANCE_NOT_FOUND",
            class: RetryClass::Permanent,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "OPERATION_DENIED_INSTANCE_RECYCLED",
            class: RetryClass::Permanent,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "OPERATION_DENIED_INSTANCE_STATUS",
            class: RetryClass::StateConflict,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "OPERATION_DENIED_INSTANCE_NOT_RUNNING",
            class: RetryClass::StateConflict,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
    ],
};

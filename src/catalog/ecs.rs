//! Alibaba Cloud ECS, API 2014-05-26.

use crate::lang::Text;
use crate::spec::ErrorOrigin::{Documented, ProviderStyle};
use crate::spec::*;

pub const INSTANCE_STATUSES: &[&str] = &["Pending", "Running", "Starting", "Stopping", "Stopped"];

/// Per-region hosts that differ from the product's `{region}` template, copied from the
/// official SDKs' `_endpoint_map` (Python `alibabacloud_ecs20140526` 7.11.8; the Go and Java
/// SDKs carry the same table). A region listed here wins over the template.
pub static ENDPOINT_MAP: &[(&str, &str)] = &[
    ("cn-hangzhou", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shanghai-finance-1", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shenzhen-finance-1", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-north-2-gov-1", "ecs.aliyuncs.com"),
    ("ap-northeast-2-pop", "ecs.aliyuncs.com"),
    ("cn-beijing-finance-pop", "ecs.aliyuncs.com"),
    ("cn-beijing-gov-1", "ecs.aliyuncs.com"),
    ("cn-beijing-nu16-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-edge-1", "ecs.cn-qingdao-nebula.aliyuncs.com"),
    ("cn-fujian", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-haidian-cm12-c01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hangzhou-bj-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hangzhou-finance", "ecs.aliyuncs.com"),
    ("cn-hangzhou-internal-prod-1", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hangzhou-internal-test-1", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hangzhou-internal-test-2", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hangzhou-internal-test-3", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hangzhou-test-306", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-hongkong-finance-pop", "ecs.aliyuncs.com"),
    ("cn-huhehaote-nebula-1", "ecs.cn-qingdao-nebula.aliyuncs.com"),
    ("cn-shanghai-et15-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shanghai-et2-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shanghai-inner", "ecs.aliyuncs.com"),
    ("cn-shanghai-internal-test-1", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shenzhen-inner", "ecs.aliyuncs.com"),
    ("cn-shenzhen-st4-d01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-shenzhen-su18-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-wuhan", "ecs.aliyuncs.com"),
    ("cn-yushanfang", "ecs.aliyuncs.com"),
    ("cn-zhangbei", "ecs.aliyuncs.com"),
    ("cn-zhangbei-na61-b01", "ecs-cn-hangzhou.aliyuncs.com"),
    ("cn-zhangjiakou-na62-a01", "ecs.cn-zhangjiakou.aliyuncs.com"),
    ("cn-zhengzhou-nebula-1", "ecs.cn-qingdao-nebula.aliyuncs.com"),
    ("eu-west-1-oxs", "ecs.cn-shenzhen-cloudstone.aliyuncs.com"),
    ("rus-west-1-pop", "ecs.aliyuncs.com"),
];

pub static REBOOT_INSTANCE: OperationSpec = OperationSpec {
    id: "ecs:RebootInstance",
    provider: Provider::Alibaba,
    product: "Ecs",
    api_version: "2014-05-26",
    action: "RebootInstance",
    summary: Text::new("Restart a running ECS instance.", "重启一台运行中的 ECS 实例。"),
    wire: WireSpec::AlibabaRpc {
        endpoint: "ecs.{region}.aliyuncs.com",
        endpoint_map: ENDPOINT_MAP,
        regional_endpoints: &[],
        fallback_endpoint: None,
    },
    params: &[
        ParamSpec {
            name: "DryRun",
            kind: ParamKind::Bool { default: Some(false) },
            required: false,
        },
        ParamSpec {
            name: "ForceStop",
            kind: ParamKind::Bool { default: Some(false) },
            required: false,
        },
        ParamSpec {
            name: "InstanceId",
            kind: ParamKind::Str { format: Format::EcsInstanceId },
            required: true,
        },
    ],
    rules: &[],
    target: TargetSpec::Single { param: "InstanceId" },
    resource: ResourceSpec {
        noun: Text::new("instance", "实例"),
        describe_api: "DescribeInstances",
        list_paths: &[&["Instances", "Instance"]],
        id_field: "InstanceId",
        status_field: "Status",
        status_aliases: &[],
        statuses: INSTANCE_STATUSES,
        not_found: "InvalidInstanceId.NotFound",
    },
    // Locks first: an expired or security-locked instance reads "Stopped", and the lock is the
    // reason the user can act on.
    guards: &[
        Guard::Locks {
            container: "OperationLocks",
            list: "LockReason",
            reason_field: "LockReason",
            by_reason: &[
                ("security", "InstanceLockedForSecurity"),
                ("financial", "InstanceExpiredOrInArrears"),
                ("dedicatedhostfinancial", "InstanceExpiredOrInArrears"),
                ("recycling", "IncorrectInstanceStatus"),
                ("refunded", "IncorrectInstanceStatus"),
            ],
            unknown: "IncorrectInstanceStatus",
        },
        Guard::NotExpired {
            charge_field: "InstanceChargeType",
            prepaid: "PrePaid",
            expires_field: "ExpiredTime",
            code: "InstanceExpiredOrInArrears",
        },
        Guard::StatusIn {
            statuses: &["Running"],
            code: "IncorrectInstanceStatus",
        },
    ],
    transition: Transition::Through {
        immediate: "Starting",
        settled: "Running",
    },
    wait: WaitSpec {
        target: &["Running"],
        pending: &["Starting", "Stopping", "Pending"],
        failure: &["Stopped"],
        initial_delay_seconds: 5,
        interval_seconds: 5,
        timeout_seconds: 600,
    },
    ram: Some(RamSpec {
        action: "ecs:RebootInstance",
        resource: "acs:ecs:{region}:{account}:instance/{id}",
    }),
    dry_run: Some(DryRunSpec {
        param: "DryRun",
        code: "DryRunOperation",
    }),
    errors: &[
        ErrorSpec {
            code: "DryRunOperation",
            http_status: 400,
            retryable: false,
            message: Text::new(
                "Request validation has been passed with DryRun flag set.",
                "请求验证已通过（已设置 DryRun 标志）。",
            ),
            origin: Documented,
        },
        ErrorSpec {
            code: "IncorrectInstanceStatus",
            http_status: 403,
            retryable: false,
            message: Text::new(
                "The current status of the resource does not support this operation.",
                "该资源目前的状态不支持此操作。",
            ),
            origin: Documented,
        },
        ErrorSpec {
            code: "IncorrectInstanceStatus.Initializing",
            http_status: 403,
            retryable: true,
            message: Text::new("The specified instance is initializing.", "实例正在初始化，请稍后重试。"),
            origin: Documented,
        },
        ErrorSpec {
            code: "InstanceLockedForSecurity",
            http_status: 403,
            retryable: false,
            message: Text::new(
                "The specified operation is denied as your instance is locked for security reasons.",
                "实例因安全原因被锁定，不允许执行该操作。",
            ),
            origin: Documented,
        },
        ErrorSpec {
            code: "InstanceExpiredOrInArrears",
            http_status: 403,
            retryable: false,
            message: Text::new(
                "The specified operation is denied as your prepay instance is expired (prepay mode) or in arrears (afterpay mode).",
                "包年包月实例已过期或按量付费实例已欠费，不允许执行该操作。",
            ),
            origin: Documented,
        },
        ErrorSpec {
            code: "InvalidInstanceId.NotFound",
            http_status: 404,
            retryable: false,
            message: Text::new("The specified InstanceId does not exist.", "指定的实例不存在。"),
            origin: Documented,
        },
        ErrorSpec {
            code: "InvalidInstanceId.MalFormed",
            http_status: 400,
            retryable: false,
            message: Text::new("The specified parameter InstanceId is not valid.", "指定的 InstanceId 格式不合法。"),
            origin: Documented,
        },
        ErrorSpec {
            code: "OperationConflict",
            http_status: 403,
            retryable: true,
            message: Text::new(
                "Request was denied due to conflict with a previous request, please try again later.",
                "请求与之前的请求冲突，请稍后重试。",
            ),
            origin: Documented,
        },
        ErrorSpec {
            code: "InvalidParameter.InstanceId",
            http_status: 400,
            retryable: false,
            message: Text::new("The specified InstanceId is invalid.", "指定的 InstanceId 无效。"),
            origin: ProviderStyle,
        },
    ],
    lifecycle: REBOOT_LIFECYCLE,
};

const REBOOT_LIFECYCLE: LifecycleSpec = LifecycleSpec {
    waiter: WaiterSpec {
        evidence: &[Evidence::StatusLeftTarget, Evidence::FieldChanged("StartTime"), Evidence::SettleTime(60)],
        backoff_percent: 150,
        max_interval_seconds: 30,
        jitter_percent: 20,
        rule: Text::new("RebootInstance sets the status to Starting and the restart is complete once it is Running again, but right after the call the status can still read Running. So Running counts only after the status was seen to leave Running, or StartTime (\"the time when the instance was last started\", DescribeInstances) differs from the item read before the call, or 60 s have passed since the send (our choice: a reboot that was accepted has shown Starting long before).", "RebootInstance 会将状态置为 Starting，再次变为 Running 即重启完成；但调用刚结束时状态可能仍显示 Running。因此只有在观察到状态离开 Running、或 StartTime（DescribeInstances 中“实例最近一次启动的时间”）与调用前读取的值不同、或距发送已过 60 秒（我们的选择：已受理的重启早已显示过 Starting）之后，Running 才算完成。"),
        source: "https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-rebootinstance",
    },
    client_token: None,
    error_classes: &[
        // A passed dry run: the answer itself, nothing to retry.
        ErrorClassSpec {
            code: "DryRunOperation",
            class: RetryClass::Permanent,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "IncorrectInstanceStatus",
            class: RetryClass::StateConflict,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "IncorrectInstanceStatus.Initializing",
            class: RetryClass::StateConflict,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "InstanceLockedForSecurity",
            class: RetryClass::Permanent,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "InstanceExpiredOrInArrears",
            class: RetryClass::Permanent,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "InvalidInstanceId.NotFound",
            class: RetryClass::Permanent,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "InvalidInstanceId.MalFormed",
            class: RetryClass::Permanent,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        // Terraform retries it after a wait: another operation on the instance is in progress.
        ErrorClassSpec {
            code: "OperationConflict",
            class: RetryClass::StateConflict,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
        ErrorClassSpec {
            code: "InvalidParameter.InstanceId",
            class: RetryClass::Permanent,
            token: TokenAdvice::Any,
            may_have_applied: false,
        },
    ],
};

"""The whole public API used as a typed program would use it: every public function called, every
attribute of every result class read into a variable of its declared type.

``bash python/run.sh test`` checks this file with ``mypy --strict --disallow-any-expr`` (no
expression may be ``Any``, so every type comes from the stubs generated from the Rust structs),
and pytest runs it. ``test_typed_coverage.py`` fails when a result class has an attribute that no
``read_<Class>`` function here reads, or a class has no reader.
"""

from __future__ import annotations

from typing import Final, Mapping

import opgate
from opgate import JsonView

ECS: Final = "ecs:RebootInstance"
RESTART: Final = "computenestsupplier:RestartServiceInstance"
RENEW: Final = "computenest:RenewServiceInstanceResources"
ZEC: Final = "zec:RebootInstances"
INSTANCE: Final = "i-bp67acfmxazb4ph1abcd"
SERVICE_INSTANCE: Final = "si-0a1b2c3d4e5f60718293"
ACCOUNT: Final = "1488317743351199"
NOW: Final = 1_795_000_000

ECS_ITEM: Final[Mapping[str, object]] = {
    "InstanceId": INSTANCE,
    "Status": "Running",
    "InstanceChargeType": "PostPaid",
    "ExpiredTime": "2099-12-31T15:59Z",
    "OperationLocks": {"LockReason": []},
}
POLICY: Final = {
    "Version": "1",
    "Statement": [
        {"Sid": "reboot", "Effect": "Allow", "Action": ["ecs:RebootInstance"], "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "203.0.113.0/24"}}},
        {"Effect": "Deny", "NotAction": "ecs:Describe*", "Resource": "acs:ecs:*:*:instance/i-locked*"},
    ],
}


def read_ErrorInfo(value: opgate.ErrorInfo) -> None:
    code: str = value.code
    http_status: int = value.http_status
    message: str = value.message
    field: str | None = value.field
    retryable: bool = value.retryable
    assert code and 100 <= http_status <= 599 and message and field != "" and retryable in (True, False)


def read_Transition(value: opgate.Transition) -> None:
    from_: str = value.from_
    immediate: str | None = value.immediate
    settled: str = value.settled
    assert from_ and settled and immediate != ""


def read_Outcome(value: opgate.Outcome) -> None:
    id_: str = value.id
    decision: opgate.Decision = value.decision
    status: str | None = value.status
    error: opgate.ErrorInfo | None = value.error
    reason: str = value.reason
    transition: opgate.Transition | None = value.transition
    assert id_ and reason and status != ""
    assert (decision == "deny") == (error is not None)
    if error is not None:
        read_ErrorInfo(error)
    if transition is not None:
        read_Transition(transition)


def read_Verdict(value: opgate.Verdict) -> None:
    operation: opgate.OperationId = value.operation
    allowed: bool = value.allowed
    dry_run: bool = value.dry_run
    outcomes: tuple[opgate.Outcome, ...] = value.outcomes
    allowed_ids: tuple[str, ...] = value.allowed_ids
    denied_ids: tuple[str, ...] = value.denied_ids
    error: opgate.ErrorInfo | None = value.error
    assert operation in (ECS, RESTART, RENEW, ZEC) and dry_run in (True, False)
    assert allowed == (not denied_ids and bool(outcomes))
    assert len(allowed_ids) + len(denied_ids) == len(outcomes)
    for outcome in outcomes:
        read_Outcome(outcome)
    if error is not None:
        read_ErrorInfo(error)


def read_Validated(value: opgate.Validated) -> None:
    operation: opgate.OperationId = value.operation
    params: Mapping[str, JsonView] = value.params
    defaults: Mapping[str, JsonView] = value.defaults
    assert operation and params is not defaults


def read_WaitState(value: opgate.WaitState) -> None:
    operation: opgate.OperationId = value.operation
    status: str = value.status
    state: opgate.WaitProgress = value.state
    target: tuple[str, ...] = value.target
    reason: str = value.reason
    assert operation and status and state in ("done", "pending", "failed") and reason and isinstance(target, tuple)


def read_HttpRequest(value: opgate.HttpRequest) -> None:
    method: str = value.method
    scheme: str = value.scheme
    host: str = value.host
    path: str = value.path
    query: tuple[tuple[str, str], ...] = value.query
    headers: tuple[tuple[str, str], ...] = value.headers
    body: str = value.body
    body_base64: str | None = value.body_base64
    url: str = value.url
    content: bytes = value.content
    first: str | None = value.header("host")
    assert method in ("GET", "POST") and url.startswith(f"{scheme}://{host}{path}")
    assert body_base64 is None and content == body.encode() and first == host
    assert all(len(pair) == 2 for pair in query + headers)


def read_Endpoint(value: opgate.Endpoint) -> None:
    scheme: str = value.scheme
    host: str = value.host
    path: str = value.path
    assert scheme == "https" and host and path.startswith("/")


def read_RenewalResult(value: opgate.RenewalResult) -> None:
    total_count: int = value.total_count
    succeeded: int = value.succeeded
    failed: int = value.failed
    assert total_count == succeeded + failed


def read_TargetFailure(value: opgate.TargetFailure) -> None:
    id_: str = value.id
    code: str | None = value.code
    message: str | None = value.message
    assert id_ and code != "" and message != ""


def read_DryRunPassed(value: opgate.DryRunPassed) -> None:
    code: str = value.code
    message: str | None = value.message
    assert code == "DryRunOperation" and message != ""


def read_ApiResponse(value: opgate.ApiResponse) -> None:
    outcome: opgate.ResponseOutcome = value.outcome
    request_id: str | None = value.request_id
    renewal: opgate.RenewalResult | None = value.renewal
    failures: tuple[opgate.TargetFailure, ...] = value.failures
    dry_run: opgate.DryRunPassed | None = value.dry_run
    data: Mapping[str, JsonView] = value.data
    assert outcome in ("succeeded", "some_failed", "dry_run_passed") and request_id != "" and isinstance(data, Mapping)
    if renewal is not None:
        read_RenewalResult(renewal)
    for failure in failures:
        read_TargetFailure(failure)
    if dry_run is not None:
        read_DryRunPassed(dry_run)


def read_SignedRequest(value: opgate.SignedRequest) -> None:
    algorithm: opgate.SignatureAlgorithm = value.algorithm
    request: opgate.HttpRequest = value.request
    canonical_request: str | None = value.canonical_request
    string_to_sign: str | None = value.string_to_sign
    signature: str | None = value.signature
    assert algorithm == "ACS3-HMAC-SHA256" and canonical_request and string_to_sign and signature
    assert request.header("authorization") is not None


def read_Condition(value: opgate.Condition) -> None:
    operator: opgate.Operator = value.operator
    key: str = value.key
    values: tuple[str, ...] = value.values
    assert operator == "IpAddress" and key == "acs:SourceIp" and values


def read_Statement(value: opgate.Statement) -> None:
    sid: str | None = value.sid
    effect: opgate.Effect = value.effect
    actions: Mapping[str, tuple[str, ...]] = value.actions
    resources: tuple[str, ...] = value.resources
    conditions: tuple[opgate.Condition, ...] = value.conditions
    assert effect in ("Allow", "Deny") and sid != "" and resources and len(actions) == 1
    for condition in conditions:
        read_Condition(condition)


def read_Policy(value: opgate.Policy) -> None:
    version: str = value.version
    statements: tuple[opgate.Statement, ...] = value.statements
    assert version == "1" and len(statements) == 2
    for statement in statements:
        read_Statement(statement)


def read_RequiredAccess(value: opgate.RequiredAccess) -> None:
    action: str = value.action
    resource: str = value.resource
    assert action == ECS and resource.startswith("acs:ecs:cn-hangzhou:")


def read_AccessCheck(value: opgate.AccessCheck) -> None:
    action: str = value.action
    resource: str = value.resource
    decision: opgate.AccessDecision = value.decision
    policy_index: int | None = value.policy_index
    statement_index: int | None = value.statement_index
    reason: str = value.reason
    assert action and resource and reason
    assert (decision == "implicit_deny") == (policy_index is None) == (statement_index is None)


def read_Authorization(value: opgate.Authorization) -> None:
    allowed: bool = value.allowed
    checks: tuple[opgate.AccessCheck, ...] = value.checks
    reason: str = value.reason
    no_permission_type: opgate.NoPermissionType | None = value.no_permission_type
    error: opgate.ErrorInfo | None = value.error
    assert reason and allowed == (no_permission_type is None) == (error is None)
    for check in checks:
        read_AccessCheck(check)
    if error is not None:
        read_ErrorInfo(error)


def read_ApiErrorExtras(value: opgate.ApiErrorExtras) -> None:
    provider_message: str | None = value.provider_message
    request_id: str | None = value.request_id
    host_id: str | None = value.host_id
    recommend: str | None = value.recommend
    access_denied_detail: JsonView | None = value.access_denied_detail
    assert provider_message and request_id and host_id != "" and recommend != ""
    assert access_denied_detail is None or isinstance(access_denied_detail, Mapping)


def read_ErrorReport(value: opgate.ErrorReport) -> None:
    kind: opgate.ErrorKind = value.kind
    errors: tuple[opgate.ErrorInfo, ...] = value.errors
    api: opgate.ApiErrorExtras | None = value.api
    assert kind and errors
    for error in errors:
        read_ErrorInfo(error)
    if api is not None:
        read_ApiErrorExtras(api)


# --- the operation description ----------------------------------------------------------------


def read_AlibabaRpcWire(value: opgate.AlibabaRpcWire) -> None:
    style: str = value.style
    endpoint: str = value.endpoint
    regions: tuple[str, ...] = value.regions
    assert style == "alibaba_rpc" and "{region}" in endpoint and isinstance(regions, tuple)


def read_ZenlayerJsonWire(value: opgate.ZenlayerJsonWire) -> None:
    style: str = value.style
    host: str = value.host
    path: str = value.path
    assert style == "zenlayer_json" and host and path.startswith("/")


def read_BooleanKind(value: opgate.BooleanKind) -> None:
    type_: str = value.type
    default: bool | None = value.default
    assert type_ == "boolean" and default in (True, False, None)


def read_IntegerKind(value: opgate.IntegerKind) -> None:
    type_: str = value.type
    min_: int = value.min
    max_: int = value.max
    assert type_ == "integer" and min_ <= max_


def read_EnumKind(value: opgate.EnumKind) -> None:
    type_: str = value.type
    values: tuple[str, ...] = value.values
    default: str | None = value.default
    assert type_ == "enum" and (default is None or default in values)


def read_StringKind(value: opgate.StringKind) -> None:
    type_: str = value.type
    format_: opgate.Format = value.format
    assert type_ == "string" and format_


def read_ListKind(value: opgate.ListKind) -> None:
    type_: str = value.type
    items = value.items
    min_: int = value.min
    max_: int = value.max
    unique: str | None = value.unique
    assert type_ == "list" and 0 <= min_ <= max_ and unique != ""
    read_kind(items)


def read_ObjectKind(value: opgate.ObjectKind) -> None:
    type_: str = value.type
    fields: tuple[opgate.ParamDescription, ...] = value.fields
    assert type_ == "object" and fields
    for field in fields:
        read_ParamDescription(field)


def read_kind(kind: opgate.BooleanKind | opgate.IntegerKind | opgate.EnumKind | opgate.StringKind | opgate.ListKind | opgate.ObjectKind) -> None:
    if isinstance(kind, opgate.BooleanKind):
        read_BooleanKind(kind)
    elif isinstance(kind, opgate.IntegerKind):
        read_IntegerKind(kind)
    elif isinstance(kind, opgate.EnumKind):
        read_EnumKind(kind)
    elif isinstance(kind, opgate.StringKind):
        read_StringKind(kind)
    elif isinstance(kind, opgate.ListKind):
        read_ListKind(kind)
    else:
        read_ObjectKind(kind)


def read_ParamDescription(value: opgate.ParamDescription) -> None:
    name: str = value.name
    required: bool = value.required
    assert name and required in (True, False)
    read_kind(value.kind)


def read_RuleDescription(value: opgate.RuleDescription) -> None:
    one_method_of: tuple[tuple[str, ...], ...] = value.one_method_of
    assert len(one_method_of) >= 2


def read_TargetDescription(value: opgate.TargetDescription) -> None:
    param: str = value.param
    batch_max: int | None = value.batch_max
    assert param and (batch_max is None or batch_max > 0)


def read_ResourceDescription(value: opgate.ResourceDescription) -> None:
    describe_api: str = value.describe_api
    id_field: str = value.id_field
    status_field: str = value.status_field
    statuses: tuple[str, ...] = value.statuses
    assert describe_api and id_field and status_field and statuses


def read_TransitionDescription(value: opgate.TransitionDescription) -> None:
    immediate: str | None = value.immediate
    settled: str = value.settled
    assert settled and immediate != ""


def read_WaitDescription(value: opgate.WaitDescription) -> None:
    target: tuple[str, ...] = value.target
    pending: tuple[str, ...] = value.pending
    failure: tuple[str, ...] = value.failure
    initial_delay_seconds: int = value.initial_delay_seconds
    interval_seconds: int = value.interval_seconds
    timeout_seconds: int = value.timeout_seconds
    assert not set(target) & set(pending) & set(failure)
    assert initial_delay_seconds >= 0 and timeout_seconds >= interval_seconds >= 0


def read_RamDescription(value: opgate.RamDescription) -> None:
    action: str = value.action
    resource: str = value.resource
    assert action and "{id}" in resource


def read_DryRunDescription(value: opgate.DryRunDescription) -> None:
    param: str = value.param
    code: str = value.code
    assert param == "DryRun" and code == "DryRunOperation"


def read_ErrorDescription(value: opgate.ErrorDescription) -> None:
    code: str = value.code
    http_status: int = value.http_status
    retryable: bool = value.retryable
    message: str = value.message
    origin: opgate.ErrorOrigin = value.origin
    assert code and http_status >= 400 and retryable in (True, False) and message and origin


def read_Operation(value: opgate.Operation) -> None:
    id_: opgate.OperationId = value.id
    provider: opgate.Provider = value.provider
    product: str = value.product
    api_version: str = value.api_version
    action: str = value.action
    summary: str = value.summary
    wire: opgate.AlibabaRpcWire | opgate.ZenlayerJsonWire = value.wire
    params: tuple[opgate.ParamDescription, ...] = value.params
    rules: tuple[opgate.RuleDescription, ...] = value.rules
    target: opgate.TargetDescription = value.target
    resource: opgate.ResourceDescription = value.resource
    allowed_statuses: tuple[str, ...] = value.allowed_statuses
    transition: opgate.TransitionDescription | None = value.transition
    wait: opgate.WaitDescription = value.wait
    ram: opgate.RamDescription | None = value.ram
    dry_run: opgate.DryRunDescription | None = value.dry_run
    errors: tuple[opgate.ErrorDescription, ...] = value.errors
    assert id_.endswith(action) and provider and product and api_version and summary and allowed_statuses
    if isinstance(wire, opgate.AlibabaRpcWire):
        read_AlibabaRpcWire(wire)
    else:
        read_ZenlayerJsonWire(wire)
    for param in params:
        read_ParamDescription(param)
    for rule in rules:
        read_RuleDescription(rule)
    read_TargetDescription(target)
    read_ResourceDescription(resource)
    if transition is not None:
        read_TransitionDescription(transition)
    read_WaitDescription(wait)
    if ram is not None:
        read_RamDescription(ram)
    if dry_run is not None:
        read_DryRunDescription(dry_run)
    for error in errors:
        read_ErrorDescription(error)


# --- lifecycle ------------------------------------------------------------------------------------


def read_ClientToken(value: opgate.ClientToken) -> None:
    operation: opgate.OperationId = value.operation
    param: str = value.param
    token: str = value.token
    scope: str = value.scope
    assert operation and param == "ClientToken" and token.startswith("og1-") and isinstance(scope, str)


def read_Classification(value: opgate.Classification) -> None:
    operation: opgate.OperationId = value.operation
    code: str = value.code
    http_status: int | None = value.http_status
    class_: opgate.RetryClass = value.class_
    source: opgate.ClassSource = value.source
    token: opgate.TokenAdvice = value.token
    may_have_applied: bool = value.may_have_applied
    recommended_delay_ms: int | None = value.recommended_delay_ms
    reason: str = value.reason
    assert operation and code and http_status != 0 and class_ and source and token and reason
    assert may_have_applied in (True, False) and (recommended_delay_ms is None or recommended_delay_ms >= 0)


def read_RetryAdvice(value: opgate.RetryAdvice) -> None:
    operation: opgate.OperationId = value.operation
    code: str | None = value.code
    http_status: int | None = value.http_status
    class_: opgate.RetryClass = value.class_
    source: opgate.ClassSource = value.source
    may_have_applied: bool = value.may_have_applied
    token_sent: bool = value.token_sent
    token: opgate.TokenAdvice = value.token
    safe_to_retry: bool = value.safe_to_retry
    action: opgate.NextStep = value.action
    retry_after_ms: int | None = value.retry_after_ms
    retry_after_source: str | None = value.retry_after_source
    reason: str = value.reason
    assert operation and code != "" and http_status != 0 and class_ and source and token and action and reason
    assert may_have_applied in (True, False) and token_sent in (True, False) and safe_to_retry in (True, False)
    assert (retry_after_ms is None) == (retry_after_source is None)


def read_AccessExplanation(value: opgate.AccessExplanation) -> None:
    source: opgate.ExplanationSource = value.source
    action: str | None = value.action
    resource: str | None = value.resource
    decision: opgate.AccessDecision | None = value.decision
    no_permission_type: str | None = value.no_permission_type
    policy_type: str | None = value.policy_type
    policy_index: int | None = value.policy_index
    statement_index: int | None = value.statement_index
    principal_type: str | None = value.principal_type
    principal_owner_id: str | None = value.principal_owner_id
    principal_display_name: str | None = value.principal_display_name
    encoded_diagnostic_message: str | None = value.encoded_diagnostic_message
    reason: str = value.reason
    assert source in ("provider", "policy_check") and action != "" and resource != "" and reason
    assert (decision == "explicit_deny") == (no_permission_type == "ExplicitDeny")
    assert policy_type != "" and policy_index != -1 and statement_index != -1
    assert principal_type != "" and principal_owner_id != "" and principal_display_name != "" and encoded_diagnostic_message != ""


def read_PlannedRequest(value: opgate.PlannedRequest) -> None:
    index: int = value.index
    ids: tuple[str, ...] = value.ids
    params: Mapping[str, JsonView] = value.params
    token: str | None = value.token
    request: opgate.HttpRequest = value.request
    assert index >= 0 and ids and (token is None or params["ClientToken"] == token)
    read_HttpRequest(request)


def read_PlannedDenial(value: opgate.PlannedDenial) -> None:
    id_: str = value.id
    status: str | None = value.status
    error: opgate.ErrorInfo = value.error
    reason: str = value.reason
    assert id_ and status != "" and reason
    read_ErrorInfo(error)


def read_PlannedUnknown(value: opgate.PlannedUnknown) -> None:
    id_: str = value.id
    reason: str = value.reason
    assert id_ and reason


def read_Plan(value: opgate.Plan) -> None:
    operation: opgate.OperationId = value.operation
    batch_max: int = value.batch_max
    requests: tuple[opgate.PlannedRequest, ...] = value.requests
    allowed_ids: tuple[str, ...] = value.allowed_ids
    denied: tuple[opgate.PlannedDenial, ...] = value.denied
    unknown: tuple[opgate.PlannedUnknown, ...] = value.unknown
    duplicates: tuple[str, ...] = value.duplicates
    reason: str = value.reason
    assert operation and batch_max >= 1 and reason and isinstance(duplicates, tuple)
    assert sum(len(request.ids) for request in requests) == len(allowed_ids)
    for request in requests:
        read_PlannedRequest(request)
    for denial in denied:
        read_PlannedDenial(denial)
    for missing in unknown:
        read_PlannedUnknown(missing)


def read_ResourceOutcome(value: opgate.ResourceOutcome) -> None:
    id_: str = value.id
    failed: bool = value.failed
    code: str | None = value.code
    message: str | None = value.message
    assert id_ and failed == (code is not None) and message != ""


def read_IdOutcome(value: opgate.IdOutcome) -> None:
    id_: str = value.id
    state: opgate.IdState = value.state
    request_index: int | None = value.request_index
    code: str | None = value.code
    message: str | None = value.message
    request_id: str | None = value.request_id
    resources: tuple[opgate.ResourceOutcome, ...] = value.resources
    reason: str = value.reason
    assert id_ and state and request_index != -1 and code != "" and message != "" and request_id != "" and reason
    for resource in resources:
        read_ResourceOutcome(resource)


def read_RequestRetry(value: opgate.RequestRetry) -> None:
    index: int = value.index
    advice: opgate.RetryAdvice = value.advice
    assert index >= 0
    read_RetryAdvice(advice)


def read_PlanOutcome(value: opgate.PlanOutcome) -> None:
    operation: opgate.OperationId = value.operation
    outcomes: tuple[opgate.IdOutcome, ...] = value.outcomes
    accepted_ids: tuple[str, ...] = value.accepted_ids
    failed_ids: tuple[str, ...] = value.failed_ids
    retries: tuple[opgate.RequestRetry, ...] = value.retries
    reason: str = value.reason
    assert operation and reason and not set(accepted_ids) & set(failed_ids)
    for outcome in outcomes:
        read_IdOutcome(outcome)
    for retry in retries:
        read_RequestRetry(retry)


def read_WaiterBaseline(value: opgate.WaiterBaseline) -> None:
    status: str = value.status
    fields: Mapping[str, JsonView] = value.fields
    assert status and isinstance(fields, Mapping)


def read_WaiterTarget(value: opgate.WaiterTarget) -> None:
    id_: str = value.id
    before: opgate.WaiterBaseline | None = value.before
    seen: bool = value.seen
    status: str | None = value.status
    state: opgate.TargetState = value.state
    proof: opgate.Proof | None = value.proof
    code: str | None = value.code
    assert id_ and seen in (True, False) and status != "" and state and code != ""
    assert (proof is not None) == (state == "done")
    if before is not None:
        read_WaiterBaseline(before)


def read_WaiterState(value: opgate.WaiterState) -> None:
    version: int = value.version
    operation: opgate.OperationId = value.operation
    sent: int = value.sent
    seed: int = value.seed
    polls: int = value.polls
    next_: int = value.next
    targets: tuple[opgate.WaiterTarget, ...] = value.targets
    assert version == 1 and operation and next_ >= sent and seed >= 0 and polls >= 0 and targets
    for target in targets:
        read_WaiterTarget(target)


def read_WaitCounts(value: opgate.WaitCounts) -> None:
    done: int = value.done
    pending: int = value.pending
    failed: int = value.failed
    unknown: int = value.unknown
    assert min(done, pending, failed, unknown) >= 0


def read_TargetReport(value: opgate.TargetReport) -> None:
    id_: str = value.id
    state: opgate.TargetState = value.state
    status: str | None = value.status
    transition_seen: bool = value.transition_seen
    proof: opgate.Proof | None = value.proof
    error: opgate.ErrorInfo | None = value.error
    reason: str = value.reason
    assert id_ and state and status != "" and transition_seen in (True, False) and reason
    assert (proof is not None) == (state == "done")
    if error is not None:
        read_ErrorInfo(error)


def read_WaitReport(value: opgate.WaitReport) -> None:
    operation: opgate.OperationId = value.operation
    done: bool = value.done
    succeeded: bool = value.succeeded
    elapsed_seconds: int = value.elapsed_seconds
    polls: int = value.polls
    timeout_seconds: int = value.timeout_seconds
    next_poll_after_seconds: int | None = value.next_poll_after_seconds
    next_poll_at: int | None = value.next_poll_at
    next_poll_window: tuple[int, int] | None = value.next_poll_window
    counts: opgate.WaitCounts = value.counts
    targets: tuple[opgate.TargetReport, ...] = value.targets
    rule: str = value.rule
    source: str = value.source
    reason: str = value.reason
    assert operation and elapsed_seconds >= 0 and polls >= 1 and timeout_seconds > 0 and rule and source.startswith("https://") and reason
    assert done == (next_poll_after_seconds is None) == (next_poll_at is None) == (next_poll_window is None)
    assert not succeeded or done
    assert counts.done + counts.pending + counts.failed + counts.unknown == len(targets)
    read_WaitCounts(counts)
    for target in targets:
        read_TargetReport(target)


def read_Observed(value: opgate.Observed) -> None:
    waiter: opgate.WaiterState = value.waiter
    report: opgate.WaitReport = value.report
    assert waiter.polls == report.polls
    read_WaiterState(waiter)
    read_WaitReport(report)


# --- every public function ----------------------------------------------------------------------


def test_catalog_and_waiting() -> None:
    operations: tuple[opgate.Operation, ...] = opgate.operations(lang="zh")
    assert [op.id for op in operations] == [ECS, RESTART, RENEW, ZEC]
    for op in operations:
        read_Operation(op)
    read_Operation(opgate.operation(RENEW))
    read_WaitState(opgate.wait_status(ECS, "Starting", lang="en"))


def test_validate_precheck_check() -> None:
    bounds: opgate.IntBounds = [{"path": "Period", "min": 1, "max": 36}, {"path": "ResourcePeriod.Period", "max": None}]
    read_Validated(opgate.validate(RENEW, {"ServiceInstanceId": SERVICE_INSTANCE, "Period": 1, "PeriodUnit": "Month"}, int_bounds=bounds, now=NOW))
    read_Verdict(opgate.precheck(ECS, {"InstanceId": INSTANCE, "DryRun": True}, [ECS_ITEM], now=opgate.CURRENT_TIME))
    read_Verdict(opgate.precheck_resources(ECS, [ECS_ITEM, {**ECS_ITEM, "InstanceId": "i-2", "Status": "Stopped"}], now=None))
    read_Verdict(opgate.check(ZEC, {"instanceIds": ["1"]}, {"dataSet": [{"instanceId": "1", "instanceStatus": "RUNNING"}]}, lang="zh"))
    try:
        opgate.check(ECS, {"InstanceId": INSTANCE}, [{**ECS_ITEM, "Status": "Stopped"}])
    except opgate.DeniedError as denied:
        report: opgate.ErrorReportDict = denied.report
        kind: opgate.ErrorKind = denied.kind
        assert kind == report["kind"] == "denied" and denied.code == "IncorrectInstanceStatus"
        assert (denied.http_status, denied.field, denied.retryable, denied.message) == (403, "InstanceId", False, denied.errors[0].message)
    else:
        raise AssertionError("check() did not raise")


def test_build_sign_endpoint() -> None:
    request = opgate.build(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou", endpoint=None, lang="en", now=NOW, int_bounds=None)
    read_HttpRequest(request)
    read_Endpoint(opgate.endpoint(ZEC, region=None, endpoint=None, lang="zh"))
    keys = opgate.Credentials("LTAI-typed", "typed-secret")
    read_SignedRequest(opgate.sign(request, keys, algorithm="ACS3-HMAC-SHA256", timestamp=NOW, nonce="n", lang="en"))
    as_dict: opgate.HttpRequestDict = request.to_dict()
    access_key: opgate.AccessKeyCredentials = {"access_key_id": "LTAI-typed", "access_key_secret": "typed-secret"}
    read_SignedRequest(opgate.sign(as_dict, access_key, timestamp=NOW, nonce="n"))
    bearer: opgate.BearerCredentials = {"bearer_token": "typed-token"}
    zec = opgate.sign(opgate.build(ZEC, {"instanceIds": ["1"]}), bearer)
    assert zec.algorithm == "ZC2-HMAC-SHA256" and zec.signature is None
    assert opgate.Credentials.bearer("t").access_key_id is None


def test_parse_response() -> None:
    read_ApiResponse(opgate.parse_response(ECS, 200, b'{"RequestId": "R-1"}', [("Content-Type", "application/json")]))
    renewed = '{"RequestId": "R-2", "RenewalResult": {"TotalCount": 2, "Succeeded": 1, "Failed": 1}, "FailureDetails": [{"ResourceArn": "acs:ecs:cn-hangzhou:1:instance/i-1", "ErrorCode": "X", "ErrorMessage": "m"}]}'
    read_ApiResponse(opgate.parse_response(RENEW, 200, renewed, {"content-type": "application/json"}, lang="zh"))
    dry_run = '{"RequestId": "R-3", "Code": "DryRunOperation", "Message": "Request validation has been passed with DryRun flag set."}'
    read_ApiResponse(opgate.parse_response(ECS, 400, dry_run))
    try:
        opgate.parse_response(ECS, 403, '{"RequestId": "R-4", "HostId": "ecs.aliyuncs.com", "Code": "Forbidden.RAM", "Message": "denied", "AccessDeniedDetail": {"NoPermissionType": "ImplicitDeny"}}')
    except opgate.ApiError as error:
        api = error.api
        assert api is not None
        read_ApiErrorExtras(api)
        read_ErrorReport(opgate.ErrorReport(error.report))
        provider_message: str | None = error.provider_message
        request_id: str | None = error.request_id
        host_id: str | None = error.host_id
        recommend: str | None = error.recommend
        detail: JsonView | None = error.access_denied_detail
        assert (provider_message, request_id, host_id, recommend) == ("denied", "R-4", "ecs.aliyuncs.com", None) and detail is not None
    else:
        raise AssertionError("parse_response() did not raise")


def test_ram() -> None:
    read_Policy(opgate.ram_parse_policy(POLICY, lang="en"))
    needed = opgate.ram_required_access(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou", account_id=ACCOUNT, lang="zh")
    for access in needed:
        read_RequiredAccess(access)
    context: Mapping[str, object] = {"acs:SourceIp": "203.0.113.7"}
    read_Authorization(opgate.ram_authorize(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou", account_id=ACCOUNT, policies=[POLICY], context=context))
    read_Authorization(opgate.ram_authorize(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou", account_id=ACCOUNT, policies=[]))
    read_AccessCheck(opgate.ram_evaluate([POLICY], ECS, needed[0].resource, context=context, lang="en"))


def test_results_are_values() -> None:
    verdict = opgate.precheck_resources(ECS, [ECS_ITEM], now=None)
    again = opgate.Verdict(verdict.to_dict())
    assert again == verdict and hash(again) == hash(verdict) and not (again != verdict)
    as_dict: opgate.VerdictDict = verdict.to_dict()
    assert as_dict["outcomes"][0]["id"] == INSTANCE
    assert verdict.__copy__() is verdict and verdict.__deepcopy__({}) is verdict


def test_lifecycle() -> None:
    read_ClientToken(opgate.client_token(RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SERVICE_INSTANCE}, scope="typed", lang="en", int_bounds=None))
    read_Classification(opgate.classify(ZEC, "REQUEST_LIMIT_EXCEEDED", status=429, lang="zh"))
    read_RetryAdvice(opgate.retry_advice(ECS, 503, "ServiceUnavailable", {"x-acs-retry-after": "1500"}, params={"InstanceId": INSTANCE}, now=NOW, attempt=2, lang="en"))
    read_RetryAdvice(opgate.retry_advice(RESTART))
    read_AccessExplanation(opgate.access_denied({"NoPermissionType": "ExplicitDeny", "AuthAction": ECS, "PolicyType": "ControlPolicy"}, lang="en"))
    read_AccessExplanation(opgate.access_denied('{"NoPermissionType": "ImplicitDeny"}'))
    zec_items = [{"instanceId": "1", "instanceStatus": "RUNNING"}, {"instanceId": "2", "instanceStatus": "STOPPED"}]
    plan = opgate.plan(ZEC, ["1", "2", "3", "1"], zec_items, scope="", region=None, endpoint=None, lang="en", now=opgate.CURRENT_TIME, int_bounds=None)
    read_Plan(plan)
    read_Plan(opgate.plan(RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": [SERVICE_INSTANCE]}, None, scope="typed", region="cn-hangzhou", now=None))
    failed: opgate.Response = {"status": 503, "body": '{"requestId": "T", "code": "SERVICE_UNAVAILABLE", "message": "m"}', "headers": {}}
    read_PlanOutcome(opgate.merge_plan(plan, [failed], lang="zh"))
    as_dict: opgate.PlanDict = plan.to_dict()
    read_PlanOutcome(opgate.merge_plan(as_dict, [None]))
    waiter = opgate.Waiter(ECS, [INSTANCE], NOW, before=[ECS_ITEM], seed=7, lang="en")
    operation: opgate.OperationId = waiter.operation
    next_poll_at: int = waiter.next_poll_at
    polls: int = waiter.polls
    assert operation == ECS and next_poll_at > NOW and polls == 0
    read_WaiterState(waiter.state)
    read_WaitReport(waiter.observe([{**ECS_ITEM, "Status": "Starting"}], NOW + 10, lang="zh"))
    state: opgate.WaiterStateDict = waiter.to_dict()
    resumed = opgate.Waiter.resume(state, lang="en")
    read_WaitReport(resumed.observe([ECS_ITEM]))
    read_WaiterState(opgate.Waiter.resume(resumed.state).state)
    read_Observed(opgate._opgate.waiter_observe(resumed.state, [ECS_ITEM], NOW + 20))

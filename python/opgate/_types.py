"""Types of opgate's results and inputs. Generated from the Rust types (src/record/schema.rs renders every #[derive(Record)]); do not edit.
Regenerate with `make generate`; `cargo test -p opgate --lib record::` fails while this file is stale.

The Literal aliases name every closed set (operation ids, providers, decisions, ...); the
TypedDicts are the shapes of ``to_dict()`` (``<Class>Dict``) and of the inputs a caller writes.
All types are written as strings so that the module imports on Python 3.10.
"""

from __future__ import annotations

from typing import Dict, List, Literal, Mapping, Tuple, TypedDict, Union

JsonValue = Union[None, bool, int, float, str, List["JsonValue"], Dict[str, "JsonValue"]]
"""Plain JSON data, as ``to_dict()`` returns it."""

JsonView = Union[None, bool, int, float, str, Tuple["JsonView", ...], Mapping[str, "JsonView"]]
"""JSON data as result attributes hold it: read-only (tuples and ``mappingproxy``)."""

OperationId = Literal["ecs:RebootInstance", "computenestsupplier:RestartServiceInstance", "computenest:RenewServiceInstanceResources", "zec:RebootInstances"]
"""The operations in the catalog; any other id is refused with an InputError (`UnsupportedOperation`)."""

Lang = Literal["en", "zh"]
"""Language of human-readable messages; codes never change with it."""

ErrorKind = Literal["input", "validation", "denied", "api", "parse", "policy", "signing"]
"""Which kind of failure an error is; each has its exception class (`InputError`, ...)."""

OperationDict = TypedDict(
    "OperationDict",
    {
        "id": "OperationId",
        "provider": "Provider",
        "product": "str",
        "api_version": "str",
        "action": "str",
        "summary": "str",
        "wire": "AlibabaRpcWireDict | ZenlayerJsonWireDict",
        "params": "list[ParamDescriptionDict]",
        "rules": "list[RuleDescriptionDict]",
        "target": "TargetDescriptionDict",
        "resource": "ResourceDescriptionDict",
        "allowed_statuses": "list[str]",
        "transition": "TransitionDescriptionDict | None",
        "wait": "WaitDescriptionDict",
        "ram": "RamDescriptionDict | None",
        "dry_run": "DryRunDescriptionDict | None",
        "errors": "list[ErrorDescriptionDict]",
    },
)
"""``Operation.to_dict()``."""

Provider = Literal["alibaba", "zenlayer"]
"""Who runs the API; decides error style (`InvalidParameter.X` vs `INVALID_PARAMETER`) and wire format."""

AlibabaRpcWireDict = TypedDict(
    "AlibabaRpcWireDict",
    {
        "style": "Literal[\"alibaba_rpc\"]",
        "endpoint": "str",
        "regions": "list[str]",
    },
)
"""``AlibabaRpcWire.to_dict()``."""

ZenlayerJsonWireDict = TypedDict(
    "ZenlayerJsonWireDict",
    {
        "style": "Literal[\"zenlayer_json\"]",
        "host": "str",
        "path": "str",
    },
)
"""``ZenlayerJsonWire.to_dict()``."""

_ParamDescriptionDictRequired = TypedDict(
    "_ParamDescriptionDictRequired",
    {
        "name": "str",
        "required": "bool",
        "type": "Literal[\"boolean\"] | Literal[\"integer\"] | Literal[\"enum\"] | Literal[\"string\"] | Literal[\"list\"] | Literal[\"object\"]",
    },
)

class ParamDescriptionDict(_ParamDescriptionDictRequired, total=False):
    """``ParamDescription.to_dict()``."""

    default: "bool | None | str | None"
    min: "int"
    max: "int"
    values: "list[str]"
    format: "Format"
    items: "BooleanKindDict | IntegerKindDict | EnumKindDict | StringKindDict | ListKindDict | ObjectKindDict"
    unique: "str | None"
    fields: "list[ParamDescriptionDict]"

BooleanKindDict = TypedDict(
    "BooleanKindDict",
    {
        "type": "Literal[\"boolean\"]",
        "default": "bool | None",
    },
)
"""``BooleanKind.to_dict()``."""

IntegerKindDict = TypedDict(
    "IntegerKindDict",
    {
        "type": "Literal[\"integer\"]",
        "min": "int",
        "max": "int",
    },
)
"""``IntegerKind.to_dict()``."""

EnumKindDict = TypedDict(
    "EnumKindDict",
    {
        "type": "Literal[\"enum\"]",
        "values": "list[str]",
        "default": "str | None",
    },
)
"""``EnumKind.to_dict()``."""

StringKindDict = TypedDict(
    "StringKindDict",
    {
        "type": "Literal[\"string\"]",
        "format": "Format",
    },
)
"""``StringKind.to_dict()``."""

Format = Literal["EcsInstanceId", "ServiceInstanceId", "ZecInstanceId", "Arn", "ClientToken", "RegionId"]
"""String formats, each checked by `formats`."""

ListKindDict = TypedDict(
    "ListKindDict",
    {
        "type": "Literal[\"list\"]",
        "items": "BooleanKindDict | IntegerKindDict | EnumKindDict | StringKindDict | ListKindDict | ObjectKindDict",
        "min": "int",
        "max": "int",
        "unique": "str | None",
    },
)
"""``ListKind.to_dict()``."""

ObjectKindDict = TypedDict(
    "ObjectKindDict",
    {
        "type": "Literal[\"object\"]",
        "fields": "list[ParamDescriptionDict]",
    },
)
"""``ObjectKind.to_dict()``."""

RuleDescriptionDict = TypedDict(
    "RuleDescriptionDict",
    {
        "one_method_of": "list[list[str]]",
    },
)
"""``RuleDescription.to_dict()``."""

TargetDescriptionDict = TypedDict(
    "TargetDescriptionDict",
    {
        "param": "str",
        "batch_max": "int | None",
    },
)
"""``TargetDescription.to_dict()``."""

ResourceDescriptionDict = TypedDict(
    "ResourceDescriptionDict",
    {
        "describe_api": "str",
        "id_field": "str",
        "status_field": "str",
        "statuses": "list[str]",
    },
)
"""``ResourceDescription.to_dict()``."""

TransitionDescriptionDict = TypedDict(
    "TransitionDescriptionDict",
    {
        "immediate": "str | None",
        "settled": "str",
    },
)
"""``TransitionDescription.to_dict()``."""

WaitDescriptionDict = TypedDict(
    "WaitDescriptionDict",
    {
        "target": "list[str]",
        "pending": "list[str]",
        "failure": "list[str]",
        "initial_delay_seconds": "int",
        "interval_seconds": "int",
        "timeout_seconds": "int",
    },
)
"""``WaitDescription.to_dict()``."""

RamDescriptionDict = TypedDict(
    "RamDescriptionDict",
    {
        "action": "str",
        "resource": "str",
    },
)
"""``RamDescription.to_dict()``."""

DryRunDescriptionDict = TypedDict(
    "DryRunDescriptionDict",
    {
        "param": "str",
        "code": "str",
    },
)
"""``DryRunDescription.to_dict()``."""

ErrorDescriptionDict = TypedDict(
    "ErrorDescriptionDict",
    {
        "code": "str",
        "http_status": "int",
        "retryable": "bool",
        "message": "str",
        "origin": "ErrorOrigin",
    },
)
"""``ErrorDescription.to_dict()``."""

ErrorOrigin = Literal["documented", "provider_style"]
"""Where an error code comes from: the provider's documentation, or our choice in its style."""

ValidatedDict = TypedDict(
    "ValidatedDict",
    {
        "operation": "OperationId",
        "params": "dict[str, JsonValue]",
        "defaults": "dict[str, JsonValue]",
    },
)
"""``Validated.to_dict()``."""

VerdictDict = TypedDict(
    "VerdictDict",
    {
        "operation": "OperationId",
        "allowed": "bool",
        "dry_run": "bool",
        "outcomes": "list[OutcomeDict]",
        "allowed_ids": "list[str]",
        "denied_ids": "list[str]",
        "error": "ErrorInfoDict | None",
    },
)
"""``Verdict.to_dict()``."""

OutcomeDict = TypedDict(
    "OutcomeDict",
    {
        "id": "str",
        "decision": "Decision",
        "status": "str | None",
        "error": "ErrorInfoDict | None",
        "reason": "str",
        "transition": "TransitionDict | None",
    },
)
"""``Outcome.to_dict()``."""

Decision = Literal["allow", "deny", "dry_run"]
"""What the pre-check decided for one resource."""

ErrorInfoDict = TypedDict(
    "ErrorInfoDict",
    {
        "code": "str",
        "http_status": "int",
        "message": "str",
        "field": "str | None",
        "retryable": "bool",
    },
)
"""``ErrorInfo.to_dict()``."""

TransitionDict = TypedDict(
    "TransitionDict",
    {
        "from": "str",
        "immediate": "str | None",
        "settled": "str",
    },
)
"""``Transition.to_dict()``."""

WaitStateDict = TypedDict(
    "WaitStateDict",
    {
        "operation": "OperationId",
        "status": "str",
        "state": "WaitProgress",
        "target": "list[str]",
        "reason": "str",
    },
)
"""``WaitState.to_dict()``."""

WaitProgress = Literal["done", "goal", "pending", "failed"]
"""`done` (synchronous operations only: nothing to wait for), `goal` (the target status, which
alone cannot show the operation finished), `pending` (poll again) or `failed` (stop waiting).
"""

_HttpRequestDictRequired = TypedDict(
    "_HttpRequestDictRequired",
    {
        "method": "str",
        "scheme": "str",
        "host": "str",
        "path": "str",
        "query": "list[list[str]]",
        "headers": "list[list[str]]",
        "body": "str",
        "url": "str",
    },
)

class HttpRequestDict(_HttpRequestDictRequired, total=False):
    """``HttpRequest.to_dict()``."""

    body_base64: "str"

EndpointDict = TypedDict(
    "EndpointDict",
    {
        "scheme": "str",
        "host": "str",
        "path": "str",
    },
)
"""``Endpoint.to_dict()``."""

_ApiResponseDictRequired = TypedDict(
    "_ApiResponseDictRequired",
    {
        "outcome": "ResponseOutcome",
        "request_id": "str | None",
        "failures": "list[TargetFailureDict]",
        "data": "dict[str, JsonValue]",
    },
)

class ApiResponseDict(_ApiResponseDictRequired, total=False):
    """``ApiResponse.to_dict()``."""

    renewal: "RenewalResultDict"
    dry_run: "DryRunPassedDict"

ResponseOutcome = Literal["succeeded", "some_failed", "dry_run_passed"]
"""How a provider response turned out."""

RenewalResultDict = TypedDict(
    "RenewalResultDict",
    {
        "total_count": "int",
        "succeeded": "int",
        "failed": "int",
    },
)
"""``RenewalResult.to_dict()``."""

TargetFailureDict = TypedDict(
    "TargetFailureDict",
    {
        "id": "str",
        "code": "str | None",
        "message": "str | None",
    },
)
"""``TargetFailure.to_dict()``."""

DryRunPassedDict = TypedDict(
    "DryRunPassedDict",
    {
        "code": "str",
        "message": "str | None",
    },
)
"""``DryRunPassed.to_dict()``."""

SignedRequestDict = TypedDict(
    "SignedRequestDict",
    {
        "algorithm": "SignatureAlgorithm",
        "request": "HttpRequestDict",
        "canonical_request": "str | None",
        "string_to_sign": "str | None",
        "signature": "str | None",
    },
)
"""``SignedRequest.to_dict()``."""

SignatureAlgorithm = Literal["ACS3-HMAC-SHA256", "HMAC-SHA1", "ZC2-HMAC-SHA256"]
"""The signature schemes the providers accept."""

PolicyDict = TypedDict(
    "PolicyDict",
    {
        "version": "str",
        "statements": "list[StatementDict]",
    },
)
"""``Policy.to_dict()``."""

_StatementDictRequired = TypedDict(
    "_StatementDictRequired",
    {
        "sid": "str | None",
        "effect": "Effect",
        "resources": "list[str]",
        "conditions": "list[ConditionDict]",
    },
)

class StatementDict(_StatementDictRequired, total=False):
    """``Statement.to_dict()``."""

    action: "list[str]"
    not_action: "list[str]"

Effect = Literal["Allow", "Deny"]
"""Whether a statement allows or denies."""

ConditionDict = TypedDict(
    "ConditionDict",
    {
        "operator": "Operator",
        "key": "str",
        "values": "list[str]",
    },
)
"""``Condition.to_dict()``."""

Operator = Literal["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "IpAddress", "NotIpAddress"]
"""A condition operator, named as in RAM policies (case-sensitive)."""

RequiredAccessDict = TypedDict(
    "RequiredAccessDict",
    {
        "action": "str",
        "resource": "str",
    },
)
"""``RequiredAccess.to_dict()``."""

AuthorizationDict = TypedDict(
    "AuthorizationDict",
    {
        "allowed": "bool",
        "checks": "list[AccessCheckDict]",
        "reason": "str",
        "no_permission_type": "NoPermissionType | None",
        "error": "ErrorInfoDict | None",
    },
)
"""``Authorization.to_dict()``."""

AccessCheckDict = TypedDict(
    "AccessCheckDict",
    {
        "action": "str",
        "resource": "str",
        "decision": "AccessDecision",
        "policy_index": "int | None",
        "statement_index": "int | None",
        "reason": "str",
    },
)
"""``AccessCheck.to_dict()``."""

AccessDecision = Literal["allow", "implicit_deny", "explicit_deny"]
"""RAM's answer for one action on one resource."""

NoPermissionType = Literal["ImplicitDeny", "ExplicitDeny"]
"""Alibaba's `AccessDeniedDetail.NoPermissionType` of a denial."""

ApiErrorExtrasDict = TypedDict(
    "ApiErrorExtrasDict",
    {
        "provider_message": "str | None",
        "request_id": "str | None",
        "host_id": "str | None",
        "recommend": "str | None",
        "access_denied_detail": "JsonValue | None",
    },
)
"""``ApiErrorExtras.to_dict()``."""

_ErrorReportDictRequired = TypedDict(
    "_ErrorReportDictRequired",
    {
        "kind": "ErrorKind",
        "errors": "list[ErrorInfoDict]",
    },
)

class ErrorReportDict(_ErrorReportDictRequired, total=False):
    """``ErrorReport.to_dict()``."""

    api: "ApiErrorExtrasDict"

_IntBoundRequired = TypedDict(
    "_IntBoundRequired",
    {
        "path": "str",
    },
)

class IntBound(_IntBoundRequired, total=False):
    """IntBound (an input)."""

    min: "int | None"
    max: "int | None"

ClientTokenDict = TypedDict(
    "ClientTokenDict",
    {
        "operation": "OperationId",
        "param": "str",
        "token": "str",
        "scope": "str",
    },
)
"""``ClientToken.to_dict()``."""

ClassificationDict = TypedDict(
    "ClassificationDict",
    {
        "operation": "OperationId",
        "code": "str",
        "http_status": "int | None",
        "class": "RetryClass",
        "source": "ClassSource",
        "token": "TokenAdvice",
        "may_have_applied": "bool",
        "recommended_delay_ms": "int | None",
        "reason": "str",
    },
)
"""``Classification.to_dict()``."""

RetryClass = Literal["throttle", "transient", "state_conflict", "permanent", "auth"]
"""What retrying a failed call can achieve."""

ClassSource = Literal["operation", "provider", "rule", "header", "no_response"]
"""Where a class came from."""

TokenAdvice = Literal["keep", "new", "any"]
"""What to do with an idempotency token after a failure."""

RetryAdviceDict = TypedDict(
    "RetryAdviceDict",
    {
        "operation": "OperationId",
        "code": "str | None",
        "http_status": "int | None",
        "class": "RetryClass",
        "source": "ClassSource",
        "may_have_applied": "bool",
        "token_sent": "bool",
        "token": "TokenAdvice",
        "safe_to_retry": "bool",
        "action": "NextStep",
        "retry_after_ms": "int | None",
        "retry_after_source": "str | None",
        "reason": "str",
    },
)
"""``RetryAdvice.to_dict()``."""

NextStep = Literal["retry", "retry_with_new_token", "recheck", "fix_request", "fix_credentials"]
"""What to do next after a failed call."""

AccessExplanationDict = TypedDict(
    "AccessExplanationDict",
    {
        "source": "ExplanationSource",
        "action": "str | None",
        "resource": "str | None",
        "decision": "AccessDecision | None",
        "no_permission_type": "str | None",
        "policy_type": "str | None",
        "policy_index": "int | None",
        "statement_index": "int | None",
        "principal_type": "str | None",
        "principal_owner_id": "str | None",
        "principal_display_name": "str | None",
        "encoded_diagnostic_message": "str | None",
        "reason": "str",
    },
)
"""``AccessExplanation.to_dict()``."""

ExplanationSource = Literal["provider", "policy_check"]
"""Where an `AccessExplanation` comes from."""

PlanDict = TypedDict(
    "PlanDict",
    {
        "operation": "OperationId",
        "batch_max": "int",
        "requests": "list[PlannedRequestDict]",
        "allowed_ids": "list[str]",
        "denied": "list[PlannedDenialDict]",
        "unknown": "list[PlannedUnknownDict]",
        "duplicates": "list[str]",
        "reason": "str",
    },
)
"""``Plan.to_dict()``."""

PlannedRequestDict = TypedDict(
    "PlannedRequestDict",
    {
        "index": "int",
        "ids": "list[str]",
        "params": "dict[str, JsonValue]",
        "token": "str | None",
        "request": "HttpRequestDict",
    },
)
"""``PlannedRequest.to_dict()``."""

PlannedDenialDict = TypedDict(
    "PlannedDenialDict",
    {
        "id": "str",
        "status": "str | None",
        "error": "ErrorInfoDict",
        "reason": "str",
    },
)
"""``PlannedDenial.to_dict()``."""

PlannedUnknownDict = TypedDict(
    "PlannedUnknownDict",
    {
        "id": "str",
        "reason": "str",
    },
)
"""``PlannedUnknown.to_dict()``."""

PlanOutcomeDict = TypedDict(
    "PlanOutcomeDict",
    {
        "operation": "OperationId",
        "outcomes": "list[IdOutcomeDict]",
        "accepted_ids": "list[str]",
        "failed_ids": "list[str]",
        "retries": "list[RequestRetryDict]",
        "reason": "str",
    },
)
"""``PlanOutcome.to_dict()``."""

IdOutcomeDict = TypedDict(
    "IdOutcomeDict",
    {
        "id": "str",
        "state": "IdState",
        "request_index": "int | None",
        "code": "str | None",
        "message": "str | None",
        "request_id": "str | None",
        "resources": "list[ResourceOutcomeDict]",
        "reason": "str",
    },
)
"""``IdOutcome.to_dict()``."""

IdState = Literal["accepted", "partly_failed", "failed", "dry_run_passed", "denied", "unknown", "not_sent", "no_answer"]
"""Where one id ended up once the responses are in."""

ResourceOutcomeDict = TypedDict(
    "ResourceOutcomeDict",
    {
        "id": "str",
        "failed": "bool",
        "code": "str | None",
        "message": "str | None",
    },
)
"""``ResourceOutcome.to_dict()``."""

RequestRetryDict = TypedDict(
    "RequestRetryDict",
    {
        "index": "int",
        "advice": "RetryAdviceDict",
    },
)
"""``RequestRetry.to_dict()``."""

WaiterStateDict = TypedDict(
    "WaiterStateDict",
    {
        "version": "int",
        "operation": "OperationId",
        "sent": "int",
        "seed": "int",
        "polls": "int",
        "next": "int",
        "targets": "list[WaiterTargetDict]",
    },
)
"""``WaiterState.to_dict()``."""

WaiterTargetDict = TypedDict(
    "WaiterTargetDict",
    {
        "id": "str",
        "before": "WaiterBaselineDict | None",
        "seen": "bool",
        "status": "str | None",
        "state": "TargetState",
        "proof": "Proof | None",
        "code": "str | None",
    },
)
"""``WaiterTarget.to_dict()``."""

WaiterBaselineDict = TypedDict(
    "WaiterBaselineDict",
    {
        "status": "str",
        "fields": "dict[str, JsonValue]",
    },
)
"""``WaiterBaseline.to_dict()``."""

TargetState = Literal["pending", "done", "failed", "unknown"]
"""Where one target stands."""

Proof = Literal["status_left_target", "field_changed", "settle_time", "synchronous"]
"""What showed that the operation acted on a target."""

WaitReportDict = TypedDict(
    "WaitReportDict",
    {
        "operation": "OperationId",
        "done": "bool",
        "succeeded": "bool",
        "elapsed_seconds": "int",
        "polls": "int",
        "timeout_seconds": "int",
        "next_poll_after_seconds": "int | None",
        "next_poll_at": "int | None",
        "next_poll_window": "list[int] | None",
        "counts": "WaitCountsDict",
        "targets": "list[TargetReportDict]",
        "rule": "str",
        "source": "str",
        "reason": "str",
    },
)
"""``WaitReport.to_dict()``."""

WaitCountsDict = TypedDict(
    "WaitCountsDict",
    {
        "done": "int",
        "pending": "int",
        "failed": "int",
        "unknown": "int",
    },
)
"""``WaitCounts.to_dict()``."""

TargetReportDict = TypedDict(
    "TargetReportDict",
    {
        "id": "str",
        "state": "TargetState",
        "status": "str | None",
        "transition_seen": "bool",
        "proof": "Proof | None",
        "error": "ErrorInfoDict | None",
        "reason": "str",
    },
)
"""``TargetReport.to_dict()``."""

ObservedDict = TypedDict(
    "ObservedDict",
    {
        "waiter": "WaiterStateDict",
        "report": "WaitReportDict",
    },
)
"""``Observed.to_dict()``."""

_AccessKeyCredentialsRequired = TypedDict(
    "_AccessKeyCredentialsRequired",
    {
        "access_key_id": "str",
        "access_key_secret": "str",
    },
)

class AccessKeyCredentials(_AccessKeyCredentialsRequired, total=False):
    """AccessKeyCredentials (an input)."""

    security_token: "str | None"

BearerCredentials = TypedDict(
    "BearerCredentials",
    {
        "bearer_token": "str",
    },
)
"""BearerCredentials (an input)."""


__all__ = [
    "JsonValue",
    "JsonView",
    "OperationId",
    "Lang",
    "ErrorKind",
    "OperationDict",
    "Provider",
    "AlibabaRpcWireDict",
    "ZenlayerJsonWireDict",
    "ParamDescriptionDict",
    "BooleanKindDict",
    "IntegerKindDict",
    "EnumKindDict",
    "StringKindDict",
    "Format",
    "ListKindDict",
    "ObjectKindDict",
    "RuleDescriptionDict",
    "TargetDescriptionDict",
    "ResourceDescriptionDict",
    "TransitionDescriptionDict",
    "WaitDescriptionDict",
    "RamDescriptionDict",
    "DryRunDescriptionDict",
    "ErrorDescriptionDict",
    "ErrorOrigin",
    "ValidatedDict",
    "VerdictDict",
    "OutcomeDict",
    "Decision",
    "ErrorInfoDict",
    "TransitionDict",
    "WaitStateDict",
    "WaitProgress",
    "HttpRequestDict",
    "EndpointDict",
    "ApiResponseDict",
    "ResponseOutcome",
    "RenewalResultDict",
    "TargetFailureDict",
    "DryRunPassedDict",
    "SignedRequestDict",
    "SignatureAlgorithm",
    "PolicyDict",
    "StatementDict",
    "Effect",
    "ConditionDict",
    "Operator",
    "RequiredAccessDict",
    "AuthorizationDict",
    "AccessCheckDict",
    "AccessDecision",
    "NoPermissionType",
    "ApiErrorExtrasDict",
    "ErrorReportDict",
    "IntBound",
    "ClientTokenDict",
    "ClassificationDict",
    "RetryClass",
    "ClassSource",
    "TokenAdvice",
    "RetryAdviceDict",
    "NextStep",
    "AccessExplanationDict",
    "ExplanationSource",
    "PlanDict",
    "PlannedRequestDict",
    "PlannedDenialDict",
    "PlannedUnknownDict",
    "PlanOutcomeDict",
    "IdOutcomeDict",
    "IdState",
    "ResourceOutcomeDict",
    "RequestRetryDict",
    "WaiterStateDict",
    "WaiterTargetDict",
    "WaiterBaselineDict",
    "TargetState",
    "Proof",
    "WaitReportDict",
    "WaitCountsDict",
    "TargetReportDict",
    "ObservedDict",
    "AccessKeyCredentials",
    "BearerCredentials",
]

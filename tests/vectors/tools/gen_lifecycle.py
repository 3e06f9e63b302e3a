#!/usr/bin/env python3
"""Writes tests/vectors/life_*.json and checks blessed answers against each case's intent.

Usage (development only; `make test` never runs this):
    python3 tests/vectors/tools/gen_lifecycle.py write    # (re)create cases, keeping answers
    OPGATE_BLESS=1 cargo test --test lifecycle_vectors    # fill in `expect` from the implementation
    python3 tests/vectors/tools/gen_lifecycle.py check    # every answer must match the stated intent

Intents are written by hand here, from the providers' documentation, not read from the
implementation: the retry class of every code, each waiter step's per-id state, plan splits,
token equality groups. A blessed answer that contradicts them is caught, not frozen.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
ROOT = HERE.parent.parent
FILES = {}
INTENTS = {}


def case(file, name, call, args, intent):
    assert (file, name) not in INTENTS, name
    FILES.setdefault(file, []).append({"name": name, "call": call, "args": args})
    INTENTS[(file, name)] = intent


def err(kind, *codes):
    return ("error", kind, sorted(codes))


ECS = "ecs:RebootInstance"
RESTART = "computenestsupplier:RestartServiceInstance"
RENEW = "computenest:RenewServiceInstanceResources"
ZEC = "zec:RebootInstances"
EID = "i-bp67acfmxazb4ph1abcd"
EID2 = "i-bp67acfmxazb4ph1efgh"
SID = "si-d6ab3a63ccbb4b17a0f1"
SID2 = "si-0a1b2c3d4e5f60718293"
ARN1 = "acs:ecs:cn-hangzhou:1488317743351199:instance/i-j6c6f3lbky38o8rpeqw2"
ARN2 = "acs:ecs:cn-hangzhou:1488317743351199:disk/d-bp1ia5x4mtx4hqvqhu5v"
NOW = 1795000000  # 2026-11-18T11:06:40Z, a Wednesday
RESTART_META = json.dumps({"StatusOperationConfigs": [{"TemplateName": "Standard", "SupportOperations": ["Start", "Stop", "Restart"]}]})

# ---------------------------------------------------------------------------------------------
# Retry classes, by hand. Alibaba: https://help.aliyun.com/document_detail/435312.html and the
# ECS idempotence page (retry 500/503/no response with a ClientToken). Zenlayer: its SDKs and
# Terraform provider (REQUEST_LIMIT_EXCEEDED and SERVICE_TEMPORARY_UNAVAILABLE are retried).
# ---------------------------------------------------------------------------------------------
ALIBABA_COMMON = {
    "MissingParameter": "permanent", "InvalidParameter": "permanent", "UnsupportedOperation": "permanent", "InvalidAction": "permanent",
    "Throttling": "throttle", "Throttling.User": "throttle", "Throttling.Api": "throttle",
    "InvalidAccessKeyId.NotFound": "auth", "IncompleteSignature": "auth", "IllegalTimestamp": "auth", "SignatureDoesNotMatch": "auth",
    "SignatureNonceUsed": "state_conflict",  # the same signed request already arrived once
    "Forbidden": "auth", "Forbidden.RAM": "auth", "Forbidden.RiskControl": "auth",
    "IdempotentParameterMismatch": "permanent",  # caller bug
    "IdempotentProcessing": "state_conflict",  # wait, keep the token
    "IdempotentFailed": "transient",  # a new token goes through
    "LastTokenProcessing": "state_conflict",
    "InternalError": "transient", "ServiceUnavailable": "transient",
}
ZENLAYER_COMMON = {
    "MISSING_PARAMETER": "permanent", "INVALID_PARAMETER": "permanent", "REQUEST_LIMIT_EXCEEDED": "throttle",
    "SERVICE_TEMPORARY_UNAVAILABLE": "transient", "INTERNAL_SERVER_ERROR": "transient", "REQUEST_TIMED_OUT": "transient",
    "SECURITY_CHALLENGE": "auth", "REQUEST_BLOCKED": "permanent",
}
OWN = {
    ECS: {
        "DryRunOperation": "permanent", "IncorrectInstanceStatus": "state_conflict", "IncorrectInstanceStatus.Initializing": "state_conflict",
        "InstanceLockedForSecurity": "permanent", "InstanceExpiredOrInArrears": "permanent", "InvalidInstanceId.NotFound": "permanent",
        "InvalidInstanceId.MalFormed": "permanent", "OperationConflict": "state_conflict", "InvalidParameter.InstanceId": "permanent",
    },
    RESTART: {"EntityNotExist.ServiceInstance": "permanent", "IncorrectServiceInstanceStatus": "state_conflict", "UnsupportedOperation": "permanent"},
    RENEW: {"EntityNotExist.ServiceInstance": "permanent", "IncorrectServiceInstanceStatus": "state_conflict", "UnsupportedOperation": "permanent"},
    ZEC: {
        "INVALID_INSTANCE_NOT_FOUND": "permanent", "OPERATION_DENIED_INSTANCE_RECYCLED": "permanent",
        "OPERATION_DENIED_INSTANCE_STATUS": "state_conflict", "OPERATION_DENIED_INSTANCE_NOT_RUNNING": "state_conflict",
    },
}
COMMON = {ECS: ALIBABA_COMMON, RESTART: ALIBABA_COMMON, RENEW: ALIBABA_COMMON, ZEC: ZENLAYER_COMMON}


def error_tables():
    """The codes of every operation's error table, from the catalog vectors (data, not answers)."""
    catalog = json.loads((HERE / "core_catalog.json").read_text())
    ops = next(c for c in catalog["cases"] if c["name"] == "operations en")["expect"]["ok"]
    return {op["id"]: [(e["code"], e["http_status"]) for e in op["errors"]] for op in ops}


def classify_cases():
    f = "life_classify.json"
    for op, codes in error_tables().items():
        for code, status in codes:
            if code in OWN[op]:
                wanted, source = OWN[op][code], "operation"
            elif code in COMMON[op]:
                wanted, source = COMMON[op][code], "provider"
            else:
                raise SystemExit(f"no hand-written class for {op} {code}: add it above")
            case(f, f"class {op} {code}", "classify", {"operation": op, "code": code, "status": status, "lang": "en"}, ("class", wanted, source))
    zh = [(ECS, "IncorrectInstanceStatus", 403, "state_conflict", "operation"), (RESTART, "IdempotentProcessing", 400, "state_conflict", "provider"), (ZEC, "REQUEST_LIMIT_EXCEEDED", 429, "throttle", "provider")]
    for op, code, status, wanted, source in zh:
        case(f, f"class {op} {code} zh", "classify", {"operation": op, "code": code, "status": status, "lang": "zh"}, ("class", wanted, source))
    # Codes no table lists: the provider's fallback rules.
    rules = [
        (ECS, "Throttling.Resource", 400, "throttle"), (ECS, "Whatever.Busy", 429, "throttle"), (ECS, "Forbidden.NotAllowed", 403, "auth"),
        (ECS, "NoPermission", 403, "auth"), (ECS, "InvalidSecurityToken.Expired", 400, "auth"), (ECS, "IncorrectDiskStatus", 403, "state_conflict"),
        (ECS, "TaskConflict", 403, "state_conflict"), (ECS, "OperationFailed.LastTokenProcessing", 403, "state_conflict"), (ECS, "UnknownError", 500, "transient"),
        (ECS, "Gateway", 502, "transient"), (ECS, "SDK.InvalidResponse", 200, "transient"), (ECS, "QuotaExceed.Instance", 400, "permanent"),
        (ZEC, "OPERATION_DENIED_INSTANCE_NOT_STOPPED", 403, "state_conflict"), (ZEC, "AUTH_FAILURE", 401, "auth"), (ZEC, "INVALID_SIGNATURE", 403, "auth"),
        (ZEC, "SOMETHING", 401, "auth"), (ZEC, "SOMETHING", 503, "transient"), (ZEC, "JSON_PARSE_FAILED", 200, "transient"),
        (ZEC, "INVALID_ZONE_NOT_FOUND", 404, "permanent"), (ZEC, "QUOTA_LIMIT_EXCEEDED", 400, "throttle"),
    ]
    for op, code, status, wanted in rules:
        source = "provider" if code in ("SDK.InvalidResponse", "JSON_PARSE_FAILED") else "rule"
        case(f, f"rule {op} {code} {status}", "classify", {"operation": op, "code": code, "status": status, "lang": "en"}, ("class", wanted, source))
    case(f, "classify without status", "classify", {"operation": ECS, "code": "Weird", "lang": "en"}, ("class", "permanent", "rule"))
    case(f, "classify unknown operation", "classify", {"operation": "ecs:StopInstance", "code": "Throttling", "lang": "en"}, err("input", "UnsupportedOperation"))
    case(f, "classify bad status", "classify", {"operation": ECS, "code": "Throttling", "status": 700, "lang": "en"}, err("input", "InvalidParameter.Status"))

    # Retry advice: class, safety, next step and delay.
    a = lambda name, op, intent, **kw: case(f, f"advice {name}", "retry_advice", {"operation": op, "lang": kw.pop("lang", "en"), **kw}, ("advice", *intent))
    reboot = {"InstanceId": EID}
    restart_token = {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID, "ClientToken": "og1-0123456789abcdef"}
    restart_bare = {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID}
    # (class, safe_to_retry, action, retry_after_ms, retry_after_source)
    a("reboot internal error without token is not resent blindly", ECS, ("transient", False, "recheck", 3000, "recommended"), status=500, code="InternalError", params=reboot)
    a("reboot service unavailable zh", ECS, ("transient", False, "recheck", 3000, "recommended"), status=503, code="ServiceUnavailable", params=reboot, lang="zh")
    a("reboot no response", ECS, ("transient", False, "recheck", 3000, "recommended"), params=reboot)
    a("reboot throttled with x-acs-retry-after", ECS, ("throttle", True, "retry", 2500, "x-acs-retry-after"), status=400, code="Throttling.User", headers=[["x-acs-retry-after", "2500"]])
    a("x-acs-retry-after makes any code throttling", ECS, ("throttle", True, "retry", 800, "x-acs-retry-after"), status=400, code="Whatever", headers={"X-Acs-Retry-After": "800"})
    a("x-acs-retry-after zero is ignored", ECS, ("throttle", True, "retry", 3000, "recommended"), status=400, code="Throttling.Api", headers={"x-acs-retry-after": "0"})
    a("x-acs-retry-after not a number is ignored", ECS, ("throttle", True, "retry", 3000, "recommended"), status=400, code="Throttling", headers={"x-acs-retry-after": "soon"})
    a("retry-after seconds", ECS, ("throttle", True, "retry", 7000, "Retry-After"), status=400, code="Throttling", headers={"Retry-After": "7"})
    a("retry-after http date", ZEC, ("throttle", True, "retry", 10000, "Retry-After"), status=429, code="REQUEST_LIMIT_EXCEEDED", headers={"Retry-After": "Wed, 18 Nov 2026 11:06:50 GMT"}, now=NOW)
    a("retry-after http date without clock", ZEC, ("throttle", True, "retry", 1000, "recommended"), status=429, code="REQUEST_LIMIT_EXCEEDED", headers={"Retry-After": "Wed, 18 Nov 2026 11:06:50 GMT"})
    a("zec throttled third attempt doubles", ZEC, ("throttle", True, "retry", 4000, "recommended"), status=429, code="REQUEST_LIMIT_EXCEEDED", attempt=3)
    a("zec throttled delay is capped", ZEC, ("throttle", True, "retry", 60000, "recommended"), status=429, code="REQUEST_LIMIT_EXCEEDED", attempt=30)
    a("zec instance busy", ZEC, ("state_conflict", False, "recheck", 5000, "recommended"), status=403, code="OPERATION_DENIED_INSTANCE_STATUS", params={"instanceIds": ["1660545330971680835"]})
    a("zec internal server error", ZEC, ("transient", False, "recheck", 1000, "recommended"), status=500, code="INTERNAL_SERVER_ERROR", params={"instanceIds": ["1660545330971680835"]})
    a("zec security challenge", ZEC, ("auth", False, "fix_credentials", None, None), status=403, code="SECURITY_CHALLENGE")
    a("zec unreadable body", ZEC, ("transient", False, "recheck", 1000, "recommended"), status=200, code="JSON_PARSE_FAILED")
    a("restart internal error with token is safe", RESTART, ("transient", True, "retry", 3000, "recommended"), status=500, code="InternalError", params=restart_token)
    a("restart internal error without token", RESTART, ("transient", False, "recheck", 3000, "recommended"), status=500, code="InternalError", params=restart_bare)
    a("restart no response with token", RESTART, ("transient", True, "retry", 3000, "recommended"), params=restart_token)
    a("restart idempotent processing keeps the token", RESTART, ("state_conflict", True, "retry", 5000, "recommended"), status=400, code="IdempotentProcessing", params=restart_token)
    a("restart idempotent failed needs a new token", RESTART, ("transient", True, "retry_with_new_token", 3000, "recommended"), status=400, code="IdempotentFailed", params=restart_token)
    a("restart idempotent failed zh", RESTART, ("transient", True, "retry_with_new_token", 3000, "recommended"), status=400, code="IdempotentFailed", params=restart_token, lang="zh")
    a("restart parameter mismatch is a caller bug", RESTART, ("permanent", False, "fix_request", None, None), status=400, code="IdempotentParameterMismatch", params=restart_token)
    a("renew last token processing", RENEW, ("state_conflict", True, "retry", 5000, "recommended"), status=403, code="LastTokenProcessing", params={"ServiceInstanceId": SID, "Period": 1, "ClientToken": "og1-abc"})
    a("renew last token processing without token", RENEW, ("state_conflict", False, "recheck", 5000, "recommended"), status=403, code="LastTokenProcessing", params={"ServiceInstanceId": SID, "Period": 1})
    a("reboot incorrect status", ECS, ("state_conflict", False, "recheck", 5000, "recommended"), status=403, code="IncorrectInstanceStatus", params=reboot)
    a("reboot operation conflict second attempt", ECS, ("state_conflict", False, "recheck", 10000, "recommended"), status=403, code="OperationConflict", attempt=2)
    a("reboot forbidden by RAM", ECS, ("auth", False, "fix_credentials", None, None), status=403, code="Forbidden.RAM")
    a("reboot locked for security", ECS, ("permanent", False, "fix_request", None, None), status=403, code="InstanceLockedForSecurity", params=reboot)
    a("reboot signature nonce used", ECS, ("state_conflict", False, "recheck", 5000, "recommended"), status=400, code="SignatureNonceUsed", params=reboot)
    a("reboot gateway page", ECS, ("transient", False, "recheck", 3000, "recommended"), status=502, code="SDK.InvalidResponse")
    case(f, "advice bad status", "retry_advice", {"operation": ECS, "status": 42, "code": "X", "lang": "en"}, err("input", "InvalidParameter.Status"))
    case(f, "advice params not an object", "retry_advice", {"operation": RESTART, "status": 500, "code": "InternalError", "params": "ClientToken=x", "lang": "en"}, err("validation", "InvalidParameter"))
    case(f, "advice bad headers", "retry_advice", {"operation": ECS, "status": 500, "code": "InternalError", "headers": "x-acs-retry-after: 1", "lang": "en"}, err("input", "InvalidParameter.Headers"))

    # Alibaba's AccessDeniedDetail, in the RAM evaluator's shape.
    d = lambda name, detail, intent, lang="en": case(f, f"denied {name}", "access_denied", {"detail": detail, "lang": lang}, intent)
    detail = {"NoPermissionType": "ImplicitDeny", "PolicyType": "AccountLevelIdentityBasedPolicy", "AuthAction": "ecs:RebootInstance", "AuthPrincipalType": "SubUser", "AuthPrincipalOwnerId": "1488317743351199", "AuthPrincipalDisplayName": "2887742443752100", "EncodedDiagnosticMessage": "AQEAAAAAZBgxr0U1MjA1NTM1LUM4BBktMzE5RS1CODgxLUU1QTI0RDNFQTM1****"}
    # (decision, action, resource, policy_type)
    d("implicit deny object", detail, ("denied", "implicit_deny", "ecs:RebootInstance", None, "AccountLevelIdentityBasedPolicy"))
    d("implicit deny zh", detail, ("denied", "implicit_deny", "ecs:RebootInstance", None, "AccountLevelIdentityBasedPolicy"), "zh")
    d("as json text", json.dumps(detail), ("denied", "implicit_deny", "ecs:RebootInstance", None, "AccountLevelIdentityBasedPolicy"))
    d("inside an error body", {"RequestId": "R", "Code": "Forbidden.RAM", "Message": "denied", "AccessDeniedDetail": {**detail, "NoPermissionType": "ExplicitDeny", "PolicyType": "ControlPolicy"}}, ("denied", "explicit_deny", "ecs:RebootInstance", None, "ControlPolicy"))
    decoded = {"RequestId": "D2331703-AADF-5564-BA9B-26CD51A33BA0", "DecodedDiagnosticMessage": {"ExplicitDeny": True, "NoPermissionPolicyType": "ResourceGroupLevelIdentityBasedPolicy", "AuthAction": "computenestsupplier:RestartServiceInstance", "AuthResource": "acs:computenestsupplier:cn-hangzhou:1488317743351199:serviceinstance/" + SID, "AuthPrincipal": {"AuthPrincipalType": "AssumedRoleUser", "AuthPrincipalOwnerId": "1488317743351199", "AuthPrincipalDisplayName": "ops-role:session"}, "AuthConditions": [{"ConditionKey": "acs:SourceIp", "ConditionValues": ["203.0.113.7"]}]}}
    d("decoded diagnostic message", decoded, ("denied", "explicit_deny", "computenestsupplier:RestartServiceInstance", decoded["DecodedDiagnosticMessage"]["AuthResource"], "ResourceGroupLevelIdentityBasedPolicy"))
    d("decoded implicit zh", {"ExplicitDeny": False, "NoPermissionPolicyType": "SessionPolicy", "AuthAction": "ecs:RebootInstance", "AuthResource": "*"}, ("denied", "implicit_deny", "ecs:RebootInstance", "*", "SessionPolicy"), "zh")
    d("no decision given", {"AuthAction": "ecs:RebootInstance"}, ("denied", None, "ecs:RebootInstance", None, None))
    d("unknown policy type", {"NoPermissionType": "ExplicitDeny", "PolicyType": "FuturePolicy"}, ("denied", "explicit_deny", None, None, "FuturePolicy"))
    d("not an object", 42, err("validation", "InvalidParameter"))
    d("text that is not json", "AccessDenied", err("validation", "InvalidParameter"))
    d("action of the wrong type", {"AuthAction": ["ecs:RebootInstance"]}, err("validation", "InvalidParameter"))


# ---------------------------------------------------------------------------------------------
# ClientTokens: cases in the same group must share a token; different groups must differ.
# ---------------------------------------------------------------------------------------------
def token_cases():
    f = "life_token.json"
    t = lambda name, op, params, group, scope="deploy-42", lang="en": case(f, f"token {name}", "client_token", {"operation": op, "params": params, "scope": scope, "lang": lang}, ("token", group))
    base = {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID}
    t("restart", RESTART, base, "restart")
    t("restart again", RESTART, dict(base), "restart")
    t("restart keys reordered", RESTART, {"ServiceInstanceId": SID, "RegionId": "cn-hangzhou"}, "restart")
    t("restart with a token already set", RESTART, {**base, "ClientToken": "og1-previous"}, "restart")
    t("restart null token", RESTART, {**base, "ClientToken": None}, "restart")
    t("restart zh", RESTART, base, "restart", lang="zh")
    t("restart other scope", RESTART, base, "restart-scope-2", scope="deploy-43")
    t("restart empty scope", RESTART, base, "restart-scope-empty", scope="")
    t("restart unicode scope", RESTART, base, "restart-scope-unicode", scope="部署-42")
    t("restart other region", RESTART, {"RegionId": "ap-southeast-1", "ServiceInstanceId": SID}, "restart-region")
    t("restart other instance", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID2}, "restart-instance")
    t("renew one month", RENEW, {"ServiceInstanceId": SID, "Period": 1}, "renew-month")
    t("renew one month explicit unit", RENEW, {"ServiceInstanceId": SID, "Period": 1, "PeriodUnit": "Month"}, "renew-month")
    t("renew period as whole float", RENEW, {"ServiceInstanceId": SID, "Period": 1.0}, "renew-month")
    t("renew one year", RENEW, {"ServiceInstanceId": SID, "Period": 1, "PeriodUnit": "Year"}, "renew-year")
    t("renew two months", RENEW, {"ServiceInstanceId": SID, "Period": 2}, "renew-two")
    listed = [{"ResourceArn": ARN1, "Period": 1}, {"ResourceArn": ARN2, "Period": 2}]
    t("renew listed", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": listed}, "renew-listed")
    t("renew listed fields reordered", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"Period": 1, "ResourceArn": ARN1}, {"Period": 2, "ResourceArn": ARN2}]}, "renew-listed")
    t("renew listed other order", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": listed[::-1]}, "renew-listed-reversed")
    t("same params other operation", RENEW, {"ServiceInstanceId": SID, "RegionId": "cn-hangzhou", "Period": 1}, "renew-region")
    e = lambda name, op, params, intent, scope="s", lang="en": case(f, f"token {name}", "client_token", {"operation": op, "params": params, "scope": scope, "lang": lang}, intent)
    e("reboot takes no token", ECS, {"InstanceId": EID}, err("input", "UnsupportedOperation"))
    e("zec takes no token", ZEC, {"instanceIds": ["1660545330971680835"]}, err("input", "UnsupportedOperation"), lang="zh")
    e("invalid params", RESTART, {"RegionId": "cn-hangzhou"}, err("validation", "MissingParameter"))
    e("invalid params zh", RENEW, {"ServiceInstanceId": SID, "Period": 0}, err("validation", "InvalidParameter.Period"), lang="zh")
    e("scope too long", RESTART, base, err("input", "InvalidParameter.Scope"), scope="s" * 1025)
    e("unknown operation", "computenest:RestartServiceInstance", base, err("input", "UnsupportedOperation"))


# ---------------------------------------------------------------------------------------------
# Waiters over time. Intent: per step, {id: state} and whether the batch is done.
# ---------------------------------------------------------------------------------------------
def ecs_item(status, iid=EID, start="2026-11-18T10:00Z"):
    return {"InstanceId": iid, "Status": status, "StartTime": start, "InstanceChargeType": "PostPaid", "OperationLocks": {"LockReason": []}}


def zec_item(iid, status):
    return {"instanceId": iid, "instanceStatus": status, "instanceName": f"node-{iid[-3:]}"}


def si_item(status, sid=SID, updated="2026-11-18T10:00:00Z"):
    return {"ServiceInstanceId": sid, "Status": status, "UpdateTime": updated, "Service": {"OperationMetadata": RESTART_META}}


def wait_cases():
    f = "life_wait.json"

    def w(name, op, ids, steps, intent, sent=NOW, before=None, seed=7, resume_after=None, lang="en"):
        args = {"operation": op, "ids": ids, "sent_at": sent, "before": before, "seed": seed, "steps": [{"now": now, "resources": res} for now, res in steps], "lang": lang}
        if resume_after is not None:
            args["resume_after"] = resume_after
        case(f, f"wait {name}", "wait", args, ("wait", intent))

    P, D, F, U = "pending", "done", "failed", "unknown"
    before = [ecs_item("Running")]
    reboot = [(NOW + 1, [ecs_item("Running")]), (NOW + 6, [ecs_item("Starting")]), (NOW + 14, [ecs_item("Running")])]
    w("reboot observed right after the send stays pending until the transition is seen", ECS, [EID], reboot, [({EID: P}, False), ({EID: P}, False), ({EID: D}, True)], before=before)
    w("reboot same sequence resumed after the first poll", ECS, [EID], reboot, [({EID: P}, False), ({EID: P}, False), ({EID: D}, True)], before=before, resume_after=0)
    w("reboot zh", ECS, [EID], reboot, [({EID: P}, False), ({EID: P}, False), ({EID: D}, True)], before=before, lang="zh")
    w("reboot through stopping and starting", ECS, [EID], [(NOW + 5, [ecs_item("Stopping")]), (NOW + 12, [ecs_item("Starting")]), (NOW + 25, [ecs_item("Running")])], [({EID: P}, False), ({EID: P}, False), ({EID: D}, True)])
    w("reboot start time changed is proof", ECS, [EID], [(NOW + 8, [ecs_item("Running", start="2026-11-18T11:06Z")])], [({EID: D}, True)], before=before)
    w("reboot running without proof until the settle time", ECS, [EID], [(NOW + 5, [ecs_item("Running")]), (NOW + 30, [ecs_item("Running")]), (NOW + 59, [ecs_item("Running")]), (NOW + 60, [ecs_item("Running")])], [({EID: P}, False)] * 3 + [({EID: D}, True)], before=before)
    w("reboot without a before item cannot use start time", ECS, [EID], [(NOW + 8, [ecs_item("Running", start="2026-11-18T11:06Z")])], [({EID: P}, False)])
    w("reboot missing from the page is unknown, never done", ECS, [EID], [(NOW + 5, []), (NOW + 10, [ecs_item("Starting", iid=EID2)]), (NOW + 20, [ecs_item("Starting")]), (NOW + 30, [ecs_item("Running")])], [({EID: U}, False), ({EID: U}, False), ({EID: P}, False), ({EID: D}, True)])
    w("reboot stopped is a failure", ECS, [EID], [(NOW + 5, [ecs_item("Starting")]), (NOW + 15, [ecs_item("Stopped")])], [({EID: P}, False), ({EID: F}, True)])
    w("reboot times out after the maximum wait", ECS, [EID], [(NOW + 300, [ecs_item("Starting")]), (NOW + 599, [ecs_item("Starting")]), (NOW + 600, [ecs_item("Starting")])], [({EID: P}, False), ({EID: P}, False), ({EID: F}, True)])
    w("reboot missing until the timeout fails", ECS, [EID], [(NOW + 10, []), (NOW + 700, [])], [({EID: U}, False), ({EID: F}, True)])
    w("reboot two instances settle separately", ECS, [EID, EID2], [(NOW + 5, [ecs_item("Starting"), ecs_item("Running", iid=EID2)]), (NOW + 15, [ecs_item("Running"), ecs_item("Starting", iid=EID2)]), (NOW + 25, [ecs_item("Running"), ecs_item("Running", iid=EID2)])], [({EID: P, EID2: P}, False), ({EID: D, EID2: P}, False), ({EID: D, EID2: D}, True)])
    w("reboot done stays done", ECS, [EID], [(NOW + 5, [ecs_item("Starting")]), (NOW + 10, [ecs_item("Running")]), (NOW + 15, [ecs_item("Stopped")])], [({EID: P}, False), ({EID: D}, True), ({EID: D}, True)])
    w("reboot clock before the send counts as the send", ECS, [EID], [(NOW - 100, [ecs_item("Running")])], [({EID: P}, False)])
    w("reboot whole describe response", ECS, [EID], [(NOW + 6, {"RequestId": "R", "TotalCount": 1, "Instances": {"Instance": [ecs_item("Starting")]}}), (NOW + 20, {"Instances": {"Instance": [ecs_item("Running")]}})], [({EID: P}, False), ({EID: D}, True)])
    z = [str(1660545330971680835 + i) for i in range(4)]
    w("zec batch reboot", ZEC, z[:3], [(NOW + 10, [zec_item(z[0], "REBOOT"), zec_item(z[1], "RUNNING"), zec_item(z[2], "REBOOT")]), (NOW + 20, [zec_item(z[0], "RUNNING"), zec_item(z[1], "REBOOT"), zec_item(z[2], "RECYCLE")]), (NOW + 30, [zec_item(z[0], "RUNNING"), zec_item(z[1], "RUNNING"), zec_item(z[2], "RECYCLE")])], [({z[0]: P, z[1]: P, z[2]: P}, False), ({z[0]: D, z[1]: P, z[2]: F}, False), ({z[0]: D, z[1]: D, z[2]: F}, True)])
    w("zec running right after the send is pending", ZEC, z[:1], [(NOW + 2, [zec_item(z[0], "RUNNING")]), (NOW + 61, [zec_item(z[0], "RUNNING")])], [({z[0]: P}, False), ({z[0]: D}, True)])
    w("zec one missing from the page", ZEC, z[:2], [(NOW + 10, [zec_item(z[0], "REBOOT")]), (NOW + 20, {"requestId": "T", "response": {"requestId": "T", "totalCount": 2, "dataSet": [zec_item(z[0], "RUNNING"), zec_item(z[1], "BOOTING")]}})], [({z[0]: P, z[1]: U}, False), ({z[0]: D, z[1]: P}, False)])
    w("zec stopped fails zh", ZEC, z[:1], [(NOW + 10, [zec_item(z[0], "STOPPED")])], [({z[0]: F}, True)], lang="zh")
    w("zec undocumented status keeps polling", ZEC, z[:1], [(NOW + 10, [zec_item(z[0], "MIGRATING")]), (NOW + 20, [zec_item(z[0], "RUNNING")])], [({z[0]: P}, False), ({z[0]: D}, True)])
    w("zec resumed mid-wait", ZEC, z[:2], [(NOW + 10, [zec_item(z[0], "REBOOT"), zec_item(z[1], "REBOOT")]), (NOW + 20, [zec_item(z[0], "RUNNING"), zec_item(z[1], "REBOOT")]), (NOW + 30, [zec_item(z[0], "RUNNING"), zec_item(z[1], "RUNNING")])], [({z[0]: P, z[1]: P}, False), ({z[0]: D, z[1]: P}, False), ({z[0]: D, z[1]: D}, True)], resume_after=1, seed=123456789)
    sbefore = [si_item("Deployed")]
    w("restart update time changed is proof", RESTART, [SID], [(NOW + 5, [si_item("Deployed")]), (NOW + 12, [si_item("Deployed", updated="2026-11-18T11:06:50Z")])], [({SID: P}, False), ({SID: D}, True)], before=sbefore)
    w("restart through an intermediate status", RESTART, [SID], [(NOW + 5, [si_item("Restarting")]), (NOW + 20, [si_item("Deployed")])], [({SID: P}, False), ({SID: D}, True)])
    w("restart created is neither goal nor on the way", RESTART, [SID], [(NOW + 5, [si_item("Created")])], [({SID: F}, True)])
    w("restart start failed", RESTART, [SID], [(NOW + 5, [si_item("Restarting")]), (NOW + 15, [si_item("StartFailed")])], [({SID: P}, False), ({SID: F}, True)])
    w("restart times out after 300 s zh", RESTART, [SID], [(NOW + 299, [si_item("Restarting")]), (NOW + 300, [si_item("Restarting")])], [({SID: P}, False), ({SID: F}, True)], lang="zh")
    w("renew is synchronous", RENEW, [SID], [(NOW + 1, [])], [({SID: D}, True)])
    w("renew is synchronous whatever the page says", RENEW, [SID, SID2], [(NOW, None)], [({SID: D, SID2: D}, True)])
    w("seed left out is derived", ECS, [EID], [(NOW + 5, [ecs_item("Starting")]), (NOW + 12, [ecs_item("Starting")])], [({EID: P}, False), ({EID: P}, False)], seed=None)
    e = lambda name, args, intent: case(f, f"wait {name}", "wait", {"lang": "en", "steps": [], "seed": None, "before": None, **args}, intent)
    e("no ids", {"operation": ECS, "ids": [], "sent_at": NOW}, err("input", "InvalidParameter.Ids"))
    e("repeated id", {"operation": ECS, "ids": [EID, EID], "sent_at": NOW}, err("input", "InvalidParameter.Ids"))
    e("id not a string", {"operation": ZEC, "ids": [1660545330971680835], "sent_at": NOW}, err("input", "InvalidParameter.Ids"))
    e("unknown operation", {"operation": "ecs:StartInstance", "ids": [EID], "sent_at": NOW}, err("input", "UnsupportedOperation"))
    e("bad before items", {"operation": ECS, "ids": [EID], "sent_at": NOW, "before": [{"InstanceId": EID}]}, err("validation", "InvalidParameter"))
    e("bad observed items", {"operation": ECS, "ids": [EID], "sent_at": NOW, "steps": [{"now": NOW + 5, "resources": "Running"}]}, err("validation", "InvalidParameter"))
    e("resume from a foreign state", {"operation": ECS, "resume": {"version": 1, "operation": ECS}, "steps": [{"now": NOW, "resources": []}]}, err("input", "InvalidParameter.Waiter"))
    e("resume from a newer version", {"operation": ECS, "resume": {"version": 2, "operation": ECS, "sent": NOW, "seed": 1, "polls": 0, "next": NOW, "targets": [{"id": EID, "before": None, "seen": False, "status": None, "state": "pending", "proof": None, "code": None}]}, "steps": [{"now": NOW, "resources": []}]}, err("input", "InvalidParameter.Waiter"))
    state = {"version": 1, "operation": ZEC, "sent": NOW, "seed": 9, "polls": 1, "next": NOW + 10, "targets": [{"id": z[0], "before": None, "seen": True, "status": "REBOOT", "state": "pending", "proof": None, "code": None}]}
    case(f, "wait resume a persisted state", "wait", {"operation": ZEC, "resume": state, "steps": [{"now": NOW + 15, "resources": [zec_item(z[0], "RUNNING")]}], "lang": "en"}, ("wait", [({z[0]: D}, True)]))


# ---------------------------------------------------------------------------------------------
# Batch plans. Intent: request sizes, denied {id: code}, unknown ids, whether requests carry tokens.
# ---------------------------------------------------------------------------------------------
def plan_cases():
    f = "life_plan.json"
    p = lambda name, op, targets, resources, intent, **kw: case(f, f"plan {name}", "plan", {"operation": op, "targets": targets, "resources": resources, "lang": kw.pop("lang", "en"), "now": kw.pop("now", NOW), **kw}, intent)

    def plan(sizes, denied=None, unknown=(), tokens=False, duplicates=()):
        return ("plan", list(sizes), dict(denied or {}), list(unknown), tokens, list(duplicates))

    ids = [str(1760000000000000000 + i) for i in range(251)]
    running = lambda n: [zec_item(i, "RUNNING") for i in ids[:n]]
    for n, sizes in [(1, [1]), (100, [100]), (101, [100, 1]), (250, [100, 100, 50])]:
        p(f"zec {n} ids", ZEC, ids[:n], running(n), plan(sizes))
    p("zec params object with 250 ids", ZEC, {"instanceIds": ids[:250]}, running(250), plan([100, 100, 50]))
    p("zec 250 ids zh", ZEC, ids[:250], running(250), plan([100, 100, 50]), lang="zh")
    mixed = [zec_item(ids[0], "RUNNING"), zec_item(ids[1], "STOPPED"), zec_item(ids[2], "RECYCLE"), zec_item(ids[3], "REBOOT"), zec_item(ids[4], "RUNNING")]
    p("zec mixed", ZEC, ids[:6], mixed, plan([2], {ids[1]: "OPERATION_DENIED_INSTANCE_STATUS", ids[2]: "OPERATION_DENIED_INSTANCE_RECYCLED", ids[3]: "OPERATION_DENIED_INSTANCE_STATUS"}, [ids[5]]))
    p("zec mixed zh", ZEC, ids[:6], mixed, plan([2], {ids[1]: "OPERATION_DENIED_INSTANCE_STATUS", ids[2]: "OPERATION_DENIED_INSTANCE_RECYCLED", ids[3]: "OPERATION_DENIED_INSTANCE_STATUS"}, [ids[5]]), lang="zh")
    p("zec whole describe response", ZEC, ids[:2], {"requestId": "T", "response": {"requestId": "T", "totalCount": 2, "dataSet": running(2)}}, plan([2]))
    p("zec bad id is denied", ZEC, [ids[0], "bad id"], running(1), plan([1], {"bad id": "INVALID_PARAMETER"}))
    p("zec duplicates are planned once", ZEC, [ids[0], ids[1], ids[0], ids[0]], running(2), plan([2], duplicates=[ids[0]]))
    p("zec nothing described", ZEC, ids[:3], None, plan([], unknown=ids[:3]))
    p("zec nothing allowed", ZEC, ids[:1], [zec_item(ids[0], "STOPPED")], plan([], {ids[0]: "OPERATION_DENIED_INSTANCE_STATUS"}))
    e1, e2, e3 = "i-bp1h4adlltjc1d48goaq", "i-bp1h4adlltjc1d48god9", "i-bp1h4adlltjc1d48gzzz"
    ecs_fleet = [ecs_item("Running", iid=e1), {**ecs_item("Running", iid=e2), "OperationLocks": {"LockReason": [{"LockReason": "security"}]}}, ecs_item("Running", iid=EID), ecs_item("Running", iid=EID2)]
    p("ecs one instance per call", ECS, [e1, EID, EID2], ecs_fleet, plan([1, 1, 1]), region="cn-hangzhou")
    p("ecs locked and unknown", ECS, [e1, e2, e3], ecs_fleet, plan([1], {e2: "InstanceLockedForSecurity"}, [e3]), region="cn-hangzhou")
    p("ecs params object with force stop", ECS, {"InstanceId": [e1, EID], "ForceStop": True}, ecs_fleet, plan([1, 1]), region="cn-hangzhou")
    p("ecs one id in params", ECS, {"InstanceId": e1, "DryRun": True}, ecs_fleet, plan([1]), region="cn-hangzhou", lang="zh")
    p("ecs bad id format", ECS, [e1, "i-UPPER"], ecs_fleet, plan([1], {"i-UPPER": "InvalidParameter.InstanceId"}), region="cn-hangzhou")
    p("ecs other endpoint", ECS, [e1], ecs_fleet, plan([1]), endpoint="http://127.0.0.1:8080")
    fleet = json.loads((ROOT / "examples" / "fleet.json").read_text())
    fleet_ecs = [i["InstanceId"] for i in fleet["ecs"]]
    p("fleet ecs", ECS, fleet_ecs, fleet["ecs"], plan([1], {"i-bp1h4adlltjc1d48gob2": "IncorrectInstanceStatus", "i-bp1h4adlltjc1d48goc7": "IncorrectInstanceStatus", "i-bp1h4adlltjc1d48god9": "InstanceLockedForSecurity", "i-bp1h4adlltjc1d48goe1": "InstanceExpiredOrInArrears", "i-bp1h4adlltjc1d48gof4": "InstanceExpiredOrInArrears", "i-bp1h4adlltjc1d48gog8": "IncorrectInstanceStatus"}), region=fleet["region"], now=fleet["now"])
    fleet_zec = [i["instanceId"] for i in fleet["zec"]]
    p("fleet zec", ZEC, fleet_zec, fleet["zec"], plan([2], {"1660545330971680837": "OPERATION_DENIED_INSTANCE_STATUS", "1660545330971680838": "OPERATION_DENIED_INSTANCE_RECYCLED", "1660545330971680839": "OPERATION_DENIED_INSTANCE_STATUS"}), now=fleet["now"])
    p("fleet zec zh", ZEC, fleet_zec, fleet["zec"], plan([2], {"1660545330971680837": "OPERATION_DENIED_INSTANCE_STATUS", "1660545330971680838": "OPERATION_DENIED_INSTANCE_RECYCLED", "1660545330971680839": "OPERATION_DENIED_INSTANCE_STATUS"}), now=fleet["now"], lang="zh")
    sis = [si_item("Deployed"), si_item("Deployed", sid=SID2), si_item("Deploying", sid="si-2c3d4e5f607182930415")]
    p("restart tokens per request", RESTART, {"ServiceInstanceId": [SID, SID2, "si-2c3d4e5f607182930415"], "RegionId": "cn-hangzhou"}, sis, plan([1, 1], {"si-2c3d4e5f607182930415": "IncorrectServiceInstanceStatus"}, tokens=True), scope="deploy-42")
    p("restart tokens other scope", RESTART, {"ServiceInstanceId": [SID, SID2], "RegionId": "cn-hangzhou"}, sis, plan([1, 1], tokens=True), scope="deploy-43")
    p("renew all resources", RENEW, {"ServiceInstanceId": [SID], "RegionId": "cn-hangzhou", "Period": 1}, sis, plan([1], tokens=True), scope="renew-2026-11")
    e = lambda name, op, targets, resources, intent, **kw: p(name, op, targets, resources, intent, **kw)
    e("restart refuses a given token", RESTART, {"ServiceInstanceId": [SID], "RegionId": "cn-hangzhou", "ClientToken": "mine"}, sis, err("validation", "InvalidParameter"))
    e("ecs shared parameter invalid", ECS, {"InstanceId": [e1], "ForceStop": "yes"}, ecs_fleet, err("validation", "InvalidParameter.ForceStop"), region="cn-hangzhou")
    e("ecs needs a region", ECS, [e1], ecs_fleet, err("input", "MissingParameter.Region"))
    e("targets not a list", ZEC, "1760000000000000000", running(1), err("validation", "INVALID_PARAMETER"))
    e("no targets", ZEC, [], running(1), err("validation", "INVALID_PARAMETER"))
    e("target not a string", ZEC, [ids[0], 42], running(1), err("validation", "INVALID_PARAMETER"))
    e("params without the target", ECS, {"ForceStop": True}, ecs_fleet, err("validation", "MissingParameter"), region="cn-hangzhou")
    e("bad resources", ZEC, ids[:1], "RUNNING", err("validation", "INVALID_PARAMETER"))
    e("unknown operation", "zec:StopInstances", ids[:1], running(1), err("input", "UnsupportedOperation"))

    # Responses merged back: intent {id: state} and the retry classes of failed requests.
    m = lambda name, op, targets, resources, responses, intent, **kw: case(f, f"merge {name}", "plan_and_merge", {"operation": op, "targets": targets, "resources": resources, "responses": responses, "lang": kw.pop("lang", "en"), "now": NOW, **kw}, intent)

    def merged(states, retries=()):
        return ("merge", dict(states), list(retries))

    zok = lambda failed=(): {"status": 200, "body": json.dumps({"requestId": "T1", "response": {"requestId": "T1", "instanceIds": list(failed)}}), "headers": {"content-type": "application/json"}}
    m("zec one id failed", ZEC, ids[:3], running(3), [zok([ids[1]])], merged({ids[0]: "accepted", ids[1]: "failed", ids[2]: "accepted"}))
    m("zec 250 ids over three requests", ZEC, ids[:250], running(250), [zok(), {"status": 429, "body": json.dumps({"requestId": "T2", "code": "REQUEST_LIMIT_EXCEEDED", "message": "Request limit exceeded."}), "headers": {"Retry-After": "2"}}, None], merged({**{i: "accepted" for i in ids[:100]}, **{i: "failed" for i in ids[100:200]}, **{i: "not_sent" for i in ids[200:250]}}, [(1, "throttle", True)]))
    m("zec denied and unknown stay", ZEC, ids[:6], mixed, [zok()], merged({ids[0]: "accepted", ids[4]: "accepted", ids[1]: "denied", ids[2]: "denied", ids[3]: "denied", ids[5]: "unknown"}))
    m("zec gateway page", ZEC, ids[:2], running(2), [{"status": 502, "body": "<html><body>Bad gateway</body></html>", "headers": {"content-type": "text/html"}}], merged({ids[0]: "no_answer", ids[1]: "no_answer"}, [(0, "transient", False)]))
    m("zec zh", ZEC, ids[:3], running(3), [zok([ids[2]])], merged({ids[0]: "accepted", ids[1]: "accepted", ids[2]: "failed"}), lang="zh")
    ecs_ok = {"status": 200, "body": json.dumps({"RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"})}
    ecs_500 = {"status": 500, "body": json.dumps({"RequestId": "R2", "Code": "InternalError", "Message": "The request processing has failed due to some unknown error."})}
    m("ecs one ok one internal error", ECS, [e1, EID], ecs_fleet, [ecs_ok, ecs_500], merged({e1: "accepted", EID: "failed"}, [(1, "transient", False)]), region="cn-hangzhou")
    m("ecs no answer", ECS, [e1], ecs_fleet, [{"status": None}], merged({e1: "no_answer"}, [(0, "transient", False)]), region="cn-hangzhou")
    m("ecs dry run passed", ECS, {"InstanceId": [e1], "DryRun": True}, ecs_fleet, [{"status": 400, "body": json.dumps({"RequestId": "R", "Code": "DryRunOperation", "Message": "Request validation has been passed with DryRun flag set."})}], merged({e1: "dry_run_passed"}), region="cn-hangzhou")
    m("ecs forbidden by RAM", ECS, [e1], ecs_fleet, [{"status": 403, "body": json.dumps({"RequestId": "R", "Code": "Forbidden.RAM", "Message": "denied", "AccessDeniedDetail": {"NoPermissionType": "ImplicitDeny", "AuthAction": "ecs:RebootInstance"}})}], merged({e1: "failed"}, [(0, "auth", False)]), region="cn-hangzhou")
    m("ecs throttled with x-acs-retry-after", ECS, [e1], ecs_fleet, [{"status": 400, "body": json.dumps({"RequestId": "R", "Code": "Throttling.User", "Message": "Request was denied due to user flow control."}), "headers": [["x-acs-retry-after", "1200"]]}], merged({e1: "failed"}, [(0, "throttle", True)]), region="cn-hangzhou")
    m("restart no answer with token is safe", RESTART, {"ServiceInstanceId": [SID], "RegionId": "cn-hangzhou"}, sis, [{"status": None}], merged({SID: "no_answer"}, [(0, "transient", True)]), scope="s")
    m("restart idempotent processing", RESTART, {"ServiceInstanceId": [SID, SID2], "RegionId": "cn-hangzhou"}, sis, [{"status": 200, "body": json.dumps({"RequestId": "R1"})}, {"status": 400, "body": json.dumps({"RequestId": "R2", "Code": "IdempotentProcessing", "Message": "The previous idempotent request(s) is still processing."})}], merged({SID: "accepted", SID2: "failed"}, [(1, "state_conflict", True)]), scope="s")
    renew_listed = {"ServiceInstanceId": [SID], "RegionId": "cn-hangzhou", "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 1}, {"ResourceArn": ARN2, "Period": 1}]}
    renew_body = {"RequestId": "R", "RenewalResult": {"TotalCount": 2, "Succeeded": 1, "Failed": 1}, "FailureDetails": [{"ResourceArn": ARN2, "ErrorCode": "InvalidPeriod", "ErrorMessage": "The period is invalid."}]}
    m("renew listed resources one failed", RENEW, renew_listed, sis, [{"status": 200, "body": json.dumps(renew_body)}], merged({SID: "partly_failed"}), scope="s")
    m("renew all resources succeeded", RENEW, {"ServiceInstanceId": [SID], "RegionId": "cn-hangzhou", "Period": 1}, sis, [{"status": 200, "body": json.dumps({"RequestId": "R", "RenewalResult": {"TotalCount": 3, "Succeeded": 3, "Failed": 0}, "FailureDetails": []})}], merged({SID: "accepted"}), scope="s")
    m("renew all resources some failed zh", RENEW, {"ServiceInstanceId": [SID], "RegionId": "cn-hangzhou", "Period": 1}, sis, [{"status": 200, "body": json.dumps({"RequestId": "R", "RenewalResult": {"TotalCount": 3, "Succeeded": 2, "Failed": 1}, "FailureDetails": [{"ResourceArn": ARN1, "ErrorCode": "InvalidPeriod", "ErrorMessage": "x"}]})}], merged({SID: "partly_failed"}), scope="s", lang="zh")
    m("wrong number of responses", ZEC, ids[:2], running(2), [], err("input", "InvalidParameter.Responses"))
    m("responses not a list", ZEC, ids[:2], running(2), {"status": 200}, err("input", "InvalidParameter.Responses"))
    m("response status not a number", ZEC, ids[:2], running(2), [{"status": "200", "body": "{}"}], err("input", "InvalidParameter.Responses"))


# ---------------------------------------------------------------------------------------------

DESCRIPTIONS = {
    "life_classify.json": "Retry classes of every code in every error table (and the fallback rules), retry advice with idempotency and Retry-After, and Alibaba's AccessDeniedDetail in the RAM evaluator's shape.",
    "life_token.json": "ClientTokens: the same logical request in the same scope gives the same token; any change gives another.",
    "life_wait.json": "Waiters over time: a target status counts only after the operation was seen acting; missing ids are unknown; failures and the maximum wait; persist and resume.",
    "life_plan.json": "Batch plans split to the provider's limit (ZEC 100, one resource per call otherwise), with denied and unknown ids, and the responses merged back per id.",
}


def build_all():
    classify_cases()
    token_cases()
    wait_cases()
    plan_cases()


def write():
    build_all()
    for name, cases in FILES.items():
        path = HERE / name
        old = {}
        if path.exists():
            old = {c["name"]: c.get("expect") for c in json.loads(path.read_text())["cases"]}
        for c in cases:
            if old.get(c["name"]) is not None:
                c["expect"] = old[c["name"]]
        path.write_text(json.dumps({"description": DESCRIPTIONS[name], "cases": cases}, ensure_ascii=False, indent=2) + "\n")
        print(f"{name}: {len(cases)} cases")
    print(f"total: {sum(len(c) for c in FILES.values())} cases")


def codes(report):
    return sorted(e["code"] for e in report["errors"])


def check_case(intent, got, c):
    kind = intent[0]
    if kind == "error":
        if "error" not in got or got["error"]["kind"] != intent[1] or codes(got["error"]) != intent[2]:
            return f"wanted {intent[1]} {intent[2]}, got {json.dumps(got)[:300]}"
        return None
    if "ok" not in got:
        return f"wanted ok, got {json.dumps(got)[:300]}"
    ok = got["ok"]
    if kind == "class":
        if (ok["class"], ok["source"]) != (intent[1], intent[2]):
            return f"wanted {intent[1]} from {intent[2]}, got {ok['class']} from {ok['source']}"
        retryable_delay = intent[1] in ("throttle", "transient", "state_conflict")
        if (ok["recommended_delay_ms"] is not None) != retryable_delay:
            return f"a {intent[1]} code must {'' if retryable_delay else 'not '}recommend a delay: {ok['recommended_delay_ms']}"
        if c["args"]["code"] in ("IdempotentProcessing", "LastTokenProcessing") and c["args"]["operation"] != ECS and ok["token"] != "keep":
            return "keep the token while the first request is processing"
        if c["args"]["code"] == "IdempotentFailed" and c["args"]["operation"] != ECS and ok["token"] != "new":
            return "IdempotentFailed needs a new token"
    elif kind == "advice":
        wanted = dict(zip(["class", "safe_to_retry", "action", "retry_after_ms", "retry_after_source"], intent[1:]))
        seen = {k: ok[k] for k in wanted}
        if seen != wanted:
            return f"wanted {wanted}, got {seen}"
    elif kind == "denied":
        wanted = dict(zip(["decision", "action", "resource", "policy_type"], intent[1:]))
        seen = {k: ok[k] for k in wanted}
        if seen != wanted or ok["source"] != "provider":
            return f"wanted {wanted}, got {seen}"
        words = {"implicit_deny": ("Implicit deny", "隐式拒绝"), "explicit_deny": ("Explicit deny", "显式拒绝")}.get(intent[1])
        if words and not ok["reason"].startswith(words[1 if c["args"]["lang"] == "zh" else 0]):
            return f"reason should start with {words}: {ok['reason']}"
    elif kind == "token":
        token = ok["token"]
        if not (1 <= len(token) <= 64 and all(0x21 <= ord(ch) <= 0x7E for ch in token)):
            return f"{token!r} is not within the ClientToken format"
        if ok["param"] != "ClientToken" or ok["scope"] != c["args"]["scope"]:
            return f"wrong param or scope: {ok}"
    elif kind == "wait":
        steps = intent[1]
        if len(ok) != len(steps):
            return f"wanted {len(steps)} reports, got {len(ok)}"
        op = c["args"]["operation"]
        for index, (report, (states, done)) in enumerate(zip(ok, steps)):
            seen = {t["id"]: t["state"] for t in report["targets"]}
            if seen != states or report["done"] != done:
                return f"step {index}: wanted {states} done={done}, got {seen} done={report['done']}"
            for t in report["targets"]:
                if t["state"] == "done" and op != RENEW and not t["transition_seen"] and t["proof"] != "settle_time":
                    return f"step {index}: {t['id']} done without evidence"
                if t["state"] == "failed" and not t["error"]:
                    return f"step {index}: {t['id']} failed without a code"
            if done != (report["next_poll_after_seconds"] is None):
                return f"step {index}: a waiting batch needs a next poll, a done one none"
            if not done:
                low, high = report["next_poll_window"]
                if not (1 <= low <= report["next_poll_after_seconds"] <= high <= 36):
                    return f"step {index}: next poll {report['next_poll_after_seconds']} outside {low}-{high}"
    elif kind == "plan":
        sizes, denied, unknown, tokens, duplicates = intent[1:]
        seen_sizes = [len(r["ids"]) for r in ok["requests"]]
        if seen_sizes != sizes:
            return f"wanted request sizes {sizes}, got {seen_sizes}"
        if {d["id"]: d["error"]["code"] for d in ok["denied"]} != denied:
            return f"wanted denied {denied}, got {[(d['id'], d['error']['code']) for d in ok['denied']]}"
        if [u["id"] for u in ok["unknown"]] != unknown:
            return f"wanted unknown {unknown}, got {ok['unknown']}"
        if ok["duplicates"] != duplicates:
            return f"wanted duplicates {duplicates}, got {ok['duplicates']}"
        for r in ok["requests"]:
            if (r["token"] is not None) != tokens or (tokens and r["params"].get("ClientToken") != r["token"]):
                return f"request {r['index']}: token {r['token']} (wanted {'one' if tokens else 'none'})"
            limit = 100 if c["args"]["operation"] == ZEC else 1
            if len(r["ids"]) > limit:
                return f"request {r['index']} exceeds the provider limit"
        planned = [i for r in ok["requests"] for i in r["ids"]]
        if planned != ok["allowed_ids"] or set(planned) & (set(denied) | set(unknown)):
            return "planned ids must be exactly the allowed ones"
        if tokens and len({r["token"] for r in ok["requests"]}) != len(ok["requests"]):
            return "each request needs its own token"
    elif kind == "merge":
        states, retries = intent[1:]
        seen = {o["id"]: o["state"] for o in ok["outcomes"]}
        if seen != states:
            diff = {k: (states.get(k), seen.get(k)) for k in set(states) | set(seen) if states.get(k) != seen.get(k)}
            return f"states differ: {dict(list(diff.items())[:5])}"
        seen_retries = [(r["index"], r["advice"]["class"], r["advice"]["safe_to_retry"]) for r in ok["retries"]]
        if seen_retries != [tuple(r) for r in retries]:
            return f"wanted retries {retries}, got {seen_retries}"
        if sorted(ok["accepted_ids"]) != sorted(i for i, s in states.items() if s in ("accepted", "partly_failed")):
            return "accepted_ids must list the accepted ids"
    return None


def check():
    build_all()
    problems = []
    total = 0
    tokens = {}
    for name in FILES:
        cases = json.loads((HERE / name).read_text())["cases"]
        if [c["name"] for c in cases] != [c["name"] for c in FILES[name]]:
            problems.append(f"{name}: cases differ from the generator; run write")
        for c in cases:
            total += 1
            intent = INTENTS[(name, c["name"])]
            got = c.get("expect")
            where = f"{name}: {c['name']}"
            if got is None:
                problems.append(f"{where}: not blessed")
                continue
            problem = check_case(intent, got, c)
            if problem:
                problems.append(f"{where}: {problem}")
            elif intent[0] == "token":
                tokens.setdefault(intent[1], set()).add(got["ok"]["token"])
    # Token groups: one token per group, and no two groups share one.
    for group, seen in tokens.items():
        if len(seen) != 1:
            problems.append(f"token group {group}: {len(seen)} different tokens")
    flat = [t for seen in tokens.values() for t in seen]
    if len(flat) != len(set(flat)):
        problems.append("two token groups share a token")
    print(f"{total} cases checked, {len(problems)} problems")
    for p in problems:
        print(" -", p)
    sys.exit(1 if problems or total < 150 else 0)


if __name__ == "__main__":
    {"write": write, "check": check}[sys.argv[1] if len(sys.argv) > 1 else "write"]()

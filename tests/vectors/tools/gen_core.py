#!/usr/bin/env python3
"""Writes tests/vectors/core_*.json and checks blessed answers against each case's intent.

Usage (development only; `make test` never runs this):
    python3 tests/vectors/tools/gen_core.py write    # (re)create cases, keeping no answers
    OPGATE_BLESS=core_ cargo test --test vectors     # fill in `expect` from the implementation
    python3 tests/vectors/tools/gen_core.py check    # every answer must match the stated intent

The intent (ok / error kind + codes / per-resource decision and code) is written by hand here,
so a blessed answer that contradicts the domain rules is caught rather than frozen.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
FILES = {}
INTENTS = {}


def case(file, name, call, args, intent):
    FILES.setdefault(file, []).append({"name": name, "call": call, "args": args})
    INTENTS[(file, name)] = intent


def ok():
    return ("ok",)


def err(kind, *codes):
    return ("error", kind, list(codes))


def verdict(**decisions):
    """decisions: id -> 'allow' | 'dry_run' | error code (deny)."""
    return ("verdict", decisions)


ECS = "ecs:RebootInstance"
RESTART = "computenestsupplier:RestartServiceInstance"
RENEW = "computenest:RenewServiceInstanceResources"
ZEC = "zec:RebootInstances"
EID = "i-bp67acfmxazb4ph1abcd"
SID = "si-d6ab3a63ccbb4b17a0f1"
ARN1 = "acs:ecs:cn-hangzhou:1488317743351199:instance/i-j6c6f3lbky38o8rpeqw2"
ARN2 = "acs:ecs:cn-hangzhou:1488317743351199:disk/d-bp1ia5x4mtx4hqvqhu5v"
NOW = 1795000000  # 2026-11-18T11:06:40Z
RESTART_META = json.dumps({"StatusOperationConfigs": [{"TemplateName": "Standard", "SupportOperations": ["Start", "Stop", "Restart"]}]})
STARTSTOP_META = json.dumps({"StatusOperationConfigs": [{"TemplateName": "Standard", "SupportOperations": ["Start", "Stop"]}]})


def ecs_item(status="Running", iid=EID, locks=None, **extra):
    item = {"InstanceId": iid, "Status": status, "InstanceChargeType": "PostPaid", "ExpiredTime": "2099-12-31T15:59Z", "OperationLocks": {"LockReason": locks or []}}
    item.update(extra)
    return item


def si_item(status="Deployed", sid=SID, meta=RESTART_META, template="Standard"):
    item = {"ServiceInstanceId": sid, "Status": status, "Service": {"ServiceId": "service-0e6fca6a51a54420b3c5", "OperationMetadata": meta}}
    if template is not None:
        item["TemplateName"] = template
    if meta is None:
        del item["Service"]
    return item


def zec_item(iid, status):
    return {"instanceId": iid, "instanceStatus": status, "instanceName": f"node-{iid[-3:]}"}


def validate_cases():
    f = "core_validate.json"
    v = lambda name, op, params, intent, **opts: case(f, name, "validate", {"operation": op, "params": params, "lang": opts.pop("lang", "en"), **opts}, intent)
    # ECS RebootInstance
    v("ecs minimal", ECS, {"InstanceId": EID}, ok())
    v("ecs force stop", ECS, {"InstanceId": EID, "ForceStop": True}, ok())
    v("ecs dry run", ECS, {"InstanceId": EID, "DryRun": True, "ForceStop": False}, ok())
    v("ecs null optional is absent", ECS, {"InstanceId": EID, "ForceStop": None}, ok())
    v("ecs missing id", ECS, {}, err("validation", "MissingParameter"))
    v("ecs missing id zh", ECS, {}, err("validation", "MissingParameter"), lang="zh")
    v("ecs null id", ECS, {"InstanceId": None}, err("validation", "MissingParameter"))
    v("ecs id wrong type", ECS, {"InstanceId": 12345}, err("validation", "InvalidParameter.InstanceId"))
    v("ecs id uppercase", ECS, {"InstanceId": "i-BP67ACFMXAZB4PH1ABCD"}, err("validation", "InvalidParameter.InstanceId"))
    v("ecs id too short", ECS, {"InstanceId": "i-abc"}, err("validation", "InvalidParameter.InstanceId"))
    v("ecs id no prefix", ECS, {"InstanceId": "bp67acfmxazb4ph1abcd"}, err("validation", "InvalidParameter.InstanceId"))
    v("ecs id masked example", ECS, {"InstanceId": "i-bp67acfmxazb4ph****"}, err("validation", "InvalidParameter.InstanceId"))
    v("ecs id huge string", ECS, {"InstanceId": "i-" + "a" * 20000}, err("validation", "InvalidParameter.InstanceId"))
    v("ecs id unicode", ECS, {"InstanceId": "i-实例实例实例实例实例"}, err("validation", "InvalidParameter.InstanceId"))
    v("ecs force stop as string", ECS, {"InstanceId": EID, "ForceStop": "true"}, err("validation", "InvalidParameter.ForceStop"))
    v("ecs dry run as number", ECS, {"InstanceId": EID, "DryRun": 1}, err("validation", "InvalidParameter.DryRun"))
    v("ecs unknown parameter", ECS, {"InstanceId": EID, "instanceid": EID}, err("validation", "InvalidParameter"))
    v("ecs region is not a parameter", ECS, {"InstanceId": EID, "RegionId": "cn-hangzhou"}, err("validation", "InvalidParameter"))
    v("ecs every violation at once", ECS, {"InstanceId": 5, "ForceStop": "yes", "DryRun": [], "Extra": 1}, err("validation", "InvalidParameter", "InvalidParameter.DryRun", "InvalidParameter.ForceStop", "InvalidParameter.InstanceId"))
    v("ecs every violation at once zh", ECS, {"InstanceId": 5, "ForceStop": "yes"}, err("validation", "InvalidParameter.ForceStop", "InvalidParameter.InstanceId"), lang="zh")
    v("ecs params is a list", ECS, [EID], err("validation", "InvalidParameter"))
    v("ecs params is a string", ECS, EID, err("validation", "InvalidParameter"))
    v("ecs params is null", ECS, None, err("validation", "InvalidParameter"))
    deep = EID
    for _ in range(100):
        deep = [deep]
    v("ecs deeply nested id", ECS, {"InstanceId": deep}, err("validation", "InvalidParameter.InstanceId"))
    v("ecs nested object id", ECS, {"InstanceId": {"id": EID}}, err("validation", "InvalidParameter.InstanceId"))
    # Compute Nest supplier RestartServiceInstance
    v("restart full", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID, "ClientToken": "123e4567-e89b-12d3-a456-426655440000"}, ok())
    v("restart without token", RESTART, {"RegionId": "ap-southeast-1", "ServiceInstanceId": SID}, ok())
    v("restart missing everything", RESTART, {}, err("validation", "MissingParameter", "MissingParameter"))
    v("restart token non ascii", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID, "ClientToken": "令牌-123"}, err("validation", "InvalidParameter.ClientToken"))
    v("restart token 64 chars", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID, "ClientToken": "t" * 64}, ok())
    v("restart token 65 chars", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID, "ClientToken": "t" * 65}, err("validation", "InvalidParameter.ClientToken"))
    v("restart token empty", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID, "ClientToken": ""}, err("validation", "InvalidParameter.ClientToken"))
    v("restart token with space", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID, "ClientToken": "a b"}, err("validation", "InvalidParameter.ClientToken"))
    v("restart token is case sensitive ascii", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID, "ClientToken": "TF-RestartServiceInstance-1700000000-AbC"}, ok())
    v("restart region uppercase", RESTART, {"RegionId": "CN-HANGZHOU", "ServiceInstanceId": SID}, err("validation", "InvalidParameter.RegionId"))
    v("restart region single word", RESTART, {"RegionId": "hangzhou", "ServiceInstanceId": SID}, err("validation", "InvalidParameter.RegionId"))
    v("restart service instance id uppercase", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID.upper()}, err("validation", "InvalidParameter.ServiceInstanceId"))
    v("restart service instance id masked", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-d6ab3a63ccbb4b17****"}, err("validation", "InvalidParameter.ServiceInstanceId"))
    v("restart service instance id zh", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-1"}, err("validation", "InvalidParameter.ServiceInstanceId"), lang="zh")
    # Compute Nest RenewServiceInstanceResources
    v("renew all one month by default", RENEW, {"ServiceInstanceId": SID, "Period": 1}, ok())
    v("renew all one year", RENEW, {"ServiceInstanceId": SID, "RegionId": "cn-hangzhou", "Period": 1, "PeriodUnit": "Year", "ClientToken": "renew-2026-11"}, ok())
    v("renew period as whole float", RENEW, {"ServiceInstanceId": SID, "Period": 3.0}, ok())
    v("renew period zero", RENEW, {"ServiceInstanceId": SID, "Period": 0}, err("validation", "InvalidParameter.Period"))
    v("renew period negative", RENEW, {"ServiceInstanceId": SID, "Period": -1}, err("validation", "InvalidParameter.Period"))
    v("renew period fraction", RENEW, {"ServiceInstanceId": SID, "Period": 1.5}, err("validation", "InvalidParameter.Period"))
    v("renew period as string", RENEW, {"ServiceInstanceId": SID, "Period": "1"}, err("validation", "InvalidParameter.Period"))
    v("renew period beyond int32", RENEW, {"ServiceInstanceId": SID, "Period": 2147483648}, err("validation", "InvalidParameter.Period"))
    v("renew period beyond u64", RENEW, {"ServiceInstanceId": SID, "Period": 1e30}, err("validation", "InvalidParameter.Period"))
    v("renew period within caller bounds", RENEW, {"ServiceInstanceId": SID, "Period": 36}, ok(), int_bounds=[{"path": "Period", "min": 1, "max": 36}])
    v("renew period beyond caller bounds", RENEW, {"ServiceInstanceId": SID, "Period": 48}, err("validation", "InvalidParameter.Period"), int_bounds=[{"path": "Period", "min": 1, "max": 36}])
    v("renew unit week", RENEW, {"ServiceInstanceId": SID, "Period": 1, "PeriodUnit": "Week"}, err("validation", "InvalidParameter.PeriodUnit"))
    v("renew unit lowercase", RENEW, {"ServiceInstanceId": SID, "Period": 1, "PeriodUnit": "month"}, err("validation", "InvalidParameter.PeriodUnit"))
    v("renew unit alone", RENEW, {"ServiceInstanceId": SID, "PeriodUnit": "Month"}, err("validation", "MissingParameter"))
    v("renew no method", RENEW, {"ServiceInstanceId": SID}, err("validation", "MissingParameter"))
    v("renew no method zh", RENEW, {"ServiceInstanceId": SID}, err("validation", "MissingParameter"), lang="zh")
    v("renew both methods", RENEW, {"ServiceInstanceId": SID, "Period": 1, "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 1}]}, err("validation", "InvalidParameter.ResourcePeriod"))
    v("renew unit with listed resources", RENEW, {"ServiceInstanceId": SID, "PeriodUnit": "Year", "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 1}]}, err("validation", "InvalidParameter.ResourcePeriod"))
    v("renew listed resources", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 1, "PeriodUnit": "Year"}, {"ResourceArn": ARN2, "Period": 2}]}, ok())
    v("renew listed resources wildcard arn", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"ResourceArn": "acs:ecs:*:*:instance/i-j6c6f3lbky38o8rpeqw2", "Period": 1}]}, ok())
    v("renew listed empty", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": []}, err("validation", "InvalidParameter.ResourcePeriod"))
    v("renew listed not a list", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": {"ResourceArn": ARN1, "Period": 1}}, err("validation", "InvalidParameter.ResourcePeriod"))
    v("renew listed item not object", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [ARN1]}, err("validation", "InvalidParameter.ResourcePeriod"))
    v("renew listed item missing fields", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{}]}, err("validation", "MissingParameter", "MissingParameter"))
    v("renew listed bad arn", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"ResourceArn": "arn:acs:ecs:cn-hangzhou:1:instance/i-1", "Period": 1}]}, err("validation", "InvalidParameter.ResourcePeriod.ResourceArn"))
    v("renew listed bad period and unit", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 0, "PeriodUnit": "Day"}]}, err("validation", "InvalidParameter.ResourcePeriod.Period", "InvalidParameter.ResourcePeriod.PeriodUnit"))
    v("renew listed duplicate arn", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 1}, {"ResourceArn": ARN1, "Period": 2}]}, err("validation", "InvalidParameter.ResourcePeriod"))
    v("renew listed unknown field", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 1, "Unit": "Month"}]}, err("validation", "InvalidParameter"))
    v("renew listed item bound", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 13}]}, err("validation", "InvalidParameter.ResourcePeriod.Period"), int_bounds=[{"path": "ResourcePeriod.Period", "min": 1, "max": 12}])
    many = [{"ResourceArn": f"acs:ecs:cn-hangzhou:1488317743351199:disk/d-{i:020d}", "Period": 1} for i in range(101)]
    v("renew listed 101 resources", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": many}, err("validation", "InvalidParameter.ResourcePeriod"))
    v("renew missing instance", RENEW, {"Period": 1}, err("validation", "MissingParameter"))
    # ZEC RebootInstances
    ids = [str(1660545330971680835 + i) for i in range(101)]
    v("zec one id", ZEC, {"instanceIds": ids[:1]}, ok())
    v("zec 100 ids", ZEC, {"instanceIds": ids[:100]}, ok())
    v("zec 101 ids", ZEC, {"instanceIds": ids}, err("validation", "INVALID_PARAMETER"))
    v("zec no ids", ZEC, {"instanceIds": []}, err("validation", "INVALID_PARAMETER"))
    v("zec missing ids", ZEC, {}, err("validation", "MISSING_PARAMETER"))
    v("zec ids as string", ZEC, {"instanceIds": ids[0]}, err("validation", "INVALID_PARAMETER"))
    v("zec duplicate ids", ZEC, {"instanceIds": [ids[0], ids[1], ids[0]]}, err("validation", "INVALID_PARAMETER"))
    v("zec number id", ZEC, {"instanceIds": [1660545330971680835]}, err("validation", "INVALID_PARAMETER"))
    v("zec id with space", ZEC, {"instanceIds": ["1660 545"]}, err("validation", "INVALID_PARAMETER"))
    v("zec id empty string", ZEC, {"instanceIds": [""]}, err("validation", "INVALID_PARAMETER"))
    v("zec wrong case key", ZEC, {"InstanceIds": ids[:1]}, err("validation", "INVALID_PARAMETER", "MISSING_PARAMETER"))
    v("zec several bad ids zh", ZEC, {"instanceIds": [None, True, "ok-1"]}, err("validation", "INVALID_PARAMETER", "INVALID_PARAMETER"), lang="zh")
    # Call arguments
    v("unknown operation", "ecs:StartInstance", {"InstanceId": EID}, err("input", "UnsupportedOperation"))
    v("unknown operation zh", "ecs:rebootinstance", {}, err("input", "UnsupportedOperation"), lang="zh")
    v("unsupported language", ECS, {"InstanceId": EID}, err("input", "InvalidParameter.Lang"), lang="fr")


def precheck_cases():
    f = "core_precheck.json"
    p = lambda name, op, params, resources, intent, **opts: case(f, name, "precheck", {"operation": op, "params": params, "resources": resources, "lang": opts.pop("lang", "en"), "now": opts.pop("now", NOW), **opts}, intent)
    e = {"InstanceId": EID}
    # ECS: every status
    p("ecs running", ECS, e, [ecs_item("Running")], verdict(**{EID: "allow"}))
    p("ecs running zh", ECS, e, [ecs_item("Running")], verdict(**{EID: "allow"}), lang="zh")
    for status in ["Stopped", "Starting", "Stopping", "Pending"]:
        p(f"ecs {status.lower()}", ECS, e, [ecs_item(status)], verdict(**{EID: "IncorrectInstanceStatus"}))
    p("ecs stopped zh", ECS, e, [ecs_item("Stopped")], verdict(**{EID: "IncorrectInstanceStatus"}), lang="zh")
    p("ecs unknown status", ECS, e, [ecs_item("Hibernated")], verdict(**{EID: "IncorrectInstanceStatus"}))
    p("ecs status wrong case", ECS, e, [ecs_item("running")], verdict(**{EID: "IncorrectInstanceStatus"}))
    # ECS: locks
    p("ecs security lock", ECS, e, [ecs_item(locks=[{"LockReason": "security", "LockMsg": "Suspected cryptomining"}])], verdict(**{EID: "InstanceLockedForSecurity"}))
    p("ecs security lock zh", ECS, e, [ecs_item(locks=[{"LockReason": "security"}])], verdict(**{EID: "InstanceLockedForSecurity"}), lang="zh")
    p("ecs security lock on stopped", ECS, e, [ecs_item("Stopped", locks=[{"LockReason": "security"}])], verdict(**{EID: "InstanceLockedForSecurity"}))
    p("ecs financial lock", ECS, e, [ecs_item("Stopped", locks=[{"LockReason": "financial"}])], verdict(**{EID: "InstanceExpiredOrInArrears"}))
    p("ecs dedicated host financial lock", ECS, e, [ecs_item(locks=[{"LockReason": "dedicatedhostfinancial"}])], verdict(**{EID: "InstanceExpiredOrInArrears"}))
    p("ecs recycling lock", ECS, e, [ecs_item(locks=[{"LockReason": "recycling"}])], verdict(**{EID: "IncorrectInstanceStatus"}))
    p("ecs refunded lock", ECS, e, [ecs_item(locks=[{"LockReason": "refunded"}])], verdict(**{EID: "IncorrectInstanceStatus"}))
    p("ecs unknown lock reason", ECS, e, [ecs_item(locks=[{"LockReason": "dissociated"}])], verdict(**{EID: "IncorrectInstanceStatus"}))
    p("ecs lock as bare string", ECS, e, [ecs_item(locks=["security"])], verdict(**{EID: "InstanceLockedForSecurity"}))
    p("ecs first lock decides", ECS, e, [ecs_item(locks=[{"LockReason": "financial"}, {"LockReason": "security"}])], verdict(**{EID: "InstanceExpiredOrInArrears"}))
    p("ecs empty locks", ECS, e, [ecs_item(locks=[])], verdict(**{EID: "allow"}))
    p("ecs locks missing entirely", ECS, e, [{"InstanceId": EID, "Status": "Running"}], verdict(**{EID: "allow"}))
    # ECS: expiry
    p("ecs prepaid expired", ECS, e, [ecs_item(InstanceChargeType="PrePaid", ExpiredTime="2026-11-01T16:00Z")], verdict(**{EID: "InstanceExpiredOrInArrears"}))
    p("ecs prepaid expired zh", ECS, e, [ecs_item(InstanceChargeType="PrePaid", ExpiredTime="2026-11-01T16:00Z")], verdict(**{EID: "InstanceExpiredOrInArrears"}), lang="zh")
    p("ecs prepaid valid", ECS, e, [ecs_item(InstanceChargeType="PrePaid", ExpiredTime="2027-11-01T16:00Z")], verdict(**{EID: "allow"}))
    p("ecs postpaid past expiry field ignored", ECS, e, [ecs_item(ExpiredTime="2020-01-01T00:00Z")], verdict(**{EID: "allow"}))
    p("ecs prepaid expired but no clock", ECS, e, [ecs_item(InstanceChargeType="PrePaid", ExpiredTime="2026-11-01T16:00Z")], verdict(**{EID: "allow"}), now=None)
    p("ecs prepaid unparsable expiry", ECS, e, [ecs_item(InstanceChargeType="PrePaid", ExpiredTime="soon")], verdict(**{EID: "allow"}))
    # ECS: not found, dry run, shapes
    p("ecs not found", ECS, e, [ecs_item(iid="i-bp67acfmxazb4ph1zzzz")], verdict(**{EID: "InvalidInstanceId.NotFound"}))
    p("ecs not found in empty list", ECS, e, [], verdict(**{EID: "InvalidInstanceId.NotFound"}))
    p("ecs not found zh", ECS, e, [], verdict(**{EID: "InvalidInstanceId.NotFound"}), lang="zh")
    p("ecs dry run passes", ECS, {"InstanceId": EID, "DryRun": True}, [ecs_item()], verdict(**{EID: "dry_run"}))
    p("ecs dry run passes zh", ECS, {"InstanceId": EID, "DryRun": True}, [ecs_item()], verdict(**{EID: "dry_run"}), lang="zh")
    p("ecs dry run still denied", ECS, {"InstanceId": EID, "DryRun": True}, [ecs_item("Stopped")], verdict(**{EID: "IncorrectInstanceStatus"}))
    p("ecs dry run false", ECS, {"InstanceId": EID, "DryRun": False, "ForceStop": True}, [ecs_item()], verdict(**{EID: "allow"}))
    p("ecs whole describe response", ECS, e, {"RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E", "TotalCount": 2, "Instances": {"Instance": [ecs_item(iid="i-bp67acfmxazb4ph1zzzz"), ecs_item()]}}, verdict(**{EID: "allow"}))
    p("ecs single item", ECS, e, ecs_item("Stopping"), verdict(**{EID: "IncorrectInstanceStatus"}))
    p("ecs resources is a string", ECS, e, "i-bp67acfmxazb4ph1abcd", err("validation", "InvalidParameter"))
    p("ecs resources unrecognised object", ECS, e, {"Items": []}, err("validation", "InvalidParameter"))
    p("ecs item missing status", ECS, e, [{"InstanceId": EID}], err("validation", "InvalidParameter"))
    p("ecs item status not string", ECS, e, [{"InstanceId": EID, "Status": 3}], err("validation", "InvalidParameter"))
    p("ecs item not object", ECS, e, [ecs_item(), 42, None], err("validation", "InvalidParameter", "InvalidParameter"))
    p("ecs too many resources", ECS, e, [{}] * 10001, err("validation", "InvalidParameter"))
    p("ecs invalid params", ECS, {"InstanceId": "nope"}, [ecs_item()], err("validation", "InvalidParameter.InstanceId"))
    p("ecs unknown operation", "ecs:RebootInstances", e, [ecs_item()], err("input", "UnsupportedOperation"))
    # Compute Nest restart
    r = {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID}
    p("restart deployed with restart", RESTART, r, [si_item()], verdict(**{SID: "allow"}))
    p("restart deployed with restart zh", RESTART, r, [si_item()], verdict(**{SID: "allow"}), lang="zh")
    p("restart not configured", RESTART, r, [si_item(meta=STARTSTOP_META)], verdict(**{SID: "UnsupportedOperation"}))
    p("restart not configured zh", RESTART, r, [si_item(meta=STARTSTOP_META)], verdict(**{SID: "UnsupportedOperation"}), lang="zh")
    p("restart not configured beats status", RESTART, r, [si_item("Deploying", meta=STARTSTOP_META)], verdict(**{SID: "UnsupportedOperation"}))
    p("restart no operation metadata", RESTART, r, [si_item(meta=None)], verdict(**{SID: "UnsupportedOperation"}))
    p("restart empty operation metadata", RESTART, r, [si_item(meta="")], verdict(**{SID: "UnsupportedOperation"}))
    p("restart metadata not json", RESTART, r, [si_item(meta="{StatusOperationConfigs")], verdict(**{SID: "UnsupportedOperation"}))
    p("restart metadata as object", RESTART, r, [si_item(meta=json.loads(RESTART_META))], verdict(**{SID: "allow"}))
    p("restart other template only", RESTART, r, [si_item(template="Premium")], verdict(**{SID: "UnsupportedOperation"}))
    p("restart no template name uses any", RESTART, r, [si_item(template=None)], verdict(**{SID: "allow"}))
    for status in ["Created", "Deploying", "DeployedFailed", "Upgrading", "Deleting", "Deleted", "DeletedFailed", "Stopped", "StartFailed", "StopFailed"]:
        p(f"restart {status.lower()}", RESTART, r, [si_item(status)], verdict(**{SID: "IncorrectServiceInstanceStatus"}))
    p("restart unknown status", RESTART, r, [si_item("Restarting")], verdict(**{SID: "IncorrectServiceInstanceStatus"}))
    p("restart not found", RESTART, r, [si_item(sid="si-00000000000000000000")], verdict(**{SID: "EntityNotExist.ServiceInstance"}))
    p("restart get service instance body", RESTART, r, si_item(), verdict(**{SID: "allow"}))
    p("restart list response", RESTART, r, {"ServiceInstances": [si_item("Deployed")], "TotalCount": 1}, verdict(**{SID: "allow"}))
    # Compute Nest renew
    n = {"ServiceInstanceId": SID, "Period": 1}
    for status in ["Deployed", "Upgrading", "Stopped", "StartFailed", "StopFailed"]:
        p(f"renew {status.lower()}", RENEW, n, [si_item(status, meta=None)], verdict(**{SID: "allow"}))
    for status in ["Created", "Deploying", "DeployedFailed", "Deleting", "Deleted", "DeletedFailed"]:
        p(f"renew {status.lower()}", RENEW, n, [si_item(status, meta=None)], verdict(**{SID: "IncorrectServiceInstanceStatus"}))
    p("renew listed resources deployed", RENEW, {"ServiceInstanceId": SID, "ResourcePeriod": [{"ResourceArn": ARN1, "Period": 1}]}, [si_item(meta=None)], verdict(**{SID: "allow"}))
    p("renew not found zh", RENEW, n, [], verdict(**{SID: "EntityNotExist.ServiceInstance"}), lang="zh")
    p("renew invalid params", RENEW, {"ServiceInstanceId": SID}, [si_item()], err("validation", "MissingParameter"))
    # ZEC
    ids = [str(1660545330971680835 + i) for i in range(6)]
    fleet = [zec_item(ids[0], "RUNNING"), zec_item(ids[1], "STOPPED"), zec_item(ids[2], "RECYCLE"), zec_item(ids[3], "RECYCLING"), zec_item(ids[4], "REBOOT")]
    p("zec mixed batch", ZEC, {"instanceIds": ids}, fleet, verdict(**{ids[0]: "allow", ids[1]: "OPERATION_DENIED_INSTANCE_STATUS", ids[2]: "OPERATION_DENIED_INSTANCE_RECYCLED", ids[3]: "OPERATION_DENIED_INSTANCE_RECYCLED", ids[4]: "OPERATION_DENIED_INSTANCE_STATUS", ids[5]: "INVALID_INSTANCE_NOT_FOUND"}))
    p("zec mixed batch zh", ZEC, {"instanceIds": ids}, fleet, verdict(**{ids[0]: "allow", ids[1]: "OPERATION_DENIED_INSTANCE_STATUS", ids[2]: "OPERATION_DENIED_INSTANCE_RECYCLED", ids[3]: "OPERATION_DENIED_INSTANCE_RECYCLED", ids[4]: "OPERATION_DENIED_INSTANCE_STATUS", ids[5]: "INVALID_INSTANCE_NOT_FOUND"}), lang="zh")
    for status in ["PENDING", "DEPLOYING", "CREATE_FAILED", "REBUILDING", "REINSTALL_FAILED", "BOOTING", "STOPPING", "RELEASING", "RESIZING"]:
        p(f"zec {status.lower()}", ZEC, {"instanceIds": ids[:1]}, [zec_item(ids[0], status)], verdict(**{ids[0]: "OPERATION_DENIED_INSTANCE_STATUS"}))
    p("zec unknown status", ZEC, {"instanceIds": ids[:1]}, [zec_item(ids[0], "HIBERNATING")], verdict(**{ids[0]: "OPERATION_DENIED_INSTANCE_STATUS"}))
    p("zec describe response", ZEC, {"instanceIds": ids[:2]}, {"requestId": "T0E7B0D3-5A6C-4C1B-9B8E-2D1F3A4B5C6D", "response": {"requestId": "T0E7B0D3-5A6C-4C1B-9B8E-2D1F3A4B5C6D", "totalCount": 2, "dataSet": fleet[:2]}}, verdict(**{ids[0]: "allow", ids[1]: "OPERATION_DENIED_INSTANCE_STATUS"}))
    all_ids = [str(1760000000000000000 + i) for i in range(100)]
    p("zec 100 running", ZEC, {"instanceIds": all_ids}, [zec_item(i, "RUNNING") for i in all_ids], verdict(**{i: "allow" for i in all_ids}))
    p("zec item missing status", ZEC, {"instanceIds": ids[:1]}, [{"instanceId": ids[0]}], err("validation", "INVALID_PARAMETER"))
    p("zec invalid batch", ZEC, {"instanceIds": []}, fleet, err("validation", "INVALID_PARAMETER"))


def check_cases():
    f = "core_check.json"
    c = lambda name, op, params, resources, intent, **opts: case(f, name, "check", {"operation": op, "params": params, "resources": resources, "lang": opts.pop("lang", "en"), "now": NOW}, intent)
    c("check allowed", ECS, {"InstanceId": EID}, [ecs_item()], verdict(**{EID: "allow"}))
    c("check dry run passes", ECS, {"InstanceId": EID, "DryRun": True}, [ecs_item()], verdict(**{EID: "dry_run"}))
    c("check denied single", ECS, {"InstanceId": EID}, [ecs_item("Stopped")], err("denied", "IncorrectInstanceStatus"))
    c("check denied single zh", RESTART, {"RegionId": "cn-hangzhou", "ServiceInstanceId": SID}, [si_item(meta=STARTSTOP_META)], err("denied", "UnsupportedOperation"), lang="zh")
    c("check not found", RENEW, {"ServiceInstanceId": SID, "Period": 1}, [], err("denied", "EntityNotExist.ServiceInstance"))
    ids = [str(1660545330971680835 + i) for i in range(4)]
    zec = [zec_item(ids[0], "RUNNING"), zec_item(ids[1], "STOPPED"), zec_item(ids[2], "RECYCLE")]
    c("check denied batch lists every refused id", ZEC, {"instanceIds": ids}, zec, err("denied", "INVALID_INSTANCE_NOT_FOUND", "OPERATION_DENIED_INSTANCE_RECYCLED", "OPERATION_DENIED_INSTANCE_STATUS"))
    c("check allowed batch", ZEC, {"instanceIds": ids[:1]}, zec, verdict(**{ids[0]: "allow"}))
    c("check invalid params", ZEC, {"instanceIds": ids + ids[:1]}, zec, err("validation", "INVALID_PARAMETER"))


def fleet_cases():
    f = "core_fleet.json"
    fleet = json.loads((HERE.parent.parent / "examples" / "fleet.json").read_text())
    q = lambda name, op, resources, intent, **opts: case(f, name, "precheck_resources", {"operation": op, "resources": resources, "lang": opts.pop("lang", "en"), "now": opts.pop("now", fleet["now"])}, intent)
    ecs_want = {"i-bp1h4adlltjc1d48goaq": "allow", "i-bp1h4adlltjc1d48gob2": "IncorrectInstanceStatus", "i-bp1h4adlltjc1d48goc7": "IncorrectInstanceStatus", "i-bp1h4adlltjc1d48god9": "InstanceLockedForSecurity", "i-bp1h4adlltjc1d48goe1": "InstanceExpiredOrInArrears", "i-bp1h4adlltjc1d48gof4": "InstanceExpiredOrInArrears", "i-bp1h4adlltjc1d48gog8": "IncorrectInstanceStatus"}
    q("fleet ecs reboot", ECS, fleet["ecs"], verdict(**ecs_want))
    q("fleet ecs reboot zh", ECS, fleet["ecs"], verdict(**ecs_want), lang="zh")
    restart_want = {"si-0a1b2c3d4e5f60718293": "allow", "si-1b2c3d4e5f6071829304": "UnsupportedOperation", "si-2c3d4e5f607182930415": "IncorrectServiceInstanceStatus", "si-3d4e5f60718293041526": "IncorrectServiceInstanceStatus", "si-4e5f6071829304152637": "IncorrectServiceInstanceStatus"}
    q("fleet restart", RESTART, fleet["service_instances"], verdict(**restart_want))
    q("fleet restart zh", RESTART, fleet["service_instances"], verdict(**restart_want), lang="zh")
    renew_want = {"si-0a1b2c3d4e5f60718293": "allow", "si-1b2c3d4e5f6071829304": "allow", "si-2c3d4e5f607182930415": "IncorrectServiceInstanceStatus", "si-3d4e5f60718293041526": "allow", "si-4e5f6071829304152637": "IncorrectServiceInstanceStatus"}
    q("fleet renew", RENEW, fleet["service_instances"], verdict(**renew_want))
    zec_want = {"1660545330971680835": "allow", "1660545330971680836": "allow", "1660545330971680837": "OPERATION_DENIED_INSTANCE_STATUS", "1660545330971680838": "OPERATION_DENIED_INSTANCE_RECYCLED", "1660545330971680839": "OPERATION_DENIED_INSTANCE_STATUS"}
    q("fleet zec reboot", ZEC, fleet["zec"], verdict(**zec_want))
    q("fleet zec reboot zh", ZEC, fleet["zec"], verdict(**zec_want), lang="zh")
    q("fleet empty", ECS, [], verdict())
    q("fleet wrong provider shape", ZEC, fleet["ecs"], err("validation", "INVALID_PARAMETER", "INVALID_PARAMETER", "INVALID_PARAMETER", "INVALID_PARAMETER", "INVALID_PARAMETER", "INVALID_PARAMETER", "INVALID_PARAMETER"))


def wait_and_catalog_cases():
    f = "core_wait.json"
    w = lambda name, op, status, state, lang="en": case(f, name, "wait_status", {"operation": op, "status": status, "lang": lang}, ("wait", state))
    # The target status alone is "goal", never "done": right after the call it still reads so.
    for status, state in [("Running", "goal"), ("Starting", "pending"), ("Stopping", "pending"), ("Pending", "pending"), ("Stopped", "failed"), ("Released", "failed")]:
        w(f"ecs {status.lower()}", ECS, status, state)
    w("ecs starting zh", ECS, "Starting", "pending", "zh")
    for status, state in [("Deployed", "goal"), ("Restarting", "pending"), ("DeployedFailed", "failed"), ("Deleted", "failed"), ("Weird", "failed")]:
        w(f"restart {status.lower()}", RESTART, status, state)
    w("renew is synchronous", RENEW, "Deployed", "done")
    for status, state in [("RUNNING", "goal"), ("REBOOT", "pending"), ("BOOTING", "pending"), ("RECYCLE", "failed"), ("STOPPED", "failed"), ("UNKNOWN", "failed")]:
        w(f"zec {status.lower()}", ZEC, status, state)
    w("zec reboot zh", ZEC, "REBOOT", "pending", "zh")
    w("ecs running zh", ECS, "Running", "goal", "zh")
    case(f, "wait unknown operation", "wait_status", {"operation": "zec:StopInstances", "status": "RUNNING", "lang": "en"}, err("input", "UnsupportedOperation"))
    g = "core_catalog.json"
    case(g, "operations en", "operations", {"lang": "en"}, ("operations", 4))
    case(g, "operations zh", "operations", {"lang": "zh"}, ("operations", 4))
    for op in [ECS, RESTART, RENEW, ZEC]:
        case(g, f"operation {op}", "operation", {"operation": op, "lang": "en"}, ok())
    case(g, "operation unknown", "operation", {"operation": "", "lang": "en"}, err("input", "UnsupportedOperation"))


def write():
    validate_cases()
    precheck_cases()
    check_cases()
    fleet_cases()
    wait_and_catalog_cases()
    descriptions = {
        "core_validate.json": "Parameter validation for all four operations: types, formats, enums, bounds, the Renew one-method rule, batch limits, malformed input.",
        "core_precheck.json": "State pre-checks against Describe items: every status, lock reason, expiry, O&M support, not-found, dry run, input shapes.",
        "core_check.json": "check(): a pre-check that turns a refusal into a denied error, one detail per refused target.",
        "core_fleet.json": "Per-resource pre-checks of the bundled sample fleet (examples/fleet.json), as the demo console asks them.",
        "core_wait.json": "Classifying one polled status without memory: the target status of an asynchronous operation is 'goal', never 'done' (only a Waiter, life_wait.json, can tell).",
        "core_catalog.json": "The operation catalog as the bindings expose it.",
    }
    for name, cases in FILES.items():
        path = HERE / name
        old = {}
        if path.exists():
            old = {c["name"]: c.get("expect") for c in json.loads(path.read_text())["cases"]}
        for c in cases:
            if old.get(c["name"]) is not None:
                c["expect"] = old[c["name"]]
        path.write_text(json.dumps({"description": descriptions[name], "cases": cases}, ensure_ascii=False, indent=2) + "\n")
        print(f"{name}: {len(cases)} cases")


def codes(report):
    return sorted(e["code"] for e in report["errors"])


def check():
    validate_cases()
    precheck_cases()
    check_cases()
    fleet_cases()
    wait_and_catalog_cases()
    problems = []
    total = 0
    for name in FILES:
        for c in json.loads((HERE / name).read_text())["cases"]:
            total += 1
            intent = INTENTS[(name, c["name"])]
            got = c.get("expect")
            where = f"{name}: {c['name']}"
            if got is None:
                problems.append(f"{where}: not blessed")
                continue
            kind = intent[0]
            if kind == "ok" and "ok" not in got:
                problems.append(f"{where}: wanted ok, got {got}")
            elif kind == "error":
                if "error" not in got or got["error"]["kind"] != intent[1] or codes(got["error"]) != sorted(intent[2]):
                    problems.append(f"{where}: wanted {intent[1]} {sorted(intent[2])}, got {got}")
            elif kind == "verdict":
                if "ok" not in got:
                    problems.append(f"{where}: wanted a verdict, got {got}")
                    continue
                seen = {o["id"]: (o["decision"] if o["decision"] != "deny" else o["error"]["code"]) for o in got["ok"]["outcomes"]}
                if seen != intent[1]:
                    problems.append(f"{where}: wanted {intent[1]}, got {seen}")
            elif kind == "wait" and got.get("ok", {}).get("state") != intent[1]:
                problems.append(f"{where}: wanted {intent[1]}, got {got}")
            elif kind == "operations" and len(got.get("ok", [])) != intent[1]:
                problems.append(f"{where}: wanted {intent[1]} operations")
    print(f"{total} cases checked, {len(problems)} problems")
    for p in problems:
        print(" -", p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    {"write": write, "check": check}[sys.argv[1] if len(sys.argv) > 1 else "write"]()

"""opgate's own build, sign and parse against the emulator, sent with urllib."""

from __future__ import annotations

import json
from typing import Any

import pytest

import opgate
from opgate.testing import Emulator, send

RUNNING = "i-bp1h4adlltjc1d48goaq"


def call(emulator: Emulator, op: str, params: dict[str, Any], algorithm: str | None = None) -> opgate.ApiResponse:
    credentials = opgate.Credentials(*(emulator.zenlayer_key if op.startswith("zec:") else emulator.alibaba_key))
    region = None if op.startswith("zec:") else "cn-hangzhou"
    request = opgate.build(op, params, endpoint=emulator.url, region=region)
    signed = opgate.sign(request, credentials, algorithm=algorithm)
    status, headers, body = send(signed.request)
    return opgate.parse_response(op, status, body, headers)


def describe(emulator: Emulator, version: str, action: str, query: dict[str, str]) -> Any:
    """A Describe call opgate has no builder for, laid out like its RPC requests and signed by it."""
    host = emulator.endpoint
    request = {
        "method": "POST",
        "scheme": "http",
        "host": host,
        "path": "/",
        "query": list(query.items()),
        "headers": [["host", host], ["x-acs-action", action], ["x-acs-version", version], ["accept", "application/json"]],
        "body": "",
    }
    signed = opgate.sign(request, opgate.Credentials(*emulator.alibaba_key))
    status, _, body = send(signed.request)
    assert status == 200, body
    return json.loads(body)


@pytest.mark.parametrize("algorithm", [None, "HMAC-SHA1"])
def test_precheck_then_build_sign_send_parse(emulator: Emulator, algorithm: str | None) -> None:
    fleet = describe(emulator, "2014-05-26", "DescribeInstances", {"RegionId": "cn-hangzhou", "PageSize": "100"})
    verdict = opgate.precheck("ecs:RebootInstance", {"InstanceId": RUNNING}, fleet, now=emulator.now())
    assert verdict.allowed
    response = call(emulator, "ecs:RebootInstance", {"InstanceId": RUNNING}, algorithm)
    assert response.outcome == "succeeded"
    after = describe(emulator, "2014-05-26", "DescribeInstances", {"RegionId": "cn-hangzhou", "InstanceIds": f'["{RUNNING}"]'})
    status = after["Instances"]["Instance"][0]["Status"]
    assert opgate.wait_status("ecs:RebootInstance", status).state == "pending"
    with pytest.raises(opgate.ApiError) as refused:
        call(emulator, "ecs:RebootInstance", {"InstanceId": RUNNING}, algorithm)
    assert (refused.value.code, refused.value.http_status) == ("IncorrectInstanceStatus", 403)
    # opgate's pre-check on the new Describe answer predicted exactly that refusal.
    again = opgate.precheck("ecs:RebootInstance", {"InstanceId": RUNNING}, after, now=emulator.now())
    assert again.error is not None and again.error.code == "IncorrectInstanceStatus"


def test_dry_run_parses_as_passed(emulator: Emulator) -> None:
    response = call(emulator, "ecs:RebootInstance", {"InstanceId": RUNNING, "DryRun": True})
    assert response.outcome == "dry_run_passed"
    assert response.dry_run is not None and response.dry_run.code == "DryRunOperation"


def test_zec_batch_and_compute_nest_through_opgate(emulator: Emulator) -> None:
    batch = call(emulator, "zec:RebootInstances", {"instanceIds": ["1660545330971680835", "1660545330971680837"]})
    assert batch.outcome == "some_failed"
    assert [f.id for f in batch.failures] == ["1660545330971680837"]
    restart = call(
        emulator,
        "computenestsupplier:RestartServiceInstance",
        {"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-0a1b2c3d4e5f60718293", "ClientToken": "t-1"},
    )
    assert restart.outcome == "succeeded"
    renew = call(emulator, "computenest:RenewServiceInstanceResources", {"ServiceInstanceId": "si-0a1b2c3d4e5f60718293", "Period": 1})
    assert renew.renewal is not None and (renew.renewal.total_count, renew.renewal.succeeded, renew.renewal.failed) == (1, 1, 0)


def test_injected_errors_parse_as_retryable(emulator: Emulator) -> None:
    emulator.inject_fault("error", count=1)
    with pytest.raises(opgate.ApiError) as failed:
        call(emulator, "ecs:RebootInstance", {"InstanceId": RUNNING})
    assert (failed.value.code, failed.value.http_status, failed.value.retryable) == ("InternalError", 500, True)
    assert call(emulator, "ecs:RebootInstance", {"InstanceId": RUNNING}).outcome == "succeeded"

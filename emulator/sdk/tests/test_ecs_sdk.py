"""alibabacloud-ecs20140526 on alibabacloud-tea-openapi, as a user's script would call ECS."""

from __future__ import annotations

import pytest
from alibabacloud_ecs20140526 import models as ecs_models
from alibabacloud_ecs20140526.client import Client as EcsClient
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from alibabacloud_tea_openapi.utils import Utils
from conftest import alibaba_config

from opgate.testing import Emulator

RUNNING = "i-bp1h4adlltjc1d48goaq"
STARTING = "i-bp1h4adlltjc1d48goc7"
LOCKED = "i-bp1h4adlltjc1d48god9"


def ecs(emulator: Emulator, **extra: object) -> EcsClient:
    return EcsClient(alibaba_config(emulator, **extra))


def status(client: EcsClient, instance_id: str) -> str:
    request = ecs_models.DescribeInstancesRequest(region_id="cn-hangzhou", instance_ids=f'["{instance_id}"]')
    instances = client.describe_instances(request).body.instances.instance
    assert len(instances) == 1
    return str(instances[0].status)


def reboot(client: EcsClient, instance_id: str, **fields: object) -> str:
    return str(client.reboot_instance(ecs_models.RebootInstanceRequest(instance_id=instance_id, **fields)).body.request_id)


def refused(call) -> AlibabaCloudException:  # type: ignore[no-untyped-def]
    with pytest.raises(AlibabaCloudException) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("signature", [None, "v2"], ids=["ACS3-HMAC-SHA256", "HMAC-SHA1"])
def test_reboot_shows_starting_then_running_and_a_second_reboot_is_refused(emulator: Emulator, signature: str | None) -> None:
    client = ecs(emulator, signature_algorithm=signature) if signature else ecs(emulator)
    assert len(reboot(client, RUNNING)) == 36
    assert status(client, RUNNING) == "Starting"
    again = refused(lambda: reboot(client, RUNNING))
    assert (again.status_code, again.code) == (403, "IncorrectInstanceStatus")
    assert "does not support this operation" in again.message
    emulator.advance(10)
    assert status(client, RUNNING) == "Running"
    expected = "HMAC-SHA1" if signature else "ACS3-HMAC-SHA256"
    assert {call["signature"] for call in emulator.calls()} == {expected}


def test_an_instance_already_starting_cannot_be_rebooted(emulator: Emulator) -> None:
    client = ecs(emulator)
    assert status(client, STARTING) == "Starting"
    error = refused(lambda: reboot(client, STARTING))
    assert (error.status_code, error.code) == (403, "IncorrectInstanceStatus")


def test_dry_run_answers_dry_run_operation_and_changes_nothing(emulator: Emulator) -> None:
    client = ecs(emulator)
    error = refused(lambda: reboot(client, RUNNING, dry_run=True))
    assert (error.status_code, error.code) == (400, "DryRunOperation")
    assert status(client, RUNNING) == "Running"
    locked = refused(lambda: reboot(client, LOCKED, dry_run=True))
    assert (locked.status_code, locked.code) == (403, "InstanceLockedForSecurity")


def test_describe_filters_by_status_and_pages(emulator: Emulator) -> None:
    client = ecs(emulator)
    body = client.describe_instances(ecs_models.DescribeInstancesRequest(region_id="cn-hangzhou", status="Running", page_size=2)).body
    assert body.total_count == 3
    assert [i.instance_id for i in body.instances.instance] == [RUNNING, LOCKED]
    assert body.instances.instance[1].operation_locks.lock_reason[0].lock_reason == "security"
    missing = refused(lambda: client.describe_instances(ecs_models.DescribeInstancesRequest()))
    assert (missing.status_code, missing.code) == (400, "MissingParameter")


@pytest.mark.parametrize("signature", [None, "v2"], ids=["ACS3-HMAC-SHA256", "HMAC-SHA1"])
def test_a_wrong_secret_or_an_unknown_key_is_refused(emulator: Emulator, signature: str | None) -> None:
    extra = {"signature_algorithm": signature} if signature else {}
    config = alibaba_config(emulator, **extra)
    config.access_key_secret = "not-the-secret"
    error = refused(lambda: reboot(EcsClient(config), RUNNING))
    assert (error.status_code, error.code) == (400, "SignatureDoesNotMatch")
    config = alibaba_config(emulator, **extra)
    config.access_key_id = "LTAI5tNobodyHasThisKey"
    unknown = refused(lambda: reboot(EcsClient(config), RUNNING))
    assert (unknown.status_code, unknown.code) == (404, "InvalidAccessKeyId.NotFound")
    assert emulator.status("ecs", RUNNING) == "Running"


def test_a_reused_nonce_is_refused(emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Utils, "get_nonce", staticmethod(lambda: "0123456789abcdef0123456789abcdef"))
    client = ecs(emulator)
    assert status(client, RUNNING) == "Running"
    error = refused(lambda: status(client, RUNNING))
    assert (error.status_code, error.code) == (400, "SignatureNonceUsed")


def test_an_expired_timestamp_is_refused(emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Utils, "get_timestamp", staticmethod(lambda: "2020-01-01T00:00:00Z"))
    for client in (ecs(emulator), ecs(emulator, signature_algorithm="v2")):
        error = refused(lambda: reboot(client, RUNNING))
        assert (error.status_code, error.code) == (400, "InvalidTimeStamp.Expired")


def test_injected_throttling_and_server_errors_reach_the_sdk(emulator: Emulator) -> None:
    client = ecs(emulator)
    emulator.inject_fault("throttle", action="RebootInstance", count=1)
    throttled = refused(lambda: reboot(client, RUNNING))
    assert (throttled.status_code, throttled.code) == (400, "Throttling.User")
    assert emulator.status("ecs", RUNNING) == "Running"
    reboot(client, RUNNING)
    emulator.inject_fault("error", status=503, action="DescribeInstances", count=1)
    unavailable = refused(lambda: status(client, RUNNING))
    assert (unavailable.status_code, unavailable.code) == (503, "ServiceUnavailable")
    assert status(client, RUNNING) == "Starting"
    faults = [call["faults"] for call in emulator.calls()]
    assert faults == [["throttle"], [], ["error"], []]

"""zenlayercloud-sdk-python's ZEC clients against the emulator."""

from __future__ import annotations

import pytest
from zenlayercloud.common.config import Config
from zenlayercloud.common.credential import Credential
from zenlayercloud.common.excpetion.zenlayer_cloud_sdk_exception import ZenlayerCloudSdkException
from zenlayercloud.zec.v20240401 import models as models_2024
from zenlayercloud.zec.v20240401 import zec_client as zec_2024
from zenlayercloud.zec.v20250901 import models
from zenlayercloud.zec.v20250901 import zec_client

from opgate.testing import Emulator

RUNNING = ["1660545330971680835", "1660545330971680836"]
STOPPED = "1660545330971680837"
RECYCLED = "1660545330971680838"


def zec(emulator: Emulator, password: str | None = None, **config: object) -> zec_client.ZecClient:
    key_id, secret = emulator.zenlayer_key
    return zec_client.ZecClient(Credential(key_id, password or secret), Config(scheme="http", domain=emulator.endpoint, **config))


def reboot(client: zec_client.ZecClient, ids: list[str]) -> list[str]:
    request = models.RebootInstancesRequest()
    request.instanceIds = ids
    return list(client.RebootInstances(request).instanceIds or [])


def statuses(client: zec_client.ZecClient, ids: list[str]) -> list[str]:
    request = models.DescribeInstancesStatusRequest()
    request.instanceIds = ids
    return [item.instanceStatus for item in client.DescribeInstancesStatus(request).dataSet]


def refused(call) -> ZenlayerCloudSdkException:  # type: ignore[no-untyped-def]
    with pytest.raises(ZenlayerCloudSdkException) as caught:
        call()
    return caught.value


def test_reboot_moves_running_to_reboot_then_back(emulator: Emulator) -> None:
    client = zec(emulator)
    assert reboot(client, RUNNING) == []
    assert statuses(client, RUNNING) == ["REBOOT", "REBOOT"]
    request = models.DescribeInstancesRequest()
    request.instanceIds = RUNNING[:1]
    info = client.DescribeInstances(request)
    assert (info.totalCount, info.dataSet[0].status) == (1, "REBOOT")
    emulator.advance(10)
    assert statuses(client, RUNNING) == ["RUNNING", "RUNNING"]


def test_a_batch_lists_the_ids_that_failed(emulator: Emulator) -> None:
    client = zec(emulator)
    assert reboot(client, [RUNNING[0], STOPPED, RECYCLED]) == [STOPPED, RECYCLED]
    assert statuses(client, [RUNNING[0], STOPPED]) == ["REBOOT", "STOPPED"]


def test_a_batch_refused_entirely_is_an_error(emulator: Emulator) -> None:
    client = zec(emulator)
    error = refused(lambda: reboot(client, [RECYCLED]))
    assert error.code == "OPERATION_DENIED_INSTANCE_RECYCLED"
    assert error.request_id.startswith("T")
    assert refused(lambda: reboot(client, [STOPPED])).code == "OPERATION_DENIED_INSTANCE_STATUS"
    assert refused(lambda: reboot(client, [])).code == "INVALID_PARAMETER"


def test_a_wrong_password_is_refused(emulator: Emulator) -> None:
    error = refused(lambda: reboot(zec(emulator, password="not-the-password"), RUNNING))
    assert error.code == "INVALID_SIGNATURE"
    assert emulator.status("zec", RUNNING[0]) == "RUNNING"


def test_the_sdk_retries_through_injected_throttling(emulator: Emulator) -> None:
    emulator.inject_fault("throttle", action="RebootInstances", count=1)
    client = zec(emulator, rate_limit_retry_duration=lambda attempt: 0)
    assert reboot(client, RUNNING[:1]) == []
    calls = [(c["action"], c["status"], c["code"]) for c in emulator.calls()]
    assert calls == [("RebootInstances", 429, "REQUEST_LIMIT_EXCEEDED"), ("RebootInstances", 200, None)]
    emulator.inject_fault("throttle", action="RebootInstances", count=1)
    no_retry = zec(emulator, rate_limit_max_retries=0)
    assert refused(lambda: reboot(no_retry, RUNNING[1:])).code == "REQUEST_LIMIT_EXCEEDED"


def test_the_2024_client_is_answered_too(emulator: Emulator) -> None:
    key_id, secret = emulator.zenlayer_key
    client = zec_2024.ZecClient(Credential(key_id, secret), Config(scheme="http", domain=emulator.endpoint))
    request = models_2024.RebootInstancesRequest()
    request.instanceIds = RUNNING[:1]
    assert not client.RebootInstances(request).instanceIds
    assert [c["version"] for c in emulator.calls()] == ["2024-04-01"]

"""The Compute Nest SDKs: supplier side (2021-05-21) restarts, user side (2021-06-01) renews."""

from __future__ import annotations

from typing import Any

import pytest
from alibabacloud_computenest20210601 import models as user_models
from alibabacloud_computenest20210601.client import Client as UserClient
from alibabacloud_computenestsupplier20210521 import models as supplier_models
from alibabacloud_computenestsupplier20210521.client import Client as SupplierClient
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from conftest import FLEET, alibaba_config

from opgate.testing import Emulator

SHOP_PROD = "si-0a1b2c3d4e5f60718293"
SHOP_STAGING = "si-1b2c3d4e5f6071829304"
ANALYTICS = "si-2c3d4e5f607182930415"
ARNS = [
    "acs:ecs:cn-hangzhou:1488317743351199:instance/i-bp1h4adlltjc1d48goaq",
    "acs:rds:cn-hangzhou:1488317743351199:dbinstance/rm-bp1example",
]


@pytest.fixture
def emulator_fleet() -> dict[str, Any]:
    import json

    fleet: dict[str, Any] = json.loads(FLEET.read_text(encoding="utf-8"))
    fleet["renewable_resources"] = {SHOP_PROD: ARNS}
    return fleet


def refused(call) -> AlibabaCloudException:  # type: ignore[no-untyped-def]
    with pytest.raises(AlibabaCloudException) as caught:
        call()
    return caught.value


def restart(client: SupplierClient, instance_id: str, token: str | None = None) -> str:
    request = supplier_models.RestartServiceInstanceRequest(region_id="cn-hangzhou", service_instance_id=instance_id, client_token=token)
    return str(client.restart_service_instance(request).body.request_id)


def test_supplier_restart_follows_the_specs_guards(emulator: Emulator) -> None:
    client = SupplierClient(alibaba_config(emulator))
    assert restart(client, SHOP_PROD)
    unsupported = refused(lambda: restart(client, SHOP_STAGING))
    assert (unsupported.status_code, unsupported.code) == (400, "UnsupportedOperation")
    deploying = refused(lambda: restart(client, ANALYTICS))
    assert (deploying.status_code, deploying.code) == (403, "IncorrectServiceInstanceStatus")
    absent = refused(lambda: restart(client, "si-ffffffffffffffffffff"))
    assert (absent.status_code, absent.code) == (404, "EntityNotExist.ServiceInstance")


def test_supplier_and_user_side_describe_the_same_service_instances(emulator: Emulator) -> None:
    supplier = SupplierClient(alibaba_config(emulator))
    got = supplier.get_service_instance(supplier_models.GetServiceInstanceRequest(region_id="cn-hangzhou", service_instance_id=SHOP_PROD)).body
    assert (got.service_instance_id, got.status) == (SHOP_PROD, "Deployed")
    user = UserClient(alibaba_config(emulator))
    # The restart pre-check reads Service.OperationMetadata, which only the user-side SDK
    # model carries (the supplier-side GetServiceInstance model has no such field).
    mine = user.get_service_instance(user_models.GetServiceInstanceRequest(region_id="cn-hangzhou", service_instance_id=SHOP_PROD)).body
    assert "Restart" in mine.service.operation_metadata
    assert not hasattr(got.service, "operation_metadata")
    listed = user.list_service_instances(
        user_models.ListServiceInstancesRequest(
            region_id="cn-hangzhou", filter=[user_models.ListServiceInstancesRequestFilter(name="Status", value=["Deployed"])]
        )
    ).body
    assert listed.total_count == 2
    assert [i.service_instance_id for i in listed.service_instances] == [SHOP_PROD, SHOP_STAGING]


def renew(client: UserClient, **fields: Any) -> Any:
    request = user_models.RenewServiceInstanceResourcesRequest(region_id="cn-hangzhou", service_instance_id=SHOP_PROD, **fields)
    return client.renew_service_instance_resources(request).body


def test_client_token_replays_the_first_result_and_refuses_changed_parameters(emulator: Emulator) -> None:
    client = UserClient(alibaba_config(emulator))
    first = renew(client, period=1, period_unit="Month", client_token="renew-1")
    assert (first.renewal_result.total_count, first.renewal_result.succeeded, first.renewal_result.failed) == (2, 2, 0)
    again = renew(client, period=1, period_unit="Month", client_token="renew-1")
    assert again.renewal_result.to_map() == first.renewal_result.to_map()
    state = emulator.state()["collections"]["service_instances"]
    assert next(r for r in state if r["id"] == SHOP_PROD)["renewals"] == 1
    mismatch = refused(lambda: renew(client, period=2, period_unit="Month", client_token="renew-1"))
    assert (mismatch.status_code, mismatch.code) == (400, "IdempotentParameterMismatch")


def test_listed_resources_renew_one_by_one(emulator: Emulator) -> None:
    client = UserClient(alibaba_config(emulator))
    periods = [
        user_models.RenewServiceInstanceResourcesRequestResourcePeriod(resource_arn=ARNS[1], period=1, period_unit="Year"),
        user_models.RenewServiceInstanceResourcesRequestResourcePeriod(resource_arn="acs:rds:cn-hangzhou:1:dbinstance/rm-other", period=1),
    ]
    body = renew(client, resource_period=periods)
    assert (body.renewal_result.total_count, body.renewal_result.succeeded, body.renewal_result.failed) == (2, 1, 1)
    assert [f.error_code for f in body.failure_details] == ["InvalidParameter.ResourceArn"]
    both = refused(lambda: renew(client, period=1, resource_period=periods))
    assert (both.status_code, both.code) == (400, "InvalidParameter.ResourcePeriod")

"""Deterministic Describe items for `make bench`, shaped as the providers return them.

    python3 benches/fixtures.py OUT_DIR          # OUT_DIR/<shape>.json, 10,000 items each
    python3 benches/fixtures.py --sample FILE    # one item of each shape (benches/sample.json)

Every shape is a list of items; the benches take the first 1, 100, 1,000 or 10,000. The field
lists are those of the official SDKs' response models, so an item costs what a real one costs:

- ``ecs_full``: ECS DescribeInstances ``Instances.Instance[]``, every field of
  ``DescribeInstancesResponseBodyInstancesInstance`` in ``alibabacloud_ecs20140526`` 7.11.8
  (nested NetworkInterfaces, Tags, OperationLocks, VpcAttributes, EipAddress, CpuOptions, …),
  valued as in the API reference's sample response
  (https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describeinstances);
- ``ecs_fleet``: the seven fields of ``examples/fleet.json`` (what a console list keeps);
- ``zec``: ZEC DescribeInstances ``dataSet[]``
  (https://docs.console.zenlayer.com/api-reference/zec/instance/describeinstances);
- ``computenest``: Compute Nest 2021-06-01 ListServiceInstances ``ServiceInstances[]``
  (fields of ``ListServiceInstancesResponseBodyServiceInstances``, ``alibabacloud_computenest20210601``);
- ``computenestsupplier``: GetServiceInstance bodies with ``Service.OperationMetadata``, as
  RestartServiceInstance is checked against them.

Values come from the item's index only (no random module), so every run and every language
reads the same bytes. The state mix is a fleet's: mostly running, some stopped or starting, a
few locked for security or in arrears, some prepaid and a few of those expired.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

COUNT = 10_000
NOW = 1_795_000_000  # 2026-11-18T11:06:40Z, the `now` every bench passes
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def mix(index: int, salt: int) -> int:
    """A well-spread 64-bit number from (index, salt): splitmix64."""
    z = (index * 0x9E3779B97F4A7C15 + salt * 0xBF58476D1CE4E5B9 + 0x94D049BB133111EB) % 2**64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % 2**64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % 2**64
    return z ^ (z >> 31)


def base36(number: int, width: int) -> str:
    out = []
    for _ in range(width):
        number, digit = divmod(number, 36)
        out.append(ALPHABET[digit])
    return "".join(out)


def hexid(index: int, salt: int, width: int) -> str:
    return f"{mix(index, salt):016x}{mix(index, salt + 1):016x}"[:width]


def ip(index: int, prefix: str) -> str:
    return f"{prefix}.{(index >> 8) % 256}.{index % 254 + 1}"


def pick(index: int, salt: int, weighted: list[tuple[int, Any]]) -> Any:
    """One of the values, with integer weights."""
    total = sum(weight for weight, _ in weighted)
    roll = mix(index, salt) % total
    for weight, value in weighted:
        if roll < weight:
            return value
        roll -= weight
    return weighted[-1][1]


# ----- ECS -----

ECS_STATUS = [(80, "Running"), (10, "Stopped"), (4, "Starting"), (3, "Stopping"), (3, "Pending")]
ECS_LOCK = [(96, None), (2, ("security", "the instance is locked for security reasons")), (2, ("financial", ""))]


def ecs_id(index: int) -> str:
    return "i-bp1" + base36(mix(index, 1), 17)


def ecs_state(index: int) -> dict[str, Any]:
    status = pick(index, 2, ECS_STATUS)
    lock = pick(index, 3, ECS_LOCK)
    prepaid = mix(index, 4) % 5 == 0
    expired = prepaid and mix(index, 5) % 8 == 0
    if lock is not None:
        status = "Stopped"
    return {
        "status": status,
        "locks": [] if lock is None else [{"LockReason": lock[0], **({"LockMsg": lock[1]} if lock[1] else {})}],
        "charge": "PrePaid" if prepaid else "PostPaid",
        "expires": "2026-01-01T00:00Z" if expired else ("2027-06-30T16:00Z" if prepaid else "2099-12-31T15:59Z"),
    }


def ecs_fleet(index: int) -> dict[str, Any]:
    state = ecs_state(index)
    return {
        "InstanceId": ecs_id(index),
        "InstanceName": f"web-{index:05d}",
        "Status": state["status"],
        "RegionId": "cn-hangzhou",
        "InstanceChargeType": state["charge"],
        "ExpiredTime": state["expires"],
        "OperationLocks": {"LockReason": state["locks"]},
    }


def ecs_full(index: int) -> dict[str, Any]:
    state = ecs_state(index)
    instance_id = ecs_id(index)
    private_ip = ip(index, "172.16")
    zone = pick(index, 6, [(1, "cn-hangzhou-i"), (1, "cn-hangzhou-j"), (1, "cn-hangzhou-k")])
    family, size, cpu, memory = pick(
        index, 7, [(3, ("ecs.g7", "2xlarge", 8, 32768)), (2, ("ecs.c7", "large", 2, 4096)), (1, ("ecs.r7", "4xlarge", 16, 131072))]
    )
    public = mix(index, 8) % 3 == 0
    eip = mix(index, 9) % 4 == 0
    return {
        "AdditionalInfo": {"EnableHighDensityMode": False, "ManagedHostId": "", "NodeSerialNumber": ""},
        "AutoReleaseTime": "",
        "ClockOptions": {"PtpStatus": "disabled"},
        "ClusterId": "",
        "Cpu": cpu,
        "CpuOptions": {
            "CoreCount": max(1, cpu // 2),
            "EnableVISST": False,
            "EnableVRDT": False,
            "NestedVirtualization": False,
            "Numa": "ON",
            "ThreadsPerCore": 2,
            "TopologyType": "DiscreteCoreToHTMapping",
            "TurboMode": "enabled",
        },
        "CreationTime": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}T07:37Z",
        "CreditSpecification": "",
        "DedicatedHostAttribute": {"DedicatedHostClusterId": "", "DedicatedHostId": "", "DedicatedHostName": ""},
        "DedicatedInstanceAttribute": {"Affinity": "default", "Tenancy": "default"},
        "DeletionProtection": mix(index, 10) % 10 == 0,
        "DeploymentSetGroupNo": 0,
        "DeploymentSetId": "",
        "Description": f"web tier node {index}",
        "DeviceAvailable": True,
        "EcsCapacityReservationAttr": {"CapacityReservationId": "", "CapacityReservationPreference": "none"},
        "EipAddress": {
            "AllocationId": f"eip-bp1{base36(mix(index, 11), 17)}" if eip else "",
            "Bandwidth": 5 if eip else 0,
            "InternetChargeType": "PayByTraffic" if eip else "",
            "IpAddress": ip(index, "47.96") if eip else "",
            "IsSupportUnassociate": True,
        },
        "EnableNVS": False,
        "ExpiredTime": state["expires"],
        "GPUAmount": 0,
        "GPUSpec": "",
        "HibernationOptions": {"Configured": False},
        "HostName": f"iZbp1{base36(mix(index, 1), 17)}Z",
        "HpcClusterId": "",
        "ISP": "",
        "ImageId": "aliyun_3_x64_20G_alibase_20250629.vhd",
        "ImageOptions": {"CurrentOSNVMeSupported": True, "LoginAsNonRoot": False},
        "InnerIpAddress": {"IpAddress": []},
        "InstanceChargeType": state["charge"],
        "InstanceId": instance_id,
        "InstanceName": f"web-{index:05d}",
        "InstanceNetworkType": "vpc",
        "InstanceType": f"{family}.{size}",
        "InstanceTypeFamily": family,
        "InternetChargeType": "PayByTraffic",
        "InternetMaxBandwidthIn": 100,
        "InternetMaxBandwidthOut": 5 if public else 0,
        "IoOptimized": True,
        "KeyPairName": "deploy-key",
        "LocalStorageAmount": 0,
        "LocalStorageCapacity": 0,
        "Memory": memory,
        "MetadataOptions": {"HttpEndpoint": "enabled", "HttpPutResponseHopLimit": 1, "HttpTokens": "optional", "InstanceMetadataTags": "disabled"},
        "NetworkInterfaces": {
            "NetworkInterface": [
                {
                    "Ipv4PrefixSets": {"Ipv4PrefixSet": []},
                    "Ipv6PrefixSets": {"Ipv6PrefixSet": []},
                    "Ipv6Sets": {"Ipv6Set": [{"Ipv6Address": f"2408:4321:180:1701:94c7:bc38:3bfa:{index % 65536:x}", "Primary": True}]}
                    if index % 5 == 0
                    else {"Ipv6Set": []},
                    "MacAddress": "00:16:3e:" + ":".join(hexid(index, 12, 6)[i : i + 2] for i in (0, 2, 4)),
                    "NetworkInterfaceId": f"eni-bp1{base36(mix(index, 13), 17)}",
                    "PrimaryIpAddress": private_ip,
                    "PrivateIpSets": {
                        "PrivateIpSet": [
                            {"Primary": True, "PrivateDnsName": f"iZbp1{base36(mix(index, 1), 17)}Z", "PrivateIpAddress": private_ip}
                        ]
                    },
                    "Type": "Primary",
                }
            ]
        },
        "OSName": "Alibaba Cloud Linux  3.2104 LTS 64位",
        "OSNameEn": "Alibaba Cloud Linux  3.2104 LTS 64 bit",
        "OSType": "linux",
        "OperationLocks": {"LockReason": state["locks"]},
        "PrivateDnsNameOptions": {
            "EnableInstanceIdDnsAAAARecord": False,
            "EnableInstanceIdDnsARecord": False,
            "EnableIpDnsARecord": False,
            "EnableIpDnsPtrRecord": False,
            "HostnameType": "Custom",
        },
        "PublicIpAddress": {"IpAddress": [ip(index, "121.40")] if public else []},
        "RdmaIpAddress": {"IpAddress": []},
        "Recyclable": False,
        "RegionId": "cn-hangzhou",
        "ResourceGroupId": "rg-acfmxazb4ph6aiy",
        "SaleCycle": "Month" if state["charge"] == "PrePaid" else "",
        "SecurityGroupIds": {"SecurityGroupId": [f"sg-bp1{base36(mix(index % 40, 14), 17)}"]},
        "SecurityOptions": {"EnableSecureBoot": False},
        "SerialNumber": "-".join((hexid(index, 15, 8), hexid(index, 16, 4), hexid(index, 17, 4), hexid(index, 18, 4), hexid(index, 19, 12))),
        "SpotDuration": 0,
        "SpotInterruptionBehavior": "Terminate",
        "SpotPriceLimit": 0.98,
        "SpotStrategy": "NoSpot",
        "StartTime": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}T08:01Z",
        "Status": state["status"],
        "StoppedMode": "KeepCharging" if state["status"] == "Stopped" else "Not-applicable",
        "Tags": {
            "Tag": [
                {"TagKey": "env", "TagValue": pick(index, 20, [(3, "prod"), (1, "staging")])},
                {"TagKey": "team", "TagValue": f"team-{index % 12}"},
                {"TagKey": "acs:ecs:autoscaling", "TagValue": "false"},
            ]
        },
        "VlanId": "",
        "VpcAttributes": {
            "NatIpAddress": "",
            "PrivateIpAddress": {"IpAddress": [private_ip]},
            "VSwitchId": f"vsw-bp1{base36(mix(index % 8, 21), 17)}",
            "VpcId": "vpc-bp1opxu1zkhn00gzv26cm",
        },
        "ZoneId": zone,
    }


# ----- ZEC -----

ZEC_STATUS = [(82, "RUNNING"), (8, "STOPPED"), (3, "BOOTING"), (3, "REBOOT"), (2, "RECYCLE"), (2, "DEPLOYING")]


def zec(index: int) -> dict[str, Any]:
    instance_id = str(1_660_000_000_000_000_000 + mix(index, 30) % 10**15)
    subnet = f"{1_500_000_000_000_000_000 + index % 16}"
    private_ip = ip(index, "10.130")
    public_ip = ip(index, "128.14")
    group = {"resourceGroupId": "1476143215398711296", "resourceGroupName": "Default Resource Group"}
    return {
        "instanceId": instance_id,
        "instanceName": f"edge-{index:05d}",
        "zoneId": pick(index, 31, [(1, "asia-east-1a"), (1, "asia-southeast-1a"), (1, "na-west-1a")]),
        "instanceType": "z2a.cpu.4",
        "cpu": 4,
        "memory": 8,
        "imageId": "ubuntu_22_04_x64_20G",
        "imageName": "Ubuntu 22.04",
        "instanceStatus": pick(index, 32, ZEC_STATUS),
        "timeZone": "UTC",
        "enableIpForward": False,
        "keyId": "key-7K9AcYWv",
        "securityGroupId": "1521381394542227456",
        "subnetId": subnet,
        "systemDisk": {"diskId": f"disk-{hexid(index, 33, 12)}", "diskSize": 40, "diskCategory": "Standard NVMe SSD"},
        "dataDisks": [{"diskId": f"disk-{hexid(index, 34, 12)}", "diskSize": 100, "diskCategory": "Standard NVMe SSD"}] if index % 3 == 0 else [],
        "nics": [
            {
                "nicId": f"{1_530_000_000_000_000_000 + index}",
                "subnetId": subnet,
                "resourceGroup": group,
                "primaryIpv4": private_ip,
                "primaryIpv6": None,
                "privateIpList": [private_ip],
                "publicIpList": [public_ip],
                "nicSubnetType": "IPv4",
                "securityGroupId": "1521381394542227456",
                "updateTime": "2025-07-16T01:26:39Z",
            }
        ],
        "publicIpList": [public_ip],
        "privateIpList": [private_ip],
        "internetChargeType": "ByBandwidth",
        "createTime": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}T01:26:39Z",
        "expiredTime": None,
        "resourceGroup": group,
        "tags": {"tags": [{"key": "env", "value": "prod"}]},
    }


# ----- Compute Nest -----

NEST_STATUS = [(80, "Deployed"), (6, "Deploying"), (4, "Upgrading"), (4, "DeployedFailed"), (3, "Deleting"), (3, "Created")]


def service_instance_id(index: int) -> str:
    return "si-" + hexid(index, 40, 20)


def service(index: int, metadata: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "ServiceId": f"service-{hexid(index % 20, 41, 20)}",
        "ServiceType": "private",
        "DeployType": "ros",
        "PublishTime": "2025-03-01T02:00:00Z",
        "Status": "Online",
        "SupplierName": "Example Supplier",
        "SupplierUrl": "https://example.com",
        "Version": "3",
        "VersionName": "v3",
        "ServiceInfos": [{"Image": "https://example.com/logo.png", "Locale": "zh-CN", "Name": "Shop", "ShortDescription": "online shop"}],
    }
    if metadata:
        restart = index % 10 != 0  # a tenth of the services offer no Restart operation
        operations = ["Start", "Stop", "Restart"] if restart else ["Start", "Stop"]
        body["OperationMetadata"] = json.dumps(
            {"StatusOperationConfigs": [{"TemplateName": "Standard", "SupportOperations": operations}], "ModifyParametersConfig": []}
        )
        body["DeployMetadata"] = json.dumps({"TemplateConfigs": [{"Name": "Standard", "Url": "oss://templates/standard.yaml"}]})
        body["UpgradeMetadata"] = "{}"
        body["UpgradableServiceVersions"] = []
        body["ServiceDocUrl"] = "https://example.com/docs"
        body["ServiceProductUrl"] = "https://example.com/product"
    else:
        body["Commodity"] = {"SaasBoostMetadata": "", "Type": "Subscription"}
    return body


def service_instance(index: int, supplier: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "BizStatus": "Normal",
        "CreateTime": "2025-05-01T02:00:00Z",
        "EnableInstanceOps": True,
        "EndTime": "2027-05-01T02:00:00Z",
        "GrantedPermission": {"OperationEndTime": "2027-05-01T02:00:00Z", "PolicyNames": "AliyunComputeNestPolicyForReadOnly"},
        "MarketInstanceId": "",
        "Name": f"shop-{index:05d}",
        "OperatedServiceInstanceId": "",
        "OperationEndTime": "",
        "OperationStartTime": "",
        "OrderId": f"{220000000000000 + index}",
        "Outputs": json.dumps({"Endpoint": ip(index, "47.98")}),
        "Parameters": json.dumps({"RegionId": "cn-hangzhou", "InstanceType": "ecs.g7.large", "ZoneId": "cn-hangzhou-i"}),
        "PayType": "Subscription",
        "PolicyNames": "",
        "Progress": 100,
        "ResourceGroupId": "rg-acfmxazb4ph6aiy",
        "Resources": json.dumps([{"StackId": hexid(index, 42, 32), "RegionId": "cn-hangzhou"}]),
        "Service": service(index, supplier),
        "ServiceInstanceId": service_instance_id(index),
        "ServiceType": "private",
        "Source": "User",
        "Status": pick(index, 43, NEST_STATUS),
        "StatusDetail": "deploy successfully",
        "SupportTrialToPrivate": False,
        "Tags": [{"Key": "env", "Value": "prod"}],
        "TemplateName": "Standard",
        "UpdateTime": "2025-05-01T02:10:00Z",
    }
    if supplier:
        item.update(
            {
                "Components": "",
                "EnableUserPrometheus": False,
                "GrafanaDashBoardUrl": "",
                "IsOperated": False,
                "LicenseEndTime": "",
                "NetworkConfig": {"EndpointId": "", "PrivateZoneId": "", "PrivateVpcConnections": [], "ReversePrivateVpcConnections": []},
                "PredefinedParameterName": "",
                "RequestId": "4DB0F536-B3BE-4F0D-BD29-E83FB56D550C",
                "SupplierUid": 1488317743351199,
                "UserId": 1563457855438522,
            }
        )
    return item


SHAPES: dict[str, Callable[[int], dict[str, Any]]] = {
    "ecs_full": ecs_full,
    "ecs_fleet": ecs_fleet,
    "zec": zec,
    "computenest": lambda index: service_instance(index, supplier=False),
    "computenestsupplier": lambda index: service_instance(index, supplier=True),
}


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--sample":
        sample = {"now": NOW, **{name: make(0) for name, make in SHAPES.items()}}
        Path(argv[1]).write_text(json.dumps(sample, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, make in SHAPES.items():
        data = {"now": NOW, "items": [make(index) for index in range(COUNT)]}
        (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

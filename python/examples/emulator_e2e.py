"""End to end over real HTTP, against the local emulator: pre-check, build, sign, send, parse
and wait, for each of the four operations.

    python python/examples/emulator_e2e.py [--fleet examples/fleet.json] [--endpoint http://127.0.0.1:PORT]

Without ``--endpoint`` the script starts the emulator itself with ``opgate.testing`` (the
binary comes from ``OPGATE_EMULATOR`` or ``cargo build -p opgate-emulator``) and stops it at
the end. The emulator's clock is manual, so the wait step advances it by the operation's own
poll interval between polls: the demo shows the spec's timing without sleeping.

Each operation goes through ``plan_step`` (Describe from the emulator, then ``opgate.plan``:
the allowed ids split into requests, each with its ClientToken where the operation takes one,
and the refused ids with the provider's code), ``send_step`` (``opgate.sign`` → urllib →
``opgate.parse_response``) and ``wait_step`` (an ``opgate.Waiter`` fed Describe results until
every id has settled: it does not call a reboot done before it has seen the transition).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import opgate
from opgate.testing import Emulator, send

REGION = "cn-hangzhou"


@dataclass(frozen=True)
class Scenario:
    """One operation on some resources: how to describe them, and the call's parameters."""

    operation: opgate.OperationId
    ids: tuple[str, ...]
    #: Describe for the given ids, answering the whole Describe response.
    describe: Callable[[Emulator, tuple[str, ...]], Any]
    #: The call's parameters, its target parameter holding every id (the plan splits them).
    params: Callable[[tuple[str, ...]], dict[str, Any]]
    #: Where a resource's status sits in the Describe response, for the wait step.
    status_of: Callable[[Any, str], str | None]


def signed_call(emu: Emulator, fields: Mapping[str, object]) -> Any:
    """Signs a request opgate has no builder for (the Describe calls) and sends it."""
    request = opgate.HttpRequest(fields)
    zenlayer = request.header("x-zc-action") is not None
    credentials = opgate.Credentials(*(emu.zenlayer_key if zenlayer else emu.alibaba_key))
    status, _, body = send(opgate.sign(request, credentials).request)
    if status != 200:
        raise RuntimeError(f"Describe failed: HTTP {status}: {body.decode('utf-8', 'replace')}")
    return json.loads(body)


def alibaba_describe(emu: Emulator, version: str, action: str, query: dict[str, str]) -> Any:
    host = emu.endpoint
    return signed_call(
        emu,
        {
            "method": "POST",
            "scheme": "http",
            "host": host,
            "path": "/",
            "query": list(query.items()),
            "headers": [["host", host], ["x-acs-action", action], ["x-acs-version", version], ["accept", "application/json"]],
            "body": "",
        },
    )


def ecs_describe(emu: Emulator, ids: tuple[str, ...]) -> Any:
    return alibaba_describe(emu, "2014-05-26", "DescribeInstances", {"RegionId": REGION, "InstanceIds": json.dumps(list(ids))})


def service_instances_describe(emu: Emulator, ids: tuple[str, ...]) -> Any:
    # GetServiceInstance of the user-side API (2021-06-01) documents Service.OperationMetadata,
    # which the restart pre-check reads.
    return [alibaba_describe(emu, "2021-06-01", "GetServiceInstance", {"RegionId": REGION, "ServiceInstanceId": i}) for i in ids]


def zec_describe(emu: Emulator, ids: tuple[str, ...]) -> Any:
    host = emu.endpoint
    return signed_call(
        emu,
        {
            "method": "POST",
            "scheme": "http",
            "host": host,
            "path": "/api/v2/zec",
            "query": [],
            "headers": [
                ["Host", host],
                ["Content-Type", "application/json"],
                ["X-ZC-Service", "zec"],
                ["X-ZC-Action", "DescribeInstancesStatus"],
                ["X-ZC-Version", "2025-09-01"],
            ],
            "body": json.dumps({"instanceIds": list(ids)}),
        },
    )


def ecs_status(describe: Any, resource_id: str) -> str | None:
    return next((i["Status"] for i in describe["Instances"]["Instance"] if i["InstanceId"] == resource_id), None)


def service_instance_status(describe: Any, resource_id: str) -> str | None:
    return next((i["Status"] for i in describe if i["ServiceInstanceId"] == resource_id), None)


def zec_status(describe: Any, resource_id: str) -> str | None:
    return next((i["instanceStatus"] for i in describe["response"]["dataSet"] if i["instanceId"] == resource_id), None)


def scenarios(fleet: dict[str, Any]) -> list[Scenario]:
    ecs_ids = tuple(i["InstanceId"] for i in fleet.get("ecs", [])[:2])
    si_ids = tuple(i["ServiceInstanceId"] for i in fleet.get("service_instances", [])[:2])
    zec_ids = tuple(i["instanceId"] for i in fleet.get("zec", [])[:3])
    return [
        Scenario("ecs:RebootInstance", ecs_ids, ecs_describe, lambda ids: {"InstanceId": list(ids)}, ecs_status),
        Scenario(
            "computenestsupplier:RestartServiceInstance",
            si_ids,
            service_instances_describe,
            lambda ids: {"RegionId": REGION, "ServiceInstanceId": list(ids)},
            service_instance_status,
        ),
        Scenario(
            "computenest:RenewServiceInstanceResources",
            si_ids[:1],
            service_instances_describe,
            lambda ids: {"ServiceInstanceId": list(ids), "Period": 1, "PeriodUnit": "Month"},
            service_instance_status,
        ),
        Scenario("zec:RebootInstances", zec_ids, zec_describe, lambda ids: {"instanceIds": list(ids)}, zec_status),
    ]


def plan_step(emu: Emulator, scenario: Scenario) -> tuple[opgate.Plan, Any]:
    """Describe from the emulator, then opgate's plan: requests for the allowed ids only."""
    describe = scenario.describe(emu, scenario.ids)
    zenlayer = scenario.operation.startswith("zec:")
    plan = opgate.plan(
        scenario.operation,
        scenario.params(scenario.ids),
        describe,
        scope="emulator-demo",
        endpoint=emu.url,
        region=None if zenlayer else REGION,
        now=emu.now(),
    )
    for request in plan.requests:
        token = f", ClientToken {request.token}" if request.token else ""
        print(f"  plan     request {request.index + 1}: {', '.join(request.ids)}{token}")
    for denied in plan.denied:
        error = denied.error
        print(f"  plan     {denied.id}: deny    {error.http_status} {error.code} — {denied.reason}")
    for unknown in plan.unknown:
        print(f"  plan     {unknown.id}: unknown — {unknown.reason}")
    return plan, describe


def send_step(emu: Emulator, scenario: Scenario, planned: opgate.PlannedRequest) -> opgate.ApiResponse | None:
    """Sign the planned request, send it over HTTP, parse; ``None`` if the provider refused after all."""
    zenlayer = scenario.operation.startswith("zec:")
    signed = opgate.sign(planned.request, opgate.Credentials(*(emu.zenlayer_key if zenlayer else emu.alibaba_key)))
    status, headers, body = send(signed.request)
    print(f"  send     {signed.request.method} {signed.request.url} ({signed.algorithm}) → HTTP {status}")
    try:
        response = opgate.parse_response(scenario.operation, status, body, headers)
    except opgate.ApiError as error:
        print(f"  parse    refused: {error}")
        return None
    failed = ", ".join(f.id for f in response.failures) or "none"
    renewal = response.renewal
    extra = f"; renewed {renewal.succeeded}/{renewal.total_count}" if renewal is not None else ""
    print(f"  parse    {response.outcome}, request id {response.request_id}, failed ids: {failed}{extra}")
    return response


def wait_step(emu: Emulator, scenario: Scenario, ids: tuple[str, ...], before: Any) -> bool:
    """Feeds an ``opgate.Waiter`` Describe results until every id has settled, advancing the
    emulator's clock by the waiter's own delays; returns whether all succeeded."""
    waiter = opgate.Waiter(scenario.operation, ids, sent_at=emu.now(), before=before)
    report = waiter.observe(before, now=emu.now())
    while not report.done:
        delay = report.next_poll_after_seconds or 1
        emu.advance(delay)
        report = waiter.observe(scenario.describe(emu, ids), now=emu.now())
        for target in report.targets:
            print(f"  wait     t+{report.elapsed_seconds:>3}s {target.id}: {target.status or 'absent'} ({target.state}) — {target.reason}")
    verdict = "settled" if report.succeeded else "failed"
    print(f"  wait     {verdict} after {report.polls} poll(s), {report.elapsed_seconds} s of emulator time")
    return report.succeeded


def run(emu: Emulator, fleet: dict[str, Any]) -> bool:
    print(f"opgate end to end against the emulator at {emu.url} (clock {emu.now()}), over real HTTP:")
    print("plan -> sign -> send -> parse -> wait\n")
    ok = True
    for scenario in scenarios(fleet):
        print(f"== {scenario.operation}")
        plan, before = plan_step(emu, scenario)
        if not plan.requests:
            print("  nothing allowed: no request sent\n")
            continue
        for planned in plan.requests:
            response = send_step(emu, scenario, planned)
            ok = response is not None and wait_step(emu, scenario, planned.ids, before) and ok
        print()
    calls = emu.calls()
    print(f"The emulator answered {len(calls)} signed HTTP calls; every request above went over real HTTP to {emu.url}.")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fleet", default="examples/fleet.json", help="fleet file in the style of examples/fleet.json")
    parser.add_argument("--endpoint", help="an emulator already running (http://127.0.0.1:PORT); default: start one")
    args = parser.parse_args()
    fleet = json.loads(Path(args.fleet).read_text(encoding="utf-8"))
    if args.endpoint:
        emulator = Emulator.connect(args.endpoint)
        emulator.load_fleet(fleet)
        return 0 if run(emulator, fleet) else 1
    # Transitions a little longer than the specs' first poll, so the waits show them.
    with Emulator(fleet, config={"transition_seconds": 12}) as emulator:
        return 0 if run(emulator, fleet) else 1


if __name__ == "__main__":
    sys.exit(main())

"""End to end over real HTTP, against the local emulator: pre-check, build, sign, send, parse
and wait, for each of the four operations.

    python python/examples/emulator_e2e.py [--fleet examples/fleet.json] [--endpoint http://127.0.0.1:PORT]

Without ``--endpoint`` the script starts the emulator itself with ``opgate.testing`` (the
binary comes from ``OPGATE_EMULATOR`` or ``cargo build -p opgate-emulator``) and stops it at
the end. The emulator's clock is manual, so the wait step advances it by the operation's own
poll interval between polls: the demo shows the spec's timing without sleeping.

Each operation goes through ``precheck_step`` (Describe from the emulator, then
``opgate.precheck``), ``send_step`` (``opgate.build`` → ``opgate.sign`` → urllib →
``opgate.parse_response``) and ``wait_step`` (poll the Describe call, classify with
``opgate.wait_status``). When opgate gains ``plan`` and a ``Waiter``, they replace
``precheck_step`` and ``wait_step``; ``send_step`` stays as it is.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import opgate
from opgate.testing import Emulator

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
REGION = "cn-hangzhou"


@dataclass(frozen=True)
class Scenario:
    """One operation on some resources: how to describe them, and the call's parameters."""

    operation: str
    ids: tuple[str, ...]
    #: Describe for the given ids, answering the whole Describe response.
    describe: Callable[[Emulator, tuple[str, ...]], Any]
    #: The call's parameters for the allowed ids (one call for a batch, else one per id).
    params: Callable[[tuple[str, ...]], dict[str, Any]]
    #: Where a resource's status sits in the Describe response, for the wait step.
    status_of: Callable[[Any, str], str | None]


def send(request: opgate.HttpRequest) -> tuple[int, list[tuple[str, str]], bytes]:
    prepared = urllib.request.Request(request.url, data=request.content or None, method=request.method)
    for name, value in request.headers:
        prepared.add_header(name, value)
    try:
        with NO_PROXY.open(prepared, timeout=30) as response:
            return response.status, list(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, list(error.headers.items()), error.read()


def signed_call(emu: Emulator, request: dict[str, Any]) -> Any:
    """Signs a request opgate has no builder for (the Describe calls) and sends it."""
    zenlayer = any(name.lower() == "x-zc-action" for name, _ in request["headers"])
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
        Scenario("ecs:RebootInstance", ecs_ids, ecs_describe, lambda ids: {"InstanceId": ids[0]}, ecs_status),
        Scenario(
            "computenestsupplier:RestartServiceInstance",
            si_ids,
            service_instances_describe,
            lambda ids: {"RegionId": REGION, "ServiceInstanceId": ids[0], "ClientToken": f"demo-restart-{uuid.uuid4().hex[:12]}"},
            service_instance_status,
        ),
        Scenario(
            "computenest:RenewServiceInstanceResources",
            si_ids[:1],
            service_instances_describe,
            lambda ids: {"ServiceInstanceId": ids[0], "Period": 1, "PeriodUnit": "Month", "ClientToken": f"demo-renew-{uuid.uuid4().hex[:12]}"},
            service_instance_status,
        ),
        Scenario("zec:RebootInstances", zec_ids, zec_describe, lambda ids: {"instanceIds": list(ids)}, zec_status),
    ]


def precheck_step(emu: Emulator, scenario: Scenario) -> tuple[str, ...]:
    """Describe from the emulator, then opgate's verdict per resource; returns the allowed ids."""
    describe = scenario.describe(emu, scenario.ids)
    op = opgate.operation(scenario.operation)
    target = str(op.target["param"])
    allowed: list[str] = []
    for resource_id in scenario.ids:
        value: Any = [resource_id] if op.target["batch_max"] is not None else resource_id
        params = {**scenario.params((resource_id,)), target: value}
        verdict = opgate.precheck(scenario.operation, params, describe, now=emu.now())
        outcome = verdict.outcomes[0]
        if outcome.error is None:
            allowed.append(resource_id)
            t = outcome.transition
            if t is None:
                path = ""
            elif t.immediate == t.from_ == t.settled:
                path = f"status stays {t.settled}"
            else:
                path = f"{t.from_} → {t.immediate or '…'} → {t.settled}"
            print(f"  precheck {resource_id}: allow   {path}")
        else:
            print(f"  precheck {resource_id}: deny    {outcome.error.http_status} {outcome.error.code} — {outcome.reason}")
    return tuple(allowed)


def send_step(emu: Emulator, scenario: Scenario, ids: tuple[str, ...]) -> opgate.ApiResponse | None:
    """Build, sign, send over HTTP, parse; ``None`` if the provider refused after all."""
    zenlayer = scenario.operation.startswith("zec:")
    request = opgate.build(scenario.operation, scenario.params(ids), endpoint=emu.url, region=None if zenlayer else REGION)
    signed = opgate.sign(request, opgate.Credentials(*(emu.zenlayer_key if zenlayer else emu.alibaba_key)))
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


def wait_step(emu: Emulator, scenario: Scenario, ids: tuple[str, ...]) -> bool:
    """Polls the Describe call until every resource settles, advancing the emulator's clock by
    the operation's own delays; returns whether all reached the goal."""
    wait = opgate.operation(scenario.operation)["wait"]
    if not wait["target"]:
        print("  wait     nothing to wait for: the call is synchronous")
        return True
    waited = int(wait["initial_delay_seconds"])
    emu.advance(waited)
    pending = set(ids)
    polls = 0
    while pending and waited <= int(wait["timeout_seconds"]):
        polls += 1
        describe = scenario.describe(emu, tuple(sorted(pending)))
        for resource_id in sorted(pending):
            status = scenario.status_of(describe, resource_id) or "absent"
            state = opgate.wait_status(scenario.operation, status)
            print(f"  wait     t+{waited:>3}s {resource_id}: {status} ({state.state})")
            if state.state == "failed":
                return False
            if state.state == "done":
                pending.discard(resource_id)
        if pending:
            emu.advance(int(wait["interval_seconds"]))
            waited += int(wait["interval_seconds"])
    print(f"  wait     {'settled' if not pending else 'timed out'} after {polls} poll(s), {waited} s of emulator time")
    return not pending


def run(emu: Emulator, fleet: dict[str, Any]) -> bool:
    print(f"opgate end to end against the emulator at {emu.url} (clock {emu.now()})\n")
    ok = True
    for scenario in scenarios(fleet):
        print(f"== {scenario.operation}")
        allowed = precheck_step(emu, scenario)
        if not allowed:
            print("  nothing allowed: no request sent\n")
            continue
        batch = opgate.operation(scenario.operation).target["batch_max"] is not None
        for ids in [allowed] if batch else [(i,) for i in allowed]:
            response = send_step(emu, scenario, ids)
            ok = response is not None and wait_step(emu, scenario, ids) and ok
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

"""Pre-check a fleet, plan the requests for what may proceed, and wait for them with a Waiter.

    python python/examples/reboot_fleet.py examples/fleet.json [--lang zh] [--sign]

Each Describe list of the fleet file is judged in one call (the GIL is released while the core
works). ``opgate.plan`` splits the allowed ids to the provider's limit (ECS and Compute Nest one
resource per request, ZEC up to 100 ids), with a ClientToken per request where the operation
takes one, and lists the denied and unknown ids with their reasons. With ``--sign`` the
requests are signed with obviously fake demo credentials.

NOTHING IS SENT. After each plan the script SIMULATES what would follow: a provider that
accepts every request, then Describe results that change over time (the status still reads
as before right after the call, then moves through the transition and settles). A Waiter reads
them and says when to poll next; the script advances a simulated clock instead of sleeping.
Every simulated value is printed as such.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable

import opgate

#: (fleet list, operation) pairs, as in the Rust demo.
PLAN: tuple[tuple[str, opgate.OperationId], ...] = (
    ("ecs", "ecs:RebootInstance"),
    ("service_instances", "computenestsupplier:RestartServiceInstance"),
    ("zec", "zec:RebootInstances"),
)

#: SIMULATED status of a target `t` seconds after the send: (until, status) steps. The status
#: first still reads as before the call (so the first poll sees no change and must keep
#: waiting), then shows the transition, then settles. Compute Nest documents no intermediate
#: status; "Restarting" is made up here.
SIMULATED_PATHS: dict[str, tuple[tuple[int, str], ...]] = {
    "ecs:RebootInstance": ((7, "Running"), (14, "Stopping"), (30, "Starting"), (10**9, "Running")),
    "computenestsupplier:RestartServiceInstance": ((7, "Deployed"), (40, "Restarting"), (10**9, "Deployed")),
    "zec:RebootInstances": ((12, "RUNNING"), (30, "REBOOT"), (10**9, "RUNNING")),
}


def show_verdict(verdict: opgate.Verdict) -> None:
    print(f"== {verdict.operation}: {len(verdict.allowed_ids)} of {len(verdict.outcomes)} allowed")
    for outcome in verdict.outcomes:
        if outcome.error is not None:
            answer = f"{outcome.error.http_status} {outcome.error.code}"
        elif outcome.transition is not None:
            t = outcome.transition
            answer = f"{t.from_} → {t.immediate or '…'} → {t.settled}"
        else:
            answer = ""
        print(f"   {outcome.id:<24} {outcome.status or '-':<16} {outcome.decision:<7} {answer:<36} {outcome.reason}")


def show_plan(plan: opgate.Plan, sign: Callable[[opgate.HttpRequest], opgate.SignedRequest] | None) -> None:
    print(f"   plan: {plan.reason}")
    for denial in plan.denied:
        print(f"      denied  {denial.id:<24} {denial.error.code}: {denial.reason}")
    for unknown in plan.unknown:
        print(f"      unknown {unknown.id:<24} {unknown.reason}")
    for planned in plan.requests:
        shown = sign(planned.request).request if sign is not None else planned.request
        token = f"  ClientToken={planned.token}" if planned.token else ""
        print(f"   request {planned.index} for {len(planned.ids)} id(s){token}")
        print(f"      {shown.method} {shown.url}")
        for name, value in shown.headers:
            print(f"         {name}: {value}")
        if shown.body:
            print(f"         {shown.body}")


def simulated_response(op: opgate.Operation, index: int) -> dict[str, Any]:
    """SIMULATED: the provider accepts the request."""
    request_id = f"SIMULATED-{index:04d}"
    if op.provider == "zenlayer":
        body: dict[str, Any] = {"requestId": request_id, "response": {"requestId": request_id, op.target.param: []}}
    else:
        body = {"RequestId": request_id}
    return {"status": 200, "body": json.dumps(body), "headers": {"content-type": "application/json"}}


def simulated_describe(op: opgate.Operation, items: list[dict[str, Any]], ids: tuple[str, ...], elapsed: int) -> list[dict[str, Any]]:
    """SIMULATED: the Describe items of `ids`, `elapsed` seconds after the send."""
    id_field, status_field = op.resource.id_field, op.resource.status_field
    status = next(status for until, status in SIMULATED_PATHS[op.id] if elapsed < until)
    return [{**item, status_field: status} for item in items if item.get(id_field) in ids]


def wait_simulated(op: opgate.Operation, items: list[dict[str, Any]], accepted: tuple[str, ...], sent_at: int, lang: opgate.Lang) -> None:
    waiter = opgate.Waiter(op.id, accepted, sent_at, before=items, lang=lang)
    now = waiter.next_poll_at
    print(f"   waiting for {len(accepted)} target(s) (SIMULATED Describe results; nothing was sent):")
    while True:
        report = waiter.observe(simulated_describe(op, items, accepted, now - sent_at), now, lang=lang)
        states = ", ".join(f"{t.id}={t.state}({t.status})" for t in report.targets)
        print(f"      t+{report.elapsed_seconds:>3}s  {states}")
        if report.done:
            print(f"      {report.reason}")
            break
        assert report.next_poll_at is not None
        print(f"      … the host would sleep {report.next_poll_after_seconds} s (window {report.next_poll_window})")
        now = report.next_poll_at
    print(f"   rule: {report.rule}")
    print(f"   source: {report.source}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fleet", type=Path, nargs="?", default=Path("examples/fleet.json"))
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--sign", action="store_true", help="sign with fake demo credentials")
    args = parser.parse_args(argv)
    lang: opgate.Lang = "zh" if args.lang == "zh" else "en"

    fleet: dict[str, Any] = json.loads(args.fleet.read_text(encoding="utf-8"))
    now = int(fleet.get("now", 0))
    region = str(fleet.get("region", "cn-hangzhou"))
    print(f"opgate {opgate.__version__} demo: {args.fleet} (clock {now}), messages in {args.lang}\n")

    demo_keys = {
        "alibaba": opgate.Credentials("LTAI-demo-key-id", "demo-secret-not-real"),
        "zenlayer": opgate.Credentials("zc-demo-key-id", "demo-password-not-real"),
    }
    for fleet_list, op_id in PLAN:
        op = opgate.operation(op_id, lang=lang)
        items: list[dict[str, Any]] = fleet.get(fleet_list, [])
        id_field = op.resource.id_field
        try:
            verdict = opgate.precheck_resources(op_id, items, now=now, lang=lang)
            show_verdict(verdict)
            targets: dict[str, Any] = {op.target.param: [item[id_field] for item in items]}
            if any(p.name == "RegionId" for p in op.params):
                targets["RegionId"] = region
            plan = opgate.plan(op_id, targets, items, scope="reboot_fleet-demo", region=region if op.provider == "alibaba" else None, now=now, lang=lang)
        except opgate.OpgateError as error:
            print(f"{op_id}: {error}", file=sys.stderr)
            return 1
        keys = demo_keys[op.provider]
        sign = (lambda request: opgate.sign(request, keys, timestamp=now, nonce="demo-nonce")) if args.sign else None
        show_plan(plan, sign)
        if plan.requests:
            responses = [simulated_response(op, planned.index) for planned in plan.requests]
            outcome = opgate.merge_plan(plan, responses, lang=lang)
            print(f"   SIMULATED responses merged: {outcome.reason}")
            wait_simulated(op, items, outcome.accepted_ids, now, lang)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

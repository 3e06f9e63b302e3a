"""Pre-check a fleet, build the requests for what may proceed, and print them.

    python python/examples/reboot_fleet.py examples/fleet.json [--lang zh] [--sign]

Each Describe list of the fleet file is judged in one call (the GIL is released while the core
works); ECS and Compute Nest take one request per resource, ZEC's RebootInstances takes up to
``batch_max`` ids per request. With ``--sign`` the requests are signed with obviously fake
demo credentials, to show the headers a real key would produce.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import opgate

#: (fleet list, operation) pairs, as in the Rust demo.
PLAN = (
    ("ecs", "ecs:RebootInstance"),
    ("service_instances", "computenestsupplier:RestartServiceInstance"),
    ("zec", "zec:RebootInstances"),
)


def requests_for(op: opgate.Operation, verdict: opgate.Verdict, region: str, lang: str) -> list[opgate.HttpRequest]:
    """One request per allowed resource, or batches of ``batch_max`` ids for batch operations."""
    param = str(op.target["param"])
    batch_max = op.target["batch_max"]
    ids = list(verdict.allowed_ids)
    if batch_max is None:
        extra = {"RegionId": region} if any(p["name"] == "RegionId" for p in op.params) else {}
        return [opgate.build(op.id, {param: id_, **extra}, region=region, lang=lang) for id_ in ids]
    size = int(batch_max)
    return [opgate.build(op.id, {param: ids[i : i + size]}, lang=lang) for i in range(0, len(ids), size)]


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


def show_request(request: opgate.HttpRequest, signed: opgate.SignedRequest | None) -> None:
    shown = signed.request if signed is not None else request
    print(f"   {shown.method} {shown.url}")
    for name, value in shown.headers:
        print(f"      {name}: {value}")
    if shown.body:
        print(f"      {shown.body}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fleet", type=Path, nargs="?", default=Path("examples/fleet.json"))
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--sign", action="store_true", help="sign with fake demo credentials")
    args = parser.parse_args(argv)

    fleet: dict[str, Any] = json.loads(args.fleet.read_text(encoding="utf-8"))
    now = fleet.get("now")
    region = str(fleet.get("region", "cn-hangzhou"))
    print(f"opgate {opgate.__version__} demo: {args.fleet} (clock {now}), messages in {args.lang}\n")

    demo_keys = {
        "alibaba": opgate.Credentials("LTAI-demo-key-id", "demo-secret-not-real"),
        "zenlayer": opgate.Credentials("zc-demo-key-id", "demo-password-not-real"),
    }
    for fleet_list, op_id in PLAN:
        op = opgate.operation(op_id, lang=args.lang)
        try:
            verdict = opgate.precheck_resources(op_id, fleet.get(fleet_list, []), now=now, lang=args.lang)
        except opgate.OpgateError as error:
            print(f"{op_id}: {error}", file=sys.stderr)
            return 1
        show_verdict(verdict)
        requests = requests_for(op, verdict, region, args.lang)
        print(f"   -> {len(requests)} request(s) to send:")
        for request in requests:
            signed = opgate.sign(request, demo_keys[op.provider], timestamp=now, nonce="demo-nonce") if args.sign else None
            show_request(request, signed)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""opgate from Python against its references, measured in one process: the official SDKs
(``alibabacloud-ecs20140526`` + ``alibabacloud-tea-openapi``, transport stubbed) for build+sign,
and hand-written loops that give the same outcome shape (id, allowed, code, message) from the
same fields for pre-checks.

    python python/bench/bench.py FIXTURES_DIR [--out FILE] [--quick]

Each row runs opgate and its reference in interleaved rounds (opgate then reference, then the
other way round) and reports the median time of each and the median of the per-round ratios.
Before timing, every loop's answers are compared with opgate's: a loop that disagrees stops
the bench, so the reference can never be cheaper by being wrong. ``bash python/run.sh bench``
runs it in the bench-only venv that has the SDKs; without them the SDK rows are left out.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Final, Optional

import opgate

# Final: each type is the literal, one of opgate.OperationId.
ECS: Final = "ecs:RebootInstance"
ZEC: Final = "zec:RebootInstances"
RENEW: Final = "computenest:RenewServiceInstanceResources"
RESTART: Final = "computenestsupplier:RestartServiceInstance"
SIZES = (1, 100, 1_000, 10_000)

Item = dict[str, Any]
Outcome = dict[str, Any]
Loop = Callable[[list[Item]], list[Outcome]]

# ----- the hand-written loops: what a script would write without opgate -----

ECS_LOCK_CODES = {
    "security": "InstanceLockedForSecurity",
    "financial": "InstanceExpiredOrInArrears",
    "dedicatedhostfinancial": "InstanceExpiredOrInArrears",
    "recycling": "IncorrectInstanceStatus",
    "refunded": "IncorrectInstanceStatus",
}


def ecs_loop(now: int, messages: dict[str, str]) -> Loop:
    def run(items: list[Item]) -> list[Outcome]:
        out: list[Outcome] = []
        for item in items:
            code = None
            locks = item.get("OperationLocks")
            reasons = locks.get("LockReason") if isinstance(locks, dict) else None
            if reasons:
                first = reasons[0]
                reason = str(first.get("LockReason")) if isinstance(first, dict) else str(first)
                code = ECS_LOCK_CODES.get(reason, "IncorrectInstanceStatus")
            elif item.get("InstanceChargeType") == "PrePaid" and datetime.fromisoformat(item["ExpiredTime"]).timestamp() <= now:
                code = "InstanceExpiredOrInArrears"
            elif item.get("Status") != "Running":
                code = "IncorrectInstanceStatus"
            out.append({"id": item["InstanceId"], "allowed": code is None, "code": code, "message": messages.get(code) if code else None})
        return out

    return run


def status_loop(id_field: str, status_field: str, allowed: tuple[str, ...], refused: dict[str, str], other: str, messages: dict[str, str]) -> Loop:
    """For operations whose only guards are on the status (ZEC, Compute Nest renew)."""

    def run(items: list[Item]) -> list[Outcome]:
        out: list[Outcome] = []
        for item in items:
            status = item.get(status_field)
            code = None if status in allowed else refused.get(status, other)  # type: ignore[arg-type]
            out.append({"id": item[id_field], "allowed": code is None, "code": code, "message": messages.get(code) if code else None})
        return out

    return run


def restart_loop(messages: dict[str, str]) -> Loop:
    """RestartServiceInstance: the service must offer Restart (in OperationMetadata, JSON text)."""

    def run(items: list[Item]) -> list[Outcome]:
        out: list[Outcome] = []
        for item in items:
            metadata = json.loads(item["Service"]["OperationMetadata"])
            template = item.get("TemplateName")
            offered = any(
                "Restart" in config.get("SupportOperations", ())
                for config in metadata.get("StatusOperationConfigs", ())
                if template is None or config.get("TemplateName") in (None, template)
            )
            code = None
            if not offered:
                code = "UnsupportedOperation"
            elif item.get("Status") != "Deployed":
                code = "IncorrectServiceInstanceStatus"
            out.append({"id": item["ServiceInstanceId"], "allowed": code is None, "code": code, "message": messages.get(code) if code else None})
        return out

    return run


def outcomes(verdict: opgate.Verdict) -> list[Outcome]:
    return [
        {
            "id": o.id,
            "allowed": o.decision != "deny",
            "code": o.error.code if o.error else None,
            "message": o.error.message if o.error else None,
        }
        for o in verdict.outcomes
    ]


def messages_of(operation: opgate.OperationId, items: list[Item], now: int) -> dict[str, str]:
    """The provider's message per code (a constant table in a hand-written loop), read once
    from opgate's answers so that both sides word them alike."""
    verdict = opgate.precheck_resources(operation, items, now=now)
    return {o.error.code: o.error.message for o in verdict.outcomes if o.error}


# ----- timing -----


def per_call(function: Callable[[], object], inner: int) -> float:
    start = time.perf_counter()
    for _ in range(inner):
        function()
    return (time.perf_counter() - start) / inner


def calibrate(function: Callable[[], object], budget: float) -> int:
    """Calls per batch so that one batch takes about `budget` seconds."""
    function()
    once = per_call(function, 1)
    return max(1, min(100_000, int(budget / max(once, 1e-9))))


class Bench:
    def __init__(self, rounds: int, budget: float) -> None:
        self.rounds = rounds
        self.budget = budget
        self.rows: list[dict[str, Any]] = []

    def compare(
        self,
        key: str,
        path: str,
        reference: str,
        ours: Callable[[], object],
        theirs: Callable[[], object],
        *,
        items: Optional[int] = None,
        limit: Optional[float] = None,
        target: str = "",
        rounds: Optional[int] = None,
    ) -> None:
        rounds = rounds or self.rounds
        inner_ours, inner_theirs = calibrate(ours, self.budget), calibrate(theirs, self.budget)
        times_ours: list[float] = []
        times_theirs: list[float] = []
        ratios: list[float] = []
        for round_ in range(rounds):
            if round_ % 2 == 0:
                a = per_call(ours, inner_ours)
                b = per_call(theirs, inner_theirs)
            else:
                b = per_call(theirs, inner_theirs)
                a = per_call(ours, inner_ours)
            times_ours.append(a)
            times_theirs.append(b)
            ratios.append(a / b)
        row: dict[str, Any] = {
            "key": key,
            "lang": "python",
            "path": path,
            "items": items,
            "opgate_us": statistics.median(times_ours) * 1e6,
            "reference": reference,
            "reference_us": statistics.median(times_theirs) * 1e6,
            "ratio": statistics.median(ratios),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
            "rounds": rounds,
            "target": target,
            "limit": limit,
        }
        row["met"] = None if limit is None else row["ratio"] <= limit
        self.rows.append(row)
        shown = f"{row['ratio']:.2f}x" + ("" if limit is None else ("  ok" if row["met"] else f"  MISSED (≤{limit:g}x)"))
        print(f"  {path:<62} {row['opgate_us']:>11.1f} µs  vs {row['reference_us']:>11.1f} µs  ratio {shown}", flush=True)


def load(fixtures: Path, shape: str) -> tuple[int, list[Item]]:
    data = json.loads((fixtures / f"{shape}.json").read_text(encoding="utf-8"))
    return int(data["now"]), list(data["items"])


def agree(name: str, ours: list[Outcome], theirs: list[Outcome]) -> None:
    if ours != theirs:
        wrong = next(i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b) if len(ours) == len(theirs) else -1
        raise SystemExit(f"bench: the {name} loop disagrees with opgate (item {wrong}): {ours[wrong] if wrong >= 0 else len(ours)} vs {theirs[wrong] if wrong >= 0 else len(theirs)}")


# ----- the SDK references -----


class Sent(BaseException):
    """Raised by the stubbed transport: the SDK has built and signed the request. A
    BaseException, so the SDK's retry loop (`except Exception`) does not swallow it."""

    def __init__(self, request: Any) -> None:
        super().__init__()
        self.request = request


def sdk_reboot(signature_algorithm: Optional[str]) -> Optional[Callable[[], Any]]:
    """`EcsClient.reboot_instance_with_options` up to the transport; None without the SDK."""
    try:
        core = importlib.import_module("darabonba.core")
        config_module = importlib.import_module("alibabacloud_tea_openapi.utils_models")
        client_module = importlib.import_module("alibabacloud_ecs20140526.client")
        models = importlib.import_module("alibabacloud_ecs20140526.models")
        runtime_module = importlib.import_module("darabonba.runtime")
    except ImportError:
        return None

    def transport(request: Any, runtime: Any = None) -> Any:
        raise Sent(request)

    core.DaraCore.do_action = staticmethod(transport)
    config = config_module.Config(
        access_key_id="LTAI5tBenchKeyId", access_key_secret="bench-secret", region_id="cn-hangzhou", signature_algorithm=signature_algorithm
    )
    client = client_module.Client(config)

    def call() -> Any:
        try:
            client.reboot_instance_with_options(models.RebootInstanceRequest(instance_id=INSTANCE_ID), runtime_module.RuntimeOptions())
        except Sent as sent:
            return sent.request
        raise SystemExit("bench: the stubbed SDK transport was not reached")

    return call


INSTANCE_ID = "i-bp1h4adlltjc1d48goaq"


def build_and_sign(params: dict[str, Any], credentials: opgate.Credentials, algorithm: Optional[opgate.SignatureAlgorithm]) -> opgate.SignedRequest:
    """What a script does before it sends: build the request, then sign it."""
    return opgate.sign(opgate.build(ECS, params, region="cn-hangzhou"), credentials, algorithm=algorithm)


def builder_build_and_sign(
    builder: opgate.RequestBuilder, params: dict[str, Any], credentials: opgate.Credentials, algorithm: Optional[opgate.SignatureAlgorithm]
) -> opgate.SignedRequest:
    """The same, for a script that builds many requests: the operation and region read once."""
    return opgate.sign(builder.build(params), credentials, algorithm=algorithm)


def sdk_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("alibabacloud-ecs20140526", "alibabacloud-tea-openapi", "darabonba-core"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            pass
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("--out", type=Path, help="write the rows as JSON here")
    parser.add_argument("--quick", action="store_true", help="fewer rounds, shorter batches")
    args = parser.parse_args(argv)
    bench = Bench(rounds=5 if args.quick else 11, budget=0.01 if args.quick else 0.03)
    sdk = sdk_versions()
    print(f"# opgate {opgate.__version__}, Python {platform.python_version()}; SDKs: {sdk or 'not installed'}", flush=True)

    print("# pre-checks: opgate.precheck_resources vs a hand-written loop, same outcome shape", flush=True)
    now, fleet = load(args.fixtures, "ecs_fleet")
    _, full = load(args.fixtures, "ecs_full")
    ecs = ecs_loop(now, messages_of(ECS, full, now))
    for name, items in (("fleet", fleet), ("full", full)):
        agree(f"ECS {name}", outcomes(opgate.precheck_resources(ECS, items, now=now)), ecs(items))
    label = {"fleet": "ECS items (fleet shape)", "full": "full-shaped ECS items"}
    for name, items in (("fleet", fleet), ("full", full)):
        for size in SIZES:
            chunk = items[:size]
            bench.compare(
                f"py-precheck-ecs-{name}-{size}",
                f"precheck_resources, {size:,} {label[name]}",
                "plain Python loop, same outcome shape",
                functools.partial(opgate.precheck_resources, ECS, chunk, now=now),
                functools.partial(ecs, chunk),
                items=size,
                limit=3.0 if size == 1_000 else None,
                target="≤3× the loop" if size == 1_000 else "",
                rounds=None if size == 1_000 else max(3, bench.rounds // 2),
            )
    # The input side alone: every item is read, but only one target is judged and returned.
    missing = {"InstanceId": "i-bp1notinthefleet0000"}
    bench.compare(
        "py-input-ecs-full-1000",
        "input side: precheck of 1 absent target among 1,000 full ECS items",
        "plain Python loop over the same 1,000 items",
        lambda: opgate.precheck(ECS, missing, full[:1000], now=now),
        lambda: ecs(full[:1000]),
        items=1000,
    )

    tables = {shape: load(args.fixtures, shape)[1] for shape in ("zec", "computenest", "computenestsupplier")}
    comparisons: tuple[tuple[str, opgate.OperationId, Loop], ...] = (
        ("zec", ZEC, status_loop("instanceId", "instanceStatus", ("RUNNING",), {"RECYCLE": "OPERATION_DENIED_INSTANCE_RECYCLED", "RECYCLING": "OPERATION_DENIED_INSTANCE_RECYCLED"}, "OPERATION_DENIED_INSTANCE_STATUS", messages_of(ZEC, tables["zec"], now))),
        ("computenest", RENEW, status_loop("ServiceInstanceId", "Status", ("Deployed", "Upgrading", "Stopped", "StartFailed", "StopFailed"), {}, "IncorrectServiceInstanceStatus", messages_of(RENEW, tables["computenest"], now))),
        ("computenestsupplier", RESTART, restart_loop(messages_of(RESTART, tables["computenestsupplier"], now))),
    )
    for shape, operation, loop in comparisons:
        items = tables[shape]
        agree(shape, outcomes(opgate.precheck_resources(operation, items, now=now)), loop(items))
        for size in (100, 1_000):
            chunk = items[:size]
            bench.compare(
                f"py-precheck-{shape}-{size}",
                f"precheck_resources, {size:,} {shape} items",
                "plain Python loop, same outcome shape",
                functools.partial(opgate.precheck_resources, operation, chunk, now=now),
                functools.partial(loop, chunk),
                items=size,
                rounds=max(3, bench.rounds // 2),
            )

    print("# build + sign: opgate vs the official SDK up to its (stubbed) transport", flush=True)
    credentials = opgate.Credentials("LTAI5tBenchKeyId", "bench-secret")
    params = {"InstanceId": INSTANCE_ID}
    signings: tuple[tuple[str, str, Optional[opgate.SignatureAlgorithm], Optional[str]], ...] = (
        ("py-sign-acs3", "build+sign, ACS3 RebootInstance", None, None),
        ("py-sign-rpc", "build+sign, RPC HMAC-SHA1", "HMAC-SHA1", "v2"),
    )
    for key, path, algorithm, sdk_algorithm in signings:
        reference = sdk_reboot(sdk_algorithm)
        if reference is None:
            print(f"  {path}: the SDK is not installed here (bash python/run.sh bench installs it)")
            continue
        ours = opgate.sign(opgate.build(ECS, params, region="cn-hangzhou"), credentials, algorithm=algorithm)
        theirs = reference()
        if ours.request.host != theirs.headers["host"] or (algorithm and dict(ours.request.query).get("SignatureMethod") != theirs.query.get("SignatureMethod")):
            raise SystemExit(f"bench: opgate and the SDK build different requests: {ours.request.host} vs {theirs.headers['host']}")
        bench.compare(
            key,
            path,
            "alibabacloud-tea-openapi + ecs20140526, transport stubbed",
            functools.partial(build_and_sign, params, credentials, algorithm),
            reference,
            limit=0.1,
            target="≥10× faster",
        )
        # The SDK's client holds its configuration across calls; a RequestBuilder holds the
        # operation and region the same way, and each build reads only its params.
        builder = opgate.RequestBuilder(ECS, region="cn-hangzhou")
        if builder.build(params) != opgate.build(ECS, params, region="cn-hangzhou"):
            raise SystemExit("bench: RequestBuilder and build() build different requests")
        bench.compare(
            key.replace("py-sign-", "py-builder-sign-"),
            path.replace("build+sign", "RequestBuilder.build+sign"),
            "alibabacloud-tea-openapi + ecs20140526, transport stubbed",
            functools.partial(builder_build_and_sign, builder, params, credentials, algorithm),
            reference,
        )

    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        meta = {"python": platform.python_version(), "opgate": opgate.__version__, "sdk": sdk, "rounds": bench.rounds}
        args.out.write_text(json.dumps({"meta": meta, "rows": bench.rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

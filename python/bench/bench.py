"""What a call costs from Python, per call and in batch, next to a plain-Python loop that only
reads the same dict fields the core reads (id, status, locks, charge type, expiry) and decides
nothing. The gap is the price of crossing into Rust plus the actual checks.

    python python/bench/bench.py [examples/fleet.json] [--quick]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import timeit
from pathlib import Path
from typing import Any, Callable, Final

import opgate
from opgate import _opgate

# Final: the type is the literal, one of opgate.OperationId.
ECS: Final = "ecs:RebootInstance"


def plain_read(items: list[dict[str, Any]]) -> int:
    """Reads what the ECS guards read, without deciding anything."""
    seen = 0
    for item in items:
        if item.get("InstanceId") is not None and item.get("Status") is not None:
            seen += 1
        locks = item.get("OperationLocks")
        if isinstance(locks, dict):
            locks.get("LockReason")
        item.get("InstanceChargeType")
        item.get("ExpiredTime")
    return seen


def best(function: Callable[[], object], number: int, repeat: int) -> float:
    """Best time per call, in seconds."""
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number


def fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:9.2f} µs"
    return f"{seconds * 1e3:9.2f} ms"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("fleet", type=Path, nargs="?", default=Path("examples/fleet.json"))
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    fleet: dict[str, Any] = json.loads(args.fleet.read_text(encoding="utf-8"))
    now = int(fleet["now"])
    base: list[dict[str, Any]] = fleet["ecs"]
    one = [base[0]]
    batch_size = 10_000
    batch = [dict(base[i % len(base)], InstanceId=f"i-bench{i:015d}") for i in range(batch_size)]
    repeat = 3 if args.quick else 7
    small = 2_000 if args.quick else 20_000
    large = 5 if args.quick else 20

    rows: list[tuple[str, float, float | None]] = []

    def row(name: str, seconds: float, baseline: float | None) -> None:
        rows.append((name, seconds, seconds / baseline if baseline else None))

    plain_one = best(lambda: plain_read(one), small * 5, repeat)
    row("plain Python: read fields of 1 item", plain_one, None)
    row("precheck_resources, 1 item", best(lambda: opgate.precheck_resources(ECS, one, now=now), small, repeat), plain_one)
    row("  raw extension call (dict result)", best(lambda: _opgate.precheck_resources(ECS, one, now=now), small, repeat), plain_one)
    params = {"InstanceId": base[0]["InstanceId"]}
    row("precheck (params + 1 item)", best(lambda: opgate.precheck(ECS, params, one, now=now), small, repeat), plain_one)
    row("validate", best(lambda: opgate.validate(ECS, params), small, repeat), plain_one)
    row("build", best(lambda: opgate.build(ECS, params, region="cn-hangzhou"), small, repeat), plain_one)
    request = opgate.build(ECS, params, region="cn-hangzhou")
    keys = opgate.Credentials("LTAI-bench", "bench-secret")
    row("sign (ACS3)", best(lambda: opgate.sign(request, keys, timestamp=now, nonce="n"), small, repeat), plain_one)

    plain_batch = best(lambda: plain_read(batch), large, repeat)
    row(f"plain Python: read fields of {batch_size:,} items", plain_batch, None)
    one_call = best(lambda: opgate.precheck_resources(ECS, batch, now=now), large, repeat)
    row(f"precheck_resources, {batch_size:,} items (one call)", one_call, plain_batch)
    row("  per item", one_call / batch_size, plain_batch / batch_size)

    def convert_only() -> None:
        try:  # an unknown operation: the input is converted, then the core refuses at once
            _opgate.precheck_resources("bench:Unknown", batch)
        except opgate.InputError:
            pass

    row(f"  of which: converting {batch_size:,} items to Rust", best(convert_only, large, repeat), plain_batch)
    row(
        f"precheck_resources, {batch_size:,} separate calls",
        best(lambda: [opgate.precheck_resources(ECS, [item], now=now) for item in batch], 1, repeat),
        plain_batch,
    )

    def in_threads(count: int, calls: int) -> Callable[[], None]:
        def run() -> None:
            def work() -> None:
                for _ in range(calls // count):
                    opgate.precheck_resources(ECS, batch, now=now)

            threads = [threading.Thread(target=work) for _ in range(count)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

        return run

    sequential = best(in_threads(1, 4), 1, repeat)
    parallel = best(in_threads(2, 4), 1, repeat)
    row(f"4 batches of {batch_size:,}, 1 thread", sequential, None)
    row(f"4 batches of {batch_size:,}, 2 threads (GIL released in core)", parallel, sequential)

    print(f"opgate {opgate.__version__} Python benchmark (best of {repeat}); ratio = time / plain-Python baseline above it\n")
    print(f"{'measurement':<58} {'time':>12} {'ratio':>9}")
    print("-" * 81)
    for name, seconds, ratio in rows:
        shown = f"{ratio:8.1f}x" if ratio is not None else ""
        print(f"{name:<58} {fmt(seconds):>12} {shown:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

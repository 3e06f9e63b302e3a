"""`bash python/run.sh bench-hostile` (part of `make bench-hostile`): times every case of
tests/vectors/hostile.json through the Python API, conversions included. Each must finish in
under a second, answered or refused with a code; the script exits 1 otherwise."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile_recipes import expand, load_suite, run  # noqa: E402

LIMIT = 1.0


def main() -> int:
    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    slow = []
    print(f"{'hostile case (Python)':<56} {'time':>12}  answer")
    for case in load_suite()["cases"]:
        if wanted not in case["name"]:
            continue
        args = expand(case["args"])
        started = time.perf_counter()
        got = run(case["call"], args)
        elapsed = time.perf_counter() - started
        answer = f"refused: {got['error']['errors'][0]['code']}" if "error" in got else "answered"
        print(f"{case['name']:<56} {elapsed * 1000:>9.1f} ms  {answer}")
        if elapsed >= LIMIT:
            slow.append(case["name"])
    if slow:
        print(f"over {LIMIT} s: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The table of `make bench`: every row of the performance issue as a ratio, opgate against its
reference measured in the same process run, from the rows that `bash python/run.sh bench` and
`bash js/run.sh bench` left in target/bench/python.json and target/bench/js.json.

    python3 benches/report.py

Writes the whole run (both languages' rows, the machine, the commit) to
target/bench/run-<UTC timestamp>.json and target/bench/latest.json, so that runs can be
compared; prints the table, the linear-growth table (per-item cost at 1 to 10,000 items) and
the other rows. Standard library only.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "target" / "bench"

# The table, in its order (label, row key), with the RequestBuilder row beside build().
TABLE = [
    ("Python `precheck_resources`, 1,000 ECS items (fleet shape)", "py-precheck-ecs-fleet-1000"),
    ("Python `precheck_resources`, 1,000 full-shaped ECS items", "py-precheck-ecs-full-1000"),
    ("Python build+sign, ACS3 RebootInstance", "py-sign-acs3"),
    ("Python build+sign, RPC HMAC-SHA1", "py-sign-rpc"),
    ("JS `precheckResources`, 1,000 ZEC items", "js-precheck-zec-1000"),
    ("JS `precheckResources`, 1,000 ECS items (fleet shape)", "js-precheck-ecs-fleet-1000"),
    ("JS `precheckResources`, 1,000 full-shaped ECS items", "js-precheck-ecs-full-1000"),
    ("JS `build()`, one ECS request, vs the SDK signed", "js-build-vs-sdk-signed"),
    ("JS `build()`, one ECS request, vs the SDK unsigned", "js-build-vs-sdk-unsigned"),
    ("JS `RequestBuilder.build()`, one ECS request, vs the SDK unsigned", "js-builder-vs-sdk-unsigned"),
    ("wasm size", "wasm-size"),
]

GROWTH = [
    ("Python", "py-precheck-ecs-fleet"),
    ("Python", "py-precheck-ecs-full"),
    ("JS", "js-precheck-zec"),
    ("JS", "js-precheck-ecs-fleet"),
    ("JS", "js-precheck-ecs-full"),
]
SIZES = (1, 100, 1_000, 10_000)


def ratio_text(ratio: float) -> str:
    return f"{ratio:.1f}× slower" if ratio >= 1 else f"{1 / ratio:.1f}× faster"


def micros(value: float) -> str:
    return f"{value:,.1f} µs" if value < 100 else f"{value:,.0f} µs"


def commit() -> Optional[str]:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, check=True)
        return out.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def load(name: str) -> dict[str, Any]:
    path = BENCH / f"{name}.json"
    if not path.exists():
        return {"meta": None, "rows": []}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def table_row(label: str, row: Optional[dict[str, Any]]) -> str:
    if row is None:
        return f"| {label} | not measured | | | |"
    if row["key"] == "wasm-size":
        kb = row["opgate_bytes"] / 1000
        verdict = "met" if row["met"] else "not met"
        return f"| {label} | {kb:.1f} KB gzip ({row['raw_bytes'] / 1000:.1f} KB raw) | | | {row['target']}: {verdict} |"
    target = row.get("target") or "(no target)"
    verdict = "" if row.get("met") is None else (": met" if row["met"] else ": not met")
    return (
        f"| {label} | {micros(row['opgate_us'])} | {row['reference']}: {micros(row['reference_us'])} "
        f"| {ratio_text(row['ratio'])} (rounds {ratio_text(row['ratio_max'])} … {ratio_text(row['ratio_min'])}) | {target}{verdict} |"
    )


def main() -> int:
    python, js = load("python"), load("js")
    rows = {row["key"]: row for row in python["rows"] + js["rows"]}
    if not rows:
        print("bench: no rows in target/bench/python.json or js.json; run `make bench`", file=sys.stderr)
        return 1
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    run = {
        "timestamp": stamp,
        "commit": commit(),
        "machine": {"system": platform.platform(), "cpus": os.cpu_count(), "load": os.getloadavg() if hasattr(os, "getloadavg") else None},
        "python": python["meta"],
        "js": js["meta"],
        "rows": list(rows.values()),
    }
    BENCH.mkdir(parents=True, exist_ok=True)
    text = json.dumps(run, indent=1)
    (BENCH / f"run-{stamp}.json").write_text(text, encoding="utf-8")
    (BENCH / "latest.json").write_text(text, encoding="utf-8")

    print(f"\n## opgate vs its references (commit {run['commit']}, {stamp}; median of interleaved rounds)\n")
    print("| path | opgate | reference | ratio (median; range over rounds) | target |")
    print("|---|---|---|---|---|")
    for label, key in TABLE:
        print(table_row(label, rows.get(key)))

    print("\n## linear growth: µs per item (opgate / reference)\n")
    print("| lang | shape | " + " | ".join(f"{size:,} items" for size in SIZES) + " |")
    print("|---|---|" + "---|" * len(SIZES))
    for lang, prefix in GROWTH:
        cells = []
        for size in SIZES:
            row = rows.get(f"{prefix}-{size}")
            cells.append("" if row is None else f"{row['opgate_us'] / size:.2f} / {row['reference_us'] / size:.2f}")
        print(f"| {lang} | {prefix.split('-', 2)[2]} | " + " | ".join(cells) + " |")

    listed = {key for _, key in TABLE} | {f"{prefix}-{size}" for _, prefix in GROWTH for size in SIZES}
    others = [row for key, row in rows.items() if key not in listed]
    if others:
        print("\n## other rows\n")
        print("| lang | path | opgate | reference | ratio |")
        print("|---|---|---|---|---|")
        for row in others:
            print(f"| {row['lang']} | {row['path']} | {micros(row['opgate_us'])} | {row['reference']}: {micros(row['reference_us'])} | {ratio_text(row['ratio'])} |")
    print(f"\nwritten: target/bench/run-{stamp}.json and target/bench/latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())

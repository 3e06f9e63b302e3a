"""Runs every case of every ``tests/vectors/*.json`` file through the Python API and compares
with ``expect`` exactly, as the Rust and JS suites do.

A case's ``call`` names the ``opgate`` function and its ``args`` are that function's keyword
arguments, unchanged. An unknown call fails (it does not skip), so the suites stay in step.
Two adaptations, both mechanical:
- a case without ``now`` runs with ``now=None`` (no clock), as the Rust runner does; the
  Python default would read the current time;
- a result that is a tuple of records (``operations``, ``ram_required_access``) is compared
  as the list of their ``to_dict()``.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

import opgate

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


# Its own runner (test_hostile.py) expands its recipes and bounds the work of each case.
HOSTILE = "hostile.json"


def _cases() -> list[Any]:
    params = []
    for path in sorted(p for p in VECTORS.glob("*.json") if p.name != HOSTILE):
        suite = json.loads(path.read_text(encoding="utf-8"))
        for case in suite["cases"]:
            params.append(pytest.param(case, id=f"{path.stem}::{case['name']}"))
    return params


CASES = _cases()


def test_vectors_exist() -> None:
    files = sorted(p.name for p in VECTORS.glob("*.json"))
    assert any(name.startswith("core_") for name in files), files
    assert len(CASES) > 100


def _plain(result: Any) -> Any:
    if isinstance(result, tuple):
        return [_plain(item) for item in result]
    to_dict = getattr(result, "to_dict", None)
    assert callable(to_dict), f"{type(result).__name__} has no to_dict()"
    return to_dict()


def run(call: str, args: dict[str, Any]) -> dict[str, Any]:
    function = getattr(opgate, call, None)
    if call.startswith("_") or not callable(function) or call not in opgate.__all__:
        pytest.fail(f"unknown call {call!r}: the Python API has no such function")
    if "now" in inspect.signature(function).parameters and "now" not in args:
        args = {**args, "now": None}
    try:
        result = function(**args)
    except opgate.OpgateError as error:
        return {"error": error.report}
    return {"ok": _plain(result)}


@pytest.mark.parametrize("case", CASES)
def test_vector(case: dict[str, Any]) -> None:
    got = run(case["call"], case["args"])
    if got != case["expect"]:
        pytest.fail(f"mismatch\nexpected {json.dumps(case['expect'], ensure_ascii=False)}\ngot      {json.dumps(got, ensure_ascii=False)}")

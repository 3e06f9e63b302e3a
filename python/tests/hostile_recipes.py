"""Reading tests/vectors/hostile.json and running its cases through the Python API, shared by
test_hostile.py and bench/hostile.py.

Recipes (tests/vectors/README.md, "Hostile inputs") stand for large values; ``$list`` repeats
one object, so a million-item list is a million references to it, as a caller's
``[policy] * 1_000_000`` would be."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import opgate

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def load_suite() -> dict[str, Any]:
    suite: dict[str, Any] = json.loads((VECTORS / "hostile.json").read_text(encoding="utf-8"))
    return suite


def expand(value: Any) -> Any:
    """The value a case means: every recipe replaced by what it builds."""
    if isinstance(value, list):
        return [expand(item) for item in value]
    if not isinstance(value, dict):
        return value
    first = next(iter(value), "")
    if first == "$repeat":
        return expand(value["$repeat"]) * value["times"]
    if first == "$concat":
        return "".join(expand(part) for part in value["$concat"])
    if first == "$list":
        return [expand(value["$list"])] * value["times"]
    if first == "$numbered":
        template = expand(value["$numbered"])
        return [template.replace("{i}", str(i)) for i in range(value["times"])]
    if first == "$object":
        template, item = expand(value["$object"]), expand(value.get("value"))
        return {template.replace("{i}", str(i)): item for i in range(value["times"])}
    if first == "$json":
        return json.dumps(expand(value["$json"]), separators=(",", ":"), ensure_ascii=False)
    assert not first.startswith("$"), f"unknown recipe {first}"
    return {key: expand(item) for key, item in value.items()}


def _plain(result: Any) -> Any:
    if isinstance(result, tuple):
        return [_plain(item) for item in result]
    return result.to_dict()


def run(call: str, args: dict[str, Any]) -> dict[str, Any]:
    """``{"ok": result}`` or ``{"error": report}``, as the vector runners compare them."""
    function = getattr(opgate, call)
    assert call in opgate.__all__ and callable(function), call
    if "now" in inspect.signature(function).parameters and "now" not in args:
        args = {**args, "now": None}
    try:
        return {"ok": _plain(function(**args))}
    except opgate.OpgateError as error:
        return {"error": error.report}

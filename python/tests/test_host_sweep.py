"""The host-boundary sweep (``tests/vectors/sweeps/host_boundary.json``): every public function
x every argument it reads x every kind of hostile value ends in an :class:`opgate.OpgateError`
subclass with a code and a field, never a bare ``TypeError``/``OverflowError``/
``UnicodeEncodeError``. The JS suite runs the same file."""

from __future__ import annotations

import copy
import inspect
import json
import math
import re
from pathlib import Path
from typing import Any, Callable

import pytest

import opgate

SWEEP = Path(__file__).resolve().parents[2] / "tests" / "vectors" / "sweeps" / "host_boundary.json"
DOC: dict[str, Any] = json.loads(SWEEP.read_text(encoding="utf-8"))


def _cyclic() -> list[Any]:
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    return cyclic


def _deep() -> Any:
    value: Any = "leaf"
    for _ in range(10_000):
        value = [value]
    return value


def _bomb() -> Any:
    value: Any = [0]
    for _ in range(40):
        value = [value, value]
    return value


def _wrong_scalar(valid: Any) -> Any:
    if isinstance(valid, str):
        return 7
    if isinstance(valid, (int, float)) and not isinstance(valid, bool):
        return "7"
    return 7


HOSTILE: dict[str, Callable[[Any], Any]] = {
    "wrong_scalar": _wrong_scalar,
    "huge_int": lambda _: 2**200,
    "lone_surrogate": lambda _: "\ud800",
    "nan": lambda _: math.nan,
    "infinity": lambda _: math.inf,
    "cyclic_list": lambda _: _cyclic(),
    "deep_nesting": lambda _: _deep(),
    "shared_reference_bomb": lambda _: _bomb(),
    "huge_reported_length": lambda _: [0] * (opgate.MAX_LIST_ITEMS + 1),
}


def test_the_sweep_names_every_kind_of_value() -> None:
    assert set(DOC["values"]) == set(HOSTILE)


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _place(args: dict[str, Any], slot: str, make: Callable[[Any], Any]) -> None:
    """Replaces the value at ``slot`` (``params.InstanceId``, ``resources[0].Status``)."""
    steps: list[str | int] = [name if name else int(index) for name, index in _STEP.findall(slot)]
    *parents, last = steps
    container: Any = args
    for step in parents:
        container = container[step]
    current = container.get(last) if isinstance(container, dict) else container[last]
    container[last] = make(current)


def _call(call: str, args: dict[str, Any]) -> Any:
    if call == "credentials":
        return opgate.Credentials(args["access_key_id"], args["access_key_secret"], args.get("security_token"))
    if call == "request_builder":
        options = {key: value for key, value in args.items() if key not in ("operation", "params")}
        return opgate.RequestBuilder(args["operation"], **options).build(args["params"])
    function = getattr(opgate, call)
    positional = [
        name
        for name, parameter in inspect.signature(function).parameters.items()
        if parameter.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    return function(*[args[name] for name in positional if name in args], **{k: v for k, v in args.items() if k not in positional})


def _baseline(entry: dict[str, Any]) -> dict[str, Any]:
    args: dict[str, Any] = copy.deepcopy(entry["args"])
    if entry["call"] == "sign":
        args["request"] = opgate.build("ecs:RebootInstance", {"InstanceId": "i-bp67acfmxazb4ph1abcd"}, region="cn-hangzhou").to_dict()
    return args


CASES = [
    pytest.param(entry, slot, kind, id=f"{entry['call']}:{slot}:{kind}")
    for entry in DOC["calls"]
    if not entry.get("python_only") or hasattr(opgate, "sign")
    for slot in entry["slots"]
    for kind in HOSTILE
]


def test_every_baseline_call_succeeds() -> None:
    for entry in DOC["calls"]:
        _call(entry["call"], _baseline(entry))


@pytest.mark.parametrize(("entry", "slot", "kind"), CASES)
def test_hostile_value_fails_closed(entry: dict[str, Any], slot: str, kind: str) -> None:
    args = _baseline(entry)
    _place(args, slot, HOSTILE[kind])
    with pytest.raises(opgate.OpgateError) as caught:
        _call(entry["call"], args)
    error = caught.value
    assert isinstance(error.code, str) and error.code, error
    assert isinstance(error.field, str) and error.field, error
    root = re.split(r"[.\[]", slot, maxsplit=1)[0]
    # A top-level argument is named as Python spells it; nested ones keep their path.
    assert error.field.startswith(root) or root == "params", (slot, error.field)
    # The secret never shows in what is raised.
    assert "ExampleSecretValue" not in repr(error.args) and "ExampleSecretValue" not in str(error)

"""Runs every case of every ``tests/vectors/*.json`` file through the Python API and compares
with ``expect`` exactly, as the Rust and JS suites do.

A case's ``call`` names the ``opgate`` function and its ``args`` are that function's keyword
arguments, unchanged. An unknown call fails (it does not skip), so the suites stay in step.
Two adaptations, both mechanical:
- a case without ``now`` runs with ``now=None`` (no clock), as the Rust runner does; the
  Python default would read the current time;
- a result that is a tuple of records (``operations``, ``ram_required_access``) is compared
  as the list of their ``to_dict()``;
- ``wait`` and ``plan_and_merge`` are sequences of calls (a :class:`opgate.Waiter` fed step by
  step, persisted and resumed; ``plan`` then ``merge_plan``), run by ``COMPOSITE`` below.
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
    assert sum(name.startswith("life_") for name in files) >= 4, files
    assert len(CASES) > 100


def _plain(result: Any) -> Any:
    if isinstance(result, (tuple, list)):
        return [_plain(item) for item in result]
    to_dict = getattr(result, "to_dict", None)
    assert callable(to_dict), f"{type(result).__name__} has no to_dict()"
    return to_dict()


def _wait(args: dict[str, Any]) -> list[opgate.WaitReport]:
    """A waiter's life: made (or resumed), fed each step, persisted and resumed after
    ``resume_after``, as the Rust runner does."""
    if args.get("resume") is not None:
        waiter = opgate.Waiter.resume(args["resume"], lang=args["lang"])
    else:
        waiter = opgate.Waiter(args["operation"], args["ids"], args["sent_at"], before=args.get("before"), seed=args.get("seed"), lang=args["lang"])
    reports = []
    for index, step in enumerate(args["steps"]):
        reports.append(waiter.observe(step["resources"], step["now"], lang=args["lang"]))
        if args.get("resume_after") == index:
            waiter = opgate.Waiter.resume(json.loads(json.dumps(waiter.to_dict())))
    return reports


def _plan_and_merge(args: dict[str, Any]) -> opgate.PlanOutcome:
    plan_args = {k: v for k, v in args.items() if k != "responses"}
    plan = opgate.plan(**{"now": None, **plan_args})
    return opgate.merge_plan(plan, args["responses"], lang=args["lang"])


# Calls that are a sequence of API calls rather than one function.
COMPOSITE = {"wait": _wait, "plan_and_merge": _plan_and_merge}


def run(call: str, args: dict[str, Any]) -> dict[str, Any]:
    if call in COMPOSITE:
        try:
            return {"ok": _plain(COMPOSITE[call](args))}
        except opgate.OpgateError as error:
            return {"error": error.report}
    function = getattr(opgate, call, None)
    if call.startswith("_") or not callable(function) or call not in opgate.__all__:
        pytest.fail(f"unknown call {call!r}: the Python API has no such function")
    if "now" in inspect.signature(function).parameters and "now" not in args:
        args = {**args, "now": None}
    # A signed request shows its tokens only when asked: `to_dict(include_secrets=True)`.
    include_secrets = bool(args.get("include_secrets", False))
    args = {key: value for key, value in args.items() if key != "include_secrets"}
    try:
        result = function(**args)
    except opgate.OpgateError as error:
        if isinstance(error, opgate.ApiError):
            # The attributes are the report's, as sent: the provider's message is never replaced.
            api = error.report["api"]
            assert (error.provider_message, error.request_id) == (api["provider_message"], api["request_id"])
        return {"error": error.report}
    if include_secrets:
        return {"ok": result.to_dict(include_secrets=True)}
    return {"ok": _plain(result)}


@pytest.mark.parametrize("case", CASES)
def test_vector(case: dict[str, Any]) -> None:
    got = run(case["call"], case["args"])
    if got != case["expect"]:
        pytest.fail(f"mismatch\nexpected {json.dumps(case['expect'], ensure_ascii=False)}\ngot      {json.dumps(got, ensure_ascii=False)}")


BUILD_CASES = [param for param in CASES if param.values[0]["call"] == "build"]


@pytest.mark.parametrize("case", BUILD_CASES)
def test_build_vector_through_a_request_builder(case: dict[str, Any]) -> None:
    """``RequestBuilder(operation, **options).build(params)`` answers every build vector as
    ``build`` does: the result, or the same error from the constructor or from ``build``."""
    options = {key: value for key, value in case["args"].items() if key not in ("operation", "params")}
    options.setdefault("now", None)
    try:
        builder = opgate.RequestBuilder(case["args"]["operation"], **options)
        got = {"ok": _plain(builder.build(case["args"].get("params")))}
    except opgate.OpgateError as error:
        got = {"error": error.report}
    assert got == case["expect"]


def test_a_request_builder_builds_many_requests_alike() -> None:
    builder = opgate.RequestBuilder("ecs:RebootInstance", region="cn-hangzhou")
    assert (builder.operation, builder.region, builder.endpoint) == ("ecs:RebootInstance", "cn-hangzhou", None)
    assert repr(builder) == "RequestBuilder('ecs:RebootInstance', region='cn-hangzhou', endpoint=None)"
    for index in range(3):
        params = {"InstanceId": f"i-bp1abcdefghij012345{index}", "ForceStop": index == 1}
        assert builder.build(params) == opgate.build("ecs:RebootInstance", params, region="cn-hangzhou")
    # A builder keeps no state from one build to the next: a refused build changes nothing after it.
    with pytest.raises(opgate.ValidationError):
        builder.build({"InstanceId": 5})
    assert builder.build({"InstanceId": "i-bp1abcdefghij0123450"}).url.endswith("InstanceId=i-bp1abcdefghij0123450")
    with pytest.raises(opgate.InputError) as refused:
        opgate.RequestBuilder("ecs:NoSuchCall", region="cn-hangzhou")  # type: ignore[arg-type]
    assert (refused.value.code, refused.value.field) == ("UnsupportedOperation", "operation")
    with pytest.raises(opgate.InputError) as refused:
        opgate.RequestBuilder("ecs:RebootInstance", region=5)  # type: ignore[arg-type]
    assert refused.value.field == "region"

"""Keeps ``test_typed.py`` complete, and checks the generated stubs against real results.

- Every result class has a ``read_<Class>`` function in ``test_typed.py`` that reads every one of
  its attributes (the script mypy checks with ``--disallow-any-expr``).
- Every result class is exported from ``opgate`` under its own name (pickling finds it there).
- Every attribute of every result of every vector case, and every ``to_dict()``, has the type the
  generated ``_opgate.pyi`` and ``_types.py`` declare: the stubs come from the Rust types, and this
  checks them against what the extension really returns (as ``js/test/types.test.mjs`` does with
  ``tsc`` for JS).
"""

from __future__ import annotations

import ast
import collections.abc
import inspect
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any, Callable

import pytest

import opgate
from opgate import _opgate, _types

HERE = Path(__file__).resolve().parent
VECTORS = HERE.parents[1] / "tests" / "vectors"
STUBS = Path(_opgate.__file__).with_name("_opgate.pyi")

# Credentials and RequestBuilder are made by the caller, not answered by a call.
MADE_BY_THE_CALLER = (_opgate.Credentials, _opgate.RequestBuilder)
RESULT_CLASSES = sorted(
    (cls for cls in vars(_opgate).values() if isinstance(cls, type) and cls.__module__ == "opgate" and cls not in MADE_BY_THE_CALLER),
    key=lambda cls: cls.__name__,
)


def attributes(cls: type) -> set[str]:
    """The attributes a result class has: its properties and its public methods."""
    names = set()
    for name, member in vars(cls).items():
        if name.startswith("_") or name == "to_dict":
            continue
        if isinstance(member, (types.GetSetDescriptorType, property)) or callable(member):
            names.add(name)
    return names


def readers() -> dict[str, set[str]]:
    """``read_<Class>`` function name → the attributes it reads from its argument."""
    tree = ast.parse((HERE / "test_typed.py").read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("read_") and node.name[5:6].isupper():
            argument = node.args.args[0].arg
            read = {sub.attr for sub in ast.walk(node) if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == argument}
            found[node.name[5:]] = read
    return found


def test_every_result_class_is_read_whole_by_the_typed_script() -> None:
    assert len(RESULT_CLASSES) >= 39
    found = readers()
    for cls in RESULT_CLASSES:
        assert cls.__name__ in found, f"test_typed.py has no read_{cls.__name__}()"
        missing = attributes(cls) - found[cls.__name__]
        assert not missing, f"read_{cls.__name__}() does not read {sorted(missing)}"


def test_every_result_class_is_exported_under_its_name() -> None:
    for cls in RESULT_CLASSES:
        assert getattr(opgate, cls.__name__) is cls and cls.__name__ in opgate.__all__


# --- the stubs against real values ----------------------------------------------------------------

NAMESPACE: dict[str, Any] = {
    **{name: getattr(_types, name) for name in _types.__all__},
    **{cls.__name__: cls for cls in RESULT_CLASSES},
    "Literal": typing.Literal,
    "Mapping": collections.abc.Mapping,
    "builtins": __import__("builtins"),
}


def stub_properties() -> dict[str, dict[str, Any]]:
    """Class name → property name → its declared type, from the generated ``_opgate.pyi``."""
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    declared: dict[str, dict[str, Any]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name not in {cls.__name__ for cls in MADE_BY_THE_CALLER}:
            props = {}
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and any(isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list):
                    assert item.returns is not None
                    props[item.name] = eval(ast.unparse(item.returns), NAMESPACE)  # noqa: S307 - our own generated stub
            declared[node.name] = props
    return declared


DECLARED = stub_properties()


def conforms(value: object, hint: Any, path: str) -> None:
    if isinstance(hint, typing.ForwardRef):
        hint = eval(hint.__forward_arg__, NAMESPACE)  # noqa: S307
    if isinstance(hint, str):
        hint = eval(hint, NAMESPACE)  # noqa: S307
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is None or hint is type(None):
        assert value is None, f"{path}: {value!r} is not None"
    elif origin in (typing.Union, types.UnionType):
        errors = []
        for option in args:
            try:
                conforms(value, option, path)
                return
            except AssertionError as error:
                errors.append(str(error))
        raise AssertionError(f"{path}: {value!r} matches none of {hint}: {errors}")
    elif origin is typing.Literal:
        assert value in args and type(value) is str, f"{path}: {value!r} is not one of {args}"
    elif origin is tuple:
        assert type(value) is tuple, f"{path}: {type(value).__name__} is not a tuple"
        if len(args) == 2 and args[1] is Ellipsis:
            for index, item in enumerate(value):
                conforms(item, args[0], f"{path}[{index}]")
        else:
            assert len(value) == len(args), f"{path}: {value!r} has not {len(args)} items"
            for index, (item, kind) in enumerate(zip(value, args)):
                conforms(item, kind, f"{path}[{index}]")
    elif origin in (list, collections.abc.Mapping, dict):
        container = {list: list, collections.abc.Mapping: types.MappingProxyType, dict: dict}[origin]
        assert type(value) is container, f"{path}: {type(value).__name__} is not a {container.__name__}"
        if origin is list:
            assert isinstance(value, list)
            for index, item in enumerate(value):
                conforms(item, args[0], f"{path}[{index}]")
        else:
            assert isinstance(value, collections.abc.Mapping)
            for key, item in value.items():
                assert type(key) is str, f"{path}: key {key!r}"
                conforms(item, args[1], f"{path}.{key}")
    elif typing.is_typeddict(hint):
        assert type(value) is dict, f"{path}: {type(value).__name__} is not a dict"
        assert isinstance(value, dict)
        hints = typing.get_type_hints(hint)
        assert hint.__required_keys__ <= value.keys() <= hints.keys(), f"{path}: keys {sorted(value)} against {sorted(hints)}"
        for key, item in value.items():
            conforms(item, hints[key], f"{path}.{key}")
    elif hint in (int, float):
        assert type(value) in ((int,) if hint is int else (int, float)), f"{path}: {value!r} is not {hint.__name__}"
    elif isinstance(hint, type) and hint in RESULT_CLASSES:
        assert type(value) is hint, f"{path}: {type(value).__name__} is not {hint.__name__}"
        for name, kind in DECLARED[hint.__name__].items():
            conforms(getattr(value, name), kind, f"{path}.{name}")
        conforms(value.to_dict(), getattr(_types, f"{hint.__name__}Dict"), f"{path}.to_dict()")  # type: ignore[attr-defined]
    elif isinstance(hint, type):
        assert type(value) is hint, f"{path}: {value!r} is not {hint.__name__}"
    else:
        raise AssertionError(f"{path}: the check does not know the type {hint!r}")


def vector_results() -> list[Any]:
    cases = []
    # hostile.json holds recipes, expanded by its own runner (test_hostile.py).
    for file in sorted(f for f in VECTORS.glob("*.json") if f.name != "hostile.json"):
        for case in json.loads(file.read_text(encoding="utf-8"))["cases"]:
            if "ok" in case["expect"]:
                cases.append(pytest.param(case, id=f"{file.stem}::{case['name']}"))
    return cases


#: The vectors' sequences of calls (see test_vectors.py) and the class of each result they give.
COMPOSITE_RESULTS: dict[str, type] = {"wait": opgate.WaitReport, "plan_and_merge": opgate.PlanOutcome}


@pytest.mark.parametrize("case", vector_results())
def test_vector_results_have_the_declared_types(case: dict[str, Any]) -> None:
    if case["call"] in COMPOSITE_RESULTS:
        from test_vectors import COMPOSITE

        result = COMPOSITE[case["call"]](dict(case["args"]))
        for index, item in enumerate(result if isinstance(result, list) else [result]):
            conforms(item, COMPOSITE_RESULTS[case["call"]], f"{case['call']}[{index}]")
        return
    function: Callable[..., object] = getattr(opgate, case["call"])
    args = dict(case["args"])
    args.pop("include_secrets", None)  # a to_dict() option, not an argument of sign
    if "now" in inspect.signature(function).parameters and "now" not in args:
        args["now"] = None
    result = function(**args)
    returns = typing.get_type_hints(function, globalns=vars(sys.modules[function.__module__]))["return"]
    conforms(result, returns, case["call"])


def test_errors_have_the_declared_types() -> None:
    with pytest.raises(opgate.ApiError) as caught:
        opgate.parse_response("ecs:RebootInstance", 403, '{"RequestId": "R", "Code": "Forbidden.RAM", "Message": "m", "AccessDeniedDetail": {"A": [1]}}')
    conforms(caught.value._report, opgate.ErrorReport, "report")
    conforms(caught.value.report, _types.ErrorReportDict, "report dict")


def test_the_type_check_can_fail() -> None:
    verdict = opgate.precheck_resources("zec:RebootInstances", [{"instanceId": "1", "instanceStatus": "RUNNING"}])
    with pytest.raises(AssertionError, match="not a tuple"):
        conforms(list(verdict.outcomes), DECLARED["Verdict"]["outcomes"], "outcomes")
    with pytest.raises(AssertionError, match="not one of"):
        conforms("maybe", DECLARED["Outcome"]["decision"], "decision")

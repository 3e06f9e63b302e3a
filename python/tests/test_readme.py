"""The documented API and the real one agree: every name ``python/README.md`` mentions, and every
``opgate.<name>`` in the root README's Python snippets and prose, exists; every function either
README mentions is called here with real arguments; every ``.attribute`` the Python README names
is an attribute of an opgate class or exception.
"""

from __future__ import annotations

import builtins
import importlib.util
import re
from pathlib import Path
from typing import Callable

import pytest

import opgate

ROOT = Path(__file__).resolve().parents[2]
PYTHON_README = (ROOT / "python" / "README.md").read_text(encoding="utf-8")
ROOT_README = (ROOT / "README.md").read_text(encoding="utf-8")

ECS: str = "ecs:RebootInstance"
ITEM = {"InstanceId": "i-bp67acfmxazb4ph1abcd", "Status": "Running"}
POLICY = {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]}
ARN = "acs:ecs:cn-hangzhou:1488317743351199:instance/i-bp67acfmxazb4ph1abcd"


def _denied() -> object:
    with pytest.raises(opgate.DeniedError) as caught:
        opgate.check(ECS, {"InstanceId": ITEM["InstanceId"]}, [{**ITEM, "Status": "Stopped"}])  # type: ignore[arg-type]
    return caught.value


#: One real call per public function (a README may mention any of them).
CALLS: dict[str, Callable[[], object]] = {
    "operations": lambda: opgate.operations(),
    "operation": lambda: opgate.operation("zec:RebootInstances"),
    "validate": lambda: opgate.validate("ecs:RebootInstance", {"InstanceId": ITEM["InstanceId"]}),
    "precheck": lambda: opgate.precheck("ecs:RebootInstance", {"InstanceId": ITEM["InstanceId"]}, [ITEM]),
    "precheck_resources": lambda: opgate.precheck_resources("ecs:RebootInstance", [ITEM]),
    "check": _denied,
    "wait_status": lambda: opgate.wait_status("ecs:RebootInstance", "Starting"),
    "build": lambda: opgate.build("ecs:RebootInstance", {"InstanceId": ITEM["InstanceId"]}, region="cn-hangzhou"),
    "sign": lambda: opgate.sign(opgate.build("zec:RebootInstances", {"instanceIds": ["1"]}), opgate.Credentials("id", "secret")),
    "parse_response": lambda: opgate.parse_response("ecs:RebootInstance", 200, '{"RequestId": "R"}', {"content-type": "application/json"}),
    "endpoint": lambda: opgate.endpoint("ecs:RebootInstance", region="cn-hangzhou"),
    "ram_parse_policy": lambda: opgate.ram_parse_policy(POLICY),
    "ram_required_access": lambda: opgate.ram_required_access("ecs:RebootInstance", {"InstanceId": ITEM["InstanceId"]}, region="cn-hangzhou", account_id="1488317743351199"),
    "ram_authorize": lambda: opgate.ram_authorize("ecs:RebootInstance", {"InstanceId": ITEM["InstanceId"]}, region="cn-hangzhou", account_id="1488317743351199", policies=[POLICY]),
    "ram_evaluate": lambda: opgate.ram_evaluate([POLICY], "ecs:RebootInstance", ARN),
    "client_token": lambda: opgate.client_token("computenestsupplier:RestartServiceInstance", {"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1"}),
    "classify": lambda: opgate.classify("ecs:RebootInstance", "Throttling.User"),
    "retry_advice": lambda: opgate.retry_advice("ecs:RebootInstance", 503, "ServiceUnavailable"),
    "access_denied": lambda: opgate.access_denied({"NoPermissionType": "ImplicitDeny", "AuthAction": "ecs:RebootInstance"}),
    "plan": lambda: opgate.plan("zec:RebootInstances", ["1"], [{"instanceId": "1", "instanceStatus": "RUNNING"}]),
    "merge_plan": lambda: opgate.merge_plan(opgate.plan("zec:RebootInstances", ["1"], [{"instanceId": "1", "instanceStatus": "RUNNING"}]), [None]),
    "help": lambda: help(opgate.precheck),
    # a method every result has
    "to_dict": lambda: opgate.precheck_resources("ecs:RebootInstance", [ITEM]).to_dict(),
}


def code_spans(text: str) -> list[str]:
    """Inline code (`...`) outside fenced blocks."""
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    return re.findall(r"`([^`\n]+)`", prose)


def python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def _api_error() -> opgate.ApiError:
    with pytest.raises(opgate.ApiError) as caught:
        opgate.parse_response("ecs:RebootInstance", 400, '{"RequestId": "R", "Code": "Throttling", "Message": "m"}')
    return caught.value


def resolve(path: str) -> object:
    """``opgate.a.b`` (or ``A.b``) resolved from the package; an AttributeError when it is not
    there. An exception's attributes are looked up on a raised one (they are set per instance)."""
    value: object = opgate
    for part in path.split("."):
        if isinstance(value, type) and issubclass(value, opgate.OpgateError) and not hasattr(value, part):
            value = _api_error() if value is opgate.ApiError else _denied()
        value = getattr(value, part)
    return value


def mentioned_functions() -> set[str]:
    names = set()
    for span in code_spans(PYTHON_README):
        names.update(re.findall(r"(?:^|[\s/])([a-z_][a-z0-9_]*)\(", span))
        if re.fullmatch(r"[a-z_][a-z0-9_]*", span) and callable(getattr(opgate, span, None)):
            names.add(span)
    for text in [PYTHON_README, ROOT_README]:
        for block in python_blocks(text):
            names.update(re.findall(r"\bopgate\.([a-z_][a-z0-9_]*)\(", block))
    return names


def test_every_function_a_readme_mentions_is_called() -> None:
    mentioned = mentioned_functions()
    assert {"precheck", "check", "sign", "parse_response", "ram_authorize"} <= mentioned
    public = {name for name in opgate.__all__ if callable(getattr(opgate, name)) and not isinstance(getattr(opgate, name), type) and name[0].islower()}
    assert public <= CALLS.keys(), f"no call for {sorted(public - CALLS.keys())}"
    for name in sorted(mentioned):
        assert name in CALLS, f"a README mentions {name}(), which opgate does not have"
        assert name in ("help", "to_dict") or callable(getattr(opgate, name))
        CALLS[name]()


def test_every_name_a_readme_mentions_exists() -> None:
    paths = set()
    for text in [PYTHON_README, ROOT_README]:
        for block in python_blocks(text):
            paths.update(re.findall(r"\bopgate\.([A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_])", block))
    for span in code_spans(PYTHON_README) + code_spans(ROOT_README):
        paths.update(re.findall(r"\bopgate\.([A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_])(?![(\w])", span))
    for span in code_spans(PYTHON_README):
        for name in re.findall(r"^([A-Z][A-Za-z0-9]*)(?:\.([a-z_]+))?$", span):
            if not hasattr(builtins, name[0]):
                paths.add(".".join(part for part in name if part))
        paths.update(re.findall(r"\[([A-Z][A-Za-z0-9]*)\]", span))
    paths.discard("_opgate")
    assert {"Verdict", "DeniedError", "CURRENT_TIME", "MAX_DEPTH"} <= paths
    for path in sorted(paths):
        head = path.split(".")[0]
        if path.startswith("operation.") or path.startswith("precheck."):
            continue  # a call's result, e.g. `opgate.operation(id).wait`, checked below
        if importlib.util.find_spec(f"opgate.{head}") is not None and not hasattr(opgate, head):
            continue  # a submodule, e.g. `opgate.testing`, imported on its own
        assert head in opgate.__all__ or head.startswith("_"), f"a README names opgate.{path}, which opgate does not export"
        resolve(path)
    assert opgate.operation("ecs:RebootInstance").wait.initial_delay_seconds >= 0


def test_every_attribute_the_python_readme_names_exists() -> None:
    # `.venv` and `.venv-bench` are the virtualenvs run.sh creates, not attributes.
    attributes = {name for span in code_spans(PYTHON_README) if span not in (".venv", ".venv-bench") for name in re.findall(r"(?:^|\s)\.([a-z_]+)", span)}
    assert {"code", "errors", "provider_message", "access_denied_detail", "api"} <= attributes
    owners: list[object] = [_api_error(), _denied(), *(getattr(opgate, name) for name in opgate.__all__ if isinstance(getattr(opgate, name), type))]
    for attribute in sorted(attributes):
        assert any(hasattr(owner, attribute) for owner in owners), f"python/README.md names .{attribute}, which no opgate class or exception has"


def test_the_check_can_fail() -> None:
    with pytest.raises(AttributeError):
        resolve("DeniedError.verdict")
    with pytest.raises(AttributeError):
        resolve("Verdict.from_")

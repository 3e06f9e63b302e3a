"""Python-specific behaviour: exceptions, conversion limits, frozen results, pickling,
defaults that read the clock, credentials, threads."""

from __future__ import annotations

import copy
import inspect
import math
import os
import pickle
import re
import sys
import threading
import time
from typing import Any, Final

import pytest

import opgate

ECS: Final = "ecs:RebootInstance"
ZEC: Final = "zec:RebootInstances"
INSTANCE = "i-bp67acfmxazb4ph1abcd"


def ecs_item(instance_id: str = INSTANCE, status: str = "Running", **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "InstanceId": instance_id,
        "Status": status,
        "InstanceChargeType": "PostPaid",
        "ExpiredTime": "2099-12-31T15:59Z",
        "OperationLocks": {"LockReason": []},
    }
    item.update(extra)
    return item


def zec_item(instance_id: str, status: str = "RUNNING") -> dict[str, Any]:
    return {"instanceId": instance_id, "instanceStatus": status}


# --- results --------------------------------------------------------------------------------


def test_precheck_returns_typed_frozen_verdict() -> None:
    verdict = opgate.precheck(ECS, {"InstanceId": INSTANCE}, [ecs_item()])
    assert isinstance(verdict, opgate.Verdict)
    assert verdict.allowed is True
    assert verdict.operation == ECS
    assert verdict.allowed_ids == (INSTANCE,)
    assert verdict.denied_ids == ()
    (outcome,) = verdict.outcomes
    assert isinstance(outcome, opgate.Outcome)
    assert outcome.decision == "allow"
    assert outcome.error is None
    assert outcome.transition is not None
    assert (outcome.transition.from_, outcome.transition.immediate, outcome.transition.settled) == ("Running", "Starting", "Running")
    assert outcome.transition.to_dict() == {"from": "Running", "immediate": "Starting", "settled": "Running"}
    with pytest.raises(AttributeError):
        verdict.allowed = False  # type: ignore[misc]
    with pytest.raises(AttributeError):
        outcome.foo = 1  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        del verdict.operation


def test_repr_is_readable() -> None:
    verdict = opgate.precheck(ECS, {"InstanceId": INSTANCE}, [ecs_item(status="Stopped")])
    shown = repr(verdict)
    assert shown.startswith("Verdict(operation='ecs:RebootInstance', allowed=False")
    assert "denied_ids=('i-bp67acfmxazb4ph1abcd',)" in shown
    assert "IncorrectInstanceStatus" in repr(verdict.outcomes[0])
    assert repr(opgate.operation(ECS)) == "Operation(id='ecs:RebootInstance', provider='alibaba', action='RebootInstance')"


def test_to_dict_is_an_independent_copy() -> None:
    validated = opgate.validate(ECS, {"InstanceId": INSTANCE})
    data = validated.to_dict()
    assert data == {"operation": ECS, "params": {"InstanceId": INSTANCE}, "defaults": {"DryRun": False, "ForceStop": False}}
    data["params"]["InstanceId"] = "changed"
    assert validated.params["InstanceId"] == INSTANCE
    with pytest.raises(TypeError):
        validated.params["InstanceId"] = "changed"  # type: ignore[index]


def test_nested_data_is_read_only() -> None:
    op = opgate.operation("computenest:RenewServiceInstanceResources")
    assert isinstance(op.params, tuple)
    with pytest.raises(AttributeError):
        op.params[0].name = "x"  # type: ignore[misc]
    assert op.to_dict()["params"][0]["name"] == op.params[0].name
    period = op.params[1]
    assert isinstance(period.kind, opgate.IntegerKind) and period.kind.type == "integer"
    resource_period = op.params[4].kind
    assert isinstance(resource_period, opgate.ListKind)
    assert isinstance(resource_period.items, opgate.ObjectKind)
    assert [field.name for field in resource_period.items.fields] == ["ResourceArn", "Period", "PeriodUnit"]
    # Provider data stays a read-only mapping.
    response = opgate.parse_response(ECS, 200, '{"RequestId": "R", "Nested": {"a": [1, 2]}}')
    with pytest.raises(TypeError):
        response.data["RequestId"] = "changed"  # type: ignore[index]
    assert response.data == {"RequestId": "R", "Nested": {"a": (1, 2)}}


def test_equality_and_hash() -> None:
    a = opgate.precheck_resources(ZEC, [zec_item("1"), zec_item("2", "STOPPED")])
    b = opgate.precheck_resources(ZEC, [zec_item("1"), zec_item("2", "STOPPED")])
    c = opgate.precheck_resources(ZEC, [zec_item("1")])
    assert a == b and hash(a) == hash(b)
    assert a != c
    assert len({a, b, c}) == 2
    assert a != a.to_dict()
    assert opgate.Verdict(a.to_dict()) == a
    assert copy.deepcopy(a) is a


def test_operations_lists_every_operation() -> None:
    ops = opgate.operations()
    ids = [op.id for op in ops]
    assert ids == ["ecs:RebootInstance", "computenestsupplier:RestartServiceInstance", "computenest:RenewServiceInstanceResources", ZEC]
    assert opgate.operation(ZEC) == ops[3]
    assert ops[3].target.batch_max == 100
    assert isinstance(ops[3].wire, opgate.ZenlayerJsonWire) and ops[3].wire.style == "zenlayer_json"
    assert isinstance(ops[0].wire, opgate.AlibabaRpcWire)
    assert ops[0].summary != opgate.operation(ECS, lang="zh").summary


def test_wait_status() -> None:
    state = opgate.wait_status(ECS, "Starting")
    assert state.state == "pending"
    assert state.target == ("Running",)


# --- exceptions -----------------------------------------------------------------------------


def test_validation_error_lists_every_violation() -> None:
    with pytest.raises(opgate.ValidationError) as caught:
        opgate.validate(ECS, {"InstanceId": "bad id", "ForceStop": "yes", "Extra": 1})
    error = caught.value
    assert isinstance(error, opgate.OpgateError)
    assert error.kind == "validation"
    assert error.http_status == 400
    assert error.retryable is False
    assert len(error.errors) == 3
    assert {e.field for e in error.errors} == {"InstanceId", "ForceStop", "Extra"}
    assert error.code == error.errors[0].code
    assert error.field == error.errors[0].field
    assert error.message == error.errors[0].message
    assert error.report["kind"] == "validation"
    assert [e.to_dict() for e in error.errors] == error.report["errors"]
    assert str(error).startswith(f"{error.code} (400) at {error.field}: ")
    assert "(+2 more)" in str(error)


def test_messages_follow_lang() -> None:
    with pytest.raises(opgate.ValidationError) as en:
        opgate.validate(ECS, {})
    with pytest.raises(opgate.ValidationError) as zh:
        opgate.validate(ECS, {}, lang="zh")
    assert en.value.code == zh.value.code == "MissingParameter"
    assert en.value.message != zh.value.message
    assert "缺少" in (zh.value.message or "")


def test_input_errors() -> None:
    with pytest.raises(opgate.InputError) as caught:
        opgate.validate("ecs:Nope", {})  # type: ignore[arg-type]
    assert caught.value.code == "UnsupportedOperation"
    assert caught.value.field == "operation"
    with pytest.raises(opgate.InputError) as lang:
        opgate.operations(lang="fr")  # type: ignore[arg-type]
    assert lang.value.code == "InvalidParameter.Lang"
    with pytest.raises(opgate.InputError) as bounds:
        opgate.validate(ECS, {"InstanceId": INSTANCE}, int_bounds=[{"min": 1}])  # type: ignore[typeddict-item]
    assert bounds.value.field == "int_bounds[0]"


def test_check_raises_denied_with_every_denial() -> None:
    resources = [zec_item("1"), zec_item("2", "STOPPED"), zec_item("3", "REBOOT")]
    with pytest.raises(opgate.DeniedError) as caught:
        opgate.check(ZEC, {"instanceIds": ["1", "2", "3"]}, resources)
    error = caught.value
    assert error.kind == "denied"
    assert [e.code for e in error.errors] == ["OPERATION_DENIED_INSTANCE_STATUS"] * 2
    assert error.http_status == 403
    assert [e.field for e in error.errors] == ["instanceIds[1]", "instanceIds[2]"]
    verdict = opgate.check(ZEC, {"instanceIds": ["1"]}, resources)
    assert verdict.allowed


def test_api_error_carries_provider_fields() -> None:
    body = '{"RequestId": "ABC-123", "HostId": "ecs.aliyuncs.com", "Code": "Throttling", "Message": "Request was denied due to request throttling."}'
    with pytest.raises(opgate.ApiError) as caught:
        opgate.parse_response(ECS, 400, body)
    error = caught.value
    assert error.request_id == "ABC-123"
    assert error.host_id == "ecs.aliyuncs.com"
    assert error.code == "Throttling"
    assert error.retryable is True
    assert error.report["api"]["request_id"] == "ABC-123"
    assert error.provider_message == "Request was denied due to request throttling."


def test_api_error_in_chinese_keeps_the_provider_message() -> None:
    sent = "The current status of the resource does not support this operation."
    body = '{"RequestId": "E1", "Code": "IncorrectInstanceStatus", "Message": "%s"}' % sent
    with pytest.raises(opgate.ApiError) as caught:
        opgate.parse_response(ECS, 403, body, lang="zh")
    error = caught.value
    assert error.message == "该资源目前的状态不支持此操作。"
    assert error.provider_message == sent
    assert error.request_id == "E1"
    assert error.report["api"]["provider_message"] == sent


def test_parse_error_and_success() -> None:
    with pytest.raises(opgate.ParseError):
        opgate.parse_response(ECS, 200, "<html><body>gateway</body></html>", {"Content-Type": "text/html"})
    response = opgate.parse_response(ECS, 200, b'{"RequestId": "R-1"}', [("Content-Type", "application/json")])
    assert response.outcome == "succeeded"
    assert response.request_id == "R-1"
    assert response.data["RequestId"] == "R-1"
    with pytest.raises(opgate.InputError):
        opgate.parse_response(ECS, 70000, "{}")


def test_policy_error() -> None:
    with pytest.raises(opgate.PolicyError) as caught:
        opgate.ram_parse_policy({"Version": "1", "Statement": []})
    assert caught.value.kind == "policy"
    policy = opgate.ram_parse_policy('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]}')
    assert policy.version == "1"


def test_ram_authorize() -> None:
    policies = [{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:RebootInstance", "Resource": "*"}]}]
    auth = opgate.ram_authorize(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou", account_id="1488317743351199", policies=policies)
    assert auth.allowed and auth.checks[0].decision == "allow"
    denied = opgate.ram_authorize(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou", account_id="1488317743351199", policies=[])
    assert not denied.allowed and denied.error is not None and denied.error.code == "Forbidden.RAM"
    with pytest.raises(opgate.InputError):
        opgate.ram_evaluate({"Version": "1"}, "ecs:RebootInstance", "*")  # type: ignore[arg-type]


def test_signing_error_never_shows_secrets() -> None:
    request = opgate.build(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou")
    with pytest.raises(opgate.SigningError) as caught:
        opgate.sign(request, opgate.Credentials("", "top-secret-value"))
    assert "top-secret-value" not in repr(caught.value) + str(caught.value.report)


def test_exceptions_pickle() -> None:
    errors: list[opgate.OpgateError] = []
    for call in (
        lambda: opgate.validate(ECS, {}),
        lambda: opgate.validate("nope", {}),  # type: ignore[arg-type]
        lambda: opgate.check(ECS, {"InstanceId": INSTANCE}, [ecs_item(status="Stopped")]),
        lambda: opgate.parse_response(ECS, 500, '{"Code": "InternalError", "Message": "x", "RequestId": "R"}'),
        lambda: opgate.parse_response(ECS, 200, "not json"),
        lambda: opgate.ram_parse_policy({}),
        lambda: opgate.sign({"method": "POST", "host": "h"}, {"bearer_token": "t"}, algorithm="HMAC-SHA1"),  # type: ignore[arg-type]
    ):
        with pytest.raises(opgate.OpgateError) as caught:
            call()
        errors.append(caught.value)
    assert [e.kind for e in errors] == ["validation", "input", "denied", "api", "parse", "policy", "signing"]
    for error in errors:
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert again.report == error.report
        assert (again.code, again.http_status, again.message, again.field, again.retryable) == (
            error.code,
            error.http_status,
            error.message,
            error.field,
            error.retryable,
        )
        assert str(again) == str(error)
    denied = errors[2]
    assert isinstance(denied, opgate.DeniedError)
    again = pickle.loads(pickle.dumps(denied))
    assert isinstance(again, opgate.DeniedError) and again.errors == denied.errors
    api = errors[3]
    assert isinstance(api, opgate.ApiError)
    assert pickle.loads(pickle.dumps(api)).request_id == "R"


def test_results_pickle() -> None:
    request = opgate.build(ZEC, {"instanceIds": ["1", "2"]})
    results: list[Any] = [
        opgate.validate(ECS, {"InstanceId": INSTANCE}),
        opgate.precheck(ECS, {"InstanceId": INSTANCE}, [ecs_item()]),
        opgate.wait_status(ZEC, "RUNNING"),
        opgate.operation(ECS),
        request,
        opgate.sign(request, opgate.Credentials("id", "secret"), timestamp=1700000000),
        opgate.endpoint(ECS, region="cn-beijing"),
    ]
    for result in results:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            again = pickle.loads(pickle.dumps(result, protocol=protocol))
            assert again == result and type(again) is type(result)
            assert again.to_dict() == result.to_dict()


# --- conversion limits ----------------------------------------------------------------------


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


def test_nesting_depth_limit() -> None:
    assert opgate.MAX_DEPTH == 128
    # A list nested MAX_DEPTH deep inside params (params itself is the first level) is refused
    # with the path of the offending value; one level less reaches the core.
    with pytest.raises(opgate.InputError) as caught:
        opgate.validate(ECS, {"InstanceId": nested(opgate.MAX_DEPTH)})
    assert caught.value.code == "InvalidParameter"
    assert (caught.value.field or "").startswith("InstanceId[0][0]")
    assert "128" in (caught.value.message or "")
    with pytest.raises(opgate.ValidationError) as shallow:
        opgate.validate(ECS, {"InstanceId": nested(opgate.MAX_DEPTH - 1)})
    assert shallow.value.code == "InvalidParameter.InstanceId"


def test_very_deep_and_cyclic_input_is_an_error_not_a_crash() -> None:
    # A Describe item must be an object; what a list item holds is never read.
    with pytest.raises(opgate.ValidationError) as deep:
        opgate.precheck_resources(ECS, nested(100_000))
    assert deep.value.field == "resources[0]"
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    with pytest.raises(opgate.ValidationError) as caught:
        opgate.precheck_resources(ECS, cyclic)
    assert caught.value.field == "resources[0]"
    loop: dict[str, Any] = {}
    loop["self"] = loop
    with pytest.raises(opgate.InputError) as looped:
        opgate.validate(ECS, loop)
    assert (looped.value.field or "").startswith("self.self.self")


def test_shared_reference_bombs_hit_the_node_budget() -> None:
    item = ecs_item()
    wide = [[item] * 1000] * 10_000
    with pytest.raises(opgate.InputError) as caught:
        opgate.validate(ECS, {"InstanceId": INSTANCE, "Extra": wide})
    assert str(opgate.MAX_NODES) in (caught.value.message or "")
    doubled: Any = [0]
    for _ in range(30):
        doubled = [doubled, doubled]
    with pytest.raises(opgate.InputError):
        opgate.validate(ECS, {"InstanceId": INSTANCE, "Extra": doubled})
    with pytest.raises(opgate.InputError) as long:
        opgate.validate(ECS, {"InstanceId": INSTANCE, "Extra": [0] * (opgate.MAX_LIST_ITEMS + 1)})
    assert long.value.field == "Extra"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({1: "x"}, "keys must be strings"),
        (2**64, "64-bit"),
        (-(2**63) - 1, "64-bit"),
        (math.nan, "not finite"),
        (math.inf, "not finite"),
        ({"a", "b"}, "unsupported type set"),
        (b"bytes", "unsupported type bytes"),
        ("\ud800", "Unicode"),
    ],
)
def test_unconvertible_values(value: Any, words: str) -> None:
    with pytest.raises(opgate.InputError) as caught:
        opgate.validate(ECS, {"InstanceId": INSTANCE, "Extra": {"deep": [value]}})
    error = caught.value
    assert error.code == "InvalidParameter"
    assert error.field == "Extra.deep[0]"
    assert words in (error.message or "")
    with pytest.raises(opgate.InputError) as zh:
        opgate.validate(ECS, {"x": value}, lang="zh")
    assert zh.value.message != error.message
    # In a field a pre-check reads, the value is refused with its path ...
    with pytest.raises(opgate.OpgateError) as read:
        opgate.precheck_resources(ECS, [ecs_item(), ecs_item("i-2", Status=value)])
    assert read.value.field == "resources[1].Status"
    # ... and in one it does not read, it is never looked at.
    assert opgate.precheck_resources(ECS, [ecs_item(Extra={"deep": [value]})]).allowed


def test_large_unsigned_and_tuples_are_accepted() -> None:
    verdict = opgate.precheck_resources(ZEC, (zec_item("1") | {"big": 2**64 - 1, "neg": -(2**63)},))
    assert verdict.allowed_ids == ("1",)


def test_items_judged_by_kind_still_refuse_what_the_core_cannot_read() -> None:
    """Items alike but for their id are judged once; a field only waiters read (``StartTime``)
    is not compared, but still read, so a value the core cannot take is refused as before."""
    fleet = [ecs_item(f"i-{i:020d}", "Running" if i % 3 else "Stopped") for i in range(300)]
    verdict = opgate.precheck_resources(ECS, fleet)
    assert len(verdict.denied_ids) == 100
    assert verdict.outcomes[3].reason.startswith(f"The instance i-{3:020d} is Stopped")
    bad = [*fleet, ecs_item("i-bad", StartTime=b"2026-01-01T00:00Z")]
    with pytest.raises(opgate.InputError) as caught:
        opgate.precheck_resources(ECS, bad)
    assert caught.value.field == "resources[300].StartTime"
    with pytest.raises(opgate.InputError) as targeted:
        opgate.precheck(ECS, {"InstanceId": f"i-{1:020d}"}, bad)
    assert targeted.value.field == "resources[300].StartTime"
    assert opgate.precheck(ECS, {"InstanceId": f"i-{1:020d}"}, fleet).allowed


def test_params_must_be_an_object() -> None:
    with pytest.raises(opgate.ValidationError) as caught:
        opgate.validate(ECS, ["InstanceId"])  # type: ignore[arg-type]
    assert caught.value.code == "InvalidParameter"


# --- defaults and credentials ---------------------------------------------------------------


def test_now_defaults_to_the_clock() -> None:
    expired = ecs_item(InstanceChargeType="PrePaid", ExpiredTime="2020-01-01T00:00Z")
    assert opgate.check(ECS, {"InstanceId": INSTANCE}, [expired], now=None).allowed
    assert opgate.precheck(ECS, {"InstanceId": INSTANCE}, [expired], now=1500000000).allowed
    verdict = opgate.precheck(ECS, {"InstanceId": INSTANCE}, [expired])
    assert not verdict.allowed
    assert verdict.error is not None and verdict.error.code == "InstanceExpiredOrInArrears"
    assert repr(opgate.CURRENT_TIME) == "<current time>"


def test_credentials_hide_secrets_and_refuse_pickling() -> None:
    credentials = opgate.Credentials("LTAI-id", "s3cr3t", "sts-t0ken")
    assert credentials.access_key_id == "LTAI-id"
    assert "s3cr3t" not in repr(credentials) and "sts-t0ken" not in repr(credentials)
    assert "LTAI-id" in repr(credentials)
    bearer = opgate.Credentials.bearer("b34rer")
    assert "b34rer" not in repr(bearer) and bearer.access_key_id is None
    with pytest.raises(TypeError):
        pickle.dumps(credentials)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_draws_nonces_of_its_own() -> None:
    request = opgate.build(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou")
    keys = opgate.Credentials("id", "secret")
    opgate.sign(request, keys)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child only reports its nonce
        os.write(write, (opgate.sign(request, keys).request.header("x-acs-signature-nonce") or "").encode())
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    with os.fdopen(read, "rb") as pipe:
        in_child = pipe.read().decode()
    in_parent = opgate.sign(request, keys).request.header("x-acs-signature-nonce") or ""
    assert len(in_child) == 32 and abs(int(in_child, 16) - int(in_parent, 16)) > 1_000_000


def test_sign_defaults_read_the_clock_and_draw_a_nonce() -> None:
    request = opgate.build(ECS, {"InstanceId": INSTANCE}, region="cn-hangzhou")
    keys = opgate.Credentials("id", "secret")
    before = int(time.time())
    first = opgate.sign(request, keys)
    second = opgate.sign(request, keys)
    assert first.request.header("x-acs-signature-nonce") != second.request.header("x-acs-signature-nonce")
    date = first.request.header("x-acs-date") or ""
    assert date.startswith(time.strftime("%Y-%m-%d", time.gmtime(before)))
    nonces = {opgate.sign(request, keys).request.header("x-acs-signature-nonce") for _ in range(1000)}
    assert len(nonces) == 1000 and all(re.fullmatch("[0-9a-f]{32}", nonce or "") for nonce in nonces)
    pinned = opgate.sign(request.to_dict(), {"access_key_id": "id", "access_key_secret": "secret"}, timestamp=1700000000, nonce="n")
    assert pinned == opgate.sign(request, keys, timestamp=1700000000, nonce="n")
    assert pinned.request.content == b""
    with pytest.raises(opgate.InputError):
        opgate.sign(request, {"access_key_id": "id"})  # type: ignore[arg-type]


def test_zec_request_body() -> None:
    request = opgate.build(ZEC, {"instanceIds": ["1", "2"]})
    assert request.content == b'{"instanceIds":["1","2"]}'
    assert request.header("x-zc-action") == "RebootInstances"


# --- threads --------------------------------------------------------------------------------


def test_concurrent_calls_agree() -> None:
    fleet = [zec_item(str(i), "RUNNING" if i % 3 else "STOPPED") for i in range(5000)]
    expected = opgate.precheck_resources(ZEC, fleet)
    results: list[opgate.Verdict] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def work() -> None:
        try:
            for _ in range(5):
                verdict = opgate.precheck_resources(ZEC, fleet)
                with lock:
                    results.append(verdict)
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert len(results) == 40
    assert all(result == expected for result in results)
    assert len(expected.denied_ids) == 1667


def test_gil_is_released_while_the_core_works() -> None:
    """With the interpreter's thread switching effectively off, another thread can only run
    while this one releases the GIL; a ticker thread must advance during the batch calls."""
    fleet = [ecs_item(f"i-{i:020d}", "Running" if i % 2 else "Stopped") for i in range(10_000)]
    ticks = 0
    stop = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0)

    interval = sys.getswitchinterval()
    thread = threading.Thread(target=ticker)
    thread.start()
    advanced = 0
    try:
        sys.setswitchinterval(1000.0)
        for _ in range(5):
            before = ticks
            verdict = opgate.precheck_resources(ECS, fleet)
            advanced += ticks - before
    finally:
        sys.setswitchinterval(interval)
        stop.set()
        thread.join()
    assert len(verdict.allowed_ids) == 5000
    assert advanced > 0


PUBLIC_FUNCTIONS = [name for name in opgate.__all__ if inspect.isfunction(getattr(opgate, name))]
# Names an annotation may use besides the package's own exports.
BUILTIN_TYPES = {"str", "int", "float", "bool", "bytes", "bytearray", "None", "tuple", "dict", "list", "Mapping", "Sequence", "object"}


def test_annotations_name_only_public_types() -> None:
    assert len(PUBLIC_FUNCTIONS) >= 15
    for name in PUBLIC_FUNCTIONS:
        signature = inspect.signature(getattr(opgate, name))
        annotations = [str(p.annotation) for p in signature.parameters.values()] + [str(signature.return_annotation)]
        for used in set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", " ".join(annotations))):
            assert used in opgate.__all__ or used in BUILTIN_TYPES, f"{name}() annotation names {used!r}, which opgate does not export"


def test_every_public_function_documents_its_arguments_and_errors() -> None:
    for name in PUBLIC_FUNCTIONS:
        function = getattr(opgate, name)
        doc = inspect.getdoc(function) or ""
        assert "Raises:" in doc, f"{name}() does not say what it raises"
        for parameter in inspect.signature(function).parameters:
            assert parameter in doc, f"{name}() does not document {parameter!r}"
        if "now" in inspect.signature(function).parameters:
            assert "CURRENT_TIME" in doc, f"{name}() does not say that now defaults to the clock"


def test_operation_wait_documents_the_initial_delay() -> None:
    wait = opgate.operation("ecs:RebootInstance").wait
    assert wait.initial_delay_seconds >= 0 and wait.timeout_seconds > wait.interval_seconds > 0
    assert "first poll" in (opgate.WaitDescription.initial_delay_seconds.__doc__ or "")

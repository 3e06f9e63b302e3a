"""The hostile-input suite through the Python API, and the secret sweep.

1. Every case of ``tests/vectors/hostile.json`` (run by the Rust and JS suites too) must give
   exactly its ``expect``, and the core must count at most ``max_work`` steps for it (the
   extension's ``_take_work``): work is counted, never timed. Recipes build the large values,
   and ``$list`` repeats one object, so a million-item list is a million references to it, as
   a caller's ``[policy] * 1_000_000`` would be.
2. No secret, security token or bearer token, random for each run, appears in anything a call
   shows: an exception (args, repr, str, attributes, ``__cause__``, ``__context__``), a
   result's repr, str or ``to_dict()``, or a signed request's debug strings, unless the caller
   asks with ``include_secrets=True``. Every public function is called with the secrets planted
   where a caller might put credentials.
"""

from __future__ import annotations

import inspect
import json
import pickle
import uuid
from typing import Any, Callable, Final, Iterator

import pytest

import opgate
from hostile_recipes import expand, load_suite, run
from opgate import _opgate

SUITE = load_suite()


@pytest.mark.parametrize("case", SUITE["cases"], ids=[case["name"] for case in SUITE["cases"]])
def test_hostile_case(case: dict[str, Any]) -> None:
    args = expand(case["args"])
    _opgate._take_work()
    got = run(case["call"], args)
    work = _opgate._take_work()
    assert work <= case["max_work"], f"{work} steps, more than the bound of {case['max_work']}"
    if got != case["expect"]:
        pytest.fail(f"mismatch\nexpected {json.dumps(case['expect'], ensure_ascii=False)[:2000]}\ngot      {json.dumps(got, ensure_ascii=False)[:2000]}")


def test_recipes_expand_as_documented() -> None:
    shared = expand({"$list": {"a": 1}, "times": 3})
    assert shared == [{"a": 1}] * 3 and shared[0] is shared[2]
    assert expand({"$concat": ["<", {"$repeat": "ab", "times": 2}, ">"]}) == "<abab>"
    assert expand({"$numbered": "x{i}", "times": 3}) == ["x0", "x1", "x2"]
    assert expand({"$object": "k{i}", "value": True, "times": 2}) == {"k0": True, "k1": True}
    assert expand({"$json": {"a": [1, "é"]}}) == '{"a":[1,"é"]}'


# --- the secret sweep ---------------------------------------------------------------------

RUN = uuid.uuid4().hex
SECRET = f"AkSecret{RUN}"
TOKEN = f"StsToken{RUN}"
BEARER = f"BearerTok{RUN}"
SECRETS = (SECRET, TOKEN, BEARER)

ECS: Final = "ecs:RebootInstance"
ZEC: Final = "zec:RebootInstances"
INSTANCE = "i-bp67acfmxazb4ph1abcd"
ACCOUNT = "1488317743351199"
REGION = "cn-hangzhou"
POLICY = {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]}
# Where a caller might put credentials by mistake: parameter names, resource fields, headers,
# condition keys. No call may echo these values.
PLANTED_PARAMS = {"InstanceId": INSTANCE, "AccessKeySecret": SECRET, "SecurityToken": TOKEN, "BearerToken": BEARER}
PLANTED_ITEM = {"InstanceId": INSTANCE, "Status": "Running", "AccessKeySecret": SECRET, "SecurityToken": TOKEN}
PLANTED_HEADERS = [["Authorization", f"Bearer {BEARER}"], ["x-acs-security-token", TOKEN], ["x-acs-accesskey-secret", SECRET]]
PLANTED_CONTEXT = {"acs:SecurityToken": TOKEN, "acs:AccessKeySecret": SECRET, "acs:BearerToken": BEARER}


def shown_by_exception(error: BaseException, seen: set[int] | None = None) -> Iterator[str]:
    """Every text an exception shows: repr, str, args, attributes, and its cause and context."""
    seen = set() if seen is None else seen
    if id(error) in seen:
        return
    seen.add(id(error))
    yield repr(error)
    yield str(error)
    yield repr(error.args)
    for name in dir(error):
        if name.startswith("__") or name == "with_traceback":
            continue
        value = getattr(error, name, None)
        if callable(value):
            continue
        yield repr(value)
        if isinstance(value, tuple):
            for item in value:
                if hasattr(item, "to_dict"):
                    yield json.dumps(item.to_dict(), ensure_ascii=False)
    yield repr(getattr(error, "__notes__", None))
    for linked in (error.__cause__, error.__context__):
        if linked is not None:
            yield from shown_by_exception(linked, seen)


def shown_by_result(result: Any) -> Iterator[str]:
    """Every text a result shows without being asked for secrets."""
    if isinstance(result, tuple):
        for item in result:
            yield from shown_by_result(item)
        return
    yield repr(result)
    yield str(result)
    to_dict = getattr(result, "to_dict", None)
    if callable(to_dict):
        yield json.dumps(to_dict(), ensure_ascii=False)
    if isinstance(result, opgate.SignedRequest):
        yield repr(result.canonical_request)
        yield repr(result.string_to_sign)
        yield repr(result.request)
        yield json.dumps(result.request.to_dict(), ensure_ascii=False)


def assert_hidden(texts: Iterator[str], what: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"{what} shows a secret: {text[:300]}"


def outcome_of(call: Callable[[], Any], what: str) -> Any:
    """Runs a call and checks that nothing it shows holds a secret; returns its result."""
    try:
        result = call()
    except Exception as error:  # noqa: BLE001 - every exception is checked, whatever its class
        assert_hidden(shown_by_exception(error), what)
        return None
    assert_hidden(shown_by_result(result), what)
    return result


def requests() -> list[opgate.HttpRequest]:
    return [
        opgate.build(ECS, {"InstanceId": INSTANCE}, region=REGION),
        opgate.build("computenestsupplier:RestartServiceInstance", {"RegionId": REGION, "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1"}),
        opgate.build(ZEC, {"instanceIds": ["1", "2"]}),
    ]


def credentials() -> list[Any]:
    return [
        opgate.Credentials("LTAI-id", SECRET),
        opgate.Credentials("LTAI-id", SECRET, TOKEN),
        opgate.Credentials.bearer(BEARER),
        {"access_key_id": "LTAI-id", "access_key_secret": SECRET},
        {"access_key_id": "LTAI-id", "access_key_secret": SECRET, "security_token": TOKEN},
        {"bearer_token": BEARER},
    ]


def sweep_sign() -> None:
    for request in requests():
        for creds in credentials():
            for algorithm in (None, "ACS3-HMAC-SHA256", "HMAC-SHA1", "ZC2-HMAC-SHA256"):
                what = f"sign({request.url}, {creds!r}, {algorithm})"
                signed = outcome_of(lambda: opgate.sign(request, creds, algorithm=algorithm, timestamp=1700000000, nonce="n-1"), what)
                if signed is None:
                    continue
                sent = json.dumps(signed.to_dict(include_secrets=True), ensure_ascii=False)
                # The AccessKey secret only keys the HMAC: it is not even in what is sent.
                assert SECRET not in sent + signed.request.url + repr(signed.request.headers), what
                wire = signed.request.url + json.dumps(signed.request.headers)
                for token in (TOKEN, BEARER):
                    if token in sent:
                        assert token in wire, f"{what}: the token must still be sent"
                # Signing the sent request again (a retry) shows nothing either.
                outcome_of(lambda: opgate.sign(signed.request, creds, algorithm=algorithm, timestamp=1700000001, nonce="n-2"), what)
                outcome_of(lambda: opgate.sign(signed.to_dict(include_secrets=True)["request"], creds, timestamp=1700000001, nonce="n-3"), what)
                if sent != json.dumps(signed.to_dict(), ensure_ascii=False):
                    outcome_of(lambda: pickle.dumps(signed), f"pickling {what}")
    request = requests()[0]

    def unreadable(text: str) -> list[Any]:
        """Values a credential argument cannot be, each carrying `text`."""
        return [text + "\ud800", "\udfff" + text, text.encode(), ["list", text], {"value": text}, text + "\n", 42, None, ""]

    for bad in unreadable(TOKEN):
        outcome_of(lambda: opgate.Credentials("LTAI-id", bad, TOKEN), f"Credentials(secret={type(bad).__name__})")
        outcome_of(lambda: opgate.Credentials("LTAI-id", SECRET, bad), f"Credentials(token={type(bad).__name__})")
        outcome_of(lambda: opgate.Credentials.bearer(bad), f"Credentials.bearer({type(bad).__name__})")
    # The key id is not secret (repr shows it), but an unreadable one must not drag the
    # secret given beside it into the error.
    for bad in unreadable("LTAI-id"):
        outcome_of(lambda: opgate.Credentials(bad, SECRET, TOKEN), f"Credentials(id={type(bad).__name__})")
    for bad in unreadable(SECRET):
        for field in ("access_key_id", "access_key_secret", "security_token"):
            mapping: Any = {"access_key_id": "LTAI-id", "access_key_secret": SECRET, "security_token": TOKEN, field: bad}
            outcome_of(lambda: opgate.sign(request, mapping, timestamp=1700000000, nonce="n"), f"sign(dict {field}={type(bad).__name__})")
        outcome_of(lambda: opgate.sign(request, {"bearer_token": bad}, timestamp=1700000000, nonce="n"), "sign(bearer dict)")
    shapes: list[Any] = [
        {"access_key_id": "LTAI-id", "access_key_secret": SECRET, "bearer_token": BEARER},
        {"access_key_secret": SECRET, "security_token": TOKEN},
        {"access_key_id": "LTAI-id", "access_key_secret": SECRET, "security_token": TOKEN, "extra": BEARER},
        [SECRET, TOKEN],
        SECRET,
    ]
    for shape in shapes:
        outcome_of(lambda: opgate.sign(request, shape, timestamp=1700000000, nonce="n"), "sign(bad credentials)")
    broken_requests: list[Any] = [
        {**request.to_dict(), "headers": [f"x-acs-security-token: {TOKEN}"]},
        {**request.to_dict(), "headers": {"x-acs-security-token": TOKEN}},
        {**request.to_dict(), "query": [["SecurityToken", TOKEN, BEARER]]},
        {**request.to_dict(), "body_base64": TOKEN + "!"},
        {"headers": [["Authorization", f"Bearer {BEARER}"]]},
    ]
    for broken in broken_requests:
        outcome_of(lambda: opgate.sign(broken, credentials()[1], timestamp=1700000000, nonce="n"), "sign(broken request)")
    outcome_of(lambda: opgate.sign(request, opgate.Credentials("LTAI-id", SECRET, TOKEN + "\n"), timestamp=1, nonce="n"), "sign(token with a line break)")
    outcome_of(lambda: opgate.sign(request, opgate.Credentials("", SECRET, TOKEN), timestamp=1, nonce="n"), "sign(no key id)")
    outcome_of(lambda: opgate.sign(request, opgate.Credentials.bearer(BEARER), algorithm="ACS3-HMAC-SHA256", timestamp=1, nonce="n"), "sign(bearer on Alibaba)")
    outcome_of(lambda: repr(opgate.Credentials("LTAI-id", SECRET, TOKEN)) + repr(opgate.Credentials.bearer(BEARER)), "Credentials repr")


DENIED_RESPONSE: Any = {"status": 403, "body": json.dumps({"Code": "Forbidden", "Message": "denied"}), "headers": PLANTED_HEADERS}

PLANTED: dict[str, list[Callable[[], Any]]] = {
    "operations": [lambda: opgate.operations()],
    "operation": [lambda: opgate.operation(ECS)],
    "validate": [lambda: opgate.validate(ECS, PLANTED_PARAMS), lambda: opgate.validate(ZEC, {"instanceIds": ["1"], "securityToken": TOKEN})],
    "precheck": [lambda: opgate.precheck(ECS, PLANTED_PARAMS, [PLANTED_ITEM]), lambda: opgate.precheck(ECS, {"InstanceId": INSTANCE}, [PLANTED_ITEM])],
    "precheck_resources": [lambda: opgate.precheck_resources(ECS, [PLANTED_ITEM, {"SecurityToken": TOKEN}])],
    "check": [lambda: opgate.check(ECS, PLANTED_PARAMS, [PLANTED_ITEM]), lambda: opgate.check(ECS, {"InstanceId": INSTANCE}, [{**PLANTED_ITEM, "Status": "Stopped"}])],
    "wait_status": [lambda: opgate.wait_status(ECS, "Running")],
    "build": [lambda: opgate.build(ECS, PLANTED_PARAMS, region=REGION), lambda: opgate.build(ZEC, {"instanceIds": ["1"], "accessKeySecret": SECRET})],
    "sign": [],  # sweep_sign, below
    "parse_response": [
        lambda: opgate.parse_response(ECS, 200, '{"RequestId": "r"}', PLANTED_HEADERS),
        lambda: opgate.parse_response(ZEC, 403, '{"code": "X"}', {"cf-mitigated": "challenge", "authorization": f"Bearer {BEARER}"}),
        lambda: opgate.parse_response(ECS, 400, "<html>", PLANTED_HEADERS),
    ],
    "endpoint": [lambda: opgate.endpoint(ECS, region=REGION)],
    "ram_parse_policy": [lambda: opgate.ram_parse_policy(POLICY)],
    "ram_required_access": [lambda: opgate.ram_required_access(ECS, PLANTED_PARAMS, region=REGION, account_id=ACCOUNT)],
    "ram_authorize": [
        lambda: opgate.ram_authorize(ECS, PLANTED_PARAMS, region=REGION, account_id=ACCOUNT, policies=[POLICY], context=PLANTED_CONTEXT),
        lambda: opgate.ram_authorize(ECS, {"InstanceId": INSTANCE}, region=REGION, account_id=ACCOUNT, policies=[POLICY], context=PLANTED_CONTEXT),
    ],
    "ram_evaluate": [lambda: opgate.ram_evaluate([POLICY], "ecs:RebootInstance", "acs:ecs:*:*:instance/i-1", context=PLANTED_CONTEXT)],
    "client_token": [lambda: opgate.client_token(ECS, PLANTED_PARAMS, scope=TOKEN)],
    "classify": [lambda: opgate.classify(ECS, "Throttling"), lambda: opgate.classify(ECS, "InvalidAccessKeyId.NotFound", status=404)],
    "retry_advice": [lambda: opgate.retry_advice(ECS, 429, "Throttling", PLANTED_HEADERS, params=PLANTED_PARAMS, now=1700000000)],
    "access_denied": [
        lambda: opgate.access_denied({"AuthAction": "ecs:RebootInstance", "SecurityToken": TOKEN, "AccessKeySecret": SECRET}),
    ],
    "plan": [lambda: opgate.plan(ECS, [INSTANCE], [PLANTED_ITEM], scope=TOKEN, region=REGION, now=1700000000)],
    "merge_plan": [
        lambda: opgate.merge_plan(
            opgate.plan(ECS, [INSTANCE], [PLANTED_ITEM], region=REGION, now=1700000000),
            [DENIED_RESPONSE],
        )
    ],
}


def public_functions() -> list[str]:
    return sorted(name for name in opgate.__all__ if inspect.isfunction(getattr(opgate, name)))


def test_the_sweep_covers_every_public_function() -> None:
    assert sorted(PLANTED) == public_functions()


@pytest.mark.parametrize("name", public_functions())
def test_no_call_shows_a_secret(name: str) -> None:
    for call in PLANTED[name]:
        outcome_of(call, name)
    # Credentials never go anywhere but sign: passing them to any other function is Python's
    # own TypeError, which names the keyword and not the value.
    function = getattr(opgate, name)
    if name == "sign":
        sweep_sign()
    else:
        outcome_of(lambda: function(access_key_secret=SECRET, security_token=TOKEN, bearer_token=BEARER), name)


def test_secrets_show_only_when_asked() -> None:
    request = opgate.build(ECS, {"InstanceId": INSTANCE}, region=REGION)
    for algorithm in ("ACS3-HMAC-SHA256", "HMAC-SHA1"):
        signed = opgate.sign(request, opgate.Credentials("LTAI-id", SECRET, TOKEN), algorithm=algorithm, timestamp=1700000000, nonce="n")
        assert TOKEN not in repr(signed) + json.dumps(signed.to_dict())
        assert "<redacted>" in json.dumps(signed.to_dict())
        assert TOKEN in json.dumps(signed.to_dict(include_secrets=True))
        assert TOKEN in signed.request.url + json.dumps(signed.request.headers)
        # Rebuilt from what is sent (the constructor unpickling uses), it equals the original.
        assert opgate.SignedRequest(signed.to_dict(include_secrets=True)) == signed
        with pytest.raises(TypeError):
            pickle.dumps(signed)
    bearer = opgate.sign(opgate.build(ZEC, {"instanceIds": ["1"]}), opgate.Credentials.bearer(BEARER), timestamp=1700000000)
    assert bearer.request.header("authorization") == f"Bearer {BEARER}"
    assert BEARER not in repr(bearer) + json.dumps(bearer.to_dict())


def test_unreadable_credentials_are_input_errors_naming_the_field() -> None:
    with pytest.raises(opgate.InputError) as caught:
        opgate.Credentials("LTAI-id", SECRET + "\ud800")
    error = caught.value
    assert (error.code, error.field) == ("InvalidParameter.Credentials", "access_key_secret")
    assert error.__cause__ is None and error.__context__ is None
    with pytest.raises(opgate.InputError) as typed:
        opgate.Credentials("LTAI-id", SECRET, TOKEN.encode())
    assert typed.value.field == "security_token" and "bytes" in (typed.value.message or "")
    with pytest.raises(opgate.InputError) as in_dict:
        opgate.sign(opgate.build(ZEC, {"instanceIds": ["1"]}), {"bearer_token": BEARER + "\udfff"}, timestamp=1)
    assert in_dict.value.field == "credentials.bearer_token"

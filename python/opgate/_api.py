"""The public functions: each calls the extension once and returns its result as it comes, a
native object owned by the Rust core (the classes of :mod:`opgate._opgate`, defined by the core's
structs). Defaults that need the outside world (the clock, a nonce) are filled in here, because
the core never reads a clock."""

from __future__ import annotations

import enum
import os
import time
from typing import Final, Mapping, Sequence, Union

from . import _opgate
from ._opgate import (
    AccessCheck,
    ApiResponse,
    Authorization,
    Credentials,
    Endpoint,
    HttpRequest,
    Operation,
    Policy,
    RequiredAccess,
    SignedRequest,
    Validated,
    Verdict,
    WaitState,
)
from ._types import (
    AccessKeyCredentials,
    BearerCredentials,
    HttpRequestDict,
    IntBound,
    JsonValue,
    Lang,
    OperationId,
    SignatureAlgorithm,
)

__all__ = [
    "Lang",
    "OperationId",
    "Json",
    "Params",
    "Resources",
    "PolicyDocument",
    "Headers",
    "IntBound",
    "IntBounds",
    "Clock",
    "CURRENT_TIME",
    "Now",
    "Credentials",
    "AccessKeyCredentials",
    "BearerCredentials",
    "SignatureAlgorithm",
    "operations",
    "operation",
    "validate",
    "precheck",
    "precheck_resources",
    "check",
    "wait_status",
    "build",
    "RequestBuilder",
    "sign",
    "parse_response",
    "endpoint",
    "ram_parse_policy",
    "ram_required_access",
    "ram_authorize",
    "ram_evaluate",
]

Json = JsonValue
"""Plain JSON data: dict, list, str, int, float, bool, None (what ``to_dict()`` returns)."""

Params = Mapping[str, object]
"""Request parameters as the provider names them (``{"InstanceId": "i-..."}``). The values are
checked by the core, never coerced: anything that is not JSON data (sets, bytes, NaN, ints beyond
64 bits, non-string keys, cycles, nesting deeper than :data:`opgate.MAX_DEPTH`) raises an
:class:`~opgate.InputError` with the value's path."""

Resources = Union[Sequence[Mapping[str, object]], Mapping[str, object]]
"""Describe data as the provider returns it: a list of items (ECS ``DescribeInstances`` items,
Compute Nest ``GetServiceInstance`` bodies, ZEC ``dataSet`` items), one item, or a whole Describe
response. Only the fields the operation's guards name are read."""

PolicyDocument = Union[Mapping[str, object], str]
"""A RAM policy document: a dict, or its JSON text."""

Headers = Union[Mapping[str, str], Sequence[Sequence[str]]]
"""Response headers: a mapping of name to value, or ``[(name, value), ...]`` (for repeated names)."""

IntBounds = Sequence[IntBound]
"""``int_bounds=``: narrower integer ranges, e.g. ``[{"path": "Period", "min": 1, "max": 36}]``."""


class Clock(enum.Enum):
    """The type of :data:`CURRENT_TIME`: ``now=CURRENT_TIME`` (every ``now`` default) reads
    ``time.time()`` when the call is made."""

    CURRENT_TIME = "current time"

    def __repr__(self) -> str:
        return "<current time>"


CURRENT_TIME: Final = Clock.CURRENT_TIME
"""The default of every ``now`` argument: the current Unix time, read at the call."""

Now = Union[int, None, Clock]
"""``now=``: Unix seconds for expiry checks (a prepaid ECS instance whose ``ExpiredTime`` has
passed is denied); ``None`` skips them, as the Rust core does without a clock; the default
:data:`CURRENT_TIME` reads the clock at the call."""


def _clock(now: Now) -> int | None:
    return int(time.time()) if now is CURRENT_TIME else now


# The default signature nonce. The servers need it unique per request (they refuse a repeat
# within the timestamp's window, https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature);
# it is no secret, the signature covers it. A 128-bit counter started at a random point (127
# random bits, so it never outgrows 16 bytes): 32 hex characters like ``uuid.uuid4().hex`` at a
# fraction of its cost. The extension keeps the counter and reads it when ``sign`` is given no
# nonce (and the clock, for no timestamp, and for ``build(now=CURRENT_TIME)``): in Python the
# two cost a sixth of build + sign. A forked child starts a counter of its own, or it would
# repeat its parent's nonces.
def _new_nonces() -> None:
    _opgate._seed_nonces(int.from_bytes(os.urandom(16), "big") >> 1)


_new_nonces()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_nonces)


def operations(*, lang: Lang = "en") -> tuple[Operation, ...]:
    """Every supported operation, described (parameters, statuses, wait settings, errors).

    Args:
        lang: ``"en"`` (default) or ``"zh"``, for summaries and error messages.

    Raises:
        InputError: ``lang`` is neither ``"en"`` nor ``"zh"`` (``InvalidParameter.Lang``).
    """
    return _opgate.operations(lang=lang)


def operation(operation: OperationId, *, lang: Lang = "en") -> Operation:
    """One operation's description by id.

    Args:
        operation: the operation id, e.g. ``"ecs:RebootInstance"`` or ``"zec:RebootInstances"``.
        lang: ``"en"`` (default) or ``"zh"``.

    Raises:
        InputError: unknown operation (``UnsupportedOperation``) or language.
    """
    return _opgate.operation(operation, lang=lang)


def validate(operation: OperationId, params: Params, *, lang: Lang = "en", now: Now = CURRENT_TIME, int_bounds: IntBounds | None = None) -> Validated:
    """Checks request parameters against the operation's rules, without sending anything.

    Args:
        operation: the operation id, e.g. ``"ecs:RebootInstance"``.
        params: the request parameters as the provider names them (``{"InstanceId": ...}``).
        lang: ``"en"`` (default) or ``"zh"``, for the messages.
        now: Unix seconds; default :data:`CURRENT_TIME` (the clock, read at the call);
            ``None`` for no clock.
        int_bounds: narrower integer ranges for parameters the provider leaves open, e.g.
            ``[{"path": "Period", "min": 1, "max": 36}]``; default none.

    Returns:
        The parameters type-normalised, and the defaults the provider assumes for the rest.

    Raises:
        ValidationError: the parameters break the rules; ``errors`` lists every violation
            (up to 100), each with its ``field`` path.
        InputError: unknown operation or language, or malformed ``int_bounds``.
    """
    return _opgate.validate(operation, params, lang=lang, now=_clock(now), int_bounds=int_bounds)


def precheck(
    operation: OperationId,
    params: Params,
    resources: Resources,
    *,
    lang: Lang = "en",
    now: Now = CURRENT_TIME,
    int_bounds: IntBounds | None = None,
) -> Verdict:
    """Validates ``params`` and judges each target among ``resources``: would the provider
    accept the call now? A denial is ``verdict.allowed == False``, never an exception.

    Args:
        operation: the operation id, e.g. ``"ecs:RebootInstance"``.
        params: the request parameters, e.g. ``{"InstanceId": "i-..."}``.
        resources: the targets as the provider's Describe API returns them: a list of items
            (ECS ``DescribeInstances`` items, Compute Nest ``GetServiceInstance`` bodies, ZEC
            ``dataSet`` items), one item, or a whole Describe response.
        lang: ``"en"`` (default) or ``"zh"``, for messages and reasons.
        now: Unix seconds for expiry checks; default :data:`CURRENT_TIME` (the clock, read at
            the call); ``None`` skips them.
        int_bounds: narrower integer ranges (see :func:`validate`); default none.

    Returns:
        A :class:`Verdict`: ``allowed``, one :class:`Outcome` per target (decision, provider
        error, reason, status transition), ``allowed_ids``/``denied_ids``, and for a
        single-resource call the ``error`` the provider would answer.

    Raises:
        ValidationError: the parameters break the rules, or ``resources`` is not Describe
            data (a target missing, a status of the wrong type, more than 10,000 items).
        InputError: unknown operation or language, or malformed ``int_bounds``.
    """
    return _opgate.precheck(operation, params, resources, lang=lang, now=_clock(now), int_bounds=int_bounds)


def precheck_resources(operation: OperationId, resources: Resources, *, lang: Lang = "en", now: Now = CURRENT_TIME, int_bounds: IntBounds | None = None) -> Verdict:
    """Judges every resource on its own, without request parameters: "which of these could be
    rebooted right now?". One call for the whole list; the GIL is released while it runs.

    Args:
        operation: the operation id, e.g. ``"zec:RebootInstances"``.
        resources: Describe items, one item, or a whole Describe response (see
            :func:`precheck`); at most 10,000 items.
        lang: ``"en"`` (default) or ``"zh"``.
        now: Unix seconds for expiry checks; default :data:`CURRENT_TIME`; ``None`` skips them.
        int_bounds: narrower integer ranges (see :func:`validate`); default none.

    Returns:
        A :class:`Verdict` with one :class:`Outcome` per resource; denials are outcomes, never
        exceptions.

    Raises:
        ValidationError: ``resources`` is not Describe data for the operation.
        InputError: unknown operation or language, or malformed ``int_bounds``.
    """
    return _opgate.precheck_resources(operation, resources, lang=lang, now=_clock(now), int_bounds=int_bounds)


def check(
    operation: OperationId,
    params: Params,
    resources: Resources,
    *,
    lang: Lang = "en",
    now: Now = CURRENT_TIME,
    int_bounds: IntBounds | None = None,
) -> Verdict:
    """:func:`precheck`, but raising unless the operation is allowed.

    Args:
        operation: the operation id, e.g. ``"zec:RebootInstances"``.
        params: the request parameters, e.g. ``{"instanceIds": [...]}``.
        resources: Describe items, one item, or a whole Describe response (see :func:`precheck`).
        lang: ``"en"`` (default) or ``"zh"``.
        now: Unix seconds for expiry checks; default :data:`CURRENT_TIME` (the clock, read at
            the call); ``None`` skips them.
        int_bounds: narrower integer ranges (see :func:`validate`); default none.

    Returns:
        The :class:`Verdict`, when every target is allowed (or a dry run would pass).

    Raises:
        DeniedError: the provider would refuse; ``errors`` holds one error per refused
            target, its ``field`` the target's parameter path (``InstanceId``,
            ``instanceIds[3]``), its ``code``/``http_status``/``message`` the provider's.
        ValidationError: the parameters break the rules, or ``resources`` is not Describe data.
        InputError: unknown operation or language, or malformed ``int_bounds``.
    """
    return _opgate.check(operation, params, resources, lang=lang, now=_clock(now), int_bounds=int_bounds)


def wait_status(operation: OperationId, status: str, *, lang: Lang = "en") -> WaitState:
    """Classifies one status seen while polling, without memory: ``state`` is ``"goal"`` (a
    target status), ``"pending"`` (poll again) or ``"failed"`` (``"done"`` only for synchronous
    operations: nothing to wait for). The target status of an asynchronous operation is
    ``goal``, never ``done`` (right after the call it still reads so); use
    :class:`opgate.Waiter` to know when the operation has finished.

    How long to wait is in the operation's description, ``operation(id).wait``:
    ``initial_delay_seconds`` (wait this long before the first poll, because right after the
    call the status can still read as before), ``interval_seconds`` between polls and
    ``timeout_seconds`` in all; ``target``, ``pending`` and ``failure`` list the statuses.

    Args:
        operation: the operation id.
        status: the status the Describe API reports now, e.g. ``"Starting"``.
        lang: ``"en"`` (default) or ``"zh"``, for ``reason``.

    Raises:
        InputError: unknown operation or language.
    """
    return _opgate.wait_status(operation, status, lang=lang)


def build(
    operation: OperationId,
    params: Params,
    *,
    region: str | None = None,
    endpoint: str | None = None,
    lang: Lang = "en",
    now: Now = CURRENT_TIME,
    int_bounds: IntBounds | None = None,
) -> HttpRequest:
    """Validates ``params`` and builds the unsigned HTTP request, exactly as it must be sent.

    Args:
        operation: the operation id.
        params: the request parameters (see :func:`validate`).
        region: the region whose endpoint to use, e.g. ``"cn-hangzhou"``; needed where the
            operation has no ``RegionId`` parameter (ECS); default none.
        endpoint: a host (or ``https://host``, ``http://host:port``) replacing the resolved
            one, e.g. a VPC endpoint; default none.
        lang: ``"en"`` (default) or ``"zh"``, for error messages.
        now: accepted as every call's ``now`` is (default :data:`CURRENT_TIME`, or Unix
            seconds, or ``None``), but building reads no time.
        int_bounds: narrower integer ranges (see :func:`validate`); default none.

    Returns:
        An :class:`HttpRequest` (method, url, query, headers, body); sign it with :func:`sign`.

    Raises:
        ValidationError: the parameters break the rules.
        InputError: unknown operation or language, a missing (``MissingParameter.Region``) or
            unknown region, or an unusable ``endpoint``.
    """
    # Positional, and CURRENT_TIME read by the extension: keywords and the clock in Python each
    # cost a tenth of a build.
    return _opgate.build(operation, params, region, endpoint, lang, now, int_bounds)



class RequestBuilder:
    """An operation and its build options, read and checked once, for building many requests.

    ``RequestBuilder(operation, region=...).build(params)`` answers exactly as
    ``build(operation, params, region=...)`` does, and reads only ``params``: a script that
    reboots a fleet builds one request per instance with the same operation and region.

    Args:
        operation: the operation id.
        region, endpoint, lang, now, int_bounds: as :func:`build`'s.

    Raises:
        InputError: unknown operation or language, or an option of the wrong type.
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        operation: OperationId,
        *,
        region: str | None = None,
        endpoint: str | None = None,
        lang: Lang = "en",
        now: Now = CURRENT_TIME,
        int_bounds: IntBounds | None = None,
    ) -> None:
        self._native = _opgate.RequestBuilder(operation, region, endpoint, lang, now, int_bounds)

    def build(self, params: Params) -> HttpRequest:
        """Validates ``params`` and builds the unsigned HTTP request, as :func:`build` does.

        Raises:
            ValidationError: the parameters break the rules.
            InputError: a missing (``MissingParameter.Region``) or unknown region, or an
                unusable ``endpoint``.
        """
        return self._native.build(params)

    @property
    def operation(self) -> OperationId:
        """The operation this builder builds requests for."""
        return self._native.operation

    @property
    def region(self) -> str | None:
        """The ``region`` option, or ``None``."""
        return self._native.region

    @property
    def endpoint(self) -> str | None:
        """The ``endpoint`` option, or ``None``."""
        return self._native.endpoint

    def __repr__(self) -> str:
        return f"RequestBuilder({self.operation!r}, region={self.region!r}, endpoint={self.endpoint!r})"


def sign(
    request: HttpRequest | HttpRequestDict,
    credentials: Credentials | AccessKeyCredentials | BearerCredentials,
    *,
    algorithm: SignatureAlgorithm | None = None,
    timestamp: int | None = None,
    nonce: str | None = None,
    lang: Lang = "en",
) -> SignedRequest:
    """Signs a request from :func:`build` (or its ``to_dict()``).

    Args:
        request: the :class:`HttpRequest` to sign (signed as it is), or its ``to_dict()``.
        credentials: a :class:`Credentials`, or a dict ``{"access_key_id", "access_key_secret"[,
            "security_token"]}`` or ``{"bearer_token"}`` (Zenlayer only).
        algorithm: ``"ACS3-HMAC-SHA256"``, ``"HMAC-SHA1"`` (Alibaba RPC v1) or
            ``"ZC2-HMAC-SHA256"``; default ``None``: the provider's default (ACS3 for Alibaba,
            ZC2 for Zenlayer).
        timestamp: Unix seconds to sign with; default ``None``: the clock, read at the call
            (the servers refuse times ~15 minutes off).
        nonce: a value unique per request; default ``None``: 32 hex characters, from a
            128-bit counter started at a random point in each process.
        lang: ``"en"`` (default) or ``"zh"``, for error messages.

    Returns:
        A :class:`SignedRequest`: ``request`` with the signature headers added, plus the
        canonical request, string to sign and signature. The request's attributes carry a
        security or bearer token to send; ``repr``, ``str``, ``to_dict()`` and the debug
        strings show ``<redacted>`` instead (``to_dict(include_secrets=True)`` keeps it).

    Raises:
        SigningError: the credentials cannot sign it (empty, a line break, a bearer token
            for Alibaba).
        InputError: an unknown algorithm, a malformed request, a negative timestamp or an
            unusable nonce.
    """
    # Positional, as in build; no timestamp or nonce: the extension reads the clock and the nonce
    # counter (see _new_nonces).
    return _opgate.sign(request, credentials, timestamp, nonce, algorithm, lang)


def parse_response(
    operation: OperationId,
    status: int,
    body: bytes | bytearray | str,
    headers: Headers | None = None,
    *,
    lang: Lang = "en",
) -> ApiResponse:
    """Reads a provider response into a typed result or the provider's error.

    Args:
        operation: the operation id the request was for.
        status: the HTTP status code (100-599).
        body: the body as bytes or text (JSON, or XML for Alibaba); at most 4 MiB.
        headers: the response headers as a mapping or ``[(name, value), ...]``; default none.
        lang: ``"en"`` (default) or ``"zh"``: the language of ``message``.

    Returns:
        An :class:`ApiResponse` for a success, a partial success (``failures``) or a passed
        ECS dry run.

    Raises:
        ApiError: the provider answered with an error: its ``code`` and ``http_status``,
            ``provider_message`` (its own message, exactly as sent, in every ``lang``),
            ``request_id`` and the other fields it sent.
        ParseError: the body is not a well-formed answer (an HTML gateway page, truncated
            JSON, fields of the wrong type); ``retryable`` for 5xx and 429.
        InputError: unknown operation or language, a status outside 100-599, or malformed
            ``headers``.
    """
    return _opgate.parse_response(operation, status, body, headers, lang=lang)


def endpoint(operation: OperationId, *, region: str | None = None, endpoint: str | None = None, lang: Lang = "en") -> Endpoint:
    """Where a request for the operation goes: scheme, host and path.

    Args:
        operation: the operation id.
        region: the region, e.g. ``"cn-hangzhou"``; needed for regional endpoints; default none.
        endpoint: a host replacing the resolved one; default none.
        lang: ``"en"`` (default) or ``"zh"``, for error messages.

    Raises:
        InputError: unknown operation or language, a missing or unknown region, or an
            unusable ``endpoint``.
    """
    return _opgate.endpoint(operation, region=region, endpoint=endpoint, lang=lang)


def ram_parse_policy(policy: PolicyDocument, *, lang: Lang = "en") -> Policy:
    """Parses one RAM policy document.

    Args:
        policy: the document as a dict or its JSON text (at most 6,144 characters).
        lang: ``"en"`` (default) or ``"zh"``, for error messages.

    Raises:
        PolicyError: the document is malformed (``MalformedPolicyDocument``, every problem
            listed) or too long (``InvalidParameter.PolicyDocument.Length``).
        InputError: unknown language.
    """
    return _opgate.ram_parse_policy(policy, lang=lang)


def ram_required_access(operation: OperationId, params: Params, *, region: str, account_id: str, lang: Lang = "en") -> tuple[RequiredAccess, ...]:
    """The RAM permissions the operation needs for these parameters: one ``(action,
    resource ARN)`` per target.

    Args:
        operation: the operation id.
        params: the request parameters (validated first).
        region: the region id used in the ARNs, e.g. ``"cn-hangzhou"``.
        account_id: the Alibaba Cloud account id used in the ARNs (16 digits).
        lang: ``"en"`` (default) or ``"zh"``, for error messages.

    Raises:
        ValidationError: the parameters break the operation's rules.
        InputError: unknown operation or language, a Zenlayer operation (RAM governs Alibaba
            Cloud only: ``UnsupportedOperation``), or a malformed region or account id.
    """
    return _opgate.ram_required_access(operation, params, region=region, account_id=account_id, lang=lang)


def ram_authorize(
    operation: OperationId,
    params: Params,
    *,
    region: str,
    account_id: str,
    policies: Sequence[PolicyDocument],
    context: Mapping[str, object] | None = None,
    lang: Lang = "en",
) -> Authorization:
    """Whether the identity policies let the caller run the operation, as RAM would decide.

    Args:
        operation: the operation id.
        params: the request parameters (validated first).
        region: the region id used in the ARNs.
        account_id: the account id used in the ARNs.
        policies: the caller's policy documents (dicts or JSON text).
        context: condition keys and values, e.g. ``{"acs:SourceIp": "203.0.113.7"}``;
            default none.
        lang: ``"en"`` (default) or ``"zh"``, for reasons and messages.

    Returns:
        An :class:`Authorization`: ``allowed``, one :class:`AccessCheck` per required
        permission, and for a denial the provider's ``Forbidden.RAM`` error.

    Raises:
        PolicyError: a policy document is malformed.
        ValidationError: the parameters break the operation's rules.
        InputError: unknown operation or language, a Zenlayer operation
            (``UnsupportedOperation``), or a malformed region, account id or context.
    """
    return _opgate.ram_authorize(operation, params, region=region, account_id=account_id, policies=policies, context=context, lang=lang)


def ram_evaluate(
    policies: Sequence[PolicyDocument],
    action: str,
    resource: str,
    *,
    context: Mapping[str, object] | None = None,
    lang: Lang = "en",
) -> AccessCheck:
    """RAM's decision for one action on one resource ARN under the policies.

    Args:
        policies: policy documents (dicts or JSON text).
        action: e.g. ``"ecs:RebootInstance"``.
        resource: a resource ARN, e.g. ``"acs:ecs:cn-hangzhou:1488317743351199:instance/i-..."``.
        context: condition keys and values; default none.
        lang: ``"en"`` (default) or ``"zh"``, for ``reason``.

    Returns:
        An :class:`AccessCheck`: ``allow``, ``implicit_deny`` or ``explicit_deny``, with the
        deciding policy and statement.

    Raises:
        PolicyError: a policy document is malformed.
        InputError: unknown language or a malformed context.
    """
    return _opgate.ram_evaluate(policies, action, resource, context=context, lang=lang)

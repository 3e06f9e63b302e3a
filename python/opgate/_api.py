"""The public functions: each calls the extension once and wraps its plain result in a frozen
object. Defaults that need the outside world (the clock, a nonce) are filled in here, because
the core never reads a clock."""

from __future__ import annotations

import enum
import time
import uuid
from typing import Any, Final, Literal, Mapping, Sequence, TypedDict, Union

from . import _opgate
from ._model import (
    AccessCheck,
    ApiResponse,
    Authorization,
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

__all__ = [
    "Lang",
    "IntBound",
    "Clock",
    "CURRENT_TIME",
    "operations",
    "operation",
    "validate",
    "precheck",
    "precheck_resources",
    "check",
    "wait_status",
    "build",
    "sign",
    "parse_response",
    "endpoint",
    "ram_parse_policy",
    "ram_required_access",
    "ram_authorize",
    "ram_evaluate",
]

Lang = Literal["en", "zh"]
"""Language of messages; codes never change with it."""


class IntBound(TypedDict, total=False):
    """A narrower integer range for one parameter path (``Period``, ``ResourcePeriod.Period``)."""

    path: str
    min: int
    max: int


IntBounds = Sequence[Union[IntBound, Mapping[str, Any]]]

Json = Any
"""Plain data as the provider APIs return it: dict, list, tuple, str, int, float, bool, None."""


class Clock(enum.Enum):
    """``now=CURRENT_TIME`` (the default) reads the clock when the call is made."""

    CURRENT_TIME = "current time"

    def __repr__(self) -> str:
        return "<current time>"


CURRENT_TIME: Final = Clock.CURRENT_TIME
Now = Union[int, None, Clock]
"""Unix seconds for expiry checks; ``None`` skips them (the core has no clock of its own)."""


def _clock(now: Now) -> int | None:
    return int(time.time()) if now is CURRENT_TIME else now


def _timestamp(timestamp: int | None) -> int:
    return int(time.time()) if timestamp is None else timestamp


def operations(*, lang: Lang | str = "en") -> tuple[Operation, ...]:
    """Every supported operation, described."""
    return tuple(Operation._from(d) for d in _opgate.operations(lang=lang))


def operation(operation: str, *, lang: Lang | str = "en") -> Operation:
    """One operation by id, e.g. ``"ecs:RebootInstance"``."""
    return Operation._from(_opgate.operation(operation, lang=lang))


def validate(operation: str, params: Mapping[str, Json], *, lang: Lang | str = "en", now: Now = CURRENT_TIME, int_bounds: IntBounds | None = None) -> Validated:
    """Checks request parameters; raises :class:`ValidationError` listing every violation."""
    return Validated._from(_opgate.validate(operation, params, lang=lang, now=_clock(now), int_bounds=int_bounds))


def precheck(
    operation: str,
    params: Mapping[str, Json],
    resources: Json,
    *,
    lang: Lang | str = "en",
    now: Now = CURRENT_TIME,
    int_bounds: IntBounds | None = None,
) -> Verdict:
    """Validates ``params`` and judges each target among ``resources`` (Describe items, one
    item, or a whole Describe response). ``now`` defaults to the current Unix time; ``None``
    skips expiry checks."""
    return Verdict._from(_opgate.precheck(operation, params, resources, lang=lang, now=_clock(now), int_bounds=int_bounds))


def precheck_resources(operation: str, resources: Json, *, lang: Lang | str = "en", now: Now = CURRENT_TIME, int_bounds: IntBounds | None = None) -> Verdict:
    """Judges every resource on its own, without request parameters: "which of these could be
    rebooted right now?". One call for the whole list; the GIL is released while it runs."""
    return Verdict._from(_opgate.precheck_resources(operation, resources, lang=lang, now=_clock(now), int_bounds=int_bounds))


def check(
    operation: str,
    params: Mapping[str, Json],
    resources: Json,
    *,
    lang: Lang | str = "en",
    now: Now = CURRENT_TIME,
    int_bounds: IntBounds | None = None,
) -> Verdict:
    """:func:`precheck`, raising :class:`DeniedError` unless the operation is allowed: one error
    per refused target, whose ``field`` is the target's parameter path (``instanceIds[3]``)."""
    return Verdict._from(_opgate.check(operation, params, resources, lang=lang, now=_clock(now), int_bounds=int_bounds))


def wait_status(operation: str, status: str, *, lang: Lang | str = "en") -> WaitState:
    """Classifies a status seen while waiting for the operation to finish."""
    return WaitState._from(_opgate.wait_status(operation, status, lang=lang))


def build(
    operation: str,
    params: Mapping[str, Json],
    *,
    region: str | None = None,
    endpoint: str | None = None,
    lang: Lang | str = "en",
    now: Now = CURRENT_TIME,
    int_bounds: IntBounds | None = None,
) -> HttpRequest:
    """Validates ``params`` and builds the unsigned request."""
    return HttpRequest._from(_opgate.build(operation, params, region=region, endpoint=endpoint, lang=lang, now=_clock(now), int_bounds=int_bounds))


def sign(
    request: HttpRequest | Mapping[str, Json],
    credentials: _opgate.Credentials | Mapping[str, str],
    *,
    algorithm: str | None = None,
    timestamp: int | None = None,
    nonce: str | None = None,
    include_secrets: bool = False,
    lang: Lang | str = "en",
) -> SignedRequest:
    """Signs a request from :func:`build` (or its ``to_dict()``). ``timestamp`` defaults to
    now, ``nonce`` to a random UUID; ``algorithm`` to the provider's default.

    The result's request carries the security or bearer token to send; its ``repr``, ``str``,
    ``to_dict()`` and debug strings show ``<redacted>`` instead, unless ``include_secrets``."""
    data = request.to_dict(include_secrets=True) if isinstance(request, HttpRequest) else request
    views = _opgate.sign(
        data,
        credentials,
        algorithm=algorithm,
        timestamp=_timestamp(timestamp),
        nonce=uuid.uuid4().hex if nonce is None else nonce,
        include_secrets=include_secrets,
        lang=lang,
    )
    return SignedRequest._views(views["shown"], views["sent"])


def parse_response(
    operation: str,
    status: int,
    body: bytes | bytearray | str,
    headers: Mapping[str, str] | Sequence[Sequence[str]] | None = None,
    *,
    lang: Lang | str = "en",
) -> ApiResponse:
    """Reads a provider response (HTTP status, body, and headers as a mapping or
    ``[(name, value), ...]``): an :class:`ApiResponse`, or raises :class:`ApiError` /
    :class:`ParseError`."""
    return ApiResponse._from(_opgate.parse_response(operation, status, body, headers, lang=lang))


def endpoint(operation: str, *, region: str | None = None, endpoint: str | None = None, lang: Lang | str = "en") -> Endpoint:
    """Where a request for the operation goes (``endpoint`` overrides the resolved host)."""
    return Endpoint._from(_opgate.endpoint(operation, region=region, endpoint=endpoint, lang=lang))


def ram_parse_policy(policy: Mapping[str, Json] | str, *, lang: Lang | str = "en") -> Policy:
    """Parses one RAM policy document (dict or JSON text); raises :class:`PolicyError`."""
    return Policy._from(_opgate.ram_parse_policy(policy, lang=lang))


def ram_required_access(operation: str, params: Mapping[str, Json], *, region: str, account_id: str, lang: Lang | str = "en") -> tuple[RequiredAccess, ...]:
    """The RAM permissions the operation needs for these parameters."""
    return tuple(RequiredAccess._from(d) for d in _opgate.ram_required_access(operation, params, region=region, account_id=account_id, lang=lang))


def ram_authorize(
    operation: str,
    params: Mapping[str, Json],
    *,
    region: str,
    account_id: str,
    policies: Sequence[Mapping[str, Json] | str],
    context: Mapping[str, Json] | None = None,
    lang: Lang | str = "en",
) -> Authorization:
    """Whether the identity policies let the caller run the operation."""
    return Authorization._from(_opgate.ram_authorize(operation, params, region=region, account_id=account_id, policies=policies, context=context, lang=lang))


def ram_evaluate(
    policies: Sequence[Mapping[str, Json] | str],
    action: str,
    resource: str,
    *,
    context: Mapping[str, Json] | None = None,
    lang: Lang | str = "en",
) -> AccessCheck:
    """RAM's decision for one action on one resource ARN."""
    return AccessCheck._from(_opgate.ram_evaluate(policies, action, resource, context=context, lang=lang))

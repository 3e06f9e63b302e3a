"""Beyond one call: waiters with memory, ClientTokens, retry classes, batch plans and the
provider's explanation of a RAM denial.

Each function calls the extension once and wraps its plain result in a frozen object; the
:class:`Waiter` holds the waiter's serialized state and hands it to the core at every
observation. Every rule lives in the Rust core."""

from __future__ import annotations

import time
from typing import Any, ClassVar, Literal, Mapping, Sequence, Union

from . import _opgate
from ._api import CURRENT_TIME, IntBounds, Now
from ._api import _clock as _clock_or_none
from ._model import ErrorInfo, HttpRequest, _copy, _Record

__all__ = [
    "client_token",
    "classify",
    "retry_advice",
    "access_denied",
    "plan",
    "merge_plan",
    "Waiter",
    "ClientToken",
    "Classification",
    "RetryAdvice",
    "AccessExplanation",
    "Plan",
    "PlannedRequest",
    "PlannedDenial",
    "PlannedUnknown",
    "PlanOutcome",
    "IdOutcome",
    "ResourceOutcome",
    "RequestRetry",
    "WaitReport",
    "TargetReport",
]

Json = Any
Lang = Literal["en", "zh"]
RetryClass = Literal["throttle", "transient", "state_conflict", "permanent", "auth"]
TokenAdvice = Literal["keep", "new", "any"]
Headers = Union[Mapping[str, str], Sequence[Sequence[str]], None]


def _current(now: int | None) -> int:
    return int(time.time()) if now is None else now


class ClientToken(_Record):
    """A stable idempotency token: put ``token`` into the ``param`` (``ClientToken``)."""

    __slots__ = ()
    _repr_fields = ("operation", "token", "scope")

    @property
    def operation(self) -> str:
        return str(self._data["operation"])

    @property
    def param(self) -> str:
        return str(self._data["param"])

    @property
    def token(self) -> str:
        return str(self._data["token"])

    @property
    def scope(self) -> str:
        return str(self._data["scope"])


class Classification(_Record):
    """The retry class of one error code of one operation."""

    __slots__ = ()
    _repr_fields: ClassVar[tuple[str, ...]] = ("operation", "code", "retry_class", "source")

    @property
    def operation(self) -> str:
        return str(self._data["operation"])

    @property
    def code(self) -> str:
        return str(self._data["code"])

    @property
    def http_status(self) -> int | None:
        status: int | None = self._data.get("http_status")
        return status

    @property
    def retry_class(self) -> RetryClass:
        """``throttle``, ``transient``, ``state_conflict``, ``permanent`` or ``auth`` (the dict's ``class``)."""
        value: RetryClass = self._data["class"]
        return value

    @property
    def source(self) -> Literal["operation", "provider", "rule", "header", "no_response"]:
        value: Literal["operation", "provider", "rule", "header", "no_response"] = self._data["source"]
        return value

    @property
    def token(self) -> TokenAdvice:
        value: TokenAdvice = self._data["token"]
        return value

    @property
    def may_have_applied(self) -> bool:
        return bool(self._data["may_have_applied"])

    @property
    def recommended_delay_ms(self) -> int | None:
        delay: int | None = self._data.get("recommended_delay_ms")
        return delay

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class RetryAdvice(Classification):
    """What to do after a failed call: class, whether resending is safe, and the delay."""

    __slots__ = ()
    _repr_fields = ("operation", "code", "retry_class", "safe_to_retry", "action", "retry_after_ms")

    @property
    def code(self) -> str:
        """The error code; empty when no response arrived."""
        return str(self._data.get("code") or "")

    @property
    def token_sent(self) -> bool:
        return bool(self._data["token_sent"])

    @property
    def safe_to_retry(self) -> bool:
        return bool(self._data["safe_to_retry"])

    @property
    def action(self) -> Literal["retry", "retry_with_new_token", "recheck", "fix_request", "fix_credentials"]:
        value: Literal["retry", "retry_with_new_token", "recheck", "fix_request", "fix_credentials"] = self._data["action"]
        return value

    @property
    def retry_after_ms(self) -> int | None:
        delay: int | None = self._data.get("retry_after_ms")
        return delay

    @property
    def retry_after_source(self) -> str | None:
        source: str | None = self._data.get("retry_after_source")
        return source


class AccessExplanation(_Record):
    """Why access was denied, from the provider's ``AccessDeniedDetail`` (``source ==
    "provider"``); the same fields as :class:`opgate.AccessCheck` plus the provider's."""

    __slots__ = ()
    _repr_fields = ("decision", "action", "resource", "policy_type")

    def _text(self, key: str) -> str | None:
        value: str | None = self._data.get(key)
        return value

    @property
    def source(self) -> str:
        return str(self._data["source"])

    @property
    def action(self) -> str | None:
        return self._text("action")

    @property
    def resource(self) -> str | None:
        return self._text("resource")

    @property
    def decision(self) -> Literal["allow", "implicit_deny", "explicit_deny"] | None:
        value: Literal["allow", "implicit_deny", "explicit_deny"] | None = self._data.get("decision")
        return value

    @property
    def no_permission_type(self) -> str | None:
        return self._text("no_permission_type")

    @property
    def policy_type(self) -> str | None:
        return self._text("policy_type")

    @property
    def principal_type(self) -> str | None:
        return self._text("principal_type")

    @property
    def principal_display_name(self) -> str | None:
        return self._text("principal_display_name")

    @property
    def encoded_diagnostic_message(self) -> str | None:
        return self._text("encoded_diagnostic_message")

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class PlannedRequest(_Record):
    __slots__ = ()
    _repr_fields = ("index", "ids", "token")

    @property
    def index(self) -> int:
        return int(self._data["index"])

    @property
    def ids(self) -> tuple[str, ...]:
        return self._strings("ids")

    @property
    def params(self) -> Mapping[str, Any]:
        params: Mapping[str, Any] = self._frozen("params")
        return params

    @property
    def token(self) -> str | None:
        token: str | None = self._data.get("token")
        return token

    @property
    def request(self) -> HttpRequest:
        request = self._one("request", HttpRequest)
        assert request is not None
        return request


class PlannedDenial(_Record):
    __slots__ = ()
    _repr_fields = ("id", "status", "error")

    @property
    def id(self) -> str:
        return str(self._data["id"])

    @property
    def status(self) -> str | None:
        status: str | None = self._data.get("status")
        return status

    @property
    def error(self) -> ErrorInfo:
        error = self._one("error", ErrorInfo)
        assert error is not None
        return error

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class PlannedUnknown(_Record):
    __slots__ = ()
    _repr_fields = ("id",)

    @property
    def id(self) -> str:
        return str(self._data["id"])

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class Plan(_Record):
    """The requests to send for a batch, split to the provider's limit, and the ids left out."""

    __slots__ = ()
    _repr_fields = ("operation", "batch_max", "allowed_ids")

    @property
    def operation(self) -> str:
        return str(self._data["operation"])

    @property
    def batch_max(self) -> int:
        return int(self._data["batch_max"])

    @property
    def requests(self) -> tuple[PlannedRequest, ...]:
        return self._many("requests", PlannedRequest)

    @property
    def allowed_ids(self) -> tuple[str, ...]:
        return self._strings("allowed_ids")

    @property
    def denied(self) -> tuple[PlannedDenial, ...]:
        return self._many("denied", PlannedDenial)

    @property
    def unknown(self) -> tuple[PlannedUnknown, ...]:
        return self._many("unknown", PlannedUnknown)

    @property
    def duplicates(self) -> tuple[str, ...]:
        return self._strings("duplicates")

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class ResourceOutcome(_Record):
    __slots__ = ()
    _repr_fields = ("id", "failed", "code")

    @property
    def id(self) -> str:
        return str(self._data["id"])

    @property
    def failed(self) -> bool:
        return bool(self._data["failed"])

    @property
    def code(self) -> str | None:
        code: str | None = self._data.get("code")
        return code

    @property
    def message(self) -> str | None:
        message: str | None = self._data.get("message")
        return message


IdState = Literal["accepted", "partly_failed", "failed", "dry_run_passed", "denied", "unknown", "not_sent", "no_answer"]


class IdOutcome(_Record):
    __slots__ = ()
    _repr_fields = ("id", "state", "code")

    @property
    def id(self) -> str:
        return str(self._data["id"])

    @property
    def state(self) -> IdState:
        state: IdState = self._data["state"]
        return state

    @property
    def request_index(self) -> int | None:
        index: int | None = self._data.get("request_index")
        return index

    @property
    def code(self) -> str | None:
        code: str | None = self._data.get("code")
        return code

    @property
    def message(self) -> str | None:
        message: str | None = self._data.get("message")
        return message

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self._data.get("request_id")
        return request_id

    @property
    def resources(self) -> tuple[ResourceOutcome, ...]:
        return self._many("resources", ResourceOutcome)

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class RequestRetry(_Record):
    __slots__ = ()
    _repr_fields = ("index", "advice")

    @property
    def index(self) -> int:
        return int(self._data["index"])

    @property
    def advice(self) -> RetryAdvice:
        advice = self._one("advice", RetryAdvice)
        assert advice is not None
        return advice


class PlanOutcome(_Record):
    """One outcome per id once a plan's responses are in."""

    __slots__ = ()
    _repr_fields = ("operation", "accepted_ids", "failed_ids")

    @property
    def operation(self) -> str:
        return str(self._data["operation"])

    @property
    def outcomes(self) -> tuple[IdOutcome, ...]:
        return self._many("outcomes", IdOutcome)

    @property
    def accepted_ids(self) -> tuple[str, ...]:
        return self._strings("accepted_ids")

    @property
    def failed_ids(self) -> tuple[str, ...]:
        return self._strings("failed_ids")

    @property
    def retries(self) -> tuple[RequestRetry, ...]:
        return self._many("retries", RequestRetry)

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


TargetState = Literal["pending", "done", "failed", "unknown"]


class TargetReport(_Record):
    __slots__ = ()
    _repr_fields = ("id", "state", "status")

    @property
    def id(self) -> str:
        return str(self._data["id"])

    @property
    def state(self) -> TargetState:
        state: TargetState = self._data["state"]
        return state

    @property
    def status(self) -> str | None:
        status: str | None = self._data.get("status")
        return status

    @property
    def transition_seen(self) -> bool:
        return bool(self._data["transition_seen"])

    @property
    def proof(self) -> Literal["status_left_target", "field_changed", "settle_time", "synchronous"] | None:
        proof: Literal["status_left_target", "field_changed", "settle_time", "synchronous"] | None = self._data.get("proof")
        return proof

    @property
    def error(self) -> ErrorInfo | None:
        return self._one("error", ErrorInfo)

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class WaitReport(_Record):
    """What one observation concluded: per target, for the batch, and when to poll next."""

    __slots__ = ()
    _repr_fields = ("operation", "done", "succeeded", "next_poll_after_seconds")

    @property
    def operation(self) -> str:
        return str(self._data["operation"])

    @property
    def done(self) -> bool:
        """Every target has settled (done or failed)."""
        return bool(self._data["done"])

    @property
    def succeeded(self) -> bool:
        return bool(self._data["succeeded"])

    @property
    def elapsed_seconds(self) -> int:
        return int(self._data["elapsed_seconds"])

    @property
    def polls(self) -> int:
        return int(self._data["polls"])

    @property
    def timeout_seconds(self) -> int:
        return int(self._data["timeout_seconds"])

    @property
    def next_poll_after_seconds(self) -> int | None:
        after: int | None = self._data.get("next_poll_after_seconds")
        return after

    @property
    def next_poll_at(self) -> int | None:
        at: int | None = self._data.get("next_poll_at")
        return at

    @property
    def next_poll_window(self) -> tuple[int, int] | None:
        window = self._data.get("next_poll_window")
        return None if window is None else (int(window[0]), int(window[1]))

    @property
    def counts(self) -> Mapping[str, int]:
        counts: Mapping[str, int] = self._frozen("counts")
        return counts

    @property
    def targets(self) -> tuple[TargetReport, ...]:
        return self._many("targets", TargetReport)

    @property
    def rule(self) -> str:
        """When a target status counts as done for this operation, and why."""
        return str(self._data["rule"])

    @property
    def source(self) -> str:
        """The provider page the rule rests on."""
        return str(self._data["source"])

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class Waiter:
    """Waits for an operation on a batch of targets, remembering what it has seen.

    Make it when the call is sent, with the Describe items read before the call if you have
    them; then feed it Describe results with :meth:`observe` and sleep ``next_poll_after_seconds``
    between calls (the waiter never sleeps, so it works the same in threads and asyncio). It
    never calls a target done before it has seen the operation act on it. ``to_dict()`` gives
    its state; :meth:`resume` goes on from it, in this process or another."""

    __slots__ = ("_state",)

    def __init__(
        self,
        operation: str,
        ids: Sequence[str] | str,
        sent_at: int | None = None,
        *,
        before: Json = None,
        seed: int | None = None,
        lang: Lang | str = "en",
    ) -> None:
        """``sent_at`` is the send time in Unix seconds (default: now); ``seed`` fixes the
        jitter of poll intervals (default: derived from the other arguments)."""
        self._state: dict[str, Any] = _opgate.waiter_new(operation, ids, _current(sent_at), before=before, seed=seed, lang=lang)

    @classmethod
    def resume(cls, state: Mapping[str, Json], *, lang: Lang | str = "en") -> Waiter:
        """A waiter from :meth:`to_dict`'s state; refuses a state this version did not write."""
        waiter = cls.__new__(cls)
        waiter._state = _opgate.waiter_resume(state, lang=lang)
        return waiter

    def observe(self, resources: Json, now: int | None = None, *, lang: Lang | str = "en") -> WaitReport:
        """Reads one round of Describe results (items, one item or a whole response) at ``now``
        (Unix seconds, default: now)."""
        step = _opgate.waiter_observe(self._state, resources, _current(now), lang=lang)
        self._state = step["waiter"]
        return WaitReport._from(step["report"])

    @property
    def operation(self) -> str:
        return str(self._state["operation"])

    @property
    def next_poll_at(self) -> int:
        """When to poll next, Unix seconds."""
        return int(self._state["next"])

    @property
    def polls(self) -> int:
        return int(self._state["polls"])

    def to_dict(self) -> dict[str, Any]:
        """The waiter's state as plain data (JSON-serializable), for :meth:`resume`."""
        state: dict[str, Any] = _copy(self._state)
        return state

    def __reduce__(self) -> tuple[Any, ...]:
        return (_resume_waiter, (self.to_dict(),))

    def __repr__(self) -> str:
        return f"Waiter(operation={self.operation!r}, targets={len(self._state['targets'])}, polls={self.polls})"


def _resume_waiter(state: dict[str, Any]) -> Waiter:
    return Waiter.resume(state)


def client_token(operation: str, params: Mapping[str, Json], *, scope: str = "", lang: Lang | str = "en", int_bounds: IntBounds | None = None) -> ClientToken:
    """The ClientToken for this logical request in ``scope``: the same parameters (in any order,
    with or without defaults, with or without a ClientToken) give the same token; any change
    gives another, so retries of one request reuse it.

    Args:
        operation: the operation id, e.g. ``"computenest:RenewServiceInstanceResources"``.
        params: the request parameters, validated first (a ``ClientToken`` among them is ignored).
        scope: text of the caller's choosing (a job or run id) that makes otherwise equal
            requests distinct; ``""`` by default.
        lang: ``"en"`` (default) or ``"zh"``, for messages.
        int_bounds: narrower integer bounds, as :func:`opgate.validate` takes them.

    Raises:
        InputError: an operation that takes no ClientToken, an unknown operation, or an
            argument of the wrong type.
        ValidationError: the parameters break the operation's rules.
    """
    return ClientToken._from(_opgate.client_token(operation, params, scope=scope, lang=lang, int_bounds=int_bounds))


def classify(operation: str, code: str, *, status: int | None = None, lang: Lang | str = "en") -> Classification:
    """The retry class of an error code: ``throttle``, ``transient``, ``state_conflict``,
    ``permanent`` or ``auth``, with what to do about the ClientToken.

    Args:
        operation: the operation id.
        code: the error code of the response (``ApiError.code``).
        status: its HTTP status; it decides only for codes no table lists. ``None`` by default.
        lang: ``"en"`` (default) or ``"zh"``, for ``reason``.

    Raises:
        InputError: an unknown operation, a status outside 100-599, or an argument of the
            wrong type.
    """
    return Classification._from(_opgate.classify(operation, code, status=status, lang=lang))


def retry_advice(
    operation: str,
    status: int | None = None,
    code: str | None = None,
    headers: Headers = None,
    *,
    params: Mapping[str, Json] | None = None,
    now: Now = CURRENT_TIME,
    attempt: int = 1,
    lang: Lang | str = "en",
) -> RetryAdvice:
    """Advice after a failed call: its class, how long to wait, and whether resending is safe.

    Args:
        operation: the operation id.
        status: the HTTP status of the error response; ``None`` (with ``code``) when no
            response arrived.
        code: the error code of the response, or ``None``.
        headers: its headers, a mapping or ``[(name, value), ...]``; ``x-acs-retry-after``
            (milliseconds) and ``Retry-After`` (seconds or an HTTP date) set the delay.
        params: the parameters that were sent, to tell whether they carried a ClientToken.
        now: Unix seconds, for a ``Retry-After`` given as an HTTP date; defaults to
            ``CURRENT_TIME`` (the clock, read at the call); ``None`` ignores such a date.
        attempt: 1 (default) for the first retry; the recommended delay doubles each time.
        lang: ``"en"`` (default) or ``"zh"``, for ``reason``.

    Raises:
        InputError: an unknown operation, a status outside 100-599, an attempt below 1, or an
            argument of the wrong type.
    """
    return RetryAdvice._from(_opgate.retry_advice(operation, status, code, headers, params=params, now=_clock_or_none(now), attempt=attempt, lang=lang))


def access_denied(detail: Mapping[str, Json] | str, *, lang: Lang | str = "en") -> AccessExplanation:
    """Alibaba's ``AccessDeniedDetail`` explained in the shape of the RAM evaluator's answer.

    Args:
        detail: the ``AccessDeniedDetail`` (or a decoded diagnostic message, or a whole error
            body holding one), as a mapping or JSON text.
        lang: ``"en"`` (default) or ``"zh"``, for ``reason``.

    Raises:
        InputError: ``detail`` is neither, or holds a value of the wrong type.
    """
    return AccessExplanation._from(_opgate.access_denied(detail, lang=lang))


def plan(
    operation: str,
    targets: Sequence[str] | Mapping[str, Json],
    resources: Json = None,
    *,
    scope: str = "",
    region: str | None = None,
    endpoint: str | None = None,
    lang: Lang | str = "en",
    now: Now = CURRENT_TIME,
    int_bounds: IntBounds | None = None,
) -> Plan:
    """The requests for a batch: the allowed ids only, split to the provider's limit (ZEC 100
    per call, ECS and Compute Nest one), each with its ClientToken where the operation takes
    one; the denied and unknown ids are listed with reasons.

    Args:
        operation: the operation id.
        targets: a list of ids, or a parameter mapping whose target parameter holds them.
        resources: the Describe items (a list, one item, or a whole response), or ``None``.
        scope: the ClientToken scope (see :func:`client_token`); ``""`` by default.
        region: the region for the requests, as :func:`opgate.build` takes it.
        endpoint: an endpoint override, as :func:`opgate.build` takes it.
        lang: ``"en"`` (default) or ``"zh"``, for reasons and messages.
        now: Unix seconds for expiry checks; defaults to ``CURRENT_TIME`` (the clock, read at
            the call); ``None`` skips them, as in :func:`opgate.precheck`.
        int_bounds: narrower integer bounds, as :func:`opgate.validate` takes them.

    Raises:
        InputError: an unknown operation or an argument of the wrong type.
        ValidationError: the parameters break the operation's rules.
    """
    return Plan._from(_opgate.plan(operation, targets, resources, scope=scope, region=region, endpoint=endpoint, lang=lang, now=_clock_or_none(now), int_bounds=int_bounds))


Response = Union[Mapping[str, Json], None]


def merge_plan(plan: Plan | Mapping[str, Json], responses: Sequence[Response], *, lang: Lang | str = "en") -> PlanOutcome:
    """One outcome per id from the responses to a plan's requests.

    Args:
        plan: the :class:`Plan` from :func:`plan` (or its ``to_dict()``).
        responses: one entry per request, ``{"status", "body", "headers"}`` (``status: None``
            for no response), or ``None`` for a request not sent.
        lang: ``"en"`` (default) or ``"zh"``, for messages.

    Raises:
        InputError: a plan or responses that are not of that shape.
    """
    data = plan.to_dict() if isinstance(plan, Plan) else plan
    return PlanOutcome._from(_opgate.merge_plan(data, responses, lang=lang))

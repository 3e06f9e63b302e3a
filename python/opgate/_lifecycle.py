"""Beyond one call: waiters with memory, ClientTokens, retry classes, batch plans and the
provider's explanation of a RAM denial.

Each function calls the extension once and returns its result as it comes, a native object
owned by the Rust core (:class:`ClientToken`, :class:`Plan`, :class:`WaitReport`, ...). The
:class:`Waiter` holds the core's :class:`WaiterState` and hands it back at every observation.
Every rule lives in the Rust core."""

from __future__ import annotations

import time
from typing import Callable, Mapping, Sequence, Union

from . import _opgate
from ._api import CURRENT_TIME, Headers, IntBounds, Json, Now, Params, Resources
from ._api import _clock as _clock_or_none
from ._opgate import (
    AccessExplanation,
    Classification,
    ClientToken,
    Plan,
    PlanOutcome,
    RetryAdvice,
    WaiterState,
    WaitReport,
)
from ._types import Lang, OperationId, PlanDict, WaiterStateDict

__all__ = [
    "client_token",
    "classify",
    "retry_advice",
    "access_denied",
    "plan",
    "merge_plan",
    "Waiter",
    "Response",
]

Response = Union[Mapping[str, Json], None]
"""One response to a planned request for :func:`merge_plan`: ``{"status", "body", "headers"}``
(``status: None`` when none arrived), or ``None`` for a request not sent."""


def _current(now: int | None) -> int:
    return int(time.time()) if now is None else now


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
        operation: OperationId,
        ids: Sequence[str] | str,
        sent_at: int | None = None,
        *,
        before: Resources | None = None,
        seed: int | None = None,
        lang: Lang = "en",
    ) -> None:
        """A waiter for ``operation`` on ``ids`` (a list of ids, or one id).

        Args:
            operation: the operation id that was sent.
            ids: the target ids, 1 to 10000 distinct ones, or one id.
            sent_at: the send time in Unix seconds; default: now.
            before: the Describe items read before the call (a list, one item or a whole
                response), or ``None``; they let a changed field prove the operation acted.
            seed: fixes the jitter of poll intervals (0 to 2**32-1); default: derived from the
                other arguments.
            lang: ``"en"`` (default) or ``"zh"``, for messages.

        Raises:
            InputError: an unknown operation, bad ids or an argument of the wrong type.
        """
        self._state: WaiterState = _opgate.waiter_new(operation, ids, _current(sent_at), before=before, seed=seed, lang=lang)

    @classmethod
    def resume(cls, state: WaiterState | WaiterStateDict | Mapping[str, Json], *, lang: Lang = "en") -> Waiter:
        """A waiter from :meth:`to_dict`'s state (or a :class:`WaiterState`).

        Args:
            state: the state :meth:`to_dict` returned, e.g. after a trip through JSON.
            lang: ``"en"`` (default) or ``"zh"``, for messages.

        Raises:
            InputError: a state this version did not write (``InvalidParameter.Waiter``).
        """
        waiter = cls.__new__(cls)
        waiter._state = _opgate.waiter_resume(state, lang=lang)
        return waiter

    def observe(self, resources: Resources, now: int | None = None, *, lang: Lang = "en") -> WaitReport:
        """Reads one round of Describe results and moves the waiter on.

        Args:
            resources: the Describe items (a list, one item or a whole response).
            now: Unix seconds of the observation; default: now.
            lang: ``"en"`` (default) or ``"zh"``, for reasons and messages.

        Raises:
            InputError: Describe data of the wrong shape or an argument of the wrong type.
        """
        step = _opgate.waiter_observe(self._state, resources, _current(now), lang=lang)
        self._state = step.waiter
        return step.report

    @property
    def state(self) -> WaiterState:
        """The waiter's memory, the core's own value."""
        return self._state

    @property
    def operation(self) -> OperationId:
        """The operation waited for."""
        return self._state.operation

    @property
    def next_poll_at(self) -> int:
        """When to poll next, Unix seconds."""
        return self._state.next

    @property
    def polls(self) -> int:
        """Observations made so far."""
        return self._state.polls

    def to_dict(self) -> WaiterStateDict:
        """The waiter's state as plain data (JSON-serializable, a new copy), for :meth:`resume`."""
        return self._state.to_dict()

    def __reduce__(self) -> tuple[Callable[[WaiterStateDict], Waiter], tuple[WaiterStateDict]]:
        return (_resume_waiter, (self.to_dict(),))

    def __repr__(self) -> str:
        return f"Waiter(operation={self.operation!r}, targets={len(self._state.targets)}, polls={self.polls})"


def _resume_waiter(state: WaiterStateDict) -> Waiter:
    return Waiter.resume(state)


def client_token(operation: OperationId, params: Params, *, scope: str = "", lang: Lang = "en", int_bounds: IntBounds | None = None) -> ClientToken:
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
    return _opgate.client_token(operation, params, scope=scope, lang=lang, int_bounds=int_bounds)


def classify(operation: OperationId, code: str, *, status: int | None = None, lang: Lang = "en") -> Classification:
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
    return _opgate.classify(operation, code, status=status, lang=lang)


def retry_advice(
    operation: OperationId,
    status: int | None = None,
    code: str | None = None,
    headers: Headers | None = None,
    *,
    params: Params | None = None,
    now: Now = CURRENT_TIME,
    attempt: int = 1,
    lang: Lang = "en",
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
    return _opgate.retry_advice(operation, status, code, headers, params=params, now=_clock_or_none(now), attempt=attempt, lang=lang)


def access_denied(detail: Mapping[str, object] | str, *, lang: Lang = "en") -> AccessExplanation:
    """Alibaba's ``AccessDeniedDetail`` explained in the shape of the RAM evaluator's answer.

    Args:
        detail: the ``AccessDeniedDetail`` (or a decoded diagnostic message, or a whole error
            body holding one), as a mapping or JSON text.
        lang: ``"en"`` (default) or ``"zh"``, for ``reason``.

    Raises:
        InputError: ``detail`` is neither, or holds a value of the wrong type.
    """
    return _opgate.access_denied(detail, lang=lang)


def plan(
    operation: OperationId,
    targets: Sequence[str] | Params,
    resources: Resources | None = None,
    *,
    scope: str = "",
    region: str | None = None,
    endpoint: str | None = None,
    lang: Lang = "en",
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
    return _opgate.plan(operation, targets, resources, scope=scope, region=region, endpoint=endpoint, lang=lang, now=_clock_or_none(now), int_bounds=int_bounds)


def merge_plan(plan: Plan | PlanDict | Mapping[str, Json], responses: Sequence[Response], *, lang: Lang = "en") -> PlanOutcome:
    """One outcome per id from the responses to a plan's requests.

    Args:
        plan: the :class:`Plan` from :func:`plan` (or its ``to_dict()``).
        responses: one entry per request, ``{"status", "body", "headers"}`` (``status: None``
            for no response), or ``None`` for a request not sent.
        lang: ``"en"`` (default) or ``"zh"``, for messages.

    Raises:
        InputError: a plan or responses that are not of that shape.
    """
    return _opgate.merge_plan(plan, responses, lang=lang)

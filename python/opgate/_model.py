"""Frozen result objects over the plain data the extension returns.

Each result keeps the core's serialized dict as is; attributes read from it (nested objects
are wrapped on first access, nested dicts and lists come back read-only), ``to_dict()`` gives
an independent copy of exactly what the core produced, and equality, hashing and pickling go
through that dict. No result decides anything.

A signed request holds two dicts the core made: what is sent, security or bearer token
included, and what is shown, the token replaced with ``<redacted>`` (the same dict when the
caller passed ``include_secrets=True``). The request's attributes (``url``, ``headers``,
``query``) are what is sent; ``repr``, ``str``, ``to_dict()`` and the debug strings
(``canonical_request``, ``string_to_sign``) are what is shown, and ``to_dict(include_secrets=True)``
gives what is sent."""

from __future__ import annotations

import base64
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Literal, Mapping, TypeVar

__all__ = [
    "ErrorInfo",
    "Transition",
    "Outcome",
    "Verdict",
    "Validated",
    "WaitState",
    "Operation",
    "Endpoint",
    "HttpRequest",
    "SignedRequest",
    "TargetFailure",
    "RenewalResult",
    "DryRunPassed",
    "ApiResponse",
    "RequiredAccess",
    "AccessCheck",
    "Authorization",
    "Policy",
]

R = TypeVar("R", bound="_Record")
T = TypeVar("T")


def _copy(value: Any) -> Any:
    """A deep copy of JSON-shaped data (much faster than copy.deepcopy for it)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _freeze(value: Any) -> Any:
    """A read-only view: dicts become mappingproxies, lists tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return frozenset((k, _hashable(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    return value


def _restore(cls: type[R], data: dict[str, Any]) -> R:
    return cls._from(data)


class _Record:
    """Base of the result classes: immutable, compared and pickled by the core's dict."""

    __slots__ = ("_data", "_sent", "_memo")
    _repr_fields: ClassVar[tuple[str, ...]] = ()
    _data: dict[str, Any]
    _sent: dict[str, Any]
    _memo: dict[str, Any]

    def __init__(self, data: Mapping[str, Any]) -> None:
        """Wraps a dict of the shape ``to_dict()`` returns (copied)."""
        copied = _copy(dict(data))
        object.__setattr__(self, "_data", copied)
        object.__setattr__(self, "_sent", copied)
        object.__setattr__(self, "_memo", {})

    @classmethod
    def _from(cls: type[R], data: dict[str, Any]) -> R:
        """Wraps a dict the extension just made, without copying it."""
        return cls._views(data, data)

    @classmethod
    def _views(cls: type[R], shown: dict[str, Any], sent: dict[str, Any]) -> R:
        """Wraps the shown and the sent form of a result that holds secrets."""
        record = cls.__new__(cls)
        object.__setattr__(record, "_data", shown)
        object.__setattr__(record, "_sent", sent)
        object.__setattr__(record, "_memo", {})
        return record

    def _nested(self, key: str, make: Callable[[Any], T]) -> T:
        memo = self._memo
        if key not in memo:
            memo[key] = make(self._data.get(key))
        result: T = memo[key]
        return result

    def _one(self, key: str, cls: type[R]) -> R | None:
        return self._nested(key, lambda value: None if value is None else cls._from(value))

    def _many(self, key: str, cls: type[R]) -> tuple[R, ...]:
        return self._nested(key, lambda values: tuple(cls._from(v) for v in values or ()))

    def _strings(self, key: str) -> tuple[str, ...]:
        return self._nested(key, lambda values: tuple(values or ()))

    def _frozen(self, key: str) -> Any:
        return self._nested(key, _freeze)

    def to_dict(self, *, include_secrets: bool = False) -> dict[str, Any]:
        """The core's result as plain data (an independent copy). A signed request shows its
        security or bearer token only with ``include_secrets=True``."""
        result: dict[str, Any] = _copy(self._sent if include_secrets else self._data)
        return result

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Record)
        return self._sent == other._sent

    def __hash__(self) -> int:
        return hash((type(self).__name__, _hashable(self._sent)))

    def __repr__(self) -> str:
        # Read from the shown form only: attributes of a signed request are what is sent.
        shown = type(self)._from(self._data)
        fields = ", ".join(f"{name}={getattr(shown, name)!r}" for name in self._repr_fields)
        return f"{type(self).__name__}({fields})"

    if not TYPE_CHECKING:  # hidden from type checkers, so they still flag assignments

        def __setattr__(self, name: str, value: object) -> None:
            raise AttributeError(f"{type(self).__name__} is immutable")

        def __delattr__(self, name: str) -> None:
            raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        if self._data != self._sent:
            raise TypeError(
                f"{type(self).__name__} holds a security or bearer token and is not pickled; "
                "pickle to_dict(include_secrets=True) if it must be stored"
            )
        return (_restore, (type(self), self._data))

    def __copy__(self: R) -> R:
        return self

    def __deepcopy__(self: R, memo: dict[int, Any]) -> R:
        return self


class ErrorInfo(_Record):
    """One provider-style error: what the provider would answer."""

    __slots__ = ()
    _repr_fields = ("code", "http_status", "field", "message")

    @property
    def code(self) -> str:
        return str(self._data["code"])

    @property
    def http_status(self) -> int:
        return int(self._data["http_status"])

    @property
    def message(self) -> str:
        return str(self._data["message"])

    @property
    def field(self) -> str | None:
        field: str | None = self._data.get("field")
        return field

    @property
    def retryable(self) -> bool:
        return bool(self._data["retryable"])


class Transition(_Record):
    """Where a status goes once the call is accepted. ``from_`` is the dict's ``from``."""

    __slots__ = ()
    _repr_fields = ("from_", "immediate", "settled")

    @property
    def from_(self) -> str:
        return str(self._data["from"])

    @property
    def immediate(self) -> str | None:
        immediate: str | None = self._data.get("immediate")
        return immediate

    @property
    def settled(self) -> str:
        return str(self._data["settled"])


class Outcome(_Record):
    """The pre-check's answer for one resource."""

    __slots__ = ()
    _repr_fields = ("id", "decision", "status", "error")

    @property
    def id(self) -> str:
        return str(self._data["id"])

    @property
    def decision(self) -> Literal["allow", "deny", "dry_run"]:
        decision: Literal["allow", "deny", "dry_run"] = self._data["decision"]
        return decision

    @property
    def status(self) -> str | None:
        status: str | None = self._data.get("status")
        return status

    @property
    def error(self) -> ErrorInfo | None:
        return self._one("error", ErrorInfo)

    @property
    def reason(self) -> str:
        return str(self._data["reason"])

    @property
    def transition(self) -> Transition | None:
        return self._one("transition", Transition)


class Verdict(_Record):
    """Whether the operation may happen: per resource, and overall."""

    __slots__ = ()
    _repr_fields = ("operation", "allowed", "dry_run", "allowed_ids", "denied_ids")

    @property
    def operation(self) -> str:
        return str(self._data["operation"])

    @property
    def allowed(self) -> bool:
        return bool(self._data["allowed"])

    @property
    def dry_run(self) -> bool:
        return bool(self._data["dry_run"])

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return self._many("outcomes", Outcome)

    @property
    def allowed_ids(self) -> tuple[str, ...]:
        return self._strings("allowed_ids")

    @property
    def denied_ids(self) -> tuple[str, ...]:
        return self._strings("denied_ids")

    @property
    def error(self) -> ErrorInfo | None:
        """What a single-resource call would answer instead of success."""
        return self._one("error", ErrorInfo)


class Validated(_Record):
    """Parameters that passed validation, type-normalised, and the provider's defaults."""

    __slots__ = ()
    _repr_fields = ("operation", "params", "defaults")

    @property
    def operation(self) -> str:
        return str(self._data["operation"])

    @property
    def params(self) -> Mapping[str, Any]:
        params: Mapping[str, Any] = self._frozen("params")
        return params

    @property
    def defaults(self) -> Mapping[str, Any]:
        defaults: Mapping[str, Any] = self._frozen("defaults")
        return defaults


class WaitState(_Record):
    """Where a polled status stands relative to the operation's goal."""

    __slots__ = ()
    _repr_fields = ("operation", "status", "state", "target")

    @property
    def operation(self) -> str:
        return str(self._data["operation"])

    @property
    def status(self) -> str:
        return str(self._data["status"])

    @property
    def state(self) -> Literal["done", "pending", "failed"]:
        state: Literal["done", "pending", "failed"] = self._data["state"]
        return state

    @property
    def target(self) -> tuple[str, ...]:
        return self._strings("target")

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class Operation(_Record):
    """An operation's description (parameters, guards' statuses, errors, wire style, ...).
    Every key of the description is readable with ``op["key"]``; common ones are attributes."""

    __slots__ = ()
    _repr_fields = ("id", "provider", "action")

    def __getitem__(self, key: str) -> Any:
        return self._frozen(key)

    def keys(self) -> tuple[str, ...]:
        return tuple(self._data)

    @property
    def id(self) -> str:
        return str(self._data["id"])

    @property
    def provider(self) -> str:
        return str(self._data["provider"])

    @property
    def product(self) -> str:
        return str(self._data["product"])

    @property
    def api_version(self) -> str:
        return str(self._data["api_version"])

    @property
    def action(self) -> str:
        return str(self._data["action"])

    @property
    def summary(self) -> str:
        return str(self._data["summary"])

    @property
    def params(self) -> tuple[Mapping[str, Any], ...]:
        params: tuple[Mapping[str, Any], ...] = self._frozen("params")
        return params

    @property
    def allowed_statuses(self) -> tuple[str, ...]:
        return self._strings("allowed_statuses")

    @property
    def target(self) -> Mapping[str, Any]:
        target: Mapping[str, Any] = self._frozen("target")
        return target

    @property
    def errors(self) -> tuple[Mapping[str, Any], ...]:
        errors: tuple[Mapping[str, Any], ...] = self._frozen("errors")
        return errors


class Endpoint(_Record):
    """Where requests for an operation go."""

    __slots__ = ()
    _repr_fields = ("scheme", "host", "path")

    @property
    def scheme(self) -> str:
        return str(self._data["scheme"])

    @property
    def host(self) -> str:
        return str(self._data["host"])

    @property
    def path(self) -> str:
        return str(self._data["path"])


class HttpRequest(_Record):
    """One HTTP request exactly as it must go on the wire; send it with any HTTP client.
    The attributes are what is sent; ``repr`` and ``to_dict()`` hide a token it carries."""

    __slots__ = ()
    _repr_fields = ("method", "url")

    def _wire(self, key: str) -> Any:
        """A value as sent (read-only)."""
        memo = self._memo
        memo_key = "sent:" + key
        if memo_key not in memo:
            memo[memo_key] = _freeze(self._sent.get(key))
        return memo[memo_key]

    @property
    def method(self) -> str:
        return str(self._sent["method"])

    @property
    def scheme(self) -> str:
        return str(self._sent["scheme"])

    @property
    def host(self) -> str:
        return str(self._sent["host"])

    @property
    def path(self) -> str:
        return str(self._sent["path"])

    @property
    def query(self) -> tuple[tuple[str, str], ...]:
        query: tuple[tuple[str, str], ...] = self._wire("query")
        return query

    @property
    def headers(self) -> tuple[tuple[str, str], ...]:
        headers: tuple[tuple[str, str], ...] = self._wire("headers")
        return headers

    @property
    def body(self) -> str:
        return str(self._sent["body"])

    @property
    def body_base64(self) -> str | None:
        encoded: str | None = self._sent.get("body_base64")
        return encoded

    @property
    def content(self) -> bytes:
        """The body as the bytes to send."""
        encoded = self.body_base64
        return base64.b64decode(encoded) if encoded is not None else self.body.encode("utf-8")

    @property
    def url(self) -> str:
        return str(self._sent["url"])

    def header(self, name: str) -> str | None:
        """The first header of that name, compared case-insensitively as HTTP does."""
        lowered = name.lower()
        return next((value for key, value in self.headers if key.lower() == lowered), None)


class SignedRequest(_Record):
    """A signed request, with the strings a signature mismatch is debugged with. A security or
    bearer token is in the request's attributes (to be sent) but nowhere shown: not in
    ``repr``, ``str``, ``to_dict()`` or the debug strings, unless ``sign(...,
    include_secrets=True)`` or ``to_dict(include_secrets=True)`` asks for it."""

    __slots__ = ()
    _repr_fields = ("algorithm", "request")

    @property
    def algorithm(self) -> str:
        return str(self._data["algorithm"])

    @property
    def request(self) -> HttpRequest:
        """The request to send (its ``repr`` and ``to_dict()`` hide the token)."""
        return self._nested("request", lambda shown: HttpRequest._views(shown, self._sent["request"]))

    @property
    def canonical_request(self) -> str | None:
        """As shown: a security token in it is ``<redacted>`` unless ``include_secrets``."""
        text: str | None = self._data.get("canonical_request")
        return text

    @property
    def string_to_sign(self) -> str | None:
        """As shown: a security token in it is ``<redacted>`` unless ``include_secrets``."""
        text: str | None = self._data.get("string_to_sign")
        return text

    @property
    def signature(self) -> str | None:
        text: str | None = self._data.get("signature")
        return text


class TargetFailure(_Record):
    __slots__ = ()
    _repr_fields = ("id", "code", "message")

    @property
    def id(self) -> str:
        return str(self._data["id"])

    @property
    def code(self) -> str | None:
        code: str | None = self._data.get("code")
        return code

    @property
    def message(self) -> str | None:
        message: str | None = self._data.get("message")
        return message


class RenewalResult(_Record):
    __slots__ = ()
    _repr_fields = ("total_count", "succeeded", "failed")

    @property
    def total_count(self) -> int:
        return int(self._data["total_count"])

    @property
    def succeeded(self) -> int:
        return int(self._data["succeeded"])

    @property
    def failed(self) -> int:
        return int(self._data["failed"])


class DryRunPassed(_Record):
    __slots__ = ()
    _repr_fields = ("code", "message")

    @property
    def code(self) -> str:
        return str(self._data["code"])

    @property
    def message(self) -> str | None:
        message: str | None = self._data.get("message")
        return message


class ApiResponse(_Record):
    """A successful (or dry-run-passed) provider response."""

    __slots__ = ()
    _repr_fields = ("outcome", "request_id", "failures")

    @property
    def outcome(self) -> Literal["succeeded", "some_failed", "dry_run_passed"]:
        outcome: Literal["succeeded", "some_failed", "dry_run_passed"] = self._data["outcome"]
        return outcome

    @property
    def request_id(self) -> str | None:
        request_id: str | None = self._data.get("request_id")
        return request_id

    @property
    def renewal(self) -> RenewalResult | None:
        return self._one("renewal", RenewalResult)

    @property
    def failures(self) -> tuple[TargetFailure, ...]:
        return self._many("failures", TargetFailure)

    @property
    def dry_run(self) -> DryRunPassed | None:
        return self._one("dry_run", DryRunPassed)

    @property
    def data(self) -> Any:
        """The provider's payload as sent (read-only)."""
        return self._frozen("data")


class RequiredAccess(_Record):
    """One RAM permission an operation needs: an action on a resource ARN."""

    __slots__ = ()
    _repr_fields = ("action", "resource")

    @property
    def action(self) -> str:
        return str(self._data["action"])

    @property
    def resource(self) -> str:
        return str(self._data["resource"])


class AccessCheck(_Record):
    """RAM's decision for one action on one resource, and which statement decided it."""

    __slots__ = ()
    _repr_fields = ("action", "resource", "decision")

    @property
    def action(self) -> str:
        return str(self._data["action"])

    @property
    def resource(self) -> str:
        return str(self._data["resource"])

    @property
    def decision(self) -> str:
        return str(self._data["decision"])

    @property
    def policy_index(self) -> int | None:
        index: int | None = self._data.get("policy_index")
        return index

    @property
    def statement_index(self) -> int | None:
        index: int | None = self._data.get("statement_index")
        return index

    @property
    def reason(self) -> str:
        return str(self._data["reason"])


class Authorization(_Record):
    """Whether RAM policies let the caller run an operation, per required permission."""

    __slots__ = ()
    _repr_fields = ("allowed", "no_permission_type", "checks")

    @property
    def allowed(self) -> bool:
        return bool(self._data["allowed"])

    @property
    def checks(self) -> tuple[AccessCheck, ...]:
        return self._many("checks", AccessCheck)

    @property
    def reason(self) -> str:
        return str(self._data["reason"])

    @property
    def no_permission_type(self) -> str | None:
        kind: str | None = self._data.get("no_permission_type")
        return kind

    @property
    def error(self) -> ErrorInfo | None:
        return self._one("error", ErrorInfo)


class Policy(_Record):
    """A parsed RAM policy document."""

    __slots__ = ()
    _repr_fields = ("version", "statements")

    @property
    def version(self) -> str:
        return str(self._data["version"])

    @property
    def statements(self) -> tuple[Mapping[str, Any], ...]:
        statements: tuple[Mapping[str, Any], ...] = self._frozen("statements")
        return statements

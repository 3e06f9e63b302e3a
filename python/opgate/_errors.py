"""Exception classes. The extension renders every core error as a report
``{"kind", "errors": [...], "api"?}`` and calls :func:`_from_report`, which picks the class
by ``kind``. Nothing here decides anything; it only exposes the report."""

from __future__ import annotations

import copy
from typing import Any, Mapping

from ._model import ErrorInfo

__all__ = [
    "OpgateError",
    "InputError",
    "ValidationError",
    "DeniedError",
    "ApiError",
    "ParseError",
    "PolicyError",
    "SigningError",
]


class OpgateError(Exception):
    """Base of every opgate error.

    ``code``, ``http_status``, ``message`` and ``field`` come from the first error in the
    report; ``retryable`` is true when sending the same request later can succeed for any of
    them; ``errors`` lists every error; ``report`` is the whole report as a dict, exactly what
    the conformance vectors compare."""

    kind: str = ""

    def __init__(self, report: Mapping[str, Any]) -> None:
        self._report: dict[str, Any] = copy.deepcopy(dict(report))
        self.kind = str(self._report.get("kind", type(self).kind))
        self.errors: tuple[ErrorInfo, ...] = tuple(ErrorInfo._from(e) for e in self._report.get("errors", ()))
        first = self.errors[0] if self.errors else None
        self.code: str | None = first.code if first else None
        self.http_status: int | None = first.http_status if first else None
        self.message: str | None = first.message if first else None
        self.field: str | None = first.field if first else None
        self.retryable: bool = any(e.retryable for e in self.errors)
        super().__init__(self._summary())

    @property
    def report(self) -> dict[str, Any]:
        """The core's report, ``{"kind", "errors": [...], "api"?}`` (a copy)."""
        return copy.deepcopy(self._report)

    def _summary(self) -> str:
        if not self.errors:
            return self.kind
        first = self.errors[0]
        where = f" at {first.field}" if first.field else ""
        more = f" (+{len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        return f"{first.code} ({first.http_status}){where}: {first.message}{more}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_from_report, (self._report,))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._summary()!r})"


class InputError(OpgateError):
    """The call's own arguments are unusable (unknown operation, language, option)."""

    kind = "input"


class ValidationError(OpgateError):
    """Request parameters (or data that cannot be JSON) break the operation's rules; every
    violation is listed in ``errors``."""

    kind = "validation"


class DeniedError(OpgateError):
    """The pre-check found the provider would refuse the operation (raised by
    :func:`opgate.check`); ``errors`` holds one error per refused target, its ``field`` naming
    the target."""

    kind = "denied"


class ApiError(OpgateError):
    """The provider answered with an error (raised by :func:`opgate.parse_response`).

    ``code`` and ``http_status`` are the provider's. ``message`` is in the requested ``lang``:
    the provider's own text, except with ``lang="zh"`` for a code in the operation's error
    table, where it is the catalog's Chinese text. ``provider_message`` is always the
    provider's own message exactly as sent (``None`` if it sent none), so the original is never
    lost. ``request_id``, ``host_id``, ``recommend`` and ``access_denied_detail`` (RAM denials)
    are kept as sent; each is ``None`` when absent."""

    kind = "api"

    def __init__(self, report: Mapping[str, Any]) -> None:
        super().__init__(report)
        api = self._report.get("api") or {}
        self.provider_message: str | None = api.get("provider_message")
        self.request_id: str | None = api.get("request_id")
        self.host_id: str | None = api.get("host_id")
        self.recommend: str | None = api.get("recommend")
        self.access_denied_detail: Any = copy.deepcopy(api.get("access_denied_detail"))


class ParseError(OpgateError):
    """A provider response could not be understood."""

    kind = "parse"


class PolicyError(OpgateError):
    """A RAM policy document is malformed."""

    kind = "policy"


class SigningError(OpgateError):
    """The request could not be signed (missing or unusable credentials)."""

    kind = "signing"


_CLASSES: dict[str, type[OpgateError]] = {
    cls.kind: cls for cls in (InputError, ValidationError, DeniedError, ApiError, ParseError, PolicyError, SigningError)
}


def _from_report(report: Mapping[str, Any]) -> OpgateError:
    """The exception for a report; an unknown kind still gives an :class:`OpgateError`."""
    cls = _CLASSES.get(str(report.get("kind")), OpgateError)
    return cls(report)

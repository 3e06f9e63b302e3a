"""Exception classes. The extension hands every core error over as its report (the native
:class:`ErrorReport`, ``kind``, ``errors``, ``api``) to :func:`_from_report`, which picks the class
by ``kind``. Nothing here decides anything; it only exposes the report."""

from __future__ import annotations

from typing import ClassVar, Mapping, Union

from ._opgate import ApiErrorExtras, ErrorInfo, ErrorReport
from ._types import ErrorKind, ErrorReportDict, JsonView

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

ReportLike = Union[ErrorReport, ErrorReportDict, Mapping[str, object]]


class OpgateError(Exception):
    """Base of every opgate error.

    ``code``, ``http_status``, ``message`` and ``field`` come from the first error in the
    report; ``retryable`` is true when sending the same request later can succeed for any of
    them; ``errors`` lists every error (:class:`ErrorInfo`); ``kind`` says which kind of failure
    it is; ``report`` is the whole report as a dict, exactly what the conformance vectors
    compare."""

    KIND: ClassVar[ErrorKind | None] = None

    kind: ErrorKind
    errors: tuple[ErrorInfo, ...]
    code: str | None
    http_status: int | None
    message: str | None
    field: str | None
    retryable: bool

    def __init__(self, report: ReportLike) -> None:
        """Takes the core's report, or a dict of the shape ``report`` returns."""
        native = report if isinstance(report, ErrorReport) else ErrorReport(report)
        self._report = native
        self.kind = native.kind
        self.errors = native.errors
        first = self.errors[0] if self.errors else None
        self.code = first.code if first else None
        self.http_status = first.http_status if first else None
        self.message = first.message if first else None
        self.field = first.field if first else None
        self.retryable = any(e.retryable for e in self.errors)
        super().__init__(self._summary())

    @property
    def report(self) -> ErrorReportDict:
        """The core's report, ``{"kind", "errors": [...], "api"?}`` (a new copy each time)."""
        return self._report.to_dict()

    def _summary(self) -> str:
        if not self.errors:
            return self.kind
        first = self.errors[0]
        where = f" at {first.field}" if first.field else ""
        more = f" (+{len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        return f"{first.code} ({first.http_status}){where}: {first.message}{more}"

    def __reduce__(self) -> tuple[object, tuple[ErrorReport]]:
        return (_from_report, (self._report,))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._summary()!r})"


class InputError(OpgateError):
    """The call's own arguments are unusable (unknown operation, language, option)."""

    KIND = "input"


class ValidationError(OpgateError):
    """Request parameters (or data that cannot be JSON) break the operation's rules; every
    violation is listed in ``errors``."""

    KIND = "validation"


class DeniedError(OpgateError):
    """The pre-check found the provider would refuse the operation (raised by
    :func:`opgate.check`); ``errors`` holds one error per refused target, its ``field`` naming
    the target."""

    KIND = "denied"


class ApiError(OpgateError):
    """The provider answered with an error (raised by :func:`opgate.parse_response`).

    ``code`` and ``http_status`` are the provider's. ``message`` is in the requested ``lang``:
    the provider's own text, except with ``lang="zh"`` for a code in the operation's error
    table, where it is the catalog's Chinese text. ``api`` holds the provider's own fields
    (:class:`ApiErrorExtras`), also readable here: ``provider_message`` is always the provider's
    own message exactly as sent (``None`` if it sent none), so the original is never lost;
    ``request_id``, ``host_id``, ``recommend`` and ``access_denied_detail`` (RAM denials) are
    kept as sent; each is ``None`` when absent."""

    KIND = "api"

    @property
    def api(self) -> ApiErrorExtras | None:
        """The provider's fields of the error, as sent."""
        return self._report.api

    @property
    def provider_message(self) -> str | None:
        return self.api.provider_message if self.api else None

    @property
    def request_id(self) -> str | None:
        return self.api.request_id if self.api else None

    @property
    def host_id(self) -> str | None:
        return self.api.host_id if self.api else None

    @property
    def recommend(self) -> str | None:
        return self.api.recommend if self.api else None

    @property
    def access_denied_detail(self) -> JsonView | None:
        return self.api.access_denied_detail if self.api else None


class ParseError(OpgateError):
    """A provider response could not be understood."""

    KIND = "parse"


class PolicyError(OpgateError):
    """A RAM policy document is malformed."""

    KIND = "policy"


class SigningError(OpgateError):
    """The request could not be signed (missing or unusable credentials)."""

    KIND = "signing"


_CLASSES: dict[str, type[OpgateError]] = {
    str(cls.KIND): cls for cls in (InputError, ValidationError, DeniedError, ApiError, ParseError, PolicyError, SigningError)
}


def _from_report(report: ErrorReport) -> OpgateError:
    """The exception for a report (what the extension raises)."""
    cls = _CLASSES.get(report.kind, OpgateError)
    return cls(report)

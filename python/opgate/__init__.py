"""opgate: decide, before a cloud API call is sent, whether a lifecycle operation may happen,
and build and sign the exact request for it.

All decisions are made by the Rust core; this package converts Python data to it and its
results to frozen objects. Inputs are plain dicts and lists as the provider APIs return them.
"""

from __future__ import annotations

from . import _opgate
from ._api import (
    CURRENT_TIME,
    Clock,
    Credentials,
    IntBound,
    IntBounds,
    Json,
    Lang,
    Now,
    build,
    check,
    endpoint,
    operation,
    operations,
    parse_response,
    precheck,
    precheck_resources,
    ram_authorize,
    ram_evaluate,
    ram_parse_policy,
    ram_required_access,
    sign,
    validate,
    wait_status,
)
from ._errors import ApiError, DeniedError, InputError, OpgateError, ParseError, PolicyError, SigningError, ValidationError
from ._model import (
    AccessCheck,
    ApiResponse,
    Authorization,
    DryRunPassed,
    Endpoint,
    ErrorInfo,
    HttpRequest,
    Operation,
    Outcome,
    Policy,
    RenewalResult,
    RequiredAccess,
    SignedRequest,
    TargetFailure,
    Transition,
    Validated,
    Verdict,
    WaitState,
)

__version__: str = _opgate.__version__
MAX_DEPTH: int = _opgate.MAX_DEPTH
"""Containers nested deeper than this in any argument are refused with an :class:`InputError`."""
MAX_NODES: int = _opgate.MAX_NODES
"""Values (scalars and containers) one call may read across all its arguments."""
MAX_BYTES: int = _opgate.MAX_BYTES
"""Bytes of text and binary data one call may read across all its arguments."""
MAX_LIST_ITEMS: int = _opgate.MAX_LIST_ITEMS
"""Items one list may hold; a longer one is refused before any item is read."""

__all__ = [
    "__version__",
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_BYTES",
    "MAX_LIST_ITEMS",
    "Lang",
    "Json",
    "IntBound",
    "IntBounds",
    "Clock",
    "CURRENT_TIME",
    "Now",
    "Credentials",
    # functions
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
    # results
    "AccessCheck",
    "ApiResponse",
    "Authorization",
    "DryRunPassed",
    "Endpoint",
    "ErrorInfo",
    "HttpRequest",
    "Operation",
    "Outcome",
    "Policy",
    "RenewalResult",
    "RequiredAccess",
    "SignedRequest",
    "TargetFailure",
    "Transition",
    "Validated",
    "Verdict",
    "WaitState",
    # errors
    "OpgateError",
    "InputError",
    "ValidationError",
    "DeniedError",
    "ApiError",
    "ParseError",
    "PolicyError",
    "SigningError",
]

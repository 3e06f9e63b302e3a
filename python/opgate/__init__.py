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
    IntBound,
    Lang,
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
from ._lifecycle import (
    AccessExplanation,
    Classification,
    ClientToken,
    IdOutcome,
    Plan,
    PlannedDenial,
    PlannedRequest,
    PlannedUnknown,
    PlanOutcome,
    RequestRetry,
    ResourceOutcome,
    RetryAdvice,
    TargetReport,
    Waiter,
    WaitReport,
    access_denied,
    classify,
    client_token,
    merge_plan,
    plan,
    retry_advice,
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

Credentials = _opgate.Credentials
"""Signing credentials: ``Credentials(access_key_id, access_key_secret, security_token=None)``
or ``Credentials.bearer(token)``. The secrets live in Rust memory, are never shown by ``repr``
and cannot be pickled."""

__version__: str = _opgate.__version__
MAX_DEPTH: int = _opgate.MAX_DEPTH
"""Containers nested deeper than this in any argument are refused with ``InvalidParameter``."""

__all__ = [
    "__version__",
    "MAX_DEPTH",
    "Lang",
    "IntBound",
    "Clock",
    "CURRENT_TIME",
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
    # lifecycle: waiting, idempotency, retries, batch plans, denials
    "Waiter",
    "client_token",
    "classify",
    "retry_advice",
    "access_denied",
    "plan",
    "merge_plan",
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
    "AccessExplanation",
    "Classification",
    "ClientToken",
    "IdOutcome",
    "Plan",
    "PlannedDenial",
    "PlannedRequest",
    "PlannedUnknown",
    "PlanOutcome",
    "RequestRetry",
    "ResourceOutcome",
    "RetryAdvice",
    "TargetReport",
    "WaitReport",
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

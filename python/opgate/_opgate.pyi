# Stubs for the compiled extension `opgate._opgate` (bindings/python). It returns plain data
# (dicts, lists, str, int, float, bool, None); the `opgate` package wraps it in frozen objects.
from typing import Any, Mapping, Sequence, final

__version__: str
MAX_DEPTH: int
MAX_NODES: int
MAX_BYTES: int
MAX_LIST_ITEMS: int
SIGNING: bool

@final
class Credentials:
    def __init__(self, access_key_id: str, access_key_secret: str, security_token: str | None = None) -> None: ...
    @staticmethod
    def bearer(token: str) -> Credentials: ...
    @property
    def access_key_id(self) -> str | None: ...

def operations(*, lang: str = "en") -> list[dict[str, Any]]: ...
def operation(operation: str, *, lang: str = "en") -> dict[str, Any]: ...
def validate(operation: str, params: Any, *, lang: str = "en", now: int | None = None, int_bounds: Any = None) -> dict[str, Any]: ...
def precheck(
    operation: str, params: Any, resources: Any, *, lang: str = "en", now: int | None = None, int_bounds: Any = None
) -> dict[str, Any]: ...
def check(
    operation: str, params: Any, resources: Any, *, lang: str = "en", now: int | None = None, int_bounds: Any = None
) -> dict[str, Any]: ...
def precheck_resources(operation: str, resources: Any, *, lang: str = "en", now: int | None = None, int_bounds: Any = None) -> dict[str, Any]: ...
def wait_status(operation: str, status: str, *, lang: str = "en") -> dict[str, Any]: ...
def build(
    operation: str,
    params: Any,
    *,
    region: str | None = None,
    endpoint: str | None = None,
    lang: str = "en",
    now: int | None = None,
    int_bounds: Any = None,
) -> dict[str, Any]: ...
def sign(
    request: Mapping[str, Any],
    credentials: Credentials | Mapping[str, str],
    *,
    timestamp: int,
    nonce: str,
    algorithm: str | None = None,
    lang: str = "en",
) -> dict[str, Any]: ...
def parse_response(
    operation: str,
    status: int,
    body: bytes | bytearray | str,
    headers: Mapping[str, str] | Sequence[Sequence[str]] | None = None,
    *,
    lang: str = "en",
) -> dict[str, Any]: ...
def endpoint(operation: str, *, region: str | None = None, endpoint: str | None = None, lang: str = "en") -> dict[str, Any]: ...
def ram_parse_policy(policy: Any, *, lang: str = "en") -> dict[str, Any]: ...
def ram_required_access(operation: str, params: Any, *, region: str, account_id: str, lang: str = "en") -> list[dict[str, Any]]: ...
def ram_authorize(
    operation: str, params: Any, *, region: str, account_id: str, policies: Any, context: Any = None, lang: str = "en"
) -> dict[str, Any]: ...
def ram_evaluate(policies: Any, action: str, resource: str, *, context: Any = None, lang: str = "en") -> dict[str, Any]: ...

# Lifecycle (bindings/python/src/lifecycle.rs)
def client_token(operation: str, params: Any, *, scope: str = "", lang: str = "en", int_bounds: Any = None) -> dict[str, Any]: ...
def classify(operation: str, code: str, *, status: int | None = None, lang: str = "en") -> dict[str, Any]: ...
def retry_advice(
    operation: str,
    status: int | None = None,
    code: str | None = None,
    headers: Any = None,
    *,
    params: Any = None,
    now: int | None = None,
    attempt: int = 1,
    lang: str = "en",
) -> dict[str, Any]: ...
def access_denied(detail: Any, *, lang: str = "en") -> dict[str, Any]: ...
def plan(
    operation: str,
    targets: Any,
    resources: Any = None,
    *,
    scope: str = "",
    region: str | None = None,
    endpoint: str | None = None,
    lang: str = "en",
    now: int | None = None,
    int_bounds: Any = None,
) -> dict[str, Any]: ...
def merge_plan(plan: Any, responses: Any, *, lang: str = "en") -> dict[str, Any]: ...
def waiter_new(operation: str, ids: Any, sent_at: int, *, before: Any = None, seed: int | None = None, lang: str = "en") -> dict[str, Any]: ...
def waiter_resume(state: Any, *, lang: str = "en") -> dict[str, Any]: ...
def waiter_observe(state: Any, resources: Any, now: int, *, lang: str = "en") -> dict[str, Any]: ...

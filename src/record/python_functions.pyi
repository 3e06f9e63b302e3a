# The functions and constants of the extension `opgate._opgate` (bindings/python/src), kept by
# hand: src/record/schema.rs puts them at the top of python/opgate/_opgate.pyi, under the
# generated imports, and `python -m mypy.stubtest` checks them against the binary. Every argument
# is taken as a plain object and checked by the core (a wrong type is an InputError, never a
# TypeError), so the arguments are `object` here; `opgate`'s own functions (python/opgate/_api.py)
# carry the precise types.

__version__: str
MAX_DEPTH: int
MAX_NODES: int
MAX_BYTES: int
MAX_LIST_ITEMS: int
SIGNING: bool

@final
class Credentials:
    """Signing credentials; the secrets stay in Rust memory (wiped on drop), never in ``repr``."""
    def __new__(cls, access_key_id: object, access_key_secret: object, security_token: object = ...) -> Credentials: ...
    @staticmethod
    def bearer(token: object) -> Credentials: ...
    @property
    def access_key_id(self) -> str | None: ...

def operations(*, lang: object = ...) -> tuple[Operation, ...]: ...
def operation(operation: object, *, lang: object = ...) -> Operation: ...
def validate(operation: object, params: object, *, lang: object = ..., now: object = ..., int_bounds: object = ...) -> Validated: ...
def precheck(operation: object, params: object, resources: object, *, lang: object = ..., now: object = ..., int_bounds: object = ...) -> Verdict: ...
def check(operation: object, params: object, resources: object, *, lang: object = ..., now: object = ..., int_bounds: object = ...) -> Verdict: ...
def precheck_resources(operation: object, resources: object, *, lang: object = ..., now: object = ..., int_bounds: object = ...) -> Verdict: ...
def wait_status(operation: object, status: object, *, lang: object = ...) -> WaitState: ...
def _take_work() -> int: ...
def _seed_nonces(seed: object) -> None: ...
def build(
    operation: object,
    params: object,
    region: object = ...,
    endpoint: object = ...,
    lang: object = ...,
    now: object = ...,
    int_bounds: object = ...,
) -> HttpRequest: ...
@final
class RequestBuilder:
    """An operation and its build options read once; ``build(params)`` answers as ``build``."""
    def __new__(
        cls,
        operation: object,
        region: object = ...,
        endpoint: object = ...,
        lang: object = ...,
        now: object = ...,
        int_bounds: object = ...,
    ) -> RequestBuilder: ...
    def build(self, params: object) -> HttpRequest: ...
    @property
    def operation(self) -> OperationId: ...
    @property
    def region(self) -> str | None: ...
    @property
    def endpoint(self) -> str | None: ...

def sign(
    request: object,
    credentials: object,
    timestamp: object = ...,
    nonce: object = ...,
    algorithm: object = ...,
    lang: object = ...,
) -> SignedRequest: ...
def parse_response(operation: object, status: object, body: object, headers: object = ..., *, lang: object = ...) -> ApiResponse: ...
def endpoint(operation: object, *, region: object = ..., endpoint: object = ..., lang: object = ...) -> Endpoint: ...
def ram_parse_policy(policy: object, *, lang: object = ...) -> Policy: ...
def ram_required_access(operation: object, params: object, *, region: object = ..., account_id: object = ..., lang: object = ...) -> tuple[RequiredAccess, ...]: ...
def ram_authorize(
    operation: object,
    params: object,
    *,
    policies: object,
    region: object = ...,
    account_id: object = ...,
    context: object = ...,
    lang: object = ...,
) -> Authorization: ...
def ram_evaluate(policies: object, action: object, resource: object, *, context: object = ..., lang: object = ...) -> AccessCheck: ...
def client_token(operation: object, params: object, *, scope: object = ..., lang: object = ..., int_bounds: object = ...) -> ClientToken: ...
def classify(operation: object, code: object, *, status: object = ..., lang: object = ...) -> Classification: ...
def retry_advice(
    operation: object,
    status: object = ...,
    code: object = ...,
    headers: object = ...,
    *,
    params: object = ...,
    now: object = ...,
    attempt: object = ...,
    lang: object = ...,
) -> RetryAdvice: ...
def access_denied(detail: object, *, lang: object = ...) -> AccessExplanation: ...
def plan(
    operation: object,
    targets: object,
    resources: object = ...,
    *,
    scope: object = ...,
    region: object = ...,
    endpoint: object = ...,
    lang: object = ...,
    now: object = ...,
    int_bounds: object = ...,
) -> Plan: ...
def merge_plan(plan: object, responses: object, *, lang: object = ...) -> PlanOutcome: ...
def waiter_new(operation: object, ids: object, sent_at: object, *, before: object = ..., seed: object = ..., lang: object = ...) -> WaiterState: ...
def waiter_resume(state: object, *, lang: object = ...) -> WaiterState: ...
def waiter_observe(state: object, resources: object, now: object, *, lang: object = ...) -> Observed: ...

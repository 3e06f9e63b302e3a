// Generated from the Rust types (src/record/schema.rs renders every #[derive(Record)]); do not edit.
// Regenerate with `make generate`; `cargo test -p opgate --lib record::` fails while this file is stale.
//
// The results of the JS API: opgate's own keys camelCased (`dry_run` -> `dryRun`), provider data with
// its own keys. `js/test/types.test.mjs` compiles every vector result against these with `tsc --strict`.

/** Any JSON value: provider data as sent, parameters as given. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The operations in the catalog; any other id is refused with an InputError (`UnsupportedOperation`). */
export type OperationId = "ecs:RebootInstance" | "computenestsupplier:RestartServiceInstance" | "computenest:RenewServiceInstanceResources" | "zec:RebootInstances";

/** Language of human-readable messages; codes never change with it. */
export type Lang = "en" | "zh";

/** Which kind of failure an error is; each has its exception class (`InputError`, ...). */
export type ErrorKind = "input" | "validation" | "denied" | "api" | "parse" | "policy" | "signing";

/**
 * An operation's description: parameters, the statuses its guards accept, how to wait for it,
 * its RAM permission, its errors and how its requests travel.
 */
export interface OperationDescription {
  /** The operation id, `<ram-code>:<Action>`. */
  id: OperationId;
  provider: Provider;
  /** The product code as the SDKs name it (`Ecs`, `ComputeNest`, `ComputeNestSupplier`, `zec`). */
  product: string;
  apiVersion: string;
  /** The API action, e.g. `RebootInstance`. */
  action: string;
  /** One sentence, in the requested language. */
  summary: string;
  wire: WireDescription;
  /** The parameters, in the order the official SDKs serialize them. */
  params: ParamDescription[];
  /** Rules that span several parameters. */
  rules: RuleDescription[];
  target: TargetDescription;
  resource: ResourceDescription;
  /** The statuses in which the operation is allowed. */
  allowedStatuses: string[];
  /** Where the status goes once the call is accepted; `null` when it does not change. */
  transition: TransitionDescription | null;
  wait: WaitDescription;
  /** The RAM permission it needs; `null` where the provider has no RAM (Zenlayer). */
  ram: RamDescription | null;
  /** How a dry run is asked for and answered; `null` where there is none. */
  dryRun: DryRunDescription | null;
  /** Every error code the operation can produce, client-side or from the provider. */
  errors: ErrorDescription[];
}

/** Who runs the API; decides error style (`InvalidParameter.X` vs `INVALID_PARAMETER`) and wire format. */
export type Provider = "alibaba" | "zenlayer";

/** How the operation's requests travel. */
export type WireDescription = AlibabaRpcWire | ZenlayerJsonWire;

/** Alibaba RPC style: `Action`/`Version` plus flat parameters. */
export interface AlibabaRpcWire {
  style: "alibaba_rpc";
  /** The host template; `{region}` is replaced by the region id. */
  endpoint: string;
  /** Regions that have their own host (empty: every region does). */
  regions: string[];
}

/** Zenlayer: `POST <path>` with a JSON body and the action in `X-ZC-Action`. */
export interface ZenlayerJsonWire {
  style: "zenlayer_json";
  host: string;
  path: string;
}

/** One parameter: its name, whether it is required, and its kind (`type` and what goes with it). */
export type ParamDescription = {
  /** The name as the provider spells it. */
  name: string;
  required: boolean;
} & ParamKind;

/** What values a parameter takes. */
export type ParamKind = BooleanKind | IntegerKind | EnumKind | StringKind | ListKind | ObjectKind;

/** `true` or `false`. */
export interface BooleanKind {
  type: "boolean";
  /** What the provider assumes when it is left out. */
  default: boolean | null;
}

/** An integer within inclusive bounds. */
export interface IntegerKind {
  type: "integer";
  min: number;
  max: number;
}

/** One of a fixed set of strings. */
export interface EnumKind {
  type: "enum";
  values: string[];
  /** What the provider assumes when it is left out. */
  default: string | null;
}

/** A string of a checked format. */
export interface StringKind {
  type: "string";
  format: Format;
}

/** String formats, each checked by `formats`. */
export type Format = "EcsInstanceId" | "ServiceInstanceId" | "ZecInstanceId" | "Arn" | "ClientToken" | "RegionId";

/** A list of items of one kind. */
export interface ListKind {
  type: "list";
  items: ParamKind;
  /** The fewest items allowed. */
  min: number;
  /** The most items allowed. */
  max: number;
  /**
   * Which repeats it refuses: `"items"` (items must differ), a field name (objects must
   * differ in it), or `null` (repeats allowed).
   */
  unique: string | null;
}

/** An object with named fields. */
export interface ObjectKind {
  type: "object";
  fields: ParamDescription[];
}

/** A rule that spans several parameters: exactly one of the groups may be used. */
export interface RuleDescription {
  /**
   * The groups of parameters, one of which is used (Renew: `Period`+`PeriodUnit` for every
   * resource, or `ResourcePeriod` for listed ones).
   */
  oneMethodOf: string[][];
}

/** Which parameter names the resources the operation acts on. */
export interface TargetDescription {
  param: string;
  /** For a batch operation, the most ids one request may carry; `null` for one resource. */
  batchMax: number | null;
}

/** How a resource is read from the provider's Describe API. */
export interface ResourceDescription {
  /** The Describe API whose items a pre-check takes. */
  describeApi: string;
  idField: string;
  statusField: string;
  /** Every status the provider documents; any other is denied as unknown. */
  statuses: string[];
}

/** Where the status goes once the call is accepted. */
export interface TransitionDescription {
  /** `null` where the provider does not document the intermediate status. */
  immediate: string | null;
  settled: string;
}

/**
 * How to wait for the operation to finish by polling the Describe API (classify each status
 * seen with `wait_status`).
 */
export interface WaitDescription {
  /** The statuses that mean done; empty for a synchronous operation. */
  target: string[];
  /** The statuses on the way there: poll again. */
  pending: string[];
  /** The statuses that mean it did not complete. */
  failure: string[];
  /**
   * How long to wait before the first poll: right after the call the status can still read
   * as it did before, so a first poll could wrongly read "done".
   */
  initialDelaySeconds: number;
  /** How long to wait between polls. */
  intervalSeconds: number;
  /** How long to wait in all. */
  timeoutSeconds: number;
}

/** The RAM permission an operation needs. */
export interface RamDescription {
  action: string;
  /** The resource ARN template; `{region}`, `{account}` and `{id}` are replaced per target. */
  resource: string;
}

/** How a dry run is asked for (`param` set to true) and answered (`code`). */
export interface DryRunDescription {
  param: string;
  code: string;
}

/** One error code the operation can produce. */
export interface ErrorDescription {
  code: string;
  httpStatus: number;
  retryable: boolean;
  /** The message, in the requested language. */
  message: string;
  origin: ErrorOrigin;
}

/** Where an error code comes from: the provider's documentation, or our choice in its style. */
export type ErrorOrigin = "documented" | "provider_style";

/** Parameters that passed validation, type-normalised, and the provider's defaults. */
export interface Validated {
  /** The operation id. */
  operation: OperationId;
  /** What the caller gave, type-normalised, in the SDK's serialisation order. */
  params: { [key: string]: JsonValue };
  /** Values the provider assumes for parameters left out; not sent on the wire. */
  defaults: { [key: string]: JsonValue };
}

/** Whether the operation may happen: per resource, and overall. */
export interface Verdict {
  /** The operation id. */
  operation: OperationId;
  /** Every target would be accepted (for a dry run: would pass). */
  allowed: boolean;
  /** The request is a dry run (ECS `DryRun=true`): nothing would change. */
  dryRun: boolean;
  /** One per target, in the order of the request (or of `resources`, without parameters). */
  outcomes: Outcome[];
  /** The ids that would be accepted (for a dry run: would pass). */
  allowedIds: string[];
  /** The ids the provider would refuse; for a ZEC batch, what its response would list. */
  deniedIds: string[];
  /**
   * What a single-resource call would answer instead of success: the first denial, or
   * `DryRunOperation` for a passing dry run. Batch calls report per id instead.
   */
  error: ErrorInfo | null;
}

/** The pre-check's answer for one resource. */
export interface Outcome {
  /** The resource's id. */
  id: string;
  decision: Decision;
  /** The status the Describe data reports; `null` when the resource was not found. */
  status: string | null;
  /** For a denial, the error the provider would answer with. */
  error: ErrorInfo | null;
  /** Why, in the caller's language; meant for a tooltip. */
  reason: string;
  /** Where the status goes once the call is accepted. */
  transition: TransitionView | null;
}

/** What the pre-check decided for one resource. */
export type Decision = "allow" | "deny" | "dry_run";

/**
 * One provider-style error: what the provider would answer (an `ErrorDetail` with its
 * message in one language).
 */
export interface ErrorInfo {
  /** The provider's error code, e.g. `IncorrectInstanceStatus`. */
  code: string;
  /** The HTTP status the provider answers with. */
  httpStatus: number;
  /** The message, in the requested language. */
  message: string;
  /** Path of the offending input, e.g. `ResourcePeriod[2].Period` or `resources[0].Status`. */
  field: string | null;
  /** Whether sending the same request again later can succeed. */
  retryable: boolean;
}

/** Where a status goes once the call is accepted. In Python the attribute `from` is `from_`. */
export interface TransitionView {
  /** The status now. */
  from: string;
  /** `null` where the provider does not document the intermediate status. */
  immediate: string | null;
  /** Where it ends. */
  settled: string;
}

/** Where a polled status stands relative to the operation's goal. */
export interface WaitState {
  /** The operation id. */
  operation: OperationId;
  /** The status that was classified. */
  status: string;
  state: WaitProgress;
  /** The statuses that mean the goal. */
  target: string[];
  /** Why, in the requested language. */
  reason: string;
}

/**
 * `done` (synchronous operations only: nothing to wait for), `goal` (the target status, which
 * alone cannot show the operation finished), `pending` (poll again) or `failed` (stop waiting).
 */
export type WaitProgress = "done" | "goal" | "pending" | "failed";

/**
 * One HTTP request exactly as it must go on the wire; send it with any HTTP client.
 *
 * Query parameters and headers keep their order (the SDKs' order), and are unencoded:
 * `url` encodes them the way the signatures expect.
 *
 * A signed request carries credentials (an STS token, a bearer token). The fields and the
 * serialized form hold them, because they are what is sent; `Debug`, and in Python `repr` and
 * `to_dict()` (unless `to_dict(include_secrets=True)`), show `redacted` instead.
 */
export interface HttpRequest {
  /** `GET` or `POST`. */
  method: string;
  /** `https` (or what an endpoint override gave). */
  scheme: string;
  host: string;
  path: string;
  /** Query parameters, unencoded, in wire order; `url` has them encoded. */
  query: [string, string][];
  /** Headers in wire order. */
  headers: [string, string][];
  /** The body as UTF-8 text (empty for Alibaba RPC requests). */
  body: string;
  /** The body in base64, only for a body that is not UTF-8. */
  bodyBase64?: string;
  /** `scheme://host/path?query`, the query percent-encoded as the signatures expect. */
  url: string;
}

/** Where requests for an operation go. */
export interface Endpoint {
  /** `https`, or the scheme an endpoint override gave. */
  scheme: string;
  host: string;
  path: string;
}

/** A successful (or dry-run-passed) provider response. */
export interface ApiResponse {
  outcome: ResponseOutcome;
  /** The provider's request id, as sent. */
  requestId: string | null;
  /** Compute Nest `RenewalResult`. */
  renewal?: RenewalResult;
  /**
   * Targets the provider reports as failed: Compute Nest `FailureDetails`, or the ids a
   * Zenlayer batch call returns (those are the ones that failed).
   */
  failures: TargetFailure[];
  /** An ECS dry run that passed: the provider's `DryRunOperation` answer. */
  dryRun?: DryRunPassed;
  /**
   * The provider's payload as sent (Zenlayer: the `response` object; XML converted), always
   * an object.
   */
  data: { [key: string]: JsonValue };
}

/** How a provider response turned out. */
export type ResponseOutcome = "succeeded" | "some_failed" | "dry_run_passed";

/** Compute Nest's `RenewalResult`: how many resources were renewed. */
export interface RenewalResult {
  totalCount: number;
  succeeded: number;
  failed: number;
}

/** One target the provider reports as failed. */
export interface TargetFailure {
  /** The target's id. */
  id: string;
  /** The provider's code for it, when it sent one. */
  code: string | null;
  /** The provider's message for it, when it sent one. */
  message: string | null;
}

/** A dry run that passed: the provider's answer (`DryRunOperation`). */
export interface DryRunPassed {
  code: string;
  message: string | null;
}

/** A parsed, checked RAM policy document. */
export interface Policy {
  /** The document's `Version`. */
  version: string;
  statements: Statement[];
}

/** One statement of a policy. */
export type Statement = {
  /** The statement's `Sid`, if it has one. */
  sid: string | null;
  effect: Effect;
  /** The resource patterns it covers. */
  resources: string[];
  /** All must hold. */
  conditions: Condition[];
} & Actions;

/** Whether a statement allows or denies. */
export type Effect = "Allow" | "Deny";

/** `Action` lists the actions a statement covers; `NotAction` covers every action except those. */
export type Actions = { action: string[] } | { notAction: string[] };

/** One key under one operator, e.g. `"IpAddress": {"acs:SourceIp": ["10.0.0.0/8"]}`. */
export interface Condition {
  operator: Operator;
  /** The key as written; matched against the context case-insensitively. */
  key: string;
  /** The listed values as text (JSON numbers and booleans are written as their JSON text). */
  values: string[];
}

/** A condition operator, named as in RAM policies (case-sensitive). */
export type Operator = "StringEquals" | "StringNotEquals" | "StringEqualsIgnoreCase" | "StringNotEqualsIgnoreCase" | "StringLike" | "StringNotLike" | "NumericEquals" | "NumericNotEquals" | "NumericLessThan" | "NumericLessThanEquals" | "NumericGreaterThan" | "NumericGreaterThanEquals" | "DateEquals" | "DateNotEquals" | "DateLessThan" | "DateLessThanEquals" | "DateGreaterThan" | "DateGreaterThanEquals" | "Bool" | "IpAddress" | "NotIpAddress";

/** One RAM permission an operation needs: an action on one resource ARN. */
export interface RequiredAccess {
  /** The RAM action, e.g. `ecs:RebootInstance`. */
  action: string;
  /** The resource ARN, e.g. `acs:ecs:cn-hangzhou:1488317743351199:instance/i-...`. */
  resource: string;
}

/** Whether RAM policies let the caller run an operation, per required permission. */
export interface Authorization {
  /** True when every required permission is allowed. */
  allowed: boolean;
  /** One per required permission, in `required_access` order. */
  checks: AccessCheck[];
  /** The overall explanation: the first denial's, or why all are allowed. */
  reason: string;
  /**
   * For a denial, Alibaba's `AccessDeniedDetail.NoPermissionType` of the first denied check:
   * `ImplicitDeny` or `ExplicitDeny`.
   */
  noPermissionType: NoPermissionType | null;
  /** For a denial, the error the provider would answer with (`Forbidden.RAM`, HTTP 403). */
  error: ErrorInfo | null;
}

/** RAM's decision for one action on one resource, and which statement decided it. */
export interface AccessCheck {
  action: string;
  resource: string;
  decision: AccessDecision;
  /** Which policy decided (an index into the policies given); `null` for an implicit deny. */
  policyIndex: number | null;
  /** Which statement of that policy decided. */
  statementIndex: number | null;
  /** Why, in the requested language. */
  reason: string;
}

/** RAM's answer for one action on one resource. */
export type AccessDecision = "allow" | "implicit_deny" | "explicit_deny";

/** Alibaba's `AccessDeniedDetail.NoPermissionType` of a denial. */
export type NoPermissionType = "ImplicitDeny" | "ExplicitDeny";

/**
 * The provider's fields of an API error, as sent; `provider_message` is its untranslated
 * message whatever `lang` the report is rendered in. Each is `null` when the provider sent none.
 */
export interface ApiErrorExtras {
  /** The provider's own message exactly as sent (bounded in length). */
  providerMessage: string | null;
  requestId: string | null;
  hostId: string | null;
  recommend: string | null;
  /** RAM denials explain themselves here (Alibaba `AccessDeniedDetail`), kept as sent. */
  accessDeniedDetail: JsonValue | null;
}

/**
 * The serialized form of an `Error`: `{"kind": ..., "errors": [...]}`, plus the provider's
 * extra fields for API errors. This is what the conformance vectors compare; JS keeps it with
 * these (snake_case) keys as `error.report`.
 */
export interface ErrorReport {
  kind: ErrorKind;
  /** Every error, the first one the headline. */
  errors: ({ code: string; http_status: number; message: string; field: string | null; retryable: boolean })[];
  /** The provider's own fields, for an API error. */
  api?: { provider_message: string | null; request_id: string | null; host_id: string | null; recommend: string | null; access_denied_detail: JsonValue | null };
}

/**
 * A narrower integer range for one parameter path the provider leaves open (`Period`,
 * `ResourcePeriod.Period`), e.g. `{"path": "Period", "min": 1, "max": 36}`.
 */
export interface IntBound {
  /** The parameter path, nested fields joined with `.`. */
  path: string;
  /** The smallest value allowed; left out or null: no lower bound. */
  min?: number | null;
  /** The largest value allowed; left out or null: no upper bound. */
  max?: number | null;
}

/** A stable idempotency token: put `token` into the parameter `param` (`ClientToken`). */
export interface ClientToken {
  /** The operation id. */
  operation: OperationId;
  /** The parameter to put it in (`ClientToken`). */
  param: string;
  token: string;
  scope: string;
}

/** The class of one error code of one operation. */
export interface Classification {
  /** The operation id. */
  operation: OperationId;
  code: string;
  httpStatus: number | null;
  class: RetryClass;
  source: ClassSource;
  /** What to do with the request's ClientToken; `any` for operations without one. */
  token: TokenAdvice;
  /** The request may have been carried out although this error came back. */
  mayHaveApplied: boolean;
  /** How long to wait before trying again, when trying again can help. */
  recommendedDelayMs: number | null;
  reason: string;
}

/** What retrying a failed call can achieve. */
export type RetryClass = "throttle" | "transient" | "state_conflict" | "permanent" | "auth";

/** Where a class came from. */
export type ClassSource = "operation" | "provider" | "rule" | "header" | "no_response";

/** What to do with an idempotency token after a failure. */
export type TokenAdvice = "keep" | "new" | "any";

/** The advice for one failed call (an error response, an unreadable one, or none at all). */
export interface RetryAdvice {
  /** The operation id. */
  operation: OperationId;
  /** `null` when no response arrived. */
  code: string | null;
  httpStatus: number | null;
  class: RetryClass;
  source: ClassSource;
  mayHaveApplied: boolean;
  /** Whether the request that failed carried a ClientToken. */
  tokenSent: boolean;
  token: TokenAdvice;
  /**
   * Resending cannot make the operation happen twice: the request was rejected before it
   * acted, or it carried a ClientToken the provider deduplicates.
   */
  safeToRetry: boolean;
  action: NextStep;
  /** How long to wait before the next attempt; `null` when none should be made. */
  retryAfterMs: number | null;
  /** The header the delay was read from, or `recommended`. */
  retryAfterSource: string | null;
  reason: string;
}

/** What to do next after a failed call. */
export type NextStep = "retry" | "retry_with_new_token" | "recheck" | "fix_request" | "fix_credentials";

/** Why access was denied (or allowed), from either source. */
export interface AccessExplanation {
  /** `provider` (read from a response) or `policy_check` (from `authorize`). */
  source: ExplanationSource;
  /** The action checked (`ecs:RebootInstance`). */
  action: string | null;
  /** The resource ARN checked, when known. */
  resource: string | null;
  /**
   * `implicit_deny`, `explicit_deny` (or `allow` for a policy check); `null` when the
   * provider did not say.
   */
  decision: AccessDecision | null;
  /** Alibaba's name for the decision: `ImplicitDeny` or `ExplicitDeny`. */
  noPermissionType: string | null;
  /** The kind of policy that denied (`AccountLevelIdentityBasedPolicy`, `ControlPolicy`, ...). */
  policyType: string | null;
  /** For a policy check: which policy and statement decided. */
  policyIndex: number | null;
  statementIndex: number | null;
  principalType: string | null;
  principalOwnerId: string | null;
  principalDisplayName: string | null;
  /** Still encoded: `ram:DecodeDiagnosticMessage` turns it into the full diagnosis. */
  encodedDiagnosticMessage: string | null;
  reason: string;
}

/** Where an `AccessExplanation` comes from. */
export type ExplanationSource = "provider" | "policy_check";

/** The requests to send for a batch, split to the provider's limit, and the ids left out. */
export interface Plan {
  /** The operation id. */
  operation: OperationId;
  /** The most ids one request may carry. */
  batchMax: number;
  requests: PlannedRequest[];
  /** The ids the requests carry, in order. */
  allowedIds: string[];
  /** Ids the pre-check refused; never sent. */
  denied: PlannedDenial[];
  /** Ids missing from the Describe items; never sent. */
  unknown: PlannedUnknown[];
  /** Ids given more than once; each is planned once. */
  duplicates: string[];
  reason: string;
}

/** One request of a plan. */
export interface PlannedRequest {
  /** Its position among the plan's requests (the index of its response for `merge_plan`). */
  index: number;
  /** The ids it carries. */
  ids: string[];
  /** The parameters sent, the ClientToken included. */
  params: { [key: string]: JsonValue };
  /** The ClientToken, for operations that take one. */
  token: string | null;
  /** The request, built as `build` builds it. */
  request: HttpRequest;
}

/** An id the plan leaves out because the provider would refuse it. */
export interface PlannedDenial {
  id: string;
  /** Its status in the Describe items, when it was there. */
  status: string | null;
  /** The provider's error for it. */
  error: ErrorInfo;
  reason: string;
}

/** An id missing from the Describe items: nothing is known, so it is not sent. */
export interface PlannedUnknown {
  id: string;
  reason: string;
}

/** One outcome per id once a plan's responses are in. */
export interface PlanOutcome {
  /** The operation id. */
  operation: OperationId;
  /** One per id: the planned ones in request order, then the denied and the unknown. */
  outcomes: IdOutcome[];
  /** Hand these to a `Waiter`. */
  acceptedIds: string[];
  /** The ids the provider refused. */
  failedIds: string[];
  /** For each request that failed or got no answer: what to do about it. */
  retries: RequestRetry[];
  reason: string;
}

/** Where one id of a plan ended up. */
export interface IdOutcome {
  id: string;
  state: IdState;
  /** The planned request that carried it; `null` for ids never planned. */
  requestIndex: number | null;
  /** The error code, for an id that failed or was denied. */
  code: string | null;
  message: string | null;
  /** The provider's request id of the response. */
  requestId: string | null;
  /** Per-resource results inside this target, where the provider lists them. */
  resources: ResourceOutcome[];
  reason: string;
}

/** Where one id ended up once the responses are in. */
export type IdState = "accepted" | "partly_failed" | "failed" | "dry_run_passed" | "denied" | "unknown" | "not_sent" | "no_answer";

/** One resource inside a target, where the provider lists them (Compute Nest renewals). */
export interface ResourceOutcome {
  /** The resource (Compute Nest `ResourceArn`). */
  id: string;
  failed: boolean;
  code: string | null;
  message: string | null;
}

/** What to do about one planned request that failed or got no answer. */
export interface RequestRetry {
  /** The planned request's index. */
  index: number;
  advice: RetryAdvice;
}

/**
 * The waiter's whole memory; serialize it to persist, `resume` to go on.
 *
 * Python and JS call it `WaiterState`: the `Waiter` class of each package holds one.
 */
export interface WaiterState {
  /** The version of this form (`WAITER_VERSION`). */
  version: number;
  /** The operation id. */
  operation: OperationId;
  /** When the call was sent, Unix seconds. */
  sent: number;
  /** Makes the jitter of poll intervals reproducible. */
  seed: number;
  /** Observations made so far. */
  polls: number;
  /** When to poll next, Unix seconds. */
  next: number;
  /** Every target, in the order given. */
  targets: WaiterTarget[];
}

/**
 * One target as the waiter remembers it. Keys are single words so the serialized form is the
 * same in every language binding.
 */
export interface WaiterTarget {
  id: string;
  /** Its state before the call, when the Describe items read then had it. */
  before: WaiterBaseline | null;
  /** The operation has been seen acting on it. */
  seen: boolean;
  /** The last status observed. */
  status: string | null;
  state: TargetState;
  /** What showed the operation acted, once done. */
  proof: Proof | null;
  /** For a failed target: the waiter's failure code. */
  code: string | null;
}

/** A target's state before the call, for `FieldChanged`. */
export interface WaiterBaseline {
  /** The status it had. */
  status: string;
  /** The evidence fields as they were (`StartTime`), when the item had them. */
  fields: { [key: string]: JsonValue };
}

/** Where one target stands. */
export type TargetState = "pending" | "done" | "failed" | "unknown";

/** What showed that the operation acted on a target. */
export type Proof = "status_left_target" | "field_changed" | "settle_time" | "synchronous";

/** What one observation concluded. */
export interface WaitReport {
  /** The operation id. */
  operation: OperationId;
  /** Every target has settled (done or failed). */
  done: boolean;
  /** Every target is done. */
  succeeded: boolean;
  /** Seconds since the send. */
  elapsedSeconds: number;
  /** Observations made so far, this one included. */
  polls: number;
  /** The most this operation is waited for. */
  timeoutSeconds: number;
  /** Seconds until the next poll; `null` once done. */
  nextPollAfterSeconds: number | null;
  /** When to poll next, Unix seconds; `null` once done. */
  nextPollAt: number | null;
  /** The range the jitter allowed for this wait, `[min, max]` seconds. */
  nextPollWindow: [number, number] | null;
  /** How many targets stand where. */
  counts: WaitCounts;
  /** Every target, in the order given. */
  targets: TargetReport[];
  /** When a target status counts as done for this operation, and why. */
  rule: string;
  /** The provider page the rule rests on. */
  source: string;
  reason: string;
}

/** How many targets of a wait stand where. */
export interface WaitCounts {
  done: number;
  pending: number;
  failed: number;
  unknown: number;
}

/** Where one target of a wait stands, and why. */
export interface TargetReport {
  id: string;
  state: TargetState;
  /** The last status observed. */
  status: string | null;
  /** The operation has been seen acting on it. */
  transitionSeen: boolean;
  /** What showed the operation acted, once done. */
  proof: Proof | null;
  /** The waiter's error, for a failed target. */
  error: ErrorInfo | null;
  reason: string;
}

/**
 * A waiter after one more observation, and what it concluded: what stateless hosts (the
 * bindings) hand back and forth.
 */
export interface Observed {
  waiter: WaiterState;
  report: WaitReport;
}

/** What a build of opgate is and can do (JS `info()`). */
export interface BuildInfo {
  /** The package version. */
  version: string;
  /** The limits on arguments, the same in Python and JavaScript (README "Limits"). */
  limits: Limits;
  /** Whether this build can sign requests (never in the WebAssembly build). */
  signing: boolean;
}

/** The limits as a result (JS `info().limits`). */
export interface Limits {
  /** Containers nested deeper than this are refused. */
  maxDepth: number;
  /** Values one call may read across all its arguments. */
  maxNodes: number;
  /** Bytes of text and binary data one call may read across all its arguments. */
  maxBytes: number;
  /** Items one list may report. */
  maxListItems: number;
}

/** Options of `operations`, `operation`, `waitStatus`, `parseResponse`, `ramParsePolicy`, `accessDenied`, `mergePlan`, `Waiter.resume` and `Waiter.observe`. */
export interface LangOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
}

/** Options of `validate`, `precheck`, `precheckResources` and `check`. */
export interface CheckOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** Unix seconds for expiry checks. Default: the current time (`Math.floor(Date.now() / 1000)`); `null`: no expiry checks, as the core without a clock. */
  now?: number | null;
  /** Narrower integer ranges for parameters the provider leaves open, e.g. `[{path: "Period", min: 1, max: 36}]`. Default: none. */
  intBounds?: readonly IntBound[];
}

/** Options of `build`. */
export interface BuildOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** Unix seconds for expiry checks. Default: the current time (`Math.floor(Date.now() / 1000)`); `null`: no expiry checks, as the core without a clock. */
  now?: number | null;
  /** Narrower integer ranges for parameters the provider leaves open, e.g. `[{path: "Period", min: 1, max: 36}]`. Default: none. */
  intBounds?: readonly IntBound[];
  /** The region whose endpoint (or ARN) to use, e.g. `"cn-hangzhou"`; needed where the operation has no `RegionId` parameter (ECS). */
  region?: string | null;
  /** A host (or `https://host`, `http://host:port`) replacing the resolved one, e.g. a VPC endpoint. Default: none. */
  endpoint?: string | null;
}

/** Options of `endpoint`. */
export interface EndpointOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** The region whose endpoint (or ARN) to use, e.g. `"cn-hangzhou"`; needed where the operation has no `RegionId` parameter (ECS). */
  region?: string | null;
  /** A host (or `https://host`, `http://host:port`) replacing the resolved one, e.g. a VPC endpoint. Default: none. */
  endpoint?: string | null;
}

/** Options of `ramRequiredAccess`. */
export interface RamOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** The region whose endpoint (or ARN) to use, e.g. `"cn-hangzhou"`; needed where the operation has no `RegionId` parameter (ECS). */
  region: string;
  /** The 16-digit Alibaba Cloud account id used in resource ARNs. */
  accountId: string;
}

/** Options of `ramAuthorize`. */
export interface RamAuthorizeOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** The region whose endpoint (or ARN) to use, e.g. `"cn-hangzhou"`; needed where the operation has no `RegionId` parameter (ECS). */
  region: string;
  /** The 16-digit Alibaba Cloud account id used in resource ARNs. */
  accountId: string;
  /** Condition keys and their values, e.g. `{"acs:SourceIp": "203.0.113.7"}`. Default: none. */
  context?: { readonly [key: string]: unknown } | null;
}

/** Options of `ramEvaluate`. */
export interface RamContextOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** Condition keys and their values, e.g. `{"acs:SourceIp": "203.0.113.7"}`. Default: none. */
  context?: { readonly [key: string]: unknown } | null;
}

/** Options of `clientToken`. */
export interface ClientTokenOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** Narrower integer ranges for parameters the provider leaves open, e.g. `[{path: "Period", min: 1, max: 36}]`. Default: none. */
  intBounds?: readonly IntBound[];
  /** Chosen by the caller (a deployment id, a user, a day): the same request in another scope gets another ClientToken. Default `""`. */
  scope?: string;
}

/** Options of `classify`. */
export interface ClassifyOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** The HTTP status of the response; it decides only for codes no table lists. Default: none. */
  status?: number | null;
}

/** Options of `retryAdvice`. */
export interface RetryAdviceOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** The parameters that were sent, to tell whether they carried a ClientToken. Default: none. */
  params?: { readonly [name: string]: unknown } | null;
  /** Unix seconds for expiry checks. Default: the current time (`Math.floor(Date.now() / 1000)`); `null`: no expiry checks, as the core without a clock. */
  now?: number | null;
  /** 1 (default) for the first retry; the recommended delay doubles with each. */
  attempt?: number;
}

/** Options of `plan`. */
export interface PlanOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** Unix seconds for expiry checks. Default: the current time (`Math.floor(Date.now() / 1000)`); `null`: no expiry checks, as the core without a clock. */
  now?: number | null;
  /** Narrower integer ranges for parameters the provider leaves open, e.g. `[{path: "Period", min: 1, max: 36}]`. Default: none. */
  intBounds?: readonly IntBound[];
  /** Chosen by the caller (a deployment id, a user, a day): the same request in another scope gets another ClientToken. Default `""`. */
  scope?: string;
  /** The region whose endpoint (or ARN) to use, e.g. `"cn-hangzhou"`; needed where the operation has no `RegionId` parameter (ECS). */
  region?: string | null;
  /** A host (or `https://host`, `http://host:port`) replacing the resolved one, e.g. a VPC endpoint. Default: none. */
  endpoint?: string | null;
}

/** Options of the `Waiter` constructor. */
export interface WaiterOptions {
  /** `"en"` (default) or `"zh"`: the language of messages and reasons; codes never change with it. */
  lang?: Lang;
  /** The Describe items read before the call (items, one item or a whole response). Default: none. */
  before?: readonly object[] | object | null;
  /** Fixes the jitter of poll intervals (0 to 2^32-1). Default: derived from the other arguments. */
  seed?: number | null;
}

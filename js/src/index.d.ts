// Types of the `opgate` package. The results, the closed sets and the options objects are
// generated from the Rust types (`./types.d.ts`, rendered by `make generate`; `cargo test` fails
// while it is stale); this file declares the functions and error classes over them and the
// shapes of the inputs a caller passes through unchanged (parameters, Describe data, policies).
// `js/test/types.test.mjs` checks the declarations against real results: every result of the
// shared vectors is written into a TypeScript file as a literal of the type declared for its call
// and compiled with `tsc --strict`, so a field the core adds, drops or retypes fails there.

import type {
  ApiErrorExtras,
  ErrorInfo,
  ErrorKind,
  ErrorReport,
  BuildInfo,
  LangOptions,
  CheckOptions,
  BuildOptions,
  EndpointOptions,
  RamOptions,
  RamAuthorizeOptions,
  RamContextOptions,
  OperationId,
  OperationDescription,
  Validated,
  Verdict,
  WaitState,
  HttpRequest,
  Endpoint,
  ApiResponse,
  Policy,
  RequiredAccess,
  Authorization,
  AccessCheck,
} from "./types.js";

export type * from "./types.js";

/** Request parameters as the provider names them (`InstanceId`, `ResourcePeriod`, `instanceIds`). 64-bit integers may be given as `bigint`. */
export type Params = { readonly [name: string]: unknown };

/** Describe items (ECS `DescribeInstances` items, Compute Nest `GetServiceInstance` bodies, ZEC `dataSet` items), one item, or a whole Describe response. */
export type Resources = readonly object[] | object;

/** The first error's fields, `null` when a report has none (the core always gives one). */
type FirstError = { readonly [K in "code" | "httpStatus" | "field"]: ErrorInfo[K] | null };

/** Base of every error opgate throws: a subclass per `kind`. `message` is the first error's. */
export class OpgateError extends Error {
  /** Which kind of failure: picks the subclass. */
  readonly kind: ErrorKind;
  /** True when any of the errors is retryable. */
  readonly retryable: boolean;
  /** Every error in the report. */
  readonly errors: readonly ErrorInfo[];
  /** The core's report exactly, snake_case keys as the conformance vectors hold it (a copy). */
  readonly report: ErrorReport;
  constructor(report: ErrorReport);
}
/** `code`, `httpStatus` and `field` of the first error. */
export interface OpgateError extends FirstError {}
/** The call's own arguments are unusable (unknown operation, language, option). */
export class InputError extends OpgateError {}
/** Request parameters (or data JSON cannot hold) break the operation's rules; every violation is in `errors`. */
export class ValidationError extends OpgateError {}
/** Thrown by `check()` when the pre-check denies: one error per refused target, its `field` naming the target. */
export class DeniedError extends OpgateError {}
/**
 * The provider answered with an error (thrown by `parseResponse`). `message` is in the requested
 * `lang` (with `"zh"`, the catalog's Chinese text for a code in the operation's error table);
 * `providerMessage` is the provider's own message exactly as sent, whatever `lang`; `requestId`,
 * `hostId`, `recommend`, `accessDeniedDetail` are kept as sent (`null` when absent).
 */
export class ApiError extends OpgateError {}
export interface ApiError extends Readonly<ApiErrorExtras> {}
/** A provider response could not be understood. */
export class ParseError extends OpgateError {}
/** A RAM policy document is malformed. */
export class PolicyError extends OpgateError {}
/** Never thrown by this package: the WebAssembly build cannot sign. */
export class SigningError extends OpgateError {}

/** A fetch `Headers` object (or anything with `entries()`), typed structurally so no DOM types are needed. */
export interface HeadersLike {
  entries(): IterableIterator<[string, string]>;
}

/** A RAM policy document: an object, or its JSON text. */
export type PolicyDocument = string | { readonly [key: string]: unknown };

/**
 * Loads the WebAssembly module once; later calls return the same promise, and a failed load can
 * be retried. Browser/bundler entry: the `.wasm` is fetched from beside `pkg/opgate_wasm.js`,
 * or from `input` (a URL string or `URL`, a `Request`/`Response` or a promise of one, the bytes,
 * or a `WebAssembly.Module`). Node `import`: already loaded when `import` returns (resolves at
 * once). Node `require`: loads the package; needed before any other call. (Typed without DOM
 * types so the declarations compile with any `lib` setting.)
 * @param input Where to load the `.wasm` from (browser entry only); default: beside the glue.
 * @throws The promise rejects if the module cannot be fetched or instantiated.
 */
export function init(input?: string | ArrayBuffer | ArrayBufferView | object): Promise<void>;
/** True once `init()` has finished (always true after a Node `import`). */
export function isReady(): boolean;
/**
 * The glue's limits and build facts: the package version, the limits on arguments (the same in
 * Python; README "Limits") and `signing: false`.
 * @throws Error if called before `init()` has finished.
 */
export function info(): BuildInfo;

/**
 * Every supported operation, described (parameters, statuses, wait settings, errors).
 * @param options `lang`: `"en"` (default) or `"zh"`.
 * @throws {InputError} an unknown `lang` or option name.
 */
export function operations(options?: LangOptions): OperationDescription[];
/**
 * One operation's description.
 * @param id The operation id, e.g. `"ecs:RebootInstance"`.
 * @param options `lang`: `"en"` (default) or `"zh"`.
 * @throws {InputError} an unknown operation (`UnsupportedOperation`), `lang` or option name.
 */
export function operation(id: OperationId, options?: LangOptions): OperationDescription;
/**
 * Checks request parameters against the operation's rules, without sending anything.
 * @param operation The operation id.
 * @param params The request parameters as the provider names them (`{InstanceId: "i-…"}`).
 * @param options `lang` (default `"en"`); `now`: Unix seconds, default the current time
 *   (`Math.floor(Date.now() / 1000)`), `null` for no clock; `intBounds` (default none).
 * @returns The parameters type-normalised, and the provider's defaults for the rest.
 * @throws {ValidationError} the parameters break the rules; `errors` lists every violation
 *   (up to 100), each with its `field` path.
 * @throws {InputError} an unknown operation, `lang`, option name, or malformed `intBounds`.
 */
export function validate(operation: OperationId, params: Params, options?: CheckOptions): Validated;
/**
 * Validates `params` and judges each target among `resources`: would the provider accept the
 * call now? Never throws for a denial: see `verdict.allowed` and each outcome's `error` and
 * `reason`.
 * @param operation The operation id.
 * @param params The request parameters, e.g. `{InstanceId: "i-…"}`.
 * @param resources Describe items (ECS `DescribeInstances` items, Compute Nest
 *   `GetServiceInstance` bodies, ZEC `dataSet` items), one item, or a whole Describe response.
 * @param options `lang` (default `"en"`); `now`: Unix seconds for expiry checks, default the
 *   current time, `null` to skip them; `intBounds` (default none).
 * @throws {ValidationError} the parameters break the rules, or `resources` is not Describe data
 *   (more than 10,000 items included).
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function precheck(operation: OperationId, params: Params, resources: Resources, options?: CheckOptions): Verdict;
/**
 * Judges every resource on its own, without request parameters ("which of these could be
 * rebooted now?"): one outcome per resource. Never throws for a denial.
 * @param operation The operation id.
 * @param resources Describe items, one item, or a whole Describe response (at most 10,000).
 * @param options `lang` (default `"en"`); `now` (default the current time; `null`: no expiry
 *   checks); `intBounds` (default none).
 * @throws {ValidationError} `resources` is not Describe data for the operation.
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function precheckResources(operation: OperationId, resources: Resources, options?: CheckOptions): Verdict;
/**
 * `precheck`, but throws unless every target is allowed.
 * @param operation The operation id.
 * @param params The request parameters.
 * @param resources Describe items, one item, or a whole Describe response.
 * @param options `lang` (default `"en"`); `now` (default the current time; `null`: no expiry
 *   checks); `intBounds` (default none).
 * @returns The verdict, when allowed.
 * @throws {DeniedError} the provider would refuse: one error per refused target, its `field`
 *   the target's parameter path (`InstanceId`, `instanceIds[3]`).
 * @throws {ValidationError} the parameters break the rules, or `resources` is not Describe data.
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function check(operation: OperationId, params: Params, resources: Resources, options?: CheckOptions): Verdict;
/**
 * Classifies a status seen while polling after the call: `state` is `"done"`, `"pending"` or
 * `"failed"`. How long to wait is `operation(id).wait`: `initialDelaySeconds` before the first
 * poll (right after the call the status can still read as before), `intervalSeconds` between
 * polls, `timeoutSeconds` in all.
 * @param operation The operation id.
 * @param status The status the Describe API reports now, e.g. `"Starting"`.
 * @param options `lang`: `"en"` (default) or `"zh"`, for `reason`.
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function waitStatus(operation: OperationId, status: string, options?: LangOptions): WaitState;
/**
 * Validates `params` and builds the unsigned HTTP request, exactly as it must be sent. Signing
 * is not in this build: a backend that holds the credentials signs it (Rust or Python `sign`).
 * @param operation The operation id.
 * @param params The request parameters.
 * @param options `region` (needed where the operation has no `RegionId` parameter: ECS),
 *   `endpoint` (a host replacing the resolved one), `lang` (default `"en"`), `now` (default
 *   the current time; `null`: none), `intBounds`; all optional.
 * @throws {ValidationError} the parameters break the rules.
 * @throws {InputError} an unknown operation, `lang` or option name; a missing
 *   (`MissingParameter.Region`) or unknown region; an unusable `endpoint`.
 */
export function build(operation: OperationId, params: Params, options?: BuildOptions): HttpRequest;
/**
 * Where a request for the operation goes: `{scheme, host, path}`.
 * @param operation The operation id.
 * @param options `region`, `endpoint` (a host replacing the resolved one), `lang` (default `"en"`).
 * @throws {InputError} an unknown operation, `lang` or option name; a missing or unknown region;
 *   an unusable `endpoint`.
 */
export function endpoint(operation: OperationId, options?: EndpointOptions): Endpoint;
/**
 * Reads a provider response: `parseResponse(op, res.status, await res.text(), res.headers)`.
 * @param operation The operation id the request was for.
 * @param status The HTTP status (100-599).
 * @param body The body as a string, `Uint8Array`, `ArrayBuffer` or other view (JSON, or XML for
 *   Alibaba); at most 4 MiB.
 * @param headers An object, `[name, value]` pairs or a fetch `Headers`; default none.
 * @param options `lang`: `"en"` (default) or `"zh"`, the language of `message`.
 * @returns A success, a partial success (`failures`) or a passed ECS dry run.
 * @throws {ApiError} the provider answered with an error: its `code` and `httpStatus`,
 *   `providerMessage` (its own message exactly as sent, in every `lang`), `requestId`, ….
 * @throws {ParseError} the body is not a well-formed answer (an HTML gateway page, truncated
 *   JSON, fields of the wrong type); `retryable` for 5xx and 429.
 * @throws {InputError} an unknown operation, `lang` or option name; a status outside 100-599;
 *   malformed headers.
 */
export function parseResponse(
  operation: OperationId,
  status: number,
  body: string | Uint8Array | ArrayBuffer | null | undefined,
  headers?: { readonly [name: string]: string } | readonly (readonly [string, string])[] | HeadersLike | null,
  options?: LangOptions,
): ApiResponse;
/**
 * Parses one RAM policy document.
 * @param policy The document as an object or its JSON text (at most 6,144 characters).
 * @param options `lang`: `"en"` (default) or `"zh"`.
 * @throws {PolicyError} the document is malformed (`MalformedPolicyDocument`, every problem
 *   listed) or too long (`InvalidParameter.PolicyDocument.Length`).
 * @throws {InputError} an unknown `lang` or option name.
 */
export function ramParsePolicy(policy: PolicyDocument, options?: LangOptions): Policy;
/**
 * The RAM permissions the operation needs for these parameters: one `{action, resource}` per target.
 * @param operation The operation id (an Alibaba Cloud one; RAM does not govern Zenlayer).
 * @param params The request parameters (validated first).
 * @param options `region` and `accountId` (required, used in the ARNs), `lang` (default `"en"`).
 * @throws {ValidationError} the parameters break the operation's rules.
 * @throws {InputError} an unknown or Zenlayer operation (`UnsupportedOperation`), a malformed
 *   region or account id, an unknown `lang` or option name.
 */
export function ramRequiredAccess(operation: OperationId, params: Params, options: RamOptions): RequiredAccess[];
/**
 * Whether the identity policies let the caller run the operation, as RAM would decide.
 * @param operation The operation id (Alibaba Cloud).
 * @param params The request parameters (validated first).
 * @param policies The caller's policy documents (objects or JSON text).
 * @param options `region` and `accountId` (required), `context` (condition keys, e.g.
 *   `{"acs:SourceIp": "203.0.113.7"}`; default none), `lang` (default `"en"`).
 * @returns `allowed`, one check per required permission, and for a denial `Forbidden.RAM`.
 * @throws {PolicyError} a policy document is malformed.
 * @throws {ValidationError} the parameters break the operation's rules.
 * @throws {InputError} an unknown or Zenlayer operation, a malformed region, account id or
 *   context, an unknown `lang` or option name.
 */
export function ramAuthorize(operation: OperationId, params: Params, policies: readonly PolicyDocument[], options: RamAuthorizeOptions): Authorization;
/**
 * RAM's decision for one action on one resource ARN under the policies.
 * @param policies Policy documents (objects or JSON text).
 * @param action E.g. `"ecs:RebootInstance"`.
 * @param resource A resource ARN, e.g. `"acs:ecs:cn-hangzhou:1488317743351199:instance/i-…"`.
 * @param options `context` (condition keys; default none), `lang` (default `"en"`).
 * @throws {PolicyError} a policy document is malformed.
 * @throws {InputError} a malformed context, an unknown `lang` or option name.
 */
export function ramEvaluate(policies: readonly PolicyDocument[], action: string, resource: string, options?: RamContextOptions): AccessCheck;

// --- Lifecycle: waiting with memory, idempotency, retry classes, batch plans (src/lifecycle.js)

export type RetryClass = "throttle" | "transient" | "state_conflict" | "permanent" | "auth";
/** What to do with the request's ClientToken after a failure; `any` for operations without one. */
export type TokenAdvice = "keep" | "new" | "any";
export type ClassSource = "operation" | "provider" | "rule" | "header" | "no_response";

export interface ClientToken {
  operation: string;
  /** The parameter to put it in (`ClientToken`). */
  param: string;
  token: string;
  scope: string;
}

export interface ClientTokenOptions extends LangOptions {
  /** Chosen by the caller (a deployment id, a user, a day): the same request in another scope gets another token. Default `""`. */
  scope?: string;
  intBounds?: readonly IntBound[];
}

export interface Classification {
  operation: string;
  code: string;
  httpStatus: number | null;
  class: RetryClass;
  source: ClassSource;
  token: TokenAdvice;
  /** The request may have been carried out although this error came back. */
  mayHaveApplied: boolean;
  recommendedDelayMs: number | null;
  reason: string;
}

export interface RetryAdvice {
  operation: string;
  /** `null` when no response arrived. */
  code: string | null;
  httpStatus: number | null;
  class: RetryClass;
  source: ClassSource;
  mayHaveApplied: boolean;
  tokenSent: boolean;
  token: TokenAdvice;
  /** Resending cannot make the operation happen twice. */
  safeToRetry: boolean;
  action: "retry" | "retry_with_new_token" | "recheck" | "fix_request" | "fix_credentials";
  retryAfterMs: number | null;
  /** The header the delay came from, or `recommended`. */
  retryAfterSource: string | null;
  reason: string;
}

export interface RetryAdviceOptions extends LangOptions {
  /** The parameters that were sent, to tell whether they carried a ClientToken. */
  params?: Params | null;
  /** Unix seconds, for a `Retry-After` date. Default: the current time. */
  now?: number | null;
  /** 1 for the first retry; the recommended delay doubles with each. */
  attempt?: number;
}

/** Why access was denied, from the provider (`source: "provider"`) or a policy check; the fields of `AccessCheck` plus the provider's. */
export interface AccessExplanation {
  source: "provider" | "policy_check";
  action: string | null;
  resource: string | null;
  decision: "allow" | "implicit_deny" | "explicit_deny" | null;
  noPermissionType: string | null;
  policyType: string | null;
  policyIndex: number | null;
  statementIndex: number | null;
  principalType: string | null;
  principalOwnerId: string | null;
  principalDisplayName: string | null;
  encodedDiagnosticMessage: string | null;
  reason: string;
}

export interface PlannedRequest {
  index: number;
  ids: string[];
  /** The parameters sent, the ClientToken included. */
  params: { [name: string]: JsonValue };
  token: string | null;
  request: HttpRequest;
}

export interface PlannedDenial {
  id: string;
  status: string | null;
  error: ErrorInfo;
  reason: string;
}

export interface PlannedUnknown {
  id: string;
  reason: string;
}

export interface Plan {
  operation: string;
  /** The most ids one request may carry (ZEC 100, otherwise 1). */
  batchMax: number;
  requests: PlannedRequest[];
  allowedIds: string[];
  denied: PlannedDenial[];
  unknown: PlannedUnknown[];
  duplicates: string[];
  reason: string;
}

export interface PlanOptions extends CheckOptions {
  /** Scope of the ClientTokens. */
  scope?: string;
  region?: string | null;
  endpoint?: string | null;
}

/** One response to a planned request; `status: null` when none arrived. */
export interface PlanResponse {
  status: number | null;
  body?: string | null;
  headers?: { readonly [name: string]: string } | readonly (readonly [string, string])[] | null;
}

export type IdState = "accepted" | "partly_failed" | "failed" | "dry_run_passed" | "denied" | "unknown" | "not_sent" | "no_answer";

export interface ResourceOutcome {
  id: string;
  failed: boolean;
  code: string | null;
  message: string | null;
}

export interface IdOutcome {
  id: string;
  state: IdState;
  requestIndex: number | null;
  code: string | null;
  message: string | null;
  requestId: string | null;
  resources: ResourceOutcome[];
  reason: string;
}

export interface PlanOutcome {
  operation: string;
  outcomes: IdOutcome[];
  acceptedIds: string[];
  failedIds: string[];
  retries: { index: number; advice: RetryAdvice }[];
  reason: string;
}

export type TargetState = "pending" | "done" | "failed" | "unknown";
export type Proof = "status_left_target" | "field_changed" | "settle_time" | "synchronous";

export interface TargetReport {
  id: string;
  state: TargetState;
  status: string | null;
  transitionSeen: boolean;
  proof: Proof | null;
  error: ErrorInfo | null;
  reason: string;
}

export interface WaitReport {
  operation: string;
  /** Every target has settled (done or failed). */
  done: boolean;
  succeeded: boolean;
  elapsedSeconds: number;
  polls: number;
  timeoutSeconds: number;
  nextPollAfterSeconds: number | null;
  nextPollAt: number | null;
  /** The range the jitter allowed, `[min, max]` seconds. */
  nextPollWindow: [number, number] | null;
  counts: { done: number; pending: number; failed: number; unknown: number };
  targets: TargetReport[];
  /** When a target status counts as done for this operation, and why. */
  rule: string;
  /** The provider page the rule rests on. */
  source: string;
  reason: string;
}

/** A waiter's serialized state (keys are single words, the same in every binding). */
export interface WaiterState {
  version: number;
  operation: string;
  sent: number;
  seed: number;
  polls: number;
  next: number;
  targets: {
    id: string;
    before: { status: string; fields: { [name: string]: JsonValue } } | null;
    seen: boolean;
    status: string | null;
    state: TargetState;
    proof: Proof | null;
    code: string | null;
  }[];
}

export interface WaiterOptions extends LangOptions {
  /** The Describe items read before the call (items, one item or a whole response). */
  before?: Resources | null;
  /** Fixes the jitter of poll intervals (0 to 2^32-1). Default: derived from the other arguments. */
  seed?: number | null;
}

export function clientToken(operation: OperationId | (string & {}), params: Params, options?: ClientTokenOptions): ClientToken;
export function classify(operation: OperationId | (string & {}), code: string, options?: LangOptions & { status?: number | null }): Classification;
export function retryAdvice(
  operation: OperationId | (string & {}),
  status?: number | null,
  code?: string | null,
  headers?: { readonly [name: string]: string } | readonly (readonly [string, string])[] | HeadersLike | null,
  options?: RetryAdviceOptions,
): RetryAdvice;
export function accessDenied(detail: { readonly [key: string]: unknown } | string, options?: LangOptions): AccessExplanation;
export function plan(operation: OperationId | (string & {}), targets: readonly string[] | Params, resources?: Resources | null, options?: PlanOptions): Plan;
export function mergePlan(plan: Plan, responses: readonly (PlanResponse | null)[], options?: LangOptions): PlanOutcome;

/** Waits for an operation on a batch of targets, remembering what it has seen; the host does the sleeping. */
export class Waiter {
  /** `sentAt`: the send time, Unix seconds (default: now). */
  constructor(operation: OperationId | (string & {}), ids: readonly string[] | string, sentAt?: number | null, options?: WaiterOptions);
  static resume(state: WaiterState, options?: LangOptions): Waiter;
  /** Reads one round of Describe results at `now` (Unix seconds, default: now). */
  observe(resources: Resources, now?: number | null, options?: LangOptions): WaitReport;
  readonly operation: string;
  /** When to poll next, Unix seconds. */
  readonly nextPollAt: number;
  readonly polls: number;
  toJSON(): WaiterState;
}

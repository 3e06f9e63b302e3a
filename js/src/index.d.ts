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
  ClientTokenOptions,
  ClassifyOptions,
  RetryAdviceOptions,
  PlanOptions,
  WaiterOptions,
  ClientToken,
  Classification,
  RetryAdvice,
  AccessExplanation,
  Plan,
  PlanOutcome,
  WaiterState,
  WaitReport,
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
/**
 * Package-wide settings. `jitless: true` keeps pre-checks from generating code with
 * `new Function` (generic code then walks the items, a little slower, with the same answers).
 * A page whose Content-Security-Policy lacks 'unsafe-eval' needs no setting: the first refused
 * attempt switches generation off (the policy reports that one refusal).
 * @param settings `jitless`: whether to keep from generating code (default false).
 * @throws TypeError if `settings` is not an object or `jitless` is not a boolean.
 */
export function configure(settings: { jitless?: boolean }): void;
/** True once `init()` has finished (always true after a Node `import`). */
export function isReady(): boolean;
/**
 * The glue's limits and build facts: the package version, the limits on arguments (the same in
 * Python; README "Limits") and `signing: false`.
 * @throws Error if called before `init()` has finished.
 */
export function info(): BuildInfo;
/**
 * The steps the Rust core counted since the previous call (bytes scanned, items visited, bitset
 * words combined); the hostile-input suite bounds each call's work with it. Not a stable API.
 * @throws Error if called before `init()` has finished.
 */
export function _takeWork(): number;

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
 *   `endpoint` (a host replacing the resolved one), `lang` (default `"en"`), `intBounds`; all
 *   optional. `now` is accepted, but no build reads the time.
 * @throws {ValidationError} the parameters break the rules.
 * @throws {InputError} an unknown operation, `lang` or option name; a missing
 *   (`MissingParameter.Region`) or unknown region; an unusable `endpoint`.
 */
export function build(operation: OperationId, params: Params, options?: BuildOptions): HttpRequest;
/**
 * An operation and its build options, read and checked once, for building many requests:
 * `builder.build(params)` answers exactly as `build(operation, params, options)` does, and reads
 * only `params`.
 */
export class RequestBuilder {
  /**
   * @param operation The operation id.
   * @param options As `build`'s.
   * @throws {InputError} an unknown operation, `lang` or option name; an option of the wrong type.
   */
  constructor(operation: OperationId, options?: BuildOptions);
  /** The operation this builder builds requests for. */
  readonly operation: OperationId;
  /**
   * Validates `params` and builds the unsigned HTTP request, as `build` does.
   * @throws {ValidationError} the parameters break the rules.
   * @throws {InputError} a missing (`MissingParameter.Region`) or unknown region; an unusable
   *   `endpoint`.
   */
  build(params: Params): HttpRequest;
}
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

/** One response to a planned request for `mergePlan`; `status: null` when none arrived. */
export interface PlanResponse {
  status: number | null;
  body?: string | null;
  headers?: { readonly [name: string]: string } | readonly (readonly [string, string])[] | null;
}

/**
 * The ClientToken for this logical request in `options.scope`: the same parameters (in any
 * order, with or without defaults or a ClientToken) give the same token, any change another,
 * so every retry of one request reuses it.
 * @param operation The operation id, e.g. `"computenest:RenewServiceInstanceResources"`.
 * @param params The request parameters, validated first (a `ClientToken` among them is ignored).
 * @param options `scope` (default `""`), `lang` (default `"en"`), `intBounds`; all optional.
 * @throws {InputError} an operation that takes no ClientToken (`UnsupportedOperation`), an unknown operation, a wrong argument type.
 * @throws {ValidationError} the parameters break the operation's rules.
 */
export function clientToken(operation: OperationId, params: Params, options?: ClientTokenOptions): ClientToken;
/**
 * The retry class of an error code (`throttle`, `transient`, `state_conflict`, `permanent`,
 * `auth`), with what to do about the ClientToken; `options.status` decides only for codes no
 * table lists.
 * @param operation The operation id.
 * @param code The error code of the response (`ApiError.code`).
 * @param options `status` (the HTTP status), `lang` (default `"en"`, for `reason`); both optional.
 * @throws {InputError} an unknown operation, a status outside 100-599, a wrong argument type.
 */
export function classify(operation: OperationId, code: string, options?: ClassifyOptions): Classification;
/**
 * Advice after a failed call: `status` and `code` of the error response (both `null` when no
 * response arrived) and its headers (`x-acs-retry-after`, `Retry-After`): the class, how long to
 * wait, and whether resending is safe.
 * @param operation The operation id.
 * @param status The HTTP status of the error response; `null` when no response arrived.
 * @param code The error code of the response, or `null`.
 * @param headers Its headers: an object, `[name, value]` pairs or a fetch `Headers`.
 * @param options `params` (the parameters that were sent, to tell whether they carried a
 *   ClientToken), `attempt` (1 for the first retry), `now` (default the current time, for a
 *   `Retry-After` date; `null`: none), `lang`; all optional.
 * @throws {InputError} an unknown operation, a status outside 100-599, an attempt below 1, a wrong argument type.
 */
export function retryAdvice(
  operation: OperationId,
  status?: number | null,
  code?: string | null,
  headers?: { readonly [name: string]: string } | readonly (readonly [string, string])[] | HeadersLike | null,
  options?: RetryAdviceOptions,
): RetryAdvice;
/**
 * Alibaba's `AccessDeniedDetail` (or a decoded diagnostic message, or an error body holding
 * one), as an object or JSON text, explained in the shape of `ramEvaluate`'s answer.
 * @param detail The `AccessDeniedDetail`, an object or JSON text.
 * @param options `lang`: `"en"` (default) or `"zh"`, for `reason`.
 * @throws {InputError} `detail` is neither, or holds a value of the wrong type.
 */
export function accessDenied(detail: { readonly [key: string]: unknown } | string, options?: LangOptions): AccessExplanation;
/**
 * The requests for a batch: `targets` is a list of ids or a parameter object whose target
 * parameter holds them, `resources` the Describe items. Allowed ids are split to the provider's
 * limit (ZEC 100 per call, ECS and Compute Nest one), each request with its ClientToken (from
 * `options.scope`) where the operation takes one; denied and unknown ids are listed with
 * reasons.
 * @param operation The operation id.
 * @param targets A list of ids, or a parameter object whose target parameter holds them.
 * @param resources The Describe items (a list, one item or a whole response), or `null`.
 * @param options `scope` (of the ClientTokens), `region`, `endpoint`, `lang`, `now` (default
 *   the current time; `null`: no expiry checks), `intBounds`; all optional.
 * @throws {InputError} an unknown operation, a wrong argument type.
 * @throws {ValidationError} the parameters break the operation's rules.
 */
export function plan(operation: OperationId, targets: readonly string[] | Params, resources?: Resources | null, options?: PlanOptions): Plan;
/**
 * One outcome per id from the responses to a plan's requests: one entry per request,
 * `{status, body, headers}` or `null` for one not sent.
 * @param plan The `Plan` from `plan()`.
 * @param responses One entry per planned request, in order.
 * @param options `lang`: `"en"` (default) or `"zh"`, for messages.
 * @throws {InputError} a plan or responses that are not of that shape.
 */
export function mergePlan(plan: Plan, responses: readonly (PlanResponse | null)[], options?: LangOptions): PlanOutcome;

/**
 * Waits for an operation on a batch of targets, remembering what it has seen; the host does
 * the sleeping. It never calls a target done before it has seen the operation act on it.
 * `toJSON()` gives its state (a `WaiterState`); `Waiter.resume(state)` goes on from it.
 */
export class Waiter {
  /**
   * `sentAt`: the send time, Unix seconds (default: now).
   * @throws {InputError} an unknown operation, bad ids, a wrong argument type.
   */
  constructor(operation: OperationId, ids: readonly string[] | string, sentAt?: number | null, options?: WaiterOptions);
  /**
   * A waiter from `toJSON()`'s state.
   * @throws {InputError} a state this version did not write (`InvalidParameter.Waiter`).
   */
  static resume(state: WaiterState, options?: LangOptions): Waiter;
  /**
   * Reads one round of Describe results at `now` (Unix seconds, default: now) and moves the
   * waiter on.
   * @throws {InputError} Describe data of the wrong shape, a wrong argument type.
   */
  observe(resources: Resources, now?: number | null, options?: LangOptions): WaitReport;
  /** The operation waited for. */
  readonly operation: OperationId;
  /** When to poll next, Unix seconds. */
  readonly nextPollAt: number;
  /** Observations made so far. */
  readonly polls: number;
  /** The state as plain JSON data (a copy), for `Waiter.resume`. */
  toJSON(): WaiterState;
}

// Types of the `opgate` package. Hand-written to match the Rust core's serialized results
// (snake_case keys of opgate's own structures become camelCase; provider data keeps its keys).
// `js/test/types.test.mjs` checks them against real results: every ok result of the shared
// vectors is written into a TypeScript file as a literal of the declared type and compiled with
// `tsc --strict`, so a missing, extra or mistyped field fails the test.

/** Language of human-readable messages; codes never change with it. */
export type Lang = "en" | "zh";

/** The operations in the catalog; any other string is refused with `InputError` (`UnsupportedOperation`). */
export type OperationId = "ecs:RebootInstance" | "computenestsupplier:RestartServiceInstance" | "computenest:RenewServiceInstanceResources" | "zec:RebootInstances";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Request parameters as the provider names them (`InstanceId`, `ResourcePeriod`, `instanceIds`). 64-bit integers may be given as `bigint`. */
export type Params = { readonly [name: string]: unknown };

/** Describe items (ECS `DescribeInstances` items, Compute Nest `GetServiceInstance` bodies, ZEC `dataSet` items), one item, or a whole Describe response. */
export type Resources = readonly object[] | object;

/** A narrower integer range for a parameter path the provider leaves open (`Period`, `ResourcePeriod.Period`). */
export interface IntBound {
  path: string;
  min?: number | null;
  max?: number | null;
}

export interface LangOptions {
  /** `"en"` (default) or `"zh"`. */
  lang?: Lang;
}

export interface CheckOptions extends LangOptions {
  /** Unix seconds for expiry checks. Default: the current time; `null`: no expiry checks. */
  now?: number | null;
  intBounds?: readonly IntBound[];
}

export interface BuildOptions extends CheckOptions {
  /** Region whose endpoint to use; needed where the operation has no `RegionId` parameter (ECS). */
  region?: string | null;
  /** A host (or `https://host`, `http://host:port`) replacing the resolved one. */
  endpoint?: string | null;
}

export interface EndpointOptions extends LangOptions {
  region?: string | null;
  endpoint?: string | null;
}

export interface RamOptions extends LangOptions {
  /** Region id used in resource ARNs, e.g. `cn-hangzhou`. */
  region: string;
  /** The 16-digit Alibaba Cloud account id used in resource ARNs. */
  accountId: string;
}

export interface RamContextOptions extends LangOptions {
  /** Condition keys and their values, e.g. `{"acs:SourceIp": "203.0.113.7"}`. */
  context?: { readonly [key: string]: unknown } | null;
}

/** One provider-style error. */
export interface ErrorInfo {
  code: string;
  httpStatus: number;
  message: string;
  /** Path of the offending input, e.g. `ResourcePeriod[2].Period`. */
  field: string | null;
  /** Whether sending the same request again later can succeed. */
  retryable: boolean;
}

/** The core's error report, exactly as the conformance vectors hold it (snake_case keys). */
export interface ErrorReport {
  kind: ErrorKind;
  errors: { code: string; http_status: number; message: string; field: string | null; retryable: boolean }[];
  api?: { request_id: string | null; host_id: string | null; recommend: string | null; access_denied_detail: JsonValue };
}

export type ErrorKind = "input" | "validation" | "denied" | "api" | "parse" | "policy" | "signing";

export class OpgateError extends Error {
  readonly kind: ErrorKind;
  /** The first error's code, HTTP status and field; `message` is its message. */
  readonly code: string | null;
  readonly httpStatus: number | null;
  readonly field: string | null;
  /** True when any of the errors is retryable. */
  readonly retryable: boolean;
  /** Every error in the report. */
  readonly errors: readonly ErrorInfo[];
  /** The core's report (a copy). */
  readonly report: ErrorReport;
  constructor(report: ErrorReport);
}
/** The call's own arguments are unusable (unknown operation, language, option). */
export class InputError extends OpgateError {}
/** Request parameters (or data JSON cannot hold) break the operation's rules; every violation is in `errors`. */
export class ValidationError extends OpgateError {}
/** Thrown by `check()` when the pre-check denies: one error per refused target, its `field` naming the target. */
export class DeniedError extends OpgateError {}
/** The provider answered with an error. */
export class ApiError extends OpgateError {
  readonly requestId: string | null;
  readonly hostId: string | null;
  readonly recommend: string | null;
  readonly accessDeniedDetail: JsonValue;
}
/** A provider response could not be understood. */
export class ParseError extends OpgateError {}
/** A RAM policy document is malformed. */
export class PolicyError extends OpgateError {}
/** Never thrown by this package: the WebAssembly build cannot sign. */
export class SigningError extends OpgateError {}

export interface Validated {
  operation: string;
  /** What the caller gave, type-normalised, in the SDK's serialisation order. */
  params: { [name: string]: JsonValue };
  /** Values the provider assumes for parameters left out; not sent on the wire. */
  defaults: { [name: string]: JsonValue };
}

export type Decision = "allow" | "deny" | "dry_run";

export interface TransitionView {
  from: string;
  /** `null` where the provider does not document the intermediate status. */
  immediate: string | null;
  settled: string;
}

export interface Outcome {
  id: string;
  decision: Decision;
  status: string | null;
  error: ErrorInfo | null;
  /** Why, in the requested language; meant for a tooltip. */
  reason: string;
  transition: TransitionView | null;
}

export interface Verdict {
  operation: string;
  /** Every target would be accepted (for a dry run: would pass). */
  allowed: boolean;
  dryRun: boolean;
  outcomes: Outcome[];
  allowedIds: string[];
  deniedIds: string[];
  /** What a single-resource call would answer instead of success; `null` for batch calls. */
  error: ErrorInfo | null;
}

export interface WaitState {
  operation: string;
  status: string;
  state: "done" | "pending" | "failed";
  target: string[];
  reason: string;
}

export interface ParamDescription {
  name: string;
  required: boolean;
  type: "boolean" | "integer" | "enum" | "string" | "list" | "object";
  default?: boolean | string | null;
  min?: number;
  max?: number;
  values?: string[];
  format?: string;
  items?: Omit<ParamDescription, "name" | "required">;
  unique?: string | null;
  fields?: ParamDescription[];
}

export interface OperationDescription {
  id: string;
  provider: "alibaba" | "zenlayer";
  product: string;
  apiVersion: string;
  action: string;
  summary: string;
  wire: { style: "alibaba_rpc"; endpoint: string; regions: string[] } | { style: "zenlayer_json"; host: string; path: string };
  params: ParamDescription[];
  rules: { oneMethodOf: string[][] }[];
  target: { param: string; batchMax: number | null };
  resource: { describeApi: string; idField: string; statusField: string; statuses: string[] };
  allowedStatuses: string[];
  transition: { immediate: string | null; settled: string } | null;
  wait: { target: string[]; pending: string[]; failure: string[]; initialDelaySeconds: number; intervalSeconds: number; timeoutSeconds: number };
  ram: { action: string; resource: string } | null;
  dryRun: { param: string; code: string } | null;
  errors: { code: string; httpStatus: number; retryable: boolean; message: string; origin: "documented" | "provider_style" }[];
}

/** An unsigned HTTP request, exactly as it must go on the wire. */
export interface HttpRequest {
  method: string;
  scheme: string;
  host: string;
  path: string;
  /** Unencoded, in wire order; `url` has them encoded. */
  query: [string, string][];
  headers: [string, string][];
  /** The body as UTF-8 text (empty for Alibaba RPC requests). */
  body: string;
  /** Only for a body that is not UTF-8. */
  bodyBase64?: string;
  url: string;
}

export interface Endpoint {
  scheme: string;
  host: string;
  path: string;
}

export interface ApiResponse {
  outcome: "succeeded" | "some_failed" | "dry_run_passed";
  requestId: string | null;
  /** Compute Nest `RenewalResult`. */
  renewal?: { totalCount: number; succeeded: number; failed: number };
  /** Targets the provider reports as failed. */
  failures: { id: string; code: string | null; message: string | null }[];
  dryRun?: { code: string; message: string | null };
  /** The provider's payload as sent (XML converted). */
  data: JsonValue;
}

export interface Policy {
  version: string;
  statements: {
    sid: string | null;
    effect: "Allow" | "Deny";
    action?: string[];
    notAction?: string[];
    resources: string[];
    conditions: { operator: string; key: string; values: string[] }[];
  }[];
}

export interface RequiredAccess {
  action: string;
  resource: string;
}

export interface AccessCheck {
  action: string;
  resource: string;
  decision: "allow" | "implicit_deny" | "explicit_deny";
  policyIndex: number | null;
  statementIndex: number | null;
  reason: string;
}

export interface Authorization {
  allowed: boolean;
  checks: AccessCheck[];
  reason: string;
  noPermissionType: "ImplicitDeny" | "ExplicitDeny" | null;
  /** For a denial, `Forbidden.RAM` (HTTP 403) as the provider answers it. */
  error: ErrorInfo | null;
}

/** A fetch `Headers` object (or anything with `entries()`), typed structurally so no DOM types are needed. */
export interface HeadersLike {
  entries(): IterableIterator<[string, string]>;
}

/** A RAM policy document: an object, or its JSON text. */
export type PolicyDocument = string | { readonly [key: string]: unknown };

/**
 * Loads the WebAssembly module once. Browser/bundler: fetched from beside `pkg/opgate_wasm.js`,
 * or from `input` (a URL string or `URL`, a `Request`/`Response` or a promise of one, the bytes,
 * or a `WebAssembly.Module`). In Node it is already loaded when `import` returns. (Typed without
 * DOM types so the declarations compile with any `lib` setting.)
 */
export function init(input?: string | ArrayBuffer | ArrayBufferView | object): Promise<void>;
export function isReady(): boolean;
export function info(): { version: string; maxDepth: number; signing: false };
/** Steps the core counted since the previous call; for the hostile-input suite, not a stable API. */
export function _takeWork(): number;

export function operations(options?: LangOptions): OperationDescription[];
export function operation(id: OperationId | (string & {}), options?: LangOptions): OperationDescription;
export function validate(operation: OperationId | (string & {}), params: Params, options?: CheckOptions): Validated;
/** Never throws for a denial: see `verdict.allowed`. */
export function precheck(operation: OperationId | (string & {}), params: Params, resources: Resources, options?: CheckOptions): Verdict;
export function precheckResources(operation: OperationId | (string & {}), resources: Resources, options?: CheckOptions): Verdict;
/** Like `precheck`, but throws `DeniedError` unless allowed. */
export function check(operation: OperationId | (string & {}), params: Params, resources: Resources, options?: CheckOptions): Verdict;
export function waitStatus(operation: OperationId | (string & {}), status: string, options?: LangOptions): WaitState;
export function build(operation: OperationId | (string & {}), params: Params, options?: BuildOptions): HttpRequest;
export function endpoint(operation: OperationId | (string & {}), options?: EndpointOptions): Endpoint;
export function parseResponse(
  operation: OperationId | (string & {}),
  status: number,
  body: string | Uint8Array | ArrayBuffer | null | undefined,
  headers?: { readonly [name: string]: string } | readonly (readonly [string, string])[] | HeadersLike | null,
  options?: LangOptions,
): ApiResponse;
export function ramParsePolicy(policy: PolicyDocument, options?: LangOptions): Policy;
export function ramRequiredAccess(operation: OperationId | (string & {}), params: Params, options: RamOptions): RequiredAccess[];
export function ramAuthorize(operation: OperationId | (string & {}), params: Params, policies: readonly PolicyDocument[], options: RamOptions & RamContextOptions): Authorization;
export function ramEvaluate(policies: readonly PolicyDocument[], action: string, resource: string, options?: RamContextOptions): AccessCheck;

// The JS API over the wasm glue. Every decision is made by the Rust core; this file only
// loads the module, fills in the current time, and turns `{error}` envelopes into exceptions.
//
// Key convention: results use camelCase keys. The glue renames keys of opgate's own result
// structures (`dry_run` → `dryRun`, `http_status` → `httpStatus`); a key is renamed only when it
// matches /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/, which provider data keys (`InstanceId`,
// `instanceIdSet`, `x-acs-date`, `acs:SourceIp`) never do, so those pass unchanged.

import wasmInit, * as glue from "../pkg/opgate_wasm.js";
import { fromReport } from "./errors.js";
import { grouped, groupedTargets, setJitless } from "./group.js";
import { envelope } from "./tape.js";

export { OpgateError, InputError, ValidationError, DeniedError, ApiError, ParseError, PolicyError, SigningError } from "./errors.js";
export { clientToken, classify, retryAdvice, accessDenied, plan, mergePlan, Waiter } from "./lifecycle.js";

let loading = null;
/** The core's limits on arguments, read once. */
let limits = null;
let ready = false;

/**
 * Loads the WebAssembly module once; later calls return the same promise. In a browser or a
 * bundler the `.wasm` file is fetched from beside `pkg/opgate_wasm.js`; pass a URL, a
 * `Response`, bytes or a `WebAssembly.Module` to load it from elsewhere. In Node the package's
 * `node` entry has already loaded it when `import` returns.
 */
export function init(input) {
  if (!loading) {
    loading = wasmInit(input === undefined ? undefined : { module_or_path: input }).then(() => {
      ready = true;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Package-wide settings. `jitless: true` keeps pre-checks from generating code with
 * `new Function` (they then walk items with generic code, a little slower, and answer the
 * same). A page whose Content-Security-Policy lacks 'unsafe-eval' needs no setting: the first
 * refused attempt switches generation off (the policy reports that one refusal).
 * @param {{jitless?: boolean}} settings
 * @throws {TypeError} `settings` is not an object, or `jitless` is not a boolean.
 */
export function configure(settings) {
  if (typeof settings !== "object" || settings === null) throw new TypeError("opgate.configure: settings must be an object");
  if (settings.jitless !== undefined) {
    if (typeof settings.jitless !== "boolean") throw new TypeError("opgate.configure: jitless must be a boolean");
    setJitless(settings.jitless);
  }
}

/** True once `init()` has finished. */
export function isReady() {
  return ready;
}

function need() {
  if (!ready) {
    throw new Error("opgate: the WebAssembly module is not loaded yet; `await init()` first");
  }
}

// The glue answers one string, the result or the error report as a tape (./tape.js): one read
// builds the whole result, far cheaper than wasm setting each property.
function unwrap(answer) {
  return unwrapEnvelope(envelope(answer));
}

function unwrapEnvelope(envelope) {
  if (envelope.error !== undefined) {
    throw fromReport(envelope.error);
  }
  return envelope.ok;
}

/** The core never reads a clock (there is none on wasm32): expiry checks use this, overridable with `now` (or `now: null` for none). */
function withNow(options) {
  const now = Math.floor(Date.now() / 1000);
  if (options === undefined || options === null) {
    return { now };
  }
  if (typeof options !== "object" || options.now !== undefined) {
    return options;
  }
  return { ...options, now };
}

/**
 * Every operation's description.
 * @param {{lang?: "en" | "zh"}} [options] `lang` defaults to `"en"`.
 * @throws {InputError} an unknown `lang` or option name.
 */
export function operations(options) {
  need();
  return unwrap(glue.operations(options));
}

/**
 * One operation's description.
 * @param {string} id e.g. `"ecs:RebootInstance"`.
 * @param {{lang?: "en" | "zh"}} [options] `lang` defaults to `"en"`.
 * @throws {InputError} an unknown id (`UnsupportedOperation`), `lang` or option name.
 */
export function operation(id, options) {
  need();
  return unwrap(glue.operation(id, options));
}

/**
 * Validates request parameters: `{operation, params, defaults}`.
 * @param {string} operation The operation id.
 * @param {object} params The request parameters as the provider names them.
 * @param {object} [options] `lang` (default `"en"`), `now` (default: the current time, see
 *   `withNow`; `null`: no clock), `intBounds` (default none).
 * @throws {ValidationError} listing every violation (up to 100), each with its `field`.
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function validate(operation, params, options) {
  need();
  return unwrap(glue.validate(operation, params, withNow(options)));
}

/**
 * Validates `params` and judges each target among `resources` (Describe items, one item, or a
 * whole Describe response). Returns a verdict; a denial is `verdict.allowed === false`, never
 * an exception.
 * @param {string} operation The operation id.
 * @param {object} params The request parameters.
 * @param {object | object[]} resources Describe items, one item, or a whole Describe response.
 * @param {object} [options] `lang` (default `"en"`), `now` (default: the current time; `null`:
 *   no expiry checks), `intBounds` (default none).
 * @throws {ValidationError} the parameters break the rules, or `resources` is not Describe data.
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function precheck(operation, params, resources, options) {
  need();
  const withClock = withNow(options);
  limits ??= unwrap(glue.limits());
  // The items cross as groups when they are plain data (./group.js); else the core reads them live.
  const envelope = groupedTargets(glue, limits, operation, params, resources, withClock, false);
  return envelope === undefined ? unwrap(glue.precheck(operation, params, resources, withClock)) : unwrapEnvelope(envelope);
}

/**
 * Judges each resource on its own, without request parameters ("which of these could be
 * rebooted now?"). A denial is an outcome, never an exception.
 * @param {string} operation The operation id.
 * @param {object | object[]} resources Describe items, one item, or a whole Describe response.
 * @param {object} [options] `lang` (default `"en"`), `now` (default: the current time; `null`:
 *   no expiry checks), `intBounds` (default none).
 * @throws {ValidationError} `resources` is not Describe data for the operation.
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function precheckResources(operation, resources, options) {
  need();
  const withClock = withNow(options);
  limits ??= unwrap(glue.limits());
  // Items that agree on every decisive field are judged once (./group.js); anything else, and
  // every error, comes from the core reading the live values.
  return grouped(glue, limits, operation, resources, withClock) ?? unwrap(glue.precheckResources(operation, resources, withClock));
}

/**
 * `precheck`, but a verdict that is not allowed throws.
 * @param {string} operation The operation id.
 * @param {object} params The request parameters.
 * @param {object | object[]} resources Describe items, one item, or a whole Describe response.
 * @param {object} [options] as `precheck` (`now` defaults to the current time).
 * @throws {DeniedError} one error per refused target, whose `field` is the target's parameter
 *   path (`InstanceId`, `instanceIds[3]`).
 * @throws {ValidationError} the parameters break the rules, or `resources` is not Describe data.
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function check(operation, params, resources, options) {
  need();
  const withClock = withNow(options);
  limits ??= unwrap(glue.limits());
  const envelope = groupedTargets(glue, limits, operation, params, resources, withClock, true);
  return envelope === undefined ? unwrap(glue.check(operation, params, resources, withClock)) : unwrapEnvelope(envelope);
}

/**
 * Where one polled status stands, without memory: `{operation, status, state, target, reason}`,
 * `state` being `"goal"` (a target status), `"pending"` (poll again) or `"failed"`. The target
 * status of an asynchronous operation is `"goal"`, never `"done"` (right after the call it still
 * reads so); use `Waiter` to know when the operation has finished.
 * @param {string} operation The operation id.
 * @param {string} status The status the Describe API reports now.
 * @param {{lang?: "en" | "zh"}} [options] `lang` defaults to `"en"`.
 * @throws {InputError} an unknown operation, `lang` or option name.
 */
export function waitStatus(operation, status, options) {
  need();
  return unwrap(glue.waitStatus(operation, status, options));
}

/**
 * Validates `params` and builds the unsigned HTTP request (signing is not in this build).
 * @param {string} operation The operation id.
 * @param {object} params The request parameters.
 * @param {object} [options] `region` (needed for ECS), `endpoint` (a host replacing the resolved
 *   one), `lang` (default `"en"`), `intBounds`; `now` is accepted, but no build reads the time.
 * @throws {ValidationError} the parameters break the rules.
 * @throws {InputError} an unknown operation, `lang` or option name; a missing or unknown
 *   region; an unusable `endpoint`.
 */
export function build(operation, params, options) {
  need();
  // No `withNow`: building reads no expiry time, and the copy of `options` it makes is a
  // seventh of a build's time.
  return unwrap(glue.build(operation, params, options));
}

/**
 * An operation and its build options, read and checked once, for building many requests:
 * `builder.build(params)` answers exactly as `build(operation, params, options)` does, and
 * reads only `params` (a console builds one request per selected resource, with the same
 * operation and region each time).
 */
export class RequestBuilder {
  #glue;

  /**
   * @param {string} operation The operation id.
   * @param {object} [options] As `build`'s: `region`, `endpoint`, `lang`, `intBounds`, `now`.
   * @throws {InputError} an unknown operation, `lang` or option name, an option of the wrong type.
   */
  constructor(operation, options) {
    need();
    const made = glue.requestBuilder(operation, options);
    // The glue answers the builder, or the error envelope when the operation or an option is refused.
    this.#glue = typeof made === "string" ? unwrap(made) : made;
  }

  /** The operation this builder builds requests for. */
  get operation() {
    return this.#glue.operation();
  }

  /**
   * Validates `params` and builds the unsigned HTTP request, as `build` does.
   * @param {object} params The request parameters.
   * @throws {ValidationError} the parameters break the rules.
   * @throws {InputError} a missing or unknown region; an unusable `endpoint`.
   */
  build(params) {
    need();
    return unwrap(this.#glue.build(params));
  }
}

function bodyBytes(body) {
  if (body instanceof ArrayBuffer) {
    return new Uint8Array(body);
  }
  if (ArrayBuffer.isView(body) && !(body instanceof Uint8Array)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  return body;
}

function headerPairs(headers) {
  if (headers && typeof headers === "object" && typeof headers.entries === "function" && !Array.isArray(headers)) {
    // A fetch `Headers` object (or a Map): pairs in its order.
    return Array.from(headers.entries());
  }
  return headers;
}

/**
 * Reads a provider response, as Python's `parse_response(operation, status, body, headers)`.
 * @param {string} operation The operation id the request was for.
 * @param {number} status The HTTP status (100-599).
 * @param {string | Uint8Array | ArrayBuffer | ArrayBufferView} body The body (at most 4 MiB).
 * @param {object | Array<[string, string]> | Headers} [headers] An object, pairs or a fetch `Headers`.
 * @param {{lang?: "en" | "zh"}} [options] `lang` defaults to `"en"`.
 * @throws {ApiError} a provider error; `providerMessage` is its own message, as sent.
 * @throws {ParseError} anything that is not a well-formed response.
 * @throws {InputError} an unknown operation, `lang` or option name; a bad status or headers.
 */
export function parseResponse(operation, status, body, headers, options) {
  need();
  return unwrap(glue.parseResponse(operation, status, bodyBytes(body), headerPairs(headers), options));
}

/**
 * Where a request for the operation goes: `{scheme, host, path}`.
 * @param {string} operation The operation id.
 * @param {{region?: string, endpoint?: string, lang?: "en" | "zh"}} [options]
 * @throws {InputError} an unknown operation, region, `endpoint`, `lang` or option name.
 */
export function endpoint(operation, options) {
  need();
  return unwrap(glue.endpoint(operation, options));
}

/**
 * Reads one RAM policy document (object or JSON text, at most 6,144 characters).
 * @param {object | string} policy The document.
 * @param {{lang?: "en" | "zh"}} [options] `lang` defaults to `"en"`.
 * @throws {PolicyError} a malformed or too long document.
 * @throws {InputError} an unknown `lang` or option name.
 */
export function ramParsePolicy(policy, options) {
  need();
  return unwrap(glue.ramParsePolicy(policy, options));
}

/**
 * The RAM permissions the operation needs, one per target: `[{action, resource}]`.
 * @param {string} operation The operation id (Alibaba Cloud).
 * @param {object} params The request parameters (validated first).
 * @param {{region: string, accountId: string, lang?: "en" | "zh"}} options `region` and `accountId` are required.
 * @throws {ValidationError} the parameters break the rules.
 * @throws {InputError} an unknown or Zenlayer operation, a malformed region or account id.
 */
export function ramRequiredAccess(operation, params, options) {
  need();
  return unwrap(glue.ramRequiredAccess(operation, params, options));
}

/**
 * Whether the identity policies let the caller run the operation.
 * @param {string} operation The operation id (Alibaba Cloud).
 * @param {object} params The request parameters (validated first).
 * @param {Array<object | string>} policies The caller's policy documents.
 * @param {{region: string, accountId: string, context?: object, lang?: "en" | "zh"}} options `region` and `accountId` are required.
 * @throws {PolicyError} a malformed policy document.
 * @throws {ValidationError} the parameters break the rules.
 * @throws {InputError} an unknown or Zenlayer operation, a malformed region, account id or context.
 */
export function ramAuthorize(operation, params, policies, options) {
  need();
  return unwrap(glue.ramAuthorize(operation, params, policies, options));
}

/**
 * Decides one action on one resource ARN under the policies.
 * @param {Array<object | string>} policies Policy documents.
 * @param {string} action e.g. `"ecs:RebootInstance"`.
 * @param {string} resource A resource ARN.
 * @param {{context?: object, lang?: "en" | "zh"}} [options]
 * @throws {PolicyError} a malformed policy document.
 * @throws {InputError} a malformed context, an unknown `lang` or option name.
 */
export function ramEvaluate(policies, action, resource, options) {
  need();
  return unwrap(glue.ramEvaluate(policies, action, resource, options));
}

/**
 * The steps the Rust core counted since the previous call (bytes scanned, items visited,
 * bitset words combined). The hostile-input suite bounds each call's work with it instead of
 * timing it. Diagnostic, not part of the stable API.
 */
export function _takeWork() {
  need();
  return glue.takeWork();
}

/**
 * The glue's limits and build facts: `{version, maxDepth, signing: false}`.
 * @throws {Error} before `init()` has finished.
 */
export function info() {
  need();
  return { version: glue.version(), limits: unwrap(glue.limits()), signing: glue.signing() };
}

// The JS API over the wasm glue. Every decision is made by the Rust core; this file only
// loads the module, fills in the current time, and turns `{error}` envelopes into exceptions.
//
// Key convention: results use camelCase keys. The glue renames keys of opgate's own result
// structures (`dry_run` → `dryRun`, `http_status` → `httpStatus`); a key is renamed only when it
// matches /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/, which provider data keys (`InstanceId`,
// `instanceIdSet`, `x-acs-date`, `acs:SourceIp`) never do, so those pass unchanged.

import wasmInit, * as glue from "../pkg/opgate_wasm.js";
import { fromReport } from "./errors.js";

export { OpgateError, InputError, ValidationError, DeniedError, ApiError, ParseError, PolicyError, SigningError } from "./errors.js";

let loading = null;
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

/** True once `init()` has finished. */
export function isReady() {
  return ready;
}

function need() {
  if (!ready) {
    throw new Error("opgate: the WebAssembly module is not loaded yet; `await init()` first");
  }
}

function unwrap(envelope) {
  if (envelope && envelope.error !== undefined) {
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

/** Every operation's description. */
export function operations(options) {
  need();
  return unwrap(glue.operations(options));
}

/** One operation's description; an unknown id throws `InputError` (`UnsupportedOperation`). */
export function operation(id, options) {
  need();
  return unwrap(glue.operation(id, options));
}

/** Validates request parameters: `{operation, params, defaults}`, or throws `ValidationError` listing every violation. */
export function validate(operation, params, options) {
  need();
  return unwrap(glue.validate(operation, params, withNow(options)));
}

/**
 * Validates `params` and judges each target among `resources` (Describe items, one item, or a
 * whole Describe response). Returns a verdict; a denial is `verdict.allowed === false`, never
 * an exception. Throws only for unusable input (`InputError`, `ValidationError`).
 */
export function precheck(operation, params, resources, options) {
  need();
  return unwrap(glue.precheck(operation, params, resources, withNow(options)));
}

/** Judges each resource on its own, without request parameters ("which of these could be rebooted now?"). */
export function precheckResources(operation, resources, options) {
  need();
  return unwrap(glue.precheckResources(operation, resources, withNow(options)));
}

/**
 * `precheck`, but a verdict that is not allowed throws `DeniedError`: one error per refused
 * target, whose `field` is the target's parameter path (`InstanceId`, `instanceIds[3]`).
 */
export function check(operation, params, resources, options) {
  need();
  return unwrap(glue.check(operation, params, resources, withNow(options)));
}

/** Where a polled status stands: `{operation, status, state: "done" | "pending" | "failed", target, reason}`. */
export function waitStatus(operation, status, options) {
  need();
  return unwrap(glue.waitStatus(operation, status, options));
}

/** Validates `params` and builds the unsigned HTTP request (signing is not in this build). */
export function build(operation, params, options) {
  need();
  return unwrap(glue.build(operation, params, withNow(options)));
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
 * Reads a provider response, as Python's `parse_response(operation, status, body, headers)`:
 * `body` a string, `Uint8Array` or `ArrayBuffer`; `headers` an object, `[name, value]` pairs or
 * a fetch `Headers`. Throws `ApiError` for a provider error and `ParseError` for anything that
 * is not a well-formed response.
 */
export function parseResponse(operation, status, body, headers, options) {
  need();
  return unwrap(glue.parseResponse(operation, status, bodyBytes(body), headerPairs(headers), options));
}

/** Where a request for the operation goes: `{scheme, host, path}`. */
export function endpoint(operation, options) {
  need();
  return unwrap(glue.endpoint(operation, options));
}

/** Reads one RAM policy document (object or JSON text); a malformed one throws `PolicyError`. */
export function ramParsePolicy(policy, options) {
  need();
  return unwrap(glue.ramParsePolicy(policy, options));
}

/** The RAM permissions the operation needs, one per target: `[{action, resource}]`. Needs `region` and `accountId`. */
export function ramRequiredAccess(operation, params, options) {
  need();
  return unwrap(glue.ramRequiredAccess(operation, params, options));
}

/** Whether the identity policies let the caller run the operation. Needs `region` and `accountId`. */
export function ramAuthorize(operation, params, policies, options) {
  need();
  return unwrap(glue.ramAuthorize(operation, params, policies, options));
}

/** Decides one action on one resource under the policies. */
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

/** The glue's limits and build facts. */
export function info() {
  need();
  return { version: glue.version(), maxDepth: glue.maxDepth(), signing: glue.signing() };
}

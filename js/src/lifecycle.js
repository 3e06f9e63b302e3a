// Beyond one call: waiters with memory, ClientTokens, retry classes, batch plans and the
// provider's explanation of a RAM denial. Every rule is the Rust core's; this file calls the
// wasm glue, fills in the current time where the caller gave none, and turns `{error}`
// envelopes into exceptions. The `Waiter` class only holds the waiter's serialized state.

import * as glue from "../pkg/opgate_wasm.js";
import { fromReport } from "./errors.js";
import { isReady } from "./api.js";
import { envelope as read } from "./tape.js";

function need() {
  if (!isReady()) {
    throw new Error("opgate: the WebAssembly module is not loaded yet; `await init()` first");
  }
}

// The glue answers one string, the result or the error report as a tape (./tape.js).
function unwrap(answer) {
  const envelope = read(answer);
  if (envelope.error !== undefined) {
    throw fromReport(envelope.error);
  }
  return envelope.ok;
}

const currentTime = () => Math.floor(Date.now() / 1000);

/** Options with `now` filled in with the current time, unless the caller gave one (or `null`). */
function withNow(options) {
  if (options === undefined || options === null) {
    return { now: currentTime() };
  }
  if (typeof options !== "object" || options.now !== undefined) {
    return options;
  }
  return { ...options, now: currentTime() };
}

function headerPairs(headers) {
  if (headers && typeof headers === "object" && typeof headers.entries === "function" && !Array.isArray(headers)) {
    // A fetch `Headers` object (or a Map): pairs in its order.
    return Array.from(headers.entries());
  }
  return headers;
}

/**
 * The ClientToken for this logical request in `options.scope`: the same parameters (in any
 * order, with or without defaults or a ClientToken) give the same token, any change another.
 * Throws `InputError` (`UnsupportedOperation`) for operations that take no ClientToken.
 */
export function clientToken(operation, params, options) {
  need();
  return unwrap(glue.clientToken(operation, params, options));
}

/** The retry class of an error code; `options.status` helps for codes no table lists. */
export function classify(operation, code, options) {
  need();
  return unwrap(glue.classify(operation, code, options));
}

/**
 * Advice after a failed call: `status` and `code` of the error response (both `null` when no
 * response arrived), its headers (`x-acs-retry-after`, `Retry-After`; an object, pairs or a
 * fetch `Headers`), and in `options` the `params` that were sent, `attempt` (1 for the first
 * retry) and `now` (default: the current time, for a `Retry-After` date).
 */
export function retryAdvice(operation, status, code, headers, options) {
  need();
  return unwrap(glue.retryAdvice(operation, status ?? null, code ?? null, headerPairs(headers), withNow(options)));
}

/** Alibaba's `AccessDeniedDetail` (or a decoded diagnostic message, or an error body holding one), explained. */
export function accessDenied(detail, options) {
  need();
  return unwrap(glue.accessDenied(detail, options));
}

/**
 * The requests for a batch: `targets` is a list of ids or a parameter object whose target
 * parameter holds them, `resources` the Describe items. Allowed ids are split to the
 * provider's limit, each request with its ClientToken (from `options.scope`) where the
 * operation takes one; denied and unknown ids are listed with reasons.
 */
export function plan(operation, targets, resources, options) {
  need();
  return unwrap(glue.plan(operation, targets, resources ?? null, withNow(options)));
}

/** One outcome per id from the responses to a plan's requests: one entry per request, `{status, body, headers}` or `null` for one not sent. */
export function mergePlan(planned, responses, options) {
  need();
  return unwrap(glue.mergePlan(planned, responses, options));
}

/**
 * Waits for an operation on a batch of targets, remembering what it has seen. Make it when the
 * call is sent (`options.before`: the Describe items read before the call; `options.seed`
 * fixes the jitter), feed it Describe results with `observe()` and wait `nextPollAfterSeconds`
 * between calls: it never sleeps itself. It never calls a target done before it has seen the
 * operation act on it. `toJSON()` gives its state; `Waiter.resume(state)` goes on from it.
 */
// Lets `Waiter.resume` construct a waiter from a checked state (private fields can only be
// set by the constructor).
const RESUMED = Symbol("resumed");

export class Waiter {
  #state;

  constructor(operation, ids, sentAt, options) {
    need();
    if (operation === RESUMED) {
      this.#state = ids;
      return;
    }
    const { before, seed, lang } = options ?? {};
    this.#state = unwrap(glue.waiterNew(operation, ids, sentAt ?? currentTime(), { before, seed, lang }));
  }

  /** A waiter from `toJSON()`'s state; throws `InputError` for a state this version did not write. */
  static resume(state, options) {
    need();
    return new Waiter(RESUMED, unwrap(glue.waiterResume(state, options)));
  }

  /** Reads one round of Describe results at `now` (Unix seconds, default: now); returns the report. */
  observe(resources, now, options) {
    need();
    const step = unwrap(glue.waiterObserve(this.#state, resources, now ?? currentTime(), options));
    this.#state = step.waiter;
    return step.report;
  }

  get operation() {
    return this.#state.operation;
  }

  /** When to poll next, Unix seconds. */
  get nextPollAt() {
    return this.#state.next;
  }

  get polls() {
    return this.#state.polls;
  }

  /** The state as plain JSON data (a copy), for `Waiter.resume`. */
  toJSON() {
    return JSON.parse(JSON.stringify(this.#state));
  }
}

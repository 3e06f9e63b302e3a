// How a vector's Python-style `args` map to the JS API (shared by the vector and type tests).

import assert from "node:assert/strict";
import * as opgate from "opgate";
import { camelKey } from "./helpers.mjs";

/** How a vector's Python-style `args` map to the JS signature: positional names in order, the rest camelCased into the options object. */
export const CALLS = {
  operations: { positional: [] },
  operation: { positional: ["operation"] },
  validate: { positional: ["operation", "params"], clock: true },
  precheck: { positional: ["operation", "params", "resources"], clock: true },
  precheck_resources: { positional: ["operation", "resources"], clock: true },
  check: { positional: ["operation", "params", "resources"], clock: true },
  wait_status: { positional: ["operation", "status"] },
  build: { positional: ["operation", "params"], clock: true },
  endpoint: { positional: ["operation"] },
  parse_response: { positional: ["operation", "status", "body", "headers"] },
  ram_parse_policy: { positional: ["policy"] },
  ram_required_access: { positional: ["operation", "params"] },
  ram_authorize: { positional: ["operation", "params", "policies"] },
  ram_evaluate: { positional: ["policies", "action", "resource"] },
  client_token: { positional: ["operation", "params"] },
  classify: { positional: ["operation", "code"] },
  retry_advice: { positional: ["operation", "status", "code", "headers"], clock: true },
  access_denied: { positional: ["detail"] },
  plan: { positional: ["operation", "targets", "resources"], clock: true },
};

/** Calls that are a sequence of API calls, as the Rust runner (tests/lifecycle_vectors.rs) runs them. */
export const COMPOSITE = {
  /** A waiter made (or resumed), fed each step, persisted as JSON and resumed after `resume_after`. */
  wait(args) {
    let waiter =
      args.resume !== undefined && args.resume !== null
        ? opgate.Waiter.resume(args.resume, { lang: args.lang })
        : new opgate.Waiter(args.operation, args.ids, args.sent_at, { before: args.before, seed: args.seed, lang: args.lang });
    const reports = [];
    for (const [index, step] of args.steps.entries()) {
      reports.push(waiter.observe(step.resources, step.now, { lang: args.lang }));
      if (args.resume_after === index) {
        waiter = opgate.Waiter.resume(JSON.parse(JSON.stringify(waiter)));
      }
    }
    return reports;
  },
  /** `build` through a RequestBuilder: the operation and options read once, then `params`. */
  request_builder(args) {
    const { operation, params, ...rest } = args;
    const options = {};
    for (const [name, value] of Object.entries(rest)) options[camelKey(name) ?? name] = value;
    return new opgate.RequestBuilder(operation, options).build(params);
  },
  plan_and_merge(args) {
    const { responses, ...rest } = args;
    const planned = invoke("plan", rest);
    return opgate.mergePlan(planned, responses, { lang: args.lang });
  },
};

export const SKIPPED = {
  sign: "signing is not in the WebAssembly build: a web page must never hold cloud secrets (js/README.md, 'Why no signing')",
};

export function invoke(call, args) {
  if (COMPOSITE[call]) {
    return COMPOSITE[call](args);
  }
  const spec = CALLS[call];
  assert.ok(spec, `unknown call "${call}": add it to js/test/vectors.test.mjs and the JS API`);
  const fn = opgate[camelKey(call) ?? call];
  assert.equal(typeof fn, "function", `the JS API has no ${camelKey(call) ?? call}() for call "${call}"`);
  const positional = spec.positional.map((name) => args[name]);
  const options = {};
  for (const [name, value] of Object.entries(args)) {
    if (!spec.positional.includes(name)) {
      options[camelKey(name) ?? name] = value;
    }
  }
  // The Rust runner passes no clock when a case has no `now`; the JS default would be the current time.
  if (spec.clock && !("now" in options)) {
    options.now = null;
  }
  return fn(...positional, options);
}


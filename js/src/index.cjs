// CommonJS entry (`require("opgate")` in Node). The package is ES modules with a top-level
// `await` in its Node entry, which `require` cannot load; so this file loads that entry with
// `import()` inside `init()` and forwards every call to it. One module graph either way: a
// program that both imports and requires opgate shares one wasm instance and one set of error
// classes, so `instanceof` works across the two.
//
//   const opgate = require("opgate");
//   await opgate.init();            // required here, once, before any other call
//   opgate.precheck("ecs:RebootInstance", params, items);

"use strict";

// Every value the ES module exports; js/test/api.test.mjs checks this list is complete.
const FUNCTIONS = [
  "operations",
  "operation",
  "validate",
  "precheck",
  "precheckResources",
  "check",
  "waitStatus",
  "build",
  "endpoint",
  "parseResponse",
  "ramParsePolicy",
  "ramRequiredAccess",
  "ramAuthorize",
  "ramEvaluate",
  "clientToken",
  "classify",
  "retryAdvice",
  "accessDenied",
  "plan",
  "mergePlan",
  "info",
  "configure",
  "_takeWork",
];
const CLASSES = ["OpgateError", "InputError", "ValidationError", "DeniedError", "ApiError", "ParseError", "PolicyError", "SigningError", "Waiter", "RequestBuilder"];

let api = null;
let loading = null;

function need() {
  if (api === null) {
    throw new Error("opgate: the WebAssembly module is not loaded yet; `await init()` first (the CommonJS entry loads it in init())");
  }
  return api;
}

/**
 * Loads the package (its Node entry reads the `.wasm` from the package's own files) and
 * resolves once every function can be called. Later calls return the same promise; a failed
 * load can be retried. `input` is accepted for symmetry with the browser entry and ignored.
 * @returns {Promise<void>}
 */
function init(input) {
  void input;
  if (loading === null) {
    loading = import("./node.js").then(async (module) => {
      await module.init();
      api = module;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** True once `init()` has finished. */
function isReady() {
  return api !== null;
}

exports.init = init;
exports.isReady = isReady;
for (const name of FUNCTIONS) {
  const forward = (...args) => need()[name](...args);
  Object.defineProperty(forward, "name", { value: name });
  exports[name] = forward;
}
// The classes are the ES module's own (so `instanceof` matches what the calls throw); they can
// be read once `init()` has finished, like everything else.
for (const name of CLASSES) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => need()[name] });
}

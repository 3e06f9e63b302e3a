// The documented API and the real one agree: every function js/README.md mentions (and every one
// the root README's JS snippets import or call) exists and is called here with real arguments;
// every type or class it names is exported (a class at run time, a type in the declarations);
// every error attribute its "Errors" section names is set on a real error.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as opgate from "opgate";

const JS = fileURLToPath(new URL("..", import.meta.url));
const JS_README = readFileSync(`${JS}README.md`, "utf8");
const ROOT_README = readFileSync(`${JS}../README.md`, "utf8");
const DECLARATIONS = readFileSync(`${JS}src/index.d.ts`, "utf8") + readFileSync(`${JS}src/types.d.ts`, "utf8");

const ITEM = { InstanceId: "i-bp67acfmxazb4ph1abcd", Status: "Running" };
const POLICY = { Version: "1", Statement: [{ Effect: "Allow", Action: "ecs:*", Resource: "*" }] };
const RAM = { region: "cn-hangzhou", accountId: "1488317743351199" };

/** One real call per function of the package. */
const CALLS = {
  init: () => opgate.init(),
  isReady: () => assert.equal(opgate.isReady(), true),
  info: () => opgate.info(),
  configure: () => opgate.configure({ jitless: false }),
  _takeWork: () => assert.equal(typeof opgate._takeWork(), "number"),
  operations: () => opgate.operations(),
  operation: () => opgate.operation("zec:RebootInstances"),
  validate: () => opgate.validate("ecs:RebootInstance", { InstanceId: ITEM.InstanceId }),
  precheck: () => opgate.precheck("ecs:RebootInstance", { InstanceId: ITEM.InstanceId }, [ITEM]),
  precheckResources: () => opgate.precheckResources("ecs:RebootInstance", [ITEM], { lang: "zh" }),
  check: () => assert.throws(() => opgate.check("ecs:RebootInstance", { InstanceId: ITEM.InstanceId }, [{ ...ITEM, Status: "Stopped" }]), opgate.DeniedError),
  waitStatus: () => opgate.waitStatus("ecs:RebootInstance", "Starting"),
  build: () => opgate.build("ecs:RebootInstance", { InstanceId: ITEM.InstanceId }, { region: "cn-hangzhou" }),
  endpoint: () => opgate.endpoint("zec:RebootInstances"),
  parseResponse: () => opgate.parseResponse("ecs:RebootInstance", 200, '{"RequestId": "R"}', [["content-type", "application/json"]]),
  ramParsePolicy: () => opgate.ramParsePolicy(POLICY),
  ramRequiredAccess: () => opgate.ramRequiredAccess("ecs:RebootInstance", { InstanceId: ITEM.InstanceId }, RAM),
  ramAuthorize: () => opgate.ramAuthorize("ecs:RebootInstance", { InstanceId: ITEM.InstanceId }, [POLICY], RAM),
  ramEvaluate: () => opgate.ramEvaluate([POLICY], "ecs:RebootInstance", "*"),
  clientToken: () => opgate.clientToken("computenestsupplier:RestartServiceInstance", { RegionId: "cn-hangzhou", ServiceInstanceId: "si-d6ab3a63ccbb4b17a0f1" }),
  classify: () => opgate.classify("ecs:RebootInstance", "Throttling.User"),
  retryAdvice: () => opgate.retryAdvice("ecs:RebootInstance", 503, "ServiceUnavailable"),
  accessDenied: () => opgate.accessDenied({ NoPermissionType: "ImplicitDeny", AuthAction: "ecs:RebootInstance" }),
  plan: () => opgate.plan("zec:RebootInstances", ["1"], [{ instanceId: "1", instanceStatus: "RUNNING" }]),
  mergePlan: () => opgate.mergePlan(opgate.plan("zec:RebootInstances", ["1"], [{ instanceId: "1", instanceStatus: "RUNNING" }]), [null]),
};

// Names the README uses that are not this package's: JavaScript's own, a provider field, and the
// Python-only signing names it lists as missing here.
const NOT_OURS = new Set(["import", "require", "InstanceId", "Credentials", "sign"]);

function spans(text) {
  const prose = text.replace(/```[\s\S]*?```/g, "");
  return [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
}

function jsBlocks(text) {
  return [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
}

function mentionedFunctions() {
  const names = new Set();
  for (const span of spans(JS_README)) {
    if (span.startsWith("#[")) continue; // a Rust attribute
    for (const m of span.matchAll(/(?<![\w.])([a-z][A-Za-z0-9]*)\(/g)) names.add(m[1]);
  }
  for (const block of [...jsBlocks(JS_README), ...jsBlocks(ROOT_README)]) {
    for (const m of block.matchAll(/import\s*\{([^}]*)\}\s*from\s*"opgate"/g)) {
      for (const name of m[1].split(",").map((s) => s.trim()).filter(Boolean)) names.add(name);
    }
    for (const m of block.matchAll(/\bopgate\.([A-Za-z][A-Za-z0-9]*)/g)) names.add(m[1]);
  }
  return [...names].filter((name) => !NOT_OURS.has(name));
}

test("every function a README mentions exists and is called", async () => {
  const mentioned = mentionedFunctions();
  for (const name of ["precheckResources", "build", "parseResponse", "init", "info"]) assert.ok(mentioned.includes(name), name);
  const functions = Object.keys(opgate).filter((name) => typeof opgate[name] === "function" && !/^[A-Z]/.test(name));
  assert.deepStrictEqual(functions.sort(), Object.keys(CALLS).sort(), "CALLS has one call per exported function");
  for (const name of mentioned) {
    if (/^[A-Z]/.test(name)) {
      assert.equal(typeof opgate[name], "function", `a README imports ${name}, which opgate does not export`);
      continue;
    }
    assert.ok(CALLS[name], `a README mentions ${name}(), which opgate does not have`);
    await CALLS[name]();
  }
});

test("every type and class js/README.md names is exported", () => {
  const named = new Set();
  for (const span of spans(JS_README)) {
    const m = span.match(/^([A-Z][A-Za-z0-9]*)$/);
    if (m) named.add(m[1]);
  }
  for (const name of ["Verdict", "OperationDescription", "ApiError", "HttpRequest"]) assert.ok(named.has(name), name);
  for (const name of named) {
    if (NOT_OURS.has(name) || name in globalThis) {
      continue;
    }
    const declared = new RegExp(`export (?:interface|type|class) ${name}\\b`).test(DECLARATIONS);
    assert.ok(declared, `js/README.md names ${name}, which the declarations do not export`);
    if (/Error$/.test(name)) {
      assert.equal(typeof opgate[name], "function", `${name} is not a class of the package`);
    }
  }
});

test("every error attribute the Errors section names is set on a real error", () => {
  const section = JS_README.slice(JS_README.indexOf("## Errors"), JS_README.indexOf("## Why no signing"));
  const attributes = new Set(spans(section).filter((span) => /^[a-z][A-Za-z0-9]*$/.test(span)));
  for (const name of ["providerMessage", "requestId", "httpStatus", "report"]) assert.ok(attributes.has(name), name);
  let error;
  try {
    opgate.parseResponse("ecs:RebootInstance", 400, '{"RequestId": "R", "HostId": "h", "Code": "Throttling", "Message": "m"}');
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof opgate.ApiError);
  for (const name of attributes) {
    if (["lang", "null", "undefined"].includes(name)) continue; // the option beside `message`; JS values
    assert.ok(name in error, `js/README.md names error.${name}, which an ApiError does not have`);
  }
});

test("every function's TSDoc documents its arguments, the clock default and what it throws", () => {
  const index = readFileSync(`${JS}src/index.d.ts`, "utf8");
  const declared = [...index.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function (\w+)\(([^)]*(?:\([^)]*\)[^)]*)*)\)/g)];
  const names = declared.map((m) => m[2]);
  assert.deepStrictEqual([...names].sort(), Object.keys(CALLS).sort(), "every function is declared with TSDoc");
  for (const [, doc, name, params] of declared) {
    const args = [...params.matchAll(/(?:^|,)\s*(\w+)\??:/g)].map((m) => m[1]);
    for (const arg of args) {
      assert.match(doc, new RegExp(`@param ${arg}\\b`), `${name}() does not document ${arg}`);
    }
    if (!["isReady"].includes(name)) {
      assert.match(doc, /@throws/, `${name}() does not say what it throws`);
    }
    if (/CheckOptions/.test(params)) {
      assert.match(doc, /`now`[^.]*current time/, `${name}() does not say that now defaults to the clock`);
    }
    if (/BuildOptions/.test(params)) {
      assert.match(doc, /`now` is accepted, but no build reads the time/, `${name}() does not say that no build reads now`);
    }
  }
});

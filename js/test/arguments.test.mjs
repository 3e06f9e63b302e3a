// build() hands plain-data arguments to the core as one JSON text (bindings/wasm/src/convert.rs,
// `plain_json`) instead of reading them field by field: only a faster way to hand over the same
// values, so every answer, error and error path must be the one the live values give. Each case
// runs twice: as given (plain data takes the JSON path) and with `params` and the options turned
// into instances of a class with the same own properties, which the JSON path refuses, so the
// core reads the live JS values instead.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as opgate from "opgate";
import { camelKey, parseExact } from "./helpers.mjs";
import { invoke } from "./calls.mjs";

const VECTORS = process.env.OPGATE_VECTORS_DIR ?? fileURLToPath(new URL("../../tests/vectors/", import.meta.url));

class Argument {}

/** The same value, as one the JSON path refuses: the live path reads it. */
function live(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? Object.defineProperties(new Argument(), Object.getOwnPropertyDescriptors(value)) : value;
}

function outcome(run) {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof opgate.OpgateError)) throw error;
    return { error: error.report };
  }
}

function same(params, options, label) {
  const fast = outcome(() => opgate.build("ecs:RebootInstance", params, options));
  const read = outcome(() => opgate.build("ecs:RebootInstance", live(params), live(options)));
  assert.deepStrictEqual(fast, read, `${label}: the JSON path and the live path disagree`);
  return fast;
}

test("every build vector answers alike through the JSON path and the live values", () => {
  let compared = 0;
  for (const file of readdirSync(VECTORS).filter((name) => name.endsWith(".json")).sort()) {
    const suite = parseExact(readFileSync(`${VECTORS}/${file}`, "utf8"));
    for (const c of suite.cases) {
      if (c.call !== "build") continue;
      const [operation, params, options] = buildArguments(c.args);
      const fast = outcome(() => invoke("build", c.args));
      const read = outcome(() => opgate.build(operation, live(params), live(options)));
      assert.deepStrictEqual(fast, read, `${file}: ${c.name}: the JSON path and the live path disagree`);
      compared += 1;
    }
  }
  assert.ok(compared > 20, `only ${compared} build vectors found`);
});

/** The arguments invoke("build", args) passes (calls.mjs): operation and params, the rest camelCased into the options. */
function buildArguments(args) {
  const { operation, params, ...rest } = args;
  const options = {};
  for (const [name, value] of Object.entries(rest)) {
    options[camelKey(name) ?? name] = value;
  }
  if (!("now" in options)) options.now = null;
  return [operation, params, options];
}

const ID = "i-bp67acfmxazb4ph1abcd";
const lone = "\ud800";
const throwing = Object.defineProperty({ InstanceId: ID }, "DryRun", {
  enumerable: true,
  get() {
    throw new Error("getter");
  },
});
const cyclic = { InstanceId: ID };
cyclic.Self = cyclic;
let deep = ID;
for (let i = 0; i < 1000; i += 1) deep = { InstanceId: deep };

const PARAMS = {
  "plain params": { InstanceId: ID },
  "dry run and force stop": { InstanceId: ID, DryRun: true, ForceStop: false },
  "a flag that is a string": { InstanceId: ID, DryRun: "true" },
  "an id that is a number": { InstanceId: 5 },
  "an id that is a fraction": { InstanceId: 2.5 },
  "an id that is NaN": { InstanceId: NaN },
  "an id that is Infinity": { InstanceId: Infinity },
  "an id beyond 2^53": { InstanceId: 2 ** 53 + 2 },
  "an id that is -0": { InstanceId: -0 },
  "an id that is a BigInt": { InstanceId: 5n },
  "an id that is a huge BigInt": { InstanceId: 2n ** 200n },
  "an id that is a Date": { InstanceId: new Date(0) },
  "an id that is a Map": { InstanceId: new Map() },
  "an id that is a Uint8Array": { InstanceId: new Uint8Array([105]) },
  "an id with a lone surrogate": { InstanceId: `i-${lone}` },
  "an id with an escaped character": { InstanceId: 'i-"\\\n' },
  "an id that is a list": { InstanceId: [ID] },
  "an id that is an object": { InstanceId: { Id: ID } },
  "an id that is undefined": { InstanceId: undefined },
  "an id that is null": { InstanceId: null },
  "an id that is a function": { InstanceId() {} },
  "an id that is a symbol": { InstanceId: Symbol("id") },
  "a getter that throws": throwing,
  "a cyclic object": cyclic,
  "deep nesting": deep,
  "a list with holes": { InstanceId: ID, Extra: [undefined, 1] },
  "an unknown parameter": { InstanceId: ID, Unknown: 1 },
  "a __proto__ key": JSON.parse(`{"__proto__": 1, "InstanceId": "${ID}"}`),
  "params without a prototype": Object.assign(Object.create(null), { InstanceId: ID }),
  "params that are a string": ID,
  "params that are a list": [ID],
  "params that are null": null,
  "params that are undefined": undefined,
  "no id": {},
};

const OPTIONS = {
  "a region": { region: "cn-hangzhou", now: null },
  "a region that is a number": { region: 5, now: null },
  "a region with a lone surrogate": { region: `cn-${lone}`, now: null },
  "no region": { now: null },
  "an unknown option": { region: "cn-hangzhou", regoin: "cn-hangzhou", now: null },
  "a language": { region: "cn-hangzhou", lang: "zh", now: null },
  "an unknown language": { region: "cn-hangzhou", lang: "fr", now: null },
  "a clock": { region: "cn-hangzhou", now: 1795000000 },
  "a clock that is a fraction": { region: "cn-hangzhou", now: 1795000000.5 },
  "a clock that is a BigInt": { region: "cn-hangzhou", now: 1795000000n },
  "an endpoint": { region: "cn-hangzhou", endpoint: "ecs.example.com", now: null },
  "an endpoint that is a list": { region: "cn-hangzhou", endpoint: ["ecs.example.com"], now: null },
  "a __proto__ key": JSON.parse('{"__proto__": 1, "region": "cn-hangzhou", "now": null}'),
  "options without a prototype": Object.assign(Object.create(null), { region: "cn-hangzhou", now: null }),
};

test("edge arguments answer alike through the JSON path and the live values", () => {
  for (const [label, params] of Object.entries(PARAMS)) {
    same(params, { region: "cn-hangzhou", now: null }, label);
  }
  for (const [label, options] of Object.entries(OPTIONS)) {
    same({ InstanceId: ID }, options, label);
    same({ InstanceId: 5 }, options, `${label}, with a bad id`);
  }
  // Options that are not objects reach the core as they are (withNow passes them on).
  for (const options of ["cn-hangzhou", 5, [1], true]) {
    assert.deepStrictEqual(
      outcome(() => opgate.build("ecs:RebootInstance", { InstanceId: ID }, options)),
      outcome(() => opgate.build("ecs:RebootInstance", live({ InstanceId: ID }), options)),
      `options ${String(options)}`,
    );
  }
});

test("the JSON path answers what the live path answers for a valid request, and errors as errors", () => {
  const built = same({ InstanceId: ID }, { region: "cn-hangzhou", now: null }, "valid");
  assert.ok(built.ok && built.ok.host === "ecs-cn-hangzhou.aliyuncs.com", JSON.stringify(built));
  const refused = same({ InstanceId: 2.5 }, { region: "cn-hangzhou", now: null }, "invalid");
  assert.ok(refused.error, JSON.stringify(refused));
});

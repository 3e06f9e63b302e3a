// The JS-side projection of Describe items (bindings/wasm/src/projection.rs) is only a faster
// way to hand the same values to the core: every answer, error and error path must be the one
// the live values give. Each case runs twice: as given (plain data takes the projected path)
// and with every item turned into an instance of a class with the same own properties, which
// the projection refuses, so the core reads the live JS values instead.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as opgate from "opgate";
import { parseExact } from "./helpers.mjs";
import { invoke } from "./calls.mjs";
import { envelope as readAnswer } from "../src/tape.js";

const VECTORS = process.env.OPGATE_VECTORS_DIR ?? fileURLToPath(new URL("../../tests/vectors/", import.meta.url));
const CALLS = new Set(["precheck", "precheck_resources", "check"]);

class Item {}

/** A class whose fields are getters on its prototype: not plain data. */
class Getters {
  get LockReason() {
    return "security";
  }

  get Status() {
    return "Running";
  }
}

/** The same items, as values the projection refuses: the live path reads them. */
function live(resources) {
  const wrap = (item) => (item !== null && typeof item === "object" && !Array.isArray(item) ? Object.defineProperties(new Item(), Object.getOwnPropertyDescriptors(item)) : item);
  if (Array.isArray(resources)) return resources.map(wrap);
  return wrap(resources);
}

function outcome(call, args) {
  try {
    return { ok: invoke(call, args) };
  } catch (error) {
    if (!(error instanceof opgate.OpgateError)) throw error;
    return { error: error.report };
  }
}

function same(call, args, label) {
  const projected = outcome(call, args);
  const read = outcome(call, { ...args, resources: live(args.resources) });
  assert.deepStrictEqual(projected, read, `${label}: the projected and the live path disagree`);
  return projected;
}

// Pre-checks walk items with generated code, or with generic code under `jitless`
// (js/src/group.js): the tests that compare grouped answers run once each way.
const WALKS = [
  ["generated walks", false],
  ["generic walks", true],
];

function eachWalk(name, body) {
  for (const [walks, jitless] of WALKS) {
    test(`${name} (${walks})`, async () => {
      opgate.configure({ jitless });
      try {
        await body();
      } finally {
        opgate.configure({ jitless: false });
      }
    });
  }
}

test("pre-checks generate their item walks unless told not to", async () => {
  const { generatedWalks } = await import("../src/group.js");
  opgate.configure({ jitless: false });
  const before = generatedWalks();
  opgate.precheckResources("zec:RebootInstances", [{ instanceId: "i-1", instanceStatus: "RUNNING" }], { now: NOW });
  assert.ok(generatedWalks() > before, "no walk was generated");
  opgate.configure({ jitless: true });
  const generic = generatedWalks();
  opgate.precheckResources("zec:RebootInstances", [{ instanceId: "i-1", instanceStatus: "RUNNING" }], { now: NOW });
  assert.equal(generatedWalks(), generic, "a walk was generated under jitless");
  opgate.configure({ jitless: false });
  assert.throws(() => opgate.configure({ jitless: "yes" }), TypeError);
  assert.throws(() => opgate.configure(null), TypeError);
});

eachWalk("every pre-check vector answers alike through the projection and the live values", () => {
  let compared = 0;
  for (const file of readdirSync(VECTORS).filter((name) => name.endsWith(".json")).sort()) {
    const suite = parseExact(readFileSync(`${VECTORS}/${file}`, "utf8"));
    for (const c of suite.cases) {
      if (!CALLS.has(c.call) || !("resources" in c.args)) continue;
      same(c.call, c.args, `${file}: ${c.name}`);
      compared += 1;
    }
  }
  assert.ok(compared > 50, `only ${compared} pre-check vectors found`);
});

const NOW = 1795000000;
const base = {
  InstanceId: "i-bp67acfmxazb4ph1abcd",
  Status: "Running",
  InstanceChargeType: "PrePaid",
  ExpiredTime: "2099-12-31T15:59Z",
  OperationLocks: { LockReason: [] },
  Tags: { Tag: [{ TagKey: "env", TagValue: "prod" }] },
};
const lone = "\ud800";
const throwing = Object.defineProperty({ ...base }, "Status", {
  enumerable: true,
  get() {
    throw new Error("getter");
  },
});

// Values the projection must hand over exactly, or leave to the live path.
const EDGE = {
  "plain items": [base, { ...base, InstanceId: "i-bp67acfmxazb4ph1abce", Status: "Stopped" }],
  "a status that is a number": [{ ...base, Status: 5 }],
  "a status that is a fraction": [{ ...base, Status: 2.5 }],
  "a status that is NaN": [{ ...base, Status: NaN }],
  "a status beyond 2^53": [{ ...base, Status: 2 ** 53 + 2 }],
  "a status that is -0": [{ ...base, Status: -0 }],
  "a status that is a BigInt": [{ ...base, Status: 5n }],
  "a status that is a Date": [{ ...base, Status: new Date(0) }],
  "a status that is a Map": [{ ...base, Status: new Map() }],
  "an expiry that is a Date": [{ ...base, ExpiredTime: new Date(0) }],
  "locks that are a Map": [{ ...base, OperationLocks: new Map([["LockReason", ["security"]]]) }],
  "locks whose fields are getters": [{ ...base, OperationLocks: new Getters() }],
  "a status with a lone surrogate": [{ ...base, Status: `Run${lone}` }],
  "an id with a lone surrogate": [{ ...base, InstanceId: `i-${lone}` }],
  "a status that is an object": [{ ...base, Status: { Running: true } }],
  "a status that is a list": [{ ...base, Status: ["Running"] }],
  "a status that is undefined": [{ ...base, Status: undefined }],
  "a status that is null": [{ ...base, Status: null }],
  "a status that is a function": [{ ...base, Status() {} }],
  "a getter that throws": [throwing],
  "locks as strings": [{ ...base, OperationLocks: { LockReason: ["security"] } }],
  "locks with a message": [{ ...base, OperationLocks: { LockReason: [{ LockReason: "financial", LockMsg: "in arrears" }] } }],
  "a lock that is a number": [{ ...base, OperationLocks: { LockReason: [7] } }],
  "locks with holes": [{ ...base, OperationLocks: { LockReason: [undefined, { LockReason: "security" }] } }],
  "locks that are an object": [{ ...base, OperationLocks: { LockReason: { LockReason: "security" } } }],
  "an item without a prototype": [Object.assign(Object.create(null), base)],
  "an expired prepaid item": [{ ...base, ExpiredTime: "2020-01-01T00:00Z" }],
  "an expiry that is a number": [{ ...base, ExpiredTime: 1 }],
  "an item that is a string": ["i-bp67acfmxazb4ph1abcd"],
  "an item that is null": [null],
  "a hole in the list": [base, undefined],
  "one item, not a list": base,
  "an empty list": [],
  "a whole DescribeInstances response": { RequestId: "R", Instances: { Instance: [base, { ...base, InstanceId: "i-bp67acfmxazb4ph1abce", Status: "Stopped" }] } },
  "a response whose list is one object": { Instances: { Instance: base } },
  "a response whose list path holds a list early": { Instances: [base] },
  "a response whose list path holds a string": { Instances: "none" },
  "a response whose list path holds a Map": { Instances: new Map() },
  "a response whose list path holds a BigInt": { Instances: 5n },
  "a response without the list": { RequestId: "R", TotalCount: 0 },
  "a response without a prototype": Object.assign(Object.create(null), { Instances: { Instance: [base] } }),
  // Grouping (js/src/group.js): items alike but for their id share one answer.
  "300 items in three kinds": Array.from({ length: 300 }, (_, i) => ({ ...base, InstanceId: `i-${i}`, Status: ["Running", "Stopped", "Starting"][i % 3] })),
  "the stand-in id character in a status": [base, { ...base, InstanceId: "i-2", Status: "Run\ue000ning" }, { ...base, InstanceId: "i-3", Status: "Run\ue000ning" }],
  "the stand-in id character in an id": [base, { ...base, InstanceId: "i-\ue000" }],
  "a NUL-led status": [{ ...base, Status: "\0[]" }, { ...base, InstanceId: "i-2", OperationLocks: [] }],
  "a lock message that names the id": [{ ...base, OperationLocks: { LockReason: [{ LockReason: "security", LockMsg: base.InstanceId }] } }],
  "an id of 5,000 characters": [{ ...base, InstanceId: `i-${"x".repeat(5000)}` }, base],
  "the 250th of 300 items has a number for its id": Array.from({ length: 300 }, (_, i) => ({ ...base, InstanceId: i === 249 ? 249 : `i-${i}` })),
  "the 250th of 300 items has a lone surrogate in its id": Array.from({ length: 300 }, (_, i) => ({ ...base, InstanceId: i === 249 ? `i-${lone}` : `i-${i}` })),
  "the 250th of 300 items is a class instance": Array.from({ length: 300 }, (_, i) => (i === 249 ? live([base])[0] : { ...base, InstanceId: `i-${i}` })),
  // Read for waiters but never compared: values the core refuses must still be refused.
  "a StartTime that is NaN": [base, { ...base, InstanceId: "i-2", StartTime: NaN }],
  "a StartTime that is a BigInt": [base, { ...base, InstanceId: "i-2", StartTime: 5n }],
  "a StartTime with a lone surrogate": [base, { ...base, InstanceId: "i-2", StartTime: `2026${lone}` }],
  "a StartTime that is an object": [{ ...base, StartTime: { at: "2026-01-01T00:00Z" } }],
  "10,001 items": Array.from({ length: 10001 }, (_, i) => ({ ...base, InstanceId: `i-${i}` })),
};

eachWalk("edge values answer alike through the projection and the live values", () => {
  for (const [label, resources] of Object.entries(EDGE)) {
    same("precheck_resources", { operation: "ecs:RebootInstance", resources, now: NOW }, label);
    same("precheck", { operation: "ecs:RebootInstance", params: { InstanceId: base.InstanceId }, resources, now: NOW }, label);
  }
});

eachWalk("plain pre-check vectors are answered by groups, exactly as the live values answer", async () => {
  // The wrapper falls back to the live path whenever grouping declines, so check directly that
  // grouping answers (and agrees) rather than always declining.
  const glue = await import("../pkg/opgate_wasm.js");
  const { grouped } = await import("../src/group.js");
  let answered = 0;
  for (const file of readdirSync(VECTORS).filter((name) => name.endsWith(".json")).sort()) {
    for (const c of parseExact(readFileSync(`${VECTORS}/${file}`, "utf8")).cases) {
      if (c.call !== "precheck_resources") continue;
      const options = { now: c.args.now ?? null, lang: c.args.lang };
      const answer = grouped(glue, readAnswer(glue.limits()).ok, c.args.operation, c.args.resources, options);
      if (answer === undefined) continue;
      assert.deepStrictEqual(answer, live_answer(glue, c.args.operation, c.args.resources, options), `${file}: ${c.name}`);
      answered += 1;
    }
  }
  // tests/vectors has 11 plain precheck_resources cases that succeed; one is a hostile size.
  assert.ok(answered >= 10, `grouping answered only ${answered} vectors`);
  for (const label of ["plain items", "300 items in three kinds", "a whole DescribeInstances response", "an id of 5,000 characters"]) {
    const options = { now: NOW };
    const answer = grouped(glue, readAnswer(glue.limits()).ok, "ecs:RebootInstance", EDGE[label], options);
    assert.notEqual(answer, undefined, `${label}: grouping declined`);
    assert.deepStrictEqual(answer, live_answer(glue, "ecs:RebootInstance", EDGE[label], options), label);
  }
});

eachWalk("plain precheck and check vectors are answered by groups, exactly as the live values answer", async () => {
  const glue = await import("../pkg/opgate_wasm.js");
  const { groupedTargets } = await import("../src/group.js");
  const limits = readAnswer(glue.limits()).ok;
  let answered = 0;
  for (const file of readdirSync(VECTORS).filter((name) => name.endsWith(".json")).sort()) {
    for (const c of parseExact(readFileSync(`${VECTORS}/${file}`, "utf8")).cases) {
      if ((c.call !== "precheck" && c.call !== "check") || !("params" in c.args)) continue;
      const options = { now: c.args.now ?? null, lang: c.args.lang };
      const refuse = c.call === "check";
      const envelope = groupedTargets(glue, limits, c.args.operation, c.args.params, c.args.resources, options, refuse);
      if (envelope === undefined) continue;
      const read = readAnswer((refuse ? glue.check : glue.precheck)(c.args.operation, c.args.params, live(c.args.resources), options));
      assert.deepStrictEqual(envelope, read, `${file}: ${c.name}`);
      answered += 1;
    }
  }
  assert.ok(answered >= 90, `grouping answered only ${answered} precheck and check vectors`);
});

function live_answer(glue, operation, resources, options) {
  const envelope = readAnswer(glue.precheckResources(operation, live(resources), options));
  assert.equal(envelope.error, undefined, "grouping answered a case the core refuses");
  return envelope.ok;
}

test("a list whose length lies is refused before any item is read, as on the live path", () => {
  const lying = new Proxy([base], { get: (target, key) => (key === "length" ? 2 ** 32 - 1 : target[key]) });
  const answer = outcome("precheck_resources", { operation: "ecs:RebootInstance", resources: lying, now: NOW });
  assert.ok(answer.error, "a list of 2^32-1 items must be refused");
  assert.equal(answer.error.errors[0].field, "resources");
});

eachWalk("the other operations' items answer alike", () => {
  const fleet = JSON.parse(readFileSync(new URL("../../examples/fleet.json", import.meta.url), "utf8"));
  const cases = [
    ["zec:RebootInstances", fleet.zec],
    ["zec:RebootInstances", { requestId: "T", response: { requestId: "T", totalCount: fleet.zec.length, dataSet: fleet.zec } }],
    ["zec:RebootInstances", { response: { requestId: "T" }, dataSet: fleet.zec }],
    ["computenest:RenewServiceInstanceResources", { TotalCount: 1, ServiceInstances: fleet.service_instances }],
    ["computenest:RenewServiceInstanceResources", fleet.service_instances],
    ["computenestsupplier:RestartServiceInstance", fleet.service_instances],
    // OperationMetadata as an object rather than JSON text: read whole, by the live path.
    ["computenestsupplier:RestartServiceInstance", fleet.service_instances.map((item) => ({ ...item, Service: { ...item.Service, OperationMetadata: JSON.parse(item.Service.OperationMetadata) } }))],
  ];
  for (const [operation, resources] of cases) {
    const answer = same("precheck_resources", { operation, resources, now: fleet.now }, operation);
    assert.ok(answer.ok, `${operation}: ${JSON.stringify(answer.error)}`);
  }
});

// Random items of every kind of value, at every place the ECS plan reads: the generated walk,
// the generic walk and the live values must give the same answer (or the same error). Seeded,
// so a failure names a case that can be run again.
test("random items answer alike through generated walks, generic walks and the live values", async () => {
  const glue = await import("../pkg/opgate_wasm.js");
  const { grouped } = await import("../src/group.js");
  const limits = readAnswer(glue.limits()).ok;
  let byGroups = 0;
  let seed = 0x9e3779b9;
  const random = () => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Mostly plain data, which grouping answers; now and then a value it must leave to the core.
  const plain = ["Running", "Stopped", "Starting", "security", "financial", "PrePaid", "PostPaid", "2020-01-01T00:00Z", "2099-12-31T15:59Z", "", 0, 7, -0, true, false, null, undefined];
  const odd = [lone, "\ue000", 2.5, NaN, 2 ** 53 + 2, 5n, new Date(0), new Map([["LockReason", "security"]]), new Getters()];
  const scalars = () => (random() < 0.97 ? pick(plain) : pick(odd));
  const value = (depth) => {
    const roll = random();
    if (depth > 2 || roll < 0.6) return scalars();
    if (roll < 0.7) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
    if (roll < 0.8) return { LockReason: value(depth + 1), LockMsg: value(depth + 1) };
    if (roll < 0.81) return new Item();
    if (roll < 0.9) return Object.assign(Object.create(null), { LockReason: scalars() });
    return { LockReason: Array.from({ length: Math.floor(random() * 3) }, () => (random() < 0.5 ? scalars() : { LockReason: scalars(), LockMsg: scalars() })) };
  };
  const item = (index) => {
    const out = { InstanceId: random() < 0.98 ? `i-${index % 7}` : value(0) };
    for (const field of ["Status", "OperationLocks", "InstanceChargeType", "ExpiredTime", "StartTime"]) {
      const roll = random();
      if (roll < 0.6) out[field] = base[field] ?? "2026-01-01T00:00Z";
      else if (roll < 0.95) out[field] = value(0);
    }
    return out;
  };
  const answer = (resources, jitless) => {
    opgate.configure({ jitless });
    return outcome("precheck_resources", { operation: "ecs:RebootInstance", resources, now: NOW });
  };
  try {
    for (let round = 0; round < 400; round += 1) {
      const resources = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, index) => item(index));
      const generated = answer(resources, false);
      const generic = answer(resources, true);
      const read = answer(live(resources), false);
      assert.deepStrictEqual(generated, generic, `round ${round}: generated and generic walks disagree`);
      assert.deepStrictEqual(generated, read, `round ${round}: grouping and the live values disagree`);
      opgate.configure({ jitless: false });
      if (grouped(glue, limits, "ecs:RebootInstance", resources, { now: NOW }) !== undefined) byGroups += 1;
    }
    // Enough rounds are plain data for the walks themselves to be compared.
    assert.ok(byGroups >= 40, `only ${byGroups} of 400 rounds were answered by groups`);
    console.log(`${byGroups} of 400 random rounds answered by groups`);
  } finally {
    opgate.configure({ jitless: false });
  }
});

// opgate from JS (the wasm build in Node) against its references, measured in one process:
// the official SDK (@alicloud/ecs20140526 on @alicloud/openapi-core, transport stubbed) for
// build(), and hand-written loops that give the same outcome shape (id, allowed, code, message)
// from the same fields for pre-checks; plus the size of what a page downloads.
//
//   node js/bench/bench.mjs FIXTURES_DIR [--out FILE] [--quick]
//
// Each row runs opgate and its reference in interleaved rounds and reports the median time of
// each and the median of the per-round ratios. Every loop's answers are compared with opgate's
// before timing. `bash js/run.sh bench` installs the SDK into js/bench/node_modules (its own
// package.json and lock, never installed by `make test`).

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import assert from "node:assert/strict";
import * as opgate from "../src/node.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? args[outIndex + 1] : null;
const fixtures = args.find((arg, i) => !arg.startsWith("--") && (outIndex < 0 || i !== outIndex + 1));
if (!fixtures) {
  console.error("usage: node js/bench/bench.mjs FIXTURES_DIR [--out FILE] [--quick]");
  process.exit(2);
}
const ROUNDS = quick ? 5 : 11;
const BUDGET_MS = quick ? 10 : 30;
const SIZES = [1, 100, 1000, 10000];
const ECS = "ecs:RebootInstance";
const ZEC = "zec:RebootInstances";
const RENEW = "computenest:RenewServiceInstanceResources";
const RESTART = "computenestsupplier:RestartServiceInstance";

const load = (shape) => JSON.parse(readFileSync(join(fixtures, `${shape}.json`), "utf8"));

// ----- the hand-written loops -----

const ECS_LOCK_CODES = {
  security: "InstanceLockedForSecurity",
  financial: "InstanceExpiredOrInArrears",
  dedicatedhostfinancial: "InstanceExpiredOrInArrears",
  recycling: "IncorrectInstanceStatus",
  refunded: "IncorrectInstanceStatus",
};

function ecsLoop(now, messages) {
  return (items) => {
    const outcomes = [];
    for (const item of items) {
      let code = null;
      const reasons = item.OperationLocks?.LockReason;
      if (Array.isArray(reasons) && reasons.length > 0) {
        const first = reasons[0];
        const reason = typeof first === "string" ? first : first.LockReason;
        code = ECS_LOCK_CODES[reason] ?? "IncorrectInstanceStatus";
      } else if (item.InstanceChargeType === "PrePaid" && Date.parse(item.ExpiredTime) / 1000 <= now) {
        code = "InstanceExpiredOrInArrears";
      } else if (item.Status !== "Running") {
        code = "IncorrectInstanceStatus";
      }
      outcomes.push({ id: item.InstanceId, allowed: code === null, code, message: code === null ? null : messages[code] });
    }
    return outcomes;
  };
}

function statusLoop(idField, statusField, allowed, refused, other, messages) {
  return (items) => {
    const outcomes = [];
    for (const item of items) {
      const status = item[statusField];
      const code = allowed.includes(status) ? null : (refused[status] ?? other);
      outcomes.push({ id: item[idField], allowed: code === null, code, message: code === null ? null : messages[code] });
    }
    return outcomes;
  };
}

function restartLoop(messages) {
  return (items) => {
    const outcomes = [];
    for (const item of items) {
      const metadata = JSON.parse(item.Service.OperationMetadata);
      const template = item.TemplateName;
      const offered = (metadata.StatusOperationConfigs ?? []).some(
        (config) => (template === undefined || config.TemplateName === undefined || config.TemplateName === template) && (config.SupportOperations ?? []).includes("Restart"),
      );
      const code = !offered ? "UnsupportedOperation" : item.Status !== "Deployed" ? "IncorrectServiceInstanceStatus" : null;
      outcomes.push({ id: item.ServiceInstanceId, allowed: code === null, code, message: code === null ? null : messages[code] });
    }
    return outcomes;
  };
}

const shapeOf = (verdict) =>
  verdict.outcomes.map((o) => ({ id: o.id, allowed: o.decision !== "deny", code: o.error ? o.error.code : null, message: o.error ? o.error.message : null }));

/** The provider's message per code (a loop's constant table), read once from opgate's answers. */
function messagesOf(operation, items, now) {
  const messages = {};
  for (const o of opgate.precheckResources(operation, items, { now }).outcomes) {
    if (o.error) messages[o.error.code] = o.error.message;
  }
  return messages;
}

function agree(name, ours, theirs) {
  const a = JSON.stringify(ours);
  const b = JSON.stringify(theirs);
  if (a !== b) {
    const index = ours.findIndex((o, i) => JSON.stringify(o) !== JSON.stringify(theirs[i]));
    throw new Error(`bench: the ${name} loop disagrees with opgate at item ${index}: ${JSON.stringify(ours[index])} vs ${JSON.stringify(theirs[index])}`);
  }
}

// ----- timing -----

async function perCall(fn, inner, isAsync) {
  const start = performance.now();
  if (isAsync) {
    for (let i = 0; i < inner; i += 1) await fn();
  } else {
    for (let i = 0; i < inner; i += 1) fn();
  }
  return ((performance.now() - start) * 1000) / inner;
}

async function calibrate(fn, isAsync) {
  await perCall(fn, 3, isAsync);
  const once = await perCall(fn, 1, isAsync);
  return Math.max(1, Math.min(100000, Math.floor((BUDGET_MS * 1000) / Math.max(once, 0.001))));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];

async function compare(key, path, reference, ours, theirs, { items = null, limit = null, target = "", rounds = ROUNDS, theirsAsync = false } = {}) {
  const innerOurs = await calibrate(ours, false);
  const innerTheirs = await calibrate(theirs, theirsAsync);
  const a = [];
  const b = [];
  const ratios = [];
  for (let round = 0; round < rounds; round += 1) {
    let x;
    let y;
    if (round % 2 === 0) {
      x = await perCall(ours, innerOurs, false);
      y = await perCall(theirs, innerTheirs, theirsAsync);
    } else {
      y = await perCall(theirs, innerTheirs, theirsAsync);
      x = await perCall(ours, innerOurs, false);
    }
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  const row = {
    key,
    lang: "js",
    path,
    items,
    opgate_us: median(a),
    reference,
    reference_us: median(b),
    ratio: median(ratios),
    ratio_min: Math.min(...ratios),
    ratio_max: Math.max(...ratios),
    rounds,
    target,
    limit,
  };
  row.met = limit === null ? null : row.ratio <= limit;
  rows.push(row);
  const verdict = limit === null ? "" : row.met ? "  ok" : `  MISSED (≤${limit}x)`;
  console.log(`  ${path.padEnd(62)} ${row.opgate_us.toFixed(1).padStart(11)} µs  vs ${row.reference_us.toFixed(1).padStart(11)} µs  ratio ${row.ratio.toFixed(2)}x${verdict}`);
}

// ----- the SDK reference: RebootInstance up to the transport -----

const INSTANCE_ID = "i-bp1h4adlltjc1d48goaq";

function sdk() {
  const require = createRequire(import.meta.url);
  let Ecs;
  let models;
  let dara;
  try {
    Ecs = require("@alicloud/ecs20140526");
    models = require("@alicloud/openapi-core");
    dara = require("@darabonba/typescript/dist/core.js");
  } catch {
    return null;
  }
  // The transport: capture the request the SDK would send and stop. A plain object, not an
  // Error, so no stack is captured on our side; the SDK's retry loop then gives up at once.
  dara.doAction = async (request) => {
    throw { sent: request };
  };
  const Client = Ecs.default;
  const client = new Client(new models.$OpenApiUtil.Config({ accessKeyId: "LTAI5tBenchKeyId", accessKeySecret: "bench-secret", regionId: "cn-hangzhou" }));
  const runtime = () => new dara.RuntimeOptions({});
  const versions = {};
  for (const name of ["@alicloud/ecs20140526", "@alicloud/openapi-core", "@darabonba/typescript"]) {
    versions[name] = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
  }
  // Signed: as the SDK always calls. Unsigned: the same call with the operation's authType set
  // to Anonymous, the SDK's own path that skips the signature.
  const call = (anonymous) => async () => {
    const callApi = client.callApi;
    if (anonymous) {
      client.callApi = (params, request, options) => {
        params.authType = "Anonymous";
        return callApi.call(client, params, request, options);
      };
    }
    try {
      await client.rebootInstanceWithOptions(new Ecs.RebootInstanceRequest({ instanceId: INSTANCE_ID }), runtime());
    } catch (error) {
      const sent = error?.sent ?? error?.data?.sent ?? error?.retryPolicyContext?.exception?.sent ?? error?.context?.exception?.sent;
      if (sent) return sent;
      throw error;
    } finally {
      client.callApi = callApi;
    }
    throw new Error("bench: the stubbed SDK transport was not reached");
  };
  return { signed: call(false), unsigned: call(true), versions };
}

// ----- main -----

const wasm = readFileSync(new URL("../pkg/opgate_wasm_bg.wasm", import.meta.url));
const wasmGzip = gzipSync(wasm, { level: 9 }).length;
const reference = sdk();
console.log(`# opgate ${opgate.info().version} wasm in node ${process.version}; SDK: ${reference ? JSON.stringify(reference.versions) : "not installed"}`);
console.log(`# js/pkg/opgate_wasm_bg.wasm: ${wasm.length} B raw, ${wasmGzip} B gzip -9 (${(wasmGzip / 1000).toFixed(1)} KB)`);

console.log("# pre-checks: opgate.precheckResources vs a hand-written loop, same outcome shape");
const fleet = load("ecs_fleet");
const full = load("ecs_full");
const now = fleet.now;
const ecs = ecsLoop(now, messagesOf(ECS, full.items, now));
const zec = load("zec");
const zecLoop = statusLoop("instanceId", "instanceStatus", ["RUNNING"], { RECYCLE: "OPERATION_DENIED_INSTANCE_RECYCLED", RECYCLING: "OPERATION_DENIED_INSTANCE_RECYCLED" }, "OPERATION_DENIED_INSTANCE_STATUS", messagesOf(ZEC, zec.items, now));
const shapes = [
  ["zec", ZEC, "ZEC items", zecLoop],
  ["ecs_fleet", ECS, "ECS items (fleet shape)", ecs],
  ["ecs_full", ECS, "full-shaped ECS items", ecs],
];
const data = { zec, ecs_fleet: fleet, ecs_full: full };
for (const [shape, operation, label, loop] of shapes) {
  const items = data[shape].items;
  agree(shape, shapeOf(opgate.precheckResources(operation, items, { now })), loop(items));
  for (const size of SIZES) {
    const chunk = items.slice(0, size);
    await compare(`js-precheck-${shape.replace("_", "-")}-${size}`, `precheckResources, ${size.toLocaleString("en")} ${label}`, "plain JS loop, same outcome shape", () => opgate.precheckResources(operation, chunk, { now }), () => loop(chunk), {
      items: size,
      limit: size === 1000 ? 3 : null,
      target: size === 1000 ? "≤3× the loop" : "",
      rounds: size === 1000 ? ROUNDS : Math.max(3, ROUNDS >> 1),
    });
  }
}
{
  const chunk = full.items.slice(0, 1000);
  const params = { InstanceId: "i-bp1notinthefleet0000" };
  await compare("js-input-ecs-full-1000", "input side: precheck of 1 absent target among 1,000 full ECS items", "plain JS loop over the same 1,000 items", () => opgate.precheck(ECS, params, chunk, { now }), () => ecs(chunk), { items: 1000 });
}
const RENEWABLE = ["Deployed", "Upgrading", "Stopped", "StartFailed", "StopFailed"];
for (const [shape, operation, makeLoop] of [
  ["computenest", RENEW, (messages) => statusLoop("ServiceInstanceId", "Status", RENEWABLE, {}, "IncorrectServiceInstanceStatus", messages)],
  ["computenestsupplier", RESTART, restartLoop],
]) {
  const items = load(shape).items;
  const run = makeLoop(messagesOf(operation, items, now));
  agree(shape, shapeOf(opgate.precheckResources(operation, items, { now })), run(items));
  for (const size of [100, 1000]) {
    const chunk = items.slice(0, size);
    await compare(`js-precheck-${shape}-${size}`, `precheckResources, ${size.toLocaleString("en")} ${shape} items`, "plain JS loop, same outcome shape", () => opgate.precheckResources(operation, chunk, { now }), () => run(chunk), {
      items: size,
      rounds: Math.max(3, ROUNDS >> 1),
    });
  }
}

console.log("# build(): opgate (the browser build does not sign) vs the official SDK up to its stubbed transport");
if (reference) {
  const ours = opgate.build(ECS, { InstanceId: INSTANCE_ID }, { region: "cn-hangzhou" });
  const theirs = await reference.signed();
  if (ours.host !== theirs.headers.host) {
    throw new Error(`bench: opgate and the SDK build different requests: ${ours.host} vs ${theirs.headers.host}`);
  }
  const unsigned = await reference.unsigned();
  if (unsigned.headers.authorization !== undefined || unsigned.headers.Authorization !== undefined) {
    throw new Error("bench: the SDK's anonymous path still signed the request");
  }
  const build = () => opgate.build(ECS, { InstanceId: INSTANCE_ID }, { region: "cn-hangzhou" });
  await compare("js-build-vs-sdk-signed", "build(), one ECS request", "@alicloud/ecs20140526 up to the transport, signed", build, reference.signed, { theirsAsync: true });
  await compare("js-build-vs-sdk-unsigned", "build(), one ECS request", "@alicloud/ecs20140526 up to the transport, unsigned", build, reference.unsigned, {
    theirsAsync: true,
    limit: 0.2,
    target: "≥5× faster than the SDK unsigned",
  });
  // The SDK's client holds its configuration (region, endpoint) across calls; a RequestBuilder
  // holds the operation and options the same way, and each call reads only its params.
  const builder = new opgate.RequestBuilder(ECS, { region: "cn-hangzhou" });
  const built = () => builder.build({ InstanceId: INSTANCE_ID });
  assert.deepStrictEqual(built(), ours);
  await compare("js-builder-vs-sdk-unsigned", "RequestBuilder.build(), one ECS request", "@alicloud/ecs20140526 up to the transport, unsigned", built, reference.unsigned, {
    theirsAsync: true,
    limit: 0.2,
    target: "≥5× faster than the SDK unsigned",
  });
} else {
  console.log("  the SDK is not installed here (bash js/run.sh bench installs it)");
}

rows.push({ key: "wasm-size", lang: "js", path: "wasm size (js/pkg/opgate_wasm_bg.wasm, gzip -9)", opgate_bytes: wasmGzip, raw_bytes: wasm.length, limit_bytes: 100000, target: "≤100 KB gzip", met: wasmGzip <= 100000 });

if (out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ meta: { node: process.version, opgate: opgate.info().version, sdk: reference?.versions ?? null, rounds: ROUNDS }, rows }, null, 1));
}

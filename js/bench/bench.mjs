// `bash js/run.sh bench`: the size of what a console page downloads, and how long a pre-check
// of a 100-instance fleet takes through the wasm build in Node.

import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { performance } from "node:perf_hooks";
import * as opgate from "opgate";

const pkg = (name) => readFileSync(new URL(`../pkg/${name}`, import.meta.url));
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function sizes(name) {
  const bytes = pkg(name);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${name.padEnd(22)} raw ${String(bytes.length).padStart(7)} B (${kib(bytes.length)})   gzip -9 ${String(gzip).padStart(7)} B (${kib(gzip)})   brotli ${String(brotli).padStart(7)} B (${kib(brotli)})`);
}

/** Median time per call over `rounds` rounds of `inner` calls each, after a warm-up. */
function measure(label, fn, { rounds = 15, inner = 200 } = {}) {
  for (let i = 0; i < inner; i += 1) fn();
  const per = [];
  for (let r = 0; r < rounds; r += 1) {
    const start = performance.now();
    for (let i = 0; i < inner; i += 1) fn();
    per.push(((performance.now() - start) * 1000) / inner);
  }
  per.sort((a, b) => a - b);
  const median = per[Math.floor(per.length / 2)];
  console.log(`${label.padEnd(58)} median ${median.toFixed(1).padStart(8)} µs/call   (${Math.round(1e6 / median)} calls/s; min ${per[0].toFixed(1)}, max ${per.at(-1).toFixed(1)})`);
}

const STATES = ["Running", "Running", "Running", "Stopped", "Starting", "Pending"];
const fleet = Array.from({ length: 100 }, (_, i) => ({
  InstanceId: `i-bp1h4adlltjc1d${String(i).padStart(6, "0")}`,
  InstanceName: `node-${i}`,
  Status: STATES[i % STATES.length],
  RegionId: "cn-hangzhou",
  InstanceChargeType: i % 10 === 0 ? "PrePaid" : "PostPaid",
  ExpiredTime: i % 20 === 0 ? "2026-01-01T00:00Z" : "2099-12-31T15:59Z",
  OperationLocks: { LockReason: i % 25 === 0 ? [{ LockReason: "security" }] : [] },
}));
const now = 1795000000;

console.log("# opgate wasm build (js/pkg/, after wasm-opt when available)");
sizes("opgate_wasm_bg.wasm");
sizes("opgate_wasm.js");
console.log(`# node ${process.version}, 100-instance ECS fleet`);
const verdict = opgate.precheckResources("ecs:RebootInstance", fleet, { now });
console.log(`precheckResources: ${verdict.allowedIds.length} allowed, ${verdict.deniedIds.length} denied`);
measure("precheckResources(ecs:RebootInstance, 100 instances)", () => opgate.precheckResources("ecs:RebootInstance", fleet, { now }));
measure("precheckResources(…, 100 instances, lang zh)", () => opgate.precheckResources("ecs:RebootInstance", fleet, { now, lang: "zh" }));
measure("precheck(ecs:RebootInstance, 1 target among 100)", () => opgate.precheck("ecs:RebootInstance", { InstanceId: fleet[50].InstanceId }, fleet, { now }));
measure("validate(ecs:RebootInstance)", () => opgate.validate("ecs:RebootInstance", { InstanceId: fleet[0].InstanceId }), { inner: 2000 });
measure("build(ecs:RebootInstance)", () => opgate.build("ecs:RebootInstance", { InstanceId: fleet[0].InstanceId }, { region: "cn-hangzhou" }), { inner: 2000 });

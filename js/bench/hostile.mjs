// `bash js/run.sh bench-hostile` (part of `make bench-hostile`): times every case of
// tests/vectors/hostile.json through the WebAssembly build in Node, conversions included.
// Each must finish in under a second, answered or refused with a code; exits 1 otherwise.

import { performance } from "node:perf_hooks";
import * as opgate from "opgate";
import { SKIPPED, invoke } from "../test/calls.mjs";
import { expand, loadHostile } from "../test/hostile.mjs";

const LIMIT_MS = 1000;
const wanted = process.argv[2] ?? "";
const slow = [];
console.log(`${"hostile case (JS)".padEnd(56)} ${"time".padStart(12)}  answer`);
for (const c of loadHostile().cases) {
  if (!c.name.includes(wanted) || SKIPPED[c.call]) {
    continue;
  }
  const args = expand(c.args);
  const started = performance.now();
  let answer = "answered";
  try {
    invoke(c.call, args);
  } catch (error) {
    if (!(error instanceof opgate.OpgateError)) {
      throw error;
    }
    answer = `refused: ${error.code}`;
  }
  const elapsed = performance.now() - started;
  console.log(`${c.name.padEnd(56)} ${elapsed.toFixed(1).padStart(9)} ms  ${answer}`);
  if (elapsed >= LIMIT_MS) {
    slow.push(c.name);
  }
}
if (slow.length > 0) {
  console.error(`over ${LIMIT_MS} ms: ${slow.join(", ")}`);
  process.exit(1);
}

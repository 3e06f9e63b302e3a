// Checks the hand-written declarations (src/index.d.ts) against real results: every result of
// the shared vectors (and every error report) is written into a TypeScript file as a literal
// of the type the declarations promise for that call, then compiled with `tsc --strict`. Object
// literals get excess-property checks, so a field the Rust core adds, drops or retypes fails
// here. Also compiles the typed example (examples/typed.ts).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as opgate from "opgate";
import { SKIPPED, invoke } from "./calls.mjs";
import { parseExact } from "./helpers.mjs";

const JS = fileURLToPath(new URL("..", import.meta.url));
const VECTORS = process.env.OPGATE_VECTORS_DIR ?? fileURLToPath(new URL("../../tests/vectors/", import.meta.url));
const OUT = fileURLToPath(new URL("../test-results/types/", import.meta.url));
const TSC = `${JS}node_modules/typescript/bin/tsc`;

const TYPES = {
  operations: "OperationDescription[]",
  operation: "OperationDescription",
  validate: "Validated",
  precheck: "Verdict",
  precheck_resources: "Verdict",
  check: "Verdict",
  wait_status: "WaitState",
  build: "HttpRequest",
  endpoint: "Endpoint",
  parse_response: "ApiResponse",
  ram_parse_policy: "Policy",
  ram_required_access: "RequiredAccess[]",
  ram_authorize: "Authorization",
  ram_evaluate: "AccessCheck",
  client_token: "ClientToken",
  classify: "Classification",
  retry_advice: "RetryAdvice",
  access_denied: "AccessExplanation",
  plan: "Plan",
  plan_and_merge: "PlanOutcome",
  wait: "WaitReport[]",
};

function tsc(...args) {
  try {
    execFileSync(process.execPath, [TSC, ...args], { cwd: JS, encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (error) {
    return `${error.stdout}${error.stderr}`;
  }
}

const STRICT = ["--strict", "--noEmit", "--exactOptionalPropertyTypes", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--lib", "es2022"];

test("examples/typed.ts compiles with tsc --strict (tsconfig.json)", () => {
  assert.equal(tsc("-p", "tsconfig.json"), "");
});

test("every vector result and error report has the declared type", () => {
  const used = new Set();
  const lines = [`import type { ${[...new Set(Object.values(TYPES).map((t) => t.replace("[]", "")))].join(", ")}, ErrorReport } from "opgate";`];
  let count = 0;
  // hostile.json's large results are checked by hostile.test.mjs; its arguments are recipes.
  for (const file of readdirSync(VECTORS).filter((f) => f.endsWith(".json") && f !== "hostile.json").sort()) {
    for (const c of parseExact(readFileSync(`${VECTORS}/${file}`, "utf8")).cases) {
      if (SKIPPED[c.call]) {
        continue;
      }
      assert.ok(TYPES[c.call], `no declared type for call "${c.call}"`);
      let value;
      let type;
      try {
        value = invoke(c.call, c.args);
        type = TYPES[c.call];
        used.add(c.call);
      } catch (error) {
        assert.ok(error instanceof opgate.OpgateError, String(error));
        value = error.report;
        type = "ErrorReport";
      }
      lines.push(`// ${file}: ${c.name.replace(/\n/g, " ")}`, `export const v${count}: ${type} = ${JSON.stringify(value)};`);
      count += 1;
    }
  }
  assert.ok(count > 100, `only ${count} results`);
  assert.deepStrictEqual([...used].sort(), Object.keys(TYPES).sort(), "every call has at least one ok result to check");
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}results.ts`, `${lines.join("\n")}\n`);
  const errors = tsc(...STRICT, `${OUT}results.ts`);
  assert.equal(errors, "", `results that do not match src/index.d.ts:\n${errors.slice(0, 4000)}`);
});

test("the type check can fail: a result with a changed field is refused", () => {
  const verdict = opgate.precheckResources("ecs:RebootInstance", [{ InstanceId: "i-bp1h4adlltjc1d48goaq", Status: "Running" }], { now: null });
  const bad = { ...verdict, dry_run: verdict.dryRun };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}bad.ts`, `import type { Verdict } from "opgate";\nexport const v: Verdict = ${JSON.stringify(bad)};\n`);
  assert.match(tsc(...STRICT, `${OUT}bad.ts`), /dry_run/);
});

test("the declarations refuse what the core refuses: an unknown operation id, language or option", () => {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    `${OUT}refused.ts`,
    [
      `import { precheckResources, operations, ramRequiredAccess } from "opgate";`,
      `precheckResources("ecs:Nope", []);`,
      `operations({ lang: "fr" });`,
      `ramRequiredAccess("ecs:RebootInstance", {}, { region: "cn-hangzhou" });`,
      `const decision: "allow" | "deny" = precheckResources("ecs:RebootInstance", []).outcomes[0]!.decision;`,
      "",
    ].join("\n"),
  );
  const errors = tsc(...STRICT, `${OUT}refused.ts`);
  const lines = new Set([...errors.matchAll(/refused\.ts\((\d+),/g)].map((m) => Number(m[1])));
  assert.deepStrictEqual([...lines].sort(), [2, 3, 4, 5], errors);
});

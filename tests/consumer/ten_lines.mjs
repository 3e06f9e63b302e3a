// Runs README.md's JavaScript "Ten lines" (an ES module) and its CommonJS example unchanged,
// inside a consumer project that has the packed tarball installed:
//
//   node tests/consumer/ten_lines.mjs <project dir> [README.md] [examples/fleet.json]
//
// The snippets are read out of the README (the fenced blocks after
// `<!-- consumer-test: ten-lines-js -->` and `<!-- consumer-test: cjs -->`) and written into the
// project next to small stand-ins for what they leave to the reader: `zecItems` and `items` are
// the ZEC and ECS instances of examples/fleet.json, `button(id)` and `note(id)` stand-in page
// elements. Each file runs in its own Node process with the project as working directory, so
// `opgate` resolves to the project's node_modules, never to this repository's js/ directory.
// Then it checks the CommonJS entry's contract (init() required, the same API and classes as
// the ES module).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const [projectArg, readmeArg, fleetArg] = process.argv.slice(2);
if (!projectArg) {
  console.error("usage: node tests/consumer/ten_lines.mjs <project dir> [README.md] [fleet.json]");
  process.exit(2);
}
const project = realpathSync(resolve(projectArg));
const readme = readFileSync(readmeArg ?? join(ROOT, "README.md"), "utf8");
const fleet = JSON.parse(readFileSync(fleetArg ?? join(ROOT, "examples/fleet.json"), "utf8"));

function block(name) {
  const pattern = new RegExp(`<!-- consumer-test: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``, "g");
  const found = [...readme.matchAll(pattern)];
  assert.equal(found.length, 1, `README.md: expected one block marked ${name}, found ${found.length}`);
  return found[0][1];
}

function run(file) {
  return execFileSync(process.execPath, [file], { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

// Where `opgate` resolves from the project: its own node_modules, not this repository.
const resolved = realpathSync(
  execFileSync(process.execPath, ["-p", 'require.resolve("opgate")'], { cwd: project, encoding: "utf8" }).trim(),
);
assert.ok(resolved.startsWith(join(project, "node_modules", "opgate") + "/"), `opgate resolves to ${resolved}, not the project's node_modules`);
assert.ok(!resolved.startsWith(ROOT), `opgate resolves into the repository: ${resolved}`);

// --- The ES module Ten lines -------------------------------------------------------------
const elements = `
// Stand-ins for the page: one element per id, recorded for the check.
export const zecItems = ${JSON.stringify(fleet.zec)};
export const shown = new Map();
const element = (kind) => (id) => {
  const key = kind + ":" + id;
  if (!shown.has(key)) shown.set(key, {});
  return shown.get(key);
};
export const button = element("button");
export const note = element("note");
`;
writeFileSync(join(project, "opgate-fixtures.mjs"), elements);
writeFileSync(
  join(project, "opgate-ten-lines.mjs"),
  `import { zecItems, button, note } from "./opgate-fixtures.mjs";\n${block("ten-lines-js")}\nexport { verdict, request };\n`,
);
writeFileSync(
  join(project, "opgate-ten-lines-check.mjs"),
  `import { verdict, request } from "./opgate-ten-lines.mjs";
import { shown } from "./opgate-fixtures.mjs";
console.log(JSON.stringify({ verdict, request, shown: Object.fromEntries(shown) }));
`,
);
const esm = JSON.parse(run("opgate-ten-lines-check.mjs"));
// ZEC reboots RUNNING instances only: the others' buttons are disabled, each with its reason shown.
const running = fleet.zec.filter((item) => item.instanceStatus === "RUNNING").map((item) => item.instanceId);
for (const item of fleet.zec) {
  const id = item.instanceId;
  assert.equal(esm.shown[`button:${id}`]?.disabled, item.instanceStatus !== "RUNNING", `button ${id} (${item.instanceStatus})`);
  const text = esm.shown[`note:${id}`]?.textContent;
  assert.ok(typeof text === "string" && text.length > 0, `note ${id} shows a reason`);
  if (item.instanceStatus !== "RUNNING") {
    assert.match(text, /^OPERATION_DENIED_INSTANCE_[A-Z]+: /, `note ${id} starts with the provider's code`);
  }
}
assert.deepEqual(esm.verdict.allowedIds, running);
assert.equal(esm.request.method, "POST");
assert.deepEqual(JSON.parse(esm.request.body).instanceIds, running, "the request reboots the allowed ids");
console.log(`ten_lines.mjs: the ES module Ten lines ran in ${project} (${fleet.zec.length} buttons, ${running.length} enabled)`);

// --- The CommonJS example ----------------------------------------------------------------
writeFileSync(join(project, "opgate-cjs.cjs"), `const items = ${JSON.stringify(fleet.ecs)};\n${block("cjs")}\n`);
const lines = run("opgate-cjs.cjs").trimEnd().split("\n");
assert.equal(lines.length, fleet.ecs.length, `one line per ECS instance: ${JSON.stringify(lines)}`);
for (const [index, item] of fleet.ecs.entries()) {
  const [id, decision, code = ""] = lines[index].split(" ");
  assert.equal(id, item.InstanceId);
  assert.ok(decision === "allow" || decision === "deny", lines[index]);
  // Pay-as-you-go and unlocked: only the status decides (no expiry, no lock).
  const plain = item.InstanceChargeType === "PostPaid" && (item.OperationLocks?.LockReason ?? []).length === 0;
  if (plain && item.Status === "Running") {
    assert.equal(decision, "allow", lines[index]);
  }
  if (plain && item.Status === "Stopped") {
    assert.deepEqual([decision, code], ["deny", "IncorrectInstanceStatus"], lines[index]);
  }
  assert.equal(decision === "deny", code !== "", `a denial names its code: ${lines[index]}`);
}
console.log(`ten_lines.mjs: the CommonJS example ran (${lines.length} instances)`);

// --- The CommonJS entry's contract -------------------------------------------------------
writeFileSync(
  join(project, "opgate-cjs-contract.cjs"),
  `const assert = require("node:assert/strict");
const opgate = require("opgate");
assert.equal(opgate.isReady(), false);
assert.throws(() => opgate.operations(), /await init\\(\\)/);
assert.throws(() => opgate.DeniedError, /await init\\(\\)/);
(async () => {
  const pending = opgate.init();
  assert.equal(opgate.init(), pending, "init() is idempotent");
  await pending;
  assert.equal(opgate.isReady(), true);
  const esm = await import("opgate");
  assert.deepEqual(Object.keys(opgate).sort(), Object.keys(esm).sort(), "the same names as the ES module");
  for (const name of Object.keys(esm)) {
    if (/^[A-Z]/.test(name)) assert.equal(opgate[name], esm[name], name + " is the ES module's class");
  }
  assert.equal(opgate.info().version, require("opgate/package.json").version);
  assert.equal(opgate.info().signing, false);
  assert.equal(opgate.operations().length, 4);
  try {
    opgate.check("zec:RebootInstances", { instanceIds: ["1"] }, [{ instanceId: "1", instanceStatus: "STOPPED" }]);
    assert.fail("check() should throw");
  } catch (error) {
    assert.ok(error instanceof opgate.DeniedError && error instanceof esm.OpgateError);
    assert.equal(error.field, "instanceIds[0]");
  }
  console.log("ok");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`,
);
assert.equal(run("opgate-cjs-contract.cjs").trim(), "ok");
console.log("ten_lines.mjs: require(\"opgate\") needs init(), then gives the ES module's API and classes");

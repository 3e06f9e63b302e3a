// Runs every tests/vectors/*.json case through the WebAssembly build and checks the same
// `expect` as the Rust and Python suites. Results are compared with `expect.ok` after the one
// key rename the JS API makes (snake_case keys of opgate's own structures → camelCase); errors
// are compared through `err.report`, the core's report exactly. An unknown `call` fails, so
// the three suites stay in lockstep. The only skip is `sign`, which this build does not have.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as opgate from "opgate";
import { camelKey, camelize, parseExact } from "./helpers.mjs";
import { SKIPPED, invoke } from "./calls.mjs";

const VECTORS = process.env.OPGATE_VECTORS_DIR ?? fileURLToPath(new URL("../../tests/vectors/", import.meta.url));

// hostile.json has its own runner (hostile.test.mjs), which expands its recipes and bounds the work.
const files = readdirSync(VECTORS)
  .filter((name) => name.endsWith(".json") && name !== "hostile.json")
  .sort();

test("vector files exist", () => {
  assert.ok(files.length > 0, `no vector files in ${VECTORS}`);
  assert.ok(files.some((f) => f.startsWith("core_")), "the core vectors are missing");
});

let ran = 0;
for (const file of files) {
  const text = readFileSync(`${VECTORS}/${file}`, "utf8");
  const suite = JSON.parse(text);
  // Arguments keep 64-bit integers exact (as BigInt); expectations are compared as JS reads JSON.
  const exactArgs = parseExact(text).cases.map((c) => c.args);
  test(file, async (t) => {
    assert.ok(Array.isArray(suite.cases) && suite.cases.length > 0, `${file} has no cases`);
    for (const [index, c] of suite.cases.entries()) {
      if (SKIPPED[c.call]) {
        await t.test(c.name, { skip: SKIPPED[c.call] }, () => {});
        continue;
      }
      await t.test(c.name, () => {
        assert.ok(c.expect && ("ok" in c.expect || "error" in c.expect), `case "${c.name}" has no expect`);
        let result;
        let error;
        try {
          result = invoke(c.call, exactArgs[index]);
        } catch (caught) {
          if (!(caught instanceof opgate.OpgateError)) {
            throw caught;
          }
          error = caught;
        }
        ran += 1;
        if ("ok" in c.expect) {
          assert.equal(error, undefined, `expected ok, got ${error}`);
          assert.deepStrictEqual(result, camelize(c.expect.ok));
        } else {
          assert.ok(error, `expected an error of kind ${c.expect.error.kind}, got ${JSON.stringify(result)}`);
          assert.deepStrictEqual(error.report, c.expect.error);
          assert.equal(error.kind, c.expect.error.kind);
          const first = c.expect.error.errors[0];
          assert.equal(error.code, first.code);
          assert.equal(error.httpStatus, first.http_status);
          assert.equal(error.message, first.message);
          assert.equal(error.field, first.field);
          assert.equal(error.retryable, c.expect.error.errors.some((e) => e.retryable));
          const expectedClass = { input: "InputError", validation: "ValidationError", denied: "DeniedError", api: "ApiError", parse: "ParseError", policy: "PolicyError" }[error.kind];
          assert.ok(error instanceof opgate[expectedClass], `${error.kind} errors are ${expectedClass}s`);
          if (error.kind === "api") {
            assert.equal(error.requestId, c.expect.error.api?.request_id ?? null);
            assert.equal(error.providerMessage, c.expect.error.api?.provider_message ?? null);
          }
        }
      });
    }
  });
}

// `new RequestBuilder(operation, options).build(params)` answers every build vector as
// `build` does: the result, or the same error from the constructor or from `build`.
test("build vectors through a RequestBuilder", () => {
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(`${VECTORS}/${file}`, "utf8");
    const exact = parseExact(text).cases;
    for (const [index, c] of JSON.parse(text).cases.entries()) {
      if (c.call !== "build") continue;
      const { operation, params, ...rest } = exact[index].args;
      const options = { now: null };
      for (const [name, value] of Object.entries(rest)) options[camelKey(name) ?? name] = value;
      let got;
      try {
        got = { ok: new opgate.RequestBuilder(operation, options).build(params) };
      } catch (caught) {
        if (!(caught instanceof opgate.OpgateError)) throw caught;
        got = { error: caught.report };
      }
      const expected = "ok" in c.expect ? { ok: camelize(c.expect.ok) } : { error: c.expect.error };
      assert.deepStrictEqual(got, expected, `${file}: ${c.name}`);
      checked += 1;
    }
  }
  assert.ok(checked > 20, `only ${checked} build vectors`);
});

test("a RequestBuilder builds many requests alike, and keeps nothing from one to the next", () => {
  const builder = new opgate.RequestBuilder("ecs:RebootInstance", { region: "cn-hangzhou" });
  assert.equal(builder.operation, "ecs:RebootInstance");
  for (let index = 0; index < 3; index += 1) {
    const params = { InstanceId: `i-bp1abcdefghij012345${index}`, ForceStop: index === 1 };
    assert.deepStrictEqual(builder.build(params), opgate.build("ecs:RebootInstance", params, { region: "cn-hangzhou" }));
  }
  assert.throws(() => builder.build({ InstanceId: 5 }), opgate.ValidationError);
  assert.ok(builder.build({ InstanceId: "i-bp1abcdefghij0123450" }).url.endsWith("InstanceId=i-bp1abcdefghij0123450"));
  assert.throws(() => new opgate.RequestBuilder("ecs:NoSuchCall"), (error) => error instanceof opgate.InputError && error.code === "UnsupportedOperation" && error.field === "operation");
  assert.throws(() => new opgate.RequestBuilder("ecs:RebootInstance", { region: 5 }), (error) => error instanceof opgate.InputError && error.field === "region");
});

test("every runnable case ran", () => {
  const runnable = files.flatMap((f) => JSON.parse(readFileSync(`${VECTORS}/${f}`, "utf8")).cases).filter((c) => !SKIPPED[c.call]).length;
  assert.equal(ran, runnable);
});

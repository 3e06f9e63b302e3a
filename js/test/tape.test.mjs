// Results cross from wasm as a tape (bindings/wasm/src/tape.rs, read by src/tape.js). Provider
// data passes through it unchanged, so a response body read by parseResponse must come back as
// JSON.parse reads the same text: every kind of value, lengths of every form, and the keys and
// characters the grammar itself uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as opgate from "opgate";

const long = (count) => "é".repeat(count >> 1) + "x".repeat(count - (count >> 1));

const body = JSON.stringify({
  RequestId: "r-tape",
  Strings: ["", "a", "}", "]", "~", "!", "~12.", "\u0000\u001f\"\\\n", "中文 😀 \ud83d\ude00", long(91), long(92), long(999), long(1000), long(20000)],
  Numbers: [0, 1, -1, 1.5, -0.25, 1e21, 1.5e-7, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e300],
  Flags: [true, false, null],
  Empty: [{}, [], [[]], { "": "" }],
  Keys: { "}": 1, "]": 2, "~": 3, "!": 4, "d": 5, 中文: 6, "😀": 7, [long(200)]: 8 },
});
// A `__proto__` key, written into the text: an object literal would set the prototype instead.
const withProto = body.replace('"Flags"', '"Proto":{"__proto__":{"polluted":true},"after":1},"Flags"');

test("provider data comes back through the tape exactly as JSON.parse reads the body", () => {
  const read = opgate.parseResponse("ecs:RebootInstance", 200, withProto, []);
  assert.equal(read.outcome, "succeeded");
  assert.deepStrictEqual(read.data, JSON.parse(withProto));
  assert.deepEqual(Object.keys(read.data.Proto), ["__proto__", "after"]);
  assert.equal(Object.getPrototypeOf(read.data.Proto), Object.prototype);
  assert.equal({}.polluted, undefined);
});

test("-0 survives the tape, as JSON.parse keeps it", () => {
  const read = opgate.parseResponse("ecs:RebootInstance", 200, '{"RequestId":"r","Zero":-0.0}', []);
  assert.ok(Object.is(read.data.Zero, -0));
});

test("a cut or foreign answer is an error, never a hang", async () => {
  const { envelope } = await import("../src/tape.js");
  for (const answer of ["", "X", "O", "O{", "O{\"", "O{$key", "O{~12", "O{~12.", "Os~99.abc", "O[", "O[s", "Os}", "E{"]) {
    assert.throws(() => envelope(answer), /unreadable answer from the WebAssembly glue/, JSON.stringify(answer));
  }
  // `$` is a length of 3 ("!" + 3): the same text, whole, reads.
  assert.deepStrictEqual(envelope("O{$key[tn]}"), { ok: { key: [true, null] } });
});

// Reading tests/vectors/hostile.json and expanding its recipes (tests/vectors/README.md,
// "Hostile inputs"), shared by hostile.test.mjs and bench/hostile.mjs. `$list` repeats one
// value by reference, as a caller's `Array(n).fill(policy)` would.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const VECTORS = process.env.OPGATE_VECTORS_DIR ?? fileURLToPath(new URL("../../tests/vectors/", import.meta.url));

export function loadHostile() {
  return JSON.parse(readFileSync(`${VECTORS}/hostile.json`, "utf8"));
}

const numbered = (template, i) => template.replaceAll("{i}", String(i));

/** The value a case means: every recipe replaced by what it builds. */
export function expand(value) {
  if (Array.isArray(value)) {
    return value.map(expand);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const [first = ""] = Object.keys(value);
  switch (first) {
    case "$repeat":
      return expand(value.$repeat).repeat(value.times);
    case "$concat":
      return value.$concat.map(expand).join("");
    case "$list":
      return new Array(value.times).fill(expand(value.$list));
    case "$numbered": {
      const template = expand(value.$numbered);
      return Array.from({ length: value.times }, (_, i) => numbered(template, i));
    }
    case "$object": {
      const template = expand(value.$object);
      const item = expand(value.value ?? null);
      const out = {};
      for (let i = 0; i < value.times; i += 1) {
        out[numbered(template, i)] = item;
      }
      return out;
    }
    case "$json":
      return JSON.stringify(expand(value.$json));
    default:
      if (first.startsWith("$")) {
        throw new Error(`unknown recipe ${first}`);
      }
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expand(item)]));
  }
}

// The key rename the JS API applies to results (see js/src/api.js), for comparing with vectors.
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

export function camelKey(key) {
  return SNAKE.test(key) ? key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()) : null;
}

export function camelize(value) {
  if (Array.isArray(value)) {
    return value.map(camelize);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelKey(k) ?? k, camelize(v)]));
  }
  return value;
}

const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const MARK = "\u0000bigint:"; // as JSON text writes it: "\\u0000bigint:"
const MARK_JSON = "\\u0000bigint:";

/**
 * JSON.parse, but integer literals a JS number cannot hold exactly become BigInts, the faithful
 * JS form of a vector's 64-bit integer argument (e.g. a ZEC instance id given as a number).
 */
export function parseExact(text) {
  const marked = text.replace(TOKEN, (token) => (token.startsWith('"') || /[.eE]/.test(token) || Number.isSafeInteger(Number(token)) ? token : `"${MARK_JSON}${token}"`));
  return JSON.parse(marked, (_, value) => (typeof value === "string" && value.startsWith(MARK) ? BigInt(value.slice(MARK.length)) : value));
}

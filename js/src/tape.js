// The glue's answers, read back into plain JS data. Every export answers a string: `O` then the
// result, or `E` then the error report, each written as a tape by bindings/wasm/src/tape.rs
// (its module comment has the grammar). Strings and numbers carry their length, so reading
// one is a slice, not a scan for quotes and escapes as JSON.parse must do: a small result
// reads in half the time.
//
// The reader keeps its place in module state: it runs no user code, so nothing can re-enter it.

let tape = "";
let at = 0;

const FIRST = 0x21; // "!"
const LONG = 0x7e; // "~"
const DOT = 0x2e;
const ZERO = 0x30;

// One character `!` + n, or `~`, n in decimal, `.`.
function length() {
  const unit = tape.charCodeAt(at++);
  if (unit >= FIRST && unit < LONG) return unit - FIRST;
  if (unit !== LONG) unreadable(at - 1);
  let count = 0;
  let digit = tape.charCodeAt(at++);
  for (; digit >= ZERO && digit <= ZERO + 9; digit = tape.charCodeAt(at++)) count = count * 10 + (digit - ZERO);
  // Past the end, charCodeAt answers NaN: a cut tape stops here rather than looping.
  if (digit !== DOT) unreadable(at - 1);
  return count;
}

function unreadable(position) {
  throw new Error(`opgate: unreadable answer from the WebAssembly glue at ${position} (js/pkg built from other sources?)`);
}

function text() {
  const count = length();
  const start = at;
  at += count;
  if (at > tape.length) unreadable(start);
  return tape.slice(start, at);
}

function value() {
  switch (tape.charCodeAt(at++)) {
    case 0x73: // s
      return text();
    case 0x64: // d: the number as JSON spells it, which Number reads as JSON.parse does
      return Number(text());
    case 0x6e: // n
      return null;
    case 0x74: // t
      return true;
    case 0x66: // f
      return false;
    case 0x5b: {
      // [ values ]
      const list = [];
      while (tape.charCodeAt(at) !== 0x5d) list.push(value());
      at += 1;
      return list;
    }
    case 0x7b: {
      // { (key value)* }
      const object = {};
      while (tape.charCodeAt(at) !== 0x7d) {
        const key = text();
        const item = value();
        if (key === "__proto__") {
          // As JSON.parse makes it: an own key, not the object's prototype.
          Object.defineProperty(object, key, { value: item, enumerable: true, writable: true, configurable: true });
        } else {
          object[key] = item;
        }
      }
      at += 1;
      return object;
    }
    default:
      return unreadable(at - 1);
  }
}

/** `{ok: result}` or `{error: report}`, from a glue export's answer. */
export function envelope(answer) {
  tape = answer;
  at = 1;
  try {
    switch (answer.charCodeAt(0)) {
      case 0x4f: // O
        return { ok: value() };
      case 0x45: // E
        return { error: value() };
      default:
        return unreadable(0);
    }
  } finally {
    tape = "";
  }
}

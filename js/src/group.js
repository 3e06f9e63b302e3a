// Pre-checks on the JS side of the boundary: items that agree on every field the operation's
// guards read (the id aside) get the same answer, so only one representative per distinct item
// crosses into wasm, with an index per item (and, for precheck and check, each item's id). The
// core decides everything: which fields count (its grouping plan), each representative's
// decision, error and transition, the overall verdict, and the reason with the places where an
// item's id goes. This file only compares items and copies each group's answer to its items.
//
// Any value that is not plain data (a class instance, a Map, a BigInt, a fraction, a getter that
// throws, a lone surrogate, a value near the limits…) makes `grouped` and `groupedTargets`
// return undefined, and the caller asks the core with the live values, which words every error
// with its own paths.

import { envelope as read } from "./tape.js";

const PLAIN = Object.prototype;
const wellFormed = typeof String.prototype.isWellFormed === "function" ? (text) => text.isWellFormed() : (text) => !/[\ud800-\udfff]/.test(text) || /^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/.test(text);

/** Each known operation's plan (`glue.groupingPlan`), fetched once. */
const plans = new Map();

function planOf(glue, operation) {
  let plan = plans.get(operation);
  if (plan === undefined) {
    const envelope = read(glue.groupingPlan(operation));
    // An unknown operation is not kept (a page could pass any number of them); the core's
    // live path words its error.
    if (envelope.error !== undefined) return null;
    plan = compile(envelope.ok);
    plans.set(operation, plan);
  }
  return plan;
}

function compile(plan) {
  if (!Array.isArray(plan.pick) || !Array.isArray(plan.compared)) return null;
  const compared = new Set(plan.compared.map(([name]) => name));
  return {
    // What crosses for a representative: the compared fields, the id among them.
    pick: plan.compared,
    idField: plan.idField,
    walkItem: itemWalk(
      // The comparison leaves the id out.
      plan.compared.filter(([name]) => name !== plan.idField),
      plan.idField,
      // Read but not compared (ECS StartTime, for waiters): each must be a value the core's
      // projection reads without error.
      plan.pick.filter(([name]) => !compared.has(name)).map(([name]) => name),
    ),
    listPaths: plan.listPaths,
    maxResources: plan.maxResources,
  };
}

/** Whether the core's projection reads `value` without error: here, a scalar it takes as is. */
function readable(walker, value) {
  if (--walker.nodes < 0) return false;
  switch (typeof value) {
    case "undefined":
    case "boolean":
      return true;
    case "string":
      walker.units -= value.length;
      return walker.units >= 0 && wellFormed(value);
    case "number":
      return Number.isSafeInteger(value);
    case "object":
      return value === null;
    default:
      return false;
  }
}

// Markers in an item's token sequence: Symbols, so no scalar value can equal one.
const MISSING = Symbol("missing");
const MAP = Symbol("map");
const LIST = Symbol("list");
const EMPTY_MAP = Symbol("empty map");
const EMPTY_LIST = Symbol("empty list");

/**
 * Walks `value` as `pick` projects it, one token at a time, down the trie of Maps that `walker`
 * holds: a scalar is its own token (Map keys keep "1", 1 and true apart, and the item's own
 * strings hash once), a container a marker and then its content. With the pick fixed, the
 * token sequence spells the projection exactly, so equal sequences mean equal projections.
 * Every value read costs a node and every string its length, as the core's reader charges
 * them. Returns false when the value is not plain data.
 */
function walkValue(walker, value, pick) {
  if (--walker.nodes < 0) return false;
  if (typeof value === "string") {
    walker.units -= value.length;
    return walker.units >= 0 && walker.step(value);
  }
  if (typeof value !== "object" || value === null) return stepScalar(walker, value);
  if (Array.isArray(value)) {
    if (pick === 1) return false;
    if (pick === 0 || Array.isArray(pick)) return walker.step(EMPTY_LIST);
    const length = value.length;
    if (!(length <= walker.maxItems) || !walker.step(LIST) || !walker.step(length)) return false;
    for (let index = 0; index < length; index += 1) {
      const item = value[index];
      if (!(item === undefined ? walker.step(null) : walkValue(walker, item, pick.items))) return false;
    }
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if ((prototype !== PLAIN && prototype !== null) || pick === 1) return false;
  if (!Array.isArray(pick)) return walker.step(EMPTY_MAP);
  return walker.step(MAP) && walkFields(walker, value, pick);
}

function walkFields(walker, value, fields) {
  for (let index = 0; index < fields.length; index += 1) {
    if (!walkValue(walker, value[fields[index][0]], fields[index][1])) return false;
  }
  return true;
}

/**
 * `walkFields` for an item of at most four compared fields, each read at its own site: a site
 * that always reads the same name, on items of one shape, is one cached property load, where a
 * loop over names is a lookup per read.
 */
function walkUnrolled(walker, item, fields) {
  const count = fields.length;
  return (
    (count < 1 || walkValue(walker, item[fields[0][0]], fields[0][1])) &&
    (count < 2 || walkValue(walker, item[fields[1][0]], fields[1][1])) &&
    (count < 3 || walkValue(walker, item[fields[2][0]], fields[2][1])) &&
    (count < 4 || walkValue(walker, item[fields[3][0]], fields[3][1]))
  );
}

// ----- one item's walk -----
//
// An item's walk reads its id, walks its compared fields and checks the fields read but not
// compared; it answers the id, or undefined when the item is left to the core. It is generated
// as code for each operation's plan when the page allows `new Function`: every property read is
// then a site of its own that sees one name on items of one shape, where the generic walk's
// sites see every operation's names and shapes, and slow down for all of them (measured: ECS
// items walk 1.3-1.8× slower once other shapes have been through). A page whose CSP forbids
// 'unsafe-eval', or that calls `configure({ jitless: true })`, gets the generic walk, which
// answers the same (test/projection.test.mjs runs every case both ways).

let jitless = false;
let generated = 0;

/** `configure({ jitless })`: whether item walks may be generated as code (see above). */
export function setJitless(value) {
  jitless = value === true;
  plans.clear();
}

/** How many plans' walks are generated code (for the tests). */
export function generatedWalks() {
  return generated;
}

function itemWalk(fields, idField, unread) {
  if (!jitless) {
    try {
      const walk = generatedWalk(fields, idField, unread);
      generated += 1;
      return walk;
    } catch {
      // A CSP without 'unsafe-eval' refuses `new Function`; it is not asked again.
      jitless = true;
    }
  }
  const unrolled = fields.length <= 4;
  return (walker, item) => {
    // A plain object (an array's prototype is Array.prototype).
    if (typeof item !== "object" || item === null) return undefined;
    const prototype = Object.getPrototypeOf(item);
    if (prototype !== PLAIN && prototype !== null) return undefined;
    const id = item[idField];
    if (typeof id !== "string") return undefined;
    if (!(unrolled ? walkUnrolled(walker, item, fields) : walkFields(walker, item, fields))) return undefined;
    for (let field = 0; field < unread.length; field += 1) {
      if (!readable(walker, item[unread[field]])) return undefined;
    }
    return id;
  };
}

/**
 * A scalar other than a string (both walks step strings themselves, with the budget), as a token;
 * false for a value that is not plain data.
 */
function stepScalar(walker, value) {
  switch (typeof value) {
    case "boolean":
      return walker.step(value);
    case "number":
      return Number.isSafeInteger(value) && walker.step(value);
    case "undefined":
      return walker.step(MISSING);
    case "object":
      return value === null && walker.step(null);
    default:
      return false;
  }
}

/**
 * The item walk as the code `walkValue` runs for these fields, written out. Only the field
 * names come from the plan, and each enters the code as a JSON string literal.
 */
function generatedWalk(fields, idField, unread) {
  const lines = [];
  let names = 0;
  const fresh = (prefix) => `${prefix}${(names += 1)}`;
  const fail = "return undefined;";
  // Written out at each site rather than called, so that each site's prototype lookup sees the
  // shapes of its own field only.
  const plain = (value) => `((Object.getPrototypeOf(${value}) ?? PLAIN) === PLAIN)`;
  // `w.step(token)` with its first test in line: the token the previous item took here.
  const step = (token) => {
    const node = fresh("t");
    return `{ const ${node} = w.level; if (${node}.lastToken === ${token}) w.level = ${node}.lastNext; else if (!w.step(${token})) ${fail} }`;
  };
  // `walkValue(w, <value>, pick)`, for the value held in variable `value`.
  const walk = (value, pick) => {
    lines.push(`if (--w.nodes < 0) ${fail}`);
    // A string, the commonest value, is stepped here; other scalars through `stepScalar`.
    lines.push(`if (typeof ${value} === "string") { w.units -= ${value}.length; if (w.units < 0) ${fail} ${step(value)} }`);
    lines.push(`else if (typeof ${value} !== "object" || ${value} === null) { if (!stepScalar(w, ${value})) ${fail} }`);
    if (pick === 1) {
      lines.push(`else ${fail}`);
    } else if (pick === 0) {
      lines.push(`else if (Array.isArray(${value})) ${step("EMPTY_LIST")}`);
      lines.push(`else if (!${plain(value)}) ${fail} else ${step("EMPTY_MAP")}`);
    } else if (Array.isArray(pick)) {
      lines.push(`else if (Array.isArray(${value})) ${step("EMPTY_LIST")}`);
      lines.push(`else { if (!${plain(value)}) ${fail} ${step("MAP")}`);
      for (const [name, inner] of pick) {
        const child = fresh("v");
        lines.push(`const ${child} = ${value}[${JSON.stringify(name)}];`);
        walk(child, inner);
      }
      lines.push("}");
    } else {
      const length = fresh("n");
      const index = fresh("i");
      const item = fresh("v");
      lines.push(`else if (!Array.isArray(${value})) { if (!${plain(value)}) ${fail} ${step("EMPTY_MAP")} }`);
      lines.push(`else { const ${length} = ${value}.length; if (!(${length} <= w.maxItems)) ${fail}`);
      lines.push(`${step("LIST")} ${step(length)}`);
      lines.push(`for (let ${index} = 0; ${index} < ${length}; ${index} += 1) { const ${item} = ${value}[${index}];`);
      lines.push(`if (${item} === undefined) { ${step("null")} continue; }`);
      walk(item, pick.items);
      lines.push("} }");
    }
  };
  lines.push(`if (typeof item !== "object" || item === null || !${plain("item")}) ${fail}`);
  lines.push(`const id = item[${JSON.stringify(idField)}];`);
  lines.push(`if (typeof id !== "string") ${fail}`);
  for (const [name, pick] of fields) {
    const value = fresh("v");
    lines.push(`const ${value} = item[${JSON.stringify(name)}];`);
    walk(value, pick);
  }
  for (const name of unread) lines.push(`if (!readable(w, item[${JSON.stringify(name)}])) ${fail}`);
  lines.push("return id;");
  const make = new Function(
    "stepScalar",
    "PLAIN",
    "readable",
    "MAP",
    "LIST",
    "EMPTY_MAP",
    "EMPTY_LIST",
    `"use strict"; return function walkItem(w, item) {\n${lines.join("\n")}\n};`,
  );
  return make(stepScalar, PLAIN, readable, MAP, LIST, EMPTY_MAP, EMPTY_LIST);
}

/**
 * The trie of Maps, where one item's walk has got to, and the budget: nodes and UTF-16 units
 * kept within half the core's node limit and a third of its byte limit (UTF-8 takes at most
 * three bytes per unit), so that an input over a limit is always left to the core.
 */
class Walker {
  constructor(limits) {
    this.nodes = limits.maxNodes >> 1;
    this.units = Math.floor(limits.maxBytes / 3);
    this.maxItems = limits.maxListItems;
    this.root = new Node();
    this.level = this.root;
  }

  step(token) {
    const node = this.level;
    // Neighbouring items mostly agree: the token the previous item took here is tried first.
    if (token === node.lastToken && node.lastNext !== null) {
      this.level = node.lastNext;
      return true;
    }
    node.children ??= new Map();
    let next = node.children.get(token);
    if (next === undefined) {
      // A string equal to a key already met is as well-formed as it; only new ones are checked.
      if (typeof token === "string" && !wellFormed(token)) return false;
      next = new Node();
      node.children.set(token, next);
    }
    node.lastToken = token;
    node.lastNext = next;
    this.level = next;
    return true;
  }
}

/** A trie node: its children by token, the last one taken, and the group of an item ending here. */
class Node {
  constructor() {
    this.children = null;
    this.lastToken = undefined;
    this.lastNext = null;
    this.group = -1;
  }
}

/** The projection of `value` as plain data (what the core reads), for a representative. */
function project(value, pick) {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    if (pick === 0 || Array.isArray(pick)) return [];
    return value.map((item) => (item === undefined ? null : project(item, pick.items)));
  }
  const out = {};
  if (Array.isArray(pick)) {
    for (const [name, inner] of pick) {
      const child = value[name];
      if (child !== undefined) out[name] = project(child, inner);
    }
  }
  return out;
}

const isPlainObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === PLAIN;

/** The item list the core would read from `resources`, or undefined to leave it to the core. */
function itemsOf(resources, plan) {
  if (Array.isArray(resources)) return resources;
  if (!isPlainObject(resources)) return undefined;
  if (resources[plan.idField] !== undefined) return [resources];
  // A whole Describe response: the first of the spec's list paths that ends at a list.
  for (const path of plan.listPaths) {
    let current = resources;
    for (let depth = 0; depth < path.length; depth += 1) {
      const child = current[path[depth]];
      if (child === undefined || typeof child !== "object" || child === null) {
        current = undefined;
        break;
      }
      if (depth === path.length - 1) {
        current = child;
      } else if (isPlainObject(child)) {
        current = child;
      } else {
        // A list or a class instance on the way: the core's reading of it is left to the core.
        return undefined;
      }
    }
    if (Array.isArray(current)) return current;
    if (current !== undefined && !isPlainObject(current)) return undefined;
  }
  return undefined;
}

/**
 * The items of `resources` in groups: one representative per group (its projection as plain
 * data), and each item's group and id; undefined when the input is left to the core.
 */
function groupItems(glue, limits, operation, resources) {
  if (typeof operation !== "string") return undefined;
  const plan = planOf(glue, operation);
  if (plan === null) return undefined;
  const items = itemsOf(resources, plan);
  if (items === undefined || !(items.length <= plan.maxResources)) return undefined;
  const count = items.length;
  const rows = new Uint32Array(count);
  const ids = new Array(count);
  // Items walk a trie token by token; the node an item ends at holds its group.
  const walker = new Walker(limits);
  const walkItem = plan.walkItem;
  const representatives = [];
  for (let index = 0; index < count; index += 1) {
    const item = items[index];
    walker.level = walker.root;
    const id = walkItem(walker, item);
    if (id === undefined) return undefined;
    walker.units -= id.length;
    walker.nodes -= 2;
    if (walker.units < 0 || walker.nodes < 0 || !wellFormed(id)) return undefined;
    let group = walker.level.group;
    if (group < 0) {
      group = representatives.length;
      walker.level.group = group;
      representatives.push(project(item, plan.pick));
    }
    rows[index] = group;
    ids[index] = id;
  }
  // JSON text, which wasm-bindgen writes into the module's memory as UTF-8 in one step.
  return { representatives: JSON.stringify(representatives), rows, ids };
}

/**
 * The verdict of `glue.precheckResources(operation, resources, options)`, computed through
 * `glue.precheckGroups`; undefined when the input is left to `glue.precheckResources`.
 */
export function grouped(glue, limits, operation, resources, options) {
  try {
    const groups = groupItems(glue, limits, operation, resources);
    if (groups === undefined) return undefined;
    const envelope = read(glue.precheckGroups(operation, groups.representatives, groups.rows, options));
    if (envelope.error !== undefined || envelope.ok === null) return undefined;
    return expand(envelope.ok, groups.rows, groups.ids);
  } catch {
    // A getter or a Proxy trap threw: the core reads the live values and words the error.
    return undefined;
  }
}

/**
 * The envelope of `glue.precheck` (or, with `refuse`, `glue.check`) for the same arguments,
 * computed through `glue.precheckTargets`: each target is judged on its group's representative,
 * so the items cross as groups. Undefined when the input is left to `glue.precheck`/`check`.
 * The parameters' errors and a denial come back as the core words them for the items
 * themselves (they do not depend on the items).
 */
export function groupedTargets(glue, limits, operation, params, resources, options, refuse) {
  let groups;
  try {
    groups = groupItems(glue, limits, operation, resources);
  } catch {
    return undefined;
  }
  if (groups === undefined) return undefined;
  const envelope = read(
    glue.precheckTargets(operation, params, groups.representatives, groups.rows, JSON.stringify(groups.ids), options, refuse),
  );
  return envelope.error === undefined && envelope.ok === null ? undefined : envelope;
}

/** The verdict with one outcome per item, as `precheckResources` answers it. */
function expand(answer, rows, ids) {
  const answers = answer.answers;
  const answerOf = answer.answerOf;
  const count = rows.length;
  const outcomes = new Array(count);
  const allowedIds = [];
  const deniedIds = [];
  for (let index = 0; index < count; index += 1) {
    const group = answers[answerOf[rows[index]]];
    const id = ids[index];
    const reason = group.reason;
    const error = group.error;
    const transition = group.transition;
    // Each outcome gets its own objects, as the per-item path gives them. The fields are named
    // (a spread costs a fifth more); test/projection.test.mjs compares every grouped answer
    // with the per-item one, so a field the core adds fails there.
    outcomes[index] = {
      id,
      decision: group.decision,
      status: group.status,
      error:
        error === null
          ? null
          : { code: error.code, httpStatus: error.httpStatus, message: error.message, field: error.field, retryable: error.retryable },
      reason: reason.length === 2 ? reason[0] + id + reason[1] : reason.join(id),
      transition: transition === null ? null : { from: transition.from, immediate: transition.immediate, settled: transition.settled },
    };
    (group.denied ? deniedIds : allowedIds).push(id);
  }
  return {
    operation: answer.operation,
    allowed: answer.allowed,
    dryRun: answer.dryRun,
    outcomes,
    allowedIds,
    deniedIds,
    error: answer.error,
  };
}

// precheckResources on the JS side of the boundary: items that agree on every field the
// operation's guards read (the id aside) get the same answer, so only one representative per
// distinct item crosses into wasm, with an index per item. The core decides everything: which
// fields count (its grouping plan), each representative's decision, error and transition, the
// overall verdict, and the reason with the places where an item's id goes. This file only
// compares items and copies each group's answer to its items.
//
// Any value that is not plain data (a class instance, a Map, a BigInt, a fraction, a getter that
// throws, a lone surrogate, a value near the limits…) makes `grouped` return undefined, and the
// caller asks the core with the live values, which words every error with its own paths.

const NOT_PLAIN = Symbol("not plain data");
const PLAIN = Object.prototype;
const UTF8 = new TextEncoder();
const wellFormed = typeof String.prototype.isWellFormed === "function" ? (text) => text.isWellFormed() : (text) => !/[\ud800-\udfff]/.test(text) || /^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/.test(text);

/** Each operation's plan (`glue.groupingPlan`), fetched once. */
const plans = new Map();

function planOf(glue, operation) {
  let plan = plans.get(operation);
  if (plan === undefined) {
    const envelope = glue.groupingPlan(operation);
    plan = envelope.error === undefined ? compile(envelope.ok) : null;
    plans.set(operation, plan);
  }
  return plan;
}

function compile(plan) {
  if (!Array.isArray(plan.pick)) return null;
  return {
    pick: plan.pick,
    // The comparison leaves the id out; the representative keeps it.
    rest: plan.pick.filter(([name]) => name !== plan.idField),
    idField: plan.idField,
    listPaths: plan.listPaths,
    maxResources: plan.maxResources,
  };
}

/** Budget of what the core's reader would charge, kept well inside its limits. */
class Budget {
  constructor(limits) {
    this.nodes = limits.maxNodes >> 1;
    this.units = Math.floor(limits.maxBytes / 3);
    this.maxItems = limits.maxListItems;
  }
}

/** A text that identifies `value` as `pick` projects it: equal texts, equal projections. */
function keyOf(value, pick, budget) {
  switch (typeof value) {
    case "string":
      budget.units -= value.length;
      return budget.units < 0 || !wellFormed(value) ? NOT_PLAIN : `s${value.length}:${value}`;
    case "boolean":
      return value ? "T" : "F";
    case "number":
      return Number.isSafeInteger(value) ? `n${value};` : NOT_PLAIN;
    case "undefined":
      return "u";
    case "object":
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return "z";
  if (--budget.nodes < 0) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (pick === 1) return NOT_PLAIN;
    if (pick === 0 || Array.isArray(pick)) return "[]";
    const length = value.length;
    if (!(length <= budget.maxItems)) return NOT_PLAIN;
    let key = "[";
    for (let index = 0; index < length; index += 1) {
      const item = value[index];
      const part = item === undefined ? "z" : keyOf(item, pick.items, budget);
      if (part === NOT_PLAIN) return NOT_PLAIN;
      key += part;
    }
    return key + "]";
  }
  const prototype = Object.getPrototypeOf(value);
  if ((prototype !== PLAIN && prototype !== null) || pick === 1) return NOT_PLAIN;
  if (!Array.isArray(pick)) return "{}";
  return fieldsKey(value, pick, budget);
}

function fieldsKey(value, fields, budget) {
  let key = "{";
  for (let index = 0; index < fields.length; index += 1) {
    const part = keyOf(value[fields[index][0]], fields[index][1], budget);
    if (part === NOT_PLAIN) return NOT_PLAIN;
    key += part;
  }
  return key + "}";
}

/**
 * One field of an item as a Map key: a scalar as itself (Map keys keep "1", 1 and true apart,
 * and the item's own strings hash once), a container as the text `keyOf` gives it behind a NUL,
 * which no scalar string key starts with.
 */
function fieldKey(value, pick, budget) {
  switch (typeof value) {
    case "string":
      budget.units -= value.length;
      return budget.units < 0 || value.charCodeAt(0) === 0 || !wellFormed(value) ? NOT_PLAIN : value;
    case "boolean":
    case "undefined":
      return value;
    case "number":
      return Number.isSafeInteger(value) ? value : NOT_PLAIN;
    case "object": {
      if (value === null) return null;
      const key = keyOf(value, pick, budget);
      return key === NOT_PLAIN ? NOT_PLAIN : "\0" + key;
    }
    default:
      return NOT_PLAIN;
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
 * The verdict of `glue.precheckResources(operation, resources, options)`, computed through
 * `glue.precheckGroups`; undefined when the input is left to `glue.precheckResources`.
 */
export function grouped(glue, limits, operation, resources, options) {
  if (typeof operation !== "string") return undefined;
  try {
    const plan = planOf(glue, operation);
    if (plan === null) return undefined;
    const items = itemsOf(resources, plan);
    if (items === undefined || !(items.length <= plan.maxResources)) return undefined;
    const budget = new Budget(limits);
    const count = items.length;
    const rows = new Uint32Array(count);
    const ids = new Array(count);
    // A trie of Maps, one level per compared field: equal fields, equal path, one group.
    const trie = new Map();
    const fields = plan.rest;
    const last = fields.length - 1;
    const representatives = [];
    for (let index = 0; index < count; index += 1) {
      const item = items[index];
      if (!isPlainObject(item)) return undefined;
      const id = item[plan.idField];
      if (typeof id !== "string") return undefined;
      budget.units -= id.length;
      if (budget.units < 0 || !wellFormed(id) || --budget.nodes < 0) return undefined;
      let level = trie;
      let group;
      for (let field = 0; field <= last; field += 1) {
        const key = fieldKey(item[fields[field][0]], fields[field][1], budget);
        if (key === NOT_PLAIN || --budget.nodes < 0) return undefined;
        const next = level.get(key);
        if (field === last) {
          group = next;
          if (group === undefined) {
            group = representatives.length;
            level.set(key, group);
            representatives.push(project(item, plan.pick));
          }
        } else if (next === undefined) {
          const made = new Map();
          level.set(key, made);
          level = made;
        } else {
          level = next;
        }
      }
      if (group === undefined) {
        // No field besides the id: one group.
        if (representatives.length === 0) representatives.push(project(item, plan.pick));
        group = 0;
      }
      rows[index] = group;
      ids[index] = id;
    }
    const envelope = JSON.parse(glue.precheckGroups(operation, UTF8.encode(JSON.stringify(representatives)), rows, options));
    if (envelope.error !== undefined || envelope.ok === null) return undefined;
    return expand(envelope.ok, rows, ids);
  } catch {
    // A getter or a Proxy trap threw: the core reads the live values and words the error.
    return undefined;
  }
}

/** The verdict with one outcome per item, as `precheckResources` answers it. */
function expand(answer, rows, ids) {
  const groups = answer.groups;
  const count = rows.length;
  const outcomes = new Array(count);
  const allowedIds = [];
  const deniedIds = [];
  for (let index = 0; index < count; index += 1) {
    const group = groups[rows[index]];
    const id = ids[index];
    const reason = group.reason;
    outcomes[index] = {
      id,
      decision: group.decision,
      status: group.status,
      error: group.error === null ? null : { ...group.error },
      reason: reason.length === 2 ? reason[0] + id + reason[1] : reason.join(id),
      transition: group.transition === null ? null : { ...group.transition },
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

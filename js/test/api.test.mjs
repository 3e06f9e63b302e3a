// The JS-side contract of the package: entry points, error classes, argument conversion limits
// (depth, cycles, unsupported values: errors, never a trapped wasm instance), options, the
// default clock, and the Python-mirroring helpers. Decisions themselves are covered by the
// shared vectors (vectors.test.mjs).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as opgate from "opgate";

const ECS = "ecs:RebootInstance";
const ID = "i-bp1h4adlltjc1d48goaq";
const running = (extra = {}) => ({ InstanceId: ID, Status: "Running", InstanceChargeType: "PostPaid", OperationLocks: { LockReason: [] }, ...extra });

function nested(depth) {
  const root = {};
  let current = root;
  for (let i = 1; i < depth; i += 1) {
    current.a = {};
    current = current.a;
  }
  return root;
}

function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail("expected an exception");
}

test("the package name resolves to the Node entry, loaded on import", () => {
  assert.equal(opgate.isReady(), true);
  assert.deepStrictEqual(opgate.info(), { version: "0.1.0", limits: { maxDepth: 128, maxNodes: 1_000_000, maxBytes: 32 * 1024 * 1024, maxListItems: 100_000 }, signing: false });
  assert.equal(typeof opgate.init, "function");
  assert.equal("sign" in opgate, false, "no signing in the WebAssembly build");
});

test("the exports map: Node import, Node require and the browser entry, each with its types first", () => {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  assert.equal(pkg.type, "module");
  const root = pkg.exports["."];
  assert.deepStrictEqual(root.node.require, { types: "./src/index.d.cts", default: "./src/index.cjs" });
  assert.deepStrictEqual(root.node.default, { types: "./src/index.d.ts", default: "./src/node.js" });
  assert.deepStrictEqual(root.default, { types: "./src/index.d.ts", default: "./src/index.js" });
  // Every leaf condition object names its types first (TypeScript takes the first match).
  const leaves = [];
  const walk = (conditions) => {
    if (typeof conditions.default === "string") leaves.push(conditions);
    for (const value of Object.values(conditions)) if (value && typeof value === "object") walk(value);
  };
  walk(root);
  assert.equal(leaves.length, 3);
  for (const leaf of leaves) assert.equal(Object.keys(leaf)[0], "types", JSON.stringify(leaf));
  for (const file of leaves.flatMap((leaf) => [leaf.types, leaf.default])) {
    assert.ok(readFileSync(new URL(`../${file}`, import.meta.url), "utf8").length > 0, file);
  }
  assert.ok(pkg.files.includes("LICENSE") && pkg.files.includes("pkg/opgate_wasm_bg.wasm"), "the tarball lists the wasm and LICENSE");
  assert.equal(pkg.scripts.prepack, "bash run.sh prepack", "npm pack builds first (or refuses)");
  assert.equal(Object.keys(pkg.dependencies ?? {}).length, 0, "no runtime dependencies");
});

test("require() gives the same API after init() (run in a child process: CommonJS)", () => {
  const script = `
    const opgate = require("opgate");
    const out = { readyBefore: opgate.isReady() };
    try { opgate.operations(); } catch (error) { out.before = error.message; }
    opgate.init().then(async () => {
      const esm = await import("opgate");
      out.readyAfter = opgate.isReady();
      out.sameNames = JSON.stringify(Object.keys(opgate).sort()) === JSON.stringify(Object.keys(esm).sort());
      out.sameClass = opgate.ApiError === esm.ApiError;
      out.count = opgate.operations().length;
      console.log(JSON.stringify(out));
    });
  `;
  const cwd = fileURLToPath(new URL("..", import.meta.url));
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd, encoding: "utf8" }));
  assert.deepStrictEqual(out, { readyBefore: false, before: out.before, readyAfter: true, sameNames: true, sameClass: true, count: 4 });
  assert.match(out.before, /await init\(\)/);
});

test("the browser entry needs init(), then works (run in a child process: a fresh module graph)", () => {
  const script = `
    import * as api from "./src/index.js";
    import { readFile } from "node:fs/promises";
    const out = { readyBefore: api.isReady() };
    try { api.operations(); } catch (error) { out.before = error.message; }
    await api.init(await readFile("./pkg/opgate_wasm_bg.wasm"));
    out.readyAfter = api.isReady();
    out.count = api.operations().length;
    out.same = api.init() === api.init();
    console.log(JSON.stringify(out));
  `;
  const cwd = fileURLToPath(new URL("..", import.meta.url));
  const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd, encoding: "utf8" }));
  assert.equal(out.readyBefore, false);
  assert.match(out.before, /await init\(\)/);
  assert.equal(out.readyAfter, true);
  assert.equal(out.count, 4);
  assert.equal(out.same, true);
});

test("results are plain objects with camelCase keys; provider keys are kept", () => {
  const verdict = opgate.precheck(ECS, { InstanceId: ID, DryRun: true }, [running()], { now: null });
  assert.equal(Object.getPrototypeOf(verdict), Object.prototype);
  assert.deepStrictEqual(Object.keys(verdict), ["operation", "allowed", "dryRun", "outcomes", "allowedIds", "deniedIds", "error"]);
  assert.equal(verdict.dryRun, true);
  assert.equal(verdict.outcomes[0].decision, "dry_run", "values are not renamed");
  assert.equal(verdict.error.code, "DryRunOperation");
  assert.equal(typeof verdict.error.httpStatus, "number");
  const validated = opgate.validate(ECS, { InstanceId: ID, ForceStop: true });
  assert.deepStrictEqual(validated.params, { ForceStop: true, InstanceId: ID });
  const request = opgate.build("zec:RebootInstances", { instanceIds: ["1660545330971680835"] });
  assert.ok(request.headers.some(([name]) => name === "X-ZC-Action"));
  assert.equal(JSON.parse(request.body).instanceIds[0], "1660545330971680835");
});

test("precheck never throws for a denial; check() does", () => {
  const resources = [running({ Status: "Stopped" })];
  const verdict = opgate.precheck(ECS, { InstanceId: ID }, resources, { lang: "zh" });
  assert.equal(verdict.allowed, false);
  assert.equal(verdict.error.code, "IncorrectInstanceStatus");
  const error = thrown(() => opgate.check(ECS, { InstanceId: ID }, resources, { lang: "zh" }));
  assert.ok(error instanceof opgate.DeniedError);
  assert.ok(error instanceof opgate.OpgateError);
  assert.ok(error instanceof Error);
  assert.equal(error.kind, "denied");
  assert.equal(error.code, "IncorrectInstanceStatus");
  assert.equal(error.httpStatus, 403);
  assert.equal(error.message, verdict.error.message);
  assert.equal(error.field, "InstanceId");
  assert.deepStrictEqual(error.report, { kind: "denied", errors: [{ code: "IncorrectInstanceStatus", http_status: 403, message: verdict.error.message, field: "InstanceId", retryable: false }] });
  assert.deepStrictEqual(opgate.check(ECS, { InstanceId: ID }, [running()]).allowed, true);
});

test("validation errors list every violation, camelCased, with the raw report", () => {
  const error = thrown(() => opgate.validate(ECS, { InstanceId: 5, Bogus: 1 }, { lang: "zh" }));
  assert.ok(error instanceof opgate.ValidationError);
  assert.equal(error.name, "ValidationError");
  assert.equal(error.errors.length, 2);
  assert.deepStrictEqual(Object.keys(error.errors[0]), ["code", "httpStatus", "message", "field", "retryable"]);
  assert.equal(error.code, error.errors[0].code);
  assert.equal(error.field, "Bogus");
  assert.match(error.message, /无法识别/);
  assert.equal(error.report.errors[1].http_status, 400);
  assert.match(String(error), /^ValidationError: InvalidParameter \(400\) at Bogus: .* \(\+1 more\)$/);
  assert.ok(Object.isFrozen(error.errors));
  // `report` is a copy: changing it changes nothing.
  error.report.kind = "x";
  assert.equal(error.report.kind, "validation");
});

test("unknown operations, languages and options are InputErrors", () => {
  let error = thrown(() => opgate.precheckResources("ecs:Nope", []));
  assert.ok(error instanceof opgate.InputError);
  assert.equal(error.code, "UnsupportedOperation");
  error = thrown(() => opgate.operations({ lang: "fr" }));
  assert.ok(error instanceof opgate.InputError);
  assert.equal(error.code, "InvalidParameter.Lang");
  error = thrown(() => opgate.precheckResources(ECS, [], { lang: "zh", Now: 1 }));
  assert.equal(error.code, "InvalidParameter.Options");
  assert.equal(error.field, "options.Now");
  assert.match(error.message, /无法识别的选项/);
  error = thrown(() => opgate.precheckResources(ECS, [], { now: 1.5 }));
  assert.equal(error.code, "InvalidParameter.Now");
  error = thrown(() => opgate.validate(ECS, { InstanceId: ID }, "zh"));
  assert.equal(error.code, "InvalidParameter.Options");
  error = thrown(() => opgate.validate(ECS, { InstanceId: ID }, { intBounds: [{ min: 1 }] }));
  assert.equal(error.code, "InvalidParameter.IntBounds");
  assert.equal(error.field, "intBounds[0]");
  error = thrown(() => opgate.waitStatus(ECS, 42));
  assert.equal(error.code, "InvalidParameter.Status");
  error = thrown(() => opgate.parseResponse(ECS, 200.5, "{}"));
  assert.equal(error.code, "InvalidParameter.Status");
  error = thrown(() => opgate.parseResponse(ECS, 200, 42));
  assert.equal(error.code, "InvalidParameter.Body");
  error = thrown(() => opgate.ramEvaluate("not a list", "ecs:RebootInstance", "*"));
  assert.equal(error.code, "InvalidParameter.Policies");
});

test("intBounds narrow an integer range", () => {
  const params = { ServiceInstanceId: "si-0a1b2c3d4e5f60718293", Period: 48, PeriodUnit: "Month" };
  assert.equal(opgate.validate("computenest:RenewServiceInstanceResources", params).params.Period, 48);
  const error = thrown(() => opgate.validate("computenest:RenewServiceInstanceResources", params, { intBounds: [{ path: "Period", min: 1, max: 36 }] }));
  assert.equal(error.field, "Period");
});

test("the clock defaults to now; now: null turns expiry checks off; now: N pins it", () => {
  const expired = [running({ InstanceChargeType: "PrePaid", ExpiredTime: "2001-01-01T00:00Z" })];
  assert.equal(opgate.precheckResources(ECS, expired).allowed, false, "the default clock is the current time");
  assert.equal(opgate.precheckResources(ECS, expired, { lang: "en" }).allowed, false);
  assert.equal(opgate.precheckResources(ECS, expired, { now: null }).allowed, true);
  assert.equal(opgate.precheckResources(ECS, expired, { now: 900000000 }).allowed, true, "1998: not yet expired");
});

test("nesting deeper than 128 levels is an InputError, not a stack overflow", () => {
  assert.equal(opgate.validate(ECS, { InstanceId: ID, ForceStop: true }).params.ForceStop, true);
  // 128 levels are converted (the core then refuses the unknown parameter)…
  let error = thrown(() => opgate.validate(ECS, { InstanceId: ID, Deep: nested(127) }));
  assert.equal(error.code, "InvalidParameter");
  assert.equal(error.field, "Deep");
  // …129 are refused by the conversion, with the path.
  error = thrown(() => opgate.validate(ECS, { InstanceId: ID, Deep: nested(128) }));
  assert.ok(error instanceof opgate.InputError);
  assert.equal(error.code, "InvalidParameter");
  assert.match(error.message, /nested more than 128 levels/);
  assert.ok(error.field.startsWith("Deep.a.a."));
  // A pre-check reads only the fields its guards name: a deep resource list is refused as the
  // wrong shape, without walking it.
  error = thrown(() => opgate.precheckResources(ECS, nested(100_000)));
  assert.ok(error instanceof opgate.ValidationError);
  assert.equal(error.field, "resources");
});

test("cycles, functions, symbols, non-finite numbers and exotic objects are refused with a path", () => {
  const cyclic = running();
  cyclic.self = cyclic;
  // Fields a pre-check does not read are never walked…
  assert.equal(opgate.precheckResources(ECS, [cyclic], { now: null }).allowed, true);
  // …while a cycle in a value that is read whole is refused with its path.
  let error = thrown(() => opgate.validate(ECS, { InstanceId: ID, Extra: cyclic }));
  assert.ok(error instanceof opgate.InputError);
  assert.ok(error.field.startsWith("Extra.self.self"));
  error = thrown(() => opgate.precheckResources(ECS, [running({ Status: cyclic })]));
  assert.ok(error instanceof opgate.ValidationError);
  assert.equal(error.field, "resources[0].Status");
  const cases = [
    [{ InstanceId: () => 1 }, "InstanceId", /function/],
    [{ InstanceId: Symbol("x") }, "InstanceId", /symbol/],
    [{ InstanceId: Number.NaN }, "InstanceId", /not finite/],
    [{ InstanceId: Infinity }, "InstanceId", /not finite/],
    [{ InstanceId: new Map() }, "InstanceId", /Map/],
    [{ InstanceId: new Date(0) }, "InstanceId", /Date/],
    [{ InstanceId: new Uint8Array(2) }, "InstanceId", /binary/],
    [{ InstanceId: 2n ** 70n }, "InstanceId", /64-bit/],
    [
      {
        get InstanceId() {
          throw new Error("boom");
        },
      },
      "InstanceId",
      /could not be read/,
    ],
  ];
  for (const [params, field, message] of cases) {
    error = thrown(() => opgate.validate(ECS, params));
    assert.ok(error instanceof opgate.InputError, `${field}: ${error}`);
    assert.equal(error.code, "InvalidParameter");
    assert.equal(error.field, field);
    assert.match(error.message, message);
  }
  const proxy = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error("trap");
      },
    },
  );
  // A Proxy whose traps throw is refused; the exception never unwinds through the wasm frames.
  for (let round = 0; round < 3; round += 1) {
    error = thrown(() => opgate.validate(ECS, proxy));
    assert.ok(error instanceof opgate.InputError, String(error));
    assert.equal(error.field, "params");
    assert.match(error.message, /could not be read/);
  }
  const { proxy: revoked, revoke } = Proxy.revocable([], {});
  revoke();
  error = thrown(() => opgate.precheckResources(ECS, [running(), revoked]));
  assert.equal(error.field, "resources[1]");
  const trappedArray = new Proxy([running()], {
    get(target, key) {
      if (key === "0") {
        throw new Error("trap");
      }
      return Reflect.get(target, key);
    },
  });
  error = thrown(() => opgate.precheckResources(ECS, trappedArray));
  assert.equal(error.field, "resources[0]");
  assert.equal(opgate.precheckResources(ECS, [running()], { now: null }).allowed, true);
  // Undefined properties are absent, as in JSON; 1.0 is the integer 1; BigInt ids are exact.
  assert.deepStrictEqual(opgate.validate(ECS, { InstanceId: ID, ForceStop: undefined }).params, { InstanceId: ID });
  const renew = opgate.validate("computenest:RenewServiceInstanceResources", { ServiceInstanceId: "si-0a1b2c3d4e5f60718293", Period: 1.0 });
  assert.equal(renew.params.Period, 1);
  error = thrown(() => opgate.validate("zec:RebootInstances", { instanceIds: [1660545330971680835n] }));
  assert.match(error.message, /got 1660545330971680835\./);
});

test("the module survives hostile input: a large list is judged, the instance keeps working", () => {
  const many = Array.from({ length: 10_001 }, (_, i) => running({ InstanceId: `i-bp1h4adlltjc1d4${String(i).padStart(5, "0")}` }));
  const error = thrown(() => opgate.precheckResources(ECS, many));
  assert.match(error.message, /At most 10000 resources/);
  const verdict = opgate.precheckResources(ECS, many.slice(0, 10_000), { now: null });
  assert.equal(verdict.outcomes.length, 10_000);
  assert.equal(verdict.allowed, true);
  assert.equal(opgate.operations().length, 4);
});

test("parseResponse takes strings, bytes, ArrayBuffers, header objects, pairs and fetch Headers", () => {
  const body = '{"RequestId":"473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"}';
  const expected = opgate.parseResponse(ECS, 200, body);
  assert.deepStrictEqual(expected, { outcome: "succeeded", requestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E", failures: [], data: { RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E" } });
  const bytes = new TextEncoder().encode(body);
  assert.deepStrictEqual(opgate.parseResponse(ECS, 200, bytes), expected);
  assert.deepStrictEqual(opgate.parseResponse(ECS, 200, bytes.buffer), expected);
  assert.deepStrictEqual(opgate.parseResponse(ECS, 200, new DataView(bytes.buffer)), expected);
  assert.deepStrictEqual(opgate.parseResponse(ECS, 200, body, { "content-type": "application/json" }), expected);
  assert.deepStrictEqual(opgate.parseResponse(ECS, 200, body, [["content-type", "application/json"]]), expected);
  assert.deepStrictEqual(opgate.parseResponse(ECS, 200, body, new Headers({ "content-type": "application/json" })), expected);
  const error = thrown(() =>
    opgate.parseResponse(ECS, 403, '{"RequestId":"R1","HostId":"ecs.aliyuncs.com","Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource.","Recommend":"https://x"}'),
  );
  assert.ok(error instanceof opgate.ApiError);
  assert.equal(error.code, "Forbidden.RAM");
  assert.equal(error.httpStatus, 403);
  assert.equal(error.requestId, "R1");
  assert.equal(error.hostId, "ecs.aliyuncs.com");
  assert.equal(error.providerMessage, "User not authorized to operate on the specified resource.");
  const sent = "The current status of the resource does not support this operation.";
  const zh = thrown(() => opgate.parseResponse(ECS, 403, JSON.stringify({ RequestId: "E1", Code: "IncorrectInstanceStatus", Message: sent }), null, { lang: "zh" }));
  assert.equal(zh.message, "该资源目前的状态不支持此操作。");
  assert.equal(zh.providerMessage, sent);
  assert.equal(zh.requestId, "E1");
  const parse = thrown(() => opgate.parseResponse(ECS, 200, "<not json"));
  assert.ok(parse instanceof opgate.ParseError);
});

test("RAM: policies as objects or text, region and account id as options", () => {
  const policy = { Version: "1", Statement: [{ Effect: "Allow", Action: "ecs:RebootInstance", Resource: "*", Condition: { IpAddress: { "acs:SourceIp": "203.0.113.0/24" } } }] };
  const options = { region: "cn-hangzhou", accountId: "1488317743351199" };
  assert.deepStrictEqual(opgate.ramRequiredAccess(ECS, { InstanceId: ID }, options), [{ action: ECS, resource: `acs:ecs:cn-hangzhou:1488317743351199:instance/${ID}` }]);
  const allowed = opgate.ramAuthorize(ECS, { InstanceId: ID }, [JSON.stringify(policy)], { ...options, context: { "acs:SourceIp": "203.0.113.7" } });
  assert.equal(allowed.allowed, true);
  assert.equal(allowed.checks[0].policyIndex, 0);
  const denied = opgate.ramAuthorize(ECS, { InstanceId: ID }, [policy], { ...options, context: { "acs:SourceIp": "198.51.100.1" }, lang: "zh" });
  assert.equal(denied.allowed, false);
  assert.equal(denied.noPermissionType, "ImplicitDeny");
  assert.equal(denied.error.code, "Forbidden.RAM");
  let error = thrown(() => opgate.ramRequiredAccess(ECS, { InstanceId: ID }, {}));
  assert.equal(error.code, "InvalidParameter.Region");
  error = thrown(() => opgate.ramParsePolicy({ Version: "1", Statement: "nope" }));
  assert.ok(error instanceof opgate.PolicyError);
  error = thrown(() => opgate.ramAuthorize(ECS, { InstanceId: ID }, [policy], { ...options, context: { "acs:SourceIp": "not-an-ip" } }));
  assert.equal(error.field, "context.acs:SourceIp");
});

// The hostile-input suite through the WebAssembly build, and the secret sweep.
//
// 1. Every case of tests/vectors/hostile.json (run by the Rust and Python suites too) must give
//    exactly its `expect`, and the core must count at most `max_work` steps for it
//    (`_takeWork()`): work is counted, never timed.
// 2. No secret, security token or bearer token (random for each run) planted where a caller
//    might put credentials shows in any result or exception of any exported function. This
//    build cannot sign (a web page must never hold cloud secrets), so no call takes
//    credentials; the sweep checks that misplaced ones are never echoed.

import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { randomUUID } from "node:crypto";
import * as opgate from "opgate";
import { camelize } from "./helpers.mjs";
import { SKIPPED, invoke } from "./calls.mjs";
import { expand, loadHostile } from "./hostile.mjs";

const suite = loadHostile();

test("recipes expand as documented", () => {
  const shared = expand({ $list: { a: 1 }, times: 3 });
  assert.deepStrictEqual(shared, [{ a: 1 }, { a: 1 }, { a: 1 }]);
  assert.equal(shared[0], shared[2]);
  assert.equal(expand({ $concat: ["<", { $repeat: "ab", times: 2 }, ">"] }), "<abab>");
  assert.deepStrictEqual(expand({ $numbered: "x{i}", times: 3 }), ["x0", "x1", "x2"]);
  assert.deepStrictEqual(expand({ $object: "k{i}", value: true, times: 2 }), { k0: true, k1: true });
  assert.equal(expand({ $json: { a: [1, "é"] } }), '{"a":[1,"é"]}');
});

for (const c of suite.cases) {
  test(`hostile: ${c.name}`, { skip: SKIPPED[c.call] }, () => {
    const args = expand(c.args);
    opgate._takeWork();
    let result;
    let error;
    try {
      result = invoke(c.call, args);
    } catch (caught) {
      if (!(caught instanceof opgate.OpgateError)) {
        throw caught;
      }
      error = caught;
    }
    const work = opgate._takeWork();
    assert.ok(work <= c.max_work, `${work} steps, more than the bound of ${c.max_work}`);
    if ("ok" in c.expect) {
      assert.equal(error, undefined, `expected ok, got ${error}`);
      assert.deepStrictEqual(result, camelize(c.expect.ok));
    } else {
      assert.ok(error, "expected an error");
      assert.deepStrictEqual(error.report, c.expect.error);
    }
  });
}

// --- the secret sweep ---------------------------------------------------------------------

const RUN = randomUUID().replaceAll("-", "");
const SECRET = `AkSecret${RUN}`;
const TOKEN = `StsToken${RUN}`;
const BEARER = `BearerTok${RUN}`;
const SECRETS = [SECRET, TOKEN, BEARER];

const ECS = "ecs:RebootInstance";
const ZEC = "zec:RebootInstances";
const INSTANCE = "i-bp67acfmxazb4ph1abcd";
const RAM = { region: "cn-hangzhou", accountId: "1488317743351199" };
const POLICY = { Version: "1", Statement: [{ Effect: "Allow", Action: "ecs:*", Resource: "*" }] };
const PARAMS = { InstanceId: INSTANCE, AccessKeySecret: SECRET, SecurityToken: TOKEN, BearerToken: BEARER };
const ITEM = { InstanceId: INSTANCE, Status: "Running", AccessKeySecret: SECRET, SecurityToken: TOKEN };
const HEADERS = [["Authorization", `Bearer ${BEARER}`], ["x-acs-security-token", TOKEN], ["x-acs-accesskey-secret", SECRET]];
const CONTEXT = { "acs:SecurityToken": TOKEN, "acs:AccessKeySecret": SECRET, "acs:BearerToken": BEARER };
/** Credentials passed as options, as a caller used to a signing API might. */
const CREDENTIAL_OPTIONS = { accessKeySecret: SECRET, securityToken: TOKEN, bearerToken: BEARER, credentials: { accessKeyId: "LTAI-id", accessKeySecret: SECRET } };

function* shownByError(error, seen = new Set()) {
  if (error === null || typeof error !== "object" || seen.has(error)) {
    return;
  }
  seen.add(error);
  yield String(error);
  yield String(error.message);
  yield String(error.stack);
  yield inspect(error, { showHidden: true, depth: Infinity });
  for (const name of Object.getOwnPropertyNames(error)) {
    yield inspect(error[name], { depth: Infinity });
  }
  if ("report" in error) {
    yield JSON.stringify(error.report);
  }
  yield* shownByError(error.cause, seen);
}

function* shownByResult(result) {
  yield inspect(result, { showHidden: true, depth: Infinity });
  yield JSON.stringify(result) ?? "";
}

function assertHidden(texts, what) {
  for (const text of texts) {
    for (const secret of SECRETS) {
      assert.ok(!text.includes(secret), `${what} shows a secret: ${text.slice(0, 300)}`);
    }
  }
}

function outcomeOf(call, what) {
  let result;
  try {
    result = call();
  } catch (error) {
    assertHidden(shownByError(error), what);
    return;
  }
  assertHidden(shownByResult(result), what);
}

const PLANTED = {
  init: [() => opgate.init(SECRET)],
  isReady: [() => opgate.isReady(SECRET)],
  info: [() => opgate.info(TOKEN)],
  configure: [() => opgate.configure({ jitless: SECRET }), () => opgate.configure(SECRET), () => opgate.configure({ jitless: false, accessKeySecret: SECRET })],
  _takeWork: [() => opgate._takeWork(BEARER)],
  operations: [() => opgate.operations(CREDENTIAL_OPTIONS)],
  operation: [() => opgate.operation(ECS, CREDENTIAL_OPTIONS)],
  validate: [() => opgate.validate(ECS, PARAMS), () => opgate.validate(ZEC, { instanceIds: ["1"], securityToken: TOKEN }), () => opgate.validate(ECS, { InstanceId: INSTANCE }, CREDENTIAL_OPTIONS)],
  precheck: [() => opgate.precheck(ECS, PARAMS, [ITEM]), () => opgate.precheck(ECS, { InstanceId: INSTANCE }, [ITEM]), () => opgate.precheck(ECS, { InstanceId: INSTANCE }, [ITEM], CREDENTIAL_OPTIONS)],
  precheckResources: [() => opgate.precheckResources(ECS, [ITEM, { SecurityToken: TOKEN }]), () => opgate.precheckResources(ECS, [ITEM], CREDENTIAL_OPTIONS)],
  check: [() => opgate.check(ECS, PARAMS, [ITEM]), () => opgate.check(ECS, { InstanceId: INSTANCE }, [{ ...ITEM, Status: "Stopped" }]), () => opgate.check(ECS, { InstanceId: INSTANCE }, [ITEM], CREDENTIAL_OPTIONS)],
  waitStatus: [() => opgate.waitStatus(ECS, "Running", CREDENTIAL_OPTIONS)],
  build: [() => opgate.build(ECS, PARAMS, { region: "cn-hangzhou" }), () => opgate.build(ZEC, { instanceIds: ["1"], accessKeySecret: SECRET }), () => opgate.build(ZEC, { instanceIds: ["1"] }, CREDENTIAL_OPTIONS)],
  RequestBuilder: [
    () => new opgate.RequestBuilder(ECS, { region: "cn-hangzhou" }).build(PARAMS),
    () => new opgate.RequestBuilder(ZEC).build({ instanceIds: ["1"], accessKeySecret: SECRET }),
    () => new opgate.RequestBuilder(ZEC, CREDENTIAL_OPTIONS).build({ instanceIds: ["1"] }),
  ],
  parseResponse: [
    () => opgate.parseResponse(ECS, 200, '{"RequestId": "r"}', HEADERS),
    () => opgate.parseResponse(ZEC, 403, '{"code": "X"}', { "cf-mitigated": "challenge", authorization: `Bearer ${BEARER}` }),
    () => opgate.parseResponse(ECS, 400, "<html>", new Map(HEADERS)),
    () => opgate.parseResponse(ECS, 200, '{"RequestId": "r"}', HEADERS, CREDENTIAL_OPTIONS),
  ],
  endpoint: [() => opgate.endpoint(ECS, { region: "cn-hangzhou", ...CREDENTIAL_OPTIONS })],
  ramParsePolicy: [() => opgate.ramParsePolicy(POLICY, CREDENTIAL_OPTIONS)],
  ramRequiredAccess: [() => opgate.ramRequiredAccess(ECS, PARAMS, RAM), () => opgate.ramRequiredAccess(ECS, { InstanceId: INSTANCE }, { ...RAM, ...CREDENTIAL_OPTIONS })],
  ramAuthorize: [
    () => opgate.ramAuthorize(ECS, PARAMS, [POLICY], { ...RAM, context: CONTEXT }),
    () => opgate.ramAuthorize(ECS, { InstanceId: INSTANCE }, [POLICY], { ...RAM, context: CONTEXT }),
    () => opgate.ramAuthorize(ECS, { InstanceId: INSTANCE }, [POLICY], { ...RAM, ...CREDENTIAL_OPTIONS }),
  ],
  ramEvaluate: [
    () => opgate.ramEvaluate([POLICY], "ecs:RebootInstance", "acs:ecs:*:*:instance/i-1", { context: CONTEXT }),
    () => opgate.ramEvaluate([POLICY], "ecs:RebootInstance", "acs:ecs:*:*:instance/i-1", CREDENTIAL_OPTIONS),
  ],
  clientToken: [() => opgate.clientToken(ECS, PARAMS, { scope: TOKEN }), () => opgate.clientToken(ECS, { InstanceId: INSTANCE }, CREDENTIAL_OPTIONS)],
  classify: [() => opgate.classify(ECS, "Throttling"), () => opgate.classify(ECS, "InvalidAccessKeyId.NotFound", { status: 404, ...CREDENTIAL_OPTIONS })],
  retryAdvice: [() => opgate.retryAdvice(ECS, 429, "Throttling", HEADERS, { params: PARAMS, now: 1700000000 })],
  accessDenied: [
    () => opgate.accessDenied({ AuthAction: "ecs:RebootInstance", SecurityToken: TOKEN, AccessKeySecret: SECRET }),
  ],
  plan: [() => opgate.plan(ECS, [INSTANCE], [ITEM], { scope: TOKEN, region: "cn-hangzhou", now: 1700000000 })],
  mergePlan: [
    () =>
      opgate.mergePlan(opgate.plan(ECS, [INSTANCE], [ITEM], { region: "cn-hangzhou", now: 1700000000 }), [
        { status: 403, body: JSON.stringify({ Code: "Forbidden", Message: "denied" }), headers: HEADERS },
      ]),
  ],
  Waiter: [() => new opgate.Waiter(ECS, [INSTANCE], 1700000000, CREDENTIAL_OPTIONS), () => opgate.Waiter.resume({ SecurityToken: TOKEN })],
};

const isErrorClass = (value) => value === opgate.OpgateError || value.prototype instanceof opgate.OpgateError;
const functions = Object.entries(opgate)
  .filter(([, value]) => typeof value === "function" && !isErrorClass(value))
  .map(([name]) => name)
  .sort();

test("the sweep covers every exported function, and none takes credentials", () => {
  assert.deepStrictEqual(Object.keys(PLANTED).sort(), functions);
  assert.equal("sign" in opgate, false);
  assert.equal(opgate.info().signing, false);
});

for (const name of functions) {
  test(`no secret shows: ${name}`, () => {
    for (const call of PLANTED[name]) {
      outcomeOf(call, name);
    }
  });
}

test("length checks read only an array's length: trapped and revoked proxies still reach conversion", () => {
  const thrown = (fn) => {
    try {
      fn();
    } catch (error) {
      return error;
    }
    assert.fail("expected an exception");
  };
  const { proxy: revoked, revoke } = Proxy.revocable([], {});
  revoke();
  const trapped = new Proxy([{ InstanceId: INSTANCE, Status: "Running" }], {
    get(target, key) {
      if (key === "0") {
        throw new Error("trap");
      }
      return Reflect.get(target, key);
    },
  });
  // An item the host cannot read is the host layer's InputError ("could not be read").
  for (const call of [() => opgate.precheckResources(ECS, trapped), () => opgate.ramEvaluate(trapped, "ecs:RebootInstance", "*")]) {
    const error = thrown(call);
    assert.ok(error instanceof opgate.InputError, String(error));
  }
  for (const call of [() => opgate.precheckResources(ECS, revoked), () => opgate.ramEvaluate(revoked, "ecs:RebootInstance", "*")]) {
    assert.ok(thrown(call) instanceof opgate.OpgateError);
  }
  const tooMany = new Proxy(new Array(10_001), {
    get(target, key) {
      if (key !== "length") {
        throw new Error("an item was read");
      }
      return Reflect.get(target, key);
    },
  });
  assert.equal(thrown(() => opgate.precheckResources(ECS, tooMany)).message, "At most 10000 resources can be checked at once; got 10001.");
  assert.equal(thrown(() => opgate.ramEvaluate(new Proxy(new Array(513), { get: (t, k) => (k === "length" ? t.length : assert.fail(String(k))) }), "a:b", "*")).code, "InvalidParameter.Policies");
});

// JS-specific behaviour of the lifecycle API: the Waiter object (persist as JSON, resume,
// clock defaults, private state), plans handed back to mergePlan, fetch Headers for
// retryAdvice. The rules themselves are covered by the shared life_*.json vectors.

import { test } from "node:test";
import assert from "node:assert/strict";
import * as opgate from "opgate";

const ECS = "ecs:RebootInstance";
const ZEC = "zec:RebootInstances";
const ID = "i-bp67acfmxazb4ph1abcd";
const item = (Status) => ({ InstanceId: ID, Status, OperationLocks: { LockReason: [] } });

test("a Waiter remembers the transition across JSON persistence", () => {
  const waiter = new opgate.Waiter(ECS, [ID], 1000, { before: [item("Running")], seed: 3 });
  assert.equal(waiter.nextPollAt, 1005);
  const first = waiter.observe([item("Running")], 1001);
  assert.equal(first.done, false);
  assert.equal(first.targets[0].state, "pending");
  assert.equal(first.targets[0].transitionSeen, false);
  waiter.observe([item("Starting")], 1006);
  const resumed = opgate.Waiter.resume(JSON.parse(JSON.stringify(waiter)));
  assert.equal(resumed.polls, 2);
  const done = resumed.observe([item("Running")], 1015);
  assert.equal(done.done && done.succeeded, true);
  assert.equal(done.nextPollAfterSeconds, null);
  assert.equal(done.targets[0].proof, "status_left_target");
  assert.equal(Object.keys(waiter).length, 0, "the state is private; toJSON() gives a copy");
  const state = waiter.toJSON();
  state.polls = 99;
  assert.equal(waiter.polls, 2);
});

test("the Waiter's clock defaults to now, and bad states are InputErrors", () => {
  const before = Math.floor(Date.now() / 1000);
  const waiter = new opgate.Waiter(ECS, ID);
  assert.ok(waiter.toJSON().sent >= before);
  assert.equal(waiter.observe([]).targets[0].state, "unknown");
  assert.throws(() => opgate.Waiter.resume({ version: 1 }), (e) => e instanceof opgate.InputError && e.code === "InvalidParameter.Waiter");
  assert.throws(() => new opgate.Waiter(ECS, [ID], "soon"), (e) => e instanceof opgate.InputError && e.code === "InvalidParameter.SentAt");
  assert.throws(() => new opgate.Waiter(ECS, [ID], 1, { seed: -1 }), (e) => e.code === "InvalidParameter.Seed");
});

test("a plan goes back to mergePlan as returned (camelCase keys)", () => {
  const ids = Array.from({ length: 150 }, (_, i) => String(1760000000000000000n + BigInt(i)));
  const items = ids.map((instanceId) => ({ instanceId, instanceStatus: "RUNNING" }));
  const planned = opgate.plan(ZEC, ids, items);
  assert.equal(planned.batchMax, 100);
  assert.deepEqual(planned.requests.map((r) => r.ids.length), [100, 50]);
  assert.deepEqual(JSON.parse(planned.requests[1].request.body).instanceIds, planned.requests[1].ids);
  const ok = { status: 200, body: JSON.stringify({ requestId: "T", response: { requestId: "T", instanceIds: [ids[0]] } }) };
  const merged = opgate.mergePlan(planned, [ok, null]);
  assert.deepEqual(merged.failedIds, [ids[0]]);
  assert.deepEqual(new Set(merged.outcomes.map((o) => o.state)), new Set(["accepted", "failed", "not_sent"]));
});

test("retryAdvice reads fetch Headers and says whether resending is safe", () => {
  const headers = new Headers({ "x-acs-retry-after": "1500" });
  const advice = opgate.retryAdvice(ECS, 400, "Throttling.User", headers);
  assert.deepEqual([advice.class, advice.safeToRetry, advice.retryAfterMs, advice.retryAfterSource], ["throttle", true, 1500, "x-acs-retry-after"]);
  const unsafe = opgate.retryAdvice(ECS, 500, "InternalError", null, { params: { InstanceId: ID } });
  assert.deepEqual([unsafe.safeToRetry, unsafe.action], [false, "recheck"]);
  assert.throws(() => opgate.classify(ECS, "X", { status: "500" }), (e) => e instanceof opgate.InputError && e.code === "InvalidParameter.Status");
  assert.throws(() => opgate.clientToken(ECS, { InstanceId: ID }), (e) => e.code === "UnsupportedOperation");
});

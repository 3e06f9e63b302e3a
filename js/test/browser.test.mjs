// Drives the demo page (js/demo/) in Debian's Chromium with playwright-core: every button's
// state and tooltip must be what the same wasm build says in Node, in English and Chinese;
// every refused action must show its code and reason inline, named by its button's
// aria-describedby; clicking an enabled button must show the request `build` gives, and the
// batch plan `plan` gives. Saves js/test-results/demo.png, demo-zh.png, demo-plan.png and
// demo-plan-zh.png.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import * as opgate from "opgate";
import { startServer } from "../demo/serve.mjs";

const CHROMIUM = process.env.OPGATE_CHROMIUM ?? "/usr/bin/chromium";
const RESULTS = fileURLToPath(new URL("../test-results/", import.meta.url));
const FLEET_FILE = fileURLToPath(new URL("../demo/fleet.json", import.meta.url));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const GROUPS = {
  ecs: { id: "InstanceId", ops: ["ecs:RebootInstance"] },
  service_instances: { id: "ServiceInstanceId", ops: ["computenestsupplier:RestartServiceInstance", "computenest:RenewServiceInstanceResources"] },
  zec: { id: "instanceId", ops: ["zec:RebootInstances"] },
};

let server;
let context;
let page;
let profile;
const problems = [];
const offsite = [];

function expected(lang) {
  const fleet = JSON.parse(readFileSync(FLEET_FILE, "utf8"));
  const rows = [];
  for (const [group, { ops }] of Object.entries(GROUPS)) {
    for (const op of ops) {
      for (const o of opgate.precheckResources(op, fleet[group], { lang, now: fleet.now }).outcomes) {
        const title = o.error ? `${o.error.code} (HTTP ${o.error.httpStatus}): ${o.error.message}\n${o.reason}` : o.reason;
        rows.push({ op, id: o.id, disabled: o.decision === "deny", title });
      }
    }
  }
  return { fleet, rows: rows.sort(byOpAndId) };
}

function byOpAndId(a, b) {
  return a.op.localeCompare(b.op) || a.id.localeCompare(b.id);
}

/** What Node says each refused action's inline reason must hold: its code and reason. */
function refusals(lang) {
  const fleet = JSON.parse(readFileSync(FLEET_FILE, "utf8"));
  return Object.entries(GROUPS).flatMap(([group, { ops }]) =>
    ops.flatMap((op) =>
      opgate
        .precheckResources(op, fleet[group], { lang, now: fleet.now })
        .outcomes.filter((o) => o.decision === "deny")
        .map((o) => ({ op, id: o.id, code: o.error.code, reason: o.reason })),
    ),
  );
}

/** Every refused action's inline reason is visible, holds its code and reason, and its button points to it. */
async function checkInlineReasons(lang) {
  const wanted = refusals(lang);
  assert.ok(wanted.length >= 10, "the sample fleet has refusals for every operation");
  for (const { op, id, code, reason } of wanted) {
    const button = page.locator(`button[data-op="${op}"][data-id="${id}"]`);
    const target = await button.getAttribute("aria-describedby");
    assert.ok(target, `${op} ${id}: a refused button names its reason with aria-describedby`);
    const why = page.locator(`[id="${target}"]`);
    assert.equal(await why.count(), 1, `${op} ${id}: exactly one element #${target}`);
    assert.ok(await why.isVisible(), `${op} ${id}: the reason is shown inline, not only in a tooltip`);
    const text = await why.textContent();
    assert.ok(text.includes(code), `${op} ${id}: the inline reason shows ${code}: ${text}`);
    assert.ok(text.includes(reason), `${op} ${id}: the inline reason shows the core's reason: ${text}`);
    // The reason sits on the line right under the button's row.
    assert.equal(await page.locator(`tr[data-id="${id}"]:has(button[data-op="${op}"]) + tr.why-row[data-why-for="${id}"] [id="${target}"]`).count(), 1);
    const box = await why.boundingBox();
    const table = await page.locator(`tr[data-why-for="${id}"]`).locator("xpath=ancestor::section").boundingBox();
    assert.ok(box && table && box.x + box.width <= table.x + table.width + 1, `${op} ${id}: the reason fits its section, nothing is cut off`);
  }
  const allowedWithLinks = await page.$$eval("button[data-op]:not([disabled])[aria-describedby]", (all) => all.length);
  assert.equal(allowedWithLinks, 0, "enabled buttons have no refusal to point to");
}

/** The panel shows the plan Node computes, with one request preview per planned request and every denied id's code. */
async function checkPlanPanel(op, targets, items, options) {
  const planned = opgate.plan(op, targets, items, { ...options, scope: "opgate-demo" });
  assert.equal(await page.textContent("#plan-summary"), planned.reason);
  const previews = await page.$$eval("#plan-requests pre.request", (all) => all.map((pre) => pre.textContent));
  assert.equal(previews.length, planned.requests.length);
  for (const [index, request] of planned.requests.entries()) {
    const r = request.request;
    const text = [`${r.method} ${r.url}`, ...r.headers.map(([k, v]) => `${k}: ${v}`)].join("\n") + (r.body ? `\n\n${r.body}` : "");
    assert.equal(previews[index], text, `request ${index} preview`);
  }
  assert.ok(await page.locator("#request").isVisible(), "the request preview is visible");
  const denied = await page.$$eval("#plan-denied li", (all) => all.map((li) => ({ id: li.dataset.id, text: li.textContent })));
  assert.deepStrictEqual(
    denied.map((d) => d.id),
    planned.denied.map((d) => d.id),
  );
  for (const [index, d] of planned.denied.entries()) {
    assert.ok(denied[index].text.includes(d.error.code) && denied[index].text.includes(d.reason), `denied ${d.id} shows code and reason`);
  }
  return planned;
}

async function buttons(on = page) {
  const shown = await on.$$eval("button[data-op]", (all) => all.map((b) => ({ op: b.dataset.op, id: b.dataset.id, disabled: b.disabled, title: b.title, wrapper: b.parentElement.title })));
  return shown.sort(byOpAndId);
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: 'bash js/run.sh test' installs Debian's chromium`);
  assert.ok(existsSync(FLEET_FILE), "js/demo/fleet.json is missing: 'bash js/run.sh test' copies examples/fleet.json there");
  mkdirSync(RESULTS, { recursive: true });
  server = await startServer({ port: 0 });
  profile = mkdtempSync(join(tmpdir(), "opgate-chromium-"));
  // A fresh profile directory per run (Playwright passes it as --user-data-dir).
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1360, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", ""].includes(url.hostname) && url.protocol !== "data:") {
      offsite.push(request.url());
    }
  });
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready]");
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) {
    rmSync(profile, { recursive: true, force: true });
  }
});

test("the page loads the wasm build and lists the whole fleet", async () => {
  assert.equal(await page.getAttribute("body", "data-ready"), "true");
  const { fleet, rows } = expected("en");
  for (const group of Object.keys(GROUPS)) {
    assert.equal(await page.locator(`#group-${group} tbody tr[data-id]`).count(), fleet[group].length, group);
  }
  assert.equal((await buttons()).length, rows.length);
});

test("buttons are enabled or disabled as precheckResources says in Node, with its reason as the tooltip (English)", async () => {
  const { rows } = expected("en");
  const shown = await buttons();
  assert.deepStrictEqual(
    shown.map(({ op, id, disabled, title }) => ({ op, id, disabled, title })),
    rows,
  );
  assert.ok(shown.every((b) => b.wrapper === b.title), "the wrapper of every button carries the same tooltip (disabled buttons get no hover)");
  // The sample fleet has both kinds for every operation.
  for (const op of Object.values(GROUPS).flatMap((g) => g.ops)) {
    const mine = rows.filter((r) => r.op === op);
    assert.ok(mine.some((r) => r.disabled) && mine.some((r) => !r.disabled), `${op}: the fleet should show both enabled and disabled buttons`);
  }
  const locked = shown.find((b) => b.id === "i-bp1h4adlltjc1d48god9");
  assert.match(locked.title, /^InstanceLockedForSecurity \(HTTP 403\): /);
  assert.match(locked.title, /locked \(LockReason security\)/);
});

test("every refused action shows its code and reason inline, linked by aria-describedby (English)", async () => {
  await checkInlineReasons("en");
  assert.match(await page.textContent("#group-ecs tr.why-row"), /^Why not: /);
});

test("a Reboot button shows the batch plan, and a group's button plans every row", async () => {
  const { fleet } = expected("en");
  const zec = fleet.zec.find((i) => i.instanceStatus === "RUNNING");
  await page.click(`button[data-op="zec:RebootInstances"][data-id="${zec.instanceId}"]`);
  await checkPlanPanel("zec:RebootInstances", { instanceIds: [zec.instanceId] }, fleet.zec, { now: fleet.now });
  // The whole group: allowed ids in one request (ZEC takes up to 100), the rest denied with codes.
  await page.click('button[data-batch-op="zec:RebootInstances"]');
  const planned = await checkPlanPanel("zec:RebootInstances", { instanceIds: fleet.zec.map((i) => i.instanceId) }, fleet.zec, { now: fleet.now });
  assert.deepEqual(planned.requests.map((r) => r.ids.length), [2]);
  assert.equal(planned.denied.length, 3);
  // ECS takes one instance per call; Compute Nest requests carry a ClientToken each.
  await page.click('button[data-batch-op="computenest:RenewServiceInstanceResources"]');
  const renew = await checkPlanPanel(
    "computenest:RenewServiceInstanceResources",
    { ServiceInstanceId: fleet.service_instances.map((i) => i.ServiceInstanceId), RegionId: fleet.service_instances[0].RegionId, Period: 1, PeriodUnit: "Month" },
    fleet.service_instances,
    { now: fleet.now },
  );
  assert.ok(renew.requests.length >= 2 && renew.requests.every((r) => r.ids.length === 1 && r.token));
  const tokens = await page.$$eval("#plan-requests .token", (all) => all.map((p) => p.textContent));
  assert.deepEqual(tokens, renew.requests.map((r) => `ClientToken: ${r.token}`));
  await page.screenshot({ path: join(RESULTS, "demo-plan.png"), fullPage: true });
});

test("clicking an enabled button shows the request build() gives", async () => {
  const { fleet } = expected("en");
  const item = fleet.ecs.find((i) => i.Status === "Running" && i.OperationLocks.LockReason.length === 0 && i.InstanceChargeType === "PostPaid");
  await page.click(`button[data-op="ecs:RebootInstance"][data-id="${item.InstanceId}"]`);
  const request = opgate.build("ecs:RebootInstance", { InstanceId: item.InstanceId }, { region: item.RegionId, now: fleet.now });
  const text = [`${request.method} ${request.url}`, ...request.headers.map(([k, v]) => `${k}: ${v}`)].join("\n");
  assert.equal(await page.textContent("#request"), text);
  assert.match(text, /^POST https:\/\/ecs[.-]cn-hangzhou\.aliyuncs\.com\/\?InstanceId=i-bp1h4adlltjc1d48goaq/);
  assert.match(await page.textContent("#panel-verdict"), /^Allowed: The instance i-bp1h4adlltjc1d48goaq is Running/);

  // A Zenlayer batch call carries its ids in a JSON body.
  const zec = fleet.zec.find((i) => i.instanceStatus === "RUNNING");
  await page.click(`button[data-op="zec:RebootInstances"][data-id="${zec.instanceId}"]`);
  const zecRequest = opgate.build("zec:RebootInstances", { instanceIds: [zec.instanceId] }, { now: fleet.now });
  assert.ok((await page.textContent("#request")).endsWith(`\n\n${zecRequest.body}`));
  assert.equal(JSON.parse(zecRequest.body).instanceIds[0], zec.instanceId);

  // Renew with a one-month period, for a service instance the pre-check allows.
  const renewable = (await buttons()).find((b) => b.op === "computenest:RenewServiceInstanceResources" && !b.disabled);
  await page.click(`button[data-op="computenest:RenewServiceInstanceResources"][data-id="${renewable.id}"]`);
  const renewText = await page.textContent("#request");
  assert.match(renewText, /\nx-acs-action: RenewServiceInstanceResources\n/);
  assert.match(renewText, /Period=1/);
  assert.match(renewText, /PeriodUnit=Month/);
  await page.screenshot({ path: join(RESULTS, "demo.png"), fullPage: true });
});

test("a disabled button cannot be clicked", async () => {
  const before = await page.textContent("#panel-body");
  const denied = (await buttons()).find((b) => b.disabled);
  await page.click(`button[data-op="${denied.op}"][data-id="${denied.id}"]`, { force: true });
  assert.equal(await page.textContent("#panel-body"), before);
});

test("the tooltips and the request panel switch to Chinese", async () => {
  await page.click("#lang-zh");
  const { rows } = expected("zh");
  const shown = await buttons();
  assert.deepStrictEqual(
    shown.map(({ op, id, disabled, title }) => ({ op, id, disabled, title })),
    rows,
  );
  const locked = shown.find((b) => b.id === "i-bp1h4adlltjc1d48god9");
  assert.match(locked.title, /^InstanceLockedForSecurity \(HTTP 403\): /, "codes do not change with the language");
  assert.match(locked.title, /已被锁定/);
  // Hovering the disabled button's wrapper is where the tooltip shows.
  await page.hover(`span.tip:has(button[data-id="i-bp1h4adlltjc1d48god9"])`);
  assert.equal(await page.textContent("#lang-zh"), "中文");
  assert.equal(await page.getAttribute("#lang-zh", "aria-pressed"), "true");
  assert.match(await page.textContent("#panel-verdict"), /^允许：/);
  assert.match(await page.textContent("#panel-title"), /请求/);
  await page.screenshot({ path: join(RESULTS, "demo-zh.png"), fullPage: true });
});

test("the inline reasons and the batch plan are in Chinese too", async () => {
  await checkInlineReasons("zh");
  assert.match(await page.textContent("#group-ecs tr.why-row"), /^不可用原因：/);
  const { fleet } = expected("zh");
  await page.click('button[data-batch-op="zec:RebootInstances"]');
  assert.equal(await page.textContent('button[data-batch-op="zec:RebootInstances"]'), "全部重启");
  const planned = await checkPlanPanel("zec:RebootInstances", { instanceIds: fleet.zec.map((i) => i.instanceId) }, fleet.zec, { now: fleet.now, lang: "zh" });
  assert.match(planned.reason, /个 ID 可以执行/);
  await page.screenshot({ path: join(RESULTS, "demo-plan-zh.png"), fullPage: true });
});

test("under a CSP without 'unsafe-eval' the buttons are the same, after one refused evaluation", async () => {
  const strict = await context.newPage();
  const seen = [];
  strict.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
  strict.on("console", (message) => {
    if (message.type() === "error") seen.push(`console error: ${message.text()}`);
  });
  // The policy's refusals, as the page's own listener sees them (Playwright's init script is
  // not subject to the page's policy).
  await strict.addInitScript(() => {
    window.refusals = [];
    document.addEventListener("securitypolicyviolation", (event) => window.refusals.push(event.effectiveDirective));
  });
  try {
    await strict.goto(`${server.url}?csp=strict`);
    await strict.waitForSelector("body[data-ready]");
    const shown = await buttons(strict);
    assert.deepStrictEqual(
      shown.map(({ op, id, disabled, title }) => ({ op, id, disabled, title })),
      expected("en").rows,
    );
    // One attempt to generate code, refused; the generic walks answered every pre-check.
    assert.deepStrictEqual(await strict.evaluate(() => window.refusals), ["script-src"]);
    assert.deepStrictEqual(seen, []);
  } finally {
    await strict.close();
  }
});

test("the page made no errors and no requests off 127.0.0.1", () => {
  assert.deepStrictEqual(problems, []);
  assert.deepStrictEqual(offsite, []);
});

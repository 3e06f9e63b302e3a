// Drives the demo page (js/demo/) in Debian's Chromium with playwright-core: every button's
// state and tooltip must be what the same wasm build says in Node, in English and Chinese;
// clicking an enabled button must show the request `build` gives. Saves
// js/test-results/demo.png and demo-zh.png.

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

async function buttons() {
  const shown = await page.$$eval("button[data-op]", (all) => all.map((b) => ({ op: b.dataset.op, id: b.dataset.id, disabled: b.disabled, title: b.title, wrapper: b.parentElement.title })));
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
    assert.equal(await page.locator(`#group-${group} tbody tr`).count(), fleet[group].length, group);
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

test("the page made no errors and no requests off 127.0.0.1", () => {
  assert.deepStrictEqual(problems, []);
  assert.deepStrictEqual(offsite, []);
});

// The console demo: every button state, tooltip and request comes from the wasm core
// (precheckResources, precheck, build). This file only lays the answers out.

import { init, precheckResources, precheck, build, OpgateError } from "../src/index.js";

const TEXT = {
  en: {
    title: "opgate · lifecycle console",
    clock: (when) => `Pre-checked as of ${when} (the sample fleet's clock)`,
    ecs: "ECS instances",
    si: "Compute Nest service instances",
    zec: "Zenlayer ZEC instances",
    name: "Name",
    id: "ID",
    status: "Status",
    billing: "Billing",
    template: "Template",
    region: "Region",
    actions: "Actions",
    reboot: "Reboot",
    restart: "Restart",
    renew: "Renew",
    renewPeriod: "1 month",
    panel: "Request",
    idle: "Click an enabled button to see the request it would send. Hover a button for the reason it is enabled or disabled.",
    allowed: "Allowed",
    denied: "Denied",
    transition: "Status",
    unsigned: "Unsigned: sign it on your server. The browser build has no signing, so no secret ever reaches this page.",
    wouldSend: (op) => `${op} would send:`,
    expires: (date) => `expires ${date}`,
    footer: (n) => `${n} resources · decisions by the opgate WebAssembly core; nothing is sent anywhere.`,
    error: "Error",
    sep: ": ",
  },
  zh: {
    title: "opgate · 生命周期控制台",
    clock: (when) => `预检时间 ${when}（示例资源的时钟）`,
    ecs: "ECS 实例",
    si: "计算巢服务实例",
    zec: "Zenlayer ZEC 实例",
    name: "名称",
    id: "ID",
    status: "状态",
    billing: "计费",
    template: "模板",
    region: "地域",
    actions: "操作",
    reboot: "重启",
    restart: "重启",
    renew: "续费",
    renewPeriod: "1 个月",
    panel: "请求",
    idle: "点击可用的按钮查看将要发送的请求。将鼠标悬停在按钮上可查看可用或不可用的原因。",
    allowed: "允许",
    denied: "拒绝",
    transition: "状态变化",
    unsigned: "未签名：请在服务端签名。浏览器版本不含签名功能，密钥不会出现在本页面。",
    wouldSend: (op) => `${op} 将发送：`,
    expires: (date) => `${date} 到期`,
    footer: (n) => `共 ${n} 个资源 · 由 opgate WebAssembly 内核判定；不会发送任何请求。`,
    error: "错误",
    sep: "：",
  },
};

/** The fleet's groups, and per group the operations its rows offer. */
const GROUPS = [
  {
    key: "ecs",
    title: "ecs",
    id: (item) => item.InstanceId,
    name: (item) => item.InstanceName,
    status: (item) => item.Status,
    extra: { label: "billing", value: (item, t) => (item.InstanceChargeType === "PrePaid" ? `PrePaid · ${t.expires(item.ExpiredTime)}` : item.InstanceChargeType) },
    actions: [{ label: "reboot", op: "ecs:RebootInstance", params: (item) => ({ InstanceId: item.InstanceId }), region: (item) => item.RegionId }],
  },
  {
    key: "service_instances",
    title: "si",
    id: (item) => item.ServiceInstanceId,
    name: (item) => item.Name,
    status: (item) => item.Status,
    extra: { label: "template", value: (item) => item.TemplateName ?? "" },
    actions: [
      { label: "restart", op: "computenestsupplier:RestartServiceInstance", params: (item) => ({ ServiceInstanceId: item.ServiceInstanceId, RegionId: item.RegionId }) },
      {
        label: "renew",
        op: "computenest:RenewServiceInstanceResources",
        params: (item) => ({ ServiceInstanceId: item.ServiceInstanceId, RegionId: item.RegionId, Period: 1, PeriodUnit: "Month" }),
      },
    ],
  },
  {
    key: "zec",
    title: "zec",
    id: (item) => item.instanceId,
    name: (item) => item.instanceName,
    status: (item) => item.instanceStatus,
    extra: { label: "region", value: (item) => item.regionId },
    actions: [{ label: "reboot", op: "zec:RebootInstances", params: (item) => ({ instanceIds: [item.instanceId] }) }],
  },
];

const GOOD = new Set(["Running", "Deployed", "RUNNING"]);
const BUSY = new Set(["Starting", "Stopping", "Pending", "Deploying", "REBOOT", "BOOTING", "STOPPING", "CREATING"]);

const state = { lang: "en", fleet: null, selected: null };

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") {
      node.className = value;
    } else if (name === "text") {
      node.textContent = value;
    } else if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function options() {
  return { lang: state.lang, now: state.fleet.now };
}

/** The tooltip: the provider's own error (code, HTTP status, message) and the core's reason. */
function tooltip(outcome) {
  if (!outcome.error) {
    return outcome.reason;
  }
  return `${outcome.error.code} (HTTP ${outcome.error.httpStatus}): ${outcome.error.message}\n${outcome.reason}`;
}

function renderTables() {
  const t = TEXT[state.lang];
  const container = $("#tables");
  container.replaceChildren();
  for (const group of GROUPS) {
    const items = state.fleet[group.key] ?? [];
    // One pre-check per operation for the whole group: which rows could do it right now?
    const outcomes = new Map(group.actions.map((action) => [action.op, new Map(precheckResources(action.op, items, options()).outcomes.map((o) => [o.id, o]))]));
    const head = el("tr", {}, ...["name", "id", "status", group.extra.label, "actions"].map((key) => el("th", { text: t[key] })));
    const rows = items.map((item) => {
      const id = group.id(item);
      const status = group.status(item);
      const buttons = group.actions.map((action) => {
        const outcome = outcomes.get(action.op).get(id);
        const allowed = outcome.decision !== "deny";
        const label = action.label === "renew" ? `${t.renew} (${t.renewPeriod})` : t[action.label];
        const button = el("button", {
          type: "button",
          "data-op": action.op,
          "data-id": id,
          "data-decision": outcome.decision,
          disabled: !allowed,
          title: tooltip(outcome),
          class: state.selected && state.selected.op === action.op && state.selected.id === id ? "selected" : undefined,
          text: label,
        });
        button.addEventListener("click", () => select(group, action, item));
        // Disabled buttons get no pointer events; the wrapper carries the same tooltip.
        return el("span", { class: "tip", title: tooltip(outcome) }, button);
      });
      const kind = GOOD.has(status) ? "good" : BUSY.has(status) ? "busy" : "bad";
      return el(
        "tr",
        { "data-id": id },
        el("td", { text: group.name(item) ?? "" }),
        el("td", { class: "id", text: id }),
        el("td", {}, el("span", { class: `status ${kind}`, text: status })),
        el("td", { text: group.extra.value(item, t) }),
        el("td", { class: "actions" }, ...buttons),
      );
    });
    container.append(
      el("section", { id: `group-${group.key}` }, el("h2", {}, t[group.title], el("small", { text: `(${items.length})` })), el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows))),
    );
  }
}

/** The request as an HTTP message: request line, headers, blank line, body. */
function httpText(request) {
  const lines = [`${request.method} ${request.url}`, ...request.headers.map(([name, value]) => `${name}: ${value}`)];
  if (request.body) {
    lines.push("", request.body);
  }
  return lines.join("\n");
}

function renderPanel() {
  const t = TEXT[state.lang];
  $("#panel-title").textContent = t.panel;
  const body = $("#panel-body");
  const selected = state.selected;
  if (!selected) {
    body.replaceChildren(el("p", { class: "note", id: "panel-idle", text: t.idle }));
    return;
  }
  const { group, action, item } = selected;
  const params = action.params(item);
  const parts = [];
  try {
    // The full pre-check (parameters validated, this resource judged), then the request.
    const verdict = precheck(action.op, params, state.fleet[group.key], options());
    const outcome = verdict.outcomes[0];
    parts.push(el("p", { class: `verdict ${verdict.allowed ? "allowed" : "denied"}`, id: "panel-verdict", text: `${verdict.allowed ? t.allowed : t.denied}${t.sep}${outcome.reason}` }));
    if (outcome.transition) {
      const path = [outcome.transition.from, outcome.transition.immediate ?? "…", outcome.transition.settled].join(" → ");
      parts.push(el("p", { class: "note", text: `${t.transition}${t.sep}${path}` }));
    }
    if (verdict.allowed) {
      const request = build(action.op, params, { ...options(), region: action.region ? action.region(item) : undefined });
      parts.push(el("p", { text: t.wouldSend(action.op) }), el("pre", { id: "request", text: httpText(request) }), el("p", { class: "note", text: t.unsigned }));
    }
  } catch (error) {
    if (!(error instanceof OpgateError)) {
      throw error;
    }
    parts.push(el("p", { class: "verdict denied", id: "panel-error", text: `${t.error}${t.sep}${error.code}: ${error.message}` }));
  }
  body.replaceChildren(...parts);
}

function select(group, action, item) {
  state.selected = { group, action, item, op: action.op, id: group.id(item) };
  render();
}

function render() {
  const t = TEXT[state.lang];
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = t.title;
  $("#title").textContent = t.title;
  const when = new Date(state.fleet.now * 1000).toISOString().replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC");
  $("#clock").textContent = t.clock(when);
  for (const button of document.querySelectorAll(".lang button")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
  }
  renderTables();
  renderPanel();
  const count = GROUPS.reduce((n, g) => n + (state.fleet[g.key]?.length ?? 0), 0);
  $("#footer").textContent = t.footer(count);
}

async function main() {
  const requested = new URLSearchParams(location.search).get("lang");
  state.lang = requested === "zh" ? "zh" : "en";
  for (const button of document.querySelectorAll(".lang button")) {
    button.addEventListener("click", () => {
      state.lang = button.dataset.lang;
      render();
    });
  }
  const [, response] = await Promise.all([init(), fetch("fleet.json")]);
  if (!response.ok) {
    throw new Error(`fleet.json: HTTP ${response.status} (run 'make demo', which copies examples/fleet.json here)`);
  }
  state.fleet = await response.json();
  render();
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  document.body.dataset.ready = "error";
  $("#panel-body").replaceChildren(el("p", { class: "verdict denied", text: String(error) }));
  console.error(error);
});

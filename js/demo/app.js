// The console demo: every button state, reason, plan and request comes from the wasm core
// (precheckResources, precheck, plan). This file only lays the answers out.
//
// Each refused action shows its provider code and reason inline, on a line right under its
// row, and its button names that text with aria-describedby (a tooltip alone is invisible
// on a screenshot or a touch screen). A button, or a group's "… all" button, shows the batch
// plan: the requests split to the provider's limit (with a ClientToken where the operation
// takes one) and the ids denied or unknown, each with its code and reason.

import { init, precheckResources, precheck, plan, OpgateError } from "../src/index.js";

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
    idle: "Click an enabled button, or a group's \u201c… all\u201d button, to see the batch plan and the requests it would send. Refused actions say why in their row.",
    allowed: "Allowed",
    denied: "Denied",
    transition: "Status",
    unsigned: "Unsigned: sign it on your server. The browser build has no signing, so no secret ever reaches this page.",
    wouldSend: (op) => `${op} would send:`,
    expires: (date) => `expires ${date}`,
    why: "Why not",
    all: (label) => `${label} all`,
    planTitle: "Batch plan",
    request: (n, total, ids) => `Request ${n} of ${total} · ${ids} id${ids === 1 ? "" : "s"}`,
    token: "ClientToken",
    deniedIds: "Denied (not sent)",
    unknownIds: "Unknown (not sent)",
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
    idle: "点击可用的按钮或分组的“全部”按钮，查看批量计划及将要发送的请求。被拒绝的操作会在所在行说明原因。",
    allowed: "允许",
    denied: "拒绝",
    transition: "状态变化",
    unsigned: "未签名：请在服务端签名。浏览器版本不含签名功能，密钥不会出现在本页面。",
    wouldSend: (op) => `${op} 将发送：`,
    expires: (date) => `${date} 到期`,
    why: "不可用原因",
    all: (label) => `全部${label}`,
    planTitle: "批量计划",
    request: (n, total, ids) => `请求 ${n}/${total} · ${ids} 个 ID`,
    token: "ClientToken",
    deniedIds: "已拒绝（不发送）",
    unknownIds: "未知（不发送）",
    footer: (n) => `共 ${n} 个资源 · 由 opgate WebAssembly 内核判定；不会发送任何请求。`,
    error: "错误",
    sep: "：",
  },
};

/**
 * The fleet's groups, and per group the operations its rows offer: `target` is the parameter
 * naming the resources (a list where `batch`), `common` the parameters every request shares.
 */
const GROUPS = [
  {
    key: "ecs",
    title: "ecs",
    id: (item) => item.InstanceId,
    name: (item) => item.InstanceName,
    status: (item) => item.Status,
    extra: { label: "billing", value: (item, t) => (item.InstanceChargeType === "PrePaid" ? `PrePaid · ${t.expires(item.ExpiredTime)}` : item.InstanceChargeType) },
    actions: [{ label: "reboot", op: "ecs:RebootInstance", target: "InstanceId", common: () => ({}), region: (items) => items[0]?.RegionId }],
  },
  {
    key: "service_instances",
    title: "si",
    id: (item) => item.ServiceInstanceId,
    name: (item) => item.Name,
    status: (item) => item.Status,
    extra: { label: "template", value: (item) => item.TemplateName ?? "" },
    actions: [
      { label: "restart", op: "computenestsupplier:RestartServiceInstance", target: "ServiceInstanceId", common: (items) => ({ RegionId: items[0]?.RegionId }) },
      {
        label: "renew",
        op: "computenest:RenewServiceInstanceResources",
        target: "ServiceInstanceId",
        common: (items) => ({ RegionId: items[0]?.RegionId, Period: 1, PeriodUnit: "Month" }),
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
    actions: [{ label: "reboot", op: "zec:RebootInstances", target: "instanceIds", batch: true, common: () => ({}) }],
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
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
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

/** The id of the inline reason of one refused action (element ids may not hold ':'). */
function whyId(op, id) {
  return `why-${op.replace(/[^A-Za-z0-9]/g, "-")}-${id}`;
}

function actionLabel(action, t) {
  return action.label === "renew" ? `${t.renew} (${t.renewPeriod})` : t[action.label];
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
    const rows = items.flatMap((item) => {
      const id = group.id(item);
      const status = group.status(item);
      const reasons = [];
      const buttons = group.actions.map((action) => {
        const outcome = outcomes.get(action.op).get(id);
        const allowed = outcome.decision !== "deny";
        const label = actionLabel(action, t);
        let describedBy;
        if (!allowed) {
          // The refusal, inline: the provider's code and the core's reason.
          describedBy = whyId(action.op, id);
          reasons.push(
            el(
              "div",
              { class: "why", id: describedBy, "data-why-op": action.op },
              group.actions.length > 1 && el("span", { class: "why-action", text: `${label}${t.sep}` }),
              el("code", { class: "code", text: outcome.error.code }),
              el("span", { class: "why-reason", text: ` ${outcome.reason}` }),
            ),
          );
        }
        const selected = state.selected && state.selected.op === action.op && state.selected.ids.length === 1 && state.selected.ids[0] === id;
        const button = el("button", {
          type: "button",
          "data-op": action.op,
          "data-id": id,
          "data-decision": outcome.decision,
          disabled: !allowed,
          title: tooltip(outcome),
          "aria-describedby": describedBy,
          class: selected ? "selected" : undefined,
          text: label,
        });
        button.addEventListener("click", () => select(group, action, [id]));
        // Disabled buttons get no pointer events; the wrapper carries the same tooltip.
        return el("span", { class: "tip", title: tooltip(outcome) }, button);
      });
      const kind = GOOD.has(status) ? "good" : BUSY.has(status) ? "busy" : "bad";
      const row = el(
        "tr",
        { "data-id": id, class: reasons.length > 0 ? "has-why" : undefined },
        el("td", { text: group.name(item) ?? "" }),
        el("td", { class: "id", text: id }),
        el("td", {}, el("span", { class: `status ${kind}`, text: status })),
        el("td", { text: group.extra.value(item, t) }),
        el("td", { class: "actions" }, ...buttons),
      );
      if (reasons.length === 0) {
        return [row];
      }
      // The refusals, right under the row they belong to, across the whole table width.
      const why = el("tr", { class: "why-row", "data-why-for": id }, el("td", { colspan: 5 }, el("span", { class: "why-label", text: `${t.why}${t.sep}` }), ...reasons));
      return [row, why];
    });
    // One button per operation for the whole group: the batch plan over every row.
    const batch = group.actions.map((action) => {
      const button = el("button", { type: "button", class: "batch", "data-batch-op": action.op, text: t.all(actionLabel(action, t)) });
      button.addEventListener("click", () => select(group, action, items.map(group.id)));
      return button;
    });
    container.append(
      el(
        "section",
        { id: `group-${group.key}` },
        el("h2", {}, el("span", { text: t[group.title] }), el("small", { text: `(${items.length})` }), el("span", { class: "batch-actions" }, ...batch)),
        el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)),
      ),
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

function leftOut(title, id, entries) {
  if (entries.length === 0) {
    return null;
  }
  const rows = entries.map((entry) =>
    el("li", { "data-id": entry.id }, el("span", { class: "id", text: entry.id }), entry.error && el("code", { class: "code", text: entry.error.code }), el("span", { text: entry.reason })),
  );
  return el("div", { id, class: "left-out" }, el("h4", { text: title }), el("ul", {}, ...rows));
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
  const { group, action, ids } = selected;
  const items = state.fleet[group.key];
  const chosen = items.filter((item) => ids.includes(group.id(item)));
  const common = action.common(chosen);
  const parts = [];
  try {
    if (ids.length === 1) {
      // One resource: the full pre-check (parameters validated, this resource judged).
      const params = { ...common, [action.target]: action.batch ? ids : ids[0] };
      const verdict = precheck(action.op, params, items, options());
      const outcome = verdict.outcomes[0];
      parts.push(el("p", { class: `verdict ${verdict.allowed ? "allowed" : "denied"}`, id: "panel-verdict", text: `${verdict.allowed ? t.allowed : t.denied}${t.sep}${outcome.reason}` }));
      if (outcome.transition) {
        const path = [outcome.transition.from, outcome.transition.immediate ?? "…", outcome.transition.settled].join(" → ");
        parts.push(el("p", { class: "note", text: `${t.transition}${t.sep}${path}` }));
      }
    }
    // The batch plan: allowed ids split to the provider's limit, each request built.
    const planned = plan(action.op, { ...common, [action.target]: ids }, items, { ...options(), region: action.region ? action.region(chosen) : undefined, scope: "opgate-demo" });
    parts.push(el("h3", { id: "plan-title", text: `${t.planTitle} · ${action.op}` }), el("p", { id: "plan-summary", text: planned.reason }));
    if (planned.requests.length > 0) {
      const list = el(
        "ol",
        { id: "plan-requests" },
        ...planned.requests.map((request) =>
          el(
            "li",
            { "data-index": request.index },
            el("p", { class: "request-head", text: t.request(request.index + 1, planned.requests.length, request.ids.length) }),
            request.token && el("p", { class: "note token", text: `${t.token}${t.sep}${request.token}` }),
            el("pre", { id: request.index === 0 ? "request" : undefined, class: "request", text: httpText(request.request) }),
          ),
        ),
      );
      parts.push(el("p", { text: t.wouldSend(action.op) }), list, el("p", { class: "note", text: t.unsigned }));
    }
    parts.push(leftOut(t.deniedIds, "plan-denied", planned.denied), leftOut(t.unknownIds, "plan-unknown", planned.unknown));
  } catch (error) {
    if (!(error instanceof OpgateError)) {
      throw error;
    }
    parts.push(el("p", { class: "verdict denied", id: "panel-error", text: `${t.error}${t.sep}${error.code}: ${error.message}` }));
  }
  body.replaceChildren(...parts.filter(Boolean));
}

function select(group, action, ids) {
  state.selected = { group, action, ids, op: action.op };
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

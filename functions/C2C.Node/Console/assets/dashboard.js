// Corridor dashboard: the node's figures (kept as movements change, read in a bounded number of rows), the movements
// in transit and a journey drawn as a route beside its timeline. Sign-in and API calls as the console's (api.js).
"use strict";
const keyName = "c2c-auditor-key", signInRole = "auditor"; // for api.js
function fill(table, items, render) {
  const body = $(table).tBodies[0]; body.replaceChildren();
  for (const item of items) render(body.insertRow(), item);
  if (items.length === 0) { const row = body.insertRow(); const td = cell(row, "none", "muted"); td.colSpan = $(table).tHead.rows[0].cells.length; }
}
function caption(figure, svg, text) { const c = document.createElement("figcaption"); c.textContent = text; $(figure).replaceChildren(svg, c); }

function kpis(d, alertCount) {
  const tiles = [
    ["kpi-in-transit", "In transit now", d.now.inTransit], ["kpi-overdue", "Overdue", d.now.overdue, d.now.overdue > 0],
    ["kpi-enquiry", "Under enquiry", d.now.underEnquiry, d.now.underEnquiry > 0], ["kpi-opened-today", "Opened today", d.todayFigures.opened],
    ["kpi-opened-week", "Opened this week", d.week.opened], ["kpi-declarations-week", "Declarations this week", d.week.declarations],
    ["kpi-nacks-week", "NACKs this week", Object.values(d.week.nacks).reduce((a, b) => a + b, 0)], ["kpi-alerts", "Alerts (31 days)", alertCount, alertCount > 0],
  ];
  $("kpis").replaceChildren(...tiles.map(([id, label, value, warn]) => {
    const li = document.createElement("li"); li.id = id; if (warn) li.className = "warn";
    const v = document.createElement("span"); v.className = "value"; v.textContent = String(value);
    const l = document.createElement("span"); l.className = "label"; l.textContent = label;
    li.append(v, l); return li;
  }));
}

function statuses(d) {
  const names = [...new Set([...Object.keys(d.now.byStatus), ...Object.keys(d.todayFigures.entered), ...Object.keys(d.week.entered)])].sort();
  fill("statuses", names, (row, s) => {
    cell(row, s, "token"); cell(row, d.now.byStatus[s] ?? 0, "num"); cell(row, d.todayFigures.entered[s] ?? 0, "num"); cell(row, d.week.entered[s] ?? 0, "num");
  });
}

function links(d) {
  fill("links", d.links, (row, l) => {
    cell(row, l.partner, "token"); cell(row, when(l.lastIn) || "—", "token"); cell(row, when(l.lastOut) || "—", "token"); cell(row, l.in, "num"); cell(row, l.out, "num");
  });
}

function charts(d) {
  const labels = d.perDay.map((p) => p.day.slice(5));
  const opened = d.perDay.map((p) => p.opened), declared = d.perDay.map((p) => p.declarations);
  caption("chart-opened", Charts.bars({ labels, description: `Movements opened per day over ${labels.length} days: ${opened.reduce((a, b) => a + b, 0)} in all`,
    series: [{ name: "opened", values: opened, colour: Charts.colours.primary }, { name: "declarations (IE015)", values: declared, colour: Charts.colours.secondary }] }),
    "Opened: movements this node first recorded (declarations released here, records received from a partner).");
  const codes = Object.keys(d.nacksByCode).sort();
  caption("chart-nacks", Charts.bars({ labels: codes.length ? codes : ["none"], description: `NACKs by code: ${codes.map((c) => `${c}: ${d.nacksByCode[c]}`).join(", ") || "none"}`,
    series: [{ name: "refused messages", values: codes.map((c) => d.nacksByCode[c]), colour: Charts.colours.over }] }),
    "Messages a movement refused (functional NACK IE906), by error code.");
  for (const [figure, name] of [["chart-release-arrival", "ReleaseToArrival"], ["chart-arrival-writeoff", "ArrivalToWriteOff"]]) {
    const h = d.durations.find((x) => x.name === name);
    const limitAt = h.buckets.findIndex((b) => b.label.endsWith("–100%"));
    const mean = h.meanSeconds === null ? "—" : h.meanSeconds < 3600 ? `${Math.round(h.meanSeconds)} s` : `${(h.meanSeconds / 3600).toFixed(1)} h`;
    caption(figure, Charts.bars({ labels: h.buckets.map((b) => b.label), limitAfter: limitAt, description: `${name}: ${h.count} measured, ${h.overLimit} over the limit`,
      series: [{ name: "movements, by share of the limit used", values: h.buckets.map((b) => b.count), colour: Charts.colours.primary, colourOf: (i) => i > limitAt ? Charts.colours.over : Charts.colours.primary }] }),
      `${h.count} measured · mean ${mean} · ${h.overLimit} over the limit`);
    $(figure).dataset.count = h.count;
  }
}

function offices(d) {
  fill("offices", d.offices, (row, o) => {
    cell(row, o.office === "none" ? "(cargo)" : o.office, "token"); cell(row, o.opened, "num"); cell(row, o.now.inTransit, "num"); cell(row, o.now.overdue, "num");
    cell(row, o.now.underEnquiry, "num"); cell(row, o.now.total, "num");
    cell(row, Object.entries(o.now.byStatus).map(([s, n]) => `${s} ${n}`).join(" · "));
  });
}

async function load(event) {
  event?.preventDefault(); showError("");
  const [d, alerts, inTransit] = await Promise.all([
    api(`/api/v1/audit/dashboard?days=${$("days").value}`), api("/api/v1/audit/alerts?max=200"), api("/api/v1/audit/movements?status=InTransit&max=25"),
  ]);
  $("as-of").textContent = `${d.today} · ${d.rowsRead} figure rows read`;
  kpis(d, alerts.length); statuses(d); links(d); charts(d); offices(d);
  fill("alerts", alerts.slice(0, 8), (row, a) => { cell(row, when(a.at), "token"); cell(row, a.kind); cell(row, a.sourceCountry, "token"); cell(row, a.envelopeMessageId, "token"); });
  const receiving = await api("/api/v1/audit/movements?status=ExpectedAtDestination&max=25");
  fill("in-transit", [...inTransit, ...receiving].slice(0, 25), (row, m) => {
    cell(row, m.movementReference, "token"); cell(row, m.status, "token"); cell(row, when(m.updatedAt), "token");
    button(row.insertCell(), "Route", "link route-open", () => { $("route-mrn").value = m.movementReference; return showRoute(); })
      .setAttribute("aria-label", `Route of ${m.movementReference}`);
  });
  $("key-form").hidden = true;
  document.body.dataset.loaded = "true";
}

async function showRoute(event) {
  event?.preventDefault(); showError("");
  const mrn = $("route-mrn").value.trim(); if (!mrn) return;
  const [route, timeline] = await Promise.all([
    api(`/api/v1/audit/movements/${encodeURIComponent(mrn)}/route`), api(`/api/v1/movements/${encodeURIComponent(mrn)}/history`),
  ]);
  $("route-ref").textContent = route.mrn; $("route-status").textContent = route.status;
  const done = route.stops.filter((s) => s.state === "Done").length;
  const svg = Charts.route(route.stops, `Route of ${route.mrn}: ${route.stops.map((s) => `${s.kind} ${s.office} ${s.state}`).join(", ")}`);
  const c = document.createElement("figcaption"); c.textContent = `${done} of ${route.stops.length} steps done; filled: done (time recorded here), dashed: expected (by its deadline), grey: not reported.`;
  $("route").replaceChildren(svg, c);
  fill("route-timeline", timeline.events, (row, e) => {
    cell(row, e.sequence, "num"); cell(row, when(e.appliedAt), "token"); cell(row, `${e.direction === "Inbound" ? "←" : "→"} ${e.messageType}`, "token");
    cell(row, `${e.senderOffice} → ${e.recipientOffice}`, "token"); cell(row, e.statusAfter, "token");
  });
  $("route-view").hidden = false;
  history.replaceState(null, "", `/dashboard?mrn=${encodeURIComponent(mrn)}#journey`);
}

document.addEventListener("DOMContentLoaded", async () => {
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault(); sessionStorage.setItem(keyName, $("api-key").value.trim());
    $("api-key").value = ""; $("key-state").textContent = "key set for this tab"; showError("");
    load().catch((e) => showError(e.message));
  });
  $("window-form").addEventListener("submit", guard(load));
  $("route-form").addEventListener("submit", guard(showRoute));
  const meta = await fetch("/console/meta").then((r) => r.json());
  $("node-country").textContent = meta.country;
  const mrn = new URLSearchParams(location.search).get("mrn");
  if (mrn) $("route-mrn").value = mrn;
  try { await load(); if (mrn) await showRoute(); } catch (e) { showError(e.message); }
});

// Auditor console: read-only views over the node's audit API (sign-in and calls: api.js).
"use strict";
const keyName = "c2c-auditor-key", signInRole = "auditor"; // for api.js

async function search(event) {
  event.preventDefault(); showError("");
  const params = new URLSearchParams();
  for (const id of ["mrn", "type", "office", "from", "to", "direction"]) {
    const value = $(id).value.trim(); if (value) params.set(id, value);
  }
  const found = await api(`/api/v1/archive?${params}`);
  const body = $("results").tBodies[0]; body.replaceChildren();
  for (const m of found) {
    const row = body.insertRow(); row.dataset.name = m.name;
    cell(row, when(m.receivedAt)); cell(row, m.movementReference); cell(row, m.messageType); cell(row, m.direction);
    cell(row, `${m.senderOffice} → ${m.recipientOffice}`); cell(row, m.signatureStatus);
    const actions = row.insertCell();
    button(actions, "Timeline", "link timeline", () => openMovement(m.movementReference));
    button(actions, "View", "link view", () => viewXml(m.name));
    button(actions, "Download", "link download", () => download(m.name));
  }
  $("results").hidden = false;
  if (found.length === 0) showError("Nothing archived matches.");
}

async function openMovement(reference) {
  showError("");
  const [state, history] = await Promise.all([
    api(`/api/v1/movements/${encodeURIComponent(reference)}`),
    api(`/api/v1/movements/${encodeURIComponent(reference)}/history`),
  ]);
  $("movement-ref").textContent = reference;
  $("movement-status").textContent = `${state.status} · hash chain ${history.chainIntact ? "intact" : "BROKEN"}`;
  $("integrity").replaceChildren(); $("integrity-verdict").textContent = "";
  const body = $("timeline").tBodies[0]; body.replaceChildren();
  for (const e of history.events) {
    const row = body.insertRow();
    cell(row, e.sequence); cell(row, when(e.appliedAt)); cell(row, e.direction === "Inbound" ? "←" : "→");
    cell(row, e.messageType); cell(row, `${e.senderOffice} → ${e.recipientOffice}`); cell(row, e.statusAfter); cell(row, e.history);
    const actions = row.insertCell();
    if (e.archiveName) {
      button(actions, "View", "link view", () => viewXml(e.archiveName));
      button(actions, "Download", "link download", () => download(e.archiveName));
    }
  }
  $("movement").hidden = false; $("movement").dataset.reference = reference;
}

async function viewXml(name) {
  showError("");
  const response = await api(`/api/v1/archive/${name}`, { asBlob: true });
  $("xml-name").textContent = name;
  $("xml-sha").textContent = response.headers.get("X-Content-Sha256") ?? "";
  $("xml-signature").textContent = response.headers.get("X-Signature-Status") ?? "";
  $("xml-view").textContent = await response.text();
  $("xml").hidden = false;
}

async function download(name) {
  const response = await api(`/api/v1/archive/${name}`, { asBlob: true });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url; link.download = name.split("/").pop(); document.body.appendChild(link); link.click(); link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function verify() {
  showError("");
  const reference = $("movement").dataset.reference;
  const report = await api(`/api/v1/audit/movements/${encodeURIComponent(reference)}/integrity`);
  const list = $("integrity"); list.replaceChildren();
  for (const c of report.checks) {
    const item = document.createElement("li");
    const verdict = document.createElement("span"); verdict.className = c.passed ? "pass" : "fail"; verdict.textContent = c.passed ? "PASS" : "FAIL";
    item.append(verdict, ` ${c.check} · ${c.subject}: ${c.detail}`); list.appendChild(item);
  }
  const overall = $("integrity-verdict");
  overall.textContent = report.passed ? "PASS" : "FAIL"; overall.className = report.passed ? "pass" : "fail";
}

async function ops(event) {
  event.preventDefault(); showError("");
  const records = await api(`/api/v1/audit/movements?status=${encodeURIComponent($("ops-status").value)}`);
  const body = $("ops-results").tBodies[0]; body.replaceChildren();
  for (const r of records) {
    const row = body.insertRow();
    button(row.insertCell(), r.movementReference, "link", () => openMovement(r.movementReference));
    cell(row, r.status); cell(row, r.orchestration ? r.orchestration.runtimeStatus : "—"); cell(row, r.sequence); cell(row, when(r.updatedAt));
    cell(row, Object.entries(r.attributes ?? {}).map(([k, v]) => `${k}: ${v}`).join(", "));
  }
  $("ops-results").hidden = false;
  if (records.length === 0) showError(`No movement is ${$("ops-status").value}.`);
}

async function alerts(event) {
  event.preventDefault(); showError("");
  const list = await api("/api/v1/audit/alerts");
  const body = $("alerts").tBodies[0]; body.replaceChildren();
  for (const a of list) {
    const row = body.insertRow();
    cell(row, when(a.at)); cell(row, a.kind); cell(row, a.sourceCountry); cell(row, a.envelopeMessageId); cell(row, a.detail);
    const actions = row.insertCell();
    if (a.archiveName) button(actions, "View", "link view", () => viewXml(a.archiveName));
  }
  $("alerts").hidden = false;
  if (list.length === 0) showError("No refused delivery in the last 31 days.");
}

document.addEventListener("DOMContentLoaded", async () => {
  keyForm();
  $("search-form").addEventListener("submit", guard(search));
  $("ops-form").addEventListener("submit", guard(ops));
  $("alerts-form").addEventListener("submit", guard(alerts));
  $("verify").addEventListener("click", () => verify().catch((e) => showError(e.message)));
  const meta = await fetch("/console/meta").then((r) => r.json());
  $("node-country").textContent = meta.country;
  for (const status of meta.opsStatuses) { const o = document.createElement("option"); o.textContent = status; $("ops-status").appendChild(o); }
});

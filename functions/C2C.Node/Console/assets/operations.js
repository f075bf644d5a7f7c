// Operations page: the node's dead-lettered deliveries (Operator role), listed with their reason, inspected, replayed or
// purged, and the journal of who did what (sign-in and calls: api.js).
"use strict";
const keyName = "c2c-operator-key", signInRole = "operator"; // for api.js

const selected = () => [...document.querySelectorAll("#dead-letters input[type=checkbox]:checked")].map((c) => ({ family: c.dataset.family, id: c.dataset.id }));

function updateButtons() { const none = selected().length === 0; $("replay").disabled = none; $("purge").disabled = none; }

async function list(event) {
  event?.preventDefault(); showError("");
  const family = $("family").value;
  const letters = await api(`/api/v1/ops/dead-letters${family ? `?family=${family}` : ""}`);
  const body = $("dead-letters").tBodies[0]; body.replaceChildren();
  for (const d of letters) {
    const row = body.insertRow();
    const box = document.createElement("input"); box.type = "checkbox"; box.dataset.family = d.family; box.dataset.id = d.messageId;
    box.addEventListener("change", updateButtons); row.insertCell().appendChild(box);
    cell(row, d.family); cell(row, d.messageId); cell(row, d.messageType); cell(row, d.sourceCountry); cell(row, d.movementReference);
    cell(row, d.reason); cell(row, d.description);
    const inspect = document.createElement("button"); inspect.type = "button"; inspect.className = "link"; inspect.textContent = "Inspect";
    inspect.addEventListener("click", () => show(d.family, d.messageId).catch((e) => showError(e.message)));
    row.insertCell().appendChild(inspect);
  }
  $("dead-letters").hidden = false; updateButtons();
  if (letters.length === 0) showError("Nothing is dead-lettered.");
}

async function show(family, messageId) {
  const found = await api(`/api/v1/ops/dead-letters/${encodeURIComponent(family)}/${encodeURIComponent(messageId)}`);
  $("xml-title").textContent = `${found.view.messageId}: ${found.view.reason}${found.view.archiveName ? ` (archived as ${found.view.archiveName})` : ""}`;
  $("xml-content").textContent = found.xml; $("xml").hidden = false;
}

async function settle(action) {
  showError("");
  const byFamily = new Map();
  for (const s of selected()) byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s.id]);
  const body = $("results").tBodies[0]; body.replaceChildren();
  for (const [family, messageIds] of byFamily) {
    for (const r of await api(`/api/v1/ops/dead-letters/${family.toLowerCase()}/${action}`, { body: { messageIds } })) {
      const row = body.insertRow(); cell(row, r.messageId); cell(row, r.removed ? "yes" : "no"); cell(row, r.result);
    }
  }
  $("results").hidden = false;
  await list();
}

async function journal(event) {
  event.preventDefault(); showError("");
  const body = $("journal").tBodies[0]; body.replaceChildren();
  for (const a of await api("/api/v1/ops/journal")) {
    const row = body.insertRow(); cell(row, when(a.at)); cell(row, a.by); cell(row, a.action); cell(row, a.family); cell(row, a.messageId); cell(row, a.result);
  }
  $("journal").hidden = false;
}

document.addEventListener("DOMContentLoaded", async () => {
  keyForm();
  $("list-form").addEventListener("submit", guard(list));
  $("replay").addEventListener("click", guard(() => settle("replay")));
  $("purge").addEventListener("click", guard(() => { if (!confirm("Remove the selected deliveries for good?")) return Promise.resolve(); return settle("purge"); }));
  $("journal-form").addEventListener("submit", guard(journal));
  const meta = await fetch("/console/meta").then((r) => r.json());
  $("node-country").textContent = meta.country;
});

// Shared by the console pages (auditor console, operations, corridor dashboard): the signed-in calls to the node's API and what they show.
// A user with a client certificate needs nothing more (the browser presents it); only when the API answers 401 is a
// key asked for. The key stays in sessionStorage under the page's `keyName` (each page declares it: its role's key)
// and goes with every call as X-Api-Key. Everything shown is inserted as text (no HTML from data).
"use strict";
const $ = (id) => document.getElementById(id);

function showError(text) { const e = $("error"); e.textContent = text; e.hidden = !text; }

// api(path): the JSON answer; api(path, { asBlob: true }): the response itself; api(path, { body }): POSTs body as JSON.
async function api(path, { asBlob = false, body } = {}) {
  const key = sessionStorage.getItem(keyName);
  const headers = key ? { "X-Api-Key": key } : {};
  const response = await fetch(path, body === undefined ? { headers }
    : { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (response.status === 401) {
    $("key-form").hidden = false;
    if (!key) throw new Error(`401 Not signed in: no ${signInRole} client certificate was presented. Enter the ${signInRole} API key.`);
  }
  if (!response.ok) {
    let detail = response.statusText;
    try { const problem = await response.json(); detail = `${problem.title}: ${problem.detail ?? ""}`; } catch { /* not JSON */ }
    throw new Error(`${response.status} ${detail}`);
  }
  return asBlob ? response : response.json();
}

function cell(row, text, cls) { const td = row.insertCell(); td.textContent = text ?? ""; if (cls) td.className = cls; return td; }
function button(parent, text, cls, onClick) {
  const b = document.createElement("button"); b.type = "button"; b.textContent = text; b.className = cls ?? "link";
  b.addEventListener("click", () => onClick().catch((e) => showError(e.message))); parent.appendChild(b); return b;
}
const when = (iso) => iso ? iso.replace("T", " ").slice(0, 19) : "";

// An event handler whose failure is shown, not thrown.
const guard = (handler) => (event) => handler(event).catch((e) => showError(e.message));

// The key form: the key is kept for this tab only.
function keyForm() {
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault(); sessionStorage.setItem(keyName, $("api-key").value.trim());
    $("api-key").value = ""; $("key-state").textContent = "key set for this tab"; showError("");
  });
}

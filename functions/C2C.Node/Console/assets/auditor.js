// Shared by the auditor console and the corridor dashboard: the audit API with the auditor's credentials. A client
// certificate needs nothing more (the browser presents it); only when the API answers 401 is a key asked for. The key
// stays in sessionStorage (this tab only) and goes with every call as X-Api-Key. Data goes into the page as text only.
"use strict";
const $ = (id) => document.getElementById(id);
const keyName = "c2c-auditor-key";

function showError(text) { const e = $("error"); e.textContent = text; e.hidden = !text; }

async function api(path, asBlob) {
  const key = sessionStorage.getItem(keyName);
  const response = await fetch(path, key ? { headers: { "X-Api-Key": key } } : {});
  if (response.status === 401) {
    $("key-form").hidden = false;
    if (!key) throw new Error("401 Not signed in: no auditor client certificate was presented. Enter the auditor API key.");
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

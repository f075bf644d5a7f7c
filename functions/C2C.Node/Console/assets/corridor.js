// Console views for the corridor's single guarantee and the transit accompanying document (issue 13), beside console.js
// (whose api, cell, button, when, showError and openMovement they use). Data is shown as text only.
"use strict";

// A barcode scanner types the MRN as keys and ends with Enter; some prefix the AIM symbology identifier (]C0 for
// Code 128) or add spaces: what is left once those are dropped, in capitals, is the MRN.
function scannedMrn(text) {
  return text.trim().replace(/^\][A-Za-z][0-9]/, "").replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}

async function scan(event) {
  event.preventDefault(); showError("");
  const mrn = scannedMrn($("scan-mrn").value);
  $("scan-mrn").value = mrn;
  if (!/^[0-9]{2}[A-Z]{2}[A-Z0-9]{12}[J-M][0-9]$/.test(mrn)) throw new Error(`"${mrn}" is not an MRN`);
  await openMovement(mrn);
  $("tad-open").hidden = false; $("tad-open").dataset.mrn = mrn;
}

async function openTad() {
  const mrn = $("tad-open").dataset.mrn;
  const response = await api(`/api/v1/movements/${encodeURIComponent(mrn)}/tad`, { asBlob: true });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a"); link.href = url; link.download = `TAD-${mrn}.pdf`; link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function guarantee(event) {
  event.preventDefault(); showError("");
  const grn = $("grn").value.trim();
  const g = await api(`/api/v1/guarantees/${encodeURIComponent(grn)}`);
  $("guarantee-summary").textContent =
    `${g.grn} · ${g.kind} · balance ${g.balance} of ${g.referenceAmount} ${g.currency} (reserved ${g.reserved}) · ` +
    `valid ${g.validFrom} to ${g.validTo} in ${g.countries.join(", ")} · principal ${g.principal.name} (${g.principal.identificationNumber})` +
    (g.flagged ? " · FLAGGED: an enquiry ended unresolved" : "");
  const body = $("guarantee-movements").tBodies[0]; body.replaceChildren();
  for (const m of g.movements) {
    const row = body.insertRow();
    cell(row, m.mrn); cell(row, `${m.amount} ${m.currency}`); cell(row, m.status); cell(row, when(m.reservedAt)); cell(row, when(m.endedAt));
    button(row.insertCell(), "Timeline", "link timeline", () => openMovement(m.mrn));
  }
  $("guarantee-view").hidden = false;
  if (g.movements.length === 0) showError("No movement has used this guarantee yet.");
}

document.addEventListener("DOMContentLoaded", () => {
  $("scan-form").addEventListener("submit", (event) => scan(event).catch((e) => showError(e.message)));
  $("tad-open").addEventListener("click", () => openTad().catch((e) => showError(e.message)));
  $("guarantee-form").addEventListener("submit", (event) => guarantee(event).catch((e) => showError(e.message)));
});

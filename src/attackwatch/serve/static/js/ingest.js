// The ingest page: paste text/HTML or pick a file, preview what the extractor finds (dry run:
// no token needed, the server rate-limits it), then store it (needs the server's bearer token,
// kept in sessionStorage only). The page says up front whether the server accepts writes.
import { ApiError, getJSON, getToken, postForm, postJSON, setToken } from "./api.js";
import { el, label } from "./dom.js";

// Pasted text is plain text unless it is a whole HTML document: an article quoting "<script>" or a
// stray "<br>" must not be sent to the HTML cleaner, which would drop it (and maybe all the text).
const HTML_DOCUMENT = /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

export function pastedKind(text, choice) {
  if (choice === "html" || choice === "text") return choice;
  return HTML_DOCUMENT.test(text) ? "html" : "text";
}

function reportsTable(reports) {
  if (!reports.length) return el("p", { text: "No incident reports were extracted from this page." });
  const head = ["Date", "Place", "Weapon", "Actor", "Claimed", "Confirmation", "Killed", "Injured", "Evidence"];
  return el("table", { class: "preview" },
    el("caption", { text: `${reports.length} report(s) extracted` }),
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, reports.map((r) => el("tr", {},
      el("td", { text: r.date || "—" }),
      el("td", { text: [...new Set([r.place, r.admin1, r.country].filter(Boolean))].join(", ") || "—" }),
      el("td", { text: label(r.weapon) }),
      el("td", { text: r.actor || "—" }),
      el("td", { text: r.claimed === true ? "yes" : r.claimed === false ? "no" : "—" }),
      el("td", { text: label(r.confirmation) }),
      el("td", { text: r.killed ?? "—" }),
      el("td", { text: r.injured ?? "—" }),
      el("td", {}, (r.evidence || []).map((e) => el("p", { class: "ev", dir: "auto", text: e.text || "" })))))));
}

export function setupIngest({ onOpenIncident }) {
  const form = document.getElementById("ingest-form");
  const token = document.getElementById("ingest-token");
  const result = document.getElementById("ingest-result");
  const storeButton = document.getElementById("ingest-store");
  token.value = getToken();
  token.addEventListener("change", () => setToken(token.value.trim()));
  // the incident panel's corrections section may set the token too
  window.addEventListener("attackwatch:token", () => { if (token.value.trim() !== getToken()) token.value = getToken(); });

  function request(dryRun) {
    const file = document.getElementById("ingest-file").files[0];
    const text = document.getElementById("ingest-text").value;
    const meta = {};
    for (const key of ["published", "url", "outlet", "title"]) {
      const v = document.getElementById(`ingest-${key}`).value.trim();
      if (v) meta[key] = v;
    }
    if (file) {
      const data = new FormData();
      data.append("file", file, file.name);
      for (const [k, v] of Object.entries(meta)) data.append(k, v);
      data.append("dry_run", dryRun ? "true" : "false");
      return postForm("/api/ingest", data);
    }
    if (!text.trim()) throw new Error("paste a page's text or HTML, or choose a file");
    const body = { ...meta, dry_run: dryRun };
    if (pastedKind(text, document.getElementById("ingest-kind").value) === "html") body.html = text;
    else body.text = text;
    return postJSON("/api/ingest", body);
  }

  async function run(dryRun) {
    setToken(token.value.trim());
    if (!dryRun && !getToken()) {
      result.replaceChildren(el("p", { class: "error", role: "alert", text: "Storing needs the server's write token: enter it above." }));
      return;
    }
    result.replaceChildren(el("p", { text: dryRun ? "Extracting…" : "Storing…" }));
    try {
      const data = await request(dryRun);
      const parts = [el("h3", { text: dryRun ? "Preview (nothing stored yet)" : "Stored" }), reportsTable(data.reports || [])];
      if (!dryRun) {
        parts.push(el("p", { text: `Article ${data.article_id} ${data.stored ? "stored" : "was already stored (unchanged)"}.` }));
        if ((data.incidents || []).length) {
          parts.push(el("p", {}, "Incidents: ", data.incidents.map((id) =>
            el("button", { type: "button", class: "link", onclick: () => onOpenIncident(id), text: id }))));
        }
      }
      storeButton.disabled = !dryRun || !(data.reports || []).length || storeButton.dataset.readOnly === "true";
      result.replaceChildren(...parts);
    } catch (error) {
      const message = error instanceof ApiError
        ? (error.status === 401 ? "the token is missing or wrong (401)"
          : error.status === 403 ? "this server accepts no writes: start it with --token (403)"
            : error.status === 429 ? `${error.detail} (429)` : `${error.detail} (${error.status})`)
        : error.message;
      result.replaceChildren(el("p", { class: "error", role: "alert", text: `Ingest failed: ${message}` }));
    }
  }

  const notice = document.getElementById("ingest-capabilities");
  getJSON("/api/capabilities").then((c) => {
    notice.textContent = c.writes
      ? `This server accepts writes: Store needs its write token. Preview needs none (at most ${c.preview_rate.replace("/", " per ")} without it).`
      : `This server is read-only: Preview works (at most ${c.preview_rate.replace("/", " per ")}), Store is disabled. `
        + "Restart it with attackwatch serve --token TOKEN (or ATTACKWATCH_TOKEN) to store pages.";
    notice.dataset.writes = String(Boolean(c.writes));
    if (!c.writes) storeButton.dataset.readOnly = "true";
  }).catch((error) => {
    notice.textContent = `Could not ask the server whether it accepts writes: ${error instanceof ApiError ? error.detail : error.message}`;
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(true);
  });
  storeButton.addEventListener("click", () => run(false));
  // editing the input invalidates an earlier preview
  form.addEventListener("input", (event) => {
    if (event.target !== token) storeButton.disabled = true;
  });
}

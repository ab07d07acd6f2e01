// The ingest page: paste text/HTML or pick a file, preview what the extractor finds (dry run),
// then store it. Writes need the server's bearer token; it is kept in sessionStorage only.
import { ApiError, getToken, postForm, postJSON, setToken } from "./api.js";
import { el, label } from "./dom.js";

const HTML_HINT = /<\s*(html|body|p|div|article|script|img|h1|h2|span|br)\b/i;

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
    // Pasted markup goes to the HTML cleaner (it drops scripts, menus and ads); plain text as is.
    if (HTML_HINT.test(text)) body.html = text;
    else body.text = text;
    return postJSON("/api/ingest", body);
  }

  async function run(dryRun) {
    setToken(token.value.trim());
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
      storeButton.disabled = !dryRun || !(data.reports || []).length;
      result.replaceChildren(...parts);
    } catch (error) {
      const message = error instanceof ApiError
        ? (error.status === 401 ? "the token is missing or wrong (401)"
          : error.status === 403 ? "this server accepts no writes: start it with --token (403)" : `${error.detail} (${error.status})`)
        : error.message;
      result.replaceChildren(el("p", { class: "error", role: "alert", text: `Ingest failed: ${message}` }));
    }
  }

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

// Analyst corrections from the incident panel: edit a field, merge another incident into this
// one, split a report out, and the incident's edit history. Every write goes through the API's
// correction endpoints with the bearer token of this tab (api.js), asks for confirmation first,
// and reports the API's answer in the section's status line. Values and notes are user input and
// article-derived data: they reach the page as text nodes only.
import { ApiError, getJSON, getToken, postJSON, setToken } from "./api.js";
import { el, label } from "./dom.js";

// The allowed values mirror src/attackwatch/models.py and the editable fields
// store/dataset.py's EDITABLE; tests/serve/test_dashboard_corrections.py checks they still match.
const EVENT_TYPES = ["Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Air/drone strike", "Armed clash",
  "Attack", "Suicide bomb", "Grenade", "Disrupted weapons use", "Other"];
const WEAPONS = ["ied", "rocket", "missile", "drone", "mortar", "small_arms", "airstrike", "grenade", "unknown"];
const TARGET_TYPES = ["convoy", "military_base", "diplomatic", "airport", "personnel", "civilian", "militia_position", "other"];
const CONFIRMATIONS = ["confirmed", "denied", "unconfirmed", "not_mentioned"];
const DATE_PRECISIONS = ["day", "week", "month", "year"];
const GEO_PRECISIONS = ["site", "town", "admin1", "country"];

// field -> how its value is entered: a list of allowed values, or a kind of input
const EDITABLE = {
  date: "date", date_precision: DATE_PRECISIONS, event_type: EVENT_TYPES, weapon: WEAPONS, actor: "text",
  claimed: "bool", target_type: TARGET_TYPES, target_actor: "text", place: "text", admin1: "text", admin1_code: "text",
  country: "text", country_code: "text", latitude: "latitude", longitude: "longitude", geo_precision: GEO_PRECISIONS,
  killed: "count", injured: "count", intercepted: "bool-or-unknown", confirmation: CONFIRMATIONS, background: "bool",
};
const DATE_FORMAT = /^(\d{4})(-(\d{2})(-(\d{2}))?)?$/;
const AUTHOR_KEY = "attackwatch.author";

// The section rendered last (there is one incident panel), and the incident whose panel is being
// redrawn after a successful correction (its section opens again).
let current = null;
let reopen = null;

function shown(v) {
  if (v === null || v === undefined || v === "") return "unknown";
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

function detailOf(error) {
  return error instanceof ApiError ? error.detail : error.message;
}

/** The API's refusal in words that say what to do about it; the API's own message is kept. */
export function explain(error) {
  if (!(error instanceof ApiError)) return `Failed: ${error.message}`;
  if (error.status === 403) {
    return `Corrections are disabled on this server (403: ${error.detail}). Restart it with `
      + "attackwatch serve --token TOKEN (or set ATTACKWATCH_TOKEN) and enter that token here.";
  }
  if (error.status === 401) return `The write token was refused (401: ${error.detail}). Check the token above.`;
  return `Refused (${error.status}): ${error.detail}`;
}

// ---------------------------------------------------------------- confirmation dialog

let dialog = null;

/** A modal <dialog> asking to confirm `message`; resolves true on Confirm, false on Cancel/Escape. */
export function confirmAction(title, message, action) {
  if (!dialog) {
    dialog = el("dialog", { id: "corr-confirm", class: "confirm", "aria-labelledby": "corr-confirm-h", "aria-describedby": "corr-confirm-msg" },
      el("h2", { id: "corr-confirm-h" }), el("p", { id: "corr-confirm-msg" }),
      el("form", { method: "dialog", class: "buttons" },
        el("button", { type: "submit", value: "yes", id: "corr-confirm-yes" }),
        el("button", { type: "submit", value: "no", id: "corr-confirm-no", text: "Cancel" })));
    // Escape cancels the dialog only; it must not also close the incident panel behind it
    dialog.addEventListener("keydown", (event) => { if (event.key === "Escape") event.stopPropagation(); });
    document.body.append(dialog);
  }
  dialog.querySelector("h2").textContent = title;
  dialog.querySelector("p").textContent = message;
  dialog.querySelector("#corr-confirm-yes").textContent = action;
  dialog.returnValue = "";
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
    dialog.showModal();
    dialog.querySelector("#corr-confirm-yes").focus();
  });
}

// ---------------------------------------------------------------- edit history

function historyChange(edit, incidentId) {
  if (edit.kind === "merge") {
    const moved = (edit.anchors && edit.anchors.b) || [];
    return edit.incident_id === incidentId ? `merged in another incident (${moved.length} report(s))` : `merged into ${edit.incident_id}`;
  }
  if (edit.kind === "split") {
    const report = edit.anchors && edit.anchors.report;
    return edit.incident_id === incidentId ? `report ${report} split out` : `split out of ${edit.incident_id} (report ${report})`;
  }
  return `${edit.field} set to ${shown(edit.value)}`;
}

/** The audit trail (GET /api/incidents/{id} "edits", or the record's applied field edits). */
export function editHistory(incidentId, trail, applied) {
  const list = trail && trail.length ? trail : (applied || []);
  const section = el("section", { "aria-labelledby": "edits-h" }, el("h3", { id: "edits-h", text: "Edit history" }));
  if (!list.length) {
    section.append(el("p", { class: "empty", text: "No analyst corrections yet." }));
    return section;
  }
  section.append(el("table", { class: "history" },
    el("thead", {}, el("tr", {}, ["When", "Change", "Note", "Author"].map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, list.map((e) => el("tr", {},
      el("td", { text: String(e.created_at || e.at || "").replace("T", " ").slice(0, 16) || "—" }),
      el("td", { text: historyChange(e, incidentId) }),
      el("td", { text: e.note || "—" }),
      el("td", { text: e.author || "—" }))))));
  return section;
}

// ---------------------------------------------------------------- the value control

function valueControl(field, currentValue) {
  const kind = EDITABLE[field];
  const attrs = { id: "corr-value", name: "value" };
  if (Array.isArray(kind)) {
    const select = el("select", attrs, kind.map((v) => el("option", { value: v, text: field === "event_type" ? v : label(v) })));
    select.value = kind.includes(currentValue) ? currentValue : kind[0];
    return { control: select, hint: null };
  }
  if (kind === "bool" || kind === "bool-or-unknown") {
    const options = [["true", "yes"], ["false", "no"]];
    if (kind === "bool-or-unknown") options.push(["", "not stated"]);
    const select = el("select", attrs, options.map(([v, t]) => el("option", { value: v, text: t })));
    select.value = currentValue === true ? "true" : currentValue === false ? "false" : (kind === "bool" ? "false" : "");
    return { control: select, hint: null };
  }
  if (kind === "count" || kind === "latitude" || kind === "longitude") {
    const count = kind === "count";
    const limit = kind === "latitude" ? 90 : 180;
    const input = el("input", { ...attrs, type: "number", step: count ? "1" : "any", min: count ? "0" : String(-limit),
      max: count ? null : String(limit), inputmode: count ? "numeric" : "decimal", "aria-describedby": "corr-value-hint" });
    input.value = currentValue ?? "";
    return { control: input, hint: count ? "A whole number from 0; empty for unknown." : `Decimal degrees (-${limit} to ${limit}); empty for unknown.` };
  }
  const input = el("input", { ...attrs, type: "text", autocomplete: "off", maxlength: "300",
    "aria-describedby": "corr-value-hint", placeholder: kind === "date" ? "YYYY-MM-DD" : null });
  input.value = currentValue ?? "";
  return { control: input, hint: kind === "date" ? "YYYY-MM-DD, YYYY-MM or YYYY; empty for unknown." : "Free text; empty for unknown." };
}

/** The typed value for the API, or throws an Error whose message says what is wrong. */
function readValue(field, control) {
  const kind = EDITABLE[field];
  const raw = control.value.trim();
  if (Array.isArray(kind)) return raw;
  if (kind === "bool") return raw === "true";
  if (kind === "bool-or-unknown") return raw === "" ? null : raw === "true";
  if (raw === "") return null;
  if (kind === "count") {
    if (!/^\d+$/.test(raw)) throw new Error(`${field} must be a whole number from 0, or empty for unknown`);
    return Number(raw);
  }
  if (kind === "latitude" || kind === "longitude") {
    const limit = kind === "latitude" ? 90 : 180;
    const number = Number(raw);
    if (!Number.isFinite(number) || Math.abs(number) > limit) throw new Error(`${field} must be a number between -${limit} and ${limit}`);
    return number;
  }
  if (kind === "date") {
    const m = DATE_FORMAT.exec(raw);
    if (!m || (m[3] && !(+m[3] >= 1 && +m[3] <= 12)) || (m[5] && !(+m[5] >= 1 && +m[5] <= 31))) {
      throw new Error("date must look like YYYY-MM-DD, YYYY-MM or YYYY");
    }
  }
  return raw;
}

/** The date precision a date string implies, when the incident's precision no longer fits it. */
function impliedPrecision(date, precision) {
  if (typeof date !== "string") return null;
  const wanted = date.length === 4 ? "year" : date.length === 7 ? "month" : (precision === "week" ? "week" : "day");
  return wanted === precision ? null : wanted;
}

// ---------------------------------------------------------------- writes

/** False (and says so) when no token was entered: checked before asking for any confirmation. */
function haveToken(status) {
  if (getToken()) return true;
  status.show("Enter the server's write token above first: corrections need it.", true);
  return false;
}

async function run(status, work) {
  status.show("Saving…");
  try {
    await work();
  } catch (error) {
    status.show(explain(error), true);
  }
}

/** After a write: redraw list, map and panel (main.js), then say what happened in the new panel. */
async function finish(hooks, incidentId, message, link = null) {
  reopen = incidentId;
  try {
    await hooks.changed(incidentId);
  } finally {
    reopen = null;
  }
  // said in the redrawn section's live region once it is on the page, so it is announced
  if (current && current.incidentId === incidentId) {
    current.status.show(message, false, link, hooks);
    current.summary.focus();
  }
}

/** The section's status line: {node, show(message, isError, newIncidentId?, hooks?)}. */
function statusLine() {
  const line = el("p", { id: "corr-status", class: "corr-status", role: "status", "aria-live": "polite" });
  const show = (message, isError = false, link = null, hooks = null) => {
    line.classList.toggle("error", isError);
    line.replaceChildren(message);
    if (link) {
      const url = new URL(location.href);
      url.searchParams.set("incident", link);
      line.append(" ", el("a", { href: url.search, class: "new-incident", text: link,
        onclick: (event) => { event.preventDefault(); hooks.open(link); } }));
    }
    line.scrollIntoView({ block: "nearest" });
  };
  return { node: line, show };
}

function editForm(incident, hooks, names, status) {
  const field = el("select", { id: "corr-field" }, Object.keys(EDITABLE).map((f) => el("option", { value: f, text: names.get(f) || label(f) })));
  field.value = "killed";
  const valueBox = el("div", { class: "corr-value" });
  function redrawValue() {
    const { control, hint } = valueControl(field.value, incident[field.value]);
    valueBox.replaceChildren(el("label", { for: "corr-value", text: `New value of ${names.get(field.value) || label(field.value)}` }, control),
      hint ? el("p", { id: "corr-value-hint", class: "note", text: hint }) : null);
  }
  field.addEventListener("change", redrawValue);
  redrawValue();
  const note = el("input", { id: "corr-note", type: "text", maxlength: "500", autocomplete: "off" });
  const author = el("input", { id: "corr-author", type: "text", maxlength: "100", autocomplete: "name" });
  author.value = sessionStorage.getItem(AUTHOR_KEY) || "";
  // novalidate: the checks below say what is wrong in the status line, not in a browser bubble
  const form = el("form", { id: "corr-edit", class: "corr-form", novalidate: true, "aria-labelledby": "corr-edit-h" },
    el("h4", { id: "corr-edit-h", text: "Edit a field" }),
    el("label", { for: "corr-field", text: "Field" }, field), valueBox,
    el("label", { for: "corr-note", text: "Note (optional: why, and the source)" }, note),
    el("label", { for: "corr-author", text: "Author (optional)" }, author),
    el("div", { class: "buttons" }, el("button", { type: "submit", id: "corr-save", text: "Save edit…" })));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!haveToken(status)) return;
    const name = field.value;
    let value;
    try {
      value = readValue(name, valueBox.querySelector("#corr-value"));
    } catch (error) {
      status.show(error.message, true);
      return;
    }
    const precision = name === "date" ? impliedPrecision(value, incident.date_precision) : null;
    const change = `${names.get(name) || label(name)}: ${shown(incident[name])} → ${shown(value)}`
      + (precision ? ` (and date precision → ${precision})` : "");
    if (!await confirmAction("Save this edit?", `${change}. The edit is kept in the audit trail.`, "Save edit")) return;
    if (author.value.trim()) sessionStorage.setItem(AUTHOR_KEY, author.value.trim());
    await run(status, async () => {
      const body = { field: name, value, note: note.value.trim() || null, author: author.value.trim() || null };
      await postJSON(`/api/incidents/${encodeURIComponent(incident.id)}/edit`, body);
      if (precision) await postJSON(`/api/incidents/${encodeURIComponent(incident.id)}/edit`, { ...body, field: "date_precision", value: precision });
      await finish(hooks, incident.id, `Saved: ${change}.`);
    });
  });
  return form;
}

/** since/until around an incident's date (its whole month or year when coarse), ±7 days. */
function around(date) {
  const m = typeof date === "string" ? DATE_FORMAT.exec(date) : null;
  if (!m) return {};
  const first = new Date(Date.UTC(+m[1], m[3] ? +m[3] - 1 : 0, m[5] ? +m[5] : 1));
  const last = m[5] ? new Date(first) : m[3] ? new Date(Date.UTC(+m[1], +m[3], 0)) : new Date(Date.UTC(+m[1], 11, 31));
  const day = 86400000;
  const iso = (d) => d.toISOString().slice(0, 10);
  return { since: iso(new Date(first.getTime() - 7 * day)), until: iso(new Date(last.getTime() + 7 * day)) };
}

function mergeForm(incident, hooks, status) {
  const other = el("input", { id: "corr-merge-id", type: "text", autocomplete: "off", maxlength: "300", placeholder: "inc_…" });
  const pick = el("select", { id: "corr-merge-pick" }, el("option", { value: "", text: "— nearby incidents load when this section opens —" }));
  pick.addEventListener("change", () => { if (pick.value) other.value = pick.value; });
  const note = el("input", { id: "corr-merge-note", type: "text", maxlength: "500", autocomplete: "off" });
  const form = el("form", { id: "corr-merge", class: "corr-form", "aria-labelledby": "corr-merge-h" },
    el("h4", { id: "corr-merge-h", text: "Merge another incident into this one" }),
    el("p", { class: "note", text: "Its reports join this incident and its id disappears. Split a report back out to undo." }),
    el("label", { for: "corr-merge-pick", text: "Pick a nearby incident (same country, ±7 days)" }, pick),
    el("label", { for: "corr-merge-id", text: "…or type its incident id" }, other),
    el("label", { for: "corr-merge-note", text: "Note (optional)" }, note),
    el("div", { class: "buttons" }, el("button", { type: "submit", id: "corr-merge-go", text: "Merge…" })));
  let loaded = false;
  form.loadCandidates = async () => {
    if (loaded) return;
    loaded = true;
    try {
      const page = await getJSON("/api/incidents", { ...around(incident.date), country: incident.country_code, sort: "date", limit: 100 });
      const items = page.items.filter((i) => i.id !== incident.id);
      pick.replaceChildren(el("option", { value: "", text: items.length ? `— ${items.length} nearby incident(s) —` : "— no nearby incidents —" }),
        ...items.map((i) => el("option", { value: i.id, text: `${i.date || "undated"} · ${label(i.weapon)} · ${i.place || i.admin1 || i.country || "?"} (${i.id})` })));
    } catch (error) {
      pick.replaceChildren(el("option", { value: "", text: `— could not load nearby incidents: ${detailOf(error)} —` }));
    }
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!haveToken(status)) return;
    const otherId = other.value.trim();
    if (!otherId) {
      status.show("Give the id of the incident to merge into this one.", true);
      return;
    }
    if (otherId === incident.id) {
      status.show("An incident cannot be merged with itself.", true);
      return;
    }
    let described;
    try {
      const data = await getJSON(`/api/incidents/${encodeURIComponent(otherId)}`);
      const o = data.incident;
      described = `${otherId} (${o.date || "undated"}, ${label(o.weapon)}, ${o.place || o.country || "unknown place"}, ${data.reports.length} report(s))`;
    } catch (error) {
      status.show(`Cannot merge: ${detailOf(error)}`, true);
      return;
    }
    if (!await confirmAction("Merge these incidents?", `Merge incident ${described} into this incident ${incident.id}? ${otherId} will no longer exist.`, "Merge")) return;
    await run(status, async () => {
      await postJSON("/api/incidents/merge", { keep: incident.id, other: otherId, note: note.value.trim() || null, author: sessionStorage.getItem(AUTHOR_KEY) || null });
      await finish(hooks, incident.id, `Merged ${otherId} into this incident; ${otherId} no longer exists.`);
    });
  });
  return form;
}

/** "Split this report out" beside a report of an incident with 2+ reports (else null). */
export function splitButton(incident, report, reportCount, hooks) {
  if (reportCount < 2 || !hooks || !hooks.changed) return null;
  return el("button", { type: "button", class: "split", "data-report": report.report_id, text: "Split this report out…",
    "aria-label": `Split the report of ${report.outlet || "an unknown outlet"} (${report.report_id}) out into a new incident`,
    onclick: async () => {
      const status = current.status;
      if (!haveToken(status)) return;
      const what = `${report.outlet || "unknown outlet"}: ${report.title || report.article_id}`;
      if (!await confirmAction("Split this report out?", `Take the report of ${what} out of incident ${incident.id} into a new incident of its own?`, "Split")) return;
      await run(status, async () => {
        const result = await postJSON(`/api/incidents/${encodeURIComponent(incident.id)}/split`,
          { report_id: report.report_id, author: sessionStorage.getItem(AUTHOR_KEY) || null });
        await finish(hooks, incident.id, "Report split out into the new incident", result.new_incident.id);
      });
    } });
}

/** The collapsed "Correct this incident" section; `names` maps fields to their display names. */
export function correctionsSection(incident, hooks, names) {
  const status = statusLine();
  const token = el("input", { id: "corr-token", type: "password", autocomplete: "off" });
  token.value = getToken();
  const tokenHelp = el("p", { id: "corr-token-help", class: "notice" });
  function explainToken() {
    tokenHelp.hidden = Boolean(getToken());
    tokenHelp.textContent = "Corrections need the server's write token: enter it here (or on the Ingest page; it is kept for this "
      + "browser tab only). A server started without --token (or ATTACKWATCH_TOKEN) accepts no corrections.";
  }
  token.addEventListener("input", () => { setToken(token.value.trim()); explainToken(); });
  explainToken();
  const merge = mergeForm(incident, hooks, status);
  const summary = el("summary", { id: "corr-summary", text: "Correct this incident" });
  const details = el("details", { id: "corrections", class: "corrections" }, summary,
    tokenHelp,
    // in a form of its own: browsers expect password fields inside one
    el("form", { class: "corr-token", onsubmit: (event) => event.preventDefault() },
      el("label", { for: "corr-token", text: "Write token (kept for this browser tab only)" }, token)),
    editForm(incident, hooks, names, status),
    merge,
    el("p", { class: "note", text: "To split a report out, use the button beside it under Reports (incidents with 2+ reports)." }));
  details.addEventListener("toggle", () => {
    if (!details.open) return;
    token.value = getToken(); // it may have been entered on the Ingest page meanwhile
    explainToken();
    merge.loadCandidates();
  });
  if (reopen === incident.id) details.open = true;
  current = { incidentId: incident.id, status, summary };
  return el("section", { class: "correct", "aria-labelledby": "corr-summary" }, details, status.node);
}

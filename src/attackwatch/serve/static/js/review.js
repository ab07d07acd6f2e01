// The Review tab: the incidents nobody has reviewed yet, least confident first, each with its
// evidence highlighted and three actions: Confirm (right as it stands), Reject (not an incident:
// hidden from every list, export and analysis, kept in the audit trail) and Correct (the incident
// panel's edit / merge / split). Above the queue, how far review has come, day by day. Verdicts
// need the server's write token, like every correction.
import { ApiError, getJSON, getToken, postJSON, setToken } from "./api.js";
import { confirmAction, explain } from "./corrections.js";
import { el, label } from "./dom.js";

const PAGE = 20;
const AUTHOR_KEY = "attackwatch.author";

export function incidentTitle(i) {
  return `${i.date || "undated"} · ${i.place || i.admin1 || i.country || "unknown place"} · ${label(i.weapon || "unknown")}`;
}

function progressView(p) {
  const done = p.confirmed + p.corrected + p.rejected;
  const pct = p.total ? Math.round((100 * done) / p.total) : 0;
  const bar = el("div", { class: "progress-bar", role: "img", "aria-label": `${pct}% of incidents reviewed` },
    [["confirmed", "#2b7a3d"], ["corrected", "#0b4f8a"], ["rejected", "#a4161a"]].map(([k, colour]) =>
      el("span", { style: `width:${p.total ? (100 * p[k]) / p.total : 0}%;background:${colour}` })));
  const days = p.days || [];
  return el("section", { "aria-labelledby": "review-progress-h" },
    el("h3", { id: "review-progress-h", text: "Review progress" }),
    el("p", { class: "progress-summary", text: `${done} of ${p.total} incidents reviewed (${pct}%): ${p.confirmed} confirmed, `
      + `${p.corrected} corrected, ${p.rejected} rejected; ${p.pending} to go.` }),
    bar,
    days.length ? el("table", { class: "progress-days" },
      el("caption", { class: "count", text: "Verdicts and corrections per day" }),
      el("thead", {}, el("tr", {}, ["Day", "Confirmed", "Corrected", "Rejected", "Reopened"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, days.slice(0, 14).map((d) => el("tr", {}, el("td", { text: d.day }),
        ...["confirmed", "corrected", "rejected", "reopened"].map((k) => el("td", { text: String(d[k]) }))))))
      : el("p", { class: "empty", text: "No verdicts yet: confirm or reject the first incident below." }));
}

/** The evidence of an incident's reports, each sentence marked as the article view marks it. */
function evidenceBlock(incident) {
  return (incident.reports || []).map((r) => el("div", { class: "review-report" },
    // an Arabic outlet name isolated (bdi) and Arabic evidence right to left (dir=auto)
    el("p", { class: "review-meta" }, el("bdi", { text: r.outlet || r.article_id || "unknown outlet" }), `, ${r.published || "undated"}`),
    el("blockquote", { class: "evidence-quote" }, (r.evidence || []).map((e) => el("p", { dir: "auto" }, el("mark", { class: "evidence", text: e.text || "" }))))));
}

/**
 * The incident panel's verdict line: its review state and Confirm / Reject… (the queue's actions,
 * for an incident met while browsing). hooks: {changed(id): redraw, rejected(): close the panel}.
 */
export function verdictSection(incident, hooks) {
  const status = el("p", { id: "verdict-status", class: "corr-status", role: "status", "aria-live": "polite" });
  const state = { confirmed: "confirmed", corrected: "corrected", rejected: "rejected" }[incident.review] || "not reviewed yet";
  async function decide(decision) {
    if (!getToken()) {
      status.textContent = "Verdicts need the server's write token: enter it under Correct this incident, the Review tab or the Ingest page.";
      status.classList.add("error");
      return;
    }
    if (decision === "reject" && !await confirmAction("Reject this incident?", `Reject ${incidentTitle(incident)} as not an incident? `
      + "It disappears from every list, map, export and analysis; the verdict stays in the audit trail.", "Reject")) return;
    try {
      await postJSON(`/api/incidents/${encodeURIComponent(incident.id)}/review`,
        { decision, author: sessionStorage.getItem(AUTHOR_KEY) || null });
      if (decision === "reject") hooks.rejected(incidentTitle(incident));
      else await hooks.changed(incident.id);
    } catch (error) {
      status.textContent = explain(error);
      status.classList.add("error");
    }
  }
  return el("section", { class: "verdict", "aria-labelledby": "verdict-h" },
    el("h3", { id: "verdict-h", text: "Review" }),
    el("p", {}, el("strong", { text: "State: " }), state),
    el("div", { class: "review-actions", role: "group", "aria-label": "Verdict on this incident" },
      incident.review === "confirmed" ? null : el("button", { type: "button", class: "confirm", text: "Confirm", onclick: () => decide("confirm") }),
      el("button", { type: "button", class: "reject", text: "Reject…", onclick: () => decide("reject") })),
    status);
}

export function createReview({ progressBox, authBox, statusLine, queueBox }, { onCorrect, onChanged, params }) {
  let offset = 0;
  let writes = null; // unknown until /api/capabilities answers

  function say(message, isError = false) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", isError);
  }

  function drawAuth() {
    if (writes === false) {
      authBox.replaceChildren(el("p", { class: "notice", role: "note", text: "This server is read-only: verdicts are "
        + "disabled. Restart it with attackwatch serve --token TOKEN (or ATTACKWATCH_TOKEN) to review." }));
      return;
    }
    const token = el("input", { id: "review-token", type: "password", autocomplete: "off" });
    token.value = getToken();
    token.addEventListener("input", () => setToken(token.value.trim()));
    authBox.replaceChildren(el("form", { class: "review-token", onsubmit: (e) => e.preventDefault() },
      el("label", { for: "review-token", text: "Write token (verdicts need it; kept for this browser tab only)" }, token)));
  }

  async function decide(incident, decision) {
    if (!getToken()) {
      say("Enter the server's write token above first: verdicts need it.", true);
      document.getElementById("review-token")?.focus();
      return;
    }
    if (decision === "reject" && !await confirmAction("Reject this incident?", `Reject ${incidentTitle(incident)} as not an incident? `
      + "It disappears from every list, map, export and analysis; the verdict stays in the audit trail "
      + "(attackwatch review reopen undoes it).", "Reject")) return;
    say("Saving…");
    try {
      await postJSON(`/api/incidents/${encodeURIComponent(incident.id)}/review`,
        { decision, author: sessionStorage.getItem(AUTHOR_KEY) || null });
      say(`${decision === "confirm" ? "Confirmed" : "Rejected"}: ${incidentTitle(incident)}.`);
      await refresh();
      onChanged();
      const next = queueBox.querySelector(".review-actions button");
      if (next) next.focus();
    } catch (error) {
      say(explain(error), true);
    }
  }

  function item(incident) {
    const id = `review-${incident.id}`;
    return el("article", { class: "review-item", "aria-labelledby": id, "data-id": incident.id },
      el("h3", { id, text: incidentTitle(incident) }),
      el("p", { class: "review-meta", text: `confidence ${typeof incident.confidence === "number" ? incident.confidence.toFixed(2) : "unknown"}`
        + ` · ${incident.actor || "actor unknown"}${incident.claimed ? " (claimed)" : ""} · ${incident.n_sources} source(s)`
        + ` · ${(incident.killed ?? "?")} killed, ${(incident.injured ?? "?")} injured` }),
      evidenceBlock(incident),
      el("div", { class: "review-actions", role: "group", "aria-label": `Verdict on ${incidentTitle(incident)}` },
        el("button", { type: "button", class: "confirm", text: "Confirm", disabled: writes === false, onclick: () => decide(incident, "confirm") }),
        el("button", { type: "button", class: "reject", text: "Reject…", disabled: writes === false, onclick: () => decide(incident, "reject") }),
        el("button", { type: "button", class: "correct-it", text: "Correct…", onclick: (e) => onCorrect(incident.id, e.currentTarget) })));
  }

  async function refresh() {
    try {
      const [progress, page] = await Promise.all([getJSON("/api/review/progress"),
        getJSON("/api/review/queue", { ...params(), limit: PAGE, offset })]);
      progressBox.replaceChildren(progressView(progress));
      const nav = el("p", { class: "count" }, `${page.total} incident(s) to review for these filters, least confident first`
        + (page.items.length ? ` (${offset + 1}–${offset + page.items.length})` : ""),
      offset > 0 ? el("button", { type: "button", class: "link", text: " ← previous", onclick: () => { offset = Math.max(0, offset - PAGE); refresh(); } }) : null,
      offset + page.items.length < page.total ? el("button", { type: "button", class: "link", text: " next →", onclick: () => { offset += PAGE; refresh(); } }) : null);
      queueBox.replaceChildren(nav, ...(page.items.length ? page.items.map(item) : [el("p", { class: "empty", text: "Nothing left to review for these filters." })]));
    } catch (error) {
      queueBox.replaceChildren(el("p", { class: "error", text: `Could not load the review queue: ${error instanceof ApiError ? error.detail : error.message}` }));
    }
  }

  getJSON("/api/capabilities").then((c) => { writes = Boolean(c.writes); drawAuth(); }).catch(() => drawAuth());
  drawAuth();
  window.addEventListener("attackwatch:token", () => {
    const input = document.getElementById("review-token");
    if (input && input.value.trim() !== getToken()) input.value = getToken();
  });
  return { refresh: () => { offset = 0; return refresh(); } };
}

// The incident panel: every field, claim and confirmation with who says so, what the outlets
// disagree on, and each report with its article text and the evidence highlighted in it.
import { ApiError, getJSON } from "./api.js";
import { correctionsSection, editHistory, splitButton } from "./corrections.js";
import { el, highlighted, label, safeUrl } from "./dom.js";
import { verdictSection } from "./review.js";

const FIELDS = [
  ["date", "Date"], ["date_precision", "Date precision"], ["event_type", "Event type"], ["weapon", "Weapon"],
  ["actor", "Actor"], ["actor_parent", "Umbrella group"], ["target_type", "Target type"], ["target_actor", "Target"],
  ["place", "Place"], ["admin1", "Governorate"], ["admin1_code", "Governorate code"], ["country", "Country"],
  ["latitude", "Latitude"], ["longitude", "Longitude"], ["geo_precision", "Location precision"],
  ["killed", "Killed"], ["injured", "Injured"], ["intercepted", "Intercepted"], ["n_sources", "Sources"],
  ["confidence", "Confidence (real, right date and place)"],
  ["background", "Background mention only"], ["id", "Incident id"],
];

/** A confidence (0–1) as the list and the panel show it: two decimals, "—" when unknown. */
export function confidenceText(v) {
  return typeof v === "number" ? v.toFixed(2) : "—";
}

function value(v, key) {
  if (v === null || v === undefined) return "—";
  if (key === "confidence") return confidenceText(v);
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length ? v.join(", ") : "—";
  return label(v);
}

// identifiers and codes are shown verbatim (label() would turn inc_ab12 into "inc ab12")
const VERBATIM = new Set(["id", "admin1_code", "date"]);

function fieldList(incident) {
  return el("dl", { class: "fields" }, FIELDS.flatMap(([key, name]) => [el("dt", { text: name }), el("dd", { text: VERBATIM.has(key) ? (incident[key] ?? "—") : value(incident[key], key) })]));
}

/** Outlet names, each isolated: an Arabic name beside an English one must not reorder the
 * list or the punctuation between them (Unicode bidi). */
function outletList(names) {
  return names.flatMap((n, i) => (i ? [", ", el("bdi", { text: n })] : [el("bdi", { text: n })]));
}

function claimAndConfirmation(incident) {
  return el("section", { "aria-labelledby": "claim-h" },
    el("h3", { id: "claim-h", text: "Claim and confirmation" }),
    el("p", {}, el("strong", { text: "Claimed: " }), incident.claimed === null || incident.claimed === undefined ? "not said" : (incident.claimed ? "yes" : "no"),
      incident.claimed_by && incident.claimed_by.length ? [" — reported by ", ...outletList(incident.claimed_by)] : ""),
    el("p", {}, el("strong", { text: "Confirmation: " }), label(incident.confirmation),
      incident.confirmed_by && incident.confirmed_by.length ? [" — reported by ", ...outletList(incident.confirmed_by)] : ""));
}

function conflicts(incident) {
  const entries = Object.entries(incident.conflicts || {});
  const section = el("section", { "aria-labelledby": "conflicts-h" }, el("h3", { id: "conflicts-h", text: "Where outlets disagree" }));
  if (!entries.length) {
    section.append(el("p", { text: "No disagreements between outlets." }));
    return section;
  }
  const rows = entries.flatMap(([field, claims]) => claims.map((c) =>
    el("tr", {}, el("th", { scope: "row", text: label(field) }), el("td", { text: value(c.value) }), el("td", {}, outletList(c.outlets || [])))));
  section.append(el("table", { class: "conflicts" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Field" }), el("th", { scope: "col", text: "Value" }), el("th", { scope: "col", text: "Said by" }))),
    el("tbody", {}, rows)));
  return section;
}

async function articleText(report, box) {
  try {
    const article = await getJSON(`/api/articles/${encodeURIComponent(report.article_id)}`);
    const spans = (report.record && report.record.evidence) || [];
    const text = el("div", { class: "article-text", dir: "auto", role: "region", tabindex: "0", "aria-label": `Article text of ${report.title || report.article_id}, evidence highlighted` });
    text.append(highlighted(article.text || "", spans));
    box.replaceChildren(text);
    const first = text.querySelector("mark");
    if (first) text.scrollTop = Math.max(0, first.offsetTop - text.offsetTop - 24);
  } catch (error) {
    box.replaceChildren(el("p", { class: "error", text: `Could not load the article: ${error instanceof ApiError ? error.detail : error.message}` }));
  }
}

function reportBlock(report, index, split) {
  const url = safeUrl(report.url);
  const evidence = (report.record && report.record.evidence) || [];
  const textBox = el("div", { class: "article-box" }, el("p", { text: "Loading article…" }));
  const details = el("details", { open: index < 2 },
    el("summary", { text: "Article text with the evidence highlighted" }), textBox);
  // the first reports load at once; the others when opened (an incident may have dozens)
  let loaded = false;
  const load = () => {
    if (!loaded && details.open) {
      loaded = true;
      articleText(report, textBox);
    }
  };
  details.addEventListener("toggle", load);
  load();
  return el("li", { class: "report" },
    // outlet and title isolated (bdi): an Arabic title must not pull the date beside it into
    // right-to-left order ("2024-01-28" shown as "28-01-2024")
    el("p", { class: "report-head" }, el("bdi", {}, el("strong", { text: report.outlet || "unknown outlet" })), ` · ${report.published || "undated"} · `,
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, el("bdi", { text: report.title || url }))
        : el("bdi", { text: report.title || report.article_id }),
      split ? [" ", split] : null),
    evidence.length ? el("blockquote", { class: "evidence-quote" }, evidence.map((e) => el("p", { dir: "auto" }, el("mark", { text: e.text || "" })))) : null,
    details);
}

/**
 * Render incident `id` into `panel`; returns the heading (to move focus there) and the record.
 * With `hooks` ({changed(id), open(id)}: redraw after a correction, open another incident) the
 * panel offers the analyst corrections.
 */
export async function showIncident(panel, id, hooks = null) {
  panel.replaceChildren(el("p", { text: "Loading incident…" }));
  const data = await getJSON(`/api/incidents/${encodeURIComponent(id)}`);
  const incident = data.incident;
  const title = `${incident.date || "Undated"} — ${label(incident.weapon)} attack${incident.place ? ` on ${incident.place}` : ""}`;
  const heading = el("h2", { id: "incident-h", tabindex: "-1", text: title });
  // an id since merged away (or an export's event_id_cnty) opens the incident it names now
  const resolved = data.resolved_from ? el("p", { class: "resolved-note", role: "note", text: `${data.resolved_from.note}.` }) : null;
  const parts = [heading, resolved, fieldList(incident), claimAndConfirmation(incident), conflicts(incident),
    editHistory(incident.id, data.edits, incident.edits),
    hooks && hooks.rejected ? verdictSection(incident, hooks) : null,
    hooks ? correctionsSection(incident, hooks, new Map(FIELDS)) : null,
    el("section", { "aria-labelledby": "reports-h" }, el("h3", { id: "reports-h", text: `Reports (${data.reports.length})` }),
      el("ol", { class: "reports" }, data.reports.map((r, i) => reportBlock(r, i, splitButton(incident, r, data.reports.length, hooks)))))];
  panel.replaceChildren(...parts.filter(Boolean));
  return { heading, incident };
}

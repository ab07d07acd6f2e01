// Alerts and lulls from the analytics endpoints. They may be missing on a server without the
// analytics router: then the panel says so instead of failing.
import { ApiError, getJSON } from "./api.js";
import { el } from "./dom.js";

function unavailable(what, error) {
  const reason = error instanceof ApiError && error.status === 404
    ? `this server does not provide ${what} (404)` : `could not load ${what}: ${error.message}`;
  return el("p", { class: "notice", role: "note", text: `${what[0].toUpperCase()}${what.slice(1)} unavailable — ${reason}.` });
}

export async function loadAlerts(box, params, onSelect) {
  const heading = el("h3", { text: "Alerts" });
  try {
    const data = await getJSON("/api/alerts", params);
    // newest first: the analyst's question is "what changed lately"
    const alerts = [...(data.alerts || [])].sort((a, b) => String(b.date).localeCompare(String(a.date)));
    heading.textContent = `Alerts (${alerts.length})${data.as_of ? ` as of ${data.as_of}` : ""}`;
    box.replaceChildren(heading, alerts.length ? el("ul", { class: "alerts" }, alerts.map((a) => el("li", { class: `alert rule-${a.rule}` },
      el("span", { class: "rule", text: String(a.rule || "").replace(/_/g, " ") }), ` ${a.date || ""} `, el("span", { text: a.title || "" }),
      (a.incidents || []).length ? el("span", { class: "links" }, " — ", (a.incidents || []).slice(0, 5).map((id) =>
        el("button", { type: "button", class: "link", onclick: () => onSelect(id), text: id }))) : null)))
      : el("p", { text: "No alerts for these filters." }));
  } catch (error) {
    box.replaceChildren(heading, unavailable("alerts", error));
  }
}

/** Returns the lulls (for the timeline), or [] when the endpoint is unavailable. */
export async function loadLulls(box, params, onSelect) {
  const heading = el("h3", { text: "Lulls (pauses of 14 days or more)" });
  try {
    const data = await getJSON("/api/lulls", { min_days: 14, ...params });
    const lulls = data.lulls || [];
    heading.textContent = `Lulls of 14 days or more (${lulls.length})`;
    box.replaceChildren(heading, lulls.length ? el("ul", { class: "lulls" }, [...lulls].reverse().map((l) => el("li", {},
      el("span", { text: l.text || `${l.days} days from ${l.start} to ${l.end || "now"}` }),
      l.after_incident ? el("button", { type: "button", class: "link", onclick: () => onSelect(l.after_incident), text: " open the attack that ended it" }) : null)))
      : el("p", { text: "No lulls of 14 days or more." }));
    return lulls;
  } catch (error) {
    box.replaceChildren(heading, unavailable("lulls", error));
    return [];
  }
}

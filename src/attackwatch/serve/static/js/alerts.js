// Alerts and lulls from the analytics endpoints. They may be missing on a server without the
// analytics router: then the panel says so instead of failing.
import { ApiError, getJSON } from "./api.js";
import { el, label } from "./dom.js";

function unavailable(what, error) {
  const reason = error instanceof ApiError && error.status === 404
    ? `this server does not provide ${what} (404)` : `could not load ${what}: ${error.message}`;
  return el("p", { class: "notice", role: "note", text: `${what[0].toUpperCase()}${what.slice(1)} unavailable — ${reason}.` });
}

const RULES = {
  casualties: "Casualties", surge: "Surges", resumption: "Resumptions after a pause",
  new_actor_claim: "First claims by a group", new_weapon_at_site: "New weapon at a site",
};
const SIDES = { axis: "attacks by Iran-aligned groups", us: "US strikes", iraq: "Iraqi forces", israel: "Israel",
  other: "other actors", mixed: "several sides", unknown: "actor unknown" };
const SEVERITY = ["high", "medium", "low"];

function severityRank(alert) {
  const i = SEVERITY.indexOf(alert.severity);
  return i < 0 ? SEVERITY.length : i;
}

/** Alerts grouped by kind and side; the groups with the most severe, then the newest alert first. */
export function groupAlerts(alerts) {
  const groups = new Map();
  for (const alert of alerts) {
    const key = `${alert.rule}|${alert.side || "unknown"}`;
    if (!groups.has(key)) groups.set(key, { rule: alert.rule, side: alert.side || "unknown", alerts: [] });
    groups.get(key).alerts.push(alert);
  }
  const newest = (a, b) => String(b.date).localeCompare(String(a.date));
  for (const g of groups.values()) g.alerts.sort(newest);
  return [...groups.values()].sort((a, b) =>
    Math.min(...a.alerts.map(severityRank)) - Math.min(...b.alerts.map(severityRank)) || newest(a.alerts[0], b.alerts[0]));
}

export async function loadAlerts(box, params, onSelect) {
  const heading = el("h3", { text: "Alerts" });
  try {
    const data = await getJSON("/api/alerts", params);
    const alerts = data.alerts || [];
    const counts = SEVERITY.map((s) => [s, alerts.filter((a) => a.severity === s).length]).filter(([, n]) => n);
    heading.textContent = `Alerts (${alerts.length}${counts.length ? `: ${counts.map(([s, n]) => `${n} ${s}`).join(", ")}` : ""})` +
      `${data.as_of ? ` as of ${data.as_of}` : ""}`;
    if (!alerts.length) {
      box.replaceChildren(heading, el("p", { text: "No alerts for these filters." }));
      return;
    }
    box.replaceChildren(heading, ...groupAlerts(alerts).map((group, g) => {
      const id = `alert-group-${g}`;
      return el("section", { class: "alert-group", "aria-labelledby": id },
        el("h4", { id, text: `${RULES[group.rule] || label(group.rule)} — ${SIDES[group.side] || label(group.side)} (${group.alerts.length})` }),
        el("ul", {}, group.alerts.map((a) => el("li", { class: `alert rule-${a.rule}` },
          el("span", { class: `severity ${SEVERITY.includes(a.severity) ? a.severity : "low"}`, text: a.severity || "low" }),
          el("span", { class: "alert-when", text: a.date || "" }), el("span", { text: a.title || "" }),
          (a.incidents || []).length ? el("span", { class: "alert-links" }, (a.incidents || []).slice(0, 5).map((incident) =>
            el("button", { type: "button", class: "link", onclick: () => onSelect(incident),
              text: (a.labels || {})[incident] || incident, title: incident })),
          a.incidents.length > 5 ? ` and ${a.incidents.length - 5} more` : null) : null))));
    }));
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

// Take the current view away: the incidents matching the filters as CSV, GeoJSON or JSONL (the
// API's export endpoints), saved under a name that says which filters made it, and the view's
// link copied for sharing. Downloads go through fetch, so a --private server's token is sent.
import { ApiError, getToken } from "./api.js";

const ENDPOINTS = { csv: "/api/incidents.csv", geojson: "/api/incidents.geojson", jsonl: "/api/incidents.jsonl" };
const ORDER = ["since", "until", "country", "admin1", "actor", "weapon", "event_type", "target_type", "claimed",
  "confirmation", "min_sources", "min_confidence", "q", "include_background"];

/** attackwatch_2024-01-01_to_2024-03-31_country-IQ_weapon-drone.csv: the filters in the name. */
export function exportFileName(filters, format) {
  const parts = ["attackwatch"];
  if (filters.since || filters.until) parts.push(`${filters.since || "start"}_to_${filters.until || "end"}`);
  for (const key of ORDER) {
    if (key === "since" || key === "until" || !filters[key]) continue;
    parts.push(`${key}-${String(filters[key])}`);
  }
  if (parts.length === 1) parts.push("all");
  // letters, digits, dot, dash and underscore only: safe on every file system
  const name = parts.join("_").normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/-+/g, "-").slice(0, 180);
  return `${name}.${format}`;
}

export async function downloadView(filters, format) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== "" && v !== undefined));
  const token = getToken();
  const response = await fetch(`${ENDPOINTS[format]}?${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  const blob = await response.blob();
  const name = exportFileName(filters, format);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, bytes: blob.size };
}

/** Copy the view's URL; without clipboard access (plain http on another host) select it in a prompt-free way. */
export async function copyViewLink() {
  const url = location.href;
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(url);
    return "Link to this view copied.";
  }
  const area = document.createElement("textarea");
  area.value = url;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("the browser refused: copy the address bar instead");
  return "Link to this view copied.";
}

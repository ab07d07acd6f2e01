// The view state lives in the query string, so a view can be bookmarked, shared and reloaded.
export const FILTER_KEYS = [
  "since", "until", "country", "admin1", "actor", "weapon", "event_type", "target_type",
  "claimed", "confirmation", "min_sources", "q", "include_background", "min_confidence",
];
// at: the map's centre and zoom ("33.300,44.400,8"), once the analyst has moved the map
const VIEW_DEFAULTS = { color: "weapon", by: "week", split: "actor", tab: "incidents", page: "dashboard", incident: "", at: "" };

/** The `at` view parameter as [lat, lon, zoom], or null when absent or malformed. */
export function parseAt(value) {
  const parts = String(value || "").split(",").map(Number);
  if (parts.length !== 3 || parts.some((v) => !Number.isFinite(v))) return null;
  const [lat, lon, zoom] = parts;
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= 20 ? [lat, lon, zoom] : null;
}

export function readState() {
  const params = new URLSearchParams(location.search);
  const state = { filters: {}, view: { ...VIEW_DEFAULTS } };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) state.filters[key] = value;
  }
  for (const key of Object.keys(VIEW_DEFAULTS)) {
    const value = params.get(key);
    if (value) state.view[key] = value;
  }
  return state;
}

/** Write the state to the URL (replaceState: filtering should not flood the back button). */
export function writeState(state) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (state.filters[key]) params.set(key, state.filters[key]);
  }
  for (const [key, value] of Object.entries(state.view)) {
    if (value && value !== VIEW_DEFAULTS[key]) params.set(key, value);
  }
  const qs = params.toString();
  history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
}

/** The filters as API parameters; `withoutDates` gives the timeline its full context. */
export function filterParams(state, withoutDates = false) {
  const params = {};
  for (const [key, value] of Object.entries(state.filters)) {
    if (withoutDates && (key === "since" || key === "until")) continue;
    params[key] = value;
  }
  return params;
}

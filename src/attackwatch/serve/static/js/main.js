// Wires the dashboard together: filters <-> URL, map, timeline, list, incident panel, alerts, ingest.
import { ApiError, getJSON } from "./api.js";
import { loadAlerts, loadLulls } from "./alerts.js";
import { colorFor } from "./colors.js";
import { announce, el, label } from "./dom.js";
import { confidenceText, showIncident } from "./incident.js";
import { setupIngest } from "./ingest.js";
import { createMap } from "./map.js";
import { FILTER_KEYS, filterParams, parseAt, readState, writeState } from "./state.js";
import { copyViewLink, downloadView } from "./export.js";
import { createReview } from "./review.js";
import { createTimeline } from "./timeline.js";

const MAX_INCIDENTS = 5000; // pages of 1000; beyond this the list says how many are not shown
const state = readState();
const $ = (id) => document.getElementById(id);
let facets = null;
let generation = 0; // ignore answers to superseded requests
let returnFocus = null;

const mapView = createMap($("map"), { onSelect: openIncident, onAdmin1: (code) => setFilters({ admin1: code }) });
const review = createReview(
  { progressBox: $("review-progress"), authBox: $("review-auth"), statusLine: $("review-status"), queueBox: $("review-queue") },
  { onCorrect: (id, from) => openIncident(id, from, false, true), onChanged: () => loadFacets().then(refresh), params: () => filterParams(state) });
const timeline = createTimeline($("timeline"), $("timeline-legend"), { onRange: (since, until) => setFilters({ since, until }) });

function fillSelect(select, options, current) {
  const first = select.options[0];
  select.replaceChildren(first);
  for (const { value, text } of options) select.append(el("option", { value, text }));
  select.value = current || "";
  if (current && select.value !== current) select.append(el("option", { value: current, text: current, selected: true }));
}

function admin1Options() {
  const country = state.filters.country;
  return (facets.admin1 || []).filter((a) => !country || a.country_code === country)
    .map((a) => ({ value: a.code, text: `${a.name} (${a.count})` }));
}

function syncForm() {
  for (const key of FILTER_KEYS) {
    const input = $(`f-${key}`);
    if (input) input.value = state.filters[key] || "";
  }
  if (facets) fillSelect($("f-admin1"), admin1Options(), state.filters.admin1);
  for (const radio of document.querySelectorAll("input[name=color]")) radio.checked = radio.value === state.view.color;
  $("t-by").value = state.view.by;
  $("t-split").value = state.view.split;
}

function populateFilters() {
  const f = state.filters;
  fillSelect($("f-country"), facets.countries.map((c) => ({ value: c.code, text: `${c.name} (${c.count})` })), f.country);
  fillSelect($("f-actor"), facets.actors.map((a) => ({ value: a.name, text: `${a.parent ? "— " : ""}${a.name} (${a.count})` })), f.actor);
  for (const [key, list] of [["weapon", facets.weapons], ["event_type", facets.event_types], ["target_type", facets.target_types], ["confirmation", facets.confirmations]]) {
    fillSelect($(`f-${key}`), (list || []).map((x) => ({ value: x.value, text: `${label(x.value)} (${x.count})` })), f[key]);
  }
  if (facets.date_min) {
    for (const id of ["f-since", "f-until"]) {
      $(id).min = facets.date_min;
      $(id).max = facets.date_max;
    }
  }
  // actors get their colours in order of frequency, so the palette is stable across filters
  for (const a of facets.actors) colorFor(a.parent || a.name);
  syncForm();
}

function setFilters(changes) {
  for (const [key, value] of Object.entries(changes)) {
    if (value) state.filters[key] = String(value);
    else delete state.filters[key];
  }
  if (changes.country !== undefined && state.filters.admin1 && facets) {
    const a = facets.admin1.find((x) => x.code === state.filters.admin1);
    if (a && changes.country && a.country_code !== changes.country) delete state.filters.admin1;
  }
  syncForm();
  refresh();
}

async function fetchIncidents(params, mine) {
  const items = [];
  let cursor = "";
  let total = 0;
  do {
    const page = await getJSON("/api/incidents", { ...params, sort: "-date", limit: 1000, cursor });
    if (mine !== generation) return null;
    items.push(...page.items);
    total = page.total;
    cursor = page.next_cursor || "";
  } while (cursor && items.length < MAX_INCIDENTS);
  return { items, total };
}

// The list shows a page at a time ("Show more" adds the next): a long list would push
// everything below it out of reach on a phone, and costs DOM nodes everywhere.
const LIST_PAGE = 100;
let listed = { items: [], total: 0, shown: LIST_PAGE };

function renderList(items, total, shownCount = LIST_PAGE) {
  listed = { items, total, shown: shownCount };
  const list = $("incident-list");
  const shown = items.slice(0, shownCount);
  list.replaceChildren(...shown.map((i) => {
    const casualties = (i.killed || 0) + (i.injured || 0);
    return el("li", {}, el("button", { type: "button", class: "incident-item", "data-id": i.id, onclick: (e) => openIncident(i.id, e.currentTarget) },
      el("span", { class: "dot", style: `background:${colorFor(state.view.color === "actor" ? (i.actor_parent || i.actor || "unknown") : (i.weapon || "unknown"))}`, "aria-hidden": "true" }),
      el("span", { class: "when", text: i.date || "undated" }),
      el("span", { class: "what", text: `${label(i.weapon)} · ${i.place || i.admin1 || i.country || "unknown place"}` }),
      el("span", { class: "who", text: `${i.actor || "actor unknown"}${i.claimed ? " (claimed)" : ""} · ${casualties} cas. · ${i.n_sources} src · conf. ${confidenceText(i.confidence)}` })));
  }));
  $("list-count").textContent = `${total} incident(s)${total > shown.length ? `, newest ${shown.length} listed` : ""}`;
  const more = $("list-more");
  more.hidden = shown.length >= items.length;
  more.textContent = `Show ${Math.min(LIST_PAGE, items.length - shown.length)} more`;
}

async function refresh() {
  writeState(state);
  const mine = ++generation;
  const params = filterParams(state);
  timeline.setRange({ since: state.filters.since || "", until: state.filters.until || "" });
  announce("Loading…");
  try {
    const [incidents, stats] = await Promise.all([
      fetchIncidents(params, mine),
      getJSON("/api/stats", { ...filterParams(state, true), by: state.view.by, split: state.view.split }),
    ]);
    if (mine !== generation || !incidents) return;
    const placed = mapView.setIncidents(incidents.items, state.view.color);
    renderList(incidents.items, incidents.total);
    timeline.setStats(stats);
    announce(`${incidents.total} incident(s) match; ${placed} on the map.`);
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof ApiError && error.status === 401) {
      announce("This server is private: enter its token on the Ingest page (kept for this tab only), then come back.", true);
    } else {
      announce(`Could not load incidents: ${error instanceof ApiError ? error.detail : error.message}`, true);
    }
  }
  loadAlerts($("alerts"), params, openIncident);
  if (state.view.tab === "review") review.refresh();
  loadLulls($("lulls"), filterParams(state, true), openIncident).then((lulls) => {
    if (mine === generation) timeline.setLulls(lulls);
  });
}

// The incident panel's analyst corrections (corrections.js): after a write, reload the filter
// options, list, map and timeline, and redraw the panel without moving focus to its heading.
const correctionHooks = {
  changed: (id) => { loadFacets().then(refresh); return openIncident(id, null, true); },
  open: (id) => openIncident(id),
  // rejected from the panel: the incident no longer exists for the API; back to the list
  rejected: (title) => {
    closeIncident();
    loadFacets().then(refresh).then(() =>
      announce(`Rejected: ${title}. It is left out of every list, export and analysis (kept in the audit trail).`));
  },
};

async function openIncident(id, from, afterCorrection = false, toCorrect = false) {
  if (!afterCorrection) returnFocus = from || document.activeElement;
  state.view.incident = id;
  state.view.page = "dashboard";
  showPage();
  writeState(state);
  $("side-tabs").hidden = true;
  $("list-panel").hidden = true;
  $("alerts-panel").hidden = true;
  $("review-panel").hidden = true;
  const panel = $("incident-panel");
  panel.hidden = false;
  try {
    const { heading, incident } = await showIncident($("incident-body"), id, correctionHooks);
    if (incident.id !== id) {  // an id since merged away: the link now names the incident it went into
      state.view.incident = incident.id;
      writeState(state);
    }
    const corrections = $("corrections");
    if (toCorrect && corrections) { // from the review queue's Correct…: the corrections open at once
      corrections.open = true;
      $("corr-summary").focus();
    } else if (!afterCorrection) heading.focus();
    mapView.highlight(incident);
  } catch (error) {
    $("incident-body").replaceChildren(el("p", { class: "error", role: "alert", text: `Could not load incident ${id}: ${error instanceof ApiError ? error.detail : error.message}` }));
  }
}

function closeIncident() {
  if ($("incident-panel").hidden) return;
  state.view.incident = "";
  writeState(state);
  $("incident-panel").hidden = true;
  mapView.highlight(null);
  $("side-tabs").hidden = false;
  showSideTab(state.view.tab);
  const target = returnFocus && document.contains(returnFocus) ? returnFocus : document.querySelector(".incident-item");
  if (target) target.focus();
}

const TABS = ["incidents", "alerts", "review"];

function showSideTab(tab) {
  const before = state.view.tab;
  state.view.tab = TABS.includes(tab) ? tab : "incidents";
  for (const button of document.querySelectorAll("#side-tabs [role=tab]")) {
    const selected = button.dataset.tab === state.view.tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
  }
  $("list-panel").hidden = state.view.tab !== "incidents";
  $("alerts-panel").hidden = state.view.tab !== "alerts";
  $("review-panel").hidden = state.view.tab !== "review";
  if (state.view.tab === "review" && (before !== "review" || !$("review-queue").childElementCount)) review.refresh();
  writeState(state);
}

// The filters drawer (tablet and phone widths; on a laptop the filters are a column and the
// toggle is hidden). Escape or the backdrop closes it and focus returns to the toggle.
function drawer(open) {
  const form = $("filters");
  form.classList.toggle("open", open);
  $("filters-toggle").setAttribute("aria-expanded", String(open));
  $("drawer-backdrop").hidden = !open;
  if (open) $("f-since").focus();
  else if (form.contains(document.activeElement)) $("filters-toggle").focus();
}

function drawerOpen() {
  return $("filters").classList.contains("open");
}

function showPage() {
  const ingest = state.view.page === "ingest";
  $("dashboard").hidden = ingest;
  $("ingest").hidden = !ingest;
  for (const link of document.querySelectorAll("#pages [data-page]")) {
    link.setAttribute("aria-current", link.dataset.page === state.view.page ? "page" : "false");
  }
  if (!ingest) mapView.invalidate();
}

function wire() {
  const form = $("filters");
  let typing = null;
  form.addEventListener("change", (event) => {
    const key = event.target.id.replace(/^f-/, "");
    if (FILTER_KEYS.includes(key)) setFilters({ [key]: event.target.value.trim() });
  });
  $("f-q").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => setFilters({ q: $("f-q").value.trim() }), 400);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  $("reset").addEventListener("click", () => {
    for (const key of FILTER_KEYS) delete state.filters[key];
    syncForm();
    refresh();
  });
  $("clear-range").addEventListener("click", () => setFilters({ since: "", until: "" }));
  for (const radio of document.querySelectorAll("input[name=color]")) {
    radio.addEventListener("change", () => { state.view.color = radio.value; refresh(); });
  }
  $("t-by").addEventListener("change", (e) => { state.view.by = e.target.value; refresh(); });
  $("t-split").addEventListener("change", (e) => { state.view.split = e.target.value; refresh(); });
  const tabs = [...document.querySelectorAll("#side-tabs [role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => showSideTab(tab.dataset.tab));
    tab.addEventListener("keydown", (event) => { // arrow keys move between tabs (ARIA tabs pattern)
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      const next = tabs[(tabs.indexOf(tab) + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
      showSideTab(next.dataset.tab);
      next.focus();
    });
  }
  $("close-incident").addEventListener("click", closeIncident);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (drawerOpen()) drawer(false);
    else if (!$("incident-panel").hidden) closeIncident();
  });
  $("list-more").addEventListener("click", () => {
    const first = listed.shown;
    renderList(listed.items, listed.total, listed.shown + LIST_PAGE);
    const next = document.querySelectorAll(".incident-item")[first];
    if (next) next.focus(); // keyboard users continue where the new items start
  });
  $("filters-toggle").addEventListener("click", () => drawer(!drawerOpen()));
  $("filters-close").addEventListener("click", () => drawer(false));
  $("drawer-backdrop").addEventListener("click", () => drawer(false));
  for (const button of document.querySelectorAll("button.export")) {
    button.addEventListener("click", async () => {
      const format = button.dataset.format;
      $("tools-status").textContent = `Preparing ${format.toUpperCase()}…`;
      try {
        const { name } = await downloadView(filterParams(state), format);
        $("tools-status").textContent = `Saved ${name}`;
      } catch (error) {
        $("tools-status").textContent = `Export failed: ${error instanceof ApiError ? error.detail : error.message}`;
      }
    });
  }
  $("copy-link").addEventListener("click", async () => {
    try {
      $("tools-status").textContent = await copyViewLink();
    } catch (error) {
      $("tools-status").textContent = `Could not copy: ${error.message}`;
    }
  });
  for (const link of document.querySelectorAll("#pages [data-page]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      state.view.page = link.dataset.page;
      writeState(state);
      showPage();
      // a private server refused the first load; the token may have been entered since
      if (state.view.page === "dashboard" && !facets) loadFacets().then(refresh);
    });
  }
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => timeline.redraw(), 150);
  });
}

/** Filter options (with counts) from /api/facets; reloaded after an ingest adds incidents. */
async function loadFacets() {
  try {
    facets = await getJSON("/api/facets");
    populateFilters();
  } catch (error) {
    announce(`Could not load filter options: ${error instanceof ApiError ? error.detail : error.message}`, true);
  }
}

async function start() {
  wire();
  setupIngest({ onOpenIncident: (id) => { loadFacets().then(refresh); openIncident(id); } });
  showPage();
  showSideTab(state.view.tab);
  syncForm();
  try {
    await mapView.loadBoundaries("/static/vendor/data/boundaries.geojson");
  } catch (error) {
    announce(`Map boundaries unavailable (${error.message}); run scripts/build_web.sh.`, true);
  }
  const at = parseAt(state.view.at);
  if (at) mapView.map.setView([at[0], at[1]], at[2], { animate: false });
  // from now on the map's view is part of the shared link
  mapView.map.on("moveend", () => {
    const c = mapView.map.getCenter();
    state.view.at = `${c.lat.toFixed(3)},${c.lng.toFixed(3)},${mapView.map.getZoom()}`;
    writeState(state);
  });
  mapView.loadLabels("/api/map/places").catch((error) => announce(`Place names unavailable: ${error.message}`, true));
  await loadFacets();
  await refresh();
  if (state.view.incident) openIncident(state.view.incident);
}

start();

// The theatre map: boundaries from the pack's GeoJSON (no tile server: the page loads nothing from
// outside), incident markers sized by casualties and coloured by weapon or actor, clustered.
/* global L */
import { el, label } from "./dom.js";
import { colorFor, keyOf } from "./colors.js";
import { createPlaceLabels } from "./labels.js";

const THEATRE = new Set(["IQ", "SY", "JO"]);

function radius(incident) {
  const casualties = (incident.killed || 0) + (incident.injured || 0);
  return Math.min(24, 6 + 3 * Math.sqrt(casualties));
}

function tooltipFor(incident) {
  const casualties = (incident.killed || 0) + (incident.injured || 0);
  return el("div", { class: "map-tip" },
    el("strong", { text: `${incident.date || "undated"} · ${incident.place || incident.admin1 || incident.country || "unknown place"}` }),
    el("br"),
    `${label(incident.weapon)} · ${incident.actor || "actor unknown"} · ${casualties} casualties`);
}

export function createMap(container, { onSelect, onAdmin1 }) {
  const map = L.map(container, { zoomSnap: 0.25, minZoom: 3, maxZoom: 12, attributionControl: true, keyboard: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
  map.setView([33, 41], 5);
  let boundaries = null;
  // Clusters are neutral (dark, with the count): markercluster's default green/yellow/orange
  // bubbles would read as weapons or actors of the legend.
  const clusters = L.markerClusterGroup({
    maxClusterRadius: 35, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
    iconCreateFunction: (cluster) => {
      const n = cluster.getChildCount();
      const size = n < 10 ? 28 : n < 100 ? 34 : 42;
      return L.divIcon({ className: "marker-cluster aw-cluster-icon", iconSize: [size, size],
        html: el("div", { class: "aw-cluster", style: `width:${size}px;height:${size}px`, title: `${n} incidents: zoom in or click to split` },
          el("span", { text: String(n) })) });
    },
  });
  const byId = new Map(); // incident id -> its marker, to reveal the incident opened from the list
  map.addLayer(clusters);
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => el("div", { class: "legend", role: "group", "aria-label": "Map legend" });
  legend.addTo(map);

  async function loadBoundaries(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    const data = await response.json();
    boundaries = L.geoJSON(data, {
      style: (feature) => {
        const { kind, iso } = feature.properties;
        if (kind === "country") {
          return { color: "#3d4a5c", weight: 1.6, fillColor: THEATRE.has(iso) ? "#f7f4ec" : "#e4e2dc", fillOpacity: 1 };
        }
        return { color: "#8a94a3", weight: 0.7, fill: true, fillOpacity: 0, dashArray: "3 3" };
      },
      onEachFeature: (feature, layer) => {
        layer.feature = feature;
        if (feature.properties.kind !== "admin1") return;
        layer.bindTooltip(el("span", { text: feature.properties.name }), { sticky: true });
        layer.on("click", () => onAdmin1(feature.properties.iso));
      },
    });
    // countries first so admin1 outlines (and their click targets) draw on top
    boundaries.addTo(map);
    boundaries.eachLayer((layer) => {
      if (layer.feature.properties.kind === "admin1") layer.bringToFront();
    });
    const theatre = L.featureGroup();
    boundaries.eachLayer((layer) => {
      const p = layer.feature.properties;
      if (p.kind === "country" && THEATRE.has(p.iso)) theatre.addLayer(layer);
    });
    map.fitBounds(theatre.getBounds(), { padding: [8, 8], animate: false });
    return data.features.length;
  }

  // While an incident is being revealed (markercluster zooms or spiderfies, then calls back), its
  // marker must stay in the cluster group: a redraw arriving meanwhile waits for the reveal.
  let revealing = false;
  let deferred = null;

  function setIncidents(incidents, mode) {
    if (revealing) {
      deferred = [incidents, mode];
      return incidents.filter((i) => typeof i.latitude === "number" && typeof i.longitude === "number").length;
    }
    clusters.clearLayers();
    byId.clear();
    const markers = [];
    const keys = new Map();
    for (const incident of incidents) {
      if (typeof incident.latitude !== "number" || typeof incident.longitude !== "number") continue;
      const key = keyOf(incident, mode);
      keys.set(key, (keys.get(key) || 0) + 1);
      const marker = L.circleMarker([incident.latitude, incident.longitude], {
        radius: radius(incident), color: "#1b1b1b", weight: 1, fillColor: colorFor(key), fillOpacity: 0.85,
        className: "incident-marker",
      });
      marker.bindTooltip(tooltipFor(incident));
      marker.on("click", () => onSelect(incident.id));
      byId.set(incident.id, marker);
      markers.push(marker);
    }
    clusters.addLayers(markers);
    drawLegend(keys, mode);
    return markers.length;
  }

  // The legend folds away (a <details>): open on a laptop, closed on a phone where it would
  // cover a third of the map; the analyst's choice is kept across redraws.
  let legendOpen = window.matchMedia("(min-width: 768px)").matches;
  function drawLegend(keys, mode) {
    const box = legend.getContainer();
    const rows = [...keys.entries()].sort((a, b) => b[1] - a[1]).map(([key, count]) =>
      el("li", {}, el("span", { class: "swatch", style: `background:${colorFor(key)}` }), `${label(key)} (${count})`));
    const details = el("details", { open: legendOpen },
      el("summary", { text: `Legend: ${mode === "actor" ? "actor" : "weapon"}` }),
      el("ul", {}, rows), el("small", { text: "Size: killed + injured. Dark circles: clusters (count)." }));
    details.addEventListener("toggle", () => { legendOpen = details.open; });
    box.replaceChildren(details);
  }

  // The open incident is revealed: its cluster is zoomed into (or spiderfied when its incidents
  // share a spot) until its own marker shows, and it gets a ring.
  const selected = L.layerGroup().addTo(map);
  function ring(incident) {
    selected.clearLayers();
    L.circleMarker([incident.latitude, incident.longitude], { radius: radius(incident) + 6, color: "#e36209", weight: 3,
      fill: false, interactive: false, className: "selected-ring" }).addTo(selected);
  }
  let before = null; // the view before an incident was revealed, restored when it is closed
  function highlight(incident) {
    selected.clearLayers();
    if (!incident) {
      if (before) map.setView(before.center, before.zoom);
      before = null;
      return;
    }
    if (typeof incident.latitude !== "number" || typeof incident.longitude !== "number") return;
    if (!before) before = { center: map.getCenter(), zoom: map.getZoom() };
    const marker = byId.get(incident.id);
    if (marker && clusters.hasLayer(marker) && !revealing) {
      revealing = true;
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        revealing = false;
        ring(incident);
        if (marker.bringToFront) marker.bringToFront();
        if (deferred) {
          const [items, mode] = deferred;
          deferred = null;
          setIncidents(items, mode);
        }
      };
      clusters.zoomToShowLayer(marker, done);
      setTimeout(done, 2000); // markercluster does not call back when the map cannot move: do not wait forever
      return;
    }
    ring(incident); // not among the markers drawn (filtered out): ring its place
    map.panTo([incident.latitude, incident.longitude]);
  }

  const labels = createPlaceLabels(map);
  return { map, loadBoundaries, loadLabels: labels.load, setIncidents, highlight, invalidate: () => map.invalidateSize() };
}

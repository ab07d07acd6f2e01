// The theatre map: boundaries from the pack's GeoJSON (no tile server: the page loads nothing from
// outside), incident markers sized by casualties and coloured by weapon or actor, clustered.
/* global L */
import { el, label } from "./dom.js";
import { colorFor, keyOf } from "./colors.js";

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
  const clusters = L.markerClusterGroup({ maxClusterRadius: 35, showCoverageOnHover: false, spiderfyOnMaxZoom: true });
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
    map.fitBounds(theatre.getBounds(), { padding: [8, 8] });
    return data.features.length;
  }

  function setIncidents(incidents, mode) {
    clusters.clearLayers();
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
      markers.push(marker);
    }
    clusters.addLayers(markers);
    drawLegend(keys, mode);
    return markers.length;
  }

  function drawLegend(keys, mode) {
    const box = legend.getContainer();
    const rows = [...keys.entries()].sort((a, b) => b[1] - a[1]).map(([key, count]) =>
      el("li", {}, el("span", { class: "swatch", style: `background:${colorFor(key)}` }), `${label(key)} (${count})`));
    box.replaceChildren(el("strong", { text: mode === "actor" ? "Actor" : "Weapon" }),
      el("ul", {}, rows), el("small", { text: "Size: killed + injured" }));
  }

  // The open incident gets a ring outside the clusters, and the map pans to it.
  const selected = L.layerGroup().addTo(map);
  function highlight(incident) {
    selected.clearLayers();
    if (!incident || typeof incident.latitude !== "number" || typeof incident.longitude !== "number") return;
    const at = [incident.latitude, incident.longitude];
    L.circleMarker(at, { radius: radius(incident) + 6, color: "#e36209", weight: 3, fill: false, interactive: false, className: "selected-ring" }).addTo(selected);
    map.panTo(at);
  }

  return { map, loadBoundaries, setIncidents, highlight, invalidate: () => map.invalidateSize() };
}

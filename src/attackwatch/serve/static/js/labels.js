// Place names on the offline map: countries, governorates, towns and every base or site of the
// pack's gazetteer (/api/map/places), shown by zoom level. Labels that would overlap are left out,
// the better-known name first (sites before towns), and redrawn as the map moves, so the map stays
// readable at every zoom without a tile server.
/* global L */
import { getJSON } from "./api.js";
import { el } from "./dom.js";

// [kind, first zoom, last zoom]; towns also have a cap per zoom (below) so the theatre view
// shows the capitals and big cities, not a carpet of villages
const ZOOMS = { country: [0, 7.75], admin1: [6, 10], site: [7, 99], town: [5, 99] };
const TOWN_CAP = [[5.75, 14], [6.75, 45], [7.75, 140]];
const CHAR_W = { country: 10, admin1: 6.2, site: 6.6, town: 6.2 };
const PAD = 3;

function townCap(zoom) {
  for (const [upTo, cap] of TOWN_CAP) if (zoom <= upTo) return cap;
  return Infinity;
}

// Where a point label may sit around its dot, tried in this order (area names are centred)
const SPOTS = ["r", "l", "t", "b"];

/** The box a label takes on screen at a spot around its anchor point. */
function box(place, point, spot) {
  const w = place.name.length * CHAR_W[place.kind] + 8;
  const h = place.kind === "country" ? 16 : 14;
  let x = point.x + 4;
  let y = point.y - h / 2;
  if (spot === "c") x = point.x - w / 2;
  else if (spot === "l") x = point.x - 4 - w;
  else if (spot === "t" || spot === "b") {
    x = point.x - w / 2;
    y = spot === "t" ? point.y - 4 - h : point.y + 4;
  }
  return { x1: x - PAD, y1: y - PAD, x2: x + w + PAD, y2: y + h + PAD };
}

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

export function createPlaceLabels(map) {
  map.createPane("labels");
  const pane = map.getPane("labels");
  pane.style.zIndex = 450; // above the boundaries and incident circles, below cluster icons
  pane.style.pointerEvents = "none";
  const layer = L.layerGroup().addTo(map);
  let places = [];

  function order(zoom) {
    // sites first (every base should get its name), then governorates before towns while zoomed
    // out (where they orient) and after them zoomed in (where the towns matter)
    const rank = { country: 0, site: 1, admin1: zoom < 8 ? 2 : 4, town: 3 };
    return [...places].sort((a, b) => rank[a.kind] - rank[b.kind] || b.rank - a.rank);
  }

  function redraw() {
    layer.clearLayers();
    if (!places.length) return;
    const zoom = map.getZoom();
    const size = map.getSize();
    const taken = [];
    let towns = 0;
    const cap = townCap(zoom);
    for (const place of order(zoom)) {
      const [lo, hi] = ZOOMS[place.kind];
      if (zoom < lo || zoom > hi) continue;
      if (place.kind === "town" && towns >= cap) continue;
      const point = map.latLngToContainerPoint([place.lat, place.lon]);
      if (point.x < -50 || point.y < -20 || point.x > size.x + 50 || point.y > size.y + 20) continue;
      const spots = place.kind === "country" || place.kind === "admin1" ? ["c"] : SPOTS;
      const spot = spots.find((p) => !taken.some((t) => overlaps(t, box(place, point, p))));
      if (!spot) continue;
      taken.push(box(place, point, spot));
      if (place.kind === "town") towns += 1;
      const label = el("span", { text: place.name });
      L.marker([place.lat, place.lon], {
        pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: `place-label kind-${place.kind} at-${spot}`, html: label, iconSize: [0, 0] }),
      }).addTo(layer);
    }
  }

  async function load(url) {
    places = (await getJSON(url)).places || [];
    redraw();
    return places.length;
  }

  map.on("zoomend moveend resize", redraw);
  return { load, redraw };
}

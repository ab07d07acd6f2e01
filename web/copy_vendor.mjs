// Copy the browser files the dashboard loads from node_modules into serve/static/vendor/, plus the
// boundaries GeoJSON from the default pack (served as a static file, so the map needs no API call).
// Run by scripts/build_web.sh after `npm ci`; the page then loads nothing from outside the server.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const web = dirname(fileURLToPath(import.meta.url));
const root = join(web, "..");
const vendor = join(root, "src", "attackwatch", "serve", "static", "vendor");
const modules = join(web, "node_modules");

// [source relative to the repo, destination relative to vendor/]
const files = [
  ["web/node_modules/leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["web/node_modules/leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  ["web/node_modules/leaflet/LICENSE", "leaflet/LICENSE"],
  ["web/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"],
  ["web/node_modules/leaflet.markercluster/dist/MarkerCluster.css", "markercluster/MarkerCluster.css"],
  ["web/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"],
  ["web/node_modules/leaflet.markercluster/MIT-LICENCE.txt", "markercluster/MIT-LICENCE.txt"],
  ["src/attackwatch/packs/default/boundaries.geojson", "data/boundaries.geojson"],
];

rmSync(vendor, { recursive: true, force: true });
for (const [from, to] of files) {
  const target = join(vendor, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(root, from), target);
}
// leaflet.css refers to images/ next to it (layer control, marker icons).
const images = join(modules, "leaflet", "dist", "images");
mkdirSync(join(vendor, "leaflet", "images"), { recursive: true });
for (const name of readdirSync(images)) {
  copyFileSync(join(images, name), join(vendor, "leaflet", "images", name));
}
console.log(`vendor files copied into ${vendor}`);

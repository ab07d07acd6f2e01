// One colour per weapon / actor, shared by map markers, legend and timeline.
// Okabe-Ito derived palette: distinguishable with the common colour-vision deficiencies.
const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#7F3C8D", "#3B3B98", "#B8860B"];
const UNKNOWN = "#6b6b6b";
const WEAPONS = ["rocket", "drone", "missile", "ied", "mortar", "small_arms", "airstrike", "grenade"];

const assigned = new Map();

export function colorFor(key) {
  if (!key || key === "unknown") return UNKNOWN;
  const weapon = WEAPONS.indexOf(key);
  if (weapon >= 0) return PALETTE[weapon];
  if (!assigned.has(key)) assigned.set(key, PALETTE[(assigned.size + 2) % PALETTE.length]);
  return assigned.get(key);
}

/** The key an incident is coloured by: its weapon, or its actor rolled up to the umbrella group
 * (as /api/stats split=actor does), so the map and the timeline agree. */
export function keyOf(incident, mode) {
  if (mode === "actor") return incident.actor_parent || incident.actor || "unknown";
  return incident.weapon || "unknown";
}

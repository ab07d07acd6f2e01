// Incidents per day/week/month, stacked by actor or weapon, drawn as SVG. Dragging across the
// chart selects a date range (the same since/until filters the date inputs set); lulls reported by
// /api/lulls are shaded, so pauses and surges stand out.
import { colorFor } from "./colors.js";
import { el, label } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 134;
const PAD = { left: 34, right: 8, top: 20, bottom: 20 };

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Last day of the period starting at iso. */
function periodEnd(iso, by) {
  if (by === "day") return iso;
  if (by === "week") return addDays(iso, 6);
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

/** Round tick values from 0 to max (1, 2 or 5 times a power of ten apart), as many as fit. */
export function countTicks(max, height) {
  const fit = Math.max(1, Math.floor(height / 22));
  let step = 1;
  for (let p = 1; ; p *= 10) {
    const s = [1, 2, 5].map((m) => m * p).find((v) => max / v <= fit);
    if (s) { step = s; break; }
  }
  const ticks = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  if (ticks[ticks.length - 1] !== max && max - ticks[ticks.length - 1] > step / 2) ticks.push(max);
  return ticks;
}

export function createTimeline(container, legendBox, { onRange }) {
  let stats = null;
  let lulls = [];
  let range = { since: "", until: "" };

  function draw() {
    container.replaceChildren();
    if (!stats || stats.periods.length === 0) {
      container.append(el("p", { class: "empty", text: "No dated incidents match these filters." }));
      legendBox.replaceChildren();
      return;
    }
    const width = Math.max(300, container.clientWidth);
    const n = stats.periods.length;
    const plotW = width - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const band = plotW / n;
    const totals = stats.periods.map((_, i) => stats.series.reduce((sum, s) => sum + s.counts[i], 0));
    const max = Math.max(1, ...totals);
    const y = (v) => PAD.top + plotH - (v / max) * plotH;
    const x = (i) => PAD.left + i * band;
    const indexOf = (iso) => stats.periods.findIndex((p, i) => iso >= p && iso <= periodEnd(p, stats.by));

    const busiest = totals.indexOf(Math.max(...totals));
    const chart = svg("svg", {
      width, height: HEIGHT, role: "img", class: "timeline-svg",
      "aria-label": `${stats.total} incidents per ${stats.by} from ${stats.periods[0]} to ${stats.periods[n - 1]}; ` +
        `busiest ${stats.by} starting ${stats.periods[busiest]} with ${totals[busiest]}. Drag to select a date range.`,
    });
    // count axis: round steps from 0 to the top, with light grid lines
    for (const tick of countTicks(max, plotH)) {
      chart.append(svg("line", { x1: PAD.left, x2: width - PAD.right, y1: y(tick), y2: y(tick), class: "grid" }));
      chart.append(svg("text", { x: PAD.left - 4, y: y(tick) + 4, class: "axis", "text-anchor": "end" }, String(tick)));
    }
    chart.append(svg("text", { x: 2, y: 11, class: "axis" }, "count"));
    chart.append(svg("line", { x1: PAD.left, x2: width - PAD.right, y1: y(0), y2: y(0), class: "baseline" }));
    // lulls under the bars; hovering one names it above the band (its title says it in full)
    const lullLabels = [];
    for (const lull of lulls) {
      const a = indexOf(lull.start);
      const b = lull.end ? indexOf(lull.end) : n - 1;
      if (a < 0 || b < 0) continue;
      const text = lull.text || `${lull.days}-day lull from ${lull.start} to ${lull.end || "now"}`;
      const bandX = x(a) + band;
      const bandW = Math.max(0, (b - a - 1) * band);
      const rect = svg("rect", { x: bandX, y: PAD.top, width: bandW, height: plotH, class: "lull" });
      rect.append(svg("title", {}, text));
      const short = `${lull.days}-day lull${lull.end ? "" : " (ongoing)"}`;
      const tag = svg("text", { x: Math.min(Math.max(bandX + bandW / 2, PAD.left + 50), width - PAD.right - 50), y: PAD.top + 12,
        class: "lull-label", "text-anchor": "middle", visibility: "hidden" }, short);
      rect.addEventListener("pointerenter", () => tag.setAttribute("visibility", "visible"));
      rect.addEventListener("pointerleave", () => tag.setAttribute("visibility", "hidden"));
      chart.append(rect);
      lullLabels.push(tag);
    }
    // stacked bars
    stats.periods.forEach((period, i) => {
      let base = 0;
      const parts = [];
      for (const series of stats.series) {
        const count = series.counts[i];
        if (!count) continue;
        chart.append(svg("rect", {
          x: x(i) + band * 0.08, width: Math.max(1, band * 0.84), y: y(base + count), height: y(base) - y(base + count),
          fill: colorFor(series.key), class: "bar",
        }));
        parts.push(`${label(series.key)}: ${count}`);
        base += count;
      }
      if (base) {
        const hit = svg("rect", { x: x(i), width: band, y: PAD.top, height: plotH, class: "bar-hit" });
        hit.append(svg("title", {}, `${period} (${stats.by}): ${base} incident(s)\n${parts.join("\n")}`));
        chart.append(hit);
      }
    });
    for (const tag of lullLabels) chart.append(tag); // above the bars
    // x axis labels: first period of each year (or of each month when the span is short)
    let lastLabel = -Infinity;
    stats.periods.forEach((period, i) => {
      const yearStart = i === 0 || period.slice(0, 4) !== stats.periods[i - 1].slice(0, 4);
      const monthStart = i === 0 || period.slice(0, 7) !== stats.periods[i - 1].slice(0, 7);
      const wanted = n > 80 ? yearStart : monthStart;
      if (!wanted || x(i) - lastLabel < 46 || x(i) > width - PAD.right - 30) return;
      lastLabel = x(i);
      chart.append(svg("text", { x: x(i), y: HEIGHT - 5, class: "axis" }, n > 80 ? period.slice(0, 4) : period.slice(0, 7)));
    });
    // the current date range, and the brush
    const selection = svg("rect", { y: PAD.top, height: plotH, class: "selection", visibility: "hidden" });
    chart.append(selection);
    const showRange = (a, b) => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      selection.setAttribute("x", x(lo));
      selection.setAttribute("width", (hi - lo + 1) * band);
      selection.setAttribute("visibility", "visible");
    };
    if (range.since || range.until) {
      const a = range.since ? indexOf(range.since) : 0;
      const b = range.until ? indexOf(range.until) : n - 1;
      showRange(a < 0 ? (range.since < stats.periods[0] ? 0 : n - 1) : a, b < 0 ? (range.until > stats.periods[n - 1] ? n - 1 : 0) : b);
    }
    const indexAt = (event) => {
      const box = chart.getBoundingClientRect();
      return Math.max(0, Math.min(n - 1, Math.floor((event.clientX - box.left - PAD.left) / band)));
    };
    let start = null;
    chart.addEventListener("pointerdown", (event) => {
      start = indexAt(event);
      chart.setPointerCapture(event.pointerId);
      showRange(start, start);
    });
    chart.addEventListener("pointermove", (event) => {
      if (start !== null) showRange(start, indexAt(event));
    });
    chart.addEventListener("pointerup", (event) => {
      if (start === null) return;
      const end = indexAt(event);
      const lo = Math.min(start, end);
      const hi = Math.max(start, end);
      start = null;
      onRange(stats.periods[lo], periodEnd(stats.periods[hi], stats.by));
    });
    container.append(chart);
    if (stats.undated_or_coarse) {
      container.append(el("p", { class: "note", text: `${stats.undated_or_coarse} incident(s) dated more coarsely than a ${stats.by} are not shown here.` }));
    }
    legendBox.replaceChildren(...stats.series.map((s) =>
      el("span", { class: "key" }, el("span", { class: "swatch", style: `background:${colorFor(s.key)}` }), label(s.key))));
  }

  return {
    setStats(next) { stats = next; draw(); },
    setLulls(next) { lulls = next; draw(); },
    setRange(next) { range = next; draw(); },
    redraw: draw,
  };
}

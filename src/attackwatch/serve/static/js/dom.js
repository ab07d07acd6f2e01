// DOM building without HTML parsing: every piece of data goes in as a text node or an attribute
// value, never through innerHTML, so article text and query strings cannot inject markup.

/** el("a", {href, class, text, onclick}, child, ...) -> element. Children: nodes or strings. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Append nodes or strings (strings become text nodes); null/false/undefined are skipped. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Only http(s) links from data are made clickable: no javascript:, data: or relative tricks. */
export function safeUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The article text as text nodes with each [start, end) span wrapped in <mark>. Spans may arrive
 * unsorted or overlapping (several evidence sentences); they are merged and clamped to the text.
 */
export function highlighted(text, spans) {
  const fragment = document.createDocumentFragment();
  const clean = spans
    .map((s) => [Math.max(0, Number(s.start)), Math.min(text.length, Number(s.end))])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const span of clean) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) fragment.append(document.createTextNode(text.slice(cursor, start)));
    fragment.append(el("mark", { class: "evidence" }, text.slice(start, end)));
    cursor = end;
  }
  if (cursor < text.length) fragment.append(document.createTextNode(text.slice(cursor)));
  return fragment;
}

/** Human label for an enum value like "small_arms" or "military_base". */
export function label(value) {
  if (value === null || value === undefined || value === "") return "—";
  return String(value).replace(/_/g, " ");
}

/** Announce a message in the status line (aria-live) and optionally mark it as an error. */
export function announce(message, isError = false) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

// Thin fetch wrappers for the AttackWatch API. The bearer token lives in sessionStorage (cleared
// when the tab closes) and is sent with every request, so a --private server works too.
const TOKEN_KEY = "attackwatch.token";

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

/** Store the token for this tab; every token field (Ingest page, corrections) hears of it. */
export function setToken(token) {
  if (token === getToken()) return;
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  window.dispatchEvent(new CustomEvent("attackwatch:token"));
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(`${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

function headers(extra = {}) {
  const token = getToken();
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function parse(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
    throw new ApiError(response.status, detail || "request failed");
  }
  return body;
}

/** GET path?params (URLSearchParams or object; empty values dropped) -> parsed JSON. */
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [key, value] of entries) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const qs = query.toString();
  return parse(await fetch(qs ? `${path}?${qs}` : path, { headers: headers() }));
}

export async function postJSON(path, body) {
  return parse(await fetch(path, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  }));
}

export async function postForm(path, form) {
  return parse(await fetch(path, { method: "POST", headers: headers(), body: form }));
}

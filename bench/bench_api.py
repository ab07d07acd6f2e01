#!/usr/bin/env python3
"""Latency of the REST API on a large database: p50/p99 of the queries the dashboard makes.

Builds (once, cached under /tmp) a SQLite database of N synthetic incidents written directly
through the store (`SqliteStore.put_incident`, the path the Dataset uses): 3 countries, the
pack's sites and towns in them (~40 admin1/sites), 3 years of days, 10 actors (fronts with
their umbrella), every weapon, evidence sentences with a vocabulary of place and weapon words.
Then starts the real server (`attackwatch serve`, uvicorn, its own process) and times, over
HTTP from one client, sequentially (after a warm-up):

  a. a filtered list: country + weapon + since, limit 100 (with the total count)
  b. a text query (q= two evidence words), limit 100
  c. /api/stats by week split by actor, filtered by country
  d. a deep cursor page: the page after the 50,000th incident in date order
  e. /api/facets (every filter's values with counts, loaded once by the dashboard)

    .venv/bin/python bench/bench_api.py              # 100,000 incidents, 200 requests per query
    .venv/bin/python bench/bench_api.py --n 20000 --requests 50 --no-write
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
WEAPONS = {"ied": "Remote explosive/landmine/IED", "rocket": "Shelling/artillery/missile attack",
           "missile": "Shelling/artillery/missile attack", "drone": "Air/drone strike",
           "mortar": "Shelling/artillery/missile attack", "small_arms": "Armed clash", "airstrike": "Air/drone strike",
           "grenade": "Grenade", "unknown": "Other"}
ACTORS = [("Kata'ib Hezbollah", "Islamic Resistance in Iraq"), ("Harakat al-Nujaba", "Islamic Resistance in Iraq"),
          ("Kata'ib Sayyid al-Shuhada", "Islamic Resistance in Iraq"), ("Ashab al-Kahf", "Islamic Resistance in Iraq"),
          ("Saraya Awliya al-Dam", "Islamic Resistance in Iraq"), ("Islamic Resistance in Iraq", None),
          ("Asa'ib Ahl al-Haq", "Popular Mobilization Forces"), ("Badr Organization", "Popular Mobilization Forces"),
          ("Liwa Fatemiyoun", "Islamic Revolutionary Guard Corps"), (None, None)]
TARGETS = ["convoy", "military_base", "diplomatic", "airport", "personnel", "other"]
OUTLETS = ["Reuters", "AP", "AFP", "Al-Monitor", "The National", "Rudaw", "Long War Journal", "CENTCOM"]


def sites() -> list[Any]:
    from attackwatch.packs import get_pack

    pack = get_pack()
    out = []
    for country, n in (("IQ", 22), ("SY", 12), ("JO", 6)):
        places = sorted((p for p in pack.places.values() if p.country_code == country and p.kind in ("site", "town")
                         and p.lat is not None), key=lambda p: p.id)
        out += places[:n]
    return out


def record(i: int, rng: random.Random, places: list[Any], start: date) -> tuple[dict[str, Any], int]:
    place = rng.choice(places)
    weapon = rng.choice(list(WEAPONS))
    actor, parent = rng.choice(ACTORS)
    day = start + timedelta(days=rng.randrange(3 * 365))
    precision = rng.choices(["day", "week", "month"], [90, 5, 5])[0]
    value = day.isoformat() if precision != "month" else day.isoformat()[:7]
    killed = rng.choices([None, 0, 1, 2, 5], [60, 25, 8, 5, 2])[0]
    injured = rng.choices([None, 0, 1, 3, 10], [55, 20, 12, 9, 4])[0]
    n_sources = rng.choices([1, 2, 3, 5], [60, 25, 10, 5])[0]
    admin1 = next(iter(place.admin1_codes), None) if place.admin1_codes else place.admin1_code
    sentence = (f"A {weapon.replace('_', ' ')} attack hit {place.name} on {day:%d %B %Y}, "
                f"{'claimed by ' + actor if actor else 'no group claimed it'}, officials said.")
    reports = [{"article_id": f"bench{i}-{k}", "outlet": rng.choice(OUTLETS), "url": f"https://example.test/{i}/{k}",
                "published": (day + timedelta(days=1)).isoformat(),
                "evidence": [{"text": sentence, "start": 0, "end": len(sentence)}]} for k in range(n_sources)]
    rec = {"id": f"inc_{i:012x}", "date": value, "date_precision": precision, "event_type": WEAPONS[weapon],
           "weapon": weapon, "actor": actor, "actor_parent": parent, "claimed": bool(actor) and rng.random() < 0.6,
           "claimed_by": [], "target_type": rng.choice(TARGETS), "target_actor": "United States",
           "place": place.name, "place_id": place.id, "admin1": None, "admin1_code": admin1,
           "country": {"IQ": "Iraq", "SY": "Syria", "JO": "Jordan"}[place.country_code],
           "country_code": place.country_code, "latitude": place.lat, "longitude": place.lon,
           "geo_precision": place.kind, "killed": killed, "injured": injured, "intercepted": None,
           "confirmation": rng.choice(["confirmed", "unconfirmed", "not_mentioned", "not_mentioned"]),
           "confirmed_by": [], "background": rng.random() < 0.05, "reports": reports, "n_sources": n_sources,
           "conflicts": {}, "edits": []}
    from attackwatch.resolve.keys import date_interval

    return rec, date_interval(value, precision)[0]


def build(path: Path, n: int) -> float:
    from attackwatch.store import open_store

    t0 = time.perf_counter()
    rng = random.Random(20240128)
    places = sites()
    store = open_store(str(path))
    try:
        for lo in range(0, n, 5000):
            with store.write():
                for i in range(lo, min(n, lo + 5000)):
                    store.put_incident(*record(i, rng, places, date(2022, 1, 1)))
        store.conn.execute("ANALYZE")
        assert store.count_incidents() == n
    finally:
        store.close()
    return time.perf_counter() - t0


VARY_SINCE = object()  # marks a query whose `since` changes on every request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", type=Path, help="database file (default: /tmp/attackwatch-bench-api-N.db, reused)")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/RESULTS-api.md")
    args = ap.parse_args()
    import httpx

    db = args.db or Path(f"/tmp/attackwatch-bench-api-{args.n}.db")
    build_s = None
    if not db.exists():
        print(f"building {db} with {args.n:,} incidents ...", file=sys.stderr)
        partial = db.with_suffix(".building")
        for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            stale.unlink(missing_ok=True)
        build_s = build(partial, args.n)
        partial.rename(db)  # a build cut short never passes for the cached database
        print(f"built in {build_s:.1f} s", file=sys.stderr)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "attackwatch.cli", "serve", "--db", str(db), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        client = httpx.Client(base_url=base, timeout=60)
        for _ in range(300):
            try:
                client.get("/api/facets")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        # the deep cursor: walk 50 pages of 1000 once, then time the page after them
        cursor = None
        for _ in range(min(50, args.n // 2000)):
            cursor = client.get("/api/incidents", params={"limit": 1000, **({"cursor": cursor} if cursor else {})}).json()["next_cursor"]
        queries = {
            "a. list country=IQ weapon=rocket since=2023-06-01 limit=100":
                ("/api/incidents", {"country": "IQ", "weapon": "rocket", "since": "2023-06-01", "limit": 100}),
            "b. text q='rocket attack' limit=100": ("/api/incidents", {"q": "rocket attack", "limit": 100}),
            # every request a new `since`, so each one misses the result cache and runs the SQL
            "c. stats by=week split=actor country=IQ since=(new each request: uncached)":
                ("/api/stats", {"by": "week", "split": "actor", "country": "IQ", "since": VARY_SINCE}),
            "c2. the same stats repeated (served from the result cache)":
                ("/api/stats", {"by": "week", "split": "actor", "country": "IQ"}),
            "d. deep cursor page (after 50,000) limit=100": ("/api/incidents", {"limit": 100, "cursor": cursor}),
            "e. /api/facets repeated (result cache; the first request after a change: see below)": ("/api/facets", {}),
        }
        rows = []
        since0 = date(2021, 1, 1)
        for name, (path, params) in queries.items():
            vary = params.get("since") is VARY_SINCE

            def with_since(i: int, params: dict[str, Any] = params, vary: bool = vary) -> dict[str, Any]:
                return {**params, "since": (since0 + timedelta(days=i)).isoformat()} if vary else params

            first = client.get(path, params=with_since(-1))
            assert first.status_code == 200, first.text
            body = first.json()
            size = body.get("total")
            for i in range(10):
                client.get(path, params=with_since(-2 - i))
            times = []
            for i in range(args.requests):
                t = time.perf_counter()
                r = client.get(path, params=with_since(i))
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200
            rows.append((name, size, statistics.median(times), percentile(times, 99), max(times), len(r.content)))
            print(f"{name}: total={size} p50={rows[-1][2]:.1f} ms p99={rows[-1][3]:.1f} ms", file=sys.stderr)
    finally:
        proc.terminate()
        proc.wait(10)
    table = ["| query | matches | p50 ms | p99 ms | max ms | response bytes |", "|---|---:|---:|---:|---:|---:|"]
    table += [f"| {n} | {s if s is not None else '-'} | {p50:.1f} | {p99:.1f} | {mx:.1f} | {b:,} |"
              for n, s, p50, p99, mx, b in rows]
    print("\n".join(table))
    missed = [n for n, _, _, p99, _, _ in rows if p99 > (50 if n.startswith("c.") else 100) and not n.startswith(("e.", "c2."))]
    if not args.no_write:
        write_results(args, table, build_s, db, missed)
    return 0


def write_results(args: argparse.Namespace, table: list[str], build_s: float | None, db: Path, missed: list[str]) -> None:
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    verdict = ("every query meets it on this run." if not missed else
               f"missed on this run by: {'; '.join(missed)} (the 1-minute load average is in the header: on this "
               "shared 2-vCPU machine a load above ~2 stretches every figure).")
    import sqlite3

    text = f"""# API latency (bench/bench_api.py)

Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {machine}: a shared 2-core EPYC VM
(other helpers' jobs were running at the same time: load average {load} after the run),
SQLite {sqlite3.sqlite_version}. Expect lower, steadier figures on an idle machine.

Database: {args.n:,} synthetic incidents written through the store (3 countries, 40 pack
sites/towns, 3 years, 10 actors, all 9 weapons, 1-5 reports with an evidence sentence each),
{db.stat().st_size / 1048576:.0f} MB{f', built in {build_s:.0f} s' if build_s else ''}. Server: `attackwatch serve` (uvicorn,
one process), client: httpx on the same machine, {args.requests} sequential requests per query
after 10 warm-up requests; times are the full HTTP round trip including JSON of 100 records.

{chr(10).join(table)}

Target: p99 <= 100 ms for a-d, and p99 <= 50 ms for row c (issue 14); row c is the honest stats
figure: each request has a filter never seen before, so it misses the result cache and is computed
(c2 and e are what a dashboard reload costs); {verdict}

Stats and facets are kept in a result cache (src/attackwatch/serve/result_cache.py) until the
database changes (SQLite's data_version and the connection's own change count; any write by
the API or another process empties it). The first /api/facets request after a change still
costs seven GROUP BYs over 100,000 entries of the covering index incidents_facets (the first
request of row e, ~0.4-0.6 s on this machine); the dashboard loads it once per visit.

What makes it fast: schema migration 3 keeps the filtered/sorted fields as
real columns (no json_extract per row), indexes (country_code, weapon, day_lo, id), (day_lo, id),
(n_sources, id), (casualties, id) for keyset pages (a deep page costs what the first does),
an FTS5 index of each incident's evidence for `q`, pages read in two steps (row ids through the
indexes, then only the page's records), /api/stats filtered and grouped with NumPy over an
in-memory copy of the incidents' statistics columns (src/attackwatch/serve/stats_columns.py; read
once per database version, ~0.7-1.7 s for 100,000 incidents, kept in the result cache; filters it
does not hold, such as `q`, run the SQL over the covering indexes incidents_stats_*), per-thread
connections with mmap, in-memory sorters and a 16 MB cache, and list responses serialised
once (no FastAPI jsonable_encoder pass over 100 nested records: it cost ~45 ms).

Reproduce: `.venv/bin/python bench/bench_api.py` (the database is cached in /tmp).
"""
    (REPO / "bench" / "RESULTS-api.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

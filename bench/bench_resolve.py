#!/usr/bin/env python3
"""Scaling benchmark for `attackwatch.resolve.cluster.Resolver.add_all`.

Generates synthetic report keys (ReportKey, what resolution sees of a report) for N reports
over ~5 years, 3 countries and ~40 places, with realistic duplication: each incident is told
by 1-4 outlets, with the day off by one in some tellings, the weapon unknown or named as a
neighbouring family (rocket/missile) in some, the perpetrator missing in many, the place given
only as the province in some, some coarse tellings (month precision or country level), and
some articles that tell two incidents. Then it runs Resolver.add_all and reports wall time,
reports/s, peak RSS, and the pairwise precision/recall of the grouping against the generated
truth (a sanity check that the resolver is doing real work, not a quality figure).

Each size runs in its own subprocess (so each has its own peak RSS), one core, one thread.

    .venv/bin/python bench/bench_resolve.py                       # 100k and 1M reports over 5 years
    .venv/bin/python bench/bench_resolve.py --sizes 20000 --no-write   # quick look
    .venv/bin/python bench/bench_resolve.py --years-per-100k 5    # hold the daily density fixed instead
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from results_log import append_section, commit  # noqa: E402

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "src"))

START = date(2019, 10, 1).toordinal()

# (place_id, name variants, country, admin1, rank: 4 site / 3 town)
PLACES = [
    ("ain_al_asad", ["Ain al-Asad air base", "al-Asad airbase", "Ain al-Assad base"], "IQ", "IQ-AN", 4),
    ("harir", ["Harir air base", "the Harir base"], "IQ", "IQ-AR", 4),
    ("erbil_airport", ["Erbil International Airport", "Erbil airport", "the coalition base at Erbil airport"], "IQ", "IQ-AR", 4),
    ("baghdad_airport", ["Baghdad International Airport", "Baghdad airport"], "IQ", "IQ-BG", 4),
    ("victory_base", ["Victory Base", "Camp Victory"], "IQ", "IQ-BG", 4),
    ("us_embassy", ["the US embassy in Baghdad", "the American embassy"], "IQ", "IQ-BG", 4),
    ("green_zone", ["the Green Zone", "Baghdad's Green Zone"], "IQ", "IQ-BG", 3),
    ("camp_taji", ["Camp Taji", "the Taji base"], "IQ", "IQ-BG", 4),
    ("balad", ["Balad air base", "Balad airbase"], "IQ", "IQ-SD", 4),
    ("k1", ["K-1 air base", "the K1 base"], "IQ", "IQ-KI", 4),
    ("qayyarah", ["Qayyarah airfield", "Q-West"], "IQ", "IQ-NI", 4),
    ("union_iii", ["Union III", "the Union 3 base"], "IQ", "IQ-BG", 4),
    ("bashur", ["Bashur airfield"], "IQ", "IQ-AR", 4),
    ("al_qaim", ["al-Qaim", "Qaim"], "IQ", "IQ-AN", 3),
    ("ramadi", ["Ramadi"], "IQ", "IQ-AN", 3),
    ("fallujah", ["Fallujah", "Falluja"], "IQ", "IQ-AN", 3),
    ("haditha", ["Haditha"], "IQ", "IQ-AN", 3),
    ("diwaniyah", ["Diwaniyah", "Diwaniya"], "IQ", "IQ-QA", 3),
    ("nasiriyah", ["Nasiriyah", "Nassiriya"], "IQ", "IQ-DQ", 3),
    ("samawah", ["Samawah", "Samawa"], "IQ", "IQ-MU", 3),
    ("basra", ["Basra", "Basrah"], "IQ", "IQ-BA", 3),
    ("umm_qasr", ["Umm Qasr"], "IQ", "IQ-BA", 3),
    ("hillah", ["Hillah", "Hilla"], "IQ", "IQ-BB", 3),
    ("baiji", ["Baiji", "Beiji"], "IQ", "IQ-SD", 3),
    ("kirkuk", ["Kirkuk"], "IQ", "IQ-KI", 3),
    ("tanf", ["al-Tanf garrison", "the Tanf base", "At Tanf"], "SY", "SY-HI", 4),
    ("conoco", ["the Conoco gas field base", "Conoco field"], "SY", "SY-DY", 4),
    ("green_village", ["Green Village", "the Green Village base"], "SY", "SY-DY", 4),
    ("omar_field", ["al-Omar oil field", "the Omar field base"], "SY", "SY-DY", 4),
    ("shaddadi", ["al-Shaddadi base", "Shadadi"], "SY", "SY-HA", 4),
    ("rumalan", ["Rumalan Landing Zone", "Rmeilan"], "SY", "SY-HA", 4),
    ("kharab_al_jir", ["Kharab al-Jir airfield"], "SY", "SY-HA", 4),
    ("tal_baydar", ["Tal Baydar"], "SY", "SY-HA", 4),
    ("mss_euphrates", ["Mission Support Site Euphrates"], "SY", "SY-DY", 4),
    ("albukamal", ["Albukamal", "Abu Kamal", "Boukamal"], "SY", "SY-DY", 3),
    ("mayadin", ["Mayadin", "al-Mayadeen"], "SY", "SY-DY", 3),
    ("deir_ez_zor", ["Deir ez-Zor city", "Deir al-Zor"], "SY", "SY-DY", 3),
    ("tower_22", ["Tower 22", "the Tower 22 outpost"], "JO", "JO-MA", 4),
    ("muwaffaq", ["Muwaffaq Salti air base"], "JO", "JO-AZ", 4),
    ("ruwayshid", ["Ruwayshid"], "JO", "JO-MA", 3),
]
PLACE_WEIGHTS = [12, 6, 8, 5, 4, 4, 5, 3, 3, 2, 2, 3, 1, 2, 1, 1, 1, 3, 3, 2, 2, 2, 2, 1, 1,
                 5, 5, 4, 3, 4, 4, 2, 1, 2, 2, 1, 1, 1, 1, 1]
WEAPONS = [("rocket", 30), ("drone", 35), ("ied", 15), ("mortar", 6), ("missile", 6), ("small_arms", 5), ("grenade", 3)]
ACTORS = [(None, None, 55), ("Islamic Resistance in Iraq", None, 15), ("Kata'ib Hezbollah", "Islamic Resistance in Iraq", 8),
          ("Harakat al-Nujaba", "Islamic Resistance in Iraq", 6), ("Kata'ib Sayyid al-Shuhada", "Islamic Resistance in Iraq", 4),
          ("Ashab al-Kahf", None, 4), ("Saraya Awliya al-Dam", None, 4), ("Qasim al-Jabbarin", None, 4)]
OUTLETS = [f"Outlet {i:02d}" for i in range(30)]
N_TELLERS = ([1, 2, 3, 4], [35, 30, 20, 15])  # mean 2.15 tellings per incident
VERBS = ["struck", "hit", "targeted", "landed near", "was fired at", "attacked", "exploded near"]
COUNTS = ["one", "two", "three", "four", "five", "several", "at least six", "a barrage of"]
SOURCES = ["a US official said", "the coalition said", "security sources said", "police said",
           "according to a statement", "the Pentagon confirmed", "local media reported"]
TARGETS = {"ied": "convoy", "small_arms": "personnel"}


def _pick(rng: random.Random, table: list[tuple]) -> tuple:
    return rng.choices(table, weights=[t[-1] for t in table])[0]


def generate(n_reports: int, years: float, seed: int):
    """Yield (ReportKey, true incident number) for about n_reports reports."""
    from attackwatch.resolve.keys import ReportKey

    rng = random.Random(seed)
    span = int(365.25 * years)
    keys, truth = [], []
    incident = 0
    pending_second: list[tuple[str, str]] = []  # (article id, outlet) of articles that will tell a second incident
    n_art = 0
    while len(keys) < n_reports:
        incident += 1
        day = START + rng.randrange(span)
        pid, names, country, admin1, rank = PLACES[rng.choices(range(len(PLACES)), weights=PLACE_WEIGHTS)[0]]
        weapon = rng.choices([w for w, _ in WEAPONS], weights=[w for _, w in WEAPONS])[0]
        actor, parent, _ = _pick(rng, ACTORS)
        target = TARGETS.get(weapon, "military_base")
        k = rng.choices(*N_TELLERS)[0]
        for outlet in rng.sample(OUTLETS, k):
            if pending_second and rng.random() < 0.5:
                art, outlet = pending_second.pop()
            else:
                n_art += 1
                art = f"a{n_art}"
                if rng.random() < 0.1:
                    pending_second.append((art, outlet))
            d = day + (rng.choice((-1, 1)) if rng.random() < 0.3 else 0)
            lo = hi = d
            precision = 3
            t_place, t_rank, t_admin1 = pid, rank, admin1
            r = rng.random()
            if r < 0.04:  # "earlier this month"
                first = date.fromordinal(d).replace(day=1)
                nxt = (first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1))
                lo, hi, precision = first.toordinal(), nxt.toordinal() - 1, 1
            elif r < 0.06:  # "last week"
                lo = d - date.fromordinal(d).weekday()
                hi, precision = lo + 6, 2
            elif r < 0.08:  # "in Syria" / "in Iraq": country level
                t_place, t_rank, t_admin1 = None, 0, None
            elif r < 0.16:  # only the province
                t_place, t_rank = None, 2
            w = weapon
            r = rng.random()
            if r < 0.15:
                w = "unknown"
            elif r < 0.22 and weapon in ("rocket", "missile"):
                w = "missile" if weapon == "rocket" else "rocket"
            a = actor if rng.random() < 0.6 else None
            text = (f"{rng.choice(COUNTS).capitalize()} {w if w != 'unknown' else 'projectiles'} "
                    f"{rng.choice(VERBS)} {rng.choice(names)} on day {d % 7}, {rng.choice(SOURCES)}."
                    + (f" {a} claimed the attack." if a and rng.random() < 0.5 else ""))
            keys.append(ReportKey(id=f"{art}#{len(keys)}", article_id=art, outlet=outlet, lo=lo, hi=hi,
                                  precision=precision, country=country, admin1=t_admin1, place_id=t_place,
                                  place_rank=t_rank, weapon=w, actor=a, actor_parent=parent if a else None,
                                  target_type=target if rng.random() < 0.8 else "other", text=text))
            truth.append(incident)
            if len(keys) >= n_reports:
                break
    return keys, truth


def pair_scores(groups: dict[str, list[str]], truth_of: dict[str, int]) -> dict[str, float]:
    """Pairwise precision and recall of the grouping against the generated incidents."""
    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    cells: Counter = Counter()
    pred_sizes = []
    for rids in groups.values():
        pred_sizes.append(len(rids))
        for rid in rids:
            cells[(id(rids), truth_of[rid])] += 1
    tp = sum(pairs(n) for n in cells.values())
    predicted = sum(pairs(n) for n in pred_sizes)
    actual = sum(pairs(n) for n in Counter(truth_of.values()).values())
    p = tp / predicted if predicted else 0.0
    r = tp / actual if actual else 0.0
    return {"pair_precision": round(p, 4), "pair_recall": round(r, 4),
            "pair_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _rss_mb(field: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(n: int, years: float, seed: int) -> dict:
    from attackwatch.resolve.cluster import Resolver

    t0 = time.perf_counter()
    keys, truth = generate(n, years, seed)
    gen_s = time.perf_counter() - t0
    rss_keys = _rss_mb("VmRSS")
    resolver = Resolver()
    t0 = time.perf_counter()
    resolver.add_all(keys)
    wall = time.perf_counter() - t0
    groups = resolver.groups()
    truth_of = {k.id: t for k, t in zip(keys, truth)}
    sizes = Counter(len(v) for v in groups.values())
    return {"n": len(keys), "years": years, "incidents_true": len(set(truth)), "incidents_found": len(groups),
            "generate_s": round(gen_s, 1), "resolve_s": round(wall, 1), "reports_per_s": round(len(keys) / wall),
            "rss_after_keys_mb": round(rss_keys), "peak_rss_mb": round(_rss_mb("VmHWM")),
            "coarse_share": round(sum(k.coarse for k in keys) / len(keys), 3),
            "largest_incident": max(sizes), **pair_scores(groups, truth_of)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--years", type=float, default=5.0, help="time span of every size (default 5)")
    ap.add_argument("--years-per-100k", type=float, help="scale the span with the size instead (fixed daily density)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cpu", default="0", help="core to pin the measuring subprocess to (taskset)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(a.child, a.years, a.seed)))
        return 0

    env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1", "PYTHONPATH": str(REPO / "src")}
    rows = []
    for n in [int(s) for s in a.sizes.split(",")]:
        years = a.years_per_100k * n / 100_000 if a.years_per_100k else a.years
        cmd = [sys.executable, __file__, "--child", str(n), "--years", str(years), "--seed", str(a.seed)]
        if sys.platform.startswith("linux"):
            cmd = ["taskset", "-c", a.cpu, *cmd]
        out = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return 1
        row = json.loads(out.stdout)
        rows.append(row)
        print(json.dumps(row), flush=True)

    base = rows[0]
    lines = ["| reports | years | true incidents | found | resolve s | reports/s | peak RSS MB | pair P | pair R | time x vs first |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['years']:g} | {r['incidents_true']:,} | {r['incidents_found']:,} | {r['resolve_s']} | "
                     f"{r['reports_per_s']:,} | {r['peak_rss_mb']:,} | {r['pair_precision']} | {r['pair_recall']} | "
                     f"{r['resolve_s'] / base['resolve_s']:.1f} (size x{r['n'] / base['n']:.0f}) |")
    table = "\n".join(lines)
    print(table)
    if not a.no_write:
        append_section("RESULTS.md", f"Resolver.add_all scaling ({datetime.now():%Y-%m-%d %H:%M}, commit {commit()}, "
                       f"{platform.python_version()}, one core)", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

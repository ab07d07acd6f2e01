#!/usr/bin/env python3
"""Throughput / memory / import-cost benchmark for `attackwatch.pipeline.extract_paths`.

Builds a corpus of varied articles from the five seed pages in ../shared/corpus/seeds
(dates, places and numbers substituted so the texts differ), once as plain text and once
as full HTML pages, then measures each format in its own subprocess, pinned to one core
with OMP/MKL/BLAS threads set to 1 and no multiprocessing:

* the one-time build (imports, pack, spaCy pipeline, date parser, first article) - reported
  separately and excluded from the rate;
* articles/second through `extract_paths` over the whole corpus;
* peak RSS of that subprocess (resource.getrusage ru_maxrss).

It also times `python -c "import attackwatch"` and checks that importing the package does not
import spaCy, dateparser or trafilatura, nor load the pack (gazetteer).

Results are appended to bench/RESULTS.md. When a target is missed, a cProfile (top 15 by
cumulative time) of the slow format is written there too.

    .venv/bin/python bench/bench_extract.py            # 2,000 articles per format
    .venv/bin/python bench/bench_extract.py --n 300 --no-write   # quick look, RESULTS.md untouched
"""
from __future__ import annotations

import argparse
import html as html_mod
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from results_log import commit as git_commit  # noqa: E402

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
RESULTS = BENCH / "RESULTS.md"

TARGET_TEXT = 100.0  # articles/s, plain text
TARGET_HTML = 30.0  # articles/s, HTML
TARGET_RSS_MB = 500.0  # peak RSS per process

SINGLE_THREAD_ENV = {
    "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1", "VECLIB_MAXIMUM_THREADS": "1", "BLIS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false", "PYTHONHASHSEED": "0",
}

# --------------------------------------------------------------------------- corpus

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# "May" is also a verb: only rewrite it when a day number follows.
_FULL_MONTH = re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|December"
                         r"|May(?= \d))\b")
_ABBR_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?=\.? \d)")
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS + MONTH_ABBR + ["Sept"]) + r")(\.?) (\d{1,2})(st|nd|rd|th)?\b(?!\d)")
_YEAR = re.compile(r"\b(20[12]\d)\b")
_NUMBER_WORDS = ["two", "three", "four", "five", "six"]
_NUMBER_WORD = re.compile(r"\b(two|three|four|five|six)\b(?= (?:rockets?|drones?|convoys?|roadside|supply|Americans|US|"
                          r"more|security))", re.I)
_SMALL_NUM = re.compile(r"\b(\d{1,2})\b(?= (?:rockets|drones|more|others|people))")

# Places named in the seeds, each with a pool of substitutes of the same kind.
TOWN_POOL = ["Fallujah", "Ramadi", "Basra", "Nasiriyah", "Samawah", "Hillah", "Kut", "Tikrit", "Samarra", "Balad",
             "Kirkuk", "Mosul", "Najaf", "Karbala", "Haditha", "Baiji", "Rutba", "Diwaniyah", "Zummar", "Rabia"]
PROVINCE_POOL = ["Anbar", "Muthanna", "Babil", "Diyala", "Wasit", "Maysan", "Nineveh", "Dhi Qar", "Salahuddin",
                 "Karbala", "Najaf", "Kirkuk"]
SEED_TOWNS = ["Fallujah", "Basra", "Nasiriyah", "Zummar"]
SEED_PROVINCES = ["Anbar", "Muthanna", "Babil", "al-Diwaniyah", "Babylon", "al-Muthanna"]
OUTLET_DOMAINS = {"SouthFront": "southfront.example", "ZeroHedge": "zerohedge.example",
                  "ZeroHedge (reprint)": "reprints.example", "The Libertarian Institute": "libertarian.example"}


def _load_seeds() -> list[dict]:
    if not SEEDS.is_dir():
        sys.exit(f"seed corpus not found at {SEEDS} (../shared must sit beside the checkout)")
    seeds = []
    for txt in sorted(SEEDS.glob("s*.txt")):
        meta_path = txt.with_name(txt.stem + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        seeds.append({"stem": txt.stem, "text": txt.read_text(encoding="utf-8"), "meta": meta})
    if not seeds:
        sys.exit(f"no seed pages in {SEEDS}")
    return seeds


def _rotate(pool: list[str], word: str, k: int) -> str:
    return pool[(pool.index(word) + k) % len(pool)] if word in pool else pool[k % len(pool)]


def vary(text: str, i: int) -> str:
    """Variant `i` of a page: months rotated, days and years shifted, places and numbers swapped."""
    mshift, dshift, yshift = i % 12, (i // 12) % 27, (i // 7) % 3
    pshift, nshift = i % len(TOWN_POOL), i % len(_NUMBER_WORDS)

    def month_day(m: re.Match) -> str:
        day = (int(m.group(3)) - 1 + dshift) % 28 + 1
        return f"{m.group(1)}{m.group(2)} {day}{m.group(4) or ''}"

    def full_month(m: re.Match) -> str:
        return MONTHS[(MONTHS.index(m.group(1)) + mshift) % 12]

    def abbr_month(m: re.Match) -> str:
        key = "Sep" if m.group(1).startswith("Sep") else m.group(1)
        return MONTH_ABBR[(MONTH_ABBR.index(key) + mshift) % 12]

    def number_word(m: re.Match) -> str:
        w = _rotate(_NUMBER_WORDS, m.group(1).lower(), nshift)
        return w.capitalize() if m.group(1)[0].isupper() else w

    text = _MONTH_DAY.sub(month_day, text)
    text = _FULL_MONTH.sub(full_month, text)
    text = _ABBR_MONTH.sub(abbr_month, text)
    text = _YEAR.sub(lambda m: str(min(int(m.group(1)) + yshift, 2025)), text)
    text = _NUMBER_WORD.sub(number_word, text)
    text = _SMALL_NUM.sub(lambda m: str(int(m.group(1)) + nshift), text)
    for j, town in enumerate(SEED_TOWNS):
        text = re.sub(rf"\b{town}\b", TOWN_POOL[(pshift + 5 * j) % len(TOWN_POOL)], text)
    for j, prov in enumerate(SEED_PROVINCES):
        text = re.sub(rf"\b{re.escape(prov)}\b", PROVINCE_POOL[(i + 3 * j) % len(PROVINCE_POOL)], text)
    return text


def _vary_published(value: str | None, i: int) -> str | None:
    if not value:
        return None
    d = date.fromisoformat(value[:10])
    mshift, dshift, yshift = i % 12, (i // 12) % 27, (i // 7) % 3
    month = (d.month - 1 + mshift) % 12 + 1
    return date(min(d.year + yshift, 2025), month, (d.day - 1 + dshift) % 28 + 1).isoformat()


_NAV = ["Home", "World", "Middle East", "Iraq", "Syria", "Politics", "Analysis", "Opinion", "Video", "Podcasts",
        "Subscribe", "Donate", "Contact"]


def to_html(text: str, meta: dict, i: int) -> str:
    """Wrap an article's text in a realistic news page: head, nav, header, article, aside, footer."""
    esc = html_mod.escape
    title = meta.get("title") or text.strip().splitlines()[0]
    outlet = meta.get("outlet") or "Example News"
    # one <p> per line of the saved text: a line break in these pages separates blocks (paragraphs,
    # captions, widget labels, comment headers), which a real page would mark up separately.
    paras = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    body = "\n".join(f"      <p>{esc(p)}</p>" for p in paras)
    nav = "\n".join(f'        <li><a href="/{n.lower().replace(" ", "-")}/">{esc(n)}</a></li>' for n in _NAV)
    related = "\n".join(f'        <li><a href="/news/{i}-{k}">Related story number {k}: analysts weigh regional '
                        f'tensions</a></li>' for k in range(1, 7))
    most_read = "\n".join(f'        <li><a href="/top/{k}">Most read item {k}</a></li>' for k in range(1, 6))
    pub = meta.get("published") or ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)} | {esc(outlet)}</title>
  <meta property="og:title" content="{esc(title)}">
  <meta property="og:site_name" content="{esc(outlet)}">
  <meta property="og:type" content="article">
  <link rel="stylesheet" href="/static/site.css">
  <style>body{{font-family:serif}} .ad{{min-height:250px}}</style>
  <script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>
</head>
<body class="single-post">
  <div class="topbar">Breaking news alerts - sign up for our newsletter</div>
  <nav class="main-nav" role="navigation">
    <ul>
{nav}
    </ul>
    <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
  </nav>
  <header class="site-header">
    <a class="logo" href="/">{esc(outlet)}</a>
    <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/middle-east/">Middle East</a></li></ol>
  </header>
  <main>
    <article class="post">
      <h1 class="entry-title">{esc(title)}</h1>
      <p class="byline">By Staff Reporter | <time datetime="{esc(pub)}">{esc(pub)}</time></p>
      <figure><img src="/img/{i}.jpg" alt="File image"><figcaption>File image.</figcaption></figure>
{body}
      <div class="share">Share this: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a></div>
    </article>
    <aside class="sidebar">
      <div class="ad">Advertisement</div>
      <h3>Related articles</h3>
      <ul>
{related}
      </ul>
      <h3>Most read</h3>
      <ul>
{most_read}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>&copy; 2024 {esc(outlet)}. All rights reserved.</p>
    <ul><li><a href="/about">About</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li></ul>
  </footer>
  <script src="/static/app.js" async></script>
</body>
</html>
"""


def build_corpus(root: Path, n: int) -> dict:
    """Write n text articles (root/text) and their n HTML variants (root/html), each with a sidecar."""
    seeds = _load_seeds()
    (root / "text").mkdir(parents=True)
    (root / "html").mkdir(parents=True)
    texts = set()
    for k in range(n):
        seed = seeds[k % len(seeds)]
        i = k // len(seeds)
        text = vary(seed["text"], i)
        texts.add(text)
        meta = dict(seed["meta"])
        stem = f"{seed['stem']}_v{i:04d}"
        domain = OUTLET_DOMAINS.get(meta.get("outlet"), "news.example")
        side = {"id": stem, "url": f"https://{domain}/{stem}", "outlet": meta.get("outlet"),
                "title": vary(meta["title"], i) if meta.get("title") else None,
                "published": _vary_published(meta.get("published"), i)}
        (root / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
        (root / "text" / f"{stem}.meta.json").write_text(json.dumps(side), encoding="utf-8")
        (root / "html" / f"{stem}.html").write_text(to_html(text, side, i), encoding="utf-8")
        (root / "html" / f"{stem}.meta.json").write_text(json.dumps(side), encoding="utf-8")
    # a warm-up page of each kind, outside the measured folders
    (root / "warm").mkdir()
    warm = seeds[0]
    (root / "warm" / "warm.txt").write_text(warm["text"], encoding="utf-8")
    (root / "warm" / "warm.html").write_text(to_html(warm["text"], warm["meta"], 99999), encoding="utf-8")
    return {"articles": n, "distinct_texts": len(texts), "seeds": len(seeds)}


# --------------------------------------------------------------------------- worker (subprocess)

def _pin_one_core() -> int | None:
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        return cpus[-1]
    except (AttributeError, OSError):
        return None


def worker(kind: str, root: Path, profile_n: int) -> None:
    """Measure one format; print one JSON object on stdout."""
    import resource

    cpu = _pin_one_core()
    t0 = time.perf_counter()
    from attackwatch.pipeline import extract_paths

    warm = root / "warm" / ("warm.txt" if kind == "text" else "warm.html")
    warm_results = list(extract_paths([str(warm)]))
    build_s = time.perf_counter() - t0
    if warm_results[0].error:
        raise SystemExit(f"warm-up failed: {warm_results[0].error}")
    folder = str(root / kind)
    code = _code_fingerprint()

    if profile_n:
        import cProfile
        import io
        import pstats
        from itertools import islice

        def consume() -> int:
            n = 0
            for _ in islice(extract_paths([folder]), profile_n):
                n += 1
            return n

        prof = cProfile.Profile()
        n = prof.runcall(consume)

        def top(order: str, k: int) -> str:
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats(order).print_stats(k)
            text = out.getvalue()
            return (text[text.index("ncalls"):] if "ncalls" in text else text).rstrip()

        # where the time goes, by pipeline stage (cumulative time of the stage's entry point)
        stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        total = sum(ct for (f, _, fn), (_, _, _, ct, _) in stats.items() if fn == "consume") or 1.0

        def cum(path_end: str, func: str) -> float:
            return sum(ct for (f, _, fn), (_, _, _, ct, _) in stats.items()
                       if fn == func and f.replace("\\", "/").endswith(path_end))

        stages = [("clean: load_article (read, decode, clean page)", cum("attackwatch/pipeline.py", "load_article")),
                  ("  of which trafilatura (extract_html)", cum("attackwatch/clean/html.py", "extract_html")),
                  ("  of which language check (language_problem)", cum("attackwatch/clean/language.py",
                                                                      "language_problem")),
                  ("  of which publication-date choice (metadata)", cum("attackwatch/clean/metadata.py",
                                                                       "choose_published")
                   + cum("attackwatch/clean/metadata.py", "byline_candidates")),
                  ("extract: extract_article", cum("attackwatch/extraction/__init__.py", "extract_article")),
                  ("  of which annotate (body + title)", cum("attackwatch/extraction/annotate.py", "annotate")),
                  ("    of which spaCy pipeline (Language.__call__)", cum("spacy/language.py", "__call__")),
                  ("  of which resolve (frames -> incidents)", cum("attackwatch/extraction/incidents.py", "resolve")),
                  ("  of which build_report", cum("attackwatch/extraction/assemble.py", "build_report")),
                  ("find_dates, all calls (annotate + metadata)", cum("attackwatch/text/dates.py", "find_dates"))]
        table = "\n".join(f"{name:<50} {t:7.2f} s  {100 * t / total:5.1f} %  {1000 * t / max(n, 1):6.1f} ms/article"
                          for name, t in stages)
        print(json.dumps({"kind": kind, "code": code, "profiled_articles": n, "profile": top("cumulative", 15),
                          "profile_tottime": top("tottime", 10), "stages": table}))
        return

    n = errors = reports = 0
    first_errors: list[str] = []
    load_before = os.getloadavg()[0]
    c1 = time.process_time()
    t1 = time.perf_counter()
    for res in extract_paths([folder]):
        n += 1
        if res.error:
            errors += 1
            if len(first_errors) < 5:
                first_errors.append(res.error)
        else:
            reports += len(res.reports)
    secs = time.perf_counter() - t1
    cpu_secs = time.process_time() - c1
    load_after = os.getloadavg()[0]
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"kind": kind, "code": code, "cpu": cpu, "articles": n, "errors": errors, "first_errors": first_errors,
                      "reports": reports, "seconds": secs, "rate": n / secs if secs else 0.0, "build_s": build_s,
                      "cpu_seconds": cpu_secs, "cpu_rate": n / cpu_secs if cpu_secs else 0.0,
                      "load": [load_before, load_after],
                      "peak_rss_mb": rss_kb / 1024.0}))


def _run_worker(kind: str, root: Path, profile_n: int = 0) -> dict:
    env = {**os.environ, **SINGLE_THREAD_ENV}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--root", str(root)]
    if profile_n:
        cmd += ["--profile-n", str(profile_n)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=str(REPO))
    if proc.returncode != 0:
        raise SystemExit(f"{kind} worker failed (exit {proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- import cost

_IMPORT_CHECK = r"""
import sys, time, json
t = time.perf_counter()
import attackwatch
dt = time.perf_counter() - t
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'dateparser', 'trafilatura', 'thinc'))
pack = sys.modules.get('attackwatch.packs')
nlp = sys.modules.get('attackwatch.extraction.nlp')
gazetteer = bool(pack and pack.get_pack.cache_info().currsize) or bool(nlp and nlp.pipeline_for.cache_info().currsize)
print(json.dumps({'import_s': dt, 'heavy': heavy, 'gazetteer_loaded': gazetteer,
                  'attackwatch_modules': sorted(m for m in sys.modules if m.startswith('attackwatch'))}))
"""


def measure_import(repeats: int = 7) -> dict:
    env = {**os.environ, **SINGLE_THREAD_ENV}
    walls, inner, last = [], [], {}
    subprocess.run([sys.executable, "-c", "import attackwatch"], env=env, check=True)  # warm the file cache
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import attackwatch"], env=env, check=True)
        walls.append(time.perf_counter() - t)
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", _IMPORT_CHECK], env=env, check=True, capture_output=True, text=True)
        last = json.loads(out.stdout)
        inner.append(last["import_s"])
    bare = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        bare.append(time.perf_counter() - t)
    return {"wall_s": statistics.median(walls), "bare_python_s": statistics.median(bare),
            "import_s": statistics.median(inner), "heavy": last["heavy"], "gazetteer_loaded": last["gazetteer_loaded"],
            "modules": last["attackwatch_modules"]}


# --------------------------------------------------------------------------- RESULTS.md

_TABLE_START = "<!-- results:start -->"
_TABLE_END = "<!-- results:end -->"
_HEADER = ("| date | machine (nproc; CPU; Python) | corpus (articles per format) | text articles/s | "
           "HTML articles/s | build s (text / HTML) | peak RSS MB (text / HTML) | import attackwatch | "
           "articles per CPU-s (text / HTML) | load avg during runs |\n"
           "|---|---|---|---|---|---|---|---|---|---|")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _nproc() -> str:
    try:
        return subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(os.cpu_count())


def _code_fingerprint() -> str:
    """A hash of the attackwatch modules loaded in this process and of the pack data files, read
    right after warm-up: text and HTML runs must have measured the same code."""
    import hashlib

    files = {Path(m.__file__) for name, m in list(sys.modules.items())
             if name.split(".")[0] == "attackwatch" and getattr(m, "__file__", None)}
    try:
        import attackwatch.packs as packs

        files |= {f for f in Path(packs.__file__).parent.rglob("*") if f.is_file() and f.suffix in (".json", ".jsonl")}
    except ImportError:
        pass
    h = hashlib.sha1()
    for f in sorted(files):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


_NOTES_START = "<!-- notes:start (kept across runs; edit by hand) -->"
_NOTES_END = "<!-- notes:end -->"


def write_results(row: str, details: str) -> None:
    rows: list[str] = []
    notes = ""
    if RESULTS.exists():
        old = RESULTS.read_text(encoding="utf-8")
        if _TABLE_START in old and _TABLE_END in old:
            block = old.split(_TABLE_START, 1)[1].split(_TABLE_END, 1)[0]
            rows = [ln for ln in block.strip().splitlines() if ln.startswith("| 2")]
        if _NOTES_START in old and _NOTES_END in old:
            notes = old.split(_NOTES_START, 1)[1].split(_NOTES_END, 1)[0].strip()
    rows.append(row)
    doc = f"""# Extraction benchmark results

Written by `bench/bench_extract.py` (see bench/README.md). One row per run, newest last.
Each format runs in its own subprocess pinned to one core (OMP/MKL/BLAS threads = 1, no
multiprocessing). "articles/s" excludes the one-time build (imports, pack, spaCy pipeline,
date parser and the first warm-up article), which is reported separately.

**Targets:** >= {TARGET_TEXT:.0f} articles/s plain text, >= {TARGET_HTML:.0f} articles/s HTML, peak RSS <= {TARGET_RSS_MB:.0f} MB
per process. Importing `attackwatch` must not import spaCy, dateparser or trafilatura, nor load the pack.

{_TABLE_START}
{_HEADER}
{chr(10).join(rows)}
{_TABLE_END}

{_NOTES_START}
{notes}
{_NOTES_END}

{details}
"""
    RESULTS.write_text(doc, encoding="utf-8")


# --------------------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles per format (default 2000)")
    ap.add_argument("--keep", type=Path, help="build the corpus in this (new) folder and keep it")
    ap.add_argument("--no-write", action="store_true", help="print results only; leave RESULTS.md alone")
    ap.add_argument("--profile", action="store_true", help="always record a profile, even when targets are met")
    ap.add_argument("--profile-n", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--worker", choices=("text", "html"), help=argparse.SUPPRESS)
    ap.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        worker(args.worker, args.root, args.profile_n)
        return 0

    commit = git_commit()
    imp = measure_import()
    print(f"import attackwatch: {imp['import_s'] * 1000:.0f} ms in-process; `python -c 'import attackwatch'` "
          f"{imp['wall_s'] * 1000:.0f} ms wall (bare python {imp['bare_python_s'] * 1000:.0f} ms)")
    import_ok = not imp["heavy"] and not imp["gazetteer_loaded"]
    print(f"  heavy modules after import: {imp['heavy'] or 'none'}; pack loaded: {imp['gazetteer_loaded']}")

    tmp = None
    if args.keep:
        root = args.keep
        root.mkdir(parents=True, exist_ok=False)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="aw-bench-")
        root = Path(tmp.name)
    try:
        t = time.perf_counter()
        corpus = build_corpus(root, args.n)
        print(f"corpus: {corpus['articles']} articles per format from {corpus['seeds']} seeds "
              f"({corpus['distinct_texts']} distinct texts), built in {time.perf_counter() - t:.1f} s in {root}")
        res = {}
        for kind in ("text", "html"):
            r = _run_worker(kind, root)
            res[kind] = r
            print(f"{kind:>4}: {r['articles']} articles in {r['seconds']:.1f} s = {r['rate']:.1f} articles/s "
                  f"({r['cpu_rate']:.1f} per CPU-second; load average {r['load'][0]:.2f} -> {r['load'][1]:.2f}); "
                  f"{r['errors']} errors, {r['reports']} reports; build {r['build_s']:.2f} s; "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB (cpu {r['cpu']})")
            for e in r["first_errors"]:
                print(f"      error: {e}")
        misses = []
        if res["text"]["rate"] < TARGET_TEXT:
            misses.append(f"plain text {res['text']['rate']:.1f} articles/s < {TARGET_TEXT:.0f}")
        if res["html"]["rate"] < TARGET_HTML:
            misses.append(f"HTML {res['html']['rate']:.1f} articles/s < {TARGET_HTML:.0f}")
        for kind in ("text", "html"):
            if res[kind]["peak_rss_mb"] > TARGET_RSS_MB:
                misses.append(f"{kind} peak RSS {res[kind]['peak_rss_mb']:.0f} MB > {TARGET_RSS_MB:.0f}")
        if not import_ok:
            misses.append(f"import attackwatch pulls in {imp['heavy']} / pack loaded={imp['gazetteer_loaded']}")
        for kind in ("text", "html"):
            if res[kind]["errors"]:
                misses.append(f"{res[kind]['errors']} {kind} articles failed")

        profiles = {}
        want = {"text"} if res["text"]["rate"] < TARGET_TEXT else set()
        if res["html"]["rate"] < TARGET_HTML:
            want.add("html")
        if args.profile:
            want = {"text", "html"}
        for kind in sorted(want):
            p = _run_worker(kind, root, profile_n=min(400, args.n))
            profiles[kind] = p

        codes = {r["code"] for r in [*res.values(), *profiles.values()]}
        if len(codes) > 1:
            misses.append("the package code changed between the measurement subprocesses (fingerprints "
                          f"{', '.join(sorted(codes))}): the figures mix versions; re-run")
            print("WARNING: attackwatch's code changed during the run; the figures mix versions")
        now = datetime.now().strftime("%Y-%m-%d %H:%M")
        machine = f"{_nproc()}; {_cpu_model()}; Python {platform.python_version()}"
        flag = " - code changed mid-run, figures mix versions" if len(codes) > 1 else ""
        row = (f"| {now} ({commit}){flag} | {machine} | {args.n} | {res['text']['rate']:.1f} | {res['html']['rate']:.1f} | "
               f"{res['text']['build_s']:.2f} / {res['html']['build_s']:.2f} | "
               f"{res['text']['peak_rss_mb']:.0f} / {res['html']['peak_rss_mb']:.0f} | "
               f"{imp['import_s'] * 1000:.0f} ms ({imp['wall_s'] * 1000:.0f} ms wall) | "
               f"{res['text']['cpu_rate']:.1f} / {res['html']['cpu_rate']:.1f} | "
               f"{max(res['text']['load'] + res['html']['load']):.2f} |")
        verdict = ("**All targets met.**" if not misses else
                   "**Targets missed:**\n" + "\n".join(f"- {m}" for m in misses))
        details = [f"## Latest run ({now}, commit {commit}, code fingerprint {res['text']['code']})", "", verdict, "",
                   f"- corpus: {args.n} articles per format, varied from {corpus['seeds']} seed pages "
                   f"({corpus['distinct_texts']} distinct texts); HTML = same texts wrapped in a page with "
                   f"nav/header/article/aside/footer",
                   *[f"- {label}: {res[k]['articles']} articles, {res[k]['errors']} errors, {res[k]['reports']} reports, "
                     f"{res[k]['seconds']:.1f} s wall = {res[k]['rate']:.1f} articles/s; {res[k]['cpu_seconds']:.1f} s "
                     f"CPU = {res[k]['cpu_rate']:.1f} articles per CPU-second; 1-min load average "
                     f"{res[k]['load'][0]:.2f} -> {res[k]['load'][1]:.2f} on {_nproc()} CPUs"
                     for label, k in (("text", "text"), ("HTML", "html"))],
                   "- the rates are wall-clock on one pinned core; when the load average exceeds ~1 other work "
                   "shared the machine and the wall rate understates the code (the CPU-second rate is less affected)",
                   f"- import: `import attackwatch` {imp['import_s'] * 1000:.0f} ms in-process; "
                   f"`python -c \"import attackwatch\"` {imp['wall_s'] * 1000:.0f} ms wall vs "
                   f"{imp['bare_python_s'] * 1000:.0f} ms for bare `python -c pass`; heavy modules after import: "
                   f"{', '.join(imp['heavy']) or 'none'}; pack loaded: {'yes' if imp['gazetteer_loaded'] else 'no'}"]
        for kind, p in profiles.items():
            details += ["", f"### Profile: {kind}, {p['profiled_articles']} articles after warm-up "
                            f"(cProfile, top 15 by cumulative time)", "", "```", p["profile"], "```",
                        "", "Same run, top 10 by own (tottime) time:", "", "```", p["profile_tottime"], "```",
                        "", "Same run, by pipeline stage (cumulative; profiler overhead inflates absolute times):",
                        "", "```", p["stages"], "```"]
        details_text = "\n".join(details)
        if not args.no_write:
            write_results(row, details_text)
            print(f"wrote {RESULTS}")
        print(verdict)
        for kind, p in profiles.items():
            print(f"\n--- profile {kind} ---\n{p['profile']}\n\n{p['stages']}")
        assert import_ok, f"importing attackwatch loaded heavy modules: {imp}"
        return 0 if not misses else 1
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())

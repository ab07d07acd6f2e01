#!/usr/bin/env python3
"""Extraction speed against fixed anchors timed in the same run, on the same pages, per article.

Rates move with the machine (a shared 2-vCPU VM: steal, frequency, neighbours), so every figure
is CPU time (time.process_time) of one pinned single-thread subprocess, and beside each article's
extraction the same process times an anchor on the same input, interleaved article by article
(alternating which goes first), so both see the same machine:

* plain text: `spacy.blank("en")` tokenising the raw page text (the cheapest thing our pipeline
  could do with spaCy); ours = reading, cleaning and extracting the page (`read_page` +
  `process_raw`, what `attackwatch extract` does per file);
* HTML: `trafilatura.extract(html)` with its defaults; ours = the same for the HTML page.

Each format is measured twice over the corpus (bench_corpus.py: variants of the seed, dev and
example pages): with the text-keyed caches cleared before every article (real news rarely
repeats a clause; the headline) and with them kept. Then a long page: the cleaned bodies of the
corpus joined into one ~5 MB page, extracted whole in a fresh process (time, peak RSS) and part by
part in another; the ratio whole/parts says whether time is linear in page length.

Results: the table and the latest run's details in bench/RESULTS.md (section "Extraction",
regenerated) and the extraction row of its overview table, with commit, machine and load.

    .venv/bin/python bench/bench_extract.py                      # 2,000 articles per format, 5 MB page
    .venv/bin/python bench/bench_extract.py --n 300 --no-write   # quick look, RESULTS.md untouched
    .venv/bin/python bench/bench_extract.py --long-mb 0          # skip the long page
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench_corpus import build_corpus
from results_log import commit as git_commit

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "RESULTS.md"

# issue 14's targets
TARGET_CPU_RATE = 250.0  # plain-text articles per CPU-second, caches cleared
TARGET_TEXT_RATIO = 3.0  # plain text: at most 3x spacy.blank on the same raw text
TARGET_HTML_RATIO = 3.0  # HTML: at most 3x trafilatura.extract
TARGET_LONG_RATIO = 1.2  # a 5 MB page: at most 1.2x the time of its parts
TARGET_LONG_RSS_MB = 300.0

SINGLE_THREAD_ENV = {
    "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1", "VECLIB_MAXIMUM_THREADS": "1", "BLIS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false", "PYTHONHASHSEED": "0",
    # this checkout's code, whatever attackwatch the interpreter has installed
    "PYTHONPATH": os.pathsep.join(p for p in (str(REPO / "src"), os.environ.get("PYTHONPATH")) if p),
}

# caches keyed by text (a clause, a date phrase): cleared before each article in the cold pass.
# Caches keyed by the pack, a pattern or a single character stay: every real run has them warm.
TEXT_CACHES = [("attackwatch.extraction.casualties", "casualties_in"), ("attackwatch.extraction.casualties", "named_dead"),
               ("attackwatch.extraction.casualties", "zero_casualties"), ("attackwatch.text.dates", "parse_absolute"),
               ("attackwatch.text.dates", "_phrases"), ("attackwatch.text.dates", "latest_body_date")]
KEPT_CACHES = {"pipeline_for", "get_pack", "_chrome_rules", "_sentence_wide", "_model_at", "_parser", "_finder",
               "_fold_char"}


def _pin_one_core() -> int | None:
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        return cpus[-1]
    except (AttributeError, OSError):
        return None


def _text_caches() -> tuple[list, list[str]]:
    """The cache_clear functions of TEXT_CACHES, and the names of any other large lru_cache in
    attackwatch that is in neither list (a new text cache the cold pass would not clear)."""
    import importlib

    clear = [getattr(importlib.import_module(mod), name).cache_clear for mod, name in TEXT_CACHES]
    listed = {name for _, name in TEXT_CACHES} | KEPT_CACHES
    unknown = []
    for mod_name, mod in list(sys.modules.items()):
        if not mod_name.startswith("attackwatch"):
            continue
        for name, obj in vars(mod).items():
            info = getattr(obj, "cache_parameters", None)
            if callable(info) and name not in listed and (info().get("maxsize") or 10 ** 9) >= 256:
                unknown.append(f"{mod_name}.{name}")
    return clear, sorted(set(unknown))


def worker(kind: str, root: Path) -> None:
    """Time one format over its folder, interleaved with its anchor; print one JSON object."""
    import resource

    cpu = _pin_one_core()
    from attackwatch.ingest.files import read_page
    from attackwatch.pipeline import process_raw

    suffix = ".txt" if kind == "text" else ".html"
    warm = process_raw(read_page(str(root / "warm" / f"warm{suffix}")))
    if warm.error:
        raise SystemExit(f"warm-up failed: {warm.error}")
    if kind == "text":
        import spacy

        blank = spacy.blank("en")
        blank.max_length = 10 ** 8

        def anchor(content: str) -> object:
            return blank(content)
    else:
        import trafilatura

        def anchor(content: str) -> object:
            return trafilatura.extract(content)
    pages = sorted((root / kind).glob(f"*{suffix}"))
    anchor(pages[0].read_text(encoding="utf-8"))
    clear, unknown = _text_caches()
    out: dict = {"kind": kind, "cpu": cpu, "articles": len(pages), "uncleared_caches": unknown, "code": _code_fingerprint()}
    # caches kept first: this pass also grows spaCy's string store and every per-pattern cache to
    # their working size, for our pipeline and the anchor alike; then the cold pass differs from
    # it only by the cleared text caches
    for pass_name, cold in (("warm", False), ("cold", True)):
        ours = theirs = 0.0
        errors = reports = 0
        load_before = os.getloadavg()[0]
        for i, path in enumerate(pages):
            if cold:
                for fn in clear:
                    fn()
            content = path.read_text(encoding="utf-8")
            for step in ((0, 1) if i % 2 == 0 else (1, 0)):
                c0 = time.process_time()
                if step == 0:
                    res = process_raw(read_page(str(path)))
                    ours += time.process_time() - c0
                    errors += bool(res.error)
                    reports += len(res.reports)
                else:
                    anchor(content)
                    theirs += time.process_time() - c0
        out[pass_name] = {"cpu_seconds": ours, "anchor_cpu_seconds": theirs, "errors": errors, "reports": reports,
                          "rate": len(pages) / ours if ours else 0.0, "anchor_rate": len(pages) / theirs if theirs else 0.0,
                          "load": [load_before, os.getloadavg()[0]]}
    # the ratio divides by the anchor's first pass: there each text is new to it, as a page is in
    # real use (on its second sight of the same texts spaCy's tokenizer cache makes it ~1.4x faster)
    first = out["warm"]["anchor_cpu_seconds"]
    for pass_name in ("warm", "cold"):
        out[pass_name]["ratio"] = out[pass_name]["cpu_seconds"] / first if first else 0.0
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps(out))


# --------------------------------------------------------------------------- the long page

def build_long_page(root: Path, megabytes: float) -> dict:
    """The cleaned bodies of the text corpus, joined by blank lines until ~`megabytes` MB, as one page
    (root/long/long.txt) and as its parts (root/long/parts/NNNN.txt); every part is cleaned once first,
    so cleaning the whole page keeps it whole (no comment section cuts it short)."""
    from attackwatch.pipeline import article_from_text

    limit = int(megabytes * 1_000_000)
    (root / "long" / "parts").mkdir(parents=True)
    bodies: list[str] = []
    size = 0
    pages = sorted((root / "text").glob("*.txt"))
    k = 0
    while size < limit and pages:
        text = pages[k % len(pages)].read_text(encoding="utf-8")
        k += 1
        try:
            body = article_from_text(text, published="2024-06-01").text
        except Exception:  # a page the cleaner refuses is no part
            continue
        if size + len(body) + 2 > limit:
            break
        bodies.append(body)
        size += len(body) + 2
    for j, body in enumerate(bodies):
        (root / "long" / "parts" / f"{j:05d}.txt").write_text(body, encoding="utf-8")
    (root / "long" / "long.txt").write_text("\n\n".join(bodies), encoding="utf-8")
    return {"parts": len(bodies), "chars": size - 2, "bytes": (root / "long" / "long.txt").stat().st_size}


def long_worker(kind: str, root: Path) -> None:
    """Extract the long page whole ("whole") or part by part ("parts"); print one JSON object."""
    import resource

    _pin_one_core()
    from attackwatch.extraction import extract_article
    from attackwatch.pipeline import article_from_text

    warm = (root / "warm" / "warm.txt").read_text(encoding="utf-8")
    extract_article(article_from_text(warm, published="2024-06-01"))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    files = [root / "long" / "long.txt"] if kind == "whole" else sorted((root / "long" / "parts").glob("*.txt"))
    reports = 0
    c0 = time.process_time()
    for f in files:
        reports += len(extract_article(article_from_text(f.read_text(encoding="utf-8"), published="2024-06-01")))
    cpu_s = time.process_time() - c0
    print(json.dumps({"kind": kind, "cpu_seconds": cpu_s, "reports": reports, "rss_before_mb": rss_before,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
                      "load": os.getloadavg()[0]}))


def _run_worker(mode: str, kind: str, root: Path) -> dict:
    env = {**os.environ, **SINGLE_THREAD_ENV}
    cmd = [sys.executable, str(Path(__file__).resolve()), f"--{mode}", kind, "--root", str(root)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=str(REPO))
    if proc.returncode != 0:
        raise SystemExit(f"{mode} {kind} worker failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
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

# --------------------------------------------------------------------------- RESULTS.md

_SECTION_START = "<!-- extraction:start (written by bench/bench_extract.py) -->"
_SECTION_END = "<!-- extraction:end -->"
_TABLE_START = "<!-- results:start -->"
_TABLE_END = "<!-- results:end -->"
_HEADER = ("| date (commit) | machine (nproc; CPU; Python) | articles | text per CPU-s, caches cleared (kept) | "
           "x spacy.blank, cleared (kept) | HTML per CPU-s, cleared (kept) | x trafilatura.extract, cleared (kept) | "
           "5 MB page: x its parts; peak RSS | load avg during runs |\n"
           "|---|---|---|---|---|---|---|---|---|")


def _rows(old: str) -> list[str]:
    if _TABLE_START in old and _TABLE_END in old:
        block = old.split(_TABLE_START, 1)[1].split(_TABLE_END, 1)[0]
        return [ln for ln in block.strip().splitlines() if ln.startswith("| 2") and ln.count("|") == _HEADER.splitlines()[0].count("|")]
    return []


def write_results(row: str, details: str, headline: str) -> None:
    """Regenerate the Extraction section of RESULTS.md (its table keeps earlier rows of this
    format) and the extraction row of the overview table; everything else is left as it is."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    rows = _rows(old) + [row]
    section = f"""{_SECTION_START}
Written by `bench/bench_extract.py` (see bench/README.md); one row per run, newest last. CPU time of one
pinned single-thread process; each anchor timed in the same process on the same pages, article by article.

**Targets (issue 14):** plain text >= {TARGET_CPU_RATE:.0f} articles per CPU-second with caches cleared and
<= {TARGET_TEXT_RATIO:.0f}x `spacy.blank("en")` on the same raw text; HTML <= {TARGET_HTML_RATIO:.0f}x `trafilatura.extract`; a 5 MB page
<= {TARGET_LONG_RATIO}x the time of its parts with peak RSS <= {TARGET_LONG_RSS_MB:.0f} MB.

{_TABLE_START}
{_HEADER}
{chr(10).join(rows)}
{_TABLE_END}

{details}
{_SECTION_END}"""
    if _SECTION_START in old and _SECTION_END in old:
        before, rest = old.split(_SECTION_START, 1)
        doc = before + section + rest.split(_SECTION_END, 1)[1]
    else:
        doc = old.rstrip() + "\n\n## Extraction\n\n" + section + "\n"
    doc = re.sub(r"(?m)^\| extraction \|.*$", lambda _m: headline, doc, count=1)
    RESULTS.write_text(doc, encoding="utf-8")


# --------------------------------------------------------------------------- main

def _fmt_pass(r: dict, name: str) -> str:
    c, w = r["cold"], r["warm"]
    return (f"{name}: cold {c['rate']:.1f} articles per CPU-s ({c['ratio']:.2f}x anchor at {w['anchor_rate']:.0f}/CPU-s), "
            f"warm {w['rate']:.1f} ({w['ratio']:.2f}x); {c['errors']} errors, {c['reports']} reports; "
            f"load {w['load'][0]:.2f}->{c['load'][1]:.2f}; peak RSS {r['peak_rss_mb']:.0f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles per format (default 2000)")
    ap.add_argument("--long-mb", type=float, default=5.0, help="size of the long page in MB (0: skip; default 5)")
    ap.add_argument("--keep", type=Path, help="build the corpus in this (new) folder and keep it")
    ap.add_argument("--no-write", action="store_true", help="print results only; leave RESULTS.md alone")
    ap.add_argument("--worker", choices=("text", "html"), help=argparse.SUPPRESS)
    ap.add_argument("--long", choices=("whole", "parts"), help=argparse.SUPPRESS)
    ap.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.root)
        return 0
    if args.long:
        long_worker(args.long, args.root)
        return 0

    commit = git_commit()
    imp = measure_import()
    import_ok = not imp["heavy"] and not imp["gazetteer_loaded"]
    print(f"import attackwatch: {imp['import_s'] * 1000:.0f} ms; heavy modules: {imp['heavy'] or 'none'}; "
          f"pack loaded: {imp['gazetteer_loaded']}")
    tmp = None
    if args.keep:
        root = args.keep
        root.mkdir(parents=True, exist_ok=False)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="aw-bench-")
        root = Path(tmp.name)
    try:
        corpus = build_corpus(root, args.n)
        print(f"corpus: {corpus['articles']} articles per format from {corpus['seeds']} base pages "
              f"({corpus['distinct_texts']} distinct texts) in {root}")
        res = {}
        for kind in ("text", "html"):
            res[kind] = _run_worker("worker", kind, root)
            print(_fmt_pass(res[kind], kind))
        long: dict | None = None
        if args.long_mb > 0:
            sys.path.insert(0, str(REPO / "src"))
            built = build_long_page(root, args.long_mb)
            whole = _run_worker("long", "whole", root)
            parts = _run_worker("long", "parts", root)
            long = {**built, "whole": whole, "parts_run": parts,
                    "ratio": whole["cpu_seconds"] / parts["cpu_seconds"] if parts["cpu_seconds"] else 0.0}
            print(f"long page: {built['bytes'] / 1e6:.2f} MB in {built['parts']} parts: whole {whole['cpu_seconds']:.1f} "
                  f"CPU-s ({whole['reports']} reports), parts {parts['cpu_seconds']:.1f} CPU-s ({parts['reports']} reports): "
                  f"{long['ratio']:.2f}x; peak RSS {whole['peak_rss_mb']:.0f} MB (parts {parts['peak_rss_mb']:.0f} MB)")

        t, h = res["text"], res["html"]
        misses = []
        if t["cold"]["rate"] < TARGET_CPU_RATE:
            misses.append(f"plain text {t['cold']['rate']:.1f} articles per CPU-second (caches cleared) < {TARGET_CPU_RATE:.0f}")
        if t["cold"]["ratio"] > TARGET_TEXT_RATIO:
            misses.append(f"plain text {t['cold']['ratio']:.2f}x spacy.blank > {TARGET_TEXT_RATIO:.0f}x")
        if h["cold"]["ratio"] > TARGET_HTML_RATIO:
            misses.append(f"HTML {h['cold']['ratio']:.2f}x trafilatura.extract > {TARGET_HTML_RATIO:.0f}x")
        if long is not None and long["ratio"] > TARGET_LONG_RATIO:
            misses.append(f"long page {long['ratio']:.2f}x its parts > {TARGET_LONG_RATIO}x")
        if long is not None and long["whole"]["peak_rss_mb"] > TARGET_LONG_RSS_MB:
            misses.append(f"long page peak RSS {long['whole']['peak_rss_mb']:.0f} MB > {TARGET_LONG_RSS_MB:.0f} MB")
        for kind in ("text", "html"):
            if res[kind]["cold"]["errors"]:
                misses.append(f"{res[kind]['cold']['errors']} {kind} pages failed")
        if not import_ok:
            misses.append(f"import attackwatch pulls in {imp['heavy']} / pack loaded={imp['gazetteer_loaded']}")
        codes = {t["code"], h["code"]}
        if len(codes) > 1:
            misses.append("the package code changed between the measurement subprocesses: the figures mix versions")
        unknown = sorted(set(t["uncleared_caches"]) | set(h["uncleared_caches"]))

        now = datetime.now().strftime("%Y-%m-%d %H:%M")
        machine = f"{_nproc()}; {_cpu_model()}; Python {platform.python_version()}"
        loads = [*t["cold"]["load"], *t["warm"]["load"], *h["cold"]["load"], *h["warm"]["load"]]
        if long is not None:
            loads += [long["whole"]["load"], long["parts_run"]["load"]]
        long_cell = (f"{long['ratio']:.2f}x; {long['whole']['peak_rss_mb']:.0f} MB ({long['bytes'] / 1e6:.1f} MB page)"
                     if long is not None else "not run")
        row = (f"| {now} ({commit}) | {machine} | {args.n} | {t['cold']['rate']:.1f} ({t['warm']['rate']:.1f}) | "
               f"{t['cold']['ratio']:.2f} ({t['warm']['ratio']:.2f}) | {h['cold']['rate']:.1f} ({h['warm']['rate']:.1f}) | "
               f"{h['cold']['ratio']:.2f} ({h['warm']['ratio']:.2f}) | {long_cell} | "
               f"{min(loads):.2f}-{max(loads):.2f} |")
        verdict = "**All targets met.**" if not misses else "**Targets missed:**\n" + "\n".join(f"- {m}" for m in misses)
        details = "\n".join([
            f"### Latest run ({now}, commit {commit}, code fingerprint {t['code']})", "", verdict, "",
            f"- machine: {machine}; 1-minute load average {min(loads):.2f}-{max(loads):.2f} during the runs (2 CPUs "
            "shared with other work: CPU-seconds and same-process ratios are the figures to compare, not wall time)",
            f"- corpus: {args.n} articles per format, variants of {corpus['seeds']} base pages (seed, dev and example "
            f"corpora; {corpus['distinct_texts']} distinct texts); HTML = the same texts in a news page",
            *[f"- {label}, caches cleared before each article: {r['cold']['cpu_seconds']:.1f} CPU-s = "
              f"**{r['cold']['rate']:.1f} articles per CPU-second**; anchor {anchor} {r['warm']['anchor_cpu_seconds']:.1f} "
              f"CPU-s on its first sight of the texts ({r['warm']['anchor_rate']:.0f}/CPU-s; "
              f"{r['cold']['anchor_rate']:.0f}/CPU-s on the second); **ratio {r['cold']['ratio']:.2f}x**; caches kept: "
              f"{r['warm']['rate']:.1f} per CPU-second, {r['warm']['ratio']:.2f}x; {r['cold']['errors']} errors, "
              f"{r['cold']['reports']} reports; peak RSS {r['peak_rss_mb']:.0f} MB"
              for label, r, anchor in (("plain text", t, '`spacy.blank("en")` on the raw text'),
                                       ("HTML", h, "`trafilatura.extract`"))],
            (f"- long page: {long['bytes'] / 1e6:.2f} MB ({long['chars']:,} characters, {long['parts']} article bodies): "
             f"whole {long['whole']['cpu_seconds']:.1f} CPU-s, {long['whole']['reports']} reports, peak RSS "
             f"{long['whole']['peak_rss_mb']:.0f} MB ({long['whole']['rss_before_mb']:.0f} MB before the page); parts "
             f"{long['parts_run']['cpu_seconds']:.1f} CPU-s, {long['parts_run']['reports']} reports: **{long['ratio']:.2f}x**"
             if long is not None else "- long page: not run"),
            f"- caches cleared in the cold pass: {', '.join(n for _, n in TEXT_CACHES)}"
            + (f"; **other large caches not cleared: {', '.join(unknown)}**" if unknown else ""),
            f"- import: `import attackwatch` {imp['import_s'] * 1000:.0f} ms; heavy modules after import: "
            f"{', '.join(imp['heavy']) or 'none'}; pack loaded: {'yes' if imp['gazetteer_loaded'] else 'no'}"])
        headline = (f"| extraction | `bench/bench_extract.py` | {now}, commit {commit}: **{t['cold']['rate']:.0f} articles per "
                    f"CPU-second plain text, caches cleared ({t['cold']['ratio']:.2f}x `spacy.blank` on the same text); HTML "
                    f"{h['cold']['ratio']:.2f}x `trafilatura.extract`**"
                    + (f"; 5 MB page {long['ratio']:.2f}x its parts, peak RSS {long['whole']['peak_rss_mb']:.0f} MB"
                       if long is not None else "")
                    + f"; load {min(loads):.1f}-{max(loads):.1f}. Targets 250/CPU-s, 3x, 3x, 1.2x: "
                    + ("met" if not misses else "**missed**") + " | below |")
        if not args.no_write:
            write_results(row, details, headline)
            print(f"wrote {RESULTS}")
        print(verdict)
        return 0 if not misses else 1
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())

"""Soak the front door (issue 11): generate hostile inputs and push each through the function
that takes it from outside, recording crashes, hangs over 2 s and peak RSS.

Kinds of input, mixed by index (every input is reproducible from --seed and its index):
  page     `process_raw` on random Unicode (lone surrogates, controls), tag soup, attack words,
           dates 0001-9999 as published and crawl dates, titles; now and then a 200 KB page
  sidecar  `parse_sidecar` on random JSON of every shape, deep nesting, 5,000-digit numbers,
           \\ud800 escapes, wrong types, random bytes
  row      `page_from_row` (JSONL/Parquet rows) with the same metadata
  filter   `IncidentFilter.from_params(...).sql()` on random filter strings
  edit     `check_edit` on random fields and JSON values
  file     `read_span` on files made hostile on disk: a FIFO, a symlink to /dev/zero, a gzip bomb
           (.warc.gz, .jsonl.gz), random bytes, a file deleted after listing

A crash is any exception escaping (for `process_raw`, also an error reading "internal error",
the last-resort catch); a refusal (InputError, InvalidValue) is the expected answer to bad
input. A hang is an input taking over 2 s of CPU, or blocking 30 s of wall time (a hard alarm:
a FIFO read would block without using CPU). CPU time, because the machine is shared: wall
time over 2 s is counted too, and reported beside it, as it includes waiting for other jobs.

    nice -n 19 .venv/bin/python bench/soak_front_door.py --n 1000000            # the full soak
    nice -n 19 .venv/bin/python bench/soak_front_door.py --n 1000000 --max-seconds 3600   # stop early, say so
    .venv/bin/python bench/soak_front_door.py --only 111813,173294   # replay inputs by index

Appends a section to bench/RESULTS-soak.md (inputs run, per kind, crashes, hangs, peak RSS).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
import zlib
from collections import Counter
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results_log import append_section, commit, cpu_model  # noqa: E402

HANG_SECONDS = 2.0
HARD_LIMIT = 30
WORDS = ["rocket", "rockets", "drone", "attack", "Ain al-Asad", "Erbil", "Harir", "Kata'ib Hezbollah", "killed",
         "wounded", "three", "Monday", "last week", "3 days ago", "yesterday", "January 9, 2024", "0001-01-01", "9999",
         "\n\n", ". ", "<svg>", "<article>", "</article>", "<s>", "<p>", "<!--", "<html>", "&amp;", "\x00", "\ud800",
         "\udfff", "US forces", "the Islamic Resistance in Iraq", "claimed", "CENTCOM", "confirmed", "Tower 22", "2020",
         "on Tuesday", "99999 days ago", "\u202e", "\ufeff", "<table><tr><td>", "Feb 15", "\t", "\r"]
KINDS = [("page", 25), ("sidecar", 25), ("row", 5), ("filter", 25), ("edit", 19.5), ("file", 0.5)]


class HardTimeout(BaseException):
    """Raised by the 30 s alarm: a BaseException, so no `except Exception` in the code under
    test (process_raw's last-resort catch) can turn a hang into an error result."""


def _alarm(signum: int, frame: object) -> None:
    raise HardTimeout()


# -- generators ---------------------------------------------------------------------------------------
def any_char(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.7:
        return chr(rng.randint(32, 126))
    if r < 0.8:
        return chr(rng.randint(0, 31))
    if r < 0.85:
        return chr(rng.randint(0xD800, 0xDFFF))  # lone surrogates
    return chr(rng.randint(0x80, 0x10FFFF))


def text(rng: random.Random, max_len: int = 3000) -> str:
    if rng.random() < 0.5:
        return "".join(any_char(rng) for _ in range(rng.randint(0, min(max_len, 400))))
    parts = [rng.choice(WORDS) for _ in range(rng.randint(0, 200))]
    return " ".join(parts)[:max_len]


def any_date(rng: random.Random) -> date:
    return date.fromordinal(rng.randint(1, date(9999, 12, 31).toordinal()))


def json_value(rng: random.Random, depth: int = 0) -> object:
    r = rng.random()
    if depth > 3 or r < 0.5:
        return rng.choice([None, True, False, rng.randint(-10 ** 20, 10 ** 20), rng.random() * 1e10, text(rng, 40),
                           "2024-01-01", "0000", "2024-13-45", "2024-W60"])
    if r < 0.75:
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {text(rng, 8): json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def sidecar_bytes(rng: random.Random) -> bytes:
    r = rng.random()
    if r < 0.1:
        n = rng.randint(100, 200_000)
        return b'{"title": ' + b"[" * n + b"]" * n + b"}"
    if r < 0.15:
        return b'{"outlet": ' + b"9" * rng.randint(4000, 6000) + b"}"
    if r < 0.25:
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 300)))
    keys = ["id", "url", "title", "outlet", "published", "other"]
    obj = {rng.choice(keys): json_value(rng) for _ in range(rng.randint(0, 6))} if r < 0.9 else json_value(rng)
    return json.dumps(obj).encode("utf-8")  # surrogates become \ud800 escapes, as in a hostile file


FILTERS = ("since", "until", "country", "admin1", "actor", "weapon", "event_type", "target_type", "claimed",
           "confirmation", "min_sources", "text", "min_confidence")
FILTER_WORDS = ["2024", "2024-13", "2024-W53", "2024-W54", "0000", "2024-02-30", "Iraq", "drone", "drones", "yes",
                "maybe", "-1", "1e9", "nan", "inf", "IQ-AN", "9" * 400, "", " ", "Kata'ib Hezbollah"]


def filter_params(rng: random.Random) -> dict[str, object]:
    return {k: (rng.choice(FILTER_WORDS) if rng.random() < 0.6 else text(rng, 30))
            for k in rng.sample(FILTERS, rng.randint(0, len(FILTERS)))}


EDIT_FIELDS = ["date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type", "target_actor",
               "place", "admin1", "admin1_code", "country", "country_code", "latitude", "longitude", "geo_precision",
               "killed", "injured", "intercepted", "confirmation", "background", "id", ""]


# -- one input --------------------------------------------------------------------------------------
def run_one(kind: str, rng: random.Random, tmp: Path) -> str:
    """'ok' or 'refused' (expected answers); raises for a crash."""
    from attackwatch.ingest.files import InputError, RawPage, load_json, parse_sidecar
    from attackwatch.ingest.jsonl import page_from_row
    from attackwatch.pipeline import process_raw
    from attackwatch.store.filters import IncidentFilter
    from attackwatch.validation import InvalidValue, check_edit

    if kind == "page":
        content = text(rng) if rng.random() > 0.002 else text(rng) * 70 + " ".join(rng.choice(WORDS) for _ in range(30000))
        meta: dict[str, object] = {}
        if rng.random() < 0.3:
            meta["crawl_date"] = any_date(rng)
        if rng.random() < 0.3:
            meta["title"] = text(rng, 80)
        published = any_date(rng) if rng.random() < 0.5 else None
        result = process_raw(RawPage("soak", rng.choice(["text", "html"]), content, "soak.txt", meta=meta),
                             published=published)
        if result.error and ("internal error" in result.error or "\n" in result.error):
            raise RuntimeError(result.error)
        return "refused" if result.error else "ok"
    try:
        if kind == "sidecar":
            parse_sidecar(sidecar_bytes(rng), "x.meta.json")
        elif kind == "row":
            row = load_json(sidecar_bytes(rng), "x: line 1", "bad JSON") if rng.random() < 0.3 else {}
            if isinstance(row, dict):
                row[rng.choice(["text", "html"])] = text(rng)
            page_from_row(row, "x: line 1", "x_1", "x#1")
        elif kind == "filter":
            IncidentFilter.from_params(filter_params(rng)).sql()
        elif kind == "edit":
            check_edit(rng.choice(EDIT_FIELDS), json_value(rng))
        else:
            return run_file(rng, tmp)
    except (InputError, InvalidValue, ValueError) as exc:
        if "\n" in str(exc):
            raise RuntimeError(f"multi-line message: {str(exc)[:200]!r}") from exc
        return "refused"
    return "ok"


def run_file(rng: random.Random, tmp: Path) -> str:
    from attackwatch.ingest.files import InputError
    from attackwatch.ingest.records import read_span, whole

    for old in tmp.iterdir():
        old.unlink()
    case = rng.randrange(6)
    if case == 0:
        path = tmp / "fifo.txt"
        os.mkfifo(path)
    elif case == 1:
        path = tmp / "zero.html"
        path.symlink_to("/dev/zero")
    elif case == 2:
        path = tmp / rng.choice(["bomb.warc.gz", "bomb.jsonl.gz"])
        c = zlib.compressobj(9, zlib.DEFLATED, 31)
        with open(path, "wb") as fh:
            fh.write(c.compress(rng.choice([b"", b'{"text": "x"}\n', b"WARC/1.0\r\n"])))
            for _ in range(rng.randint(1, 40)):
                fh.write(c.compress(b"\0" * (1 << 20)))
            fh.write(c.flush())
    elif case == 3:
        path = tmp / rng.choice(["r.txt", "r.html", "r.warc", "r.jsonl", "r.parquet", "r.warc.gz"])
        path.write_bytes(bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 5000))))
    elif case == 4:
        path = tmp / "t.jsonl.gz"
        data = gzip.compress(b'{"text": "rockets hit a base"}\n' * 50)
        path.write_bytes(data[: rng.randint(0, len(data))])  # truncated
    else:
        path = tmp / "gone.txt"  # listed, then gone
    items = list(read_span(whole(str(path))))
    bad = [i for i in items if isinstance(i, InputError)]
    if any("\n" in str(i) for i in bad):
        raise RuntimeError("multi-line message")
    return "refused" if bad else "ok"


# -- the soak -----------------------------------------------------------------------------------------
def kind_of(rng: random.Random) -> str:
    return rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--start", type=int, default=0, help="first input index (to replay a range of a run)")
    ap.add_argument("--max-seconds", type=float, default=None, help="stop after this long (the count run is recorded)")
    ap.add_argument("--only", help="comma-separated input indices to run instead of a range (to replay slow ones)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    indices = [int(i) for i in args.only.split(",")] if args.only else range(args.start, args.start + args.n)

    measured = commit()  # the code loaded now, whatever is committed while the soak runs
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill PID`: stop and still write what ran
    interrupted = False
    # warm up outside the clock: the first page builds the spaCy pipeline and loads the pack
    from attackwatch.ingest.files import RawPage
    from attackwatch.pipeline import process_raw

    process_raw(RawPage("warm", "text", "Rockets hit Ain al-Asad air base on Monday, January 8, 2024.", "warm.txt"))
    process_raw(RawPage("warm", "html", "<html><body><article><p>Rockets hit Erbil.</p></article></body></html>", "w"))
    process_raw(RawPage("warm", "html", "<p>posted 12 March 2024 10:00</p><p>x</p>" * 3, "w"))  # htmldate's parser
    counts: Counter[tuple[str, str]] = Counter()
    crashes: list[str] = []
    hangs: list[str] = []
    slow_wall: list[str] = []
    slowest = (0.0, "")
    started = time.monotonic()
    ran = 0
    with tempfile.TemporaryDirectory(prefix="aw-soak-") as tmp_name:
        tmp = Path(tmp_name)
        for i in indices:
            if args.max_seconds and time.monotonic() - started > args.max_seconds:
                break
            if interrupted:
                break
            rng = random.Random(f"{args.seed}:{i}")
            kind = kind_of(rng)
            t0, c0 = time.monotonic(), time.process_time()
            signal.alarm(HARD_LIMIT)
            try:
                outcome = run_one(kind, rng, tmp)
            except KeyboardInterrupt:
                interrupted = True
                signal.alarm(0)
                continue
            except HardTimeout:
                outcome = "hang"
            except Exception as exc:  # noqa: BLE001 - this is what the soak counts
                outcome = "crash"
                where = traceback.extract_tb(exc.__traceback__)[-1].filename.split("/")[-1]
                crash = f"#{i} {kind}: {exc.__class__.__name__}: {str(exc)[:160]!r} at {where}"
                print(f"crash {crash}", file=sys.stderr, flush=True)
                if len(crashes) < 20:
                    crashes.append(crash)
            finally:
                signal.alarm(0)
            took, cpu = time.monotonic() - t0, time.process_time() - c0
            if cpu > slowest[0]:
                slowest = (cpu, f"#{i} {kind}")
            if took > HANG_SECONDS:
                slow_wall.append(f"#{i} {kind}: {took:.1f} s wall, {cpu:.1f} s CPU")
            if cpu > HANG_SECONDS and outcome != "hang":
                outcome = "hang"
            if outcome == "hang":
                print(f"hang #{i} {kind}: {cpu:.1f} s CPU, {took:.1f} s wall", file=sys.stderr, flush=True)
            if outcome == "hang" and len(hangs) < 20:
                hangs.append(f"#{i} {kind}: {cpu:.1f} s CPU, {took:.1f} s wall")
            counts[(kind, outcome)] += 1
            ran += 1
            if ran % 10_000 == 0:
                print(f"{ran} inputs, {time.monotonic() - started:.0f} s, crashes {len(crashes)}, "
                      f"hangs {sum(v for (k, o), v in counts.items() if o == 'hang')}", file=sys.stderr, flush=True)
    elapsed = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n_crash = sum(v for (k, o), v in counts.items() if o == "crash")
    n_hang = sum(v for (k, o), v in counts.items() if o == "hang")
    rows = ["| kind | inputs | ok | refused | crash | hang > 2 s |", "|---|---|---|---|---|---|"]
    for kind, _ in KINDS:
        total = sum(v for (k, o), v in counts.items() if k == kind)
        rows.append(f"| {kind} | {total:,} | {counts[(kind, 'ok')]:,} | {counts[(kind, 'refused')]:,} | "
                    f"{counts[(kind, 'crash')]:,} | {counts[(kind, 'hang')]:,} |")
    body = "\n".join([
        f"Commit {measured}, CPU {cpu_model()}, one process at nice 19 on the shared 2-core VM, seed {args.seed}.",
        "",
        f"**{ran:,} of {len(indices):,} inputs ran** in {elapsed / 60:.1f} min"
        + (f" (the inputs #{args.only.replace(',', ', #')})" if args.only else "")
        + (" (stopped by a signal)" if interrupted else
           f" (stopped by --max-seconds {args.max_seconds:.0f})" if ran < len(indices) else "")
        + f": **{n_crash} crashes, {n_hang} hangs over {HANG_SECONDS:.0f} s of CPU, peak RSS {peak_mb:.0f} MB**; "
          f"slowest input {slowest[0]:.2f} s of CPU ({slowest[1]}); {len(slow_wall)} input(s) over "
          f"{HANG_SECONDS:.0f} s of wall time (waiting for the shared cores included).",
        "",
        *rows,
        "",
        *(["Crashes (first 20):", *[f"- {c}" for c in crashes], ""] if crashes else []),
        *(["Hangs (first 20):", *[f"- {h}" for h in hangs], ""] if hangs else []),
        *(["Over 2 s of wall time (first 20):", *[f"- {h}" for h in slow_wall[:20]], ""] if slow_wall else []),
    ])
    print(body)
    if not args.no_write:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")
        append_section("RESULTS-soak.md", f"Front-door soak ({stamp} UTC)", body)
    return 1 if n_crash or n_hang else 0


if __name__ == "__main__":
    sys.exit(main())

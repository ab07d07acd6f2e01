#!/usr/bin/env python3
"""Write the per-article extraction output of the seed, example and dev corpora as JSONL
snapshots, which tests/quality/test_snapshots.py compares the current code against.

    PYTHONPATH=src .venv/bin/python tools/snapshot_reports.py            # rewrite tests/quality/snapshots/
    PYTHONPATH=src .venv/bin/python tools/snapshot_reports.py --check    # compare only; exit 1 on a difference
    .venv/bin/python tools/snapshot_reports.py --src /tmp/ref/src --out /tmp/ref-snap   # another checkout's code

Why: speed work must change how the rules run, never what they find. Rewrite the snapshots
only when a rule change is meant to change output, and commit them with that change, so the
diff of the snapshot files shows exactly what the rule change did.

Each line is one page, in path order: the page's path relative to its corpus, the error if it
failed, the cleaned article's title, publication date and a hash of its text (so cleaning is
covered too), and its reports exactly as `Report.to_dict()` gives them. For the corpora in
../shared (third-party news), sentences are not copied into the project: the title and each
evidence quote are replaced by their SHA-1 (offsets stay, so a moved quote still shows).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SNAPSHOTS = REPO / "tests" / "quality" / "snapshots"


def corpora(repo: Path = REPO, shared: Path = SHARED) -> dict[str, Path]:
    """Snapshot name -> corpus folder."""
    return {"seeds": shared / "corpus" / "seeds", "examples": repo / "examples", "dev": shared / "corpus" / "dev"}


def _sha1(text: str | None) -> str | None:
    return None if text is None else hashlib.sha1(text.encode("utf-8")).hexdigest()


def _quote_free(report: dict[str, Any]) -> dict[str, Any]:
    """The report with its evidence quotes replaced by their hashes."""
    evidence = [{**{k: v for k, v in ev.items() if k != "text"}, "text_sha1": _sha1(ev.get("text"))}
                for ev in report.get("evidence") or []]
    return {**report, "evidence": evidence}


def page_rows(folder: Path, *, quote_free: bool) -> Iterator[dict[str, Any]]:
    """One row per page of `folder`, in the pipeline's own (path) order."""
    from attackwatch.pipeline import extract_paths

    for res in extract_paths([str(folder)]):
        rel = Path(res.path).resolve().relative_to(folder.resolve()).as_posix()
        row: dict[str, Any] = {"page": rel}
        if res.error:
            # the message names the file by its full path: keep it checkout-independent
            row["error"] = res.error.replace(str(folder.resolve()), "<corpus>").replace(str(folder), "<corpus>")
        if res.article is not None:
            art = res.article
            row["title"] = _sha1(art.title) if quote_free else art.title
            row["published"] = art.published.isoformat() if art.published else None
            row["text_sha1"] = hashlib.sha1(art.text.encode("utf-8")).hexdigest()
        reports = [r.to_dict() for r in res.reports]
        row["reports"] = [_quote_free(r) for r in reports] if quote_free else reports
        yield row


def snapshot_lines(folder: Path) -> list[str]:
    quote_free = SHARED.resolve() in folder.resolve().parents
    return [json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"
            for row in page_rows(folder, quote_free=quote_free)]


def first_difference(expected: list[str], actual: list[str]) -> str | None:
    """A short description of the first differing page, or None when identical."""
    for i, (e, a) in enumerate(zip(expected, actual)):
        if e != a:
            page = json.loads(e).get("page")
            return f"line {i + 1} (page {page}):\n  expected {e.strip()[:600]}\n  actual   {a.strip()[:600]}"
    if len(expected) != len(actual):
        return f"{len(expected)} pages expected, {len(actual)} found"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=SNAPSHOTS, help="folder for NAME.jsonl (default: %(default)s)")
    ap.add_argument("--src", type=Path, help="import attackwatch from this src/ folder (another checkout)")
    ap.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    ap.add_argument("--only", choices=sorted(corpora()), action="append", help="just this corpus (repeatable)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.src.resolve() if args.src else REPO / "src"))
    status = 0
    for name, folder in corpora().items():
        if args.only and name not in args.only:
            continue
        if not folder.is_dir():
            print(f"{name}: corpus folder {folder} not found, skipped", file=sys.stderr)
            continue
        lines = snapshot_lines(folder)
        path = args.out / f"{name}.jsonl"
        if args.check:
            expected = path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []
            diff = first_difference(expected, lines)
            print(f"{name}: {'identical' if diff is None else 'DIFFERENT at ' + diff}")
            status |= diff is not None
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_text("".join(lines), encoding="utf-8")
            print(f"{name}: {len(lines)} pages -> {path}")
    return status


if __name__ == "__main__":
    sys.exit(main())

"""Find input pages, read and decode them, and read their sidecars.

Every failure is an `InputError` naming the file and the reason, so a batch can report
it on one line and go on.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

PAGE_SUFFIXES = (".txt", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024  # no news article is this big; a larger file is a mistake


class InputError(Exception):
    """A page that cannot be read; str() is the one-line message for stderr."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class RawPage:
    """A page as read from disk (or stdin), decoded, with its sidecar."""

    id: str
    kind: str  # "text" | "html"
    content: str
    path: str
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"


def iter_page_paths(paths: list[str]) -> Iterator[str]:
    """Expand folders recursively (sorted) into page files; `-` stands for stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in PAGE_SUFFIXES:
                    yield str(child)
        else:
            yield p


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def parse_published(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10]) if len(value) >= 10 else datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            pass
    raise InputError(where, f"'published' is not an ISO date: {value!r}")


def parse_sidecar(data: bytes, where: str) -> dict[str, Any]:
    """A sidecar's JSON object, with `published` parsed (`where` names it in errors)."""
    try:
        meta = json.loads(data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(where, f"malformed sidecar: {exc}") from exc
    if not isinstance(meta, dict):
        raise InputError(where, "malformed sidecar: expected a JSON object")
    meta["published"] = parse_published(meta.get("published"), where)
    return meta


def read_sidecar(path: Path) -> dict[str, Any]:
    side = sidecar_path(path)
    if not side.exists():
        return {}
    return parse_sidecar(side.read_bytes(), str(side))


_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode page bytes: UTF-8 first, else the charset detector's best guess."""
    if not data.strip():
        raise InputError(where, "empty file")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise InputError(where, "binary file, not a text or HTML page")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise InputError(where, "undecodable bytes: not text in any known encoding")
    # on short texts the detector may pick a Central European code page for Western text
    # (è -> č); prefer Windows-1252/Latin-1 when it reads about as cleanly
    if best.encoding not in _WESTERN and best.encoding.startswith(("cp125", "iso8859", "mac_", "latin")):
        western = [r for r in results if r.encoding in _WESTERN and r.chaos <= best.chaos + 0.05]
        if western:
            best = western[0]
    text = str(best)
    controls = sum(1 for c in text[:4000] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 40:
        raise InputError(where, "binary file, not a text or HTML page")
    return text, best.encoding


def read_page(path_str: str, *, max_bytes: int = MAX_BYTES) -> RawPage:
    """Read one page file (or `-` for stdin) into a RawPage."""
    if path_str == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError("<stdin>", f"input too large (over {max_bytes // (1024 * 1024)} MB)")
        text, enc = decode(data, "<stdin>")
        kind = "html" if text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")) else "text"
        return RawPage(id="stdin", kind=kind, content=text, path="<stdin>", encoding=enc)
    path = Path(path_str)
    if not path.exists():
        raise InputError(path_str, "no such file")
    if path.suffix.lower() not in PAGE_SUFFIXES:
        raise InputError(path_str, f"unsupported file type {path.suffix or '(none)'}: expected .txt, .html or .htm")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(path_str, f"file too large ({size / 1048576:.1f} MB; limit {max_bytes / 1048576:.0f} MB)")
    text, enc = decode(path.read_bytes(), path_str)
    meta = read_sidecar(path)
    kind = "html" if path.suffix.lower() in (".html", ".htm") else "text"
    return RawPage(id=str(meta.get("id") or path.stem), kind=kind, content=text, path=path_str, meta=meta, encoding=enc)

"""Find input pages, read and decode them, and read their sidecars.

Every failure is an `InputError` naming the file and the reason, so a batch can report
it on one line and go on.
"""
from __future__ import annotations

import json
import os
import stat
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterator

from attackwatch.validation import InvalidValue, check_page_meta
from attackwatch.validation import parse_published as _checked_published

PAGE_SUFFIXES = (".txt", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024  # no news article is this big; a larger file is a mistake
MAX_SIDECAR_BYTES = 64 * 1024  # five short fields; more is not a sidecar


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
    """Expand folders recursively (sorted) into page files; `-` stands for stdin. A FIFO or a
    device with a page's name is listed too, so reading it reports it instead of hiding it."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from (str(c) for c in listed(path) if c.suffix.lower() in PAGE_SUFFIXES)
        else:
            yield p


def listed(folder: Path) -> list[Path]:
    """Every entry under `folder` that is not a folder, sorted (an unreadable subfolder or an
    entry vanishing while listed is left out: there is nothing to read)."""
    try:
        return sorted(c for c in folder.rglob("*") if not _is_dir(c))
    except OSError:
        return []


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


_SPECIAL = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def open_regular(path_str: str) -> IO[bytes]:
    """Open a regular file for reading, or raise InputError: a FIFO, a device (a symlink to
    /dev/zero), a socket or a folder is refused before anything is read from it. The file is
    opened without blocking and checked on the open descriptor, so a FIFO cannot hang the
    batch and a file swapped after a check is still caught."""
    try:
        fd = os.open(path_str, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(path_str, "no such file (missing, or removed while the batch ran)") from None
    except OSError as exc:
        raise InputError(path_str, f"cannot be opened: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((name for test, name in _SPECIAL if test(mode)), "not a regular file")
        raise InputError(path_str, f"{kind}, not a regular file: skipped")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_regular(path_str: str, max_bytes: int, what: str = "file") -> bytes:
    """At most `max_bytes` of a regular file, or InputError (too large, special, vanished)."""
    with open_regular(path_str) as fh:
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(path_str, f"unreadable: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        size = os.path.getsize(path_str) if os.path.exists(path_str) else len(data)
        raise InputError(path_str, f"{what} too large ({size / 1048576:.1f} MB; limit {max_bytes / 1048576:.2g} MB)")
    return data


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def parse_published(value: Any, where: str) -> date | None:
    """A publication date (ISO date or date-time, or YYYY-MM) within the accepted years."""
    try:
        return _checked_published("published", value)
    except InvalidValue as exc:
        raise InputError(where, str(exc)) from None


def load_json(data: bytes | str, where: str, label: str) -> Any:
    """JSON from outside, every parser failure one InputError: bad syntax, bad UTF-8, a number
    too long for int() (ValueError), nesting deeper than the recursion limit."""
    try:
        return json.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
        raise InputError(where, f"{label}: {(str(exc).splitlines() or [''])[0][:160]}") from None
    except RecursionError:
        raise InputError(where, f"{label}: nested too deeply") from None


def parse_sidecar(data: bytes, where: str) -> dict[str, Any]:
    """A sidecar's JSON object, checked (validation.check_page_meta), `published` parsed."""
    try:
        return check_page_meta(load_json(data, where, "malformed sidecar"))
    except InvalidValue as exc:
        raise InputError(where, f"malformed sidecar: {exc}") from None


def read_sidecar(path: Path) -> dict[str, Any]:
    side = sidecar_path(path)
    if not os.path.lexists(side):
        return {}
    return parse_sidecar(read_regular(str(side), MAX_SIDECAR_BYTES, "sidecar"), str(side))


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
    if not os.path.lexists(path):
        raise InputError(path_str, "no such file")
    if path.suffix.lower() not in PAGE_SUFFIXES:
        raise InputError(path_str, f"unsupported file type {path.suffix or '(none)'}: expected .txt, .html or .htm")
    text, enc = decode(read_regular(path_str, max_bytes), path_str)
    meta = read_sidecar(path)
    kind = "html" if path.suffix.lower() in (".html", ".htm") else "text"
    return RawPage(id=str(meta.get("id") or path.stem), kind=kind, content=text, path=path_str, meta=meta, encoding=enc)

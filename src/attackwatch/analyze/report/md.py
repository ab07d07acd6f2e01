"""Markdown: images written beside the file (NAME_map.png, NAME_timeline.png) or embedded as
data URIs; text escaped so article sentences cannot inject markup or HTML."""
from __future__ import annotations

import base64
import re
from pathlib import Path

from attackwatch.analyze.report.document import Block, Bullets, Cell, Heading, Image, Link, Paragraph, Table

_SPECIAL = re.compile(r"([\\`*_\[\]#!|~])")


def md_escape(text: str) -> str:
    text = " ".join(str(text).split())  # a newline in a cell would break the table
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def _url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _cell(c: Cell) -> str:
    if isinstance(c, list):
        return "; ".join(_cell(x) for x in c)
    if isinstance(c, Link):
        # a link to a row of the report is HTML-only: Markdown has no row anchors
        return f"[{md_escape(c.text)}]({_url(c.url)})" if c.url and not c.url.startswith("#") else md_escape(c.text)
    return md_escape(str(c))


def render_md(title: str, blocks: list[Block], output: Path, embed: bool = False) -> list[Path]:
    """Write the Markdown file (and its images unless embedded); returns the files written."""
    written: list[Path] = []
    lines = [f"# {md_escape(title)}", ""]
    for b in blocks:
        if isinstance(b, Heading):
            lines += [f"## {md_escape(b.text)}", ""]
        elif isinstance(b, Paragraph):
            lines += [f"*{md_escape(b.text)}*" if b.small else md_escape(b.text), ""]
        elif isinstance(b, Bullets):
            lines += [f"- {md_escape(item)}" for item in b.items] + [""]
        elif isinstance(b, Image):
            if embed:
                src = "data:image/png;base64," + base64.b64encode(b.png).decode("ascii")
            else:
                path = output.with_name(f"{output.stem}_{b.name}.png")
                path.write_bytes(b.png)
                written.append(path)
                src = _url(path.name)
            lines += [f"![{md_escape(b.alt)}]({src})", ""]
        elif isinstance(b, Table):
            lines.append("| " + " | ".join(md_escape(h) or " " for h in b.headers) + " |")
            lines.append("|" + "---|" * len(b.headers))
            for row in b.rows:
                lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
            lines.append("")
    output.write_text("\n".join(lines), encoding="utf-8")
    return [output, *written]

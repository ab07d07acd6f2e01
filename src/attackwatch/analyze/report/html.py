"""Self-contained HTML: images embedded as base64 PNG, no scripts, no network, every piece of
text (article sentences are untrusted) passed through html.escape."""
from __future__ import annotations

import base64
from html import escape

from attackwatch.analyze.report.document import Block, Cell, Heading, Image, Link, Paragraph, Table

CSS = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 1.5rem auto; max-width: 1100px;
       color: #222; line-height: 1.4; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; padding-bottom: .15rem; margin-top: 1.6rem; }
p.small { color: #555; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; font-size: .8rem; margin: .4rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .35rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
td.evidence { color: #444; font-style: italic; }
img { max-width: 100%; height: auto; border: 1px solid #eee; }
"""


def _cell(c: Cell) -> str:
    if isinstance(c, list):
        return "<br>".join(_cell(x) for x in c)
    if isinstance(c, Link):
        if c.url:
            return f'<a href="{escape(c.url, quote=True)}" rel="noopener noreferrer">{escape(c.text)}</a>'
        return escape(c.text)
    return escape(str(c))


def _block(b: Block) -> str:
    if isinstance(b, Heading):
        return f'<section id="{escape(b.anchor, quote=True)}"><h2>{escape(b.text)}</h2>'
    if isinstance(b, Paragraph):
        cls = ' class="small"' if b.small else ""
        return f"<p{cls}>{escape(b.text)}</p>"
    if isinstance(b, Image):
        data = base64.b64encode(b.png).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{escape(b.alt, quote=True)}">'
    if isinstance(b, Table):
        head = "".join(f"<th>{escape(h)}</th>" for h in b.headers)
        rows = []
        for row in b.rows:
            cells = []
            for h, c in zip(b.headers, row):
                # evidence may be Arabic: the browser picks its direction from its first strong letter
                cls = ' class="evidence" dir="auto"' if h.startswith("evidence") else ""
                cells.append(f"<td{cls}>{_cell(c)}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    raise TypeError(f"unknown block {b!r}")


def render_html(title: str, blocks: list[Block]) -> str:
    body: list[str] = []
    open_section = False
    for b in blocks:
        if isinstance(b, Heading):
            if open_section:
                body.append("</section>")
            open_section = True
        body.append(_block(b))
    if open_section:
        body.append("</section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")

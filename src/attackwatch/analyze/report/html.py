"""Self-contained HTML: images embedded as base64 PNG, no scripts, no network, every piece of
text (article sentences are untrusted) passed through html.escape."""
from __future__ import annotations

import base64
from html import escape

from attackwatch.analyze.report.document import Block, Bullets, Cell, Heading, Image, Link, Paragraph, Table

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
ul.summary { padding-left: 1.2rem; } ul.summary li { margin: .15rem 0; }
tr:target { background: #fff6cc; }
td { overflow-wrap: break-word; }
td.day { white-space: nowrap; }
td.id, td.id a { white-space: nowrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .75rem; }
/* a phone: each row a card, each cell under its column's name */
@media (max-width: 760px) {
  body { padding: 0 .6rem; }
  table, thead, tbody, tr, td { display: block; width: 100%; box-sizing: border-box; }
  thead { position: absolute; left: -9999px; }
  tr { border: 1px solid #ddd; margin: 0 0 .6rem; padding: .2rem 0; }
  td { border: none; padding: .15rem .5rem; display: grid; grid-template-columns: 6.5rem 1fr; gap: .4rem; }
  td::before { content: attr(data-label); font-weight: 600; color: #555; font-style: normal; }
}
"""


def _cell(c: Cell) -> str:
    if isinstance(c, list):
        return "<br>".join(_cell(x) for x in c)
    if isinstance(c, Link):
        if c.url and c.url.startswith("#"):  # a row of this report
            return f'<a href="{escape(c.url, quote=True)}">{escape(c.text)}</a>'
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
    if isinstance(b, Bullets):
        return '<ul class="summary">' + "".join(f"<li>{escape(item)}</li>" for item in b.items) + "</ul>"
    if isinstance(b, Image):
        data = base64.b64encode(b.png).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{escape(b.alt, quote=True)}">'
    if isinstance(b, Table):
        head = "".join(f"<th>{escape(h)}</th>" for h in b.headers)
        rows = []
        ids = b.row_ids or [None] * len(b.rows)
        for row, row_id in zip(b.rows, ids):
            cells = []
            for h, c in zip(b.headers, row):
                # evidence may be Arabic: dir=auto lets the browser take its direction from its first letter
                cls = (' class="evidence" dir="auto"' if h.startswith("evidence") else ' class="id"' if h in ("id", "incidents")
                       else ' class="day"' if h in ("date", "from", "to") else "")
                cells.append(f'<td{cls} data-label="{escape(h, quote=True)}"><span>{_cell(c)}</span></td>')
            anchor = f' id="{escape(row_id, quote=True)}"' if row_id else ""
            rows.append(f"<tr{anchor}>" + "".join(cells) + "</tr>")
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
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
            f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")

"""PDF through fpdf2 (optional: `pip install attackwatch[pdf]`), with the DejaVu font that
ships with matplotlib so any Unicode in article text prints."""
from __future__ import annotations

import io
import re
from pathlib import Path

from attackwatch.analyze.report.document import Block, Cell, Heading, Image, Link, Paragraph, Table

PDF_MISSING = "PDF output needs fpdf2: pip install attackwatch[pdf]"


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _text(c: Cell) -> str:
    if isinstance(c, list):
        return "\n".join(_text(x) for x in c)
    if isinstance(c, Link):
        return c.text
    return str(c)


_RTL = re.compile(r"[\u0590-\u08ff]")


def _has_rtl(blocks: list[Block]) -> bool:
    for b in blocks:
        if isinstance(b, (Heading, Paragraph)) and _RTL.search(b.text):
            return True
        if isinstance(b, Table) and any(_RTL.search(_text(c)) for row in b.rows for c in row):
            return True
    return False


def render_pdf(title: str, blocks: list[Block], output: Path) -> list[Path]:
    try:
        from fpdf import FPDF
        from fpdf.fonts import FontFace
    except ImportError as exc:
        raise RuntimeError(PDF_MISSING) from exc

    pdf = FPDF(orientation="landscape", format="A4")
    fonts = _font_dir()
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(fonts / "DejaVuSans-Oblique.ttf"))
    if _has_rtl(blocks):
        # Arabic evidence: letters joined and lines ordered right to left by HarfBuzz shaping
        # (uharfbuzz, in the pdf extra); without it the letters would print unjoined, left to right
        pdf.set_text_shaping(True)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    pdf.set_title(title)
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    for b in blocks:
        if isinstance(b, Heading):
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(0, 7, b.text, new_x="LMARGIN", new_y="NEXT")
        elif isinstance(b, Paragraph):
            pdf.set_font("DejaVu", "I" if b.small else "", 8 if b.small else 10)
            pdf.multi_cell(0, 5, b.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(b, Image):
            if pdf.get_y() > pdf.h - 100:
                pdf.add_page()
            pdf.image(io.BytesIO(b.png), w=170 if b.name == "map" else 230)
        elif isinstance(b, Table):
            pdf.set_font("DejaVu", "", 7)
            widths = tuple(b.widths) if b.widths else None
            with pdf.table(col_widths=widths, headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
                           line_height=3.6, text_align="LEFT") as table:
                table.row(b.headers)
                for row in b.rows:
                    r = table.row()
                    for c in row:
                        link = c.url if isinstance(c, Link) else None
                        r.cell(_text(c), link=link) if link else r.cell(_text(c))
            pdf.ln(2)
    pdf.output(str(output))
    return [output]

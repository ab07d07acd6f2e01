"""PDF through fpdf2 (optional: `pip install attackwatch[pdf]`), with the DejaVu font that
ships with matplotlib so any Unicode in article text prints."""
from __future__ import annotations

import io
import re
from pathlib import Path

import struct

from attackwatch.analyze.report.document import Block, Bullets, Cell, Heading, Image, Link, Paragraph, Table

PDF_MISSING = "PDF output needs fpdf2: pip install attackwatch[pdf]"
IMAGE_WIDTHS = {"map": 170.0, "timeline": 230.0}  # mm on a landscape A4 page
MIN_IMAGE_SCALE = 0.6  # an image shrinks this far to stay on the page with its heading, no further
HEADING_MM = 9.0


def _png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR chunk."""
    return struct.unpack(">II", png[16:24])


def _image_mm(b: Image) -> tuple[float, float]:
    px_w, px_h = _png_size(b.png)
    w = IMAGE_WIDTHS.get(b.name, 230.0)
    return w, w * px_h / px_w


def _min_height(b: Block | None) -> float:
    """How much of a block must fit below a heading for the heading not to stand alone: an
    image (at its smallest scale), a table's header and first rows, a paragraph's first lines."""
    if isinstance(b, Image):
        return _image_mm(b)[1] * MIN_IMAGE_SCALE
    if isinstance(b, Table):
        return 22.0
    if isinstance(b, (Paragraph, Bullets)):
        return 12.0
    return 0.0


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
    bottom = pdf.h - 12  # the page-break trigger: the auto-break margin
    for i, b in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(b, Heading):
            # a heading stays with the start of what it heads
            if pdf.get_y() + HEADING_MM + _min_height(following) > bottom:
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(0, 7, b.text, new_x="LMARGIN", new_y="NEXT")
        elif isinstance(b, Paragraph):
            if isinstance(following, Table) and pdf.get_y() + 6 + _min_height(following) > bottom:
                pdf.add_page()  # a table's caption stays with the table
            pdf.set_font("DejaVu", "I" if b.small else "", 8 if b.small else 10)
            pdf.multi_cell(0, 5, b.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(b, Bullets):
            pdf.set_font("DejaVu", "", 10)
            for item in b.items:
                pdf.multi_cell(0, 5, "\u2022 " + item, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(b, Image):
            w, h = _image_mm(b)
            room = bottom - pdf.get_y()
            if h > room:
                if h * MIN_IMAGE_SCALE <= room:
                    w, h = w * room / h, room  # shrink to the room left under its heading
                else:
                    pdf.add_page()
            pdf.image(io.BytesIO(b.png), w=w, h=h)
        elif isinstance(b, Table):
            pdf.set_font("DejaVu", "", 7)
            widths = tuple(b.widths) if b.widths else None
            with pdf.table(col_widths=widths, headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
                           line_height=3.6, text_align="LEFT", repeat_headings=1) as table:
                table.row(b.headers)
                for row in b.rows:
                    r = table.row()
                    for c in row:
                        link = c.url if isinstance(c, Link) and c.url and not c.url.startswith("#") else None
                        r.cell(_text(c), link=link) if link else r.cell(_text(c))
            pdf.ln(2)
    pdf.output(str(output))
    return [output]

"""The situation report: `build_report` computes what it says (data.py), `render` writes it
as self-contained HTML, Markdown (+ PNG images beside it) or PDF."""
from __future__ import annotations

from pathlib import Path

from attackwatch.analyze.report.data import ReportData, build_report

FORMATS = ("html", "md", "pdf")


def render(data: ReportData, fmt: str, output: Path, boundaries: list | None = None,
           embed_images: bool = False) -> list[Path]:
    """Write the report; returns the files written. `boundaries`: GeoJSON features for the
    map (default: the pack's boundaries.geojson when present)."""
    from attackwatch.analyze.report.charts import map_png, timeline_png
    from attackwatch.analyze.report.document import build_document

    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (html, md, pdf)")
    if fmt == "pdf":
        try:
            import fpdf  # noqa: F401  (fail before drawing anything)
        except ImportError as exc:
            from attackwatch.analyze.report.pdf import PDF_MISSING

            raise ValueError(PDF_MISSING) from exc
    blocks = build_document(data, map_png(data, boundaries), timeline_png(data))
    if fmt == "html":
        from attackwatch.analyze.report.html import render_html

        output.write_text(render_html(data.title, blocks), encoding="utf-8")
        return [output]
    if fmt == "md":
        from attackwatch.analyze.report.md import render_md

        return render_md(data.title, blocks, output, embed=embed_images)
    from attackwatch.analyze.report.pdf import render_pdf

    return render_pdf(data.title, blocks, output)


__all__ = ["FORMATS", "ReportData", "build_report", "render"]

"""`--min-confidence` on `attackwatch extract` (per-article reports) and on the analytics
commands, and the confidence column of the extract table. The pages are written for the test."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from attackwatch.cli import main

PAGES = {
    # a strike told in full, and a vague aside in the same page
    "full": ("2024-03-07", "Three rockets struck Ain al-Asad Air Base in Anbar province on Tuesday, wounding two "
                           "American soldiers, the US-led coalition said in a statement. Kata'ib Hezbollah claimed "
                           "responsibility for the attack in a message on Telegram.\n\nSeparately, a rocket attack hit "
                           "a base in Syria in recent weeks, a monitor said."),
    "convoy": ("2024-02-06", "A roadside bomb struck a convoy carrying supplies for the US-led coalition near Nasiriyah "
                             "in Dhi Qar province on Sunday, local police said. Nobody was hurt in the blast."),
}


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    for name, (published, text) in PAGES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(json.dumps({"id": name, "published": published}), encoding="utf-8")
    return tmp_path


def _extract(pages: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    capsys.readouterr()
    assert main(["extract", str(pages), "--format", "jsonl", *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_extract_min_confidence_keeps_the_reports_at_or_above_it(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everything = _extract(pages, capsys)
    values = sorted(r["confidence"] for r in everything)
    assert len(values) >= 2 and values[0] < values[-1]
    threshold = values[-1]
    kept = _extract(pages, capsys, "--min-confidence", str(threshold))
    assert kept == [r for r in everything if r["confidence"] >= threshold] and len(kept) < len(everything)
    assert _extract(pages, capsys, "--min-confidence", "0") == everything


def test_extract_table_shows_the_confidence(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    everything = _extract(pages, capsys)
    assert main(["extract", str(pages), "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert "confidence" in table
    for r in everything:
        assert f"{r['confidence']:.2f}" in table


def test_analytics_commands_take_min_confidence(pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    assert main(["ingest", str(pages), "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["incidents", "--db", db, "--format", "jsonl"]) == 0
    confidences = [json.loads(line)["confidence"] for line in capsys.readouterr().out.splitlines()]
    threshold = max(confidences)
    assert len(confidences) >= 2 and min(confidences) < threshold

    def counted(*extra: str) -> int:
        assert main(["trends", "--db", db, "--by", "month", "--format", "jsonl", "--as-of", "2024-03-31", *extra]) == 0
        return sum(json.loads(line)["count"] for line in capsys.readouterr().out.splitlines())

    assert counted() == len(confidences)
    assert counted("--min-confidence", str(threshold)) == sum(c >= threshold for c in confidences)
    assert main(["lulls", "--db", db, "--min-confidence", "7"]) == 1
    assert capsys.readouterr().err == "attackwatch: min_confidence: must be a number from 0 to 1, not '7'\n"

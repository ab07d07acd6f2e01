"""`attackwatch review`: the queue in the terminal, verdicts that survive `attackwatch resolve`,
progress, and `review export-gold` scored by the shared scorer. Pages are written for the test."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from attackwatch.cli import main

SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"
PAGES = {
    "wire1": ("2024-03-07", "Three rockets struck Ain al-Asad Air Base in Anbar province on Tuesday, wounding two American "
                            "soldiers, the US-led coalition said in a statement. Kata'ib Hezbollah claimed responsibility "
                            "for the attack in a message on Telegram."),
    "wire2": ("2024-03-06", "Rockets hit Ain al-Asad air base in western Iraq on Tuesday and two US service members were "
                            "wounded, a coalition spokesman said. Kata'ib Hezbollah said it fired them."),
    "convoy": ("2024-02-06", "A roadside bomb struck a convoy carrying supplies for the US-led coalition near Nasiriyah in "
                             "Dhi Qar province on Sunday, local police said. Nobody was hurt in the blast."),
}


@pytest.fixture()
def db(tmp_path: Path) -> str:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, (published, text) in PAGES.items():
        (pages / f"{name}.txt").write_text(text, encoding="utf-8")
        (pages / f"{name}.meta.json").write_text(json.dumps({"id": name, "published": published, "outlet": name}),
                                                 encoding="utf-8")
    path = str(tmp_path / "aw.db")
    assert main(["ingest", "--db", path, "--quiet", str(pages)]) == 0
    return path


def _queue(db: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert main(["review", "--db", db, "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_review_queue_verdicts_resolve_and_gold(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queue = _queue(db, capsys)
    assert len(queue) == 2  # the two wires are one incident
    assert [q["confidence"] for q in queue] == sorted(q["confidence"] for q in queue)
    assert main(["review", "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "2 incident(s) to review" in shown and "Nasiriyah" in shown and "roadside bomb" in shown  # evidence shown
    base = next(q for q in queue if q["n_sources"] == 2)
    convoy = next(q for q in queue if q["n_sources"] == 1)
    assert main(["review", "confirm", base["id"], "--db", db, "--note", "CENTCOM statement", "--author", "ana"]) == 0
    assert main(["review", "reject", convoy["id"], "--db", db]) == 0
    assert "rejected" in capsys.readouterr().out
    assert _queue(db, capsys) == []
    assert main(["resolve", "--db", db]) == 0  # verdicts are re-applied after re-resolution
    capsys.readouterr()
    assert main(["incidents", "--db", db, "--format", "jsonl"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in listed] == [base["id"]] and listed[0]["review"] == "confirmed"
    assert main(["review", "progress", "--db", db, "--format", "json"]) == 0
    progress = json.loads(capsys.readouterr().out)
    assert (progress["confirmed"], progress["rejected"], progress["pending"]) == (1, 1, 0)
    out = tmp_path / "gold"
    assert main(["review", "export-gold", "--db", db, "-o", str(out)]) == 0
    gold = [json.loads(line) for line in (out / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(g["article"] for g in gold) == ["wire1", "wire2"] and (out / "wire1.txt").is_file()
    assert not (out / "convoy.txt").exists()
    if SCORER.is_file():
        result = subprocess.run([sys.executable, str(SCORER), "--gold", str(out), "--pred", str(out / "gold.jsonl"),
                                 "--canonical", str(out / "incidents.jsonl"), "--json"],
                                capture_output=True, text=True, check=True)
        scores = json.loads(result.stdout)
        assert scores["incidents"]["f1"] == 1.0 and scores["dedup"]["f1"] == 1.0
    # the rejected one is listed on request (and only there)
    capsys.readouterr()
    assert main(["review", "--db", db, "--state", "rejected", "--format", "jsonl"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == [convoy["id"]]
    # reopening puts the rejected incident back in the queue
    assert main(["review", "reopen", convoy["id"], "--db", db]) == 0
    assert [q["id"] for q in _queue(db, capsys)] == [convoy["id"]]


def test_a_verdict_on_an_unknown_incident_is_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["review", "confirm", "inc_nope", "--db", db]) == 1
    assert capsys.readouterr().err.strip() == "attackwatch: no incident inc_nope"

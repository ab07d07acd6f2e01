"""The `attackwatch` command line: `extract` (jsonl / json / table, --published, stdin) and `clean`.

Fixture articles are written here for the purpose (not taken from any outlet).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from attackwatch.pipeline import load_article

ALPHA_TXT = """Drones target air base in western Iraq

By Test Wire staff

Two drones targeted Ain al-Asad air base in Anbar province on Monday, wounding three American service members, a US defense official said.

The Islamic Resistance in Iraq claimed responsibility for the attack in a statement on its Telegram channel.

Share this article

Advertisement
"""
ALPHA_META = {"id": "alpha", "url": "https://wire.example/alpha", "outlet": "Test Wire",
              "title": "Drones target air base in western Iraq", "published": "2024-01-17"}

BRAVO_HTML = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Roadside bomb hits supply convoy | Desert Courier</title>
<meta property="og:site_name" content="Desert Courier"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/iraq">Iraq</a></li><li><a href="/about">About us</a></li></ul></nav>
<header><a href="/">Desert Courier</a></header>
<main>
<article>
<h1>Roadside bomb hits supply convoy in southern Iraq</h1>
<p>A roadside bomb struck a convoy carrying supplies for the US-led coalition near Nasiriyah in Dhi Qar province on Sunday, local police said.</p>
<p>Nobody was hurt in the blast, which damaged one truck, the police officer added. No group immediately claimed the attack.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Weather turns hot across the south</a></li><li><a href="/y">Football league resumes</a></li></ul></aside>
</main>
<footer><p>&copy; 2024 Desert Courier. All rights reserved.</p></footer>
</body>
</html>
"""
BRAVO_META = {"id": "bravo", "outlet": "Desert Courier", "published": "2024-02-06"}

CONTRACT_FIELDS = ("article_id", "date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type",
                   "target_actor", "place", "admin1", "admin1_code", "country", "country_code", "latitude",
                   "longitude", "geo_precision", "killed", "injured", "intercepted", "confirmation", "background",
                   "evidence")
VALUE_SETS = {
    "event_type": {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Air/drone strike",
                   "Armed clash", "Attack", "Suicide bomb", "Grenade", "Disrupted weapons use", "Other"},
    "weapon": {"ied", "rocket", "missile", "drone", "mortar", "small_arms", "airstrike", "grenade", "unknown"},
    "target_type": {"convoy", "military_base", "diplomatic", "airport", "personnel", "civilian", "militia_position",
                    "other"},
    "confirmation": {"confirmed", "denied", "unconfirmed", "not_mentioned"},
    "geo_precision": {"site", "town", "admin1", "country"},
    "date_precision": {"day", "week", "month", "year", None},
}


def run(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "attackwatch.cli", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", env=full_env, timeout=180)


def jsonl(proc: subprocess.CompletedProcess) -> list[dict]:
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "articles"
    root.mkdir()
    (root / "alpha.txt").write_text(ALPHA_TXT, encoding="utf-8")
    (root / "alpha.meta.json").write_text(json.dumps(ALPHA_META), encoding="utf-8")
    (root / "bravo.html").write_text(BRAVO_HTML, encoding="utf-8")
    (root / "bravo.meta.json").write_text(json.dumps(BRAVO_META), encoding="utf-8")
    (root / "notes.md").write_text("not a page: folders only pick up .txt/.html/.htm", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rows(folder) -> list[dict]:
    return jsonl(run("extract", str(folder), "--format", "jsonl"))


@pytest.fixture(scope="module")
def texts(folder) -> dict[str, str]:
    return {"alpha": load_article(str(folder / "alpha.txt")).text,
            "bravo": load_article(str(folder / "bravo.html")).text}


# ------------------------------------------------------------------ extract --format jsonl

def test_jsonl_lines_carry_every_contract_field(rows):
    assert rows
    for r in rows:
        missing = [f for f in CONTRACT_FIELDS if f not in r]
        assert not missing, missing


def test_jsonl_values_are_within_the_contract(rows):
    for r in rows:
        for key, allowed in VALUE_SETS.items():
            assert r[key] in allowed, (key, r[key])
        assert isinstance(r["claimed"], bool) and isinstance(r["background"], bool)
        assert r["intercepted"] in (None, True, False)
        for key in ("killed", "injured"):
            assert r[key] is None or (type(r[key]) is int and r[key] >= 0)
        if r["date"] is not None:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", r["date"])
        assert isinstance(r["country"], str) and re.fullmatch(r"[A-Z]{2}", r["country_code"])
        assert r["latitude"] is None or -90 <= r["latitude"] <= 90
        assert r["longitude"] is None or -180 <= r["longitude"] <= 180


def test_every_article_in_the_folder_is_reported(rows):
    assert {r["article_id"] for r in rows} == {"alpha", "bravo"}


def test_evidence_offsets_point_into_the_extracted_text(rows, texts):
    for r in rows:
        assert r["evidence"], r
        for ev in r["evidence"]:
            assert set(ev) >= {"text", "start", "end"}
            assert texts[r["article_id"]][ev["start"]:ev["end"]] == ev["text"]


def test_fixture_articles_are_read_as_written(rows):
    alpha = [r for r in rows if r["article_id"] == "alpha"]
    bravo = [r for r in rows if r["article_id"] == "bravo"]
    assert len(alpha) == 1 and len(bravo) == 1
    a, b = alpha[0], bravo[0]
    assert (a["weapon"], a["admin1_code"], a["country_code"]) == ("drone", "IQ-AN", "IQ")
    assert a["date"] == "2024-01-15" and a["date_precision"] == "day"  # "Monday" before the sidecar's 2024-01-17
    assert a["injured"] == 3 and a["claimed"] is True
    assert (b["weapon"], b["target_type"], b["admin1_code"]) == ("ied", "convoy", "IQ-DQ")
    assert b["date"] == "2024-02-04"  # "Sunday" before the sidecar's 2024-02-06


# ------------------------------------------------------------------ --published, stdin, formats

def test_published_option_overrides_sidecars(folder):
    rows = jsonl(run("extract", str(folder), "--format", "jsonl", "--published", "2023-06-14"))
    dates = {r["article_id"]: r["date"] for r in rows}
    assert dates == {"alpha": "2023-06-12", "bravo": "2023-06-11"}  # Monday / Sunday before Wed 2023-06-14


def test_published_option_must_be_an_iso_date(folder):
    proc = run("extract", str(folder), "--published", "14/06/2023")
    assert proc.returncode == 2
    assert "not an ISO date" in proc.stderr
    assert proc.stdout == ""


def test_dash_reads_the_page_from_stdin():
    rows = jsonl(run("extract", "-", "--format", "jsonl", "--published", "2024-01-17", stdin=ALPHA_TXT))
    assert rows and {r["article_id"] for r in rows} == {"stdin"}
    assert rows[0]["admin1_code"] == "IQ-AN" and rows[0]["date"] == "2024-01-15"


def test_dash_reads_html_from_stdin():
    rows = jsonl(run("extract", "-", "--format", "jsonl", "--published", "2024-02-06", stdin=BRAVO_HTML))
    assert [(r["article_id"], r["admin1_code"]) for r in rows] == [("stdin", "IQ-DQ")]
    assert all("<" not in ev["text"] for r in rows for ev in r["evidence"])


def test_json_format_is_one_array(folder, rows):
    proc = run("extract", str(folder), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert isinstance(data, list) and data == rows


def test_table_format(folder):
    proc = run("extract", str(folder), "--format", "table", env={"COLUMNS": "220"})
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for header in ("article", "date", "place", "admin1", "weapon", "event", "actor", "claimed"):
        assert header in out
    assert "alpha" in out and "bravo" in out
    assert "drone" in out and "ied" in out
    assert "2024-01-15" in out
    assert not out.lstrip().startswith("{")


def test_default_format_off_a_terminal_is_jsonl(folder, rows):
    proc = run("extract", str(folder))
    assert [json.loads(line) for line in proc.stdout.splitlines()] == rows


def test_console_script_is_installed(folder):
    script = Path(sys.executable).parent / "attackwatch"
    if not script.exists():
        pytest.skip("console script not installed beside this interpreter")
    proc = subprocess.run([str(script), "extract", str(folder / "alpha.txt"), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["article_id"] for line in proc.stdout.splitlines()] == ["alpha"]


# ------------------------------------------------------------------ clean

def test_clean_prints_kept_text_and_dropped_chrome(folder):
    proc = run("clean", str(folder / "alpha.txt"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    lines = out.splitlines()
    assert lines[0] == "# Drones target air base in western Iraq"
    assert "published: 2024-01-17 (sidecar)" in lines[1] and "outlet: Test Wire" in lines[1]
    body, _, dropped = out.partition("# dropped as page chrome")
    assert "Two drones targeted Ain al-Asad air base in Anbar province on Monday" in body
    assert "The Islamic Resistance in Iraq claimed responsibility" in body
    for chrome in ("Share this article", "Advertisement"):
        assert chrome not in body.split("\n", 2)[2]  # not in the kept text
        assert re.search(rf"^#   \[[^\]]+\] {chrome}$", dropped, re.M), dropped
    m = re.match(r" \((\d+) lines\):", dropped)
    assert m and int(m.group(1)) == len(re.findall(r"^#   \[", dropped, re.M))


def test_clean_published_option_wins(folder):
    proc = run("clean", str(folder / "alpha.txt"), "--published", "2023-06-14")
    assert proc.returncode == 0, proc.stderr
    assert "published: 2023-06-14 (argument)" in proc.stdout


def test_clean_json_text_matches_library(folder, texts):
    proc = run("clean", str(folder / "alpha.txt"), str(folder / "bravo.html"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["alpha", "bravo"]
    assert docs[0]["text"] == texts["alpha"] and docs[1]["text"] == texts["bravo"]
    assert docs[0]["published"] == "2024-01-17" and docs[0]["published_source"] == "sidecar"
    assert any(d["text"] == "Share this article" for d in docs[0]["dropped"])
    assert "Most read" not in docs[1]["text"] and "All rights reserved" not in docs[1]["text"]


def test_clean_html_drops_navigation(folder):
    proc = run("clean", str(folder / "bravo.html"))
    assert proc.returncode == 0, proc.stderr
    assert "A roadside bomb struck a convoy" in proc.stdout
    assert "About us" not in proc.stdout


def test_version_and_help():
    assert run("--version").stdout.strip() == "attackwatch 0.1.0"
    proc = run("--help")
    assert proc.returncode == 0 and "extract" in proc.stdout and "clean" in proc.stdout
    assert run().returncode == 2  # a command is required


def test_date_helper_is_iso():
    assert date.fromisoformat("2023-06-14").weekday() == 2  # the --published dates above are Wednesdays

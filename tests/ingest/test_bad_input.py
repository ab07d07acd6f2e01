"""Bad inputs in a batch: each one gets exactly one clear line naming the file and the reason,
the rest of the batch still processes, and the exit status says something failed.

Checked both through the library front door (`extract_paths`, which never raises for bad
input) and through the CLI (`python -m attackwatch.cli extract ...`).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from attackwatch.ingest.files import MAX_BYTES
from attackwatch.pipeline import extract_paths

# Our own fixture prose (not taken from any outlet).
# Each carries its year: a page with no publication date and no year reports nothing (issue 10).
GOOD_A = ("Three rockets landed near Ain al-Asad air base in Anbar province on Tuesday, January 9, 2024, an Iraqi security "
          "official said. No casualties were reported, and the US-led coalition said the base was not damaged.\n\n"
          "The Islamic Resistance in Iraq said in a statement that its fighters had fired the rockets.\n")
GOOD_B = ("A drone struck near Harir air base in Erbil province on Friday, January 12, 2024, the Kurdistan Region's "
          "counter-terrorism "
          "service said. The drone was shot down before reaching the base and nobody was hurt.\n")
LATIN1 = ("Café owners in the town said three rockets hit Ain al-Asad air base in Anbar province on Tuesday, "
          "January 9, 2024, an "
          "Iraqi security official said. No casualties were reported, the official added.\n")
# Latin-1 text whose accented letters differ between Latin-1 and the Central European code pages.
LATIN1_ACCENTS = ("The crèche beside the café stayed shut, señor Núñez told reporters, after three rockets hit Ain "
                  "al-Asad air base in Anbar province on Tuesday, January 9, 2024, an Iraqi security official said.\n")
ARABIC = ("سقطت ثلاثة صواريخ على قاعدة عين الأسد الجوية في محافظة الأنبار يوم الثلاثاء، وفق مصدر أمني عراقي. "
          "ولم ترد أنباء عن وقوع إصابات، وقال التحالف إن القاعدة لم تتضرر. وأعلنت جماعة مسلحة مسؤوليتها عن الهجوم "
          "في بيان نشرته على قناتها.\n")
FRENCH = ("Trois roquettes se sont abattues mardi près de la base aérienne d'Aïn al-Asad, dans la province d'Anbar, "
          "a indiqué un responsable de la sécurité irakienne. Aucune victime n'a été signalée selon les autorités, "
          "et la coalition dirigée par les États-Unis a précisé que la base n'avait pas été endommagée par les tirs.\n")
GERMAN = ("Drei Raketen sind am Dienstag in der Nähe des Luftwaffenstützpunkts Ain al-Asad in der Provinz Anbar "
          "eingeschlagen, teilte ein irakischer Sicherheitsbeamter mit. Berichte über Opfer gab es zunächst nicht, "
          "und die von den USA geführte Koalition erklärte, der Stützpunkt sei nicht beschädigt worden.\n")

# stem -> (file name that the error line must name, regex for the reason)
BAD = {
    "empty": ("empty.txt", r"empty file"),
    "whitespace": ("whitespace.txt", r"empty file"),
    "binary": ("binary.txt", r"binary file"),
    "oversize": ("oversize.txt", r"too large"),
    "headonly": ("headonly.html", r"no article text"),
    "emptybody": ("emptybody.html", r"no article text"),
    "french": ("french.txt", r"not English or Arabic \(fr\)"),
    "german": ("german.txt", r"not English or Arabic \(de\)"),
    "sidecarjson": ("sidecarjson.meta.json", r"malformed sidecar"),
    "sidecarpub": ("sidecarpub.meta.json", r"published: is not an ISO date: 'last Tuesday'"),
}
GOOD = {"gooda": None, "goodb": "goodb-id", "latinone": None, "arabic": None}


def _write_batch(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "gooda.txt").write_text(GOOD_A, encoding="utf-8")
    (root / "goodb.txt").write_text(GOOD_B, encoding="utf-8")
    (root / "goodb.meta.json").write_text(json.dumps({"id": "goodb-id", "published": "2024-03-09"}), encoding="utf-8")
    (root / "latinone.txt").write_bytes(LATIN1.encode("latin-1"))
    (root / "empty.txt").write_bytes(b"")
    (root / "whitespace.txt").write_bytes(b"  \n\n\t \r\n")
    rnd = bytes((i * 7919 + 13) % 256 for i in range(6000))  # deterministic "random" bytes, NULs included
    (root / "binary.txt").write_bytes(rnd[:3000] + b"\x00\x00\x00" + rnd[3000:])
    chunk = b"a " * (512 * 1024)  # 1 MiB of text
    with open(root / "oversize.txt", "wb") as fh:  # 50 MiB, over the 5 MiB limit
        for _ in range(50):
            fh.write(chunk)
    (root / "arabic.txt").write_bytes(ARABIC.encode("cp1256"))
    (root / "arabic.meta.json").write_text(json.dumps({"published": "2024-01-10"}), encoding="utf-8")
    (root / "headonly.html").write_text("<html><head><title>Nothing here</title></head></html>", encoding="utf-8")
    (root / "emptybody.html").write_text(
        "<!DOCTYPE html><html><head><title>Empty</title><meta charset='utf-8'></head><body></body></html>",
        encoding="utf-8")
    (root / "french.txt").write_text(FRENCH, encoding="utf-8")
    (root / "german.txt").write_text(GERMAN, encoding="utf-8")
    (root / "sidecarjson.txt").write_text(GOOD_A, encoding="utf-8")
    (root / "sidecarjson.meta.json").write_text('{"id": "broken", "published": ', encoding="utf-8")
    (root / "sidecarpub.txt").write_text(GOOD_A, encoding="utf-8")
    (root / "sidecarpub.meta.json").write_text(json.dumps({"id": "badpub", "published": "last Tuesday"}),
                                               encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    return _write_batch(tmp_path_factory.mktemp("bad_input") / "batch")


@pytest.fixture(scope="module")
def results(batch):
    out = list(extract_paths([str(batch)]))
    return {Path(r.path).stem: r for r in out}


def test_oversize_fixture_is_really_over_the_limit(batch):
    assert (batch / "oversize.txt").stat().st_size == 50 * 1024 * 1024 > MAX_BYTES


# ------------------------------------------------------------------ library

def test_library_yields_one_result_per_page_file(batch, results):
    pages = sorted(p.stem for p in batch.iterdir() if p.suffix in (".txt", ".html"))
    assert sorted(results) == pages
    assert set(results) == set(BAD) | set(GOOD)


@pytest.mark.parametrize("stem", sorted(BAD))
def test_library_bad_input_has_one_line_error_naming_file_and_reason(batch, results, stem):
    name, reason = BAD[stem]
    r = results[stem]
    assert r.error, f"{stem} should have failed"
    assert "\n" not in r.error
    assert str(batch / name) in r.error
    assert re.search(reason, r.error), r.error
    assert r.article is None and r.reports == []


@pytest.mark.parametrize("stem", sorted(GOOD))
def test_library_good_pages_in_the_same_batch_still_process(results, stem):
    r = results[stem]
    assert r.error is None
    assert r.article is not None and r.reports
    assert r.article.id == (GOOD[stem] or stem)


def test_latin1_page_is_decoded_and_processed(results):
    r = results["latinone"]
    assert r.error is None
    assert r.article.text.startswith("Café owners")
    assert any(r2.weapon == "rocket" for r2 in r.reports)
    for rep in r.reports:
        for ev in rep.evidence:
            assert r.article.text[ev.start:ev.end] == ev.text


def test_latin1_accents_decode_exactly(tmp_path):
    page = tmp_path / "accents.txt"
    page.write_bytes(LATIN1_ACCENTS.encode("latin-1"))
    [r] = list(extract_paths([str(page)]))
    assert r.error is None
    assert "crèche" in r.article.text and "señor Núñez" in r.article.text


def test_windows_1256_arabic_is_decoded_not_mojibake(batch):
    from attackwatch.ingest.files import read_page

    raw = read_page(str(batch / "arabic.txt"))
    assert "عين الأسد" in raw.content  # decoded from Windows-1256, not mojibake


def test_arabic_page_goes_to_the_arabic_extractor(results):
    r = results["arabic"]
    assert r.article.language == "ar"
    [rep] = r.reports
    assert (rep.place, rep.admin1, rep.weapon) == ("Ain al-Asad Air Base", "Anbar", "rocket")
    assert r.article.text[rep.evidence[0].start:rep.evidence[0].end] == rep.evidence[0].text


@pytest.mark.parametrize("text, lang", [
    ("Des roquettes ont frappé la base.", "fr"),  # one short sentence: refused all the same
    ("Drei Raketen schlugen ein.", "de"),
    ("سه موشک به پایگاه عین الاسد در استان الانبار اصابت کرد و هیچ تلفاتی گزارش نشده است.", "fa"),
])
def test_short_pages_in_other_languages_are_one_line_naming_the_language(tmp_path, text, lang):
    page = tmp_path / "short.txt"
    page.write_text(text, encoding="utf-8")
    [r] = list(extract_paths([str(page)]))
    assert r.error == f"{page}: not English or Arabic ({lang})"


def test_library_never_raises_for_missing_or_unsupported_paths(tmp_path):
    (tmp_path / "notes.pdf").write_text("x")
    out = list(extract_paths([str(tmp_path / "missing.txt"), str(tmp_path / "notes.pdf")]))
    assert [bool(r.error) for r in out] == [True, True]
    assert "missing.txt: no such file" in out[0].error
    assert "notes.pdf: unsupported file type .pdf" in out[1].error


# ------------------------------------------------------------------ CLI

def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "attackwatch.cli", *args], input=stdin, capture_output=True,
                          env=env, timeout=180)


@pytest.fixture(scope="module")
def cli_run(batch):
    return _cli("extract", str(batch), "--format", "jsonl")


def test_cli_exit_status_says_something_failed(cli_run):
    assert cli_run.returncode == 1, cli_run.stderr.decode()


def test_cli_one_stderr_line_per_bad_input(batch, cli_run):
    lines = cli_run.stderr.decode("utf-8").splitlines()
    skipped = [ln for ln in lines if ln.startswith("attackwatch: skipped ")]
    assert len(skipped) == len(BAD), lines
    for stem, (name, reason) in BAD.items():
        mine = [ln for ln in skipped if str(batch / name) in ln]
        assert len(mine) == 1, (stem, lines)
        assert re.search(reason, mine[0]), mine[0]
    for stem in GOOD:
        assert not any(f"/{stem}." in ln for ln in lines), lines
    assert lines[-1] == f"attackwatch: {len(BAD)} input(s) failed"
    assert len(lines) == len(BAD) + 1  # nothing else (no tracebacks, no warnings)


def test_cli_good_files_still_produce_json_lines(cli_run):
    rows = [json.loads(ln) for ln in cli_run.stdout.decode("utf-8").splitlines()]
    assert rows
    assert {r["article_id"] for r in rows} == {"gooda", "goodb-id", "latinone", "arabic"}


def test_cli_all_good_batch_exits_zero(tmp_path):
    (tmp_path / "one.txt").write_text(GOOD_A, encoding="utf-8")
    proc = _cli("extract", str(tmp_path), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    assert proc.stdout.strip()


def test_cli_missing_and_unsupported_files_next_to_good_one(tmp_path):
    good = tmp_path / "fine.txt"
    good.write_text(GOOD_B, encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    proc = _cli("extract", str(tmp_path / "nope.txt"), str(tmp_path / "scan.pdf"), str(good), "--format", "jsonl")
    err = proc.stderr.decode().splitlines()
    assert proc.returncode == 1
    assert err == [f"attackwatch: skipped {tmp_path / 'nope.txt'}: no such file",
                   f"attackwatch: skipped {tmp_path / 'scan.pdf'}: unsupported file type .pdf: expected .txt, .html or .htm",
                   "attackwatch: 2 input(s) failed"]
    assert [json.loads(ln)["article_id"] for ln in proc.stdout.decode().splitlines()][:1] == ["fine"]


@pytest.mark.parametrize("data, reason", [
    pytest.param(b"", "empty file", id="empty"),
    pytest.param(b"\x00\x01\x02binary\x00" * 100, "binary file", id="binary"),
    pytest.param(b"a " * (3 * 1024 * 1024), "input too large", id="oversize"),
])
def test_cli_bad_stdin(data, reason):
    proc = _cli("extract", "-", "--format", "jsonl", stdin=data)
    err = proc.stderr.decode().splitlines()
    assert proc.returncode == 1
    assert len(err) == 2 and err[0].startswith("attackwatch: skipped <stdin>: ") and reason in err[0], err
    assert proc.stdout == b""


def test_cli_clean_reports_bad_file_and_goes_on(batch):
    proc = _cli("clean", str(batch / "empty.txt"), str(batch / "gooda.txt"))
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [f"attackwatch: skipped {batch / 'empty.txt'}: empty file"]
    assert "Three rockets landed near Ain al-Asad" in proc.stdout.decode()

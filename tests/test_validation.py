"""The one validation layer (attackwatch.validation): the CLI and the API refuse the same filter
values and field edits with the same words, canonicalise the same spellings, and list the
allowed values in --help and the OpenAPI schema."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from attackwatch.validation import InvalidValue, check_edit, parse_filters, vocabulary

SRC = str(Path(__file__).resolve().parents[1] / "src")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def example_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few example pages ingested (a copy per test module; tests here write only refused edits)."""
    from attackwatch.pipeline import extract_paths
    from attackwatch.store import open_store
    from attackwatch.store.dataset import Dataset

    pages = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))[:6]
    path = tmp_path_factory.mktemp("validation") / "v.db"
    store = open_store(str(path))
    Dataset(store).ingest(extract_paths([str(p) for p in pages]))
    store.close()
    return path


@pytest.mark.parametrize("raw, expected", [
    ({"since": "2024"}, {"since": date(2024, 1, 1)}),
    ({"until": "2024"}, {"until": date(2024, 12, 31)}),
    ({"since": "2024-02", "until": "2024-02"}, {"since": date(2024, 2, 1), "until": date(2024, 2, 29)}),
    ({"since": "2024-W16", "until": "2024-W16"}, {"since": date(2024, 4, 15), "until": date(2024, 4, 21)}),
    ({"country": "Iraq"}, {"country": "IQ"}), ({"country": "iq"}, {"country": "IQ"}),
    ({"weapon": "Drone"}, {"weapon": "drone"}), ({"claimed": "yes"}, {"claimed": True}),
    ({"actor": "kataib hezbollah"}, {"actor": "Kata'ib Hezbollah"}),
    ({"admin1": "Anbar"}, {"admin1": "IQ-AN"}), ({"min_sources": "2"}, {"min_sources": 2}),
    ({"event_type": "air/drone strike"}, {"event_type": "Air/drone strike"}),
    ({"weapon": None, "since": ""}, {}),
])
def test_filters_are_canonical(raw: dict, expected: dict) -> None:
    assert parse_filters(raw) == expected


BAD_FILTERS = [
    ({"weapon": "drones"}, "weapon: 'drones' is not one of", "did you mean 'drone'"),
    ({"country": "Atlantis"}, "country: 'Atlantis' is not one of", ""),
    ({"claimed": "maybe"}, "claimed: 'maybe' is not true or false", ""),
    ({"since": "2024-05-01", "until": "2024-01-01"}, "until: 2024-01-01 is before since (2024-05-01)", ""),
    ({"since": "2024-13"}, "since: '2024-13' is not a calendar date", ""),
    ({"since": "0000"}, "since: year 0 is out of range", ""),
    ({"until": "yesterday"}, "until: 'yesterday' is not a date", ""),
    ({"min_sources": "0"}, "min_sources: must be a whole number from 1 to 10000", ""),
    ({"min_confidence": "nan"}, "min_confidence: must be a number from 0 to 1", ""),
    ({"confirmation": "maybe"}, "confirmation: 'maybe' is not one of confirmed, denied", ""),
    ({"actor": "Nobody In Particular"}, "actor: 'Nobody In Particular' is not one of the pack's", "listed in --help"),
]


@pytest.mark.parametrize("raw, message, hint", BAD_FILTERS)
def test_bad_filters_are_one_line_naming_the_filter(raw: dict, message: str, hint: str) -> None:
    with pytest.raises(InvalidValue) as info:
        parse_filters(raw)
    assert str(info.value).startswith(message) and hint in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("field, value, stored", [
    ("weapon", "Drone", "drone"), ("date", "2024-02", "2024-02"), ("date", "2024-W16", "2024-04-15"),
    ("killed", 3, 3), ("killed", None, None), ("latitude", 33, 33.0), ("country_code", "iraq", "IQ"),
    ("actor", "Kataib Hezbollah", "Kata'ib Hezbollah"), ("claimed", True, True), ("place", "Tower 22", "Tower 22"),
])
def test_good_edits_are_stored_canonical(field: str, value: object, stored: object) -> None:
    assert check_edit(field, value) == stored


BAD_EDITS = [
    ("weapon", "banana", "weapon: 'banana' is not one of"),
    ("date", "2021-02-31", "date: '2021-02-31' is not a calendar date"),
    ("date", "2024-13", "date: '2024-13' is not a calendar date"), ("date", "0000", "date: year 0 is out of range"),
    ("latitude", 999, "latitude: must be a number from -90 to 90"),
    ("killed", "two", "killed: must be a whole number from 0 to 100000"),
    ("killed", 100_001, "killed: must be a whole number from 0 to 100000"), ("killed", True, "killed: must be"),
    ("claimed", "yes", "claimed: must be true or false"), ("place", ["a"], "place: must be text, not a list"),
    ("place", "x\ud800", "place: contains a lone surrogate"), ("id", "x", "field: 'id' cannot be edited"),
    ("weapon", None, "weapon: cannot be null"),
]


@pytest.mark.parametrize("field, value, message", BAD_EDITS)
def test_bad_edits_are_refused_naming_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(InvalidValue, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        check_edit(field, value)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "attackwatch", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": SRC})


def test_cli_and_api_refuse_in_the_same_words(example_db_file: Path) -> None:
    """One bad filter and one bad edit through both doors: the CLI's line is the API's detail."""
    from fastapi.testclient import TestClient

    from attackwatch.serve.app import create_app

    client = TestClient(create_app(str(example_db_file), token="t"))
    any_id = client.get("/api/incidents", params={"limit": 1}).json()["items"][0]["id"]
    for params in ({"weapon": "drones"}, {"country": "Atlantis"}, {"claimed": "maybe"},
                   {"since": "2024-05-01", "until": "2024-01-01"}):
        api = client.get("/api/incidents", params=params)
        assert api.status_code == 422
        flags = [x for k, v in params.items() for x in (f"--{k.replace('_', '-')}", v)]
        cli = _cli("incidents", "--db", str(example_db_file), *flags)
        assert cli.returncode == 1 and cli.stderr == f"attackwatch: {api.json()['detail']}\n"
    for field, value, raw in (("weapon", "banana", "banana"), ("killed", "two", "two"), ("latitude", 999, "999"),
                              ("date", "2021-02-31", "2021-02-31")):
        api = client.post(f"/api/incidents/{any_id}/edit", json={"field": field, "value": value},
                          headers={"Authorization": "Bearer t"})
        assert api.status_code == 422
        cli = _cli("edit", any_id, "--db", str(example_db_file), "--field", f"{field}={raw}")
        assert cli.returncode == 1 and cli.stderr == f"attackwatch: {api.json()['detail']}\n"


def test_help_and_schema_list_the_allowed_values(example_db_file: Path) -> None:
    from fastapi.testclient import TestClient

    from attackwatch.serve.app import create_app

    help_text = " ".join(_cli("incidents", "--help").stdout.split())
    for name in ("weapon", "target_type", "confirmation", "country"):
        assert all(v in help_text for v in vocabulary(name)), name
    schema = TestClient(create_app(str(example_db_file))).get("/openapi.json").json()
    params = {p["name"]: p for p in schema["paths"]["/api/incidents"]["get"]["parameters"]}
    assert params["weapon"]["schema"]["enum"] == vocabulary("weapon")


@pytest.mark.parametrize("args", [("incidents",), ("show", "x"), ("search", "x"), ("trends",), ("check",)])
def test_reads_never_create_a_database(tmp_path: Path, args: tuple[str, ...]) -> None:
    missing = tmp_path / "typo.db"
    proc = _cli(*args, "--db", str(missing))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "no such database" in proc.stderr
    assert not missing.exists()


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_text("# not a database\n"), "not a database"), (lambda p: p.mkdir(), "is a folder"),
])
def test_a_db_that_is_not_a_database_is_one_line(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "README.md"
    make(target)
    proc = _cli("incidents", "--db", str(target))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and reason in proc.stderr
    assert sorted(os.listdir(tmp_path)) == ["README.md"]  # no -wal or -shm left beside it


def test_an_edit_stored_before_the_checks_is_kept_but_not_applied(example_db_file: Path, tmp_path: Path) -> None:
    """A database edited with 'weapon=banana' by an older version: the record keeps its real
    weapon, the audit trail keeps the edit with why it is not applied, exports work."""
    import shutil

    from attackwatch.store import open_store
    from attackwatch.store.dataset import Dataset
    from attackwatch.store.export import write_parquet

    db = tmp_path / "old.db"
    shutil.copyfile(example_db_file, db)
    store = open_store(str(db))
    ds = Dataset(store)
    incident = next(iter(store.query_incidents("", ())))
    with store.write():
        store.add_edit("field", incident["id"], store.members(incident["id"]), field="weapon", value="banana",
                       note=None, author=None)
    record = ds.recompute(incident["id"])
    assert record is not None and record["weapon"] == incident["weapon"]
    assert record["edits"][-1]["refused"].startswith("weapon: 'banana' is not one of")
    assert write_parquet(list(store.query_incidents("", ())), str(tmp_path / "x.parquet")) >= 1
    store.close()

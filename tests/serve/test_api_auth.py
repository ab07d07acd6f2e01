"""Read-only servers (no token: writes are 403) and --private servers (reads need the token)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from attackwatch.serve.app import create_app

from .conftest import TOKEN, LiveServer, free_port


@pytest.fixture(scope="module")
def read_only(seed_db: Path) -> Iterator[LiveServer]:
    with LiveServer(seed_db, None) as live:
        yield live


@pytest.fixture(scope="module")
def private(seed_db: Path) -> Iterator[LiveServer]:
    with LiveServer(seed_db, TOKEN, private=True) as live:
        yield live


def test_without_a_token_configured_writes_are_403(read_only: LiveServer) -> None:
    with read_only.client(TOKEN) as client:
        assert client.get("/api/incidents").status_code == 200
        for path, payload in (("/api/ingest", {"text": "x"}), ("/api/incidents/merge", {"keep": "a", "other": "b"}),
                              ("/api/incidents/x/edit", {"field": "killed", "value": 1}),
                              ("/api/incidents/x/split", {"report_id": "a#0"})):
            r = client.post(path, json=payload)
            assert r.status_code == 403 and "--token" in r.json()["detail"], path


def test_private_server_needs_the_token_for_reads(private: LiveServer) -> None:
    with private.client() as anonymous, private.client("nope") as wrong, private.client(TOKEN) as good:
        for path in ("/api/incidents", "/api/incidents/x", "/api/stats", "/api/facets", "/api/incidents.csv",
                     "/api/incidents.geojson", "/api/articles/s000"):
            assert anonymous.get(path).status_code == 401, path
            assert wrong.get(path).status_code == 401, path
        assert good.get("/api/incidents").json()["total"] > 0
        assert good.get("/api/facets").status_code == 200


def test_private_without_a_token_is_refused(seed_db: Path) -> None:
    with pytest.raises(ValueError, match="--private needs a token"):
        create_app(str(seed_db), private=True)


def test_the_serve_command_runs_uvicorn(seed_db: Path) -> None:
    port = free_port()
    env = {**os.environ, "ATTACKWATCH_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "attackwatch.cli", "serve", "--db", str(seed_db), "--port", str(port),
                             "--private"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/facets", headers={"Authorization": f"Bearer {TOKEN}"})
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(proc.stderr.read() if proc.poll() is not None else "server did not start")
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["countries"]
        assert httpx.get(f"http://127.0.0.1:{port}/api/facets").status_code == 401  # the env token and --private
    finally:
        proc.terminate()
        proc.wait(10)
    assert "reads need the token" in proc.stderr.read()


def test_the_serve_command_rejects_a_missing_folder(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "attackwatch.cli", "serve", "--db", str(tmp_path / "no" / "x.db")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "does not exist" in r.stderr and r.stderr.count("\n") == 1

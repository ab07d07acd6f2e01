"""Real uvicorn servers on free ports over real database files built by ingesting the seed
corpus once per session. The read server's database is never written; write tests get a server
over their own copy; a third server runs with --private."""
from __future__ import annotations

import socket
import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest
import uvicorn

from attackwatch.pipeline import extract_paths
from attackwatch.serve.app import create_app
from attackwatch.store import open_store
from attackwatch.store.dataset import Dataset

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"
TOKEN = "test-token-5f1c"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, db: Path, token: str | None, private: bool = False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(str(db), token=token, private=private)
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="error",
                                                    lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed corpus is not beside the checkout ({SEEDS})")
    path = tmp_path_factory.mktemp("serve") / "seeds.db"
    store = open_store(str(path))
    try:
        summary = Dataset(store).ingest(extract_paths([str(SEEDS)]))
        assert summary.failed == 0 and summary.new > 0
    finally:
        store.close()
    return path


def copy_db(src: Path, dst: Path) -> Path:
    with sqlite3.connect(str(src)) as a, sqlite3.connect(str(dst)) as b:
        a.backup(b)
    return dst


@pytest.fixture(scope="session")
def server(seed_db: Path) -> Iterator[LiveServer]:
    """Reads (and rejected writes) against the untouched seed database; the token is set."""
    with LiveServer(seed_db, TOKEN) as live:
        yield live


@pytest.fixture(scope="session")
def api(server: LiveServer) -> Iterator[httpx.Client]:
    with server.client() as client:
        yield client


@pytest.fixture(scope="session")
def write_server(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = copy_db(seed_db, tmp_path_factory.mktemp("serve-write") / "write.db")
    with LiveServer(db, TOKEN) as live:
        yield live


@pytest.fixture(scope="session")
def writer(write_server: LiveServer) -> Iterator[httpx.Client]:
    with write_server.client(TOKEN) as client:
        yield client


@pytest.fixture(scope="session")
def all_incidents(seed_db: Path) -> list[dict]:
    store = open_store(str(seed_db))
    try:
        return list(store.query_incidents())
    finally:
        store.close()

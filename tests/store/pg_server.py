"""A throwaway PostgreSQL server for the store tests.

The server binaries (initdb, pg_ctl) come from the Debian/Ubuntu `postgresql` package
(/usr/lib/postgresql/<version>/bin) or PATH. The cluster lives in a temp dir, listens on
127.0.0.1 at a free port, trusts local connections, and is stopped and removed at the end
of the session. initdb refuses to run as root, so as root the cluster is created and run
as the `postgres` system user. Tests are skipped (with the reason) only when no binaries
exist; any other failure to start is an error.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest


def find_pg_bin() -> Path | None:
    """The newest installed server's bin folder."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if candidates:
        return Path(candidates[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="attackwatch-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.user = "postgres" if self.as_root else os.environ.get("USER") or "postgres"
        self._n = 0

    def _run(self, *args: str) -> None:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self, durable: bool = False) -> None:
        """`durable`: PostgreSQL's default fsync and commit settings (for benchmarks); the
        tests run without them, since a throwaway cluster needs no crash safety."""
        self.sockets.mkdir()
        if self.as_root:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockets, "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8", "--locale=C.UTF-8",
                  "--no-sync")
        fast = "" if durable else "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60", "start", "-o",
                  f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 {fast}-c max_connections=50")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of `template`); returns its URL."""
        import psycopg

        self._n += 1
        name = f"t{os.getpid()}_{self._n}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            for attempt in range(50):
                try:
                    conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
                    break
                except psycopg.errors.ObjectInUse:  # a session on the template is still closing
                    if attempt == 49:
                        raise
                    time.sleep(0.1)
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bin_dir = find_pg_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql")
    server = PgServer(bin_dir)
    started = time.monotonic()
    server.start()
    try:
        assert time.monotonic() - started < 120
        yield server
    finally:
        server.stop()


@pytest.fixture()
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh empty database, dropped after the test."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture(scope="session")
def pg_examples(pg_server: PgServer, example_results: list) -> str:
    """The example corpus ingested into a PostgreSQL database (as `example_db` for SQLite).
    Read it, never write it: `pg_examples_copy` gives a copy to change. Returns its name."""
    from attackwatch.store import open_store
    from attackwatch.store.dataset import Dataset

    url = pg_server.create_database()
    store = open_store(url)
    summary = Dataset(store).ingest(example_results)
    assert summary.new == len(example_results) and not summary.failed
    store.close()  # a template database must have no connections
    return url.rsplit("/", 1)[1]


@pytest.fixture()
def pg_examples_copy(pg_server: PgServer, pg_examples: str) -> Iterator[str]:
    url = pg_server.create_database(template=pg_examples)
    yield url
    pg_server.drop_database(url)

"""Shared fixtures: paths to the shared corpus and scorer (beside the checkout)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"../shared is not beside the checkout ({SHARED}); the seed corpus and scorer live there")
    return SHARED


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO

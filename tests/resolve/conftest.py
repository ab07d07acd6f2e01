"""Fixtures for the resolution tests: the example corpus extracted once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from attackwatch.pipeline import PageResult, extract_paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def example_pages() -> list[PageResult]:
    results = list(extract_paths([str(EXAMPLES)]))
    assert results and not [r.error for r in results if r.error]
    return results


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES

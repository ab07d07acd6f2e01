"""`extract` fixture: the public `attackwatch.extract(text, published=..., article_id=...)`."""
from __future__ import annotations

import pytest

from attackwatch import extract as public_extract


@pytest.fixture(scope="session")
def extract():
    return public_extract

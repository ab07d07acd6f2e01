"""The documented front door `from attackwatch import extract` must stay the function."""
from __future__ import annotations

import importlib


def test_public_extract_survives_submodule_import():
    importlib.import_module("attackwatch.extract.dates")
    importlib.import_module("attackwatch.pipeline")
    from attackwatch import extract

    assert callable(extract)
    reports = extract("Two rockets hit Harir base on Sunday, a security source said.",
                      published="2024-02-05", article_id="t")
    assert [r.admin1_code for r in reports] == ["IQ-AR"]

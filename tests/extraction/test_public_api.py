"""The documented front door `from attackwatch import extract` is an ordinary function,
whatever submodules were imported before (the stage package is `attackwatch.extraction`)."""
from __future__ import annotations

import importlib
import types

import pytest


@pytest.mark.parametrize("module", ["attackwatch.extraction", "attackwatch.text.dates", "attackwatch.pipeline",
                                    "attackwatch.api"])
def test_public_extract_is_a_plain_function_after_importing(module):
    importlib.import_module(module)
    import attackwatch
    from attackwatch import extract

    assert isinstance(extract, types.FunctionType)
    assert attackwatch.extract is extract
    reports = extract("Two rockets hit Harir base on Sunday, a security source said.",
                      published="2024-02-05", article_id="t")
    assert [r.admin1_code for r in reports] == ["IQ-AR"]


def test_no_module_rewrites_its_class():
    extraction = importlib.import_module("attackwatch.extraction")
    assert type(extraction) is types.ModuleType
    assert not callable(extraction)

"""Shared fixtures (all of them live here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    """The installed pipeline; skipped when the model is not installed (never in CI)."""
    from newsextract import errors
    from newsextract.pipeline import load

    try:
        return load()
    except errors.ModelNotInstalledError as e:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"model not installed: {e}")


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The bundled fictional district-newspaper page."""
    return (FIXTURES / "sample-page.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc(nlp, sample_text):
    """The sample page, extracted once."""
    from newsextract import extract

    return extract(sample_text, reference_date="2026-06-05")

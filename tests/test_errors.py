"""newsextract.errors: numbered messages that survive pickling (errors raised in pipe() workers)."""

from __future__ import annotations

import inspect
import pickle

import pytest

from newsextract import errors

ERRORS = [
    errors.ModelNotInstalledError("/data/newsextract"),
    errors.ModelLoadError("/data/newsextract", "meta.json is not JSON"),
    errors.InputTypeError(b"\xe5\x8c\xba"),
    errors.ReferenceDateError("2026-13-01"),
    errors.PipelineNotSerialisableError(),
]


def _all_classes():
    return [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.NewsextractError)]


def test_error_codes_are_unique():
    codes = [c.code for c in _all_classes() if c is not errors.NewsextractError]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_error_pickles_with_its_message(error):
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert str(again).startswith(f"[{error.code}] ")

"""newsextract.model.fastload: the fast pkuseg files give the same segmentation."""

from __future__ import annotations

import json

import pytest

from newsextract.model import fastload


@pytest.mark.parametrize("words", [["a\nb"], ["ok", "x\ry"]], ids=["newline", "carriage-return"])
def test_fastload_refuses_line_breaks_in_entries(tmp_path, words):
    with pytest.raises(ValueError, match="line break"):
        fastload._write_lines(tmp_path / "f.txt", words)


def test_fastload_lines_round_trip(tmp_path):
    words = ["", "$$", "c.，", "区委 书记", "w.第二"]
    fastload._write_lines(tmp_path / "f.txt", words)
    assert fastload._read_lines(tmp_path / "f.txt") == words
    fastload._write_lines(tmp_path / "empty.txt", [])
    assert fastload._read_lines(tmp_path / "empty.txt") == []


def test_fastload_missing_or_stale_files_are_not_current(tmp_path):
    pipeline = tmp_path / "pipeline"
    for rel in fastload._SOURCES:
        (pipeline / rel).parent.mkdir(parents=True, exist_ok=True)
        (pipeline / rel).write_bytes(b"x")
    assert not fastload.is_current(pipeline)  # nothing built
    fast = fastload.fast_dir(pipeline)
    fast.mkdir()
    (fast / "meta.json").write_text(json.dumps({"format": fastload.FORMAT, "sources": fastload._stamp(pipeline)}))
    assert fastload.is_current(pipeline)
    (pipeline / fastload._SOURCES[0]).write_bytes(b"xy")  # the model was reinstalled
    assert not fastload.is_current(pipeline)
    assert fastload.load_pipeline(pipeline) is None

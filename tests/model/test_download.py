"""Model set-up: offline errors, checksum before unpickling, --from, idempotence."""

from __future__ import annotations

import zipfile

import pytest

from newsextract import errors
from newsextract.model import PKUSEG_WHEEL_SHA256, is_installed, pipeline_path
from newsextract.model.download import download, sha256_of
from newsextract.pipeline import load


def _quiet(msg: str) -> None:
    pass


def test_model_missing_raises_typed_error_naming_the_command(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEXTRACT_DATA", str(tmp_path))
    with pytest.raises(errors.ModelNotInstalledError, match="newsextract download"):
        load()


def test_model_wheel_with_wrong_hash_is_refused_before_use(tmp_path):
    fake = tmp_path / "pkuseg-0.0.25-cp37-cp37m-manylinux1_x86_64.whl"
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("pkuseg/models/default/features.pkl", b"cos\nsystem\n(S'echo pwned'\ntR.")
        zf.writestr("pkuseg/models/default/weights.npz", b"")
    with pytest.raises(errors.ChecksumMismatchError, match=PKUSEG_WHEEL_SHA256):
        download(str(fake), root=tmp_path / "data", say=_quiet)
    assert not is_installed(tmp_path / "data")


@pytest.mark.parametrize("kind", ["not-a-zip", "empty-dir", "missing"], ids=str)
def test_model_from_bad_source(tmp_path, kind):
    if kind == "not-a-zip":
        src = tmp_path / "model.whl"
        src.write_text("hello")
    elif kind == "empty-dir":
        src = tmp_path / "model"
        src.mkdir()
    else:
        src = tmp_path / "nowhere"
    with pytest.raises(errors.ModelSourceError):
        download(str(src), root=tmp_path / "data", say=_quiet)


def test_model_from_directory_builds_a_loadable_pipeline(nlp, tmp_path):
    """--from a pkuseg model directory (here: the msgpack model of the installed pipeline)."""
    installed = pipeline_path() / "tokenizer" / "pkuseg_model"
    root = tmp_path / "data"
    messages: list[str] = []
    target = download(str(installed), root=root, say=messages.append)
    assert is_installed(root)
    assert not list(target.rglob("*.pkl"))
    again = load(target)
    assert [t.text for t in again.make_doc("区委书记主持召开会议")][:2] == ["区委", "书记"]
    download(str(installed), root=root, say=messages.append)
    assert messages[-1].startswith("already installed at")


def test_model_sha256_of_streams(tmp_path):
    f = tmp_path / "x"
    f.write_bytes(b"abc")
    assert sha256_of(f) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

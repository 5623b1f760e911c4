"""Load the pkuseg segmenter fast: pkuseg's model as memory-mapped integer tables.

spaCy stores pkuseg's model as ``tokenizer/pkuseg_model/features.msgpack`` (one msgpack map
with 2.6 M feature strings, a 1.1 M bigram list and a 116 k word list) and ``weights.npz``;
decoding the msgpack and building pkuseg's 2.6 M-entry dict takes 4–5 s. :func:`build`
derives, once, the tables that :class:`newsextract.model.segmenter.TableSegmenter` reads
(:mod:`newsextract.model.tables` says how), written beside the pipeline in
``<data dir>/pkuseg-fast``:

- ``node_of_code.npy``, ``char_features.npy``, ``word_features.npy``, ``word_of_state.npy``,
  ``ww_no_word.npy``, ``slot_keys.npy`` / ``slot_values.npy`` (one hash table): the features;
- ``node_weights.npy`` (pkuseg's feature weights plus one zero row), ``edge_weights.npy``;
- ``other_words.txt``, ``common_words.txt``: pkuseg's post-processing word lists;
- ``meta.json``: sizes, tags, the user dictionary, the source files' sizes and mtimes (to
  notice a reinstall) and their sha256.

The arrays are memory-mapped, so loading reads almost nothing until a text is segmented.
No pickle is read. :func:`load_pipeline` is :func:`spacy.load` without deserialising the
tokenizer, with the table segmenter attached; it returns None when the files are missing
or stale, and the caller falls back to spaCy's normal load (same words, slower).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsextract.model import sha256_of

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger("newsextract")

FAST_DIR = "pkuseg-fast"
FORMAT = 2
_SOURCES = ("tokenizer/pkuseg_model/features.msgpack", "tokenizer/pkuseg_model/weights.npz", "tokenizer/pkuseg_processors")


def fast_dir(pipeline_dir: str | Path) -> Path:
    """Where the fast files of a pipeline directory live: ``<data dir>/pkuseg-fast``."""
    return Path(pipeline_dir).parent / FAST_DIR


def _stamp(pipeline_dir: Path) -> dict[str, list[int]]:
    out = {}
    for rel in _SOURCES:
        st = (pipeline_dir / rel).stat()
        out[rel] = [st.st_size, st.st_mtime_ns]
    return out


def _write_lines(path: Path, words: Any) -> None:
    words = list(words)
    bad = [w for w in words if "\n" in w or "\r" in w]
    if bad:
        raise ValueError(f"{path.name}: {len(bad)} entries contain a line break, e.g. {bad[0]!r}")
    path.write_bytes("\n".join(words).encode("utf-8"))


def _read_lines(path: Path) -> list[str]:
    data = path.read_bytes().decode("utf-8")
    return data.split("\n") if data else []


def build(pipeline_dir: str | Path, out_dir: str | Path | None = None) -> Path:
    """Write the fast files for the spaCy pipeline in ``pipeline_dir`` (about a minute, once).

    pipeline_dir (str | Path): the saved pipeline (``newsextract.model.pipeline_path()``).
    out_dir (str | Path | None): where to write; default :func:`fast_dir`.
    RETURNS (Path): the directory written.
    """
    import numpy as np
    import srsly

    from newsextract.model import tables

    src = Path(pipeline_dir)
    out = Path(out_dir) if out_dir is not None else fast_dir(src)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    features = srsly.read_msgpack(src / _SOURCES[0])
    with np.load(src / _SOURCES[1]) as npz:
        sizes, w = npz["sizes"], np.asarray(npz["w"], dtype=np.float64)
    n_tag, n_feature = int(sizes[0]), int(sizes[1])
    if len(features["feature_to_idx"]) != n_feature:
        raise ValueError("pkuseg's feature list and weights disagree on the number of features")
    built = tables.derive(features["feature_to_idx"], features["unigram"], w, n_tag)
    for name, array in built.arrays.items():
        np.save(tmp / f"{name}.npy", array)
    user_dict, do_process, common_words, other_words = srsly.read_msgpack(src / _SOURCES[2])
    _write_lines(tmp / "common_words.txt", sorted(common_words))
    _write_lines(tmp / "other_words.txt", sorted(other_words))
    meta = {
        "format": FORMAT,
        "n_tag": n_tag, "n_feature": n_feature, **built.sizes,
        "tag_to_idx": features["tag_to_idx"],
        "user_dict": user_dict, "do_process": bool(do_process),
        "sources": _stamp(src),
        "sha256": {rel: sha256_of(src / rel) for rel in _SOURCES},
    }
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    os.replace(tmp, out)
    return out


def is_current(pipeline_dir: str | Path, directory: str | Path | None = None) -> bool:
    """True when the fast files exist and were built from the pipeline's current model files."""
    src = Path(pipeline_dir)
    d = Path(directory) if directory is not None else fast_dir(src)
    try:
        meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        return meta.get("format") == FORMAT and meta.get("sources") == _stamp(src)
    except (OSError, ValueError):
        return False


def load_segmenter(directory: str | Path) -> Any:
    """The segmenter spaCy's tokenizer calls, from the fast files in ``directory``.

    RETURNS (TableSegmenter): segments like the pipeline's ``spacy_pkuseg.pkuseg``.
    """
    from newsextract.model.segmenter import TableSegmenter

    return TableSegmenter(directory)


def load_pipeline(pipeline_dir: str | Path) -> "Language | None":
    """The saved spaCy pipeline with the fast segmenter, or None when the fast files are
    missing or stale (then use :func:`spacy.load`; :func:`build` makes them).

    pipeline_dir (str | Path): the saved pipeline directory.
    RETURNS (Language | None): like ``spacy.load(pipeline_dir)``.
    """
    src = Path(pipeline_dir)
    d = fast_dir(src)
    if not is_current(src, d):
        return None
    import spacy

    try:
        seg = load_segmenter(d)
    except (OSError, ValueError, KeyError) as e:
        logger.warning("fast segmenter files in %s unusable (%s); loading the pipeline normally", d, e)
        return None
    nlp = spacy.load(src, exclude=["tokenizer"])
    tok = nlp.tokenizer
    if getattr(tok, "segmenter", None) != "pkuseg":
        return None
    tok.pkuseg_seg = seg
    return nlp

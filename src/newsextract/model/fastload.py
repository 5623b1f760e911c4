"""Load the pkuseg segmenter faster, with the same segmentation.

spaCy stores pkuseg's model as ``tokenizer/pkuseg_model/features.msgpack`` (one msgpack map
with 2.6 M features, a 1.1 M bigram list and a 116 k unigram list) and ``weights.npz``;
decoding that msgpack and building pkuseg's dict and sets is most of the pipeline's load
time. This module writes the same data once, beside the pipeline, in a form that loads
faster and reads no pickle:

- ``features.txt``: the feature strings, one per line, in index order, so that
  ``feature_to_idx`` is ``dict(zip(lines, range(n)))``;
- ``unigram.txt``, ``other_words.txt``, ``common_words.txt``: the word sets, one per line;
- the bigram list is left out: pkuseg only uses it while training (inference reads
  ``feature_to_idx`` and ``unigram``, see ``spacy_pkuseg/feature_extractor.pyx``);
- ``weights.npy``: the weight vector, memory-mapped copy-on-write (pages are read when used);
- ``meta.json``: sizes, tags, the source files' sizes and mtimes (to notice a reinstall),
  and their sha256.

:func:`load_pipeline` is :func:`spacy.load` without deserialising the tokenizer, with the
fast segmenter attached; it returns None when the fast files are missing or stale, and the
caller falls back to the normal load. Output is identical: same features, same weights.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsextract.model import sha256_of

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger("newsextract")

FAST_DIR = "pkuseg-fast"
FORMAT = 1
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


def build(pipeline_dir: str | Path, out_dir: str | Path | None = None, *, min_weight: float = 0.0) -> Path:
    """Write the fast files for the spaCy pipeline in ``pipeline_dir`` (a few seconds, once).

    pipeline_dir (str | Path): the saved pipeline (``newsextract.model.pipeline_path()``).
    out_dir (str | Path | None): where to write; default :func:`fast_dir`.
    min_weight (float): 0.0 (default) keeps every feature: segmentation is identical.
        A positive value drops features whose largest absolute weight is below it (a
        feature missing from the dict contributes nothing, like a zero weight). This
        changes the model: 0.03 dropped 59% of the features and left the segmentation of
        the 22 dev articles unchanged; 0.1 changed 0.01% of word boundaries.
    RETURNS (Path): the directory written.
    """
    import numpy as np
    import srsly

    src = Path(pipeline_dir)
    out = Path(out_dir) if out_dir is not None else fast_dir(src)
    tmp = out.with_name(out.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    features = srsly.read_msgpack(src / _SOURCES[0])
    f2i = features["feature_to_idx"]
    keys = sorted(f2i, key=f2i.__getitem__)
    if [f2i[k] for k in keys] != list(range(len(keys))):
        raise ValueError("pkuseg feature indices are not 0..n-1; the fast format does not apply")
    with np.load(src / _SOURCES[1]) as npz:
        sizes, w = npz["sizes"], np.asarray(npz["w"], dtype=np.float64)
    n_tag, n_feature = int(sizes[0]), int(sizes[1])
    if min_weight > 0:
        node = w[: n_feature * n_tag].reshape(n_feature, n_tag)
        keep = np.abs(node).max(axis=1) >= min_weight
        keep[0] = True  # pkuseg's fallback feature
        kept = np.nonzero(keep)[0]
        keys = [keys[i] for i in kept]
        w = np.concatenate([node[kept].ravel(), w[n_feature * n_tag :]])
        n_feature = len(keys)
    _write_lines(tmp / "features.txt", keys)
    _write_lines(tmp / "unigram.txt", sorted(features["unigram"]))
    user_dict, do_process, common_words, other_words = srsly.read_msgpack(src / _SOURCES[2])
    _write_lines(tmp / "common_words.txt", sorted(common_words))
    _write_lines(tmp / "other_words.txt", sorted(other_words))
    np.save(tmp / "weights.npy", np.ascontiguousarray(w))
    meta = {
        "format": FORMAT,
        "n_tag": n_tag, "n_feature": n_feature, "min_weight": min_weight,
        "tag_to_idx": features["tag_to_idx"],
        "user_dict": user_dict, "do_process": bool(do_process),
        "sources": _stamp(src),
        "sha256": {rel: sha256_of(src / rel) for rel in _SOURCES},
    }
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    if out.exists():
        for p in out.iterdir():
            p.unlink()
        out.rmdir()
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
    """A ``spacy_pkuseg.pkuseg`` built from the fast files (what spaCy's tokenizer calls).

    RETURNS (spacy_pkuseg.pkuseg): the same model as the msgpack one, without the bigram set.
    """
    import numpy as np
    import spacy_pkuseg
    from spacy_pkuseg.feature_extractor import FeatureExtractor
    from spacy_pkuseg.model import Model

    d = Path(directory)
    meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
    keys = _read_lines(d / "features.txt")
    if len(keys) != meta["n_feature"]:
        raise ValueError(f"{d}/features.txt has {len(keys)} features, meta.json says {meta['n_feature']}")

    extractor = FeatureExtractor.__new__(FeatureExtractor)
    extractor.feature_to_idx = dict(zip(keys, range(len(keys))))
    extractor.unigram = set(_read_lines(d / "unigram.txt"))
    extractor.bigram = set()  # only used by pkuseg's training code
    extractor.tag_to_idx = meta["tag_to_idx"]

    model = Model.__new__(Model)
    model.n_tag, model.n_feature = meta["n_tag"], meta["n_feature"]
    model.n_transition_feature = model.n_tag * (model.n_feature + model.n_tag)
    model.w = np.load(d / "weights.npy", mmap_mode="c")  # copy-on-write: writable, read lazily
    if model.w.shape[0] != model.n_transition_feature:
        raise ValueError(f"{d}/weights.npy has {model.w.shape[0]} weights, expected {model.n_transition_feature}")

    post = spacy_pkuseg.Postprocesser.__new__(spacy_pkuseg.Postprocesser)
    post.do_process = meta["do_process"]
    post.common_words = set(_read_lines(d / "common_words.txt"))
    post.other_words = set(_read_lines(d / "other_words.txt"))

    seg = spacy_pkuseg.pkuseg.__new__(spacy_pkuseg.pkuseg)
    seg.postag = False
    seg.preprocesser = spacy_pkuseg.Preprocesser(meta["user_dict"])
    seg.postprocesser = post
    seg.feature_extractor = extractor
    seg.model = model
    seg.idx_to_tag = {idx: tag for tag, idx in extractor.tag_to_idx.items()}
    seg.n_feature = len(extractor.feature_to_idx)
    seg.n_tag = len(extractor.tag_to_idx)
    return seg


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

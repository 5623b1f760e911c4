"""Where the segmentation pipeline lives on disk, and what was installed there.

The data directory is ``$NEWSEXTRACT_DATA`` if set, else the platform's user cache dir
(``~/.cache/newsextract`` on Linux). It holds ``pipeline/`` (a spaCy ``zh`` pipeline with the
pkuseg segmenter, saved by spaCy: no pickle is read when it loads) and ``manifest.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

ENV_VAR = "NEWSEXTRACT_DATA"
PIPELINE_DIR = "pipeline"
MANIFEST = "manifest.json"

# pkuseg 0.0.25's binary wheel carries pkuseg's mixed-domain model (research/academic use).
PKUSEG_REQUIREMENT = "pkuseg==0.0.25"
PKUSEG_WHEEL_SHA256 = "6fc2f97d0f66cc6722cf772e65dbcde1b01d8cc53b66ac4aa7bce639de79588f"
PKUSEG_MODEL_MEMBERS = ("pkuseg/models/default/features.pkl", "pkuseg/models/default/weights.npz")


def data_dir() -> Path:
    """The data directory (not created)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("newsextract", appauthor=False))


def pipeline_path(root: Path | None = None) -> Path:
    """Directory of the saved spaCy pipeline."""
    return (root or data_dir()) / PIPELINE_DIR


def read_manifest(root: Path | None = None) -> dict[str, Any] | None:
    """The install manifest, or None when nothing is installed."""
    path = (root or data_dir()) / MANIFEST
    if not path.is_file() or not (pipeline_path(root) / "config.cfg").is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_installed(root: Path | None = None) -> bool:
    """True when a pipeline and its manifest are in the data directory."""
    return read_manifest(root) is not None


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

"""``newsextract download``: fetch pkuseg's model by package name, verify it, save a pipeline.

Steps, each visible on stderr:
1. ``pip download pkuseg==0.0.25`` (the binary wheel; its model files are platform-independent);
2. sha256 of the wheel checked BEFORE anything in it is unpickled;
3. the model (``features.pkl`` + ``weights.npz``) extracted to a temporary directory;
4. a spaCy ``zh`` pipeline with the pkuseg segmenter initialised from it and saved with
   ``nlp.to_disk`` (spaCy writes ``features.msgpack``; loading never reads a pickle);
5. the same model turned into integer tables that load in a fraction of a second
   (:mod:`newsextract.model.fastload`, read by :mod:`newsextract.model.segmenter`);
6. ``manifest.json`` written last, so a half-finished install is never taken as installed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from newsextract import errors
from newsextract.model import (
    MANIFEST,
    PKUSEG_MODEL_MEMBERS,
    PKUSEG_REQUIREMENT,
    PKUSEG_WHEEL_SHA256,
    data_dir,
    pipeline_path,
    read_manifest,
    sha256_of,
)

Say = Callable[[str], None]


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fetch_wheel(dest: Path, say: Say = _say) -> Path:
    """Download the pkuseg wheel into ``dest`` with pip; RETURNS its path."""
    if importlib.util.find_spec("pip") is None:
        raise errors.DownloadError(
            "pip is not available in this Python. Install it (python -m ensurepip) or fetch the wheel "
            f"elsewhere (`pip download {PKUSEG_REQUIREMENT} --no-deps --only-binary=:all: --platform manylinux1_x86_64 "
            "--python-version 3.7 --implementation cp --abi cp37m`) and run `newsextract download --from WHEEL`."
        )
    cmd = [
        sys.executable, "-m", "pip", "download", PKUSEG_REQUIREMENT, "--no-deps", "--only-binary=:all:",
        "--platform", "manylinux1_x86_64", "--python-version", "3.7", "--implementation", "cp",
        "--abi", "cp37m", "--disable-pip-version-check", "-d", str(dest),
    ]
    say(f"[1/4] downloading {PKUSEG_REQUIREMENT} (about 50 MB) with pip ...")
    proc = subprocess.run(cmd, stdout=sys.stderr, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise errors.DownloadError(
            f"pip could not download {PKUSEG_REQUIREMENT} (no network or no access to the package index?). "
            f"pip said:\n{tail}\nRetry when online, or run `newsextract download --from WHEEL_OR_MODEL_DIR`."
        )
    wheels = sorted(dest.glob("pkuseg-*.whl"))
    if not wheels:
        raise errors.DownloadError(f"pip finished but left no pkuseg wheel in {dest}.")
    return wheels[0]


def verify_wheel(wheel: Path, say: Say = _say) -> str:
    """Check the wheel's sha256 against the pinned one; RETURNS the digest."""
    say(f"[2/4] verifying sha256 of {wheel.name} ...")
    digest = sha256_of(wheel)
    if digest != PKUSEG_WHEEL_SHA256:
        raise errors.ChecksumMismatchError(str(wheel), PKUSEG_WHEEL_SHA256, digest)
    return digest


def extract_model(wheel: Path, dest: Path, say: Say = _say) -> Path:
    """Unzip the model files of a verified wheel into ``dest``; RETURNS the model dir."""
    say("[3/4] extracting the model files ...")
    model = dest / "model"
    model.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        for member in PKUSEG_MODEL_MEMBERS:
            with zf.open(member) as src, open(model / Path(member).name, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
    return model


def _check_model_dir(path: Path) -> None:
    has_features = (path / "features.pkl").is_file() or (path / "features.msgpack").is_file()
    if not (has_features and (path / "weights.npz").is_file()):
        raise errors.ModelSourceError(
            f"{path} is not a pkuseg model directory (it needs weights.npz and features.msgpack or "
            "features.pkl). Pass the pkuseg wheel or such a directory to --from."
        )


def _dir_digest(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.iterdir() if p.is_file()):
        h.update(f.name.encode())
        h.update(sha256_of(f).encode())
    return h.hexdigest()


def build_pipeline(model_dir: Path, target: Path, say: Say = _say) -> None:
    """Initialise a spaCy zh pipeline from a pkuseg model dir and save it at ``target``."""
    import spacy

    say("[4/4] building the spaCy pipeline (pkuseg segmenter) ...")
    config = {"nlp": {"tokenizer": {"@tokenizers": "spacy.zh.ChineseTokenizer", "segmenter": "pkuseg"}}}
    nlp = spacy.blank("zh", config=config)
    nlp.tokenizer.initialize(pkuseg_model=str(model_dir))
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    nlp.to_disk(staging)
    # spaCy saved the features as msgpack; drop any pickle that came along.
    for pkl in staging.rglob("*.pkl"):
        pkl.unlink()
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)


def download(source: str | None = None, *, force: bool = False, root: Path | None = None, say: Say = _say) -> Path:
    """Install the segmentation pipeline into the data directory.

    source (str | None): None to fetch pkuseg's wheel with pip; else a local wheel file
        (checked against the pinned sha256) or a pkuseg model directory (trusted as given).
    force (bool): reinstall even when a pipeline is installed.
    root (Path | None): data directory; default :func:`newsextract.model.data_dir`.
    RETURNS (Path): the installed pipeline directory.
    """
    from newsextract.model import fastload

    root = root or data_dir()
    manifest = read_manifest(root)
    if manifest and not force:
        say(f"already installed at {pipeline_path(root)} (source: {manifest.get('source')}); use --force to reinstall")
        if not fastload.is_current(pipeline_path(root)):
            say("writing the fast-loading copy of the segmenter ...")
            fastload.build(pipeline_path(root))
        return pipeline_path(root)
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsextract-") as tmp:
        tmpdir = Path(tmp)
        if source is None or Path(source).is_file():
            if source is None:
                wheel = fetch_wheel(tmpdir, say)
                origin = f"pip:{PKUSEG_REQUIREMENT}"
            else:
                wheel = Path(source)
                if not zipfile.is_zipfile(wheel):
                    raise errors.ModelSourceError(f"{wheel} is not a wheel (zip) file.")
                origin = f"wheel:{wheel.resolve()}"
            digest = verify_wheel(wheel, say)
            model_dir = extract_model(wheel, tmpdir, say)
        else:
            model_dir = Path(source)
            if not model_dir.is_dir():
                raise errors.ModelSourceError(f"{source} does not exist.")
            _check_model_dir(model_dir)
            say(f"[1-3/4] using the local model directory {model_dir} (trusted as given)")
            digest = _dir_digest(model_dir)
            origin = f"dir:{model_dir.resolve()}"
        (root / MANIFEST).unlink(missing_ok=True)
        build_pipeline(model_dir, pipeline_path(root), say)
    say("writing the fast-loading copy of the segmenter ...")
    fastload.build(pipeline_path(root))
    import spacy

    from newsextract import __version__

    manifest = {
        "source": origin,
        "sha256": digest,
        "installed": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "spacy": spacy.__version__,
        "newsextract": __version__,
        "licence": "pkuseg mixed-domain model: research/academic use (see README)" if origin.startswith(("pip:", "wheel:")) else "as provided",
    }
    (root / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    say(f"installed at {pipeline_path(root)}")
    return pipeline_path(root)

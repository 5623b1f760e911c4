"""Typed, numbered errors. Each message says how to fix the problem."""

from __future__ import annotations

INSTALL_HINT = "newsextract download"


class NewsextractError(Exception):
    """Base class of all errors raised by newsextract."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")

    def __reduce__(self) -> tuple:
        # Subclasses build their message from other arguments; pickling (an error raised in
        # a pipe() worker) must carry the finished message, not call __init__ again.
        return (_rebuild, (type(self), self.args))


def _rebuild(cls: type[NewsextractError], args: tuple) -> NewsextractError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    return error


class ModelNotInstalledError(NewsextractError):
    """The pkuseg pipeline is not in the data directory."""

    code = "E001"

    def __init__(self, data_dir: str) -> None:
        super().__init__(
            f"The segmentation model is not installed in {data_dir}. "
            f"Run `{INSTALL_HINT}` once (it fetches and verifies pkuseg's model), "
            "or `newsextract download --from PATH` for a local wheel or model directory. "
            "Set NEWSEXTRACT_DATA to use another data directory."
        )


class ModelLoadError(NewsextractError):
    """The installed pipeline exists but cannot be loaded."""

    code = "E002"

    def __init__(self, data_dir: str, reason: str) -> None:
        super().__init__(
            f"The pipeline in {data_dir} could not be loaded ({reason}). "
            f"Reinstall it with `{INSTALL_HINT} --force`."
        )


class PipelineNotSerialisableError(NewsextractError, NotImplementedError):
    """newsextract's loaded pipeline cannot be saved (its segmenter is a set of tables)."""

    code = "E006"

    def __init__(self) -> None:
        super().__init__(
            "newsextract's pipeline segments with tables derived from pkuseg's model, which spaCy "
            "cannot serialise (nlp.to_disk / to_bytes). To save or change the spaCy pipeline, load "
            "spaCy's own copy: spacy.load(newsextract.model.pipeline_path())."
        )


class DownloadError(NewsextractError):
    """Fetching the model through pip failed."""

    code = "E003"


class ChecksumMismatchError(NewsextractError):
    """The downloaded file is not the one newsextract expects; nothing was unpickled."""

    code = "E004"

    def __init__(self, path: str, expected: str, actual: str) -> None:
        super().__init__(
            f"sha256 of {path} is {actual}, expected {expected}. The file was not used. "
            "Delete it and retry, or pass a trusted file with `newsextract download --from PATH`."
        )


class ModelSourceError(NewsextractError):
    """`download --from PATH` got something that is not a pkuseg wheel or model directory."""

    code = "E005"


class InputTypeError(NewsextractError, TypeError):
    """extract() was given something other than str."""

    code = "E010"

    def __init__(self, value: object) -> None:
        kind = type(value).__name__
        hint = " Decode it first: text = data.decode('utf-8')." if isinstance(value, (bytes, bytearray)) else ""
        super().__init__(f"extract() takes the article text as str, got {kind}.{hint}")


class ReferenceDateError(NewsextractError, ValueError):
    """reference_date is not an ISO date or datetime.date."""

    code = "E011"

    def __init__(self, value: object) -> None:
        super().__init__(
            f"reference_date must be an ISO date string like '2023-05-16' or a datetime.date, got {value!r}."
        )


class RulesError(NewsextractError):
    """A rule or lexicon data file is malformed."""

    code = "E020"


class OptionalDependencyError(NewsextractError, ImportError):
    """An optional extra is needed for this call."""

    code = "E030"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"This needs {package}. Install it with `pip install 'newsextract[{extra}]'`.")


__all__ = [
    "NewsextractError",
    "ModelNotInstalledError",
    "ModelLoadError",
    "DownloadError",
    "ChecksumMismatchError",
    "ModelSourceError",
    "InputTypeError",
    "ReferenceDateError",
    "RulesError",
    "OptionalDependencyError",
]

"""One-line reasons for the files a batch cannot load, so one bad file never stops the others."""

from __future__ import annotations

from pathlib import Path

from scenarios.common import ScenarioError

__all__ = ["load_failure"]


def load_failure(file: Path, exc: BaseException) -> str:
    """The reason ``file`` could not be loaded, naming the file, in one line."""
    if isinstance(exc, ScenarioError):
        text = str(exc)
    elif isinstance(exc, RecursionError):
        text = f"{file.name}: 'extends' chain too deep to follow; flatten the chain"
    elif isinstance(exc, IsADirectoryError):
        text = f"{file.name}: a folder, not a scenario file"
    elif isinstance(exc, UnicodeError):
        text = f"file {file.name}: not UTF-8 text; save it as UTF-8"
    elif isinstance(exc, OSError):
        text = f"{file.name}: cannot read: {exc.strerror or exc}"
    else:
        text = f"{file.name}: {type(exc).__name__}: {exc}"
    text = " ".join(text.split())  # one line, whatever the exception said
    return text if file.name in text or file.stem in text else f"{file.name}: {text}"

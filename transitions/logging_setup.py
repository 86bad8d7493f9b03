"""Logging to a rotating file in the platform log directory.

Rule for every log call in Transitions: never a patient's name, MRN, visit number, date of birth
or any other identifier. Log counts, ids of rows at most, and what the program did.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

from transitions.config import user_log_dir

LOG_FILE_NAME = "transitions.log"


def log_file() -> Path:
    return user_log_dir() / LOG_FILE_NAME


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating log file; return its path (None if it cannot be opened)."""
    root = logging.getLogger()
    if any(getattr(h, "_transitions", False) for h in root.handlers):
        return log_file()
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._transitions = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def where_it_failed(exc: BaseException) -> str:
    """What to log for an unexpected exception: its type and code locations, never its message
    (messages and SQL parameters may hold patient data)."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(frames[-6:]))
    return f"{type(exc).__name__} at {where or '?'}"

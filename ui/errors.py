"""Turning exceptions into words a nurse can act on (never a traceback)."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from transitions.errors import TransitionsError

log = logging.getLogger(__name__)


def sentence(message: str) -> str:
    """Service messages are lower-case clauses; show them as a sentence."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


def log_unexpected(exc: BaseException, context: str) -> None:
    """Log where an unexpected error happened, but not its message or source lines: either may
    hold patient data (SQL parameters, names). Type names, files and line numbers only."""
    chain: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 5:
        frames = traceback.extract_tb(current.__traceback__)
        where = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(frames))
        chain.append(f"{type(current).__name__} at {where or '?'}")
        current = current.__cause__ or current.__context__
    log.error("unexpected error while %s: %s", context, " | caused by ".join(chain))


def user_message(exc: BaseException, context: str = "working") -> str:
    """The message to show for ``exc``: the domain's own words, or a generic line (logged)."""
    if isinstance(exc, TransitionsError):
        return sentence(str(exc))
    log_unexpected(exc, context)
    return QCoreApplication.translate(
        "errors", "Something went wrong; the details were written to the log."
    )


def show_error(parent: QWidget | None, exc: BaseException, context: str = "working") -> None:
    """A warning box with :func:`user_message`."""
    QMessageBox.warning(
        parent, QCoreApplication.translate("errors", "Transitions"), user_message(exc, context)
    )

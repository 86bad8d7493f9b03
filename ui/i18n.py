"""Translation helpers.

``QT_TRANSLATE_NOOP`` marks a string for ``pyside6-lupdate`` (which matches the name) without
translating it yet; this typed twin returns ``str`` where PySide6's stub says ``object``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:  # noqa: N802 - lupdate's name
    del context
    return source_text

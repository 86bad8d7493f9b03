"""An HL7 v2 message split into segments and fields, the way python-hl7 splits it.

The ADT mapping only needs each field's text (it splits repetitions, components and
subcomponents itself). python-hl7's ``parse`` builds a container object for every field,
repetition and component (about 0.25 ms for a small ADT message), so on the feed's hot path
the same split is done with ``str.split`` when the message uses five distinct separator
characters (every real sender): python-hl7's plan then splits exactly at those characters and
``str()`` of each field gives back its text, so the field texts are identical. Anything unusual
(repeated separator characters, an MSH segment without a field after MSH-2, a second MSH, BHS
or FHS segment) goes through python-hl7 itself, quirks included. Escape sequences are always
decoded by python-hl7. Equivalence is checked by ``tests/interop/test_hl7_text.py``.
"""

from __future__ import annotations

from typing import Any

_HEADERS = ("MSH", "BHS", "FHS")


class HL7Text:
    """Segments as lists of field texts: ``segments[i][0]`` is the segment name and, as in
    python-hl7, ``MSH[1]`` is the field separator and ``MSH[2]`` the encoding characters."""

    __slots__ = ("_by_name", "_message", "esc", "segments", "separators")

    def __init__(
        self, segments: list[list[str]], separators: str, esc: str, message: Any = None
    ) -> None:
        self.segments = segments
        #: python-hl7 order: segment, field, repetition, component, subcomponent
        self.separators = separators
        self.esc = esc
        self._message = message
        self._by_name: dict[str, list[list[str]]] | None = None

    def named(self, name: str) -> list[list[str]]:
        """The segments called ``name``, in message order."""
        if self._by_name is None:
            by_name: dict[str, list[list[str]]] = {}
            for fields in self.segments:
                by_name.setdefault(fields[0], []).append(fields)
            self._by_name = by_name
        return self._by_name.get(name, [])

    def unescape(self, value: str) -> str:
        """Decode escape sequences (\\F\\, \\S\\, \\X..\\, ...) with python-hl7."""
        if self._message is None:
            import hl7  # lazy: not on the GUI start path

            self._message = hl7.Message(separators=self.separators, esc=self.esc)
        return str(self._message.unescape(value))


def split_message(body: str) -> HL7Text:
    """Split a normalised message (CR-separated segments, starting with ``MSH``).

    Raises whatever python-hl7 raises for text it cannot parse."""
    separators, esc, header_end = _separators(body)
    if header_end > 4 and len(set(separators)) == 5:
        lines = body.split("\r")
        first = lines[0]
        if len(first) > header_end and not any(line[:3] in _HEADERS for line in lines[1:]):
            field = separators[1]
            rest = first[header_end + 1 :]
            segments = [["MSH", field, first[4:header_end], *(rest.split(field) if rest else ())]]
            segments.extend(line.split(field) for line in lines[1:])
            return HL7Text(segments, separators, esc)
    return _split_with_python_hl7(body)


def _separators(body: str) -> tuple[str, str, int]:
    """python-hl7's ``create_parse_plan``: separators from MSH-1 and MSH-2 (defaults for the
    ones left out), the escape character, and where MSH-2 ends (-1: no field after it)."""
    field = body[3]
    header_end = body.find(field, 4)
    seps = body[3:header_end]
    separators = (
        "\r"
        + seps[0]
        + (seps[2] if len(seps) > 2 else "~")
        + (seps[1] if len(seps) > 1 else "^")
        + (seps[4] if len(seps) > 4 else "&")
    )
    return separators, seps[3] if len(seps) > 3 else "\\", header_end


def _split_with_python_hl7(body: str) -> HL7Text:
    import hl7  # lazy: not on the GUI start path

    message = hl7.parse(body)
    segments = [[str(field) for field in segment] for segment in message]
    return HL7Text(segments, message.separators, message.esc, message)

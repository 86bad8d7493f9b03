"""HL7 v2 (python-hl7, MLLP) and FHIR R4 (fhir.resources R4B) interfaces.

Importing this package is cheap; the protocol libraries load only in the modules that use them
(``hl7v2``, ``mllp``, ``fhir_import``, ``fhir_export``), never on the GUI start path.
"""

from __future__ import annotations

import traceback

from transitions.errors import ValidationError

#: Identifier systems of Transitions' own MRNs and visit numbers (in exports; matched on import).
LOCAL_MRN_SYSTEM = "urn:transitions:mrn"
LOCAL_VISIT_SYSTEM = "urn:transitions:visit-number"


class MessageError(ValidationError):
    """A message that cannot be applied. ``ack_code``: ``AR`` when the message itself is
    unreadable or not one we take, ``AE`` when it is readable but cannot be applied (missing
    identifiers, unknown stay, conflicting data)."""

    def __init__(self, message: str, ack_code: str = "AE", field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.ack_code = ack_code


def where_it_failed(exc: BaseException) -> str:
    """Exception type and code locations only: messages and SQL parameters may hold patient
    data, which never goes to the log."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(frames[-6:]))
    return f"{type(exc).__name__} at {where or '?'}"

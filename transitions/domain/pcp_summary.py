"""The summary to the primary care provider (Project RED component 11): rules without a database.

* :class:`DeliveryMethod` — written to the interface outbox, or printed (with a fax cover sheet);
* :func:`outbox_base_name` — the outbox file name of one delivery: visit number and UTC time,
  never the patient's name (the folder is read by people and programs at the interface engine);
* :func:`check_fax_number` / :func:`check_hospital_course` — input rules, errors name the field.

Project RED: Jack BW et al., "A reengineered hospital discharge program to decrease
rehospitalization", Ann Intern Med 2009;150:178-187 (component 11: "transmit discharge summary
to clinicians accepting care of the patient").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum

from transitions.errors import ValidationError

#: longest hospital course kept (characters): about three printed pages
MAX_COURSE_LENGTH = 8000
MAX_RECIPIENT_LENGTH = 160
_FAX_CHARACTERS = re.compile(r"^[0-9+() .\-/]+$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class DeliveryMethod(StrEnum):
    #: PDF and FHIR bundle written to the configured outbox folder
    OUTBOX = "outbox"
    #: printed with a fax cover sheet (for the fax machine, or the patient to carry)
    PRINT = "print"


def outbox_base_name(visit_number: str, sent_at: datetime, sequence: int) -> str:
    """``pcp-summary_<visit>_<YYYYMMDDTHHMMSSZ>_<n>`` (n-th sending of the stay): unique,
    sortable by time, and free of names (only the visit number identifies the stay)."""
    if sent_at.tzinfo is None:
        raise ValueError("sent_at must be timezone-aware")
    visit = _UNSAFE.sub("-", visit_number).strip("-") or "stay"
    return f"pcp-summary_{visit}_{sent_at.astimezone(UTC):%Y%m%dT%H%M%SZ}_{sequence}"


def check_fax_number(text: str | None, *, field: str = "fax") -> str:
    """A fax number as typed (digits, spaces, + ( ) - . /), with 7 to 15 digits."""
    value = (text or "").strip()
    if not value:
        raise ValidationError("enter the fax number the summary goes to", field=field)
    digits = sum(ch.isdigit() for ch in value)
    if not _FAX_CHARACTERS.match(value) or not 7 <= digits <= 15:
        raise ValidationError(
            f"'{value}' is not a fax number (7 to 15 digits; spaces, + ( ) - . / allowed)",
            field=field,
        )
    return value


def check_hospital_course(text: str | None) -> str:
    """The hospital course as saved: trailing spaces trimmed, at most MAX_COURSE_LENGTH."""
    value = "\n".join(line.rstrip() for line in (text or "").strip().splitlines())
    if len(value) > MAX_COURSE_LENGTH:
        raise ValidationError(
            f"the hospital course is {len(value)} characters long; keep it under "
            f"{MAX_COURSE_LENGTH} (about three pages)",
            field="hospital_course",
        )
    return value


def check_recipient(text: str | None) -> str | None:
    value = " ".join((text or "").split())
    if len(value) > MAX_RECIPIENT_LENGTH:
        raise ValidationError(
            f"the recipient's name is longer than {MAX_RECIPIENT_LENGTH} characters",
            field="recipient",
        )
    return value or None

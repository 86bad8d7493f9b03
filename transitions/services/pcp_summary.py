"""Summary to the primary care provider (Project RED component 11): write the hospital course,
preview the summary, send it to the interface outbox or print it with a fax cover sheet, and
record every delivery (who, when, how, to whom, the exact PDF).

Outbox (site key ``pcp_summary.outbox``): each sending writes ``<name>.pdf`` then
``<name>.json`` — the stay's FHIR R4 Bundle with the PDF inside as a DocumentReference — each
through a hidden temporary file renamed into place, so the interface engine never reads half a
file; the bundle arrives last. ``<name>`` carries the visit number and the UTC time, never the
patient's name. The delivery row is flushed before the files are written and committed after;
if the commit fails the files are removed again (best effort).

Permissions: reading needs ``stay.view``; writing the hospital course ``stay.edit``; sending
and printing ``packet.print`` (the roles that hand documents out).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from transitions.db.models import Encounter
from transitions.db.pcp_summary_models import PcpSummary, PcpSummaryDelivery
from transitions.domain.pcp_summary import (
    DeliveryMethod,
    check_fax_number,
    check_hospital_course,
    check_recipient,
    outbox_base_name,
)
from transitions.errors import ConfigError, ConflictError, NotFoundError, ValidationError
from transitions.packet.summary_content import FaxCover, Recipient
from transitions.packet.summary_i18n import DEFAULT_SUMMARY_LANGUAGE
from transitions.packet.summary_render import render_summary
from transitions.services.encounters import load_encounter, register_stay_section
from transitions.services.pcp_summary_content import (
    build_summary_content,
    content_fingerprint,
    pcp_recipient,
)
from transitions.services.permissions import require, require_stay
from transitions.services.uow import Actor, UnitOfWork

ENTITY = "pcp_summary"


# -- plain results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PcpSummaryStatus:
    """The latest delivery: what the RED checklist item "summary sent to the PCP" shows."""

    method: str
    sent_at: datetime
    sent_by: str
    recipient: str
    #: 1, 2, 3... (how many times it went out)
    sequence: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DeliveryView:
    id: int
    sequence: int
    method: str
    recipient: str
    fax_number: str | None
    file_name: str | None
    language: str
    sha256: str
    page_count: int
    sent_at: datetime
    sent_by: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SummaryState:
    encounter_id: int
    visit_number: str
    #: version of the hospital course row; 0 while nothing was written
    version_id: int
    hospital_course: str
    course_updated_by: str | None
    course_updated_at: datetime | None
    #: the patient's PCP on record (name None when there is none)
    pcp: Recipient
    outbox_configured: bool
    #: newest first
    deliveries: tuple[DeliveryView, ...]
    #: the stay changed since the latest delivery (None: never sent)
    changed_since_sent: bool | None

    @property
    def status(self) -> PcpSummaryStatus | None:
        return _status(self.deliveries[0]) if self.deliveries else None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.to_json() if self.status else None
        return data


@dataclass(frozen=True)
class SummaryDocument:
    """A rendered summary (with a fax cover when ``fax_number`` is set), not yet delivered."""

    encounter_id: int
    visit_number: str
    language: str
    recipient: str
    fax_number: str | None
    pdf: bytes
    page_count: int
    content_sha256: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def _status(d: DeliveryView) -> PcpSummaryStatus:
    return PcpSummaryStatus(d.method, d.sent_at, d.sent_by, d.recipient, d.sequence)


def _view(row: PcpSummaryDelivery) -> DeliveryView:
    return DeliveryView(
        id=row.id,
        sequence=row.sequence,
        method=row.method.value,
        recipient=row.recipient,
        fax_number=row.fax_number,
        file_name=row.file_name,
        language=row.language,
        sha256=row.sha256,
        page_count=row.page_count,
        sent_at=row.sent_at,
        sent_by=row.sent_by,
    )


# -- reading ---------------------------------------------------------------------------------


def _summary_row(uow: UnitOfWork, encounter_id: int) -> PcpSummary | None:
    return uow.session.scalar(select(PcpSummary).where(PcpSummary.encounter_id == encounter_id))


def _deliveries(uow: UnitOfWork, encounter_id: int) -> list[PcpSummaryDelivery]:
    return list(
        uow.session.scalars(
            select(PcpSummaryDelivery)
            .where(PcpSummaryDelivery.encounter_id == encounter_id)
            .order_by(PcpSummaryDelivery.sequence.desc())
        )
    )


def pcp_summary_status(uow: UnitOfWork, encounter_id: int) -> PcpSummaryStatus | None:
    """Who sent or printed the stay's summary, when and how (the latest time), or None. One
    small query, no permission check and no audit: the caller (readiness) checks and audits."""
    row = uow.session.execute(
        select(
            PcpSummaryDelivery.method,
            PcpSummaryDelivery.sent_at,
            PcpSummaryDelivery.sent_by,
            PcpSummaryDelivery.recipient,
            PcpSummaryDelivery.sequence,
        )
        .where(PcpSummaryDelivery.encounter_id == encounter_id)
        .order_by(PcpSummaryDelivery.sequence.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return PcpSummaryStatus(row.method.value, row.sent_at, row.sent_by, row.recipient, row.sequence)


def pcp_summary_statuses(uow: UnitOfWork, encounter_ids: list[int]) -> dict[int, PcpSummaryStatus]:
    """:func:`pcp_summary_status` of many stays in two queries (stays never sent are left out)."""
    ids = sorted(set(encounter_ids))
    if not ids:
        return {}
    latest = (
        select(
            PcpSummaryDelivery.encounter_id,
            func.max(PcpSummaryDelivery.sequence).label("sequence"),
        )
        .where(PcpSummaryDelivery.encounter_id.in_(ids))
        .group_by(PcpSummaryDelivery.encounter_id)
        .subquery()
    )
    rows = uow.session.scalars(
        select(PcpSummaryDelivery).join(
            latest,
            (PcpSummaryDelivery.encounter_id == latest.c.encounter_id)
            & (PcpSummaryDelivery.sequence == latest.c.sequence),
        )
    )
    return {row.encounter_id: _status(_view(row)) for row in rows}


def _state(uow: UnitOfWork, encounter: Encounter) -> SummaryState:
    summary = _summary_row(uow, encounter.id)
    rows = _deliveries(uow, encounter.id)
    changed = None
    if rows:
        latest = rows[0]
        content = build_summary_content(uow, encounter, summary, latest.language, latest.recipient)
        changed = content_fingerprint(content) != latest.content_sha256
    return SummaryState(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        version_id=summary.version_id if summary else 0,
        hospital_course=summary.hospital_course if summary else "",
        course_updated_by=summary.course_updated_by if summary else None,
        course_updated_at=summary.course_updated_at if summary else None,
        pcp=pcp_recipient(encounter.patient.pcp),
        outbox_configured=bool(uow.site.summary_outbox),
        deliveries=tuple(_view(row) for row in rows),
        changed_since_sent=changed,
    )


def _load(uow: UnitOfWork, actor: Actor, permission: str, encounter_id: int) -> Encounter:
    require(actor, permission)
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=None)
    require_stay(actor, permission, encounter.unit_id)
    return encounter


def get_summary(uow: UnitOfWork, actor: Actor, encounter_id: int) -> SummaryState:
    """The hospital course, the PCP on record and every delivery; audited as a view."""
    encounter = _load(uow, actor, "stay.view", encounter_id)
    state = _state(uow, encounter)
    uow.audit(actor, "view", ENTITY, encounter.visit_number, patient_id=encounter.patient_id)
    uow.commit()
    return state


def encounter_id_of(uow: UnitOfWork, visit_number: str) -> int:
    found = uow.session.scalar(select(Encounter.id).where(Encounter.visit_number == visit_number))
    if found is None:
        raise NotFoundError(f"no stay with visit number '{visit_number}'")
    return found


# -- the hospital course ---------------------------------------------------------------------


def save_hospital_course(
    uow: UnitOfWork, actor: Actor, encounter_id: int, text: str, *, expected_version: int
) -> SummaryState:
    """Save the hospital course. ``expected_version`` is the version the user edited (0 when
    nothing was written yet); another workstation's newer save raises ConflictError."""
    encounter = _load(uow, actor, "stay.edit", encounter_id)
    course = check_hospital_course(text)
    row = _summary_row(uow, encounter.id)
    current = row.version_id if row else 0
    if current != expected_version:
        raise ConflictError(
            "someone else saved the hospital course since you opened it; reload it and apply "
            "your change again",
            theirs={"hospital_course": row.hospital_course if row else ""},
        )
    before = row.hospital_course if row else ""
    if row is None:
        row = PcpSummary(encounter_id=encounter.id, hospital_course="")
        uow.session.add(row)
    if course != before:
        row.hospital_course = course
        row.course_updated_at = uow.now()
        row.course_updated_by_id = actor.user_id
        row.course_updated_by = actor.display_name
        uow.audit(
            actor, "edit", ENTITY, encounter.visit_number, patient_id=encounter.patient_id,
            details={"field": "hospital_course", "before": before, "after": course},
        )  # fmt: skip
    uow.session.flush()
    state = _state(uow, encounter)
    uow.commit()
    return state


# -- rendering -------------------------------------------------------------------------------


def _render(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    *,
    language: str,
    recipient: str | None,
    fax: str | None = None,
) -> SummaryDocument:
    summary = _summary_row(uow, encounter.id)
    content = build_summary_content(uow, encounter, summary, language, recipient)
    now = uow.now().astimezone(uow.tz)
    cover = None
    if fax is not None:
        unit = encounter.unit
        cover = FaxCover(
            to_name=content.recipient.name or "",
            to_fax=fax,
            to_phone=content.recipient.phone,
            to_practice=content.recipient.practice,
            from_hospital=uow.site.hospital_name,
            from_unit=unit.name if unit else None,
            from_sender=actor.display_name,
            from_phone=(unit.phone if unit and unit.phone else None) or uow.site.callback_phone,
            from_fax=uow.site.summary_fax or None,
            sent_at=now,
        )
    rendered = render_summary(
        content,
        language=language,
        prepared_at=now,
        prepared_by=actor.display_name,
        paper=uow.site.packet_paper,
        colour=uow.site.packet_primary_colour,
        fax_cover=cover,
    )
    return SummaryDocument(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        language=language,
        recipient=content.recipient.name or "",
        fax_number=fax,
        pdf=rendered.pdf,
        page_count=rendered.pages,
        content_sha256=content_fingerprint(content),
    )


def _recipient_or_pcp(encounter: Encounter, recipient: str | None, *, required: bool) -> str | None:
    name = check_recipient(recipient) or pcp_recipient(encounter.patient.pcp).name
    if required and not name:
        raise ValidationError(
            "the patient has no primary care provider on record; enter who the summary goes to",
            field="recipient",
        )
    return name


def preview_summary(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    *,
    language: str = DEFAULT_SUMMARY_LANGUAGE,
    recipient: str | None = None,
) -> SummaryDocument:
    """The summary as it would go out now (no cover); audited as a view."""
    encounter = _load(uow, actor, "stay.view", encounter_id)
    name = _recipient_or_pcp(encounter, recipient, required=False)
    document = _render(uow, actor, encounter, language=language, recipient=name)
    uow.audit(
        actor, "view", ENTITY, encounter.visit_number, patient_id=encounter.patient_id,
        details={"what": "preview", "language": language},
    )  # fmt: skip
    uow.commit()
    return document


def prepare_fax(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    *,
    recipient: str | None = None,
    fax: str | None = None,
    language: str = DEFAULT_SUMMARY_LANGUAGE,
) -> SummaryDocument:
    """Fax cover + summary, ready to print; nothing is recorded until :func:`record_print`.
    ``fax`` defaults to the PCP's (the provider's, else the practice's)."""
    encounter = _load(uow, actor, "packet.print", encounter_id)
    name = _recipient_or_pcp(encounter, recipient, required=True)
    pcp = pcp_recipient(encounter.patient.pcp)
    number = fax if fax and fax.strip() else (pcp.fax if name == pcp.name else None)
    number = check_fax_number(number)
    return _render(uow, actor, encounter, language=language, recipient=name, fax=number)


# -- delivering ------------------------------------------------------------------------------


def _next_sequence(uow: UnitOfWork, encounter_id: int) -> int:
    latest = uow.session.scalar(
        select(func.max(PcpSummaryDelivery.sequence)).where(
            PcpSummaryDelivery.encounter_id == encounter_id
        )
    )
    return (latest or 0) + 1


def _record(
    uow: UnitOfWork,
    actor: Actor,
    encounter: Encounter,
    document: SummaryDocument,
    method: DeliveryMethod,
    file_name: str | None = None,
    sequence: int | None = None,
) -> PcpSummaryDelivery:
    row = PcpSummaryDelivery(
        encounter_id=encounter.id,
        sequence=sequence or _next_sequence(uow, encounter.id),
        method=method,
        recipient=document.recipient,
        fax_number=document.fax_number,
        file_name=file_name,
        language=document.language,
        content_sha256=document.content_sha256,
        pdf=document.pdf,
        sha256=document.sha256,
        page_count=document.page_count,
        sent_at=uow.now(),
        sent_by_id=actor.user_id,
        sent_by=actor.display_name,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        actor,
        "send" if method is DeliveryMethod.OUTBOX else "print",
        ENTITY,
        f"{encounter.visit_number}#{row.sequence}",
        patient_id=encounter.patient_id,
        details={
            "after": {
                "method": method.value,
                "recipient": document.recipient,
                "fax": document.fax_number,
                "file": file_name,
                "sha256": row.sha256,
                "pages": row.page_count,
            }
        },
    )
    return row


def record_print(uow: UnitOfWork, actor: Actor, document: SummaryDocument) -> DeliveryView:
    """Record that ``document`` (from :func:`prepare_fax`) was printed; stores its PDF."""
    encounter = _load(uow, actor, "packet.print", document.encounter_id)
    view = _view(_record(uow, actor, encounter, document, DeliveryMethod.PRINT))
    uow.commit()
    return view


def outbox_folder(uow: UnitOfWork) -> Path:
    """The configured outbox, checked: it must be an existing folder this computer can write."""
    configured = uow.site.summary_outbox
    if not configured:
        raise ConfigError(
            "site configuration key 'pcp_summary.outbox' is empty: no outbox folder is "
            "configured; print the summary with a fax cover instead"
        )
    folder = Path(configured)
    if not folder.is_dir():
        raise ConfigError(
            f"site configuration key 'pcp_summary.outbox': the folder {configured} does not "
            "exist or cannot be reached"
        )
    if not os.access(folder, os.W_OK):
        raise ConfigError(
            f"site configuration key 'pcp_summary.outbox': this computer may not write to "
            f"{configured}"
        )
    return folder


def write_atomically(folder: Path, name: str, data: bytes) -> Path:
    """``folder/name`` appears whole or not at all: a hidden temporary file in the same folder,
    flushed to disk, then renamed over the final name."""
    target = folder / name
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def _bundle_with_summary(
    uow: UnitOfWork, encounter: Encounter, document: SummaryDocument, sequence: int, author: str
) -> bytes:
    from transitions.interop.fhir_export import validate
    from transitions.interop.fhir_summary import add_to_bundle, summary_document_reference
    from transitions.services.interop_fhir import stay_bundle

    reference = summary_document_reference(
        pdf=document.pdf,
        encounter_id=encounter.id,
        patient_id=encounter.patient_id,
        sequence=sequence,
        created_at=uow.now(),
        author=author,
        language=document.language,
        recipient=document.recipient,
    )
    return validate(add_to_bundle(stay_bundle(uow, encounter), reference)).encode("utf-8")


def send_to_outbox(
    uow: UnitOfWork,
    actor: Actor,
    encounter_id: int,
    *,
    recipient: str | None = None,
    language: str = DEFAULT_SUMMARY_LANGUAGE,
) -> DeliveryView:
    """Write the summary (PDF, then the FHIR bundle holding it) to the outbox and record it."""
    encounter = _load(uow, actor, "packet.print", encounter_id)
    folder = outbox_folder(uow)
    name = _recipient_or_pcp(encounter, recipient, required=True)
    document = _render(uow, actor, encounter, language=language, recipient=name)
    sequence = _next_sequence(uow, encounter.id)
    base = outbox_base_name(encounter.visit_number, uow.now(), sequence)
    if (folder / f"{base}.pdf").exists() or (folder / f"{base}.json").exists():
        raise ConflictError(f"the outbox already holds {base}; reload the stay and try again")
    row = _record(
        uow, actor, encounter, document, DeliveryMethod.OUTBOX, file_name=base, sequence=sequence
    )
    bundle = _bundle_with_summary(uow, encounter, document, row.sequence, actor.display_name)
    written: list[Path] = []
    try:
        written.append(write_atomically(folder, f"{base}.pdf", document.pdf))
        written.append(write_atomically(folder, f"{base}.json", bundle))
    except OSError as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise ConfigError(
            f"site configuration key 'pcp_summary.outbox': writing to {folder} failed "
            f"({exc.strerror or exc}); nothing was sent"
        ) from exc
    view = _view(row)
    try:
        uow.commit()
    except BaseException:
        for path in written:  # not recorded: take the files back before the engine reads them
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return view


def get_delivery(uow: UnitOfWork, actor: Actor, delivery_id: int) -> tuple[DeliveryView, bytes]:
    """A delivery with the exact PDF that went out; audited as a view."""
    row = uow.session.get(PcpSummaryDelivery, delivery_id)
    if row is None:
        raise NotFoundError(f"no summary delivery with id {delivery_id}")
    encounter = _load(uow, actor, "stay.view", row.encounter_id)
    uow.audit(
        actor, "view", ENTITY, f"{encounter.visit_number}#{row.sequence}",
        patient_id=encounter.patient_id,
    )  # fmt: skip
    result = (_view(row), row.pdf)
    uow.commit()
    return result


# -- encounter show --------------------------------------------------------------------------


def _stay_section(uow: UnitOfWork, encounter: Encounter) -> dict[str, Any]:
    """``encounter show --json``: hospital course, latest status and every delivery (no PDF)."""
    summary = _summary_row(uow, encounter.id)
    deliveries = [_view(row) for row in _deliveries(uow, encounter.id)]
    return {
        "hospital_course": summary.hospital_course if summary else "",
        "course_updated_by": summary.course_updated_by if summary else None,
        "course_updated_at": summary.course_updated_at if summary else None,
        "status": _status(deliveries[0]).to_json() if deliveries else None,
        "deliveries": [d.to_json() for d in deliveries],
    }


register_stay_section("pcp_summary", _stay_section)

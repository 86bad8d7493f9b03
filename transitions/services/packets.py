"""Discharge packets: build the content of a stay, render it, store it, reprint it, audit output.

Content comes from :mod:`transitions.services.packet_content` (one builder per section).

Every generated packet is stored (PDF bytes, SHA-256, options, who, when). Generating again for
an unchanged stay with the same options returns the latest stored version; a changed stay (or
other options) makes the next version. A reprint returns the stored bytes unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from transitions.config import SiteConfig
from transitions.db.models import Encounter
from transitions.db.packet_models import DischargePacket
from transitions.errors import NotFoundError, ValidationError
from transitions.packet.content import (
    Branding,
    PacketContent,
    PacketOptions,
)
from transitions.packet.i18n import DEFAULT_LANGUAGE, Messages, languages
from transitions.packet.render import Rendered, render
from transitions.services.encounters import load_encounter, register_stay_section
from transitions.services.packet_content import build_content
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

#: output actions written to the audit trail
OUTPUT_ACTIONS = ("print", "export", "reprint")


# -- options, branding ------------------------------------------------------------------------


def branding_of(site: SiteConfig) -> Branding:
    return Branding(
        hospital_name=site.hospital_name,
        callback_phone=site.callback_phone or None,
        logo_path=site.packet_logo or None,
        primary_colour=site.packet_primary_colour,
        accent_colour=site.packet_accent_colour,
    )


def packet_language(preferred: str | None) -> str:
    """The patient's preferred language when the packet has it, else English."""
    code = (preferred or "").strip().lower()
    return code if code in languages() else DEFAULT_LANGUAGE


def resolve_options(
    site: SiteConfig, *, language: str | None, large_print: bool, preferred: str | None = None
) -> PacketOptions:
    chosen = language or packet_language(preferred)
    Messages(chosen)  # raises ValidationError for an unknown language
    return PacketOptions(language=chosen, large_print=large_print, paper=site.packet_paper)


# -- stored packets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PacketJob:
    """A packet ready to render (picklable: rendering may run in another process)."""

    encounter_id: int
    visit_number: str
    patient_id: int
    content: PacketContent
    options: PacketOptions
    branding: Branding
    printed_at: datetime
    content_sha256: str


@dataclass(frozen=True)
class PacketVersion:
    id: int
    encounter_id: int
    version: int
    language: str
    large_print: bool
    paper: str
    sha256: str
    size_bytes: int
    page_count: int
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class StoredPacket:
    info: PacketVersion
    pdf: bytes
    #: False when an unchanged stay returned its latest stored version
    new: bool = True


def _fingerprint(content: PacketContent, options: PacketOptions, branding: Branding) -> str:
    text = repr((content, options, branding))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan_packet(
    uow: UnitOfWork, encounter: Encounter, options: PacketOptions | None = None
) -> PacketJob:
    options = options or resolve_options(
        uow.site, language=None, large_print=False, preferred=encounter.patient.preferred_language
    )
    content = build_content(uow, encounter, options)
    branding = branding_of(uow.site)
    return PacketJob(
        encounter_id=encounter.id,
        visit_number=encounter.visit_number,
        patient_id=encounter.patient_id,
        content=content,
        options=options,
        branding=branding,
        printed_at=uow.now().astimezone(uow.tz),
        content_sha256=_fingerprint(content, options, branding),
    )


def render_job(job: PacketJob) -> Rendered:
    """Pure: the job's PDF (runs in a worker process for batches)."""
    return render(job.content, job.options, job.branding, job.printed_at)


def _version(row: DischargePacket) -> PacketVersion:
    return PacketVersion(
        id=row.id,
        encounter_id=row.encounter_id,
        version=row.version,
        language=row.language,
        large_print=row.large_print,
        paper=row.paper,
        sha256=row.sha256,
        size_bytes=row.size_bytes,
        page_count=row.page_count,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def _latest(uow: UnitOfWork, encounter_id: int) -> DischargePacket | None:
    return uow.session.scalar(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter_id)
        .order_by(DischargePacket.version.desc())
        .limit(1)
    )


def _store(uow: UnitOfWork, actor: Actor, job: PacketJob, rendered: Rendered) -> DischargePacket:
    latest = _latest(uow, job.encounter_id)
    options = {**job.options.to_json(), "branding": job.branding.__dict__}
    row = DischargePacket(
        encounter_id=job.encounter_id,
        version=(latest.version + 1) if latest else 1,
        language=job.options.language,
        large_print=job.options.large_print,
        paper=job.options.paper,
        options=json.dumps(options, sort_keys=True),
        content_sha256=job.content_sha256,
        pdf=rendered.pdf,
        sha256=hashlib.sha256(rendered.pdf).hexdigest(),
        size_bytes=len(rendered.pdf),
        page_count=rendered.pages,
        created_at=job.printed_at,
        created_by_id=actor.user_id,
        created_by=actor.display_name,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit(
        actor,
        "generate",
        "discharge_packet",
        f"{job.visit_number}#{row.version}",
        patient_id=job.patient_id,
        details={"after": {"version": row.version, "sha256": row.sha256, **job.options.to_json()}},
    )
    return row


def generate_packet(
    uow: UnitOfWork,
    actor: Actor,
    *,
    encounter_id: int | None = None,
    visit_number: str | None = None,
    language: str | None = None,
    large_print: bool = False,
) -> StoredPacket:
    """The packet of a stay: the latest stored version if nothing changed, else a new one.

    ``language`` None means the patient's preferred language (English when unsupported).
    """
    require(actor, "packet.print")
    encounter = load_encounter(uow, encounter_id=encounter_id, visit_number=visit_number)
    options = resolve_options(
        uow.site,
        language=language,
        large_print=large_print,
        preferred=encounter.patient.preferred_language,
    )
    job = plan_packet(uow, encounter, options)
    latest = _latest(uow, encounter.id)
    if latest is not None and latest.content_sha256 == job.content_sha256:
        uow.audit(
            actor, "view", "discharge_packet", f"{encounter.visit_number}#{latest.version}",
            patient_id=encounter.patient_id,
        )  # fmt: skip
        uow.commit()
        return StoredPacket(_version(latest), latest.pdf, new=False)
    row = _store(uow, actor, job, render_job(job))
    result = StoredPacket(_version(row), row.pdf)
    uow.commit()
    return result


def unchanged_packet(uow: UnitOfWork, job: PacketJob) -> StoredPacket | None:
    """The latest stored packet of the job's stay when it has the same content and options."""
    latest = _latest(uow, job.encounter_id)
    if latest is not None and latest.content_sha256 == job.content_sha256:
        return StoredPacket(_version(latest), latest.pdf, new=False)
    return None


def store_rendered(
    uow: UnitOfWork, actor: Actor, job: PacketJob, rendered: Rendered
) -> StoredPacket:
    """Store a packet rendered elsewhere (batch) and commit."""
    require(actor, "packet.batch_print")
    row = _store(uow, actor, job, rendered)
    result = StoredPacket(_version(row), row.pdf)
    uow.commit()
    return result


def list_packets(uow: UnitOfWork, actor: Actor, encounter_id: int) -> list[PacketVersion]:
    """The stored versions of a stay's packet, newest first (no PDF bytes)."""
    require(actor, "packet.print")
    rows = uow.session.scalars(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter_id)
        .order_by(DischargePacket.version.desc())
    )
    return [_version(row) for row in rows]


def get_packet(uow: UnitOfWork, actor: Actor, packet_id: int) -> StoredPacket:
    """A stored packet with its exact bytes (a reprint is byte-identical)."""
    require(actor, "packet.print")
    row = uow.session.get(DischargePacket, packet_id)
    if row is None:
        raise NotFoundError(f"no stored packet with id {packet_id}")
    return StoredPacket(_version(row), row.pdf, new=False)


def record_output(
    uow: UnitOfWork, actor: Actor, packet_id: int, action: str, target: str | None = None
) -> None:
    """Audit that a stored packet was printed, exported (saved as PDF) or reprinted."""
    require(actor, "packet.print")
    if action not in OUTPUT_ACTIONS:
        raise ValidationError(f"unknown packet output '{action}'", field="action")
    row = uow.session.get(DischargePacket, packet_id)
    if row is None:
        raise NotFoundError(f"no stored packet with id {packet_id}")
    encounter = uow.session.get(Encounter, row.encounter_id)
    assert encounter is not None
    uow.audit(
        actor,
        action,
        "discharge_packet",
        f"{encounter.visit_number}#{row.version}",
        patient_id=encounter.patient_id,
        # the target is a printer name or "file"; file paths may name the patient: not logged
        details={"after": {"sha256": row.sha256, "target": target or ""}},
    )
    uow.commit()


def _packets_section(uow: UnitOfWork, encounter: Encounter) -> list[dict[str, Any]]:
    """``encounter show --json``: the stored packet versions (no PDF bytes)."""
    rows = uow.session.scalars(
        select(DischargePacket)
        .where(DischargePacket.encounter_id == encounter.id)
        .order_by(DischargePacket.version.desc())
    )
    return [asdict(_version(row)) for row in rows]


register_stay_section("packets", _packets_section)

"""Summary to the primary care provider (RED 11) on both databases: content read back from the
PDF, the hospital course, the outbox (atomic files, FHIR bundle), print with fax cover, status."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader
from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.db.test_medrec import nurse, pharmacist, seed
from tests.db.test_packet_workflows import _reconcile
from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.db.models import AuditEvent, Clinic, Encounter, Provider
from transitions.db.pcp_summary_models import PcpSummaryDelivery
from transitions.domain.appointments import AppointmentType, HomeServiceKind, PatientNotification
from transitions.errors import (
    ConfigError,
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from transitions.services import appointments, followup_items, pcp_summary
from transitions.services.encounters import stay_document
from transitions.services.uow import Actor, UnitOfWork

MakeUow = Callable[[], UnitOfWork]
COURSE = (
    "Admitted with decompensated systolic heart failure; diuresed with IV furosemide, "
    "4.2 kg net loss.\n\nDischarged euvolaemic on oral diuretic; metformin dose increased."
)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def pages_of(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


@dataclass(frozen=True)
class Seeded:
    stay: int
    visit: str
    ids: dict[str, int]


def seed_summary(make_uow: MakeUow, *, reconciled: bool = True, pcp: bool = True) -> Seeded:
    """Heart failure stay (tests.db.test_medrec.seed) with a PCP and practice fax, a signed
    reconciliation, a PCP appointment, a pending blood culture and home oxygen."""
    stay, ids = seed(make_uow)
    visit_at = (FIXED_NOW + timedelta(days=6)).replace(hour=15)  # 10:00 New York
    with make_uow() as uow:
        clinic = Clinic(
            name="Riverside Family Medicine", phone="(555) 010-3300", fax="(555) 010-3301",
            opening_hours="Mon-Fri 08:00-17:00",
        )  # fmt: skip
        doctor = Provider(
            family_name="Harrowgate", given_name="Celestine", credentials="MD", clinic=clinic
        )
        uow.session.add_all([clinic, doctor])
        encounter = uow.session.get_one(Encounter, stay)
        encounter.planned_discharge_time = FIXED_NOW + timedelta(hours=4)
        if pcp:
            encounter.patient.pcp = doctor
        uow.commit()
        clinic_id, doctor_id, visit = clinic.id, doctor.id, encounter.visit_number
    if reconciled:
        _reconcile(make_uow, stay, ids)
    rn = nurse()
    with make_uow() as uow:
        appointments.book_appointment(
            uow, rn, stay,
            appointments.AppointmentInput(
                type=AppointmentType.PCP_FOLLOW_UP, starts_at=visit_at, clinic_id=clinic_id,
                provider_id=doctor_id,
            ),
        )  # fmt: skip
    with make_uow() as uow:
        followup_items.add_pending_test(
            uow, rn, stay, test_name="Blood culture", notify_by=PatientNotification.PHONE,
            ordered_by="Dr. Okafor", expected_on=date(2026, 11, 28), responsible_id=doctor_id,
        )  # fmt: skip
    with make_uow() as uow:
        followup_items.add_home_service(
            uow, rn, stay, kind=HomeServiceKind.OXYGEN, description="2 L/min at night",
            vendor="Lakeside Medical Supply", vendor_phone="(555) 010-7788",
        )  # fmt: skip
    return Seeded(stay, visit, ids)


def write_course(make_uow: MakeUow, stay: int, text: str = COURSE) -> pcp_summary.SummaryState:
    with make_uow() as uow:
        return pcp_summary.save_hospital_course(uow, nurse(), stay, text, expected_version=0)


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    folder = tmp_path / "outbox"
    folder.mkdir()
    return folder


@pytest.fixture
def outbox_uow(
    database: Database, site: SiteConfig, clock: Callable[..., object], outbox: Path
) -> MakeUow:
    configured = replace(site, summary_outbox=str(outbox), summary_fax="(555) 010-2499")
    return lambda: UnitOfWork(database, configured, now=clock)  # type: ignore[arg-type]


def test_summary_says_everything_a_pcp_needs(make_uow: MakeUow) -> None:
    seeded = seed_summary(make_uow)
    write_course(make_uow, seeded.stay)
    with make_uow() as uow:
        document = pcp_summary.preview_summary(uow, nurse(), seeded.stay)
    text = " ".join(text_of(document.pdf).split())
    for expected in (
        "Hospital Discharge Summary",
        "Celestine Harrowgate, MD", "Riverside Family Medicine", "(555) 010-3301",  # to, fax
        "Quigley, Maren", "MRN100001", "V0001",
        "I50.23", "Acute on chronic systolic (congestive) heart failure", "Principal",
        "penicillin (hives, moderate)",
        "4.2 kg net loss", "metformin dose increased", "Written by Dana Lee, RN",
        "Medication reconciliation signed by Dana Lee, RN",
        "New", "insulin glargine", "Changed", "Before: 500 mg oral BID", "A1c 9.1",
        "Continued unchanged", "furosemide", "Stopped", "Eliquis",
        "Blood culture", "Dr. Okafor", "11/28/2026", "by phone",
        "PCP follow-up", "12/01/2026 10:00 AM",
        "interactive contact due by 11/30/2026", "visit due by 12/09/2026",
        "Home oxygen", "Lakeside Medical Supply",
        "LACE index", "HOSPITAL score", "Computed for this summary",
        "Hemoglobin", "11.2 g/dL",
    ):  # fmt: skip
        assert expected in text, expected
    assert "NOT signed" not in text
    pages = pages_of(document.pdf)
    assert document.page_count == len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Quigley, Maren · MRN MRN100001 · DOB 03/14/1948" in page
        assert f"Page {number} of {len(pages)}" in page
        assert "Prepared 11/25/2026 10:00 AM by Dana Lee, RN" in page
        assert "Confidential health information" in page
    with make_uow() as uow:
        actions = uow.session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "pcp_summary")
        ).all()
    assert actions == ["edit", "view"]  # a preview is a view: no live refresh


def test_unsigned_reconciliation_is_marked_not_final(make_uow: MakeUow) -> None:
    seeded = seed_summary(make_uow, reconciled=False)
    with make_uow() as uow:
        text = " ".join(text_of(pcp_summary.preview_summary(uow, nurse(), seeded.stay).pdf).split())
    assert "Medication reconciliation NOT signed" in text
    assert "Home medications as recorded" in text and "Eliquis" in text
    assert "No hospital course has been written" in text


def test_spanish_summary(make_uow: MakeUow) -> None:
    seeded = seed_summary(make_uow)
    with make_uow() as uow:
        pdf = pcp_summary.preview_summary(uow, nurse(), seeded.stay, language="es").pdf
    text = " ".join(text_of(pdf).split())
    assert "Resumen de alta hospitalaria" in text and "Medicación al alta" in text
    assert "28/11/2026" in text
    with make_uow() as uow, pytest.raises(ValidationError, match="unknown summary language"):
        pcp_summary.preview_summary(uow, nurse(), seeded.stay, language="xx")


def test_hospital_course_versions_conflicts_and_limits(make_uow: MakeUow) -> None:
    seeded = seed_summary(make_uow, reconciled=False)
    state = write_course(make_uow, seeded.stay, "  First draft.  \n")
    assert state.hospital_course == "First draft." and state.version_id == 1
    assert state.course_updated_by == "Dana Lee, RN" and state.course_updated_at == FIXED_NOW
    with make_uow() as uow, pytest.raises(ConflictError) as conflict:
        pcp_summary.save_hospital_course(uow, nurse(), seeded.stay, "Mine", expected_version=0)
    assert conflict.value.theirs == {"hospital_course": "First draft."}
    with make_uow() as uow, pytest.raises(ValidationError) as too_long:
        pcp_summary.save_hospital_course(uow, nurse(), seeded.stay, "x" * 8001, expected_version=1)
    assert too_long.value.field == "hospital_course"
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        pcp_summary.save_hospital_course(uow, pharmacist(), seeded.stay, "x", expected_version=1)
    with make_uow() as uow:
        state = pcp_summary.save_hospital_course(
            uow, nurse(), seeded.stay, "Second.", expected_version=1
        )
    assert state.version_id == 2
    with make_uow() as uow:
        details = uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "edit")
        ).all()
    assert [json.loads(d or "{}")["after"] for d in details] == ["First draft.", "Second."]


def test_send_to_outbox_writes_pdf_then_bundle(outbox_uow: MakeUow, outbox: Path) -> None:
    seeded = seed_summary(outbox_uow)
    write_course(outbox_uow, seeded.stay)
    with outbox_uow() as uow:
        assert pcp_summary.pcp_summary_status(uow, seeded.stay) is None
        delivery = pcp_summary.send_to_outbox(uow, nurse(), seeded.stay)
    base = "pcp-summary_V0001_20261125T150000Z_1"
    assert delivery.file_name == base and delivery.method == "outbox"
    assert delivery.recipient == "Celestine Harrowgate, MD"
    assert sorted(p.name for p in outbox.iterdir()) == [f"{base}.json", f"{base}.pdf"]
    assert not any(name in base for name in ("Quigley", "Maren"))
    pdf = (outbox / f"{base}.pdf").read_bytes()
    assert "4.2 kg net loss" in text_of(pdf)
    bundle = json.loads((outbox / f"{base}.json").read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    documents = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "DocumentReference"
        and e["resource"]["type"]["coding"][0]["code"] == "18842-5"
    ]
    assert len(documents) == 1
    assert base64.b64decode(documents[0]["content"][0]["attachment"]["data"]) == pdf
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "Encounter", "Condition", "AllergyIntolerance"} <= kinds

    with outbox_uow() as uow:
        status = pcp_summary.pcp_summary_status(uow, seeded.stay)
        stored = uow.session.scalars(select(PcpSummaryDelivery.pdf)).one()
        sent = uow.session.scalars(
            select(AuditEvent.entity_id).where(AuditEvent.action == "send")
        ).one()  # fmt: skip
    assert status == pcp_summary.PcpSummaryStatus(
        "outbox", FIXED_NOW, "Dana Lee, RN", "Celestine Harrowgate, MD", 1
    )
    assert stored == pdf and sent == "V0001#1"
    with outbox_uow() as uow:
        document = stay_document(uow, Actor.system("test"), seeded.visit)
    section = document["pcp_summary"]
    assert (
        section["status"]["method"] == "outbox" and section["status"]["sent_by"] == "Dana Lee, RN"
    )
    assert section["status"]["sent_at"] == "2026-11-25T15:00:00Z"
    assert section["hospital_course"] == COURSE
    assert [d["file_name"] for d in section["deliveries"]] == [base]


def test_outbox_problems_name_the_site_key(
    make_uow: MakeUow, outbox_uow: MakeUow, outbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded = seed_summary(make_uow)
    with make_uow() as uow, pytest.raises(ConfigError, match="'pcp_summary.outbox' is empty"):
        pcp_summary.send_to_outbox(uow, nurse(), seeded.stay)
    outbox.rmdir()
    with outbox_uow() as uow, pytest.raises(ConfigError, match="'pcp_summary.outbox'.*not exist"):
        pcp_summary.send_to_outbox(uow, nurse(), seeded.stay)
    outbox.mkdir()

    # the bundle cannot be written: the PDF already written is taken back, nothing recorded
    real = pcp_summary.write_atomically

    def failing(folder: Path, name: str, data: bytes) -> Path:
        if name.endswith(".json"):
            raise OSError(28, "No space left on device")
        return real(folder, name, data)

    monkeypatch.setattr(pcp_summary, "write_atomically", failing)
    with outbox_uow() as uow, pytest.raises(ConfigError, match="No space left on device"):
        pcp_summary.send_to_outbox(uow, nurse(), seeded.stay)
    assert list(outbox.iterdir()) == []
    with outbox_uow() as uow:
        assert pcp_summary.pcp_summary_status(uow, seeded.stay) is None


def test_print_with_fax_cover(outbox_uow: MakeUow) -> None:
    seeded = seed_summary(outbox_uow)
    with outbox_uow() as uow:
        document = pcp_summary.prepare_fax(uow, nurse(), seeded.stay)
    assert document.fax_number == "(555) 010-3301"  # the practice's fax
    pages = pages_of(document.pdf)
    cover = pages[0]
    assert cover.startswith("FAX") and "Celestine Harrowgate, MD" in cover
    assert "(555) 010-3301" in cover and "(555) 010-2499" in cover  # to and from fax
    assert f"Pages (including this cover) {len(pages)}" in cover
    assert "CONFIDENTIALITY NOTICE" in cover and "Dana Lee, RN" in cover
    assert "Quigley" not in cover and "MRN100001" not in cover and "I50.23" not in cover
    assert "Hospital Discharge Summary" in pages[1]
    assert f"Page 2 of {len(pages)}" in pages[1]
    with outbox_uow() as uow:
        assert pcp_summary.pcp_summary_status(uow, seeded.stay) is None  # not printed yet
        printed = pcp_summary.record_print(uow, nurse(), document)
    assert printed.method == "print" and printed.fax_number == "(555) 010-3301"
    with outbox_uow() as uow:
        state = pcp_summary.get_summary(uow, nurse(), seeded.stay)
        _, stored = pcp_summary.get_delivery(uow, nurse(), printed.id)
    assert state.status is not None and state.status.method == "print"
    assert state.changed_since_sent is False and stored == document.pdf

    # someone else, another fax number; a typed number must look like one
    with outbox_uow() as uow:
        other = pcp_summary.prepare_fax(
            uow, nurse(), seeded.stay, recipient="Dr. Covering Partner", fax="+1 555 010 9999"
        )
    assert other.recipient == "Dr. Covering Partner" and other.fax_number == "+1 555 010 9999"
    with outbox_uow() as uow, pytest.raises(ValidationError) as bad:
        pcp_summary.prepare_fax(uow, nurse(), seeded.stay, fax="call me")
    assert bad.value.field == "fax"


def test_no_pcp_on_record_needs_a_recipient(outbox_uow: MakeUow) -> None:
    seeded = seed_summary(outbox_uow, pcp=False, reconciled=False)
    with outbox_uow() as uow, pytest.raises(ValidationError) as missing:
        pcp_summary.send_to_outbox(uow, nurse(), seeded.stay)
    assert missing.value.field == "recipient"
    with outbox_uow() as uow:
        text = " ".join(text_of(pcp_summary.preview_summary(uow, nurse(), seeded.stay).pdf).split())
    assert "Primary care provider not recorded" in text
    with outbox_uow() as uow, pytest.raises(ValidationError) as no_fax:
        pcp_summary.prepare_fax(uow, nurse(), seeded.stay, recipient="Dr. New Doctor")
    assert no_fax.value.field == "fax"
    with outbox_uow() as uow:
        sent = pcp_summary.send_to_outbox(uow, nurse(), seeded.stay, recipient="Dr. New Doctor")
    assert sent.recipient == "Dr. New Doctor"


def test_a_change_after_sending_shows_and_statuses_in_bulk(outbox_uow: MakeUow) -> None:
    seeded = seed_summary(outbox_uow)
    with outbox_uow() as uow:
        pcp_summary.send_to_outbox(uow, nurse(), seeded.stay)
    with outbox_uow() as uow:
        assert pcp_summary.get_summary(uow, nurse(), seeded.stay).changed_since_sent is False
    with outbox_uow() as uow:
        followup_items.add_home_service(
            uow,
            nurse(),
            seeded.stay,
            kind=HomeServiceKind.DME,
            description="Shower chair",
            vendor="Lakeside Medical Supply",
        )
    with outbox_uow() as uow:
        assert pcp_summary.get_summary(uow, nurse(), seeded.stay).changed_since_sent is True
        again = pcp_summary.send_to_outbox(uow, nurse(), seeded.stay)
    assert again.sequence == 2 and again.file_name is not None and again.file_name.endswith("_2")
    with outbox_uow() as uow:
        statuses = pcp_summary.pcp_summary_statuses(uow, [seeded.stay, seeded.stay + 999])
        state = pcp_summary.get_summary(uow, nurse(), seeded.stay)
    assert list(statuses) == [seeded.stay] and statuses[seeded.stay].sequence == 2
    assert [d.sequence for d in state.deliveries] == [2, 1]
    assert state.changed_since_sent is False


def test_roles_and_units(outbox_uow: MakeUow) -> None:
    seeded = seed_summary(outbox_uow)
    with outbox_uow() as uow, pytest.raises(PermissionDeniedError):
        pcp_summary.send_to_outbox(uow, pharmacist(), seeded.stay)  # no packet.print
    elsewhere = Actor(1, "rn.lee", "Dana Lee, RN", frozenset({"nurse"}), units=frozenset({999}))
    with outbox_uow() as uow, pytest.raises(PermissionDeniedError, match="other units"):
        pcp_summary.get_summary(uow, elsewhere, seeded.stay)
    with outbox_uow() as uow:  # a pharmacist may read it
        assert pcp_summary.get_summary(uow, pharmacist(), seeded.stay).deliveries == ()


def test_red_checklist_item_follows_the_sending(outbox_uow: MakeUow) -> None:
    from transitions.services import readiness

    seeded = seed_summary(outbox_uow)
    with outbox_uow() as uow:
        item = readiness.stay_readiness(uow, nurse(), seeded.stay).item("pcp_summary")
    assert item.status == "missing"
    with outbox_uow() as uow:
        pcp_summary.send_to_outbox(uow, nurse(), seeded.stay)
    with outbox_uow() as uow:
        item = readiness.stay_readiness(uow, nurse(), seeded.stay).item("pcp_summary")
    assert item.status == "done"
    assert item.detail == (
        "sent to the outbox for Celestine Harrowgate, MD by Dana Lee, RN, 2026-11-25 10:00"
    )

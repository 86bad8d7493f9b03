"""Medication reconciliation service on SQLite and PostgreSQL: a heart-failure discharge."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions.config import SiteConfig
from transitions.db.models import AuditEvent, MedicationEntry, User
from transitions.domain.enums import MedicationList, MedicationSource
from transitions.domain.medrec.workflow import DecisionKind
from transitions.errors import ConflictError, PermissionDeniedError, ValidationError
from transitions.services import drugs, encounters, medrec
from transitions.services.medrec import MedInput
from transitions.services.uow import Actor, UnitOfWork

MakeUow = Callable[[], UnitOfWork]


def nurse(user_id: int = 1) -> Actor:
    return Actor(user_id, "rn.lee", "Dana Lee, RN", frozenset({"nurse"}))


def pharmacist(user_id: int = 2) -> Actor:
    return Actor(user_id, "rph.kim", "Sam Kim, PharmD", frozenset({"pharmacist"}))


USERS = [
    ("rn.lee", "Dana Lee, RN", "nurse"),
    ("rph.kim", "Sam Kim, PharmD", "pharmacist"),
    ("cm", "Case Manager", "case_manager"),
]


def seed(make_uow: MakeUow) -> tuple[int, dict[str, int]]:
    """Heart failure + diabetes, penicillin allergy; home furosemide, metformin, Eliquis;
    inpatient enoxaparin and insulin glargine."""
    with make_uow() as uow:
        s = uow.session
        for username, name, roles in USERS:  # ids 1, 2, 3
            s.add(User(username=username, display_name=name, password_hash="x", roles=roles))
            s.flush()
        patient = make_patient(s, "Quigley", "Maren", mrn="MRN100001")
        stay = make_stay(s, patient, make_unit(s), visit_number="V0001")
        add_clinical_details(s, stay)
        at = stay.admit_time + timedelta(hours=2)
        stay.medications.extend(
            [
                MedicationEntry(
                    list_kind=MedicationList.HOME, drug_name="Eliquis", dose="5 mg",
                    route="oral", frequency="BID", source=MedicationSource.CAREGIVER,
                    recorded_at=at,
                ),
                MedicationEntry(
                    list_kind=MedicationList.INPATIENT, drug_name="enoxaparin", dose="40 mg",
                    route="subcutaneous", frequency="daily", source=MedicationSource.ORDER,
                    recorded_at=at,
                ),
                MedicationEntry(
                    list_kind=MedicationList.INPATIENT, drug_name="insulin glargine",
                    dose="10 units", route="subcutaneous", frequency="at bedtime",
                    source=MedicationSource.ORDER, recorded_at=at,
                ),
            ]
        )  # fmt: skip
        s.flush()
        ids = {m.drug_name: m.id for m in stay.medications}
        stay_id = stay.id
        uow.commit()
    return stay_id, ids


def kinds(view: medrec.ReconciliationView) -> list[str]:
    return [p.kind for p in view.problems]


def test_fresh_stay_shows_omissions_for_every_home_med(make_uow: MakeUow) -> None:
    stay, ids = seed(make_uow)
    with make_uow() as uow:
        view = medrec.get_reconciliation(uow, nurse(), stay)
    assert [line.drug for line in view.home] == ["furosemide", "metformin", "Eliquis"]
    assert view.home[2].source == "caregiver"
    assert view.home[0].times == ("morning",)
    assert view.inpatient[1].times == ("bedtime",)
    assert kinds(view) == ["omission"] * 3
    assert view.status == "draft" and view.version_id == 0
    assert view.boost.suggested  # Eliquis (anticoagulant) and insulin are high-alert


def test_full_reconciliation_sign_reopen_and_encounter_show(make_uow: MakeUow) -> None:
    stay, ids = seed(make_uow)
    rn = nurse()
    with make_uow() as uow:
        medrec.decide(uow, rn, ids["furosemide"], DecisionKind.CONTINUE)
    with make_uow() as uow:
        view = medrec.decide(
            uow, rn, ids["metformin"], DecisionKind.CHANGE,
            change=MedInput(drug="metformin", dose="1,000 mg", route="po", frequency="twice daily"),
            reason_code="dose_adjusted_clinical", reason_text="A1c 9.1",
        )  # fmt: skip
    changed = next(d for d in view.discharge if d.drug == "metformin")
    assert (changed.dose, changed.route, changed.reason) == (
        "1000 mg", "oral", "Dose adjusted for clinical response (BP, heart rate, glucose, "
        "symptoms): A1c 9.1",
    )  # fmt: skip
    with make_uow() as uow:
        medrec.decide(uow, rn, ids["Eliquis"], DecisionKind.CONTINUE)
        # enoxaparin + apixaban going home together: two anticoagulants
    with make_uow() as uow:
        view = medrec.decide(uow, rn, ids["enoxaparin"], DecisionKind.NEW)
    assert "duplication" in kinds(view)
    with make_uow() as uow:
        view = medrec.decide(
            uow, rn, ids["enoxaparin"], DecisionKind.STOP, reason_code="inpatient_only",
            expected_version=next(d for d in view.discharge if d.drug == "enoxaparin").version_id,
        )  # fmt: skip
    assert "duplication" not in kinds(view)
    with make_uow() as uow:
        view = medrec.decide(uow, rn, ids["insulin glargine"], DecisionKind.NEW)
    assert [p.kind for p in view.problems if p.blocking] == []
    assert {p.kind for p in view.problems} == {"high_alert"}
    assert view.boost.suggested and view.boost.changes == 3  # change, stop, new

    with make_uow() as uow:
        signed = medrec.sign(uow, rn, stay, expected_version=view.version_id)
    assert signed.status == "signed" and signed.read_only
    assert signed.signed_by == "Dana Lee, RN"
    with make_uow() as uow, pytest.raises(ValidationError, match="read-only"):
        medrec.decide(uow, rn, ids["furosemide"], DecisionKind.STOP, reason_code="other",
                      reason_text="x")  # fmt: skip

    with make_uow() as uow:
        doc = encounters.stay_document(uow, Actor.system("test"), "V0001")
    section = doc["medication_reconciliation"]
    assert section["status"] == "signed"
    assert section["signed"]["revision"] == 1
    assert [d["drug"] for d in section["signed"]["discharge"]] == [
        "furosemide", "metformin", "Eliquis", "insulin glargine",
    ]  # fmt: skip
    assert section["signed"]["discharge"][3]["times"] == ["bedtime"]

    with make_uow() as uow:
        reopened = medrec.reopen(
            uow, rn, stay, "pharmacy called: metformin ER", expected_version=signed.version_id
        )
    assert reopened.status == "draft"
    with make_uow() as uow:
        doc = encounters.stay_document(uow, Actor.system("test"), "V0001")
    section = doc["medication_reconciliation"]
    assert section["signed"] is None
    assert section["earlier_versions"][0]["reopen_reason"] == "pharmacy called: metformin ER"
    with make_uow() as uow:
        again = medrec.sign(uow, rn, stay, expected_version=reopened.version_id)
    assert [v.revision for v in again.versions] == [1, 2]
    with make_uow() as uow:
        actions = uow.session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity.in_(["medrec", "medrec_decision"]))
        ).all()
    assert actions.count("decide") == 6
    assert {"sign", "reopen"} <= set(actions)


def test_problems_block_signing_until_acknowledged(make_uow: MakeUow) -> None:
    stay, ids = seed(make_uow)
    rn = nurse()
    with make_uow() as uow:
        medrec.decide(uow, rn, ids["furosemide"], DecisionKind.CONTINUE)
    with make_uow() as uow:
        medrec.decide(uow, rn, ids["metformin"], DecisionKind.CONTINUE)
    with make_uow() as uow:
        # Augmentin for a penicillin-allergic patient; brand name, tricky dose
        view = medrec.add_discharge_medication(
            uow, rn, stay, MedInput(drug="Augmentin", sig="875 mg po q12h x7 days")
        )
    added = next(d for d in view.discharge if d.decision == "added")
    assert (added.dose, added.duration_days, added.times) == ("875 mg", 7, ("morning", "evening"))
    allergy = next(p for p in view.problems if p.kind == "allergy")
    assert allergy.items == (added.key,) and allergy.severity == "high"
    with make_uow() as uow, pytest.raises(ValidationError, match="must be resolved"):
        medrec.sign(uow, rn, stay, expected_version=view.version_id)
    with make_uow() as uow:
        view = medrec.acknowledge(uow, rn, stay, allergy.key, "hives only; tolerated before")
    with make_uow() as uow:
        view = medrec.acknowledge(
            uow, rn, stay, next(p.key for p in view.open_problems), "stops at home"
        )
    assert not view.open_problems
    with make_uow() as uow:
        signed = medrec.sign(uow, rn, stay, expected_version=view.version_id)
    assert signed.status == "signed"
    stored = signed.problems[0].acknowledged
    assert stored is not None and stored.by == "Dana Lee, RN"


def test_field_validation_names_the_field(make_uow: MakeUow) -> None:
    stay, ids = seed(make_uow)
    rn = nurse()
    cases = [
        (MedInput(drug="", dose="10 mg", route="oral", frequency="daily"), "drug", "drug name"),
        (MedInput(drug="lisinopril", dose="ten", route="oral", frequency="daily"), "dose", "ten"),
        (MedInput(drug="lisinopril", dose="10 mg", route="nasogastrik", frequency="daily"),
         "route", "not a route"),
        (MedInput(drug="lisinopril", dose="10 mg", route="oral", frequency="sometimes"),
         "frequency", "not a frequency"),
    ]  # fmt: skip
    for med, field, text in cases:
        with make_uow() as uow, pytest.raises(ValidationError, match=text) as caught:
            medrec.add_discharge_medication(uow, rn, stay, med)
        assert caught.value.field == field
    with make_uow() as uow, pytest.raises(ValidationError) as caught:
        medrec.decide(uow, rn, ids["metformin"], DecisionKind.STOP)
    assert caught.value.field == "reason"
    with make_uow() as uow, pytest.raises(ValidationError) as caught:
        medrec.decide(uow, rn, ids["metformin"], DecisionKind.STOP, reason_code="other")
    assert caught.value.field == "reason_text"
    with make_uow() as uow, pytest.raises(ValidationError) as caught:
        medrec.decide(uow, rn, ids["metformin"], DecisionKind.NEW)
    assert caught.value.field == "decision"


def test_unparsed_directions_are_kept_and_flagged(make_uow: MakeUow) -> None:
    stay, _ = seed(make_uow)
    with make_uow() as uow:
        view = medrec.add_discharge_medication(
            uow, nurse(), stay,
            MedInput(drug="Lasix", sig="20 mg po daily, extra dose if weight up 3 lb"),
        )  # fmt: skip
    line = view.discharge[0]
    assert line.flagged and "weight" in (line.sig_unparsed or "")
    assert (line.dose, line.route, line.frequency) == ("20 mg", "oral", "once a day")
    assert line.sig_text == "20 mg po daily, extra dose if weight up 3 lb"


def test_second_signoff_by_pharmacist(
    make_uow: MakeUow, database: object, site: SiteConfig, clock: Callable[..., object]
) -> None:
    stay, ids = seed(make_uow)
    policy = replace(site, medrec_second_signoff=True)

    def uow2() -> UnitOfWork:
        return UnitOfWork(database, policy, now=clock)  # type: ignore[arg-type]

    rn = nurse()
    for drug in ("furosemide", "metformin", "Eliquis"):
        with uow2() as uow:
            view = medrec.decide(uow, rn, ids[drug], DecisionKind.CONTINUE)
    with uow2() as uow:
        view = medrec.sign(uow, rn, stay, expected_version=view.version_id)
    assert view.awaiting_second_signoff
    with uow2() as uow, pytest.raises(PermissionDeniedError):
        medrec.second_sign(uow, rn, stay, expected_version=view.version_id)
    with uow2() as uow, pytest.raises(ConflictError):
        medrec.second_sign(uow, pharmacist(), stay, expected_version=view.version_id - 1)
    with uow2() as uow:
        view = medrec.second_sign(uow, pharmacist(), stay, expected_version=view.version_id)
    assert view.status == "verified" and view.second_signed_by == "Sam Kim, PharmD"
    assert view.versions[0].second_signed_by == "Sam Kim, PharmD"


def test_permissions(make_uow: MakeUow) -> None:
    stay, ids = seed(make_uow)
    case_manager = Actor(3, "cm", "Case Manager", frozenset({"case_manager"}))
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        medrec.decide(uow, case_manager, ids["furosemide"], DecisionKind.CONTINUE)
    with make_uow() as uow:
        assert medrec.get_reconciliation(uow, case_manager, stay).home  # viewing is allowed


def test_boost_suggestions_for_the_worklist(make_uow: MakeUow) -> None:
    stay, ids = seed(make_uow)
    with make_uow() as uow:
        s = uow.session
        calm = make_stay(s, make_patient(s, "Calm", "Casey", mrn="MRN100009"), make_unit(s, "5E"))
        calm.medications.append(
            MedicationEntry(list_kind=MedicationList.HOME, drug_name="Lipitor", dose="40 mg",
                            route="oral", frequency="at bedtime",
                            source=MedicationSource.PATIENT, recorded_at=calm.admit_time)
        )  # fmt: skip
        s.flush()
        calm_id = calm.id
        uow.commit()
    with make_uow() as uow:
        result = medrec.pharmacist_review_suggestions(uow, [stay, calm_id])
    assert result[stay].suggested and "apixaban" in result[stay].reason
    assert not result[calm_id].suggested


def test_site_drug_import_extends_the_checks(make_uow: MakeUow, tmp_path: Path) -> None:
    stay, _ = seed(make_uow)
    csv = tmp_path / "site.csv"
    csv.write_text(
        "generic,ingredients,brands,classes\nzorblaxacillin,zorblaxacillin,Zorblax,penicillin\n",
        encoding="utf-8",
    )
    with make_uow() as uow:
        view = medrec.add_discharge_medication(
            uow, nurse(), stay, MedInput(drug="Zorblax", dose="500 mg", route="oral",
                                         frequency="TID"),
        )  # fmt: skip
    assert "not_coded" in kinds(view) and "allergy" not in kinds(view)
    with make_uow() as uow:
        result = drugs.import_drugs(uow, Actor.system("test"), csv)
    assert (result.added, result.updated) == (1, 0)
    with make_uow() as uow:
        view = medrec.get_reconciliation(uow, nurse(), stay)
        names = drugs.drug_names(uow)
    assert "not_coded" not in kinds(view) and "allergy" in kinds(view)
    assert any(n.label == "Zorblax (zorblaxacillin)" for n in names)
    with make_uow() as uow:
        assert drugs.import_drugs(uow, Actor.system("test"), csv).updated == 1
        details = uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.entity == "site_drug")
        ).first()
    assert json.loads(details or "{}")["added"] == 1


def test_editing_a_medicine_withdraws_acceptances_that_concern_it(make_uow: MakeUow) -> None:
    stay, ids = seed(make_uow)
    rn = nurse()
    for drug in ("furosemide", "metformin"):
        with make_uow() as uow:
            medrec.decide(uow, rn, ids[drug], DecisionKind.CONTINUE)
    with make_uow() as uow:
        view = medrec.add_discharge_medication(
            uow, rn, stay, MedInput(drug="Augmentin", sig="875 mg po q12h")
        )
    allergy = next(p for p in view.problems if p.kind == "allergy")
    with make_uow() as uow:
        view = medrec.acknowledge(uow, rn, stay, allergy.key, "tolerated before")
    assert next(p for p in view.problems if p.key == allergy.key).acknowledged is not None
    added = next(d for d in view.discharge if d.decision == "added")
    with make_uow() as uow:  # a higher dose: the nurse must look at the allergy again
        view = medrec.edit_discharge_medication(
            uow, rn, added.decision_id, MedInput(drug="Augmentin", sig="1000 mg po q12h"),
            expected_version=added.version_id,
        )  # fmt: skip
    again = next(p for p in view.problems if p.key == allergy.key)
    assert again.acknowledged is None and again in view.open_problems

"""Stays on both databases: worklist filters, one stay's record, the discharge state machine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.factories import add_clinical_details, make_patient, make_stay, make_unit
from transitions.db.models import AuditEvent, Encounter
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import EncounterClass
from transitions.errors import ConflictError, IllegalTransitionError, NotFoundError, ValidationError
from transitions.services import encounters
from transitions.services.encounters import StayFilter
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]


def _seed(make_uow: UowFactory) -> dict[str, int]:
    with make_uow() as uow:
        s = uow.session
        w4 = make_unit(s, "4W", "4 West Medicine")
        e5 = make_unit(s, "5E", "5 East Cardiology")
        today_planned = FIXED_NOW + timedelta(hours=4)  # 14:00 New York, 25 Nov
        tomorrow_planned = FIXED_NOW + timedelta(days=1)
        a = make_stay(
            s,
            make_patient(s, "Quigley", "Maren", mrn="MRN100001"),
            w4,
            status=EncounterStatus.DISCHARGE_PLANNED,
            planned_discharge=today_planned,
        )
        b = make_stay(
            s,
            make_patient(s, "Abernathy", "Joel", mrn="MRN100002"),
            e5,
            planned_discharge=tomorrow_planned,
        )
        c = make_stay(s, make_patient(s, "Quintero", "Lucía", mrn="MRN200003", language="es"), w4)
        # a discharged stay and an ED visit never show on the worklist
        make_stay(
            s,
            make_patient(s, "Gone", "Home", mrn="MRN300004"),
            w4,
            status=EncounterStatus.DISCHARGED,
            discharged=FIXED_NOW - timedelta(days=2),
        )
        make_stay(
            s,
            a.patient,
            None,
            encounter_class=EncounterClass.EMERGENCY,
            status=EncounterStatus.DISCHARGED,
            admitted=FIXED_NOW - timedelta(days=40),
        )
        add_clinical_details(s, a)
        ids = {"a": a.id, "b": b.id, "c": c.id}
        uow.commit()
    return ids


def test_worklist_shows_current_inpatients_only(make_uow: UowFactory, actor: Actor) -> None:
    ids = _seed(make_uow)
    with make_uow() as uow:
        rows = encounters.list_stays(uow, actor, StayFilter.worklist())
    assert {r.encounter_id for r in rows} == set(ids.values())
    quigley = next(r for r in rows if r.mrn == "MRN100001")
    assert quigley.patient_name == "Quigley, Maren"
    assert quigley.age == 78
    assert quigley.length_of_stay_days == 4
    assert quigley.room == "412-A"
    assert quigley.unit_code == "4W"


def test_worklist_filters_by_unit_date_and_search(make_uow: UowFactory, actor: Actor) -> None:
    _seed(make_uow)
    with make_uow() as uow:
        by_unit = encounters.list_stays(uow, actor, StayFilter.worklist(unit_code="5E"))
        today = encounters.list_stays(
            uow, actor, StayFilter.worklist(discharge_date=date(2026, 11, 25))
        )
        tomorrow = encounters.list_stays(
            uow, actor, StayFilter.worklist(discharge_date=date(2026, 11, 26))
        )
        by_name = encounters.list_stays(uow, actor, StayFilter(search="qui"))
        by_mrn = encounters.list_stays(uow, actor, StayFilter(search="mrn2"))
        wildcard = encounters.list_stays(uow, actor, StayFilter(search="%"))
    assert [r.mrn for r in by_unit] == ["MRN100002"]
    assert [r.mrn for r in today] == ["MRN100001"]
    assert [r.mrn for r in tomorrow] == ["MRN100002"]
    assert sorted(r.mrn for r in by_name) == ["MRN100001", "MRN200003"]
    assert [r.mrn for r in by_mrn] == ["MRN200003"]
    assert wildcard == []


def test_unknown_unit_is_a_clear_error(make_uow: UowFactory, actor: Actor) -> None:
    with make_uow() as uow, pytest.raises(NotFoundError, match="no unit with code 'ZZ'"):
        encounters.list_stays(uow, actor, StayFilter(unit_code="ZZ"))


def test_stay_detail_has_the_whole_record_and_is_audited(
    make_uow: UowFactory, actor: Actor
) -> None:
    ids = _seed(make_uow)
    with make_uow() as uow:
        detail = encounters.get_stay(uow, actor, encounter_id=ids["a"])
    assert detail.patient.display_name == "Quigley, Maren"
    assert [d.code for d in detail.diagnoses] == ["I50.23", "E11.9"]
    assert detail.diagnoses[0].principal
    assert [a.substance for a in detail.allergies] == ["penicillin"]
    assert {lab.loinc_code for lab in detail.labs} == {"718-7", "2951-2"}
    assert [m.drug_name for m in detail.medications] == ["furosemide", "metformin"]
    assert detail.prior.ed_visits_6_months == 1
    data = detail.to_json()
    assert data["patient"]["mrn"] == "MRN100001"
    assert data["admit_time"].endswith("Z")
    assert data["labs"][0]["value"] in (11.2, 133.0)
    with make_uow() as uow:
        events = [
            (e.action, e.entity_id, e.username) for e in uow.session.scalars(select(AuditEvent))
        ]
    assert events == [("view", detail.visit_number, "test")]


def test_prior_use_counts_ed_visits_in_6_months_and_admissions_in_12(
    make_uow: UowFactory, actor: Actor
) -> None:
    with make_uow() as uow:
        s = uow.session
        unit = make_unit(s)
        patient = make_patient(s, "Often", "Olga")
        stay = make_stay(s, patient, unit)  # admitted 4 days ago

        def before(days: float, kind: EncounterClass, **kwargs: object) -> None:
            make_stay(
                s,
                patient,
                None if kind is EncounterClass.EMERGENCY else unit,
                encounter_class=kind,
                admitted=stay.admit_time - timedelta(days=days),
                **kwargs,  # type: ignore[arg-type]
            )

        ed, inpatient = EncounterClass.EMERGENCY, EncounterClass.INPATIENT
        before(40, ed, status=EncounterStatus.DISCHARGED)  # counts
        before(0.4, ed, status=EncounterStatus.DISCHARGED)  # led to this admission: not
        before(200, ed, status=EncounterStatus.DISCHARGED)  # over 6 months: not
        before(90, inpatient, status=EncounterStatus.DISCHARGED)  # counts
        before(60, ed, status=EncounterStatus.DISCHARGED)  # counts
        before(150, inpatient, status=EncounterStatus.CANCELLED)  # cancelled: not
        before(400, inpatient, status=EncounterStatus.DISCHARGED)  # over 12 months: not
        before(-2, inpatient)  # after this stay: not
        stay_id = stay.id
        uow.commit()
    with make_uow() as uow:
        detail = encounters.get_stay(uow, actor, encounter_id=stay_id)
    assert (detail.prior.ed_visits_6_months, detail.prior.admissions_12_months) == (2, 1)


def test_unknown_visit_number(make_uow: UowFactory, actor: Actor) -> None:
    with make_uow() as uow, pytest.raises(NotFoundError, match="V-NOPE"):
        encounters.get_stay(uow, actor, visit_number="V-NOPE")


def test_state_machine_walks_to_discharge_and_records_who(
    make_uow: UowFactory, actor: Actor
) -> None:
    ids = _seed(make_uow)
    with make_uow() as uow:
        version = uow.session.get_one(Encounter, ids["c"]).version_id
    for target in (EncounterStatus.DISCHARGE_PLANNED, EncounterStatus.READY):
        with make_uow() as uow:
            version = encounters.change_status(
                uow, actor, ids["c"], target, expected_version=version
            ).version_id
    with make_uow() as uow, pytest.raises(ValidationError, match="discharged to"):
        encounters.change_status(
            uow, actor, ids["c"], EncounterStatus.DISCHARGED, expected_version=version
        )
    with make_uow() as uow, pytest.raises(ValidationError, match="unknown discharge disposition"):
        encounters.change_status(
            uow,
            actor,
            ids["c"],
            EncounterStatus.DISCHARGED,
            expected_version=version,
            disposition="moon",
        )
    with make_uow() as uow:
        detail = encounters.change_status(
            uow,
            actor,
            ids["c"],
            EncounterStatus.DISCHARGED,
            expected_version=version,
            disposition="home",
        )
    assert detail.status is EncounterStatus.DISCHARGED
    assert detail.discharge_time == FIXED_NOW
    assert detail.discharge_disposition_display == "Home"
    with make_uow() as uow:
        actions = uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "change_status")
        ).all()
    assert len(actions) == 3
    assert '"after": "discharged"' in (actions[-1] or "")


def test_illegal_transition_and_stale_version_change_nothing(
    make_uow: UowFactory, actor: Actor
) -> None:
    ids = _seed(make_uow)
    with make_uow() as uow:
        version = uow.session.get_one(Encounter, ids["c"]).version_id
    with (
        make_uow() as uow,
        pytest.raises(IllegalTransitionError, match="'admitted' to 'discharged'"),
    ):
        encounters.change_status(
            uow,
            actor,
            ids["c"],
            EncounterStatus.DISCHARGED,
            expected_version=version,
            disposition="home",
        )
    with make_uow() as uow, pytest.raises(ConflictError):
        encounters.change_status(
            uow, actor, ids["c"], EncounterStatus.DISCHARGE_PLANNED, expected_version=version + 7
        )
    with make_uow() as uow:
        encounter = uow.session.get_one(Encounter, ids["c"])
        assert encounter.status is EncounterStatus.ADMITTED
        assert encounter.version_id == version


def test_two_workstations_cannot_overwrite_each_other(make_uow: UowFactory, actor: Actor) -> None:
    """Optimistic locking at the ORM level: the second writer of a stale row gets a conflict."""
    ids = _seed(make_uow)
    with make_uow() as first, make_uow() as second:
        mine = first.session.get_one(Encounter, ids["b"])
        theirs = second.session.get_one(Encounter, ids["b"])
        theirs.room = "501"
        second.commit()
        mine.room = "777"
        with pytest.raises(ConflictError):
            first.commit()
    with make_uow() as uow:
        assert uow.session.get_one(Encounter, ids["b"]).room == "501"


def test_readmission_shows_on_both_stays(make_uow: UowFactory, actor: Actor) -> None:
    from transitions.services import followup

    with make_uow() as uow:
        s = uow.session
        unit = make_unit(s)
        patient = make_patient(s, "Return", "Rita", mrn="MRN900001")
        index = make_stay(
            s,
            patient,
            unit,
            status=EncounterStatus.DISCHARGED,
            admitted=FIXED_NOW - timedelta(days=15),
            discharged=FIXED_NOW - timedelta(days=10),
            visit_number="VIDX",
        )
        again = make_stay(
            s, patient, unit, admitted=FIXED_NOW - timedelta(days=3), visit_number="VAGAIN"
        )
        s.flush()
        followup.link_readmission(uow, actor, again)
        uow.commit()
        index_id, again_id = index.id, again.id
    with make_uow() as uow:
        later = encounters.get_stay(uow, actor, encounter_id=again_id)
    with make_uow() as uow:
        first = encounters.get_stay(uow, actor, encounter_id=index_id)
    assert later.readmission_of == "VIDX" and later.readmission_planned is False
    assert [(r.visit_number, r.planned) for r in first.readmitted] == [("VAGAIN", False)]

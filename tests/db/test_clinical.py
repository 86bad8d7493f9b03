"""Diagnoses and allergies are validated, described and audited on both databases."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from tests.factories import make_patient, make_stay, make_unit
from transitions.db.models import AuditEvent, Diagnosis
from transitions.domain.enums import AllergySeverity, CodeSystem
from transitions.errors import NotFoundError, ValidationError
from transitions.services import clinical
from transitions.services.uow import Actor, UnitOfWork


def _stay(make_uow: Callable[[], UnitOfWork]) -> int:
    with make_uow() as uow:
        stay = make_stay(
            uow.session, make_patient(uow.session, mrn="MRN777001"), make_unit(uow.session)
        )
        uow.commit()
        return stay.id


def test_diagnoses_are_normalised_described_and_one_is_principal(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    stay = _stay(make_uow)
    with make_uow() as uow:
        clinical.add_diagnosis(uow, actor, stay, "j441", principal=True)
    with make_uow() as uow:
        clinical.add_diagnosis(uow, actor, stay, "I50.9", principal=True)
    with make_uow() as uow:
        clinical.add_diagnosis(
            uow, actor, stay, "38341003", code_system=CodeSystem.SNOMED, description="Hypertension"
        )
    with make_uow() as uow:
        rows = [
            (d.code, d.principal, d.description)
            for d in uow.session.scalars(select(Diagnosis).order_by(Diagnosis.rank))
        ]
        audits = uow.session.scalars(select(AuditEvent.entity)).all()
    assert rows == [
        ("J44.1", False, "Chronic obstructive pulmonary disease with (acute) exacerbation"),
        ("I50.9", True, "Heart failure, unspecified"),
        ("38341003", False, "Hypertension"),
    ]
    assert list(audits) == ["diagnosis"] * 3


def test_bad_and_duplicate_diagnoses_are_refused_and_nothing_is_saved(
    make_uow: Callable[[], UnitOfWork], actor: Actor
) -> None:
    stay = _stay(make_uow)
    with make_uow() as uow, pytest.raises(ValidationError, match="not an ICD-10-CM code"):
        clinical.add_diagnosis(uow, actor, stay, "I50.7")
    with make_uow() as uow:
        clinical.add_diagnosis(uow, actor, stay, "I50.9")
    with make_uow() as uow, pytest.raises(ValidationError, match="already recorded"):
        clinical.add_diagnosis(uow, actor, stay, "i509")
    with make_uow() as uow, pytest.raises(NotFoundError):
        clinical.add_diagnosis(uow, actor, 999_999, "I50.9")
    with make_uow() as uow:
        assert len(uow.session.scalars(select(Diagnosis)).all()) == 1


def test_allergies(make_uow: Callable[[], UnitOfWork], actor: Actor) -> None:
    _stay(make_uow)
    with make_uow() as uow:
        clinical.add_allergy(
            uow,
            actor,
            "MRN777001",
            " Penicillin ",
            reaction="hives",
            severity=AllergySeverity.MODERATE,
        )
    with make_uow() as uow, pytest.raises(ValidationError, match="already recorded"):
        clinical.add_allergy(uow, actor, "MRN777001", "penicillin")
    with make_uow() as uow, pytest.raises(ValidationError) as info:
        clinical.add_allergy(uow, actor, "MRN777001", "  ")
    assert info.value.field == "substance"
    with make_uow() as uow, pytest.raises(NotFoundError, match="MRN000"):
        clinical.add_allergy(uow, actor, "MRN000", "latex")

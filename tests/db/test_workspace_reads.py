"""Opening a patient's workspace: every step's data read in one unit of work, each row once.

The workspace (``ui/workspace/page.py``) loads the stay, then the header's flags, every step's
view and the readiness together (``AppContext.together``: one unit of work inside
``UnitOfWork.one_commit``). Inside it the unit of work remembers what it read
(``ReadCache``), so the steps' services, which each read the stay and its rows again, do not
go back to the database; these tests count the statements and check that the views are the
ones each step gets when it loads alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import joinedload

from tests.discharge_helpers import MakeUow, make_ready, nurse, seed_stay
from transitions.db.engine import Database
from transitions.db.models import AuditEvent, Diagnosis, Encounter
from transitions.domain.enums import CodeSystem
from transitions.services import (
    appointments,
    assessment,
    directory,
    drugs,
    education,
    encounters,
    followup_items,
    medrec,
    packets,
    readiness,
    worklist_flags,
)
from transitions.services.careplan import get_care_plan
from transitions.services.uow import Actor, UnitOfWork

Load = Callable[[UnitOfWork], Any]

#: Statements of the step loads together, for the seeded ready stay (119 when each
#: service read its rows itself). A higher count means a step reads again what another read.
MAX_TOGETHER = 38


def step_loads(actor: Actor, stay_id: int) -> list[Load]:
    """What the workspace submits together after the stay loaded (its header's flags, each
    step's ``set_detail``, the header's readiness), in the same order."""
    return [
        lambda uow: worklist_flags.stay_flags(uow, actor, [stay_id]).get(stay_id),
        lambda uow: assessment.get_assessment(uow, actor, stay_id),
        lambda uow: get_care_plan(uow, actor, stay_id),
        lambda uow: (
            [n.name for n in drugs.drug_names(uow)],
            medrec.get_reconciliation(uow, actor, stay_id),
        ),
        lambda uow: (
            appointments.follow_up_plan(uow, actor, encounter_id=stay_id),
            directory.list_directory(uow, actor),
            followup_items.pending_tests(uow, stay_id),
            followup_items.home_services(uow, stay_id),
        ),
        lambda uow: education.get_education(uow, actor, stay_id),
        lambda uow: packets.list_packets(uow, actor, stay_id),
        lambda uow: readiness.stay_readiness(uow, actor, stay_id),
    ]


@contextmanager
def recorded(database: Database) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_args: Any) -> None:
        statements.append((statement, repr(params)))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def together(make_uow: MakeUow, loads: list[Load]) -> list[Any]:
    """As ``AppContext.together`` runs them."""
    with make_uow() as uow:
        with uow.one_commit():
            results = [load(uow) for load in loads]
        uow.commit()
    return results


def one_by_one(make_uow: MakeUow, loads: list[Load]) -> list[Any]:
    results = []
    for load in loads:
        with make_uow() as uow:
            results.append(load(uow))
    return results


def test_steps_loaded_together_read_each_row_once(make_uow: MakeUow, database: Database) -> None:
    stay = seed_stay(make_uow)
    make_ready(make_uow, stay)
    actor = nurse()
    with make_uow() as uow:
        encounters.get_stay(uow, actor, encounter_id=stay.id)
    with make_uow() as uow:
        audits_before = uow.session.scalar(select(func.count()).select_from(AuditEvent))

    with recorded(database) as statements:
        together(make_uow, step_loads(actor, stay.id))

    repeated = [s for s, n in Counter(statements).items() if n > 1]
    assert repeated == []
    assert len(statements) <= MAX_TOGETHER, len(statements)
    # the six views' audit events: one INSERT
    assert sum(1 for s, _ in statements if s.startswith("INSERT INTO audit_event")) == 1
    with make_uow() as uow:
        audits = uow.session.scalar(select(func.count()).select_from(AuditEvent))
    assert audits == audits_before + 6


def test_steps_loaded_together_show_what_they_show_alone(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    make_ready(make_uow, stay)
    loads = step_loads(nurse(), stay.id)
    assert together(make_uow, loads) == one_by_one(make_uow, loads)


# -- the read cache ------------------------------------------------------------------------------


def diagnosis_codes(uow: UnitOfWork, stay_id: int) -> list[str]:
    return list(
        uow.session.scalars(
            select(Diagnosis.code).where(Diagnosis.encounter_id == stay_id).order_by(Diagnosis.id)
        )
    )


def test_a_repeated_select_is_answered_from_the_unit_of_work_until_it_writes(
    make_uow: MakeUow, database: Database
) -> None:
    stay = seed_stay(make_uow)
    with make_uow() as uow, uow.one_commit(), recorded(database) as statements:
        assert diagnosis_codes(uow, stay.id) == []
        assert diagnosis_codes(uow, stay.id) == []
        assert len(statements) == 1
        # an audit event changes no stay data: still remembered
        uow.audit(nurse(), "view", "encounter", stay.visit)
        uow.commit()
        assert diagnosis_codes(uow, stay.id) == []
        assert len(statements) == 1
        # a new row, pending: the autoflush writes it and the cache forgets
        uow.session.add(
            Diagnosis(
                encounter_id=stay.id,
                code_system=CodeSystem.ICD10CM,
                code="I10",
                description="Essential (primary) hypertension",
                principal=True,
                rank=1,
            )
        )
        assert diagnosis_codes(uow, stay.id) == ["I10"]
        # a changed row, flushed by the service's commit (inside one_commit: a flush)
        row = uow.session.scalars(select(Diagnosis).where(Diagnosis.encounter_id == stay.id)).one()
        row.code = "I11.9"
        uow.commit()
        assert diagnosis_codes(uow, stay.id) == ["I11.9"]
    with make_uow() as uow, recorded(database) as statements:  # no cache outside one_commit
        assert diagnosis_codes(uow, stay.id) == []  # the block above was never committed
        assert diagnosis_codes(uow, stay.id) == []
        assert len(statements) == 2


def test_what_is_not_remembered(make_uow: MakeUow, database: Database) -> None:
    stay = seed_stay(make_uow)
    with make_uow() as uow, uow.one_commit(), recorded(database) as statements:
        for _ in range(2):
            # joined eager loading of a collection (the caller uniques the rows)
            stays = uow.session.scalars(
                select(Encounter)
                .options(joinedload(Encounter.medications))
                .where(Encounter.id == stay.id)
            )
            assert [len(s.medications) for s in stays.unique()] == [1]
            # the audit trail, which the unit of work writes to
            uow.session.scalar(select(func.count()).select_from(AuditEvent))
            # a locking read
            uow.session.scalar(
                select(Encounter.id).where(Encounter.id == stay.id).with_for_update()
            )
        assert len(statements) == 6


def test_reuse_computes_again_after_a_write(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    calls: list[int] = []

    def codes(uow: UnitOfWork) -> tuple[str, ...]:
        return uow.reuse(
            ("codes", stay.id), lambda: (calls.append(1), *diagnosis_codes(uow, stay.id))[1:]
        )

    with make_uow() as uow:  # outside one_commit: computed each time
        assert codes(uow) == codes(uow) == ()
        assert len(calls) == 2
    calls.clear()
    with make_uow() as uow, uow.one_commit():
        assert codes(uow) == codes(uow) == ()
        assert len(calls) == 1
        uow.session.add(
            Diagnosis(
                encounter_id=stay.id,
                code_system=CodeSystem.ICD10CM,
                code="I10",
                description="Essential (primary) hypertension",
                principal=True,
                rank=1,
            )
        )  # pending: reuse flushes first, as a query would
        assert codes(uow) == ("I10",)
        assert len(calls) == 2

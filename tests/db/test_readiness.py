"""Discharge readiness on both databases: each step from its area's data, the RED checklist,
site policy, stale packets, and the worklist's bulk statuses (same answers, few queries)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import event

from tests.conftest import FIXED_NOW
from tests.discharge_helpers import (
    MakeUow,
    book_pcp,
    make_ready,
    nurse,
    print_packet,
    seed_stay,
    sign_medrec,
    teach_all,
)
from transitions.config import SiteConfig
from transitions.db.appointments_models import PendingTest
from transitions.db.engine import Database
from transitions.domain.appointments import PatientNotification
from transitions.domain.encounter_status import EncounterStatus
from transitions.services import education, medrec, readiness
from transitions.services.education import TeachingEntry
from transitions.services.uow import Actor, UnitOfWork

ITEMS = [
    "language", "appointments", "pending_results", "outpatient_services", "medicines_plan",
    "medrec_signed", "written_plan", "education", "if_problem", "teach_back", "pcp_summary",
    "phone_call",
]  # fmt: skip


def statuses(make_uow: MakeUow, stay_id: int) -> tuple[dict[str, str], dict[str, str]]:
    with make_uow() as uow:
        r = readiness.stay_readiness(uow, nurse(), stay_id)
    return (
        {k: s.status for k, s in r.steps.items()},
        {i.key: i.status for i in r.red_checklist},
    )


def test_fresh_stay_is_missing_everything_but_what_needs_nothing(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    with make_uow() as uow:
        r = readiness.stay_readiness(uow, nurse(), stay.id)
    assert list(r.steps) == [
        "assessment",
        "careplan",
        "medications",
        "appointments",
        "education",
        "packet",
        "risk",
    ]
    assert {k: s.status for k, s in r.steps.items()} == dict.fromkeys(r.steps, "missing")
    assert "the reconciliation is not signed" in r.steps["medications"].problems
    assert [i.key for i in r.red_checklist] == ITEMS
    done = {i.key for i in r.red_checklist if i.status == "done"}
    assert done == {"language", "pending_results", "outpatient_services", "phone_call"}
    assert not r.ready
    assert [i.key for i in r.blocking_items] == ["medrec_signed", "written_plan"]
    data = r.to_json()
    assert set(data) == {"ready", "steps", "red_checklist"}
    assert data["steps"]["packet"] == {
        "status": "missing",
        "problems": ["no discharge packet printed yet"],
    }
    item = data["red_checklist"][5]
    assert (item["item"], item["status"], item["where"]) == (
        "medrec_signed",
        "missing",
        "medications",
    )


def test_each_step_becomes_done_from_its_own_data(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    sign_medrec(make_uow, stay)
    steps, items = statuses(make_uow, stay.id)
    assert steps["medications"] == "done"
    assert items["medrec_signed"] == items["medicines_plan"] == "done"
    book_pcp(make_uow, stay)
    steps, items = statuses(make_uow, stay.id)
    assert steps["appointments"] == "done" and items["appointments"] == "done"
    teach_all(make_uow, stay)
    steps, items = statuses(make_uow, stay.id)
    assert steps["education"] == "done"
    assert items["education"] == items["teach_back"] == items["if_problem"] == "done"
    print_packet(make_uow, stay)
    steps, items = statuses(make_uow, stay.id)
    assert steps["packet"] == "done" and items["written_plan"] == "done"
    # only the PCP summary (another branch) is left
    assert [k for k, v in items.items() if v != "done"] == ["pcp_summary"]


def test_second_signoff_policy_keeps_medications_in_progress(
    database: Database, site: SiteConfig, clock: Callable[[], datetime]
) -> None:
    strict = replace(site, medrec_second_signoff=True)

    def make_uow() -> UnitOfWork:
        return UnitOfWork(database, strict, now=clock)

    stay = seed_stay(make_uow)
    sign_medrec(make_uow, stay)
    with make_uow() as uow:
        r = readiness.stay_readiness(uow, nurse(), stay.id)
    assert r.steps["medications"].status == "in_progress"
    assert "second sign-off" in r.steps["medications"].problems[0]
    assert r.item("medrec_signed").status == "missing"
    with make_uow() as uow:
        assert readiness.worklist_readiness(uow, nurse(), [stay.id])[stay.id]["medications"] == (
            "in_progress"
        )


def test_a_change_after_printing_makes_the_packet_stale(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    print_packet(make_uow, stay, output=False)  # a preview is not a print
    with make_uow() as uow:
        r = readiness.stay_readiness(uow, nurse(), stay.id)
    assert r.steps["packet"].problems == (
        "the packet was previewed but not printed or saved as PDF",
    )
    with make_uow() as uow:
        assert readiness.worklist_readiness(uow, nurse(), [stay.id])[stay.id]["packet"] == (
            "missing"
        )
    print_packet(make_uow, stay)
    assert statuses(make_uow, stay.id)[0]["packet"] == "done"
    book_pcp(make_uow, stay)  # the packet lists appointments: it no longer matches
    steps, items = statuses(make_uow, stay.id)
    assert steps["packet"] == "warning" and items["written_plan"] == "missing"
    with make_uow() as uow:
        assert readiness.worklist_readiness(uow, nurse(), [stay.id])[stay.id]["packet"] == (
            "warning"
        )
    print_packet(make_uow, stay)
    assert statuses(make_uow, stay.id)[0]["packet"] == "done"


def test_needs_reinforcement_needs_a_plan(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    teach_all(make_uow, stay)
    rn = nurse()
    entry = TeachingEntry("general", "medicines", "patient", "verbal", "needs_reinforcement")
    with make_uow() as uow:
        education.record_teaching(uow, rn, stay.id, entry)
    with make_uow() as uow:
        r = readiness.stay_readiness(uow, rn, stay.id)
    assert r.steps["education"].status == "warning"
    assert "needs reinforcement and has no plan" in r.steps["education"].problems[0]
    assert r.item("teach_back").status == "missing"
    with make_uow() as uow:
        assert readiness.worklist_readiness(uow, rn, [stay.id])[stay.id]["education"] == "warning"
    planned = replace(entry, notes="daughter to review the pill box with her on Friday")
    with make_uow() as uow:
        education.record_teaching(uow, rn, stay.id, planned)
    steps, items = statuses(make_uow, stay.id)
    assert steps["education"] == "done" and items["teach_back"] == "done"


def test_pending_result_without_an_owner(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    book_pcp(make_uow, stay)
    with make_uow() as uow:  # e.g. from an interface: the screen always asks for an owner
        uow.session.add(
            PendingTest(
                encounter_id=stay.id, test_name="Blood culture", expected_on=date(2026, 11, 28),
                notify_by=PatientNotification.PHONE, recorded_by="feed",
            )
        )  # fmt: skip
        uow.commit()
    steps, items = statuses(make_uow, stay.id)
    assert steps["appointments"] == "warning"
    assert items["pending_results"] == "missing"
    with make_uow() as uow:
        r = readiness.stay_readiness(uow, nurse(), stay.id)
    assert "Blood culture" in r.item("pending_results").detail


def test_interpreter_needed_until_teaching_records_one(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    with make_uow() as uow:
        from transitions.db.models import Encounter

        encounter = uow.session.get(Encounter, stay.id)
        assert encounter is not None
        encounter.patient.preferred_language = "es"
        encounter.patient.interpreter_needed = True
        uow.commit()
    assert statuses(make_uow, stay.id)[1]["language"] == "missing"
    entry = TeachingEntry(
        "general", "medicines", "patient", "verbal", "understood",
        interpreter_used=True, interpreter_id="INT-204",
    )  # fmt: skip
    with make_uow() as uow:
        education.record_teaching(uow, nurse(), stay.id, entry)
    assert statuses(make_uow, stay.id)[1]["language"] == "done"


def test_site_policy_decides_what_blocks(
    database: Database, site: SiteConfig, clock: Callable[[], datetime]
) -> None:
    policy = replace(site, discharge_blocking=("pcp_summary", "phone_call"))
    stay = seed_stay(lambda: UnitOfWork(database, site, now=clock))
    with UnitOfWork(database, policy, now=clock) as uow:
        r = readiness.stay_readiness(uow, nurse(), stay.id)
    assert [i.key for i in r.red_checklist if i.blocking] == ["pcp_summary", "phone_call"]
    assert [i.key for i in r.blocking_items] == ["pcp_summary"]


@contextmanager
def counting(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", count)


def test_worklist_bulk_matches_single_stays_in_a_few_queries(
    database: Database, site: SiteConfig
) -> None:
    ticks = count()

    def make_uow() -> UnitOfWork:  # a clock that moves: changes come before the printing
        return UnitOfWork(database, site, now=lambda: FIXED_NOW + timedelta(seconds=next(ticks)))

    stays = [seed_stay(make_uow, visit="V7100001", unit_code="4W")]
    stays += [
        seed_stay(make_uow, visit=f"V71000{n:02d}", unit_code=f"U{n}", with_user=False)
        for n in range(2, 9)
    ]
    sign_medrec(make_uow, stays[1])
    make_ready(make_uow, stays[2])
    book_pcp(make_uow, stays[3])
    print_packet(make_uow, stays[4])
    teach_all(make_uow, stays[5])
    rn = nurse()
    ids = [s.id for s in stays]
    with make_uow() as uow, counting(database) as few:
        bulk = readiness.worklist_readiness(uow, rn, [ids[0], ids[2]])
    with make_uow() as uow, counting(database) as many:
        bulk = readiness.worklist_readiness(uow, rn, ids)
    # the same number of queries for 2 stays and for 8 (no packet changed since printing)
    assert len(many) == len(few) <= 24
    for stay in stays:
        with make_uow() as uow:
            single = readiness.stay_readiness(uow, rn, stay.id)
        assert bulk[stay.id] == {k: s.status for k, s in single.steps.items()}
    assert bulk[stays[2].id] == {
        "assessment": "missing",
        "careplan": "missing",
        "medications": "done",
        "appointments": "done",
        "education": "done",
        "packet": "done",
        "risk": "missing",
    }
    book_pcp(make_uow, stays[4])  # after its packet: only that packet is rebuilt to compare
    with make_uow() as uow, counting(database) as changed:
        bulk = readiness.worklist_readiness(uow, rn, ids)
    assert bulk[stays[4].id]["packet"] == "warning"
    assert bulk[stays[2].id]["packet"] == "done"
    assert len(few) < len(changed) < len(few) + 30  # one packet content rebuilt


def test_worklist_leaves_out_other_units_and_checks_permission(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow)
    elsewhere = replace(nurse(), units=frozenset({999}))
    with make_uow() as uow:
        assert readiness.worklist_readiness(uow, elsewhere, [stay.id]) == {}
    nobody = Actor(5, "x", "No Role", frozenset())
    from transitions.errors import PermissionDeniedError

    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        readiness.worklist_readiness(uow, nobody, [stay.id])
    with make_uow() as uow, pytest.raises(PermissionDeniedError):
        readiness.stay_readiness(uow, elsewhere, stay.id)


def test_reopened_reconciliation_is_in_progress_again(make_uow: MakeUow) -> None:
    stay = seed_stay(make_uow, status=EncounterStatus.READY)
    sign_medrec(make_uow, stay)
    with make_uow() as uow:
        view = medrec.get_reconciliation(uow, nurse(), stay.id)
    with make_uow() as uow:
        medrec.reopen(uow, nurse(), stay.id, "dose query", expected_version=view.version_id)
    steps, items = statuses(make_uow, stay.id)
    assert steps["medications"] == "in_progress"
    assert items["medrec_signed"] == "missing"

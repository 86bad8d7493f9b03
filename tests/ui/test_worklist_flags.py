"""Education progress and BOOST flags in the worklist and the workspace header (both databases)."""

from __future__ import annotations

import re
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.ui.conftest import Ward
from tests.ui.test_worklist import make_page
from transitions.db.models import Encounter, MedicationEntry
from transitions.domain.enums import MedicationList, MedicationSource
from transitions.services import education, worklist_flags
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.worklist.model import Column, RowRole


def _flag_ward(make_uow: Callable[[], UnitOfWork], actor: Actor, ward: Ward) -> None:
    with make_uow() as uow:
        stay = uow.session.get_one(Encounter, ward.abernathy)
        stay.medications.append(
            MedicationEntry(
                list_kind=MedicationList.HOME,
                drug_name="warfarin",
                dose="5 mg",
                route="oral",
                frequency="daily",
                source=MedicationSource.PATIENT,
                recorded_at=stay.admit_time,
            )
        )
        uow.commit()
    with make_uow() as uow:
        education.save_boost(
            uow, actor, ward.quigley, {"polypharmacy": True}, expected_version=None
        )


def test_service_flags(make_uow: Callable[[], UnitOfWork], actor: Actor, ward: Ward) -> None:
    _flag_ward(make_uow, actor, ward)
    with make_uow() as uow:
        flags = worklist_flags.stay_flags(uow, actor, [ward.quigley, ward.abernathy])
    assert flags[ward.abernathy].pharmacist_review_suggested
    assert "warfarin" in flags[ward.abernathy].pharmacist_review.reason  # type: ignore[union-attr]
    assert flags[ward.quigley].boost_positive == ("polypharmacy",)
    assert not flags[ward.quigley].pharmacist_review_suggested
    progress = flags[ward.quigley].education
    assert progress is not None and progress.done == 0 and progress.required > 0


def test_worklist_columns_show_flags(
    qtbot: QtBot,
    ctx: AppContext,
    ward: Ward,
    make_uow: Callable[[], UnitOfWork],
    actor: Actor,
) -> None:
    _flag_ward(make_uow, actor, ward)
    page = make_page(qtbot, ctx)
    proxy = page.proxy
    by_id = {proxy.index(r, 0).data(RowRole).encounter_id: r for r in range(proxy.rowCount())}
    quigley, abernathy = by_id[ward.quigley], by_id[ward.abernathy]
    assert re.fullmatch(r"0/\d+", proxy.index(quigley, Column.EDUCATION).data())
    assert proxy.index(quigley, Column.FLAGS).data() == "BOOST 1"
    assert "Polypharmacy" in proxy.index(quigley, Column.FLAGS).data(3)  # ToolTipRole
    assert proxy.index(abernathy, Column.FLAGS).data() == "Pharmacist review"


def test_workspace_header_shows_flags(
    qtbot: QtBot,
    ctx: AppContext,
    ward: Ward,
    make_uow: Callable[[], UnitOfWork],
    actor: Actor,
) -> None:
    from ui.workspace.page import PatientWorkspace

    _flag_ward(make_uow, actor, ward)
    page = make_page(qtbot, ctx)
    row = page.proxy.index(0, 0).data(RowRole)
    workspace = PatientWorkspace(ctx, row)
    qtbot.addWidget(workspace)
    workspace.reload()
    header = workspace.header
    assert re.fullmatch(r"0/\d+ taught", header.facts["education"].text())
    assert header.facts["flags"].text() == "BOOST: 1 positive"

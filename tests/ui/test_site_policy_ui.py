"""The site's visit deadlines and wards on screen: File > Settings (administrators, read-only)
and the follow-up list's unit tooltip (the ward's name and phone)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tests.ui.screenshots_settings import save_screenshot
from transitions.config_units import SiteUnit
from transitions.domain.tcm import VisitDeadlinePolicy
from transitions.services.followup_list import FollowupRow
from ui.context import AppContext
from ui.followup.model import Col, FollowupModel
from ui.settings_dialog import SettingsDialog


def test_settings_show_visit_deadlines_and_wards(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.site = replace(
        ctx.site,
        visit_deadline_days=VisitDeadlinePolicy(high=5, moderate=10, low=21),
        units=(SiteUnit("4W", "4 West Medicine"), SiteUnit("3N", "3 North", active=False)),
    )
    dialog = SettingsDialog(ctx, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    values = {caption: label.text() for caption, label in dialog.policy_values.items()}
    assert values["Follow-up visit within:"] == "5 days (high risk), 10 (moderate), 21 (low)"
    assert values["Wards in the site file:"] == "4W, 3N (inactive)"
    save_screenshot(dialog, "settings-dialog-site-policy.png")
    ctx.site = replace(ctx.site, units=())
    again = SettingsDialog(ctx, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.policy_values["Wards in the site file:"].text() == "none listed"


def _row(**values: object) -> FollowupRow:
    base: dict[str, object] = {
        "encounter_id": 1, "visit_number": "V1", "patient_name": "Alma Testperson",
        "mrn": "MRN1", "phone": None, "unit": "4W", "discharged": date(2026, 11, 20),
        "days_since": 5, "lace_score": None, "lace_tier": None, "hospital_score": None,
        "hospital_tier": None, "tier": None, "risk_missing": (), "next_task": None,
        "next_task_id": None, "next_due": None, "overdue": False, "owner": None,
        "last_call": None, "call_attempts": 0, "readmitted": None, "readmission_planned": None,
    }  # fmt: skip
    base.update(values)
    return FollowupRow(**base)  # type: ignore[arg-type]


def test_follow_up_unit_tooltip_has_name_and_phone(qtbot: QtBot) -> None:
    model = FollowupModel()
    model.set_rows(
        [
            _row(unit_name="4 West Medicine", unit_phone="(555) 010-2441"),
            _row(unit="5E", unit_name="5 East Cardiology"),
            _row(unit=None),
        ]
    )
    tips = [
        model.index(i, Col.UNIT).data(Qt.ItemDataRole.ToolTipRole) for i in range(model.rowCount())
    ]
    assert tips == ["4 West Medicine, phone (555) 010-2441", "5 East Cardiology", None]

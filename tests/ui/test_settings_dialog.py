"""File > Settings: database URL checked by connecting, printer and text size, site policy for
administrators only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.ui.screenshots_settings import save_screenshot
from transitions.config import resolve_database_url
from transitions.services.uow import Actor
from transitions.workstation import (
    WorkstationSettings,
    load_workstation_settings,
    save_workstation_settings,
)
from ui import preferences as prefs
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog

NURSE = Actor(user_id=99, username="n.ward", display_name="Nina Ward", roles=frozenset({"nurse"}))


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "workstation.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def restore_font(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    yield
    qapp.setFont(font)
    qapp.setProperty("transitions_base_point_size", None)


@pytest.fixture
def printers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    names = ["Ward 4W Laser", r"\\print01\Pharmacy"]  # a Windows share name as on ward PCs
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: list(names)))
    return names


def dialog_for(qtbot: QtBot, ctx: AppContext, qsettings: QSettings) -> SettingsDialog:
    dialog = SettingsDialog(ctx, qsettings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_admin_sees_site_policy_read_only(
    qtbot: QtBot, ctx: AppContext, qsettings: QSettings, site_file: Path, printers: list[str]
) -> None:
    dialog = dialog_for(qtbot, ctx, qsettings)
    assert dialog.policy_box is not None and dialog.policy_box.isVisible()
    values = {caption: label.text() for caption, label in dialog.policy_values.items()}
    assert values["Hospital:"] == "Test General Hospital"
    assert values["Time zone:"] == "America/New_York"
    assert values["Screen lock after:"] == "10 min idle"
    save_screenshot(dialog, "settings-dialog-admin.png")


def test_nurse_does_not_see_site_policy(
    qtbot: QtBot, ctx: AppContext, qsettings: QSettings
) -> None:
    ctx.actor = NURSE
    dialog = dialog_for(qtbot, ctx, qsettings)
    assert dialog.policy_box is None
    save_screenshot(dialog, "settings-dialog-nurse.png")


def test_unreachable_url_is_refused_next_to_the_field(
    qtbot: QtBot, ctx: AppContext, qsettings: QSettings, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, ctx, qsettings)
    dialog.url_edit.setText(f"sqlite:///{tmp_path / 'no-such-folder' / 'x.db'}")
    dialog.save_button.click()
    assert dialog.url_error.isVisible()
    assert "no-such-folder" in dialog.url_error.text()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert load_workstation_settings() == WorkstationSettings()
    assert dialog.save_button.isEnabled()
    dialog.url_edit.setText("mysql://nope")
    dialog.save_button.click()
    assert "only sqlite and postgresql" in dialog.url_error.text()


def test_reachable_url_is_saved_for_the_cli_too(
    qtbot: QtBot, ctx: AppContext, qsettings: QSettings, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'ward.db'}"
    dialog = dialog_for(qtbot, ctx, qsettings)
    dialog.url_edit.setText(f"  {url} ")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_workstation_settings().database_url == url
    assert resolve_database_url(None, ctx.site) == url


def test_password_is_masked_and_kept_when_unchanged(
    qtbot: QtBot, ctx: AppContext, qsettings: QSettings
) -> None:
    url = "postgresql+psycopg://ward:s3cret@db.invalid:5432/transitions"
    save_workstation_settings(WorkstationSettings(database_url=url))
    dialog = dialog_for(qtbot, ctx, qsettings)
    assert dialog.url_edit.text() == "postgresql+psycopg://ward:***@db.invalid:5432/transitions"
    assert "s3cret" not in dialog.url_edit.text()
    dialog.save_button.click()  # unchanged: not re-checked (the server is unreachable here)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert load_workstation_settings().database_url == url


def test_emptying_the_field_returns_to_the_site_database(
    qtbot: QtBot, ctx: AppContext, qsettings: QSettings
) -> None:
    save_workstation_settings(WorkstationSettings(database_url="sqlite:///old.db"))
    dialog = dialog_for(qtbot, ctx, qsettings)
    dialog.url_edit.clear()
    dialog.save_button.click()
    assert load_workstation_settings() == WorkstationSettings()


def test_printer_is_stored_and_a_vanished_one_is_marked(
    qtbot: QtBot,
    ctx: AppContext,
    qsettings: QSettings,
    printers: list[str],
) -> None:
    dialog = dialog_for(qtbot, ctx, qsettings)
    listed = [dialog.printer_combo.itemData(i) for i in range(3)]
    assert listed == ["", *sorted(printers, key=str.casefold)]
    dialog.printer_combo.setCurrentIndex(dialog.printer_combo.findData(r"\\print01\Pharmacy"))
    dialog.save_button.click()
    assert prefs.chosen_printer(qsettings) == r"\\print01\Pharmacy"

    printers.remove(r"\\print01\Pharmacy")
    again = dialog_for(qtbot, ctx, qsettings)
    assert again.printer_combo.currentText() == r"\\print01\Pharmacy (not installed)"
    assert prefs.chosen_printer(qsettings) is None  # falls back to the system default


def test_text_size_applies_at_once_reverts_on_cancel_and_persists(
    qtbot: QtBot, ctx: AppContext, qsettings: QSettings, qapp: QApplication, restore_font: None
) -> None:
    base = qapp.font().pointSizeF()
    dialog = dialog_for(qtbot, ctx, qsettings)
    dialog.scale_combo.setCurrentIndex(prefs.FONT_SCALES.index(1.5))
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.5)
    dialog.reject()
    assert qapp.font().pointSizeF() == pytest.approx(base)

    dialog = dialog_for(qtbot, ctx, qsettings)
    dialog.scale_combo.setCurrentIndex(prefs.FONT_SCALES.index(1.25))
    dialog.save_button.click()
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.25)
    assert prefs.saved_font_scale(qsettings) == 1.25
    qsettings.setValue(prefs.FONT_SCALE_KEY, "huge")
    assert prefs.saved_font_scale(qsettings) == 1.0


def test_saved_text_size_applies_at_start(qapp: QApplication, restore_font: None) -> None:
    base = qapp.font().pointSizeF()
    settings = prefs.preferences()  # the real file, in the test's own config folder
    settings.setValue(prefs.FONT_SCALE_KEY, 2.0)
    settings.sync()
    prefs.apply_saved_font_scale(qapp)
    assert qapp.font().pointSizeF() == pytest.approx(base * 2.0)


def test_file_menu_opens_settings(qtbot: QtBot, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.start()
    window.settings_action.trigger()
    dialogs = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()


def test_language_choice_is_saved_for_the_next_start(
    qtbot: QtBot, ctx: AppContext, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.i18n import LANGUAGE_ENV, ui_language

    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    dialog = dialog_for(qtbot, ctx, qsettings)
    assert dialog.language_combo.currentData() == ""  # follows the system until chosen
    assert [dialog.language_combo.itemText(i) for i in (1, 2)] == ["English", "Español"]
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    dialog._store(dialog.typed_url())
    assert prefs.saved_language(qsettings) == "es"
    assert ui_language(prefs.saved_language(qsettings)) == "es"
    reopened = dialog_for(qtbot, ctx, qsettings)
    assert reopened.language_combo.currentData() == "es"

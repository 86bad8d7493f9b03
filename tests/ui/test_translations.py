"""The Spanish UI translation: complete, current with the code, placeholders kept, and loaded."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Ward
from ui.context import AppContext
from ui.i18n import LANGUAGE_ENV, install_translators, remove_translators, ui_language

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "update_translations", REPO / "packaging/update_translations.py"
)
assert _spec is not None and _spec.loader is not None
ut = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ut)

TS = ut.ts_path("es")
PLACEHOLDER = re.compile(r"%n|%\d|\{[^}]*\}")


def messages(ts_file: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = node.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [node.text or ""]


def test_every_message_is_translated_and_finished() -> None:
    problems = []
    for context, message in messages(TS):
        source = message.findtext("source") or ""
        node = message.find("translation")
        assert node is not None
        if node.get("type") in {"unfinished", "vanished", "obsolete"}:
            problems.append(f"{context}: {source!r} is {node.get('type')}")
        if not all(text.strip() or not source.strip() for text in translations(message)):
            problems.append(f"{context}: {source!r} has an empty translation")
    assert not problems, "\n".join(problems)


def test_no_context_is_empty() -> None:
    """A bare ``tr(...)`` alias has no class for lupdate, so its strings would never load."""
    assert all(context for context, _message in messages(TS))


def test_ts_has_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_es.ts"
    ut.lupdate(fresh, "es")
    found = {(c, m.findtext("source")) for c, m in messages(fresh)}
    committed = {(c, m.findtext("source")) for c, m in messages(TS)}
    missing = sorted(found - committed, key=str)
    assert not missing, f"run `make translations` and translate: {missing[:20]}"
    stale = sorted(committed - found, key=str)
    assert not stale, f"run `make translations` (strings no longer in the code): {stale[:20]}"


def test_placeholders_and_mnemonics_are_kept() -> None:
    problems = []
    for context, message in messages(TS):
        source = message.findtext("source") or ""
        wanted = sorted(set(PLACEHOLDER.findall(source)) - {"%n"})
        has_mnemonic = "&" in source.replace("&&", "").replace("&nbsp;", "")
        for text in translations(message):
            if sorted(set(PLACEHOLDER.findall(text)) - {"%n"}) != wanted:
                problems.append(f"{context}: {source!r} -> {text!r} (placeholders)")
            if has_mnemonic != ("&" in text.replace("&&", "").replace("&nbsp;", "")):
                problems.append(f"{context}: {source!r} -> {text!r} (& mnemonic)")
            if "%n" in source and message.get("numerus") == "yes" and "%n" not in text:
                problems.append(f"{context}: {source!r} -> {text!r} (%n)")
    assert not problems, "\n".join(problems)


def test_ui_language_order(monkeypatch: pytest.MonkeyPatch) -> None:
    english_us, spanish_mx, german = QLocale("en_US"), QLocale("es_MX"), QLocale("de_DE")
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert ui_language("", system=spanish_mx) == "es"
    assert ui_language("", system=german) == "en"  # no German translation: the source language
    assert ui_language("es", system=english_us) == "es"  # the workstation setting wins
    assert ui_language("en", system=spanish_mx) == "en"
    monkeypatch.setenv(LANGUAGE_ENV, "es_US")
    assert ui_language("en", system=english_us) == "es"  # the environment wins over both
    monkeypatch.setenv(LANGUAGE_ENV, "system")
    assert ui_language("", system=spanish_mx) == "es"


@pytest.fixture(scope="session")
def compiled_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    directory = tmp_path_factory.mktemp("qm")
    ut.lrelease(TS, directory / "transitions_es.qm")
    return str(directory)


@pytest.fixture
def spanish(qapp: QApplication, compiled_dir: str) -> Iterator[None]:
    assert install_translators(qapp, "es", directory=compiled_dir)
    yield
    remove_translators(qapp)


def test_main_window_in_spanish(qtbot: QtBot, ctx: AppContext, spanish: None) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.start()
    assert window.tabs.tabText(0) == "Lista de &trabajo de la unidad".replace("&", "")
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&Archivo" in menus and "&Ver" in menus
    headers = window.worklist.table.model()
    labels = [
        str(headers.headerData(i, Qt.Orientation.Horizontal)) for i in range(headers.columnCount())
    ]
    assert "Paciente" in labels and "Unidad" in labels


def test_english_again_after_removing(qtbot: QtBot, ctx: AppContext, qapp: QApplication) -> None:
    from ui.main_window import MainWindow

    remove_translators(qapp)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "Ward worklist"


QT_CONTEXTS = ("Q", "CloseButton")  # Qt's own strings: qtbase_<lang>.qm


class RecordingTranslator(QTranslator):
    """The Spanish translator, noting every UI string asked for that it has no translation for."""

    def __init__(self, qm_file: str) -> None:
        super().__init__()
        assert self.load(qm_file)
        self.asked: set[tuple[str, str]] = set()
        self.found: set[str] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = super().translate(context, source, disambiguation, n)
        if text:
            self.found.add(source)
        elif source.strip() and not context.startswith(QT_CONTEXTS):
            self.asked.add((context, source))
        return text

    def missing(self) -> list[tuple[str, str]]:
        """Strings never translated. PySide's ``self.tr`` also asks the base classes when the
        translation equals the source ("Principal"), so a miss counts only if no class had it."""
        return sorted(pair for pair in self.asked if pair[1] not in self.found)


def test_screens_ask_only_for_translated_strings(
    qtbot: QtBot, ctx: AppContext, ward: Ward, qapp: QApplication, compiled_dir: str
) -> None:
    """Catches strings lupdate cannot see (a wrapper called with a variable, a missing mark)."""
    from ui.interop.quarantine import QuarantineDialog
    from ui.main_window import MainWindow
    from ui.security.audit_viewer import AuditViewerDialog
    from ui.security.users import UsersDialog
    from ui.settings_dialog import SettingsDialog

    recorder = RecordingTranslator(ut.lrelease(TS, Path(compiled_dir) / "rec.qm").as_posix())
    qapp.installTranslator(recorder)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.start()
        for encounter_id in (ward.quigley, ward.quintero):
            row = next(r for r in window.worklist.model.rows() if r.encounter_id == encounter_id)
            page = window.open_stay(row)
            for index in range(page.navigator.count()):
                page.navigator.setCurrentRow(index)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
        for dialog in (
            SettingsDialog(ctx),
            AuditViewerDialog(ctx),
            UsersDialog(ctx),
            QuarantineDialog(ctx),
        ):
            qtbot.addWidget(dialog)
    finally:
        qapp.removeTranslator(recorder)
    missing = recorder.missing()
    assert not missing, "\n".join(map(str, missing))

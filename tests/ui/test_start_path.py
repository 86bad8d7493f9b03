"""What the application's start imports and builds before the worklist shows (issue 11).

The heavy modules (reportlab, FHIR, HL7, ICD-10-CM, holidays, alembic, textstat...) load when a
screen or command needs them, never on the way to the first painted worklist. A new screen,
step or command keeps it so: import them inside the functions that use them (see
benchmarks/README.md, "Keeping the start lazy").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import Ward
from transitions.cli import parse_args
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.widgets.lazy import LazyPage

ROOT = Path(__file__).resolve().parents[2]
#: Never on the start path: each costs tens of milliseconds to import.
HEAVY = (
    "reportlab",
    "fhir",
    "hl7",
    "simple_icd_10_cm",
    "holidays",
    "alembic",
    "textstat",
    "pypdf",
    "pypdfium2",
    "PIL",
    "transitions.cli.packet_cmd",
    "transitions.services.education",
    "transitions.services.medrec_view",
    "transitions.services.packets",
    "ui.followup.page",
    "ui.workspace.packet_batch",
    "ui.workspace.medrec",
)

START = """
import json, sys
from transitions.cli import parse_args
args = parse_args(["--database", "sqlite:///start.db"])
assert args.command is None
import ui.app, ui.startup, ui.main_window
from transitions.services import admin, auth, encounters, live, worklist_flags
print(json.dumps(sorted(name for name in sys.modules)))
"""


def test_the_start_path_imports_no_heavy_module() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", START], capture_output=True, text=True, env=env, check=True
    )
    loaded = set(json.loads(result.stdout))
    found = [name for name in HEAVY if any(m == name or m.startswith(f"{name}.") for m in loaded)]
    assert found == []


def test_a_command_still_parses_with_the_full_parser() -> None:
    assert parse_args(["config", "show"]).command == "config"
    assert parse_args([]).command is None


def test_follow_up_tab_is_built_when_first_shown(qtbot: QtBot, ctx: AppContext, ward: Ward) -> None:
    from ui.followup.page import FollowupTab

    window = MainWindow(ctx, steps=[])
    qtbot.addWidget(window)
    window.start()
    tab = window.tabs.widget(1)
    assert isinstance(tab, LazyPage) and tab.page is None
    assert window.tabs.tabText(1) == "Follow-up"
    window.tabs.setCurrentIndex(1)
    assert isinstance(tab.page, FollowupTab) and tab.page.isVisible()
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(1)
    assert tab.ensure_page() is tab.page  # built once

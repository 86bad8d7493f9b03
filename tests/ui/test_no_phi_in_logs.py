"""No PHI in log files: real UI flows over the demo hospital, then the log file is scanned for
every demo patient's family name, given name and MRN."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import FIXED_NOW
from tests.ui.conftest import ADMIN_PASSWORD, ADMIN_USER, create_admin
from tests.ui.test_startup import make_controller, sign_in  # noqa: F401 - fixture
from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.db.models import Patient
from transitions.demo.generator import generate_demo
from transitions.logging_setup import configure_logging
from transitions.services import encounters
from transitions.services.uow import UnitOfWork
from ui.startup import StartupController


@pytest.fixture
def log_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The real logging set-up, writing under a temporary XDG_STATE_HOME."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    root = logging.getLogger()
    old_level = root.level
    for handler in [h for h in root.handlers if getattr(h, "_transitions", False)]:
        root.removeHandler(handler)  # left by an earlier in-process CLI run
        handler.close()
    path = configure_logging()
    assert path is not None and str(path).startswith(str(tmp_path))
    yield path
    for handler in [h for h in root.handlers if getattr(h, "_transitions", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(old_level)


def patient_identifiers(database: Database) -> set[str]:
    with database.session() as session:
        rows = session.execute(select(Patient.family_name, Patient.given_name, Patient.mrn)).all()
    return {value for row in rows for value in row if value and len(value) >= 3}


def leaks(text: str, identifiers: set[str]) -> list[str]:
    return sorted(
        value for value in identifiers if re.search(rf"\b{re.escape(value)}\b", text, re.IGNORECASE)
    )


def test_ui_flows_on_the_demo_hospital_write_no_phi_to_the_log(
    qtbot: QtBot,
    make_controller: Callable[..., StartupController],  # noqa: F811
    database: Database,
    site: SiteConfig,
    make_uow: Callable[[], UnitOfWork],
    log_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    generate_demo(database, patients=50, seed=7, today=FIXED_NOW.date(), tz=site.timezone)
    create_admin(make_uow)
    identifiers = patient_identifiers(database)
    assert len(identifiers) > 100

    controller = make_controller()
    controller.start()
    sign_in(qtbot, controller, ADMIN_USER, ADMIN_PASSWORD)
    window = controller.main_window
    assert window is not None
    worklist = window.worklist
    worklist.ensure_loaded()
    assert worklist.proxy.rowCount() > 0

    # open a few patients and walk through every step
    for row in range(min(3, worklist.proxy.rowCount())):
        worklist.table.setCurrentIndex(worklist.proxy.index(row, 0))
        worklist.open_current()
        page = window.workspaces()[-1]
        for index in range(page.navigator.count()):
            page.navigator.setCurrentRow(index)
        page.refresh()

    # search by a patient's name and by an MRN
    some = sorted(identifiers)[0]
    worklist.search_edit.setText(some)
    worklist.refresh()
    worklist.search_edit.setText("")

    # error paths: an unexpected failure whose message carries patient data (as a database
    # error's SQL parameters would), in a task and in a task's callback
    with database.session() as session:
        patient = session.scalars(select(Patient).order_by(Patient.id)).first()
        assert patient is not None
        secret = f"{patient.family_name}, {patient.given_name} {patient.mrn}"

    def failing_get_stay(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"INSERT failed for parameters ({secret})")

    monkeypatch.setattr(encounters, "get_stay", failing_get_stay)
    page = window.workspaces()[0]
    page.refresh()
    assert not page.error_label.isHidden()
    assert secret not in page.error_label.text()

    def bad_callback(_result: object) -> None:
        raise ValueError(f"cannot show {secret}")

    window.ctx.submit(lambda uow: None, bad_callback, lambda exc: None)

    window.request_sign_out()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "unexpected error" in text  # the error paths were logged ...
    assert "a task callback failed" in text
    assert leaks(text, identifiers) == []  # ... without a single name or MRN

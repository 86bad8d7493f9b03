"""Start-up: database connection dialog, first administrator, sign-in, sign-out, run_gui."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import ADMIN_PASSWORD, ADMIN_USER, MessageBoxes, Ward
from transitions.config import SiteConfig, default_database_url
from transitions.db.engine import Database
from transitions.db.models import AuditEvent, User
from transitions.errors import ConfigError
from transitions.services.uow import Actor
from ui.startup import EXIT_NO_DATABASE, EXIT_OK, StartupController
from ui.tasks import SynchronousRunner

UNREACHABLE = "postgresql+psycopg://nobody:s3cret@127.0.0.1:1/x"


class FakePrepare:
    """Opens ``good_url`` as the test database; anything else really tries (and fails)."""

    def __init__(self, database: Database, good_url: str = "sqlite:///good.db") -> None:
        self.database = database
        self.good_url = good_url
        self.urls: list[str] = []

    def __call__(self, url: str, site: SiteConfig, *, seed_demo_if_empty: bool) -> Database:
        self.urls.append(url)
        if url in (self.good_url, default_database_url()):
            return self.database
        return Database.open(url)  # raises DatabaseUnavailableError


@pytest.fixture
def make_controller(
    qtbot: QtBot, database: Database, site: SiteConfig, clock: Callable[[], datetime]
) -> Iterator[Callable[..., StartupController]]:
    made: list[StartupController] = []

    def make(url: str = "sqlite:///good.db") -> StartupController:
        controller = StartupController(
            site, url, SynchronousRunner(), prepare=FakePrepare(database), now=clock
        )
        made.append(controller)
        return controller

    yield make
    for controller in made:
        for widget in (
            controller.main_window,
            controller.sign_in_dialog,
            controller.admin_dialog,
            controller.db_dialog,
            controller.splash,
        ):
            if widget is not None:
                widget.hide()
                widget.deleteLater()


def sign_in(qtbot: QtBot, controller: StartupController, user: str, password: str) -> None:
    dialog = controller.sign_in_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.username_edit.setText(user)
    dialog.password_edit.setText(password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter signs in


def test_first_run_creates_the_administrator_with_field_errors(
    qtbot: QtBot, make_controller: Callable[..., StartupController], database: Database
) -> None:
    controller = make_controller()
    controller.start()
    dialog = controller.admin_dialog
    assert dialog is not None and dialog.isVisible()
    assert controller.sign_in_dialog is None

    dialog.edits["username"].setText("Head.Nurse")
    dialog.edits["display_name"].setText("Hana Head")
    dialog.edits["password"].setText("short")
    dialog.edits["confirm"].setText("short")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["password"].isVisibleTo(dialog)
    assert "at least 12 characters" in dialog.errors["password"].text()
    assert dialog.errors["confirm"].isHidden()

    dialog.edits["password"].setText("a long enough passphrase")
    dialog.edits["confirm"].setText("a long enough passphrase!")
    qtbot.keyClick(dialog.edits["confirm"], Qt.Key.Key_Return)
    assert dialog.errors["password"].isHidden()
    assert dialog.errors["confirm"].text() == "The two passwords do not match."

    dialog.edits["display_name"].setText("  ")
    dialog.edits["confirm"].setText("a long enough passphrase")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "full name" in dialog.errors["display_name"].text()

    dialog.edits["display_name"].setText("Hana Head")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert controller.admin_dialog is None
    sign_in_dialog = controller.sign_in_dialog
    assert sign_in_dialog is not None and sign_in_dialog.isVisible()
    assert sign_in_dialog.username_edit.text() == "head.nurse"
    with database.session() as session:
        assert session.scalars(select(User.username)).all() == ["head.nurse"]


def test_sign_in_failure_then_success_opens_the_main_window(
    qtbot: QtBot, make_controller: Callable[..., StartupController], admin: Actor, ward: Ward
) -> None:
    controller = make_controller()
    controller.start()
    assert controller.admin_dialog is None

    sign_in(qtbot, controller, ADMIN_USER, "wrong password")
    dialog = controller.sign_in_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.error_label.text() == "The user name or password is not right."
    assert dialog.password_edit.text() == ""
    assert controller.main_window is None

    sign_in(qtbot, controller, ADMIN_USER, ADMIN_PASSWORD)
    assert controller.sign_in_dialog is None
    window = controller.main_window
    assert window is not None and window.isVisible()
    assert window.worklist.proxy.rowCount() == 3
    assert controller.ctx is not None and controller.ctx.actor is not None
    assert controller.ctx.actor.username == ADMIN_USER


def test_cancelling_sign_in_quits(
    qtbot: QtBot, make_controller: Callable[..., StartupController], admin: Actor
) -> None:
    controller = make_controller()
    controller.start()
    dialog = controller.sign_in_dialog
    assert dialog is not None
    with qtbot.waitSignal(controller.finished) as finished:
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert finished.args == [EXIT_OK]


def test_sign_out_returns_to_sign_in(
    qtbot: QtBot,
    make_controller: Callable[..., StartupController],
    admin: Actor,
    ward: Ward,
    database: Database,
) -> None:
    controller = make_controller()
    controller.start()
    sign_in(qtbot, controller, ADMIN_USER, ADMIN_PASSWORD)
    window = controller.main_window
    assert window is not None
    window.worklist.table.setCurrentIndex(window.worklist.proxy.index(0, 0))
    window.worklist.open_current()
    assert len(window.workspaces()) == 1

    with qtbot.assertNotEmitted(controller.finished):
        window.sign_out_action.trigger()
    assert controller.main_window is None
    assert not window.isVisible()
    dialog = controller.sign_in_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.username_edit.text() == ""
    assert controller.ctx is not None and controller.ctx.actor is None
    with database.session() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-1] == "sign_out"

    sign_in(qtbot, controller, ADMIN_USER, ADMIN_PASSWORD)
    assert controller.main_window is not None and controller.main_window is not window


def test_closing_the_main_window_quits(
    qtbot: QtBot, make_controller: Callable[..., StartupController], admin: Actor
) -> None:
    controller = make_controller()
    controller.start()
    sign_in(qtbot, controller, ADMIN_USER, ADMIN_PASSWORD)
    assert controller.main_window is not None
    with qtbot.waitSignal(controller.finished) as finished:
        controller.main_window.quit_action.trigger()
    assert finished.args == [EXIT_OK]


def test_unreachable_database_then_retry_with_a_good_url(
    qtbot: QtBot, make_controller: Callable[..., StartupController], admin: Actor
) -> None:
    controller = make_controller(UNREACHABLE)
    controller.start()
    dialog = controller.db_dialog
    assert dialog is not None and dialog.isVisible()
    message = dialog.message_label.text()
    assert message.startswith(
        "Cannot open database 'postgresql+psycopg://nobody:***@127.0.0.1:1/x'"
    )
    assert "s3cret" not in message
    assert dialog.url_edit.text() == "postgresql+psycopg://nobody:***@127.0.0.1:1/x"
    assert dialog.retry_button.isDefault()

    # unchanged masked text retries the real URL (with its password), and fails again
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    prepare = controller._prepare
    assert isinstance(prepare, FakePrepare)
    assert prepare.urls == [UNREACHABLE, UNREACHABLE]
    assert controller.db_dialog is dialog and dialog.isVisible()

    dialog.url_edit.setText("sqlite:///good.db")
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    assert prepare.urls[-1] == "sqlite:///good.db"
    assert controller.db_dialog is None
    assert controller.sign_in_dialog is not None and controller.sign_in_dialog.isVisible()


def test_database_dialog_can_use_this_computer_or_quit(
    qtbot: QtBot, make_controller: Callable[..., StartupController], admin: Actor
) -> None:
    controller = make_controller("not a url")
    controller.start()
    dialog = controller.db_dialog
    assert dialog is not None
    assert "malformed" in dialog.message_label.text()
    qtbot.mouseClick(dialog.local_button, Qt.MouseButton.LeftButton)
    assert controller.url == default_database_url()
    assert controller.sign_in_dialog is not None

    other = make_controller(UNREACHABLE)
    other.start()
    assert other.db_dialog is not None
    with qtbot.waitSignal(other.finished) as finished:
        qtbot.mouseClick(other.db_dialog.quit_button, Qt.MouseButton.LeftButton)
    assert finished.args == [EXIT_NO_DATABASE]


def test_run_gui_reports_a_bad_site_file(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:
    import ui.app

    def broken() -> SiteConfig:
        raise ConfigError("site configuration key 'policy.idle_lock_minutes' must be 1 to 240")

    monkeypatch.setattr(ui.app, "load_site_config", broken)
    assert ui.app.run_gui(None) == 2
    assert message_boxes.kinds() == ["critical"]
    assert "idle_lock_minutes" in message_boxes.texts()[0]

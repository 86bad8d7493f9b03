"""Connection loss in the GUI (PostgreSQL): the app's backends are terminated while a form and the
worklist are open; the action fails with a plain message (or silently reconnects), what was typed
stays, and a retry succeeds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text

from tests.conftest import postgres_url
from tests.ui.conftest import Ward
from transitions.db.engine import Database, create_db_engine
from transitions.services import encounters, security
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.security.users import UserEditDialog

pytestmark = pytest.mark.parametrize("database", ["postgresql"], indirect=True)
TEMP = "tulip meadow river"


class Backends:
    """Process ids of every connection the app's engine opens; terminates them on demand."""

    def __init__(self, database: Database) -> None:
        self.pids: set[int] = set()
        self.database = database
        database.engine.dispose()  # every connection from now on is one we know
        event.listen(database.engine, "connect", self._connected)
        self.killer = create_db_engine(postgres_url())

    def _connected(self, dbapi_connection: Any, _record: Any) -> None:
        self.pids.add(dbapi_connection.info.backend_pid)

    def terminate(self, *extra: int) -> int:
        pids = sorted(self.pids | set(extra))
        with self.killer.begin() as connection:
            killed = sum(
                bool(connection.scalar(text("SELECT pg_terminate_backend(:p)"), {"p": pid}))
                for pid in pids
            )
        self.pids.clear()
        return killed

    def close(self) -> None:
        event.remove(self.database.engine, "connect", self._connected)
        self.killer.dispose()


@pytest.fixture
def backends(database: Database) -> Iterator[Backends]:
    watcher = Backends(database)
    yield watcher
    watcher.close()


@pytest.fixture
def ivy(make_uow: Callable[[], UnitOfWork], ward: Ward, admin: Actor) -> None:
    with make_uow() as uow:
        security.add_user(uow, admin, "ivy", "Ivy Nurse", ["nurse"], ["4W"], TEMP)


def open_edit(ctx: AppContext, admin: Actor, make_uow: Callable[[], UnitOfWork]) -> UserEditDialog:
    with make_uow() as uow:
        row = next(u for u in security.list_users(uow, admin) if u.username == "ivy")
        units = encounters.list_units(uow)
    return UserEditDialog(ctx, units, row)


def test_form_survives_its_connection_dying_mid_save(
    qtbot: QtBot,
    ctx: AppContext,
    ivy: None,
    admin: Actor,
    make_uow: Callable[[], UnitOfWork],
    backends: Backends,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    edit = open_edit(ctx, admin, make_uow)
    qtbot.addWidget(edit)
    edit.name_edit.setText("Ivy Typed-Before-The-Cut")
    real_update = security.update_user
    calls = [0]

    def cut_then_update(uow: UnitOfWork, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == 1:  # the network goes while this save is in flight
            pid = uow.session.execute(text("SELECT pg_backend_pid()")).scalar_one()
            assert backends.terminate(pid) >= 1
        return real_update(uow, *args, **kwargs)

    monkeypatch.setattr(security, "update_user", cut_then_update)
    edit.save()
    message = edit.message.text()
    assert not edit.message.isHidden()
    assert "stopped answering" in message and "try again" in message
    assert "Traceback" not in message and "OperationalError" not in message
    assert "terminating" not in message  # not the driver's words
    assert edit.saved is None and edit.name_edit.text() == "Ivy Typed-Before-The-Cut"

    edit.save()  # retry: a fresh connection, saved
    assert edit.saved is not None and edit.saved.display_name == "Ivy Typed-Before-The-Cut"


def test_worklist_and_form_after_all_backends_were_terminated(
    qtbot: QtBot,
    ctx: AppContext,
    ivy: None,
    ward: Ward,
    admin: Actor,
    make_uow: Callable[[], UnitOfWork],
    backends: Backends,
) -> None:
    window = MainWindow(ctx, steps=[])
    qtbot.addWidget(window)
    window.start()
    assert window.live is not None
    window.live.timer.stop()
    edit = open_edit(ctx, admin, make_uow)
    qtbot.addWidget(edit)
    edit.name_edit.setText("Ivy After Restart")
    listener = window.live.feed._connection  # type: ignore[attr-defined]
    assert backends.terminate(listener.info.backend_pid) >= 2  # pool + LISTEN connection

    window.worklist.refresh()  # pre-ping finds the dead connection and reconnects
    assert window.worklist.error_label.isHidden()
    assert window.worklist.proxy.rowCount() == 3
    edit.save()
    assert edit.saved is not None and edit.saved.display_name == "Ivy After Restart"

    # the listener notices, reconnects, and asks for a full reload (it may have missed changes)
    assert window.live.feed.poll() == {None}
    with make_uow() as uow:
        version = encounters.get_stay(uow, admin, encounter_id=ward.quintero).version_id
    nurse = Actor(admin.user_id, admin.username, admin.display_name, frozenset({"admin", "nurse"}))
    from transitions.domain.encounter_status import EncounterStatus

    with make_uow() as uow:
        encounters.change_status(
            uow, nurse, ward.quintero, EncounterStatus.DISCHARGE_PLANNED, expected_version=version
        )
    qtbot.waitUntil(lambda: bool(window.live and window.live.feed.poll()), timeout=5000)
    window.close()

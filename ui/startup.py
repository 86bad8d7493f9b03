"""From launch to the main window: open the database, first administrator, sign-in, sign-out.

Every step is a non-blocking dialog (``open()``) whose signals move the controller on, so tests
drive the real dialogs with qtbot and nothing waits in a nested ``exec()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from transitions.config import SiteConfig, default_database_url
from transitions.db.base import utcnow
from transitions.db.engine import Database, mask_url
from transitions.errors import ValidationError
from transitions.services import auth
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.dialogs.database import DatabaseConnectionDialog
from ui.dialogs.first_admin import CreateAdminDialog
from ui.dialogs.sign_in import SignInDialog
from ui.dialogs.splash import BusySplash
from ui.errors import user_message
from ui.main_window import MainWindow
from ui.security.change_password import ChangePasswordDialog
from ui.security.lock import ScreenLock
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NO_DATABASE = 1


class PrepareDatabase(Protocol):
    def __call__(self, url: str, site: SiteConfig, *, seed_demo_if_empty: bool) -> Database: ...


def prepare_database(url: str, site: SiteConfig, *, seed_demo_if_empty: bool) -> Database:
    """The real preparation: open, migrate, optionally seed (transitions.services.admin)."""
    from transitions.services.admin import prepare_database as prepare

    return prepare(url, site, seed_demo_if_empty=seed_demo_if_empty)


class StartupController(QObject):
    """Owns the session's life cycle. :attr:`finished` carries the process exit code."""

    finished = Signal(int)

    def __init__(
        self,
        site: SiteConfig,
        url: str,
        runner: TaskRunner,
        *,
        prepare: PrepareDatabase = prepare_database,
        seed_demo_if_empty: bool = False,
        now: Callable[[], datetime] = utcnow,
        window_factory: Callable[[AppContext], MainWindow] = MainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.site = site
        self.url = url
        self.runner = runner
        self._prepare = prepare
        self._seed = seed_demo_if_empty
        self._now = now
        self._window_factory = window_factory
        self.ctx: AppContext | None = None
        self.splash: BusySplash | None = None
        self.db_dialog: DatabaseConnectionDialog | None = None
        self.admin_dialog: CreateAdminDialog | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.main_window: MainWindow | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.lock: ScreenLock | None = None
        self._busy = False

    def start(self) -> None:
        self._open_database(self.url)

    # -- database ---------------------------------------------------------------------------
    def _open_database(self, url: str) -> None:
        self.url = url
        if self.db_dialog is not None:
            self.db_dialog.set_busy(True)
        else:
            self.splash = self.splash or BusySplash()
            self.splash.show_message(self.tr("Opening the database…"), mask_url(url))
        if not self._busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._busy = True
        site, seed, prepare = self.site, self._seed, self._prepare
        self.runner.run(
            lambda: prepare(url, site, seed_demo_if_empty=seed),
            self._database_ready,
            self._database_failed,
        )

    def _end_busy(self) -> None:
        if self._busy:
            QGuiApplication.restoreOverrideCursor()
            self._busy = False
        if self.splash is not None:
            self.splash.hide()

    def _database_ready(self, db: Database) -> None:
        self._end_busy()
        if self.db_dialog is not None:
            self.db_dialog.accept()
            self.db_dialog.deleteLater()
            self.db_dialog = None
        log.info("database open: %s", db.display_url)
        self.ctx = AppContext(db, self.site, self.runner, now=self._now)
        self.ctx.submit(auth.needs_first_admin, self._first_admin_checked, self._fatal)

    def _database_failed(self, exc: Exception) -> None:
        self._end_busy()
        message = user_message(exc, "opening the database")
        if self.db_dialog is None:
            self.db_dialog = DatabaseConnectionDialog(message, mask_url(self.url))
            self.db_dialog.retry_requested.connect(self._retry)
            self.db_dialog.local_requested.connect(self._use_local)
            self.db_dialog.rejected.connect(lambda: self._finish(EXIT_NO_DATABASE))
            self.db_dialog.open()
        else:
            self.db_dialog.show_failure(message, mask_url(self.url))

    def _retry(self, typed: str) -> None:
        # The field shows the password as ***; unchanged text means "the same URL again".
        self._open_database(self.url if typed == mask_url(self.url) else typed)

    def _use_local(self) -> None:
        self._open_database(default_database_url())

    # -- first administrator ----------------------------------------------------------------
    def _first_admin_checked(self, needed: bool) -> None:
        if not needed:
            self.show_sign_in()
            return
        dialog = CreateAdminDialog(self.site.min_password_length)
        dialog.submitted.connect(self._create_admin)
        dialog.rejected.connect(lambda: self._finish(EXIT_OK))
        self.admin_dialog = dialog
        dialog.open()

    def _create_admin(self, username: str, display_name: str, password: str, confirm: str) -> None:
        ctx = self._context()

        def work(uow: UnitOfWork) -> Actor:
            return auth.create_first_admin(uow, username, display_name, password, confirm)

        ctx.submit(work, self._admin_created, self._admin_failed)

    def _admin_created(self, actor: Actor) -> None:
        if self.admin_dialog is not None:
            self.admin_dialog.accept()
            self.admin_dialog.deleteLater()
            self.admin_dialog = None
        self.show_sign_in(prefill=actor.username)

    def _admin_failed(self, exc: Exception) -> None:
        if self.admin_dialog is None:
            return
        field = exc.field if isinstance(exc, ValidationError) else None
        self.admin_dialog.show_error(user_message(exc, "creating the administrator"), field)

    # -- sign in / out ----------------------------------------------------------------------
    def show_sign_in(self, prefill: str = "") -> None:
        dialog = SignInDialog(self.site.hospital_name)
        dialog.submitted.connect(self._sign_in)
        dialog.rejected.connect(lambda: self._finish(EXIT_OK))
        if prefill:
            dialog.prefill(prefill)
        self.sign_in_dialog = dialog
        dialog.open()

    def _sign_in(self, username: str, password: str) -> None:
        def work(uow: UnitOfWork) -> Actor:
            return auth.sign_in(uow, username, password)

        self._context().submit(work, self._signed_in, self._sign_in_failed)

    def _sign_in_failed(self, exc: Exception) -> None:
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.show_error(user_message(exc, "signing in"))

    def _signed_in(self, actor: Actor) -> None:
        ctx = self._context()
        ctx.actor = actor
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.accept()
            self.sign_in_dialog.deleteLater()
            self.sign_in_dialog = None
        if actor.must_change_password:
            self._ask_new_password(actor)
            return
        self._open_main_window(actor)

    def _open_main_window(self, actor: Actor) -> None:
        ctx = self._context()
        window = self._window_factory(ctx)
        window.sign_out_requested.connect(self.sign_out)
        window.closed.connect(lambda: self._finish(EXIT_OK))
        self.main_window = window
        window.start()
        self.lock = ScreenLock(
            window,
            minutes=self.site.idle_lock_minutes,
            username=actor.username,
            display_name=actor.display_name,
            hospital=self.site.hospital_name,
        )
        self.lock.unlock_requested.connect(self._unlock)
        self.lock.locked.connect(self._record_lock)

    # -- forced password change ---------------------------------------------------------------
    def _ask_new_password(self, actor: Actor) -> None:
        dialog = ChangePasswordDialog(actor.display_name, self.site.min_password_length)
        dialog.submitted.connect(self._change_password)
        dialog.rejected.connect(self._password_change_refused)
        self.password_dialog = dialog
        dialog.open()

    def _change_password(self, current: str, new: str, confirm: str) -> None:
        actor = self._context().require_actor()

        def work(uow: UnitOfWork) -> Actor:
            return auth.change_own_password(uow, actor, current, new, confirm)

        self._context().submit(work, self._password_changed, self._password_change_failed)

    def _password_changed(self, actor: Actor) -> None:
        self._context().actor = actor
        if self.password_dialog is not None:
            self.password_dialog.accept()
            self.password_dialog.deleteLater()
            self.password_dialog = None
        self._open_main_window(actor)

    def _password_change_failed(self, exc: Exception) -> None:
        if self.password_dialog is not None:
            field = exc.field if isinstance(exc, ValidationError) else None
            self.password_dialog.show_error(user_message(exc, "changing the password"), field)

    def _password_change_refused(self) -> None:
        if self.password_dialog is not None:
            self.password_dialog.deleteLater()
            self.password_dialog = None
        self.sign_out()

    # -- automatic lock ---------------------------------------------------------------------
    def _record_lock(self) -> None:
        actor = self._context().require_actor()

        def work(uow: UnitOfWork) -> None:
            uow.audit(actor, "lock", "session", actor.user_id)
            uow.commit()

        self._context().submit(work, lambda _none: None, lambda _exc: None)

    def _unlock(self, username: str, password: str) -> None:
        def work(uow: UnitOfWork) -> Actor:
            return auth.sign_in(uow, username, password)

        self._context().submit(work, self._unlock_checked, self._unlock_failed)

    def _unlock_failed(self, exc: Exception) -> None:
        if self.lock is not None:
            self.lock.show_error(user_message(exc, "unlocking"))

    def _unlock_checked(self, actor: Actor) -> None:
        ctx = self._context()
        previous = ctx.require_actor()
        lock = self.lock
        if lock is None:
            return
        if actor.user_id == previous.user_id:
            ctx.actor = actor
            lock.unlock()
            return
        # A different person: the previous user's open patients (and any unsaved edits in
        # them) would go. Never silently: ask first.
        answer = QMessageBox.question(
            self.main_window,
            self.tr("Switch user"),
            self.tr(
                "%1 is still signed in on this workstation. Signing in as %2 closes %1's open "
                "patients; anything %1 has not saved is discarded.\n\nSign %1 out and continue "
                "as %2?"
            )
            .replace("%1", previous.display_name)
            .replace("%2", actor.display_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            lock.overlay.reset(previous.username)
            return

        def work(uow: UnitOfWork) -> None:
            auth.sign_out(uow, previous)

        def switch(_none: object = None) -> None:
            self._close_main_window()
            self._signed_in(actor)

        ctx.submit(work, switch, lambda _exc: switch())

    def sign_out(self) -> None:
        ctx = self._context()
        actor = ctx.require_actor()

        def work(uow: UnitOfWork) -> None:
            auth.sign_out(uow, actor)

        ctx.submit(work, lambda _none: self._signed_out(), self._sign_out_not_recorded)

    def _sign_out_not_recorded(self, exc: Exception) -> None:
        log.warning("sign-out could not be recorded: %s", type(exc).__name__)
        self._signed_out()

    def _signed_out(self) -> None:
        ctx = self._context()
        ctx.actor = None
        self._close_main_window()
        self.show_sign_in()

    def _close_main_window(self) -> None:
        if self.lock is not None:
            self.lock.stop()
            self.lock = None
        window, self.main_window = self.main_window, None
        if window is not None:
            window._signing_out = True  # closing it is not quitting the application
            window.close()  # patient tabs go with it: nothing stays on screen
            window.deleteLater()

    # -- helpers ----------------------------------------------------------------------------
    def _context(self) -> AppContext:
        if self.ctx is None:
            raise RuntimeError("the database is not open yet")
        return self.ctx

    def _fatal(self, exc: Exception) -> None:
        """The database opened but the first query failed: back to the connection dialog."""
        self._database_failed(exc)

    def _finish(self, code: int) -> None:
        if self.lock is not None:
            self.lock.stop()
        for dialog in (
            self.db_dialog,
            self.admin_dialog,
            self.sign_in_dialog,
            self.password_dialog,
        ):
            if dialog is not None and dialog.result() != QDialog.DialogCode.Accepted:
                dialog.hide()
        if self.splash is not None:
            self.splash.hide()
        self.finished.emit(code)

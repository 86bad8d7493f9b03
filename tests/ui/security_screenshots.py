"""Render the sign-in, lock, password-change and conflict dialogs to PNG (not a test).

QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.security_screenshots [out_dir]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.ui.screenshots import PASSWORD, build_database, save
from transitions.config import load_site_config
from transitions.errors import ConflictError
from transitions.services import auth
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs.sign_in import SignInDialog
from ui.main_window import MainWindow
from ui.security.change_password import ChangePasswordDialog
from ui.security.conflict import ConflictDialog
from ui.security.lock import ScreenLock
from ui.tasks import SynchronousRunner

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else REPO / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    site = load_site_config()
    with tempfile.TemporaryDirectory() as tmp:
        db = build_database(Path(tmp) / "screens.db", site, datetime.now(UTC))
        with UnitOfWork(db, site) as uow:
            actor = auth.create_first_admin(uow, "mgarcia", "María García, RN", PASSWORD, PASSWORD)
        sign_in = SignInDialog(site.hospital_name)
        sign_in.prefill("mgarcia")
        sign_in.show()
        save(sign_in, out, "sec-01-sign-in.png")
        sign_in.show_error(
            "This account is locked after too many failed sign-ins; try again in 15 min."
        )
        save(sign_in, out, "sec-02-sign-in-locked.png")
        sign_in.close()

        change = ChangePasswordDialog("Ivy Nurse", site.min_password_length)
        change.show()
        change.show_error(
            "This password is on the list of common or breached passwords; choose another.",
            "password",
        )
        save(change, out, "sec-03-change-password.png")
        change.close()

        window = MainWindow(AppContext(db, site, SynchronousRunner(), actor=actor))
        window.resize(1400, 850)
        window.start()
        lock = ScreenLock(
            window,
            minutes=site.idle_lock_minutes,
            username=actor.username,
            display_name=actor.display_name,
            hospital=site.hospital_name,
        )
        lock.lock()
        save(window, out, "sec-04-lock.png")
        lock.show_error("The user name or password is not right.")
        save(window, out, "sec-05-lock-error.png")
        lock.stop()
        window.close()

        exc = ConflictError(
            "the account 'ivy' was changed by someone else since you opened it",
            theirs={
                "display_name": "Ivy Nurse",
                "roles": "nurse",
                "units": "5E",
                "active": "yes",
            },
        )
        conflict = ConflictDialog(
            exc,
            {
                "display_name": "Ivy Nurse-Park",
                "roles": "nurse, pharmacist",
                "units": "4W",
                "active": "yes",
            },
            {"display_name": "Full name", "roles": "Roles", "units": "Units", "active": "Active"},
        )
        conflict.show()
        save(conflict, out, "sec-06-conflict.png")
        conflict.close()
        db.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

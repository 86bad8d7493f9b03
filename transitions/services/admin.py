"""Opening the database for the application: connect, migrate, seed the demo hospital."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.exc import OperationalError

from transitions.config import SiteConfig
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.errors import DatabaseUnavailableError
from transitions.services.units import sync_units_from_site

log = logging.getLogger(__name__)

#: Size and seed of the demo hospital that `make run` creates in an empty database.
FIRST_RUN_DEMO_PATIENTS = 400
FIRST_RUN_DEMO_SEED = 2026


def prepare_database(url: str, site: SiteConfig, *, seed_demo_if_empty: bool = False) -> Database:
    """Open the database at ``url``, bring its schema to head, seed the demo if asked, and sync
    the site file's wards into it (:mod:`transitions.services.units`).

    Raises :class:`DatabaseUnavailableError` (one line, password masked) when the URL is
    malformed or the server cannot be reached.
    """
    db = Database.open(url)
    try:
        migrate.upgrade(db.engine)
    except OperationalError as exc:
        db.dispose()
        raise DatabaseUnavailableError(
            f"cannot migrate database '{db.display_url}': {str(exc.orig).splitlines()[0]}"
        ) from exc
    if seed_demo_if_empty:
        seed_demo_if_database_empty(db, site)
    try:
        sync_units_from_site(db, site)
    except BaseException:
        db.dispose()
        raise
    return db


def seed_demo_if_database_empty(db: Database, site: SiteConfig) -> bool:
    """Create the demo hospital in an empty database; True if it did."""
    from transitions.demo.generator import database_is_empty, generate_demo

    if not database_is_empty(db):
        return False
    tz = site.timezone
    summary = generate_demo(
        db,
        patients=FIRST_RUN_DEMO_PATIENTS,
        seed=FIRST_RUN_DEMO_SEED,
        today=datetime.now(tz).date(),
        tz=tz,
    )
    from transitions.demo.followup_history import seed_demo_followups  # issue 8

    seed_demo_followups(db, site, FIRST_RUN_DEMO_SEED)
    from transitions.demo.community import seed_demo_resources  # issue 7

    seed_demo_resources(db, site)
    log.info("seeded the demo hospital: %s", summary.to_json())
    return True

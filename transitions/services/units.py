"""The site file's wards (``[[units]]``, :mod:`transitions.config_units`) synced into the
``unit`` table.

Runs whenever the database is prepared — every start of the app, every command that opens the
database, ``transitions db upgrade`` — after migrating (and after seeding the demo). A listed
ward that is missing is created; a listed ward whose name, phone or active flag differs is
updated. Wards the file does not list are *left as they are*: never deleted (stays, users and
the follow-up history point at them) and not deactivated (the demo or an earlier site file may
have created them). A ward is retired by keeping it in the file with ``active = false``: it then
disappears from the ward filter and the unit lists, and its stays keep it.

Codes are matched exactly, as the ADT feed sends them in PV1-3; the feed never creates a unit
(an unknown code is accepted with a warning and no ward), so the site file is where wards come
from (the demo generator also writes its own five wards, reusing any with the same code).
Every change is audited (entity ``unit``, actor ``site-file``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from transitions.config import SiteConfig
from transitions.config_units import SiteUnit
from transitions.db.engine import Database
from transitions.db.models import Unit
from transitions.errors import ConflictError
from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

log = logging.getLogger(__name__)

#: The actor of the sync in the audit trail.
SITE_FILE_ACTOR = "site-file"


@dataclass(frozen=True)
class UnitSync:
    """What a sync did: codes created and updated, and how many listed wards were unchanged."""

    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> str:
        def part(label: str, codes: tuple[str, ...]) -> str:
            return f"{len(codes)} {label}" + (f" ({', '.join(codes)})" if codes else "")

        return (
            f"units from the site file: {part('created', self.created)}, "
            f"{part('updated', self.updated)}, {self.unchanged} unchanged"
        )


def sync_site_units(uow: UnitOfWork, actor: Actor, units: Sequence[SiteUnit]) -> UnitSync:
    """Create or update the ``units`` in the unit table (see the module docstring); commits."""
    require(actor, "settings.manage")
    if not units:
        return UnitSync()
    existing = {
        u.code: u
        for u in uow.session.scalars(select(Unit).where(Unit.code.in_([s.code for s in units])))
    }
    created: list[str] = []
    updated: list[str] = []
    for wanted in units:
        after = {"name": wanted.name, "phone": wanted.phone, "active": wanted.active}
        row = existing.get(wanted.code)
        if row is None:
            uow.session.add(Unit(code=wanted.code, **after))
            uow.audit(actor, "create", "unit", wanted.code, details={"after": after})
            created.append(wanted.code)
            continue
        before = {"name": row.name, "phone": row.phone, "active": row.active}
        changes = {
            key: [before[key], value] for key, value in after.items() if before[key] != value
        }
        if not changes:
            continue
        for key, (_old, new) in changes.items():
            setattr(row, key, new)
        uow.audit(actor, "update", "unit", wanted.code, details={"changes": changes})
        updated.append(wanted.code)
    result = UnitSync(tuple(created), tuple(updated), len(units) - len(created) - len(updated))
    if result.changed:
        uow.commit()
    return result


def sync_units_from_site(db: Database, site: SiteConfig) -> UnitSync:
    """Sync ``site.units`` as the ``site-file`` actor. Retried once when another workstation,
    starting at the same moment, created or changed the same ward first."""
    actor = Actor.system(SITE_FILE_ACTOR)
    try:
        with UnitOfWork(db, site) as uow:
            result = sync_site_units(uow, actor, site.units)
    except (IntegrityError, ConflictError):
        with UnitOfWork(db, site) as uow:
            result = sync_site_units(uow, actor, site.units)
    if result.changed:
        log.info("%s", result.summary())
    return result

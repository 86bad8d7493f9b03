"""The demo hospital's community resources (fictional names, 555 phone numbers), from
``resources/demo/community_resources.csv``, loaded through the same import as a site's CSV."""

from __future__ import annotations

from transitions.config import SiteConfig
from transitions.db.engine import Database
from transitions.services.community_resources import import_demo_resources
from transitions.services.uow import Actor, UnitOfWork


def seed_demo_resources(db: Database, site: SiteConfig) -> int:
    """Load the demo directory; returns how many resources it created."""
    with UnitOfWork(db, site) as uow:
        return import_demo_resources(uow, Actor.system("demo")).created

"""Role-based permissions, from the one table in ``resources/security/roles.toml``.

Services call :func:`require` before doing anything; the UI calls :func:`allowed` to hide what
the signed-in user's roles cannot do. Command-line and interface actors (``Actor.system``, no
user id) run with the database's own credentials and are not restricted here.
"""

from __future__ import annotations

from functools import cache

from transitions.errors import PermissionDeniedError
from transitions.resources import load_toml
from transitions.services.uow import Actor


@cache
def role_permissions() -> dict[str, frozenset[str]]:
    data = load_toml("security", "roles.toml")["roles"]
    return {role: frozenset(spec["permissions"]) for role, spec in data.items()}


@cache
def role_labels() -> dict[str, str]:
    data = load_toml("security", "roles.toml")["roles"]
    return {role: str(spec["label"]) for role, spec in data.items()}


def all_permissions() -> frozenset[str]:
    return frozenset().union(*role_permissions().values())


def permissions_of(actor: Actor) -> frozenset[str]:
    if actor.user_id is None:
        return all_permissions()
    table = role_permissions()
    return frozenset().union(*(table.get(role, frozenset()) for role in actor.roles))


def allowed(actor: Actor, permission: str) -> bool:
    if permission not in all_permissions():
        raise ValueError(f"unknown permission '{permission}'")
    return permission in permissions_of(actor)


def require(actor: Actor, permission: str) -> None:
    """Raise :class:`PermissionDeniedError` unless the actor's roles grant ``permission``."""
    if not allowed(actor, permission):
        roles = ", ".join(sorted(role_labels().get(r, r) for r in actor.roles)) or "no role"
        raise PermissionDeniedError(
            f"{actor.display_name} ({roles}) may not do this ({permission})"
        )

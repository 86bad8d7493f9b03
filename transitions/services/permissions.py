"""Role-based permissions, from the one table in ``resources/security/roles.toml``, and unit
scoping (a user works on the stays of their own wards).

Services call :func:`require` before doing anything — with ``unit_id=`` when the action touches
one stay — and build list queries with :func:`scope_to_units`; the UI calls :func:`allowed` to
hide what the signed-in user's roles cannot do. Command-line and interface actors
(``Actor.system``, no user id) run with the database's own credentials and are not restricted.
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, false

from transitions.errors import PermissionDeniedError
from transitions.resources import load_toml
from transitions.services.uow import Actor

#: the permission that lifts unit scoping (administrators)
ALL_UNITS = "units.all"

S = TypeVar("S", bound=Select[*tuple[Any, ...]])


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


def unit_scope(actor: Actor) -> frozenset[int] | None:
    """The unit ids the actor is limited to, or None when it may see every unit."""
    if actor.user_id is None or ALL_UNITS in permissions_of(actor):
        return None
    return actor.units


def in_scope(actor: Actor, unit_id: int | None) -> bool:
    scope = unit_scope(actor)
    return scope is None or (unit_id is not None and unit_id in scope)


def require(actor: Actor, permission: str, *, unit_id: int | None = None) -> None:
    """Raise :class:`PermissionDeniedError` unless the actor's roles grant ``permission`` —
    and, when ``unit_id`` is given, unless that unit is one of the actor's units."""
    if not allowed(actor, permission):
        roles = ", ".join(sorted(role_labels().get(r, r) for r in actor.roles)) or "no role"
        raise PermissionDeniedError(
            f"{actor.display_name} ({roles}) may not do this ({permission})"
        )
    if unit_id is not None and not in_scope(actor, unit_id):
        raise PermissionDeniedError(
            f"{actor.display_name} works on other units; this stay is not on one of them"
        )


def require_stay(actor: Actor, permission: str, unit_id: int | None) -> None:
    """:func:`require` for an action on one stay (a stay without a unit needs every unit)."""
    require(actor, permission)
    if not in_scope(actor, unit_id):
        raise PermissionDeniedError(
            f"{actor.display_name} works on other units; this stay is not on one of them"
        )


def unit_condition(actor: Actor, unit_column: Any) -> ColumnElement[bool] | None:
    """A WHERE condition limiting ``unit_column`` to the actor's units (None: no limit)."""
    scope = unit_scope(actor)
    if scope is None:
        return None
    if not scope:
        return false()
    return unit_column.in_(sorted(scope))  # type: ignore[no-any-return]


def scope_to_units(query: S, actor: Actor, unit_column: Any) -> S:
    """``query`` limited to rows whose ``unit_column`` is one of the actor's units."""
    condition = unit_condition(actor, unit_column)
    return query if condition is None else query.where(condition)

"""User management (administrators) and the audit trail viewer/export.

Every function takes ``(uow, actor, ...)``, checks ``users.manage`` / ``audit.view``, writes an
audit event and commits once. Edits of an existing account take ``expected_version`` and raise
:class:`ConflictError` (with the saved values) when another administrator saved first.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from sqlalchemy import Select, delete, func, select

from transitions.db.models import AuditEvent, Patient, Unit, User
from transitions.db.security_models import UserUnit
from transitions.errors import ConflictError, NotFoundError, ValidationError
from transitions.services.auth import check_new_password, hash_password
from transitions.services.encounters import local_day_bounds
from transitions.services.permissions import require, role_labels, role_permissions
from transitions.services.uow import Actor, UnitOfWork

# -- users ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserRow:
    id: int
    version_id: int
    username: str
    display_name: str
    roles: tuple[str, ...]
    unit_codes: tuple[str, ...]
    active: bool
    must_change_password: bool
    locked_until: datetime | None
    last_sign_in: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "roles": list(self.roles),
            "units": list(self.unit_codes),
            "active": self.active,
            "must_change_password": self.must_change_password,
            "locked_until": _iso(self.locked_until),
            "last_sign_in": _iso(self.last_sign_in),
        }

    def describe(self) -> dict[str, str]:
        """Field -> text, as the conflict dialog shows them."""
        return {
            "display_name": self.display_name,
            "roles": ", ".join(self.roles),
            "units": ", ".join(self.unit_codes),
            "active": "yes" if self.active else "no",
        }


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def _unit_codes(uow: UnitOfWork, user_id: int) -> tuple[str, ...]:
    rows = uow.session.scalars(
        select(Unit.code)
        .join(UserUnit, UserUnit.unit_id == Unit.id)
        .where(UserUnit.user_id == user_id)
        .order_by(Unit.code)
    )
    return tuple(rows)


def _row(uow: UnitOfWork, user: User) -> UserRow:
    return UserRow(
        id=user.id,
        version_id=user.version_id,
        username=user.username,
        display_name=user.display_name,
        roles=tuple(sorted(user.role_set)),
        unit_codes=_unit_codes(uow, user.id),
        active=user.active,
        must_change_password=user.must_change_password,
        locked_until=user.locked_until,
        last_sign_in=user.last_sign_in,
    )


def _check_roles(roles: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(sorted({r.strip() for r in roles if r.strip()}))
    known = role_permissions()
    unknown = [r for r in chosen if r not in known]
    if unknown:
        raise ValidationError(
            f"unknown role '{unknown[0]}' (choose from {', '.join(sorted(known))})", field="roles"
        )
    if not chosen:
        raise ValidationError("give the user at least one role", field="roles")
    return chosen


def _unit_ids(uow: UnitOfWork, codes: Iterable[str]) -> list[int]:
    wanted = sorted({c.strip().upper() for c in codes if c.strip()})
    found = dict(uow.session.execute(select(Unit.code, Unit.id).where(Unit.code.in_(wanted))).all())
    missing = [c for c in wanted if c not in found]
    if missing:
        raise ValidationError(f"no unit with code '{missing[0]}'", field="units")
    return [found[c] for c in wanted]


def _user(uow: UnitOfWork, *, user_id: int | None = None, username: str | None = None) -> User:
    if user_id is not None:
        user = uow.session.get(User, user_id)
    else:
        name = (username or "").strip().lower()
        user = uow.session.scalar(select(User).where(User.username == name))
    if user is None:
        raise NotFoundError(f"no user '{username}'" if username else f"no user with id {user_id}")
    return user


def _check_version(uow: UnitOfWork, user: User, expected_version: int | None) -> None:
    if expected_version is not None and user.version_id != expected_version:
        raise ConflictError(
            f"the account '{user.username}' was changed by someone else since you opened it",
            theirs=_row(uow, user).describe(),
        )


def list_users(uow: UnitOfWork, actor: Actor) -> list[UserRow]:
    require(actor, "users.manage")
    users = uow.session.scalars(select(User).order_by(User.username)).all()
    return [_row(uow, user) for user in users]


def role_choices() -> list[tuple[str, str]]:
    """(role, label) for the role check boxes."""
    return sorted(role_labels().items(), key=lambda item: item[1])


def add_user(
    uow: UnitOfWork,
    actor: Actor,
    username: str,
    display_name: str,
    roles: Sequence[str],
    units: Sequence[str],
    password: str,
) -> UserRow:
    """Create an account with a temporary password: the user must change it at first sign-in."""
    require(actor, "users.manage")
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise ValidationError(
            "enter a user name of letters, digits, '.', '-' or '_'", field="username"
        )
    if not display_name.strip():
        raise ValidationError("enter the person's full name", field="display_name")
    chosen = _check_roles(roles)
    unit_ids = _unit_ids(uow, units)
    check_new_password(uow, password, username=username)
    if uow.session.scalar(select(func.count()).where(User.username == username)):
        raise ValidationError(f"the user name '{username}' is taken", field="username")
    user = User(
        username=username,
        display_name=display_name.strip(),
        password_hash=hash_password(password),
        roles=",".join(chosen),
        active=True,
        failed_sign_ins=0,
        must_change_password=True,
    )
    uow.session.add(user)
    uow.session.flush()
    uow.session.add_all(UserUnit(user_id=user.id, unit_id=u) for u in unit_ids)
    uow.session.flush()
    row = _row(uow, user)
    uow.audit(actor, "add", "user", user.id, details={"after": row.describe()})
    uow.commit()
    return row


def update_user(
    uow: UnitOfWork,
    actor: Actor,
    user_id: int,
    *,
    expected_version: int,
    display_name: str,
    roles: Sequence[str],
    units: Sequence[str],
    active: bool,
) -> UserRow:
    """Change an account's name, roles, units or active flag (takes effect at next sign-in)."""
    require(actor, "users.manage")
    user = _user(uow, user_id=user_id)
    _check_version(uow, user, expected_version)
    if not display_name.strip():
        raise ValidationError("enter the person's full name", field="display_name")
    chosen = _check_roles(roles)
    unit_ids = _unit_ids(uow, units)
    if user.id == actor.user_id and (not active or "admin" not in chosen):
        raise ValidationError(
            "you cannot disable your own account or remove your own administrator role",
            field="roles",
        )
    before = _row(uow, user).describe()
    user.display_name = display_name.strip()
    user.roles = ",".join(chosen)
    user.active = active
    uow.session.execute(delete(UserUnit).where(UserUnit.user_id == user.id))
    uow.session.add_all(UserUnit(user_id=user.id, unit_id=u) for u in unit_ids)
    user.updated_at = uow.now()  # always a new version, even if only the units changed
    uow.session.flush()
    row = _row(uow, user)
    uow.audit(actor, "update", "user", user.id, details={"before": before, "after": row.describe()})
    uow.commit()
    return row


def disable_user(
    uow: UnitOfWork, actor: Actor, username: str, *, expected_version: int | None = None
) -> UserRow:
    require(actor, "users.manage")
    user = _user(uow, username=username)
    _check_version(uow, user, expected_version)
    if user.id == actor.user_id:
        raise ValidationError("you cannot disable your own account", field="username")
    if not user.active:
        raise ValidationError(f"the account '{user.username}' is already disabled")
    user.active = False
    uow.session.flush()
    row = _row(uow, user)
    uow.audit(actor, "disable", "user", user.id, details={"before": {"active": "yes"}})
    uow.commit()
    return row


def reset_password(
    uow: UnitOfWork,
    actor: Actor,
    username: str,
    temporary_password: str,
    *,
    expected_version: int | None = None,
) -> UserRow:
    """Give the account a temporary password; the user must choose a new one at next sign-in.
    Also lifts a sign-in lockout."""
    require(actor, "users.manage")
    user = _user(uow, username=username)
    _check_version(uow, user, expected_version)
    check_new_password(uow, temporary_password, username=user.username)
    user.password_hash = hash_password(temporary_password)
    user.must_change_password = True
    user.failed_sign_ins = 0
    user.locked_until = None
    uow.session.flush()
    row = _row(uow, user)
    uow.audit(actor, "reset_password", "user", user.id)
    uow.commit()
    return row


# -- audit trail ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    #: a patient's MRN
    patient_mrn: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    action: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    occurred_at: datetime
    username: str
    workstation: str
    patient_mrn: str | None
    entity: str
    entity_id: str | None
    action: str
    details: str | None


AUDIT_COLUMNS = (
    "id",
    "occurred_at",
    "username",
    "workstation",
    "patient_mrn",
    "entity",
    "entity_id",
    "action",
    "details",
)


def _audit_query(uow: UnitOfWork, flt: AuditFilter) -> Select[AuditEvent, str]:
    query = select(AuditEvent, Patient.mrn).outerjoin(Patient, AuditEvent.patient_id == Patient.id)
    if flt.username and flt.username.strip():
        query = query.where(AuditEvent.username == flt.username.strip().lower())
    if flt.patient_mrn and flt.patient_mrn.strip():
        query = query.where(Patient.mrn == flt.patient_mrn.strip())
    if flt.action and flt.action.strip():
        query = query.where(AuditEvent.action == flt.action.strip())
    if flt.date_from is not None:
        query = query.where(AuditEvent.occurred_at >= local_day_bounds(flt.date_from, uow.tz)[0])
    if flt.date_to is not None:
        query = query.where(AuditEvent.occurred_at < local_day_bounds(flt.date_to, uow.tz)[1])
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise ValidationError("the 'from' date is after the 'to' date", field="date_from")
    return query.order_by(AuditEvent.id.desc())


def _audit_rows(uow: UnitOfWork, query: Select[AuditEvent, str]) -> list[AuditRow]:
    return [
        AuditRow(
            id=event.id,
            occurred_at=event.occurred_at,
            username=event.username,
            workstation=event.workstation,
            patient_mrn=mrn,
            entity=event.entity,
            entity_id=event.entity_id,
            action=event.action,
            details=event.details,
        )
        for event, mrn in uow.session.execute(query)
    ]


def audit_actions(uow: UnitOfWork, actor: Actor) -> list[str]:
    require(actor, "audit.view")
    return list(uow.session.scalars(select(AuditEvent.action).distinct().order_by("action")))


def search_audit(
    uow: UnitOfWork, actor: Actor, flt: AuditFilter, *, limit: int = 1000
) -> list[AuditRow]:
    """Newest first, at most ``limit`` events. Looking at the trail is itself audited."""
    require(actor, "audit.view")
    rows = _audit_rows(uow, _audit_query(uow, flt).limit(limit))
    uow.audit(actor, "view", "audit", details={"filter": _filter_json(flt), "rows": len(rows)})
    uow.commit()
    return rows


def export_audit_csv(uow: UnitOfWork, actor: Actor, flt: AuditFilter, out: IO[str]) -> int:
    """Write the matching events (oldest first) as CSV; returns the number of rows."""
    require(actor, "audit.view")
    query = _audit_query(uow, flt).order_by(None).order_by(AuditEvent.id)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AUDIT_COLUMNS)
    count = 0
    for row in _audit_rows(uow, query):
        writer.writerow(
            [
                row.id,
                _iso(row.occurred_at),
                row.username,
                row.workstation,
                row.patient_mrn or "",
                row.entity,
                row.entity_id or "",
                row.action,
                row.details or "",
            ]
        )
        count += 1
    uow.audit(actor, "export", "audit", details={"filter": _filter_json(flt), "rows": count})
    uow.commit()
    return count


def _filter_json(flt: AuditFilter) -> dict[str, Any]:
    data = {k: v for k, v in flt.__dict__.items() if v not in (None, "")}
    return json.loads(json.dumps(data, default=str))  # type: ignore[no-any-return]

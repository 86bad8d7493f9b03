"""Sign-in and the first-run administrator account (passwords hashed with argon2id)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from transitions.db.models import User
from transitions.db.security_models import UserUnit
from transitions.errors import AuthenticationError, ValidationError
from transitions.resources import read_text
from transitions.services.uow import Actor, UnitOfWork, workstation_name

MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher.hash(password)


@cache
def common_passwords() -> frozenset[str]:
    """resources/security/common-passwords.txt (source and rule in its header)."""
    lines = read_text("security", "common-passwords.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


_TRAILING_JUNK = re.compile(r"[\d\W_]+$")


def is_common_password(password: str) -> bool:
    """True for a listed password, a listed one with digits/symbols added, or one typed twice."""
    common = common_passwords()
    lowered = password.lower()
    stem = _TRAILING_JUNK.sub("", lowered)
    half = len(lowered) // 2
    doubled = len(lowered) % 2 == 0 and lowered[:half] == lowered[half:]
    return (
        lowered in common
        or (bool(stem) and stem in common)
        or (doubled and lowered[:half] in common)
    )


def check_new_password(
    uow: UnitOfWork,
    password: str,
    confirm: str | None = None,
    *,
    username: str | None = None,
) -> None:
    minimum = uow.site.min_password_length
    if len(password) < minimum:
        raise ValidationError(
            f"the password must be at least {minimum} characters long", field="password"
        )
    if is_common_password(password):
        raise ValidationError(
            "this password is on the list of common or breached passwords; choose another",
            field="password",
        )
    if username and username.strip().lower() in password.lower():
        raise ValidationError("the password must not contain the user name", field="password")
    if confirm is not None and confirm != password:
        raise ValidationError("the two passwords do not match", field="confirm")


def unit_ids_of(uow: UnitOfWork, user_id: int) -> frozenset[int]:
    rows = uow.session.scalars(select(UserUnit.unit_id).where(UserUnit.user_id == user_id))
    return frozenset(rows)


def actor_for(user: User, units: frozenset[int] | None = None) -> Actor:
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=user.role_set,
        workstation=workstation_name(),
        units=units if units is not None else frozenset(),
        must_change_password=user.must_change_password,
    )


def needs_first_admin(uow: UnitOfWork) -> bool:
    """True on a database with no user yet: the app asks for the first administrator."""
    return uow.session.scalar(select(func.count()).select_from(User)) == 0


def create_first_admin(
    uow: UnitOfWork, username: str, display_name: str, password: str, confirm: str
) -> Actor:
    """Create the administrator on first run (refused once any user exists)."""
    username = username.strip().lower()
    if not username:
        raise ValidationError("enter a user name", field="username")
    if not display_name.strip():
        raise ValidationError("enter the administrator's full name", field="display_name")
    check_new_password(uow, password, confirm, username=username)
    if not needs_first_admin(uow):
        raise ValidationError("an administrator account already exists", field="username")
    user = User(
        username=username,
        display_name=display_name.strip(),
        password_hash=hash_password(password),
        roles="admin",
        active=True,
        failed_sign_ins=0,
    )
    uow.session.add(user)
    uow.session.flush()
    actor = actor_for(user)
    uow.audit(actor, "create_first_admin", "user", user.id)
    uow.commit()
    return actor


def sign_in(uow: UnitOfWork, username: str, password: str) -> Actor:
    """Check the password; count failures and lock the account after five for 15 minutes."""
    username = username.strip().lower()
    user = uow.session.scalar(select(User).where(User.username == username))
    now = uow.now()
    anonymous = Actor.system(username or "(blank)")
    refused = AuthenticationError("the user name or password is not right")
    if user is None or not user.active:
        uow.audit(anonymous, "sign_in_failed", "user", details={"reason": "unknown or disabled"})
        uow.commit()
        raise refused
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        uow.audit(actor_for(user), "sign_in_failed", "user", user.id, details={"reason": "locked"})
        uow.commit()
        raise AuthenticationError(
            f"this account is locked after too many failed sign-ins; try again in {minutes} min"
        )
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_sign_ins += 1
        if user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
            user.locked_until = now + LOCKOUT
            user.failed_sign_ins = 0
        uow.audit(
            actor_for(user), "sign_in_failed", "user", user.id, details={"reason": "password"}
        )
        uow.commit()
        raise refused from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_sign_ins = 0
    user.locked_until = None
    user.last_sign_in = now
    actor = actor_for(user, unit_ids_of(uow, user.id))
    uow.audit(actor, "sign_in", "user", user.id)
    uow.commit()
    return actor


def change_own_password(
    uow: UnitOfWork, actor: Actor, current: str, new: str, confirm: str
) -> Actor:
    """The signed-in user chooses a new password (required after an administrator's reset)."""
    if actor.user_id is None:
        raise ValidationError("only a signed-in user can change their password")
    user = uow.session.get(User, actor.user_id)
    if user is None or not user.active:
        raise AuthenticationError("this account is no longer active")
    try:
        _hasher.verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise ValidationError("the current password is not right", field="current") from None
    check_new_password(uow, new, confirm, username=user.username)
    if new == current:
        raise ValidationError("choose a password different from the current one", field="password")
    user.password_hash = hash_password(new)
    user.must_change_password = False
    uow.audit(actor, "change_password", "user", user.id)
    uow.commit()
    return replace(actor, must_change_password=False)


def sign_out(uow: UnitOfWork, actor: Actor) -> None:
    uow.audit(actor, "sign_out", "user", actor.user_id)
    uow.commit()

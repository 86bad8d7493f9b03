"""The hospital's wards in the site file: ``[[units]]`` entries, checked on load.

    [[units]]
    code = "4W"                  # the ADT feed's PV1-3 point of care; at most 16 characters
    name = "4 West Medicine"     # shown on the worklist and printed on the packet
    phone = "(555) 010-2441"     # optional: the ward's number (packet, follow-up list)
    active = true                # optional: false retires the ward (kept, hidden from lists)

The list is synced to the ``unit`` table when the database is prepared (every start, every
command that opens the database, ``transitions db upgrade``): see
:mod:`transitions.services.units`. Errors name the key and the entry (1-based, in file order),
e.g. ``site configuration key 'units[3].name' (unit '5E'): a name is required``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from transitions.errors import ConfigError

#: Column sizes of the ``unit`` table.
CODE_MAX = 16
NAME_MAX = 120
PHONE_MAX = 40
_KEYS = ("code", "name", "phone", "active")


@dataclass(frozen=True)
class SiteUnit:
    """One ward as the site file declares it."""

    code: str
    name: str
    phone: str | None = None
    active: bool = True


def _text(entry: dict[str, Any], key: str, where: str, limit: int, unit: str = "") -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"site configuration key '{where}.{key}'{unit} must be text")
    value = value.strip()
    if len(value) > limit:
        raise ConfigError(
            f"site configuration key '{where}.{key}'{unit} is longer than {limit} characters"
        )
    return value


def parse_site_units(data: dict[str, Any]) -> tuple[SiteUnit, ...]:
    """The checked ``units`` array of the merged site data (empty when the file has none)."""
    raw = data.get("units", [])
    if not isinstance(raw, list):
        raise ConfigError("site configuration key 'units' must be a list of [[units]] tables")
    units: list[SiteUnit] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(raw, start=1):
        where = f"units[{number}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"site configuration key '{where}' must be a [[units]] table")
        unknown = sorted(set(entry) - set(_KEYS))
        if unknown:
            raise ConfigError(
                f"site configuration key '{where}.{unknown[0]}' is not a unit setting "
                f"({', '.join(_KEYS)})"
            )
        code = _text(entry, "code", where, CODE_MAX)
        if not code:
            raise ConfigError(f"site configuration key '{where}.code': a unit code is required")
        unit = f" (unit '{code}')"
        name = _text(entry, "name", where, NAME_MAX, unit)
        if not name:
            raise ConfigError(f"site configuration key '{where}.name'{unit}: a name is required")
        phone = _text(entry, "phone", where, PHONE_MAX, unit) or None
        active = entry.get("active", True)
        if not isinstance(active, bool):
            raise ConfigError(
                f"site configuration key '{where}.active'{unit} must be true or false"
            )
        first = seen.get(code.casefold())
        if first is not None:
            raise ConfigError(
                f"site configuration key '{where}.code': unit '{code}' is already listed as "
                f"units[{first}] (codes are compared ignoring case)"
            )
        seen[code.casefold()] = number
        units.append(SiteUnit(code=code, name=name, phone=phone, active=active))
    return tuple(units)

"""Site and workstation configuration.

Site file (TOML): ``TRANSITIONS_SITE_CONFIG``, else ``site.toml`` in the user config directory,
else the built-in defaults in ``resources/site-defaults.toml``. Keys the site file sets override
the defaults one by one.

Database URL precedence: ``--database`` option, then ``TRANSITIONS_DATABASE_URL``, then this
workstation's ``workstation.toml`` (File > Settings; see :mod:`transitions.workstation`), then the
``database.url`` key of the site file, then a SQLite file in the user data directory.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from transitions.config_geography import SiteGeography, parse_geography
from transitions.config_units import SiteUnit, parse_site_units
from transitions.domain.calendar import HolidayCalendar
from transitions.domain.pcp_summary import check_fax_number
from transitions.domain.tcm import CMS_VISIT_DEADLINES, VISIT_TIERS, VisitDeadlinePolicy
from transitions.errors import ConfigError, ValidationError
from transitions.resources import load_toml

APP_NAME = "Transitions"
SITE_CONFIG_ENV = "TRANSITIONS_SITE_CONFIG"
DATABASE_URL_ENV = "TRANSITIONS_DATABASE_URL"
RISK_TIERS = ("low", "moderate", "high")


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    """The SQLite file in the user data directory (the directory is created if missing)."""
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / 'transitions.db').as_posix()}"


@dataclass(frozen=True)
class SiteConfig:
    hospital_name: str
    callback_phone: str
    timezone_name: str
    idle_lock_minutes: int
    min_password_length: int
    database_url: str | None
    source: str
    #: Holiday calendar of business days: a ``holidays`` country code, or "none".
    holiday_country: str = "US"
    #: Subdivision (state, province) of ``holiday_country``; empty for the whole country.
    holiday_subdivision: str = ""
    #: Medication reconciliation needs a pharmacist's second sign-off after the nurse's.
    medrec_second_signoff: bool = False
    #: Discharge packet: paper ("letter" or "a4"), optional logo file, branding colours.
    packet_paper: str = "letter"
    packet_logo: str = ""
    packet_primary_colour: str = "#1f4e79"
    packet_accent_colour: str = "#b35900"
    #: Readmission-risk tier assumed until a stay has its own ("low", "moderate", "high").
    default_risk_tier: str = "moderate"
    #: Minutes of travel two appointments on the same day must leave between them.
    travel_buffer_minutes: int = 30
    #: Follow-up visit deadline per risk tier, days after discharge (default: the CMS windows).
    visit_deadline_days: VisitDeadlinePolicy = CMS_VISIT_DEADLINES
    #: The wards the site file declares (synced to the unit table; empty = leave units alone).
    units: tuple[SiteUnit, ...] = ()
    #: Hospital location and ZIP-code centroids (community resources, closest first).
    geography: SiteGeography = field(default_factory=SiteGeography)
    #: Summary to the PCP: folder the interface engine picks files up from ("" = no outbox),
    #: and the hospital's return fax number printed on the fax cover sheet.
    summary_outbox: str = ""
    summary_fax: str = ""
    #: Project RED checklist items that block discharge while missing (the others may be
    #: acknowledged with a reason): keys of resources/discharge/red_checklist.toml.
    discharge_blocking: tuple[str, ...] = ("medrec_signed", "written_plan")

    @property
    def holiday_calendar(self) -> HolidayCalendar:
        """The site's business-day calendar (TCM contact deadline, appointments)."""
        return HolidayCalendar(self.holiday_country, self.holiday_subdivision)

    @property
    def timezone(self) -> tzinfo:
        """The zone in which dates are shown and 'today' is decided."""
        if self.timezone_name:
            return ZoneInfo(self.timezone_name)
        local = datetime.now().astimezone().tzinfo
        assert local is not None
        return local


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _get(data: dict[str, Any], dotted: str, kind: type) -> Any:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    wrong_type = not isinstance(node, kind) or (kind is int and isinstance(node, bool))
    if wrong_type:
        raise ConfigError(f"site configuration key '{dotted}' must be a {kind.__name__}")
    return node


def _holiday_calendar(data: dict[str, Any]) -> HolidayCalendar:
    """The checked ``calendar.holidays`` country (or "none") and ``calendar.subdivision``."""
    country = _get(data, "calendar.holidays", str) or ""
    subdivision = _get(data, "calendar.subdivision", str) or ""
    try:
        return HolidayCalendar(country, subdivision)
    except ValidationError as exc:
        key = "calendar.subdivision" if exc.field == "subdivision" else "calendar.holidays"
        raise ConfigError(f"site configuration key '{key}': {exc}") from exc


_PAPERS = ("letter", "a4")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _packet_settings(data: dict[str, Any]) -> dict[str, str]:
    """The checked ``[packet]`` keys as SiteConfig fields."""
    paper = (_get(data, "packet.paper", str) or "letter").lower()
    if paper not in _PAPERS:
        raise ConfigError('site configuration key \'packet.paper\' must be "letter" or "a4"')
    result = {"packet_paper": paper, "packet_logo": _get(data, "packet.logo", str) or ""}
    for key in ("primary_colour", "accent_colour"):
        value = _get(data, f"packet.{key}", str) or ""
        if not _COLOUR.match(value):
            raise ConfigError(f"site configuration key 'packet.{key}' must be a #RRGGBB colour")
        result[f"packet_{key}"] = value
    return result


def _visit_deadline_days(data: dict[str, Any]) -> VisitDeadlinePolicy:
    """The checked ``[policy.visit_deadline_days]`` table: days per risk tier."""
    key = "policy.visit_deadline_days"
    policy = data.get("policy")
    table = policy.get("visit_deadline_days", {}) if isinstance(policy, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"site configuration key '{key}' must be a table (high, moderate, low)")
    unknown = sorted(set(table) - set(VISIT_TIERS))
    if unknown:
        raise ConfigError(
            f"site configuration key '{key}.{unknown[0]}' is not a risk tier (high, moderate, low)"
        )
    try:
        return VisitDeadlinePolicy(**table)
    except ValidationError as exc:
        raise ConfigError(f"site configuration key '{key}.{exc.field}': {exc}") from exc


def _summary_settings(data: dict[str, Any]) -> dict[str, str]:
    """The checked ``[pcp_summary]`` keys: an absolute outbox folder (POSIX, drive or UNC path;
    whether it exists is checked when a summary is sent) and a fax number."""
    outbox = (_get(data, "pcp_summary.outbox", str) or "").strip()
    if outbox and not (
        PurePosixPath(outbox).is_absolute() or PureWindowsPath(outbox).is_absolute()
    ):
        raise ConfigError(
            "site configuration key 'pcp_summary.outbox' must be an absolute folder path "
            f"(got '{outbox}')"
        )
    fax = (_get(data, "pcp_summary.fax", str) or "").strip()
    if fax:
        try:
            check_fax_number(fax)
        except ValidationError as exc:
            raise ConfigError(f"site configuration key 'pcp_summary.fax': {exc}") from exc
    return {"summary_outbox": outbox, "summary_fax": fax}


def red_item_keys() -> tuple[str, ...]:
    """The Project RED checklist item keys, in component order."""
    return tuple(item["key"] for item in load_toml("discharge", "red_checklist.toml")["items"])


def _discharge_blocking(data: dict[str, Any]) -> tuple[str, ...]:
    """The checked ``discharge.blocking`` list."""
    value = _get(data, "discharge.blocking", list)
    known = red_item_keys()
    if value is None:
        return ()
    for key in value:
        if not isinstance(key, str) or key not in known:
            raise ConfigError(
                f"site configuration key 'discharge.blocking': unknown checklist item {key!r} "
                f"(use: {', '.join(known)})"
            )
    return tuple(dict.fromkeys(value))


def site_config_path() -> Path | None:
    env = os.environ.get(SITE_CONFIG_ENV)
    if env:
        return Path(env)
    candidate = user_config_dir() / "site.toml"
    return candidate if candidate.exists() else None


def load_site_config(path: Path | None = None) -> SiteConfig:
    """Load and validate the site configuration; errors name the offending key."""
    data = load_toml("site-defaults.toml")
    source = "built-in defaults"
    path = path if path is not None else site_config_path()
    if path is not None:
        try:
            override = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"site configuration file not found: {path}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"site configuration file {path} is not valid TOML: {exc}") from exc
        data = _merge(data, override)
        source = str(path)
    tz_name = _get(data, "hospital.timezone", str) or ""
    if tz_name:
        try:
            ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(
                f"site configuration key 'hospital.timezone': unknown time zone '{tz_name}'"
            ) from exc
    idle = _get(data, "policy.idle_lock_minutes", int)
    if idle is None or not 1 <= idle <= 240:
        raise ConfigError("site configuration key 'policy.idle_lock_minutes' must be 1 to 240")
    min_len = _get(data, "policy.min_password_length", int)
    if min_len is None or not 8 <= min_len <= 128:
        raise ConfigError("site configuration key 'policy.min_password_length' must be 8 to 128")
    holiday_calendar = _holiday_calendar(data)
    packet = _packet_settings(data)
    summary = _summary_settings(data)
    tier = _get(data, "policy.default_risk_tier", str) or "moderate"
    if tier not in RISK_TIERS:
        raise ConfigError(
            "site configuration key 'policy.default_risk_tier' must be one of "
            + ", ".join(RISK_TIERS)
        )
    travel = _get(data, "policy.travel_buffer_minutes", int)
    travel = 30 if travel is None else travel
    if not 0 <= travel <= 240:
        raise ConfigError("site configuration key 'policy.travel_buffer_minutes' must be 0 to 240")
    return SiteConfig(
        hospital_name=_get(data, "hospital.name", str) or "",
        callback_phone=_get(data, "hospital.callback_phone", str) or "",
        timezone_name=tz_name,
        idle_lock_minutes=idle,
        min_password_length=min_len,
        database_url=_get(data, "database.url", str),
        source=source,
        holiday_country=holiday_calendar.country,
        holiday_subdivision=holiday_calendar.subdivision,
        medrec_second_signoff=bool(_get(data, "policy.medrec_second_signoff", bool)),
        packet_paper=packet["packet_paper"],
        packet_logo=packet["packet_logo"],
        packet_primary_colour=packet["packet_primary_colour"],
        packet_accent_colour=packet["packet_accent_colour"],
        default_risk_tier=tier,
        travel_buffer_minutes=travel,
        visit_deadline_days=_visit_deadline_days(data),
        units=parse_site_units(data),
        geography=parse_geography(data),
        **summary,
        discharge_blocking=_discharge_blocking(data),
    )


def resolve_database_url(explicit: str | None, site: SiteConfig | None = None) -> str:
    """Pick the database URL: option, environment, workstation, site file, default SQLite file."""
    from transitions.workstation import load_workstation_settings  # it imports this module

    if explicit:
        return explicit
    env = os.environ.get(DATABASE_URL_ENV)
    if env:
        return env
    workstation = load_workstation_settings().database_url
    if workstation:
        return workstation
    if site is not None and site.database_url:
        return site.database_url
    return default_database_url()

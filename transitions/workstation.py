"""Settings of one workstation that the command line also reads: ``workstation.toml``.

It lives in the user config directory beside the optional ``site.toml`` (Linux
``~/.config/Transitions/``, Windows ``%LOCALAPPDATA%\\Transitions\\``). Today it holds the
database URL chosen in File > Settings; :func:`transitions.config.resolve_database_url` reads
it after ``TRANSITIONS_DATABASE_URL`` and before the site file. Site policy never goes here:
that is the site file's, deployed by IT. Screen-only preferences (printer, font scale) stay in
Qt's settings.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from transitions.config import user_config_dir
from transitions.errors import ConfigError

WORKSTATION_FILE_NAME = "workstation.toml"


@dataclass(frozen=True)
class WorkstationSettings:
    #: The database this workstation uses; None means "the site file's, else the local file".
    database_url: str | None = None


def workstation_settings_path() -> Path:
    return user_config_dir() / WORKSTATION_FILE_NAME


def load_workstation_settings(path: Path | None = None) -> WorkstationSettings:
    """The saved settings (defaults when there is no file); errors name the file and key."""
    path = path or workstation_settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return WorkstationSettings()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"workstation settings file {path} is not valid TOML: {exc}") from exc
    url = data.get("database_url")
    if url is not None and not isinstance(url, str):
        raise ConfigError(f"workstation settings key 'database_url' in {path} must be a string")
    return WorkstationSettings(database_url=(url or "").strip() or None)


def save_workstation_settings(settings: WorkstationSettings, path: Path | None = None) -> Path:
    """Write the file atomically (a half-written file never replaces a good one)."""
    path = path or workstation_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Transitions settings of this workstation (File > Settings). Site policy is not here:",
        "# it is in the site file deployed by IT (see `transitions config show`).",
    ]
    if settings.database_url:
        # A JSON string is a valid TOML basic string (same escapes).
        lines.append(f"database_url = {json.dumps(settings.database_url, ensure_ascii=False)}")
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if os.name == "posix":
        temporary.chmod(0o600)  # the URL may hold a database password
    os.replace(temporary, path)
    return path

"""Site configuration loading and database URL precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from transitions.config import (
    default_database_url,
    load_site_config,
    resolve_database_url,
)
from transitions.db.engine import mask_url, parse_url
from transitions.errors import ConfigError, DatabaseUnavailableError


def test_defaults_without_a_site_file() -> None:
    site = load_site_config()
    assert site.hospital_name == "Riverside General Hospital"
    assert site.idle_lock_minutes == 10
    assert site.source == "built-in defaults"


def test_site_file_overrides_key_by_key(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text('[hospital]\nname = "St Elsewhere"\ntimezone = "America/Chicago"\n')
    site = load_site_config(path)
    assert site.hospital_name == "St Elsewhere"
    assert site.callback_phone == "(555) 010-2400"
    assert str(site.timezone) == "America/Chicago"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[hospital]\ntimezone = "Mars/Olympus"\n', "hospital.timezone"),
        ("[policy]\nidle_lock_minutes = 0\n", "policy.idle_lock_minutes"),
        ('[policy]\nidle_lock_minutes = "ten"\n', "policy.idle_lock_minutes"),
        ("[policy]\nmin_password_length = true\n", "policy.min_password_length"),
        ("[hospital\nname=1", "not valid TOML"),
    ],
)
def test_bad_site_files_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "site.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_site_config(path)


def test_site_file_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[database]\nurl = "sqlite:///from-site.db"\n')
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(path))
    site = load_site_config()
    assert resolve_database_url(None, site) == "sqlite:///from-site.db"
    monkeypatch.setenv("TRANSITIONS_DATABASE_URL", "sqlite:///from-env.db")
    assert resolve_database_url(None, site) == "sqlite:///from-env.db"
    assert resolve_database_url("sqlite:///explicit.db", site) == "sqlite:///explicit.db"


def test_missing_site_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSITIONS_SITE_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="not found"):
        load_site_config()


def test_default_database_is_a_sqlite_file_in_the_user_data_dir() -> None:
    url = default_database_url()
    assert url.startswith("sqlite:///") and url.endswith("/Transitions/transitions.db")


def test_urls_are_masked_and_postgres_uses_psycopg3() -> None:
    assert mask_url("postgresql://nurse:s3cret@db.ward:5432/tr") == (
        "postgresql://nurse:***@db.ward:5432/tr"
    )
    assert parse_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(DatabaseUnavailableError, match="malformed"):
        parse_url("not a url")
    with pytest.raises(DatabaseUnavailableError, match="only sqlite and postgresql"):
        parse_url("mysql://u:pw@h/db")

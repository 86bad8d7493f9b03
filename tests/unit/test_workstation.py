"""workstation.toml: round trip, errors naming the key, its place in the URL precedence, and the
per-platform folders (platformdirs' Windows and macOS rules, run here by swapping the class)."""

from __future__ import annotations

import sys
from pathlib import Path, PureWindowsPath

import platformdirs
import platformdirs.windows
import pytest
from platformdirs.macos import MacOS
from platformdirs.windows import Windows

from transitions.cli import main
from transitions.config import (
    default_database_url,
    load_site_config,
    resolve_database_url,
    user_config_dir,
    user_data_dir,
    user_log_dir,
)
from transitions.errors import ConfigError
from transitions.logging_setup import log_file
from transitions.workstation import (
    WorkstationSettings,
    load_workstation_settings,
    save_workstation_settings,
    workstation_settings_path,
)


def test_no_file_means_no_settings() -> None:
    assert not workstation_settings_path().exists()
    assert load_workstation_settings() == WorkstationSettings()


def test_round_trip_with_awkward_characters(tmp_path: Path) -> None:
    url = 'postgresql+psycopg://nurse:p"a\\ss ñ@db.ward:5432/transitions'
    path = save_workstation_settings(WorkstationSettings(database_url=url))
    assert path == workstation_settings_path()
    assert load_workstation_settings() == WorkstationSettings(database_url=url)
    if sys.platform != "win32":
        assert path.stat().st_mode & 0o777 == 0o600
    save_workstation_settings(WorkstationSettings())
    assert load_workstation_settings() == WorkstationSettings()


@pytest.mark.parametrize(
    ("text", "message"),
    [("database_url = 5\n", "'database_url'"), ("database_url = \n", "not valid TOML")],
)
def test_bad_files_name_the_key(text: str, message: str) -> None:
    path = workstation_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_workstation_settings()


def test_precedence_option_env_workstation_site_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_path = tmp_path / "site.toml"
    site_path.write_text('[database]\nurl = "sqlite:///site.db"\n')
    site = load_site_config(site_path)
    assert resolve_database_url(None, load_site_config()) == default_database_url()
    assert resolve_database_url(None, site) == "sqlite:///site.db"
    save_workstation_settings(WorkstationSettings(database_url="sqlite:///workstation.db"))
    assert resolve_database_url(None, site) == "sqlite:///workstation.db"
    monkeypatch.setenv("TRANSITIONS_DATABASE_URL", "sqlite:///env.db")
    assert resolve_database_url(None, site) == "sqlite:///env.db"
    assert resolve_database_url("sqlite:///option.db", site) == "sqlite:///option.db"


def test_cli_reads_the_workstation_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'ward.db'}"
    save_workstation_settings(WorkstationSettings(database_url=url))
    assert main(["db", "upgrade"]) == 0
    assert (tmp_path / "ward.db").exists()
    capsys.readouterr()
    assert main(["config", "show", "--json"]) == 0
    out = capsys.readouterr().out
    assert str(workstation_settings_path()) in out.replace("\\\\", "\\")
    assert "ward.db" in out


def test_broken_workstation_file_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    path = workstation_settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("database_url = [1]\n")
    assert main(["db", "current"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'database_url'" in err


def without_xdg(monkeypatch: pytest.MonkeyPatch) -> None:
    """Recent platformdirs honour XDG_* on every platform; a ward PC has none of them set."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)


def test_windows_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    # The shell-folder lookup needs the Windows API; answer it as a ward PC would.
    without_xdg(monkeypatch)
    folders = {
        "CSIDL_LOCAL_APPDATA": r"C:\Users\nurse\AppData\Local",
        "CSIDL_APPDATA": r"C:\Users\nurse\AppData\Roaming",
    }
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    monkeypatch.setattr(platformdirs, "PlatformDirs", Windows)
    local = PureWindowsPath(r"C:\Users\nurse\AppData\Local\Transitions")
    assert PureWindowsPath(str(user_config_dir())) == local
    assert PureWindowsPath(str(user_data_dir())) == local
    assert PureWindowsPath(str(user_log_dir())) == local / "Logs"
    assert PureWindowsPath(str(workstation_settings_path())) == local / "workstation.toml"
    assert PureWindowsPath(str(log_file())) == local / "Logs" / "transitions.log"


def test_macos_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    without_xdg(monkeypatch)
    monkeypatch.setattr(platformdirs, "PlatformDirs", MacOS)
    support = Path.home() / "Library" / "Application Support" / "Transitions"
    assert user_config_dir() == support
    assert workstation_settings_path() == support / "workstation.toml"
    assert user_log_dir() == Path.home() / "Library" / "Logs" / "Transitions"

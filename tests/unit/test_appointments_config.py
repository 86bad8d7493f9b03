"""The [policy] settings of the follow-up plan: default risk tier and travel buffer."""

from __future__ import annotations

from pathlib import Path

import pytest

from transitions.config import load_site_config
from transitions.errors import ConfigError


def _site(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_defaults() -> None:
    site = load_site_config()
    assert (site.default_risk_tier, site.travel_buffer_minutes) == ("moderate", 30)


def test_site_file_overrides(tmp_path: Path) -> None:
    body = '[policy]\ndefault_risk_tier = "high"\ntravel_buffer_minutes = 0\n'
    site = load_site_config(_site(tmp_path, body))
    assert (site.default_risk_tier, site.travel_buffer_minutes) == ("high", 0)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[policy]\ndefault_risk_tier = "extreme"\n', "policy.default_risk_tier"),
        ("[policy]\ndefault_risk_tier = 3\n", "policy.default_risk_tier"),
        ("[policy]\ntravel_buffer_minutes = 500\n", "policy.travel_buffer_minutes"),
        ('[policy]\ntravel_buffer_minutes = "30"\n', "policy.travel_buffer_minutes"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, body: str, key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        load_site_config(_site(tmp_path, body))

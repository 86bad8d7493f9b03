"""The [packet] keys of the site file: paper size and branding."""

from __future__ import annotations

from pathlib import Path

import pytest

from transitions.config import load_site_config
from transitions.errors import ConfigError
from transitions.services.packets import branding_of


def test_defaults_and_overrides(tmp_path: Path) -> None:
    default = load_site_config(None)
    assert default.packet_paper == "letter" and default.packet_logo == ""
    site = tmp_path / "site.toml"
    site.write_text(
        '[packet]\npaper = "A4"\nlogo = "/srv/logo.png"\nprimary_colour = "#003366"\n',
        encoding="utf-8",
    )
    config = load_site_config(site)
    assert config.packet_paper == "a4"
    branding = branding_of(config)
    assert branding.logo_path == "/srv/logo.png" and branding.primary_colour == "#003366"
    assert branding.accent_colour == "#b35900"  # default kept


@pytest.mark.parametrize(
    ("text", "key"),
    [('[packet]\npaper = "legal"\n', "packet.paper"),
     ('[packet]\naccent_colour = "orange"\n', "packet.accent_colour"),
     ("[packet]\npaper = 4\n", "packet.paper")],
)  # fmt: skip
def test_bad_packet_keys_are_named(tmp_path: Path, text: str, key: str) -> None:
    site = tmp_path / "site.toml"
    site.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=key):
        load_site_config(site)

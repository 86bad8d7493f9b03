"""The [[units]] entries of the site file: parsed, checked, errors naming the key and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from transitions.config import load_site_config
from transitions.config_units import SiteUnit
from transitions.errors import ConfigError


def _site(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(body, encoding="utf-8")
    return path


WARDS = """
[[units]]
code = " 4W "
name = "4 West Medicine"
phone = "(555) 010-2441"

[[units]]
code = "3N"
name = "3 North"
phone = ""
active = false
"""


def test_no_units_by_default() -> None:
    assert load_site_config().units == ()


def test_units_are_read_in_file_order_and_trimmed(tmp_path: Path) -> None:
    site = load_site_config(_site(tmp_path, WARDS))
    assert site.units == (
        SiteUnit("4W", "4 West Medicine", "(555) 010-2441", True),
        SiteUnit("3N", "3 North", None, False),
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[units]]\ncode = "4W"\n', r"'units\[1\]\.name' \(unit '4W'\): a name is required"),
        (
            '[[units]]\ncode = "4W"\nname = "A"\n[[units]]\ncode = "5E"\nname = "  "\n',
            r"'units\[2\]\.name' \(unit '5E'\): a name is required",
        ),
        ('[[units]]\nname = "4 West"\n', r"'units\[1\]\.code': a unit code is required"),
        (
            '[[units]]\ncode = "4W"\nname = "A"\n[[units]]\ncode = "4w"\nname = "B"\n',
            r"'units\[2\]\.code': unit '4w' is already listed as units\[1\]",
        ),
        ('[[units]]\ncode = "4W"\nname = "A"\nfloor = 4\n', r"'units\[1\]\.floor' is not a unit"),
        ('[[units]]\ncode = "4W"\nname = "A"\nactive = "no"\n', r"'units\[1\]\.active' \(unit"),
        ('[[units]]\ncode = "4W"\nname = "A"\nphone = 5550100\n', r"'units\[1\]\.phone' \(unit"),
        (f'[[units]]\ncode = "{"X" * 17}"\nname = "A"\n', r"'units\[1\]\.code' is longer than 16"),
        ("units = 3\n", r"'units' must be a list"),
        ('units = ["4W"]\n', r"'units\[1\]' must be a \[\[units\]\] table"),
    ],
)
def test_bad_units_name_the_key_and_the_entry(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_site_config(_site(tmp_path, body))

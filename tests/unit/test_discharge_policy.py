"""Site policy of the discharge checklist (`[discharge] blocking`) and the RED item data file."""

from __future__ import annotations

from pathlib import Path

import pytest

from transitions.config import load_site_config, red_item_keys
from transitions.errors import ConfigError
from transitions.services.red_checklist import item_specs

STEP_KEYS = {"summary", "medications", "appointments", "education", "packet", "discharge"}


def test_default_blocks_unsigned_medrec_and_no_packet() -> None:
    assert load_site_config().discharge_blocking == ("medrec_signed", "written_plan")


def test_site_file_sets_blocking_items(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text('[discharge]\nblocking = ["pcp_summary", "medrec_signed", "pcp_summary"]\n')
    assert load_site_config(path).discharge_blocking == ("pcp_summary", "medrec_signed")
    path.write_text("[discharge]\nblocking = []\n")
    assert load_site_config(path).discharge_blocking == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[discharge]\nblocking = ["packet"]\n', r"discharge\.blocking': unknown checklist item"),
        ("[discharge]\nblocking = [1]\n", r"discharge\.blocking"),
        ('[discharge]\nblocking = "medrec_signed"\n', r"'discharge\.blocking' must be a list"),
    ],
)
def test_bad_blocking_names_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "site.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_site_config(path)


def test_red_items_are_the_twelve_components_in_order() -> None:
    specs = item_specs()
    assert [s.component for s in specs] == list(range(1, 13))
    assert tuple(s.key for s in specs) == red_item_keys()
    assert {s.where for s in specs} <= STEP_KEYS

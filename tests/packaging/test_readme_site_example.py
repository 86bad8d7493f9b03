"""The README's complete site-file example is valid and sets every key the loader knows."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from transitions.config import load_site_config
from transitions.resources import load_toml

REPO = Path(__file__).resolve().parents[2]


def keys(data: dict[str, object], prefix: str = "") -> set[str]:
    found: set[str] = set()
    for key, value in data.items():
        name = f"{prefix}{key}"
        found |= keys(value, f"{name}.") if isinstance(value, dict) else {name}
    return found


def test_readme_site_example_loads_and_is_complete(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### One site file, one shared database", 1)[1]
    example = re.search(r"```toml\n(.*?)```", section, re.S)
    assert example is not None
    path = tmp_path / "site.toml"
    path.write_text(example.group(1), encoding="utf-8")
    site = load_site_config(path)
    assert site.database_url is not None and site.database_url.startswith("postgresql+psycopg://")
    documented = keys(tomllib.loads(example.group(1)))
    assert keys(load_toml("site-defaults.toml")) <= documented

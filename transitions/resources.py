"""Access to the data files shipped in the top-level ``resources`` package."""

from __future__ import annotations

import json
import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any


def resource(*parts: str) -> Traversable:
    """Return the shipped data file ``resources/<parts...>``."""
    node: Traversable = files("resources")
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def load_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))


def load_toml(*parts: str) -> dict[str, Any]:
    return tomllib.loads(read_text(*parts))

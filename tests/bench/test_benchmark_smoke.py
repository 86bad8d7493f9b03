"""Tiny runs of the benchmark scripts, so they keep working (no timing is asserted)."""

from __future__ import annotations

import pytest

from benchmarks import demo_scale
from tests.conftest import postgres_url, require_postgres


def test_demo_scale_smoke(postgres_available: bool, capsys: pytest.CaptureFixture[str]) -> None:
    require_postgres(postgres_available)
    assert (
        demo_scale.main(["--patients", "25", "--postgres", "--postgres-url", postgres_url()]) == 0
    )
    out = capsys.readouterr().out
    assert "SQLite" in out and "PostgreSQL" in out

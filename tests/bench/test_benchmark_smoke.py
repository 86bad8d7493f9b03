"""Tiny runs of the benchmark scripts, so they keep working (no timing is asserted)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks import dataset, demo_scale, lists, memory, startup, workspace
from tests.conftest import drop_pg_schema, postgres_url, require_postgres


def test_demo_scale_smoke(postgres_available: bool, capsys: pytest.CaptureFixture[str]) -> None:
    require_postgres(postgres_available)
    assert (
        demo_scale.main(["--patients", "25", "--postgres", "--postgres-url", postgres_url()]) == 0
    )
    out = capsys.readouterr().out
    assert "SQLite" in out and "PostgreSQL" in out


@pytest.fixture
def tiny_benchmark_databases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, postgres_available: bool
) -> Iterator[None]:
    """The benchmark databases at the 'tiny' size, in a temporary cache and schema."""
    require_postgres(postgres_available)
    monkeypatch.setattr(dataset, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(dataset, "POSTGRES_URL", postgres_url())
    monkeypatch.setattr(dataset, "SCHEMA_TAG", f"_smoke_{os.getpid()}")
    try:
        yield
    finally:
        drop_pg_schema(dataset.schema_name(dataset.ENCOUNTER_SIZES["tiny"]))


def test_benchmarks_run_at_tiny_size(
    tiny_benchmark_databases: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lists.main(["--size", "tiny", "--postgres", "--repeat", "1", "--explain"]) == 0
    assert workspace.main(["--size", "tiny", "--postgres", "--stays", "2"]) == 0
    assert startup.main(["--size", "tiny", "--repeat", "1"]) == 0
    assert memory.main(["--size", "tiny", "--rows", "300"]) == 0
    out = capsys.readouterr().out
    # every table row has its figure; PostgreSQL got the same hospital as SQLite
    assert out.count("| worklist, first page") == 2 and out.count("| 30-day follow-up") == 2
    assert "| sqlite (tiny) |" in out and "| postgresql (tiny) |" in out
    assert "the app: first paint of the populated worklist" in out
    assert "| sqlite (tiny) | 300 |" in out

"""The bundle's file list (packaging/bundle_common.py) holds what the program opens at run time.

Building the bundle takes a minute and a half, so `make package-test` does that (after pytest, in
`make test`); these checks are the fast part: the spec's inputs, read without building.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="the 'package' extra is not installed")

REPO = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("bundle_common", REPO / "packaging/bundle_common.py")
assert spec is not None and spec.loader is not None
bundle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bundle)


def bundled() -> set[str]:
    """Paths inside the bundle (folder/name) of every data file."""
    return {f"{folder}/{Path(source).name}" for source, folder in bundle.datas()}


def test_migrations_ship_as_files() -> None:
    files = bundled()
    assert "transitions/db/migrations/env.py" in files
    assert "transitions/db/migrations/script.py.mako" in files
    versions = sorted((REPO / "transitions/db/migrations/versions").glob("[0-9]*.py"))
    assert versions
    for path in versions:
        assert f"transitions/db/migrations/versions/{path.name}" in files


def test_resources_ship() -> None:
    files = bundled()
    for path in (REPO / "resources").rglob("*"):
        if path.is_file() and path.suffix in {".toml", ".json", ".csv", ".svg"}:
            relative = path.relative_to(REPO)
            assert f"{relative.parent.as_posix()}/{path.name}" in files, relative


def test_runtime_imports_are_hidden_imports() -> None:
    from transitions.cli import COMMAND_MODULES
    from transitions.services.encounters import STAY_SECTION_MODULES

    names = set(bundle.hidden_imports())
    for module in (*COMMAND_MODULES, *STAY_SECTION_MODULES, "ui.self_test", "alembic.op"):
        assert module in names
    assert "holidays.countries.united_states" in names


def test_unused_qt_modules_are_excluded_but_used_ones_are_not() -> None:
    excluded = set(bundle.excludes())
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtDesigner"} <= excluded
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"}
    assert not used & excluded
    assert "PySide6.QtPrintSupport" not in excluded


def test_no_code_imports_an_excluded_module() -> None:
    excluded = set(bundle.QT_EXCLUDES)
    for path in [*(REPO / "ui").rglob("*.py"), *(REPO / "transitions").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for module in excluded:
            assert f"{module} " not in text and f"{module}\n" not in text, (path, module)


def test_compiled_translations_ship() -> None:
    files = bundled()
    sources = sorted((REPO / "resources/translations").glob("*.ts"))
    assert sources
    for ts in sources:
        assert f"resources/translations/{ts.stem}.qm" in files

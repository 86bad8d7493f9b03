"""Linux desktop integration: the .desktop file, AppStream metainfo and icons validate and agree.

The validators come from Debian (desktop-file-utils, appstream), installed by
packaging/system-deps.sh. Without them the checks skip visibly; with CI=true that is a failure.
"""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.app import application_icon

REPO = Path(__file__).resolve().parents[2]


def load_script(relative: str) -> ModuleType:
    """A module of packaging/ by file (the folder is not a package: PyPI's `packaging` is)."""
    path = REPO / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_icons = load_script("packaging/linux/render_icons.py")
LINUX = REPO / "packaging" / "linux"
APP_ID = "org.transitionsofcare.Transitions"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (run packaging/system-deps.sh as root)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


def test_desktop_file_validates() -> None:
    done = run(tool("desktop-file-validate"), str(DESKTOP))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error:" not in done.stdout


def test_metainfo_validates() -> None:
    done = run(tool("appstreamcli"), "validate", "--no-net", str(METAINFO))
    assert done.returncode == 0, done.stdout + done.stderr


def test_ids_and_names_agree() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(DESKTOP, encoding="utf-8")
    entry = desktop["Desktop Entry"]
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("icon") == entry["Icon"] == APP_ID
    assert meta.findtext("provides/binary") == entry["Exec"] == "transitions"
    assert render_icons.APP_ID == APP_ID
    bundle = load_script("packaging/bundle_common.py")
    assert bundle.APP_ID == APP_ID
    assert entry["Exec"] == bundle.APP_NAME


@pytest.mark.parametrize("size", render_icons.SIZES)
def test_committed_png_icons_are_current_renders_of_the_svg(qapp: QApplication, size: int) -> None:
    path = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    committed = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    assert (committed.width(), committed.height()) == (size, size)
    fresh = render_icons.render(size)
    different = 0
    for y in range(size):
        for x in range(size):
            a, b = committed.pixelColor(x, y), fresh.pixelColor(x, y)
            channels = zip(a.getRgb(), b.getRgb(), strict=True)
            if max(abs(p - q) for p, q in channels) > 24:
                different += 1
    assert different <= size * size // 100, "run `make icons` after changing the SVG"
    opaque = sum(committed.pixelColor(x, size // 2).alpha() > 0 for x in range(size))
    assert opaque > size // 2  # not a blank image


def test_scalable_icon_is_the_application_svg() -> None:
    scalable = LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    svg = REPO / "resources" / "icons" / "transitions.svg"
    assert scalable.read_bytes() == svg.read_bytes()


def test_window_icon_loads(qapp: QApplication) -> None:
    icon = application_icon()
    assert not icon.isNull()
    assert not icon.pixmap(16, 16).isNull()

"""The Windows spec and installer cannot be built here; check by reading that they hang together
with the Linux build (same file list, same names, files that exist)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WINDOWS = REPO / "packaging" / "windows"
SPEC = WINDOWS / "transitions-windows.spec"
ISS = WINDOWS / "transitions.iss"


def test_spec_is_python_over_the_shared_file_list() -> None:
    text = SPEC.read_text(encoding="utf-8")
    tree = ast.parse(text)  # a syntax error here would only show on the Windows build PC
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert "bundle_common" in imported
    for call in ("bundle.datas()", "bundle.hidden_imports()", "bundle.excludes()"):
        assert call in text
    names = set(re.findall(r'name="([^"]+)"', text))
    assert names == {"Transitions", "transitions-cli"}
    icon = REPO / "packaging/linux/icons/hicolor/256x256/apps/org.transitionsofcare.Transitions.png"
    assert icon.exists()
    assert '"tzdata"' in text  # Windows has no zone database of its own


def test_installer_points_at_what_the_spec_builds() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert '#define Bundle "..\\..\\dist\\transitions"' in text  # COLLECT name, from windows/
    for exe in re.findall(r"\{app\}\\([\w-]+\.exe)", text):
        assert exe in {"Transitions.exe", "transitions-cli.exe"}
    assert "TRANSITIONS_SITE_CONFIG" in text  # the environment variable transitions.config reads
    version = re.search(r'#define AppVersion "([^"]+)"', text)
    import transitions

    assert version is not None and version.group(1) == transitions.__version__
    for section in ("[Setup]", "[Files]", "[Icons]", "[Registry]", "[Code]"):
        assert section in text

#!/usr/bin/env bash
# Installs the Debian packages that headless Qt (offscreen and Xvfb), fonts, the PDF checks and
# the desktop-file validators need. As root it installs what is missing; otherwise it prints the
# exact apt-get line and fails.
set -euo pipefail
packages=(
  libgl1 libegl1 libfontconfig1 fonts-dejavu-core libxkbcommon0 libglib2.0-0 libdbus-1-3
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
  poppler-utils
  desktop-file-utils appstream
)
command -v dpkg-query >/dev/null || { echo "system-deps: not a Debian system; install the Qt libraries above by hand" >&2; exit 0; }
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

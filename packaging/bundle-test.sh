#!/usr/bin/env bash
# Runs the built bundle the way a ward PC would, headless: version, a rules command that needs
# bundled data (holiday calendar), and the self-test (migrate a new SQLite file, open and close
# the main window offscreen). Usage: packaging/bundle-test.sh [dist/transitions]
set -euo pipefail
bundle=${1:-dist/transitions}
exe="$bundle/transitions"
[ -x "$exe" ] || { echo "bundle-test: $exe not found; run 'make package' first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A clean user: no site file, no workstation settings, no logs left in the real home.
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state"
unset TRANSITIONS_DATABASE_URL TRANSITIONS_SITE_CONFIG

version=$("$exe" --version)
[[ "$version" =~ ^transitions\ [0-9]+\.[0-9]+ ]] || { echo "bundle-test: --version printed '$version'" >&2; exit 1; }
echo "bundle-test: $version"
"$exe" tcm deadlines --discharged 2026-12-24 --holidays US --json | grep -q '"contact_due": "2026-12-29"' \
  || { echo "bundle-test: tcm deadlines gave a wrong answer (holiday data missing?)" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen "$exe" --self-test --database "sqlite:///$tmp/x.db"
echo "bundle-test: passed ($(du -sh "$bundle" | cut -f1) in $bundle)"

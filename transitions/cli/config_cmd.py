"""`transitions config check | show` — the site configuration as Transitions reads it."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from transitions.cli.common import add_json_option, print_json
from transitions.config import load_site_config, resolve_database_url, site_config_path
from transitions.db.engine import mask_url
from transitions.workstation import workstation_settings_path


def register(sub: Any) -> None:
    config = sub.add_parser("config", help="check or show the site configuration")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    check = config_sub.add_parser("check", help="validate the site file (exit 2 naming the key)")
    check.set_defaults(func=_check)
    show = config_sub.add_parser("show", help="the effective settings, passwords masked")
    add_json_option(show)
    show.set_defaults(func=_show)


def _check(_args: argparse.Namespace) -> int:
    site = load_site_config()
    print(f"site configuration is valid ({site.source})")
    return 0


def _show(args: argparse.Namespace) -> int:
    site = load_site_config()
    data: dict[str, Any] = {
        key: value for key, value in asdict(site).items() if key not in {"database_url"}
    }
    data["site_file"] = str(site_config_path()) if site_config_path() else None
    data["workstation_file"] = str(path) if (path := workstation_settings_path()).exists() else None
    data["database_url"] = mask_url(resolve_database_url(None, site))
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key} = {value}")
    return 0

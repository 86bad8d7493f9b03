"""`transitions config check | show` — the site configuration as Transitions reads it."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from transitions.cli.common import add_json_option, print_json
from transitions.config import SiteConfig, load_site_config, resolve_database_url, site_config_path
from transitions.db.engine import mask_url
from transitions.workstation import workstation_settings_path

#: Cited by the warning about visit deadlines longer than the CMS windows.
CMS_TCM_FAQ = (
    "CMS, 'Frequently Asked Questions about Billing the Medicare Physician Fee Schedule for "
    "Transitional Care Management Services' (2016)"
)


def register(sub: Any) -> None:
    config = sub.add_parser("config", help="check or show the site configuration")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    check = config_sub.add_parser(
        "check", help="validate the site file (exit 2 naming the key; warnings on stderr)"
    )
    check.set_defaults(func=_check)
    show = config_sub.add_parser("show", help="the effective settings, passwords masked")
    add_json_option(show)
    show.set_defaults(func=_show)


def site_warnings(site: SiteConfig) -> list[str]:
    """Valid settings that a site should think twice about (one line each, naming the key)."""
    return [
        f"site configuration key 'policy.visit_deadline_days.{tier}' = {days} days is beyond "
        f"the CMS transitional care management window of {cms_days} days ({code}): a visit "
        f"that late does not meet TCM ({CMS_TCM_FAQ})"
        for tier, days, cms_days, code in site.visit_deadline_days.beyond_cms()
    ]


def _check(_args: argparse.Namespace) -> int:
    site = load_site_config()
    for warning in site_warnings(site):
        print(f"warning: {warning}", file=sys.stderr)
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
        return 0
    for key, value in data.items():
        if key == "units":
            if not value:
                print("units = none listed (units in the database are left as they are)")
            for unit in value:
                state = "" if unit["active"] else " (inactive)"
                phone = f", phone {unit['phone']}" if unit["phone"] else ""
                print(f"units.{unit['code']} = {unit['name']}{phone}{state}")
        elif isinstance(value, dict):
            for sub, item in value.items():
                print(f"{key}.{sub} = {item}")
        else:
            print(f"{key} = {value}")
    return 0

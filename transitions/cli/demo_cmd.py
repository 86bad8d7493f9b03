"""`transitions demo --patients N --seed S` — a deterministic demo hospital."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from datetime import time as dt_time
from typing import Any

from transitions.cli.common import (
    Context,
    add_database_option,
    add_json_option,
    iso_date,
    positive_int,
    print_json,
)


def register(sub: Any) -> None:
    demo = sub.add_parser(
        "demo",
        help="fill an empty database with a deterministic demo hospital",
        description="Creates units, providers, clinics and synthetic patients with stays, "
        "diagnoses, allergies, labs and home medicines. The same --patients, --seed and "
        "--today give the same data.",
    )
    demo.add_argument("--patients", type=positive_int, default=200, help="how many (default 200)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument(
        "--today",
        type=iso_date,
        help="the demo's 'today' as YYYY-MM-DD (default: today at the site)",
    )
    demo.add_argument(
        "--without-followups",
        action="store_true",
        help="skip the follow-up tasks and call history of past discharges (faster)",
    )
    add_json_option(demo)
    add_database_option(demo)
    demo.set_defaults(func=_demo)


def _demo(args: argparse.Namespace) -> int:
    from transitions.demo.community import seed_demo_resources
    from transitions.demo.generator import generate_demo

    ctx = Context(args)
    try:
        tz = ctx.site.timezone
        today = args.today or datetime.now(tz).date()
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if not args.json and sys.stderr.isatty():
                print(f"\r{done}/{total} patients", end="", file=sys.stderr, flush=True)

        summary = generate_demo(
            ctx.db, patients=args.patients, seed=args.seed, today=today, tz=tz, progress=progress
        )
        if not args.without_followups:
            from transitions.demo.followup_history import seed_demo_followups

            noon = datetime.combine(today, dt_time(12, 0), tzinfo=tz).astimezone(UTC)
            seed_demo_followups(ctx.db, ctx.site, args.seed, now=lambda: noon)
        resources = seed_demo_resources(ctx.db, ctx.site)
        seconds = time.perf_counter() - started
    finally:
        ctx.close()
    if args.json:
        print_json(
            {**summary.to_json(), "community_resources": resources, "seconds": round(seconds, 1)}
        )
    else:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(
            f"demo hospital created in {seconds:.1f} s: {summary.units} units, "
            f"{summary.patients} patients, {summary.encounters} encounters, "
            f"{summary.current_inpatients} current inpatients, "
            f"{summary.readmissions} readmissions"
        )
    return 0

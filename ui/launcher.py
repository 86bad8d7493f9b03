"""The `transitions` console script: the GUI without a subcommand, else the headless CLI.

This module lives in ``ui`` because ``transitions`` must never import Qt; it imports Qt only
when the GUI is asked for, so headless subcommands start quickly on machines without a screen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from transitions.cli import parse_args, run_command


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command is not None:
        return run_command(args)
    from transitions.logging_setup import configure_logging
    from ui.app import run_gui

    configure_logging()
    if args.self_test:
        from ui.self_test import run_self_test

        return run_self_test(args.database)
    return run_gui(args.database, seed_demo_if_empty=args.seed_demo_if_empty)


if __name__ == "__main__":
    sys.exit(main())

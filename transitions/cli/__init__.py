"""The `transitions` command: headless subcommands over the same services the GUI uses.

Subcommand modules each provide ``register(subparsers)`` and set ``func`` on their parsers.
Add a module to ``COMMAND_MODULES`` to add a subcommand. ``transitions`` with no subcommand
opens the GUI; that decision lives in ``ui.launcher`` because this package never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from transitions import __version__
from transitions.cli.common import CliParser, add_database_option
from transitions.errors import TransitionsError
from transitions.logging_setup import configure_logging, where_it_failed

log = logging.getLogger(__name__)

COMMAND_MODULES = (
    "transitions.cli.db_cmd",
    "transitions.cli.demo_cmd",
    "transitions.cli.encounter_cmd",
    "transitions.cli.tcm_cmd",
    "transitions.cli.risk_cmd",
    "transitions.cli.medrec_cmd",
    "transitions.cli.config_cmd",
    "transitions.cli.drugs_cmd",
    "transitions.cli.security_cmd",
    "transitions.cli.education_cmd",
    "transitions.cli.packet_cmd",
    "transitions.cli.interop_cmd",
    "transitions.cli.followup_cmd",
    "transitions.cli.appointments_cmd",
    "transitions.cli.resources_cmd",
    "transitions.cli.summary_cmd",
    "transitions.cli.discharge_cmd",
)


def build_parser(*, commands: bool = True) -> CliParser:
    """The whole command line; ``commands=False``: the top-level options only (no subcommand
    module is imported, so opening the window does not pay for every command's imports)."""
    parser = CliParser(
        prog="transitions",
        description="Transitions — hospital discharge transitions of care. "
        "Without a subcommand, opens the application window.",
    )
    parser.add_argument("--version", action="version", version=f"transitions {__version__}")
    add_database_option(parser, top_level=True)
    parser.add_argument(
        "--seed-demo-if-empty",
        action="store_true",
        help="(GUI) create the demo hospital when the database is empty",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="migrate the database, open and close the main window (offscreen works), exit 0",
    )
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CliParser)
    for name in COMMAND_MODULES:
        import_module(name).register(sub)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line. Top-level options alone (the GUI) are parsed without importing
    the subcommands; anything else left over, or a help request, goes to the full parser."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not {"-h", "--help"} & set(arguments):
        top, rest = build_parser(commands=False).parse_known_args(arguments)
        if not rest:
            top.command = None
            return top
    return build_parser().parse_args(arguments)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; user errors become one line on stderr and exit status 2."""
    configure_logging()
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except TransitionsError as exc:
        print(f"transitions {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped reading; not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("transitions: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        # type and code locations only: the message may hold patient data
        log.error("unexpected error in subcommand %s: %s", args.command, where_it_failed(exc))
        print(
            f"transitions {args.command}: unexpected error; details are in the log file",
            file=sys.stderr,
        )
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Headless entry point: a subcommand is required (the GUI starts from ui.launcher)."""
    args = parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 2
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())

"""`python -m transitions SUBCOMMAND` runs the headless CLI."""

import sys

from transitions.cli import main

sys.exit(main())

"""The bundle's entry point (PyInstaller needs a script): the same as the `transitions` command."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())

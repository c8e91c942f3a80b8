#!/usr/bin/env python
"""Django's command-line entry point for Dyad."""

import os
import sys

# The extraction engine runs without any database or broker.
OFFLINE_COMMANDS = {"extract", "bench_extract"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if len(sys.argv) > 1 and sys.argv[1] in OFFLINE_COMMANDS:
        os.environ.setdefault("DYAD_OFFLINE", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""Django's command-line entry point for Dyad; starts the embedded services a command needs."""

import os
import sys

# The extraction engine runs without any database or broker.
OFFLINE_COMMANDS = {"extract", "bench_extract"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if len(sys.argv) < 2 or sys.argv[1] not in OFFLINE_COMMANDS:
        from config import embedded

        embedded.start()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

"""The ``danvan`` command.

``danvan parse FILE`` reads a plan document without starting Django, so that
it is quick to run from scripts. Every other sub-command is a Django
management command (``danvan migrate``, ``danvan demo``, ``danvan worker``,
``danvan serve``, ``danvan createsuperuser``, ...).
"""

import os
import sys

# Short names for the commands people type most.
ALIASES = {"worker": "db_worker", "demo": "load_demo_province", "serve": "serve"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["parse"]:
        from danvan.documents.parsing.cli import main as parse_main

        return parse_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    from django.core.management import execute_from_command_line

    if args:
        args[0] = ALIASES.get(args[0], args[0])
    execute_from_command_line(["danvan", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The ``danvan`` command.

``danvan parse FILE`` reads a plan document without starting Django, so that
it is quick to run from scripts. Every other sub-command is a Django
management command (``danvan migrate``, ``danvan demo``, ``danvan worker``,
``danvan serve``, ``danvan createsuperuser``, ...). ``danvan`` alone or
``danvan --help`` lists the project's own commands first, then Django's.
"""

import os
import sys
import textwrap

# Short names for the commands people type most.
ALIASES = {"demo": "load_demo_province", "serve": "serve"}
HELP_FLAGS = ([], ["help"], ["--help"], ["-h"])
PARSE_HELP = "Đọc một kế hoạch .txt/.docx/.pdf, in JSON danvan.plan/1 (không cần CSDL)."


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["parse"]:
        # Imported here so that `danvan parse` does not start Django.
        from danvan.documents.parsing.cli import main as parse_main

        return parse_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
    if args in HELP_FLAGS:
        print_help()
        return 0
    from django.core.management import execute_from_command_line

    if args:
        args[0] = ALIASES.get(args[0], args[0])
    execute_from_command_line(["danvan", *args])
    return 0


def print_help(out=None) -> None:
    """The project's commands with their first help line, then every other command by app."""
    out = out or sys.stdout
    import django
    from django.core.management import get_commands, load_command_class

    django.setup()
    commands = get_commands()
    short = {command: alias for alias, command in ALIASES.items() if alias != command}
    own = [("parse", PARSE_HELP)]
    for name, app in sorted(commands.items()):
        if app.startswith("danvan") or name in short:
            summary = " ".join((load_command_class(app, name).help or "").split())
            label = f"{short[name]} ({name})" if name in short else name
            own.append((label, textwrap.shorten(summary, 80, placeholder=" …")))
    width = max(len(label) for label, _ in own) + 2
    out.write("Cách dùng: danvan <lệnh> [tùy chọn]   ·   danvan help <lệnh>: chi tiết một lệnh\n\n")
    out.write("Lệnh của Danvan:\n")
    for label, summary in own:
        out.write(f"  {label.ljust(width)}{summary}\n")
    others: dict[str, list[str]] = {}
    for name, app in commands.items():
        if not app.startswith("danvan") and name not in short:
            others.setdefault("django" if app == "django.core" else app.rpartition(".")[2], []).append(name)
    out.write("\nLệnh của Django và các thư viện:\n")
    for app in sorted(others):
        out.write(f"  [{app}] {', '.join(sorted(others[app]))}\n")


if __name__ == "__main__":
    sys.exit(main())

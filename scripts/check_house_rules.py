"""House rules that ruff cannot express (STYLE.md rule 23).

Each rule is the files it applies to (glob patterns), a pattern, and a
message. Run by ``make check``; exits 1 and lists every breach.

Good: ``unit.save(update_fields=["name"])`` in services.py.
Bad:  ``unit.save()`` on an existing row in services.py; ``style="..."`` in a
template; ``Unit.objects.all()`` in selectors.py.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "danvan"
# Django templates and the Jinja2 ones of the citizens' pages.
TEMPLATES = ("*.html", "*.jinja")

RULES = [
    (
        ("selectors.py",),
        re.compile(r"\.objects\.all\(\)"),
        "a selector starts from what the person may see, not .objects.all()",
    ),
    (
        # A services module may be a package (services/lifecycle.py) once it grows.
        ("services.py", "services/*.py"),
        re.compile(r"\.save\(\s*\)"),
        "save an existing row with update_fields (create new rows with .objects.create)",
    ),
    (TEMPLATES, re.compile(r"\sstyle=\""), "no style= attributes in templates: use app.css"),
    (TEMPLATES, re.compile(r"\son[a-z]+=\""), "no inline event handlers in templates"),
    (
        TEMPLATES,
        re.compile(r"<script[^>]+src=\"https?:"),
        "no scripts from a CDN: vendor them under static/vendor/",
    ),
    (
        ("*.py",),
        re.compile(r"^\s*(def|class)\s+\w*[àáảãạăâđèéêìíòóôơùúưỳý]", re.IGNORECASE),
        "identifiers are English",
    ),
]


def breaches() -> list[str]:
    found = []
    for patterns, regex, message in RULES:
        for path in sorted(path for pattern in patterns for path in ROOT.rglob(pattern)):
            if "migrations" in path.parts or "vendor" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if regex.search(line):
                    found.append(f"{path.relative_to(ROOT.parent.parent)}:{number}: {message}")
    return found


if __name__ == "__main__":
    problems = breaches()
    print("\n".join(problems) or "House rules: OK")
    sys.exit(1 if problems else 0)

"""Merge English translations into the English catalogue.

Usage: python scripts/apply_translations.py FILE.json — FILE maps each
Vietnamese msgid to its English text. Entries already translated are left
alone unless they are fuzzy. Run `make messages` afterwards to compile."""

import json
import sys
from pathlib import Path

import polib

CATALOGUE = (
    Path(__file__).resolve().parent.parent / "src" / "danvan" / "locale" / "en" / "LC_MESSAGES" / "django.po"
)


def apply(translations: dict[str, str]) -> int:
    catalogue = polib.pofile(str(CATALOGUE))
    applied = 0
    for entry in catalogue:
        if entry.msgid in translations and (not entry.translated() or "fuzzy" in entry.flags):
            if entry.msgid_plural:
                entry.msgstr_plural = {0: translations[entry.msgid], 1: translations[entry.msgid]}
            else:
                entry.msgstr = translations[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            applied += 1
    catalogue.save()
    return applied


if __name__ == "__main__":
    print(f"en: {apply(json.loads(Path(sys.argv[1]).read_text(encoding='utf-8')))} mục")

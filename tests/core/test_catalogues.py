"""The Vietnamese catalogue is complete and the English one too: a string
marked for translation but missing from a catalogue fails here."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.conftest import require_binary

SRC = Path(__file__).resolve().parents[2] / "src" / "danvan"


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    require_binary("xgettext")
    copy = tmp_path_factory.mktemp("catalogues") / "danvan"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "danvan.settings"}
    command = [sys.executable, "-m", "django", "makemessages", "-l", "vi", "-l", "en", "--no-obsolete"]
    subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True, timeout=300)
    return copy / "locale"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_marked_string_is_translated(fresh_catalogues, language):
    catalogue = polib.pofile(str(fresh_catalogues / language / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert not missing, f"run `make messages` and translate: {missing[:10]}"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_compiled_catalogue_matches_its_source(language):
    folder = SRC / "locale" / language / "LC_MESSAGES"
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(folder / "django.mo"))}
    source = polib.pofile(str(folder / "django.po"))
    stale = [
        e.msgid
        for e in source.translated_entries()
        if not e.msgid_plural and compiled.get(e.msgid) != e.msgstr
    ]
    assert not stale, f"run `make messages`: {stale[:5]}"


_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_translations_keep_the_placeholders_of_their_source(language):
    catalogue = polib.pofile(str(SRC / "locale" / language / "LC_MESSAGES" / "django.po"))
    for entry in catalogue.translated_entries():
        translation = entry.msgstr or entry.msgstr_plural.get(0, "")
        assert sorted(_PLACEHOLDER.findall(entry.msgid)) == sorted(_PLACEHOLDER.findall(translation)), (
            entry.msgid
        )


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_catalogue_compiles_with_gettext_own_checks(language, tmp_path):
    """msgfmt refuses what polib accepts: a msgid that reads as a Python format
    ("… % số") whose translation does not keep it stops `make messages`."""
    msgfmt = require_binary("msgfmt")
    source = SRC / "locale" / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(source)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr

"""English is the second language: every Danish UI string in the catalogue has an English text,
and the compiled catalogue that Django reads says the same as the source catalogue."""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import roedtraad

LC_MESSAGES = Path(roedtraad.__file__).parent / "locale" / "en" / "LC_MESSAGES"


def _entries(po: Path) -> list[dict]:
    """msgid, msgstr and flags of each entry of a .po file (plural forms as msgstr[0])."""
    entries, current, field = [], None, None
    for line in po.read_text(encoding="utf-8").splitlines():
        if line.startswith("#~"):
            continue  # obsolete
        if line.startswith("#,"):
            current = {"flags": line[2:].strip(), "msgid": "", "msgstr": ""}
            entries.append(current)
            field = "flags"
        elif line.startswith("msgid "):
            if current is None or current["msgid"] or field == "msgstr":
                current = {"flags": "", "msgid": "", "msgstr": ""}
                entries.append(current)
            field = "msgid"
            current["msgid"] = ast.literal_eval(line[6:])
        elif line.startswith(("msgstr ", "msgstr[0] ")):
            field = "msgstr"
            current["msgstr"] = ast.literal_eval(line.split(" ", 1)[1])
        elif line.startswith('"') and current is not None and field in {"msgid", "msgstr"}:
            current[field] += ast.literal_eval(line)
        elif line.startswith(("msgid_plural", "msgstr[")):
            field = None
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


def test_every_danish_string_has_an_english_translation():
    entries = _entries(LC_MESSAGES / "django.po")
    assert len(entries) > 500
    untranslated = [e["msgid"] for e in entries if not e["msgstr"]]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert not untranslated, f"no English for: {untranslated[:5]} (run `make messages` and translate)"
    assert not fuzzy, f"guessed by makemessages, not checked: {fuzzy[:5]}"


def test_the_compiled_catalogue_matches_the_source():
    compiled = gettext.GNUTranslations((LC_MESSAGES / "django.mo").open("rb"))
    for entry in _entries(LC_MESSAGES / "django.po"):
        if "%" in entry["msgid"] or "\x04" in entry["msgid"]:
            continue
        assert compiled.gettext(entry["msgid"]) == entry["msgstr"], "django.mo is older: run `make messages`"

"""`roedtraad import [--dry-run] [--json] [--year N] [--replace] FILE...`: read contract documents (.pdf,
.docx, .txt) and save each as its holder's contract (or the year's DUS), one transaction per
file.

`--dry-run --json` prints `{"documents": [...]}` (the parsed documents) and writes nothing.
A re-import merges the document into the holder's draft; one that would remove goals the document
no longer has is refused unless `--replace` is given (they are soft-deleted, restorable).
A file that cannot be read or saved gets one line on stderr naming it and the reason; the
others are still imported, and the exit code is 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from roedtraad.core.ingest.api import import_path
from roedtraad.core.ingest.model import ParsedDocument, UnreadableDocument
from roedtraad.imports.limits import parse_limits


class Command(BaseCommand):
    help = "Import contract documents (.pdf, .docx, .txt): goals, sections, indicators, stop-doing items."
    # The system checks import the whole URL configuration (every view, and numpy and scipy
    # through the overlap check): most of a small file's import time. `roedtraad check` and
    # `serve` run them; an import needs only the models.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--dry-run", action="store_true", help="Parse only; write nothing to the database.")
        parser.add_argument("--json", action="store_true", help="Print the parsed documents as JSON on stdout.")
        parser.add_argument("--year", type=int, help="Import as this year (default: the year the document states).")
        parser.add_argument(
            "--holder",
            default="",
            help="Save as this contract holder's contract (a unit Rødtråd knows, by name or alias).",
        )
        parser.add_argument(
            "--create-holder",
            action="store_true",
            help="Create the holder the document names as a new unit when Rødtråd does not know it.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Allow a re-import to remove (soft-delete) goals the document no longer has.",
        )

    def handle(self, *args, **options):
        files = [Path(f) for f in options["files"]]
        self.verbosity = options["verbosity"]
        self.holder, self.create_holder = self._holder(options["holder"], options["dry_run"]), options["create_holder"]
        failed, docs = 0, []
        for path in _progress(files):
            doc = self._read(path, options["year"])
            saved = options["dry_run"] or (
                doc is not None and self._save(path, doc, options["json"], options["replace"])
            )
            if doc is None or not saved:
                failed += 1
                continue
            docs.append(doc)
        if options["json"]:
            data = {"documents": [d.as_json() for d in docs]}
            self.stdout.write(json.dumps(data, ensure_ascii=False))
        if failed:
            sys.exit(1)

    def _holder(self, name: str, dry_run: bool):
        """The unit `--holder` names; an unknown name stops the command before anything is read."""
        if not name.strip() or dry_run:
            return None
        from roedtraad.contracts.importing import UnitIndex

        unit = UnitIndex().find(name)
        if unit is None:
            raise CommandError(f"Rødtråd kender ikke enheden »{name.strip()}« (--holder).")
        return unit

    def _read(self, path: Path, year: int | None) -> ParsedDocument | None:
        try:
            doc = import_path(path, limits=parse_limits(), contained=True)
        except UnreadableDocument as error:
            self._fail(path, error.reason)
            return None
        except Exception as error:  # a reader bug is one line naming the file, never a traceback
            self._fail(path, f"cannot be read ({type(error).__name__}: {error})")
            return None
        if year:
            doc.year = year
        return doc

    def _save(self, path: Path, doc: ParsedDocument, quiet: bool, replace: bool) -> bool:
        from roedtraad.contracts.importing import save_parsed_document

        try:
            saved = save_parsed_document(
                doc, allow_remove=replace, holder=self.holder, create_holder=self.create_holder
            )
        except ValidationError as error:
            hint = (
                " Angiv en kendt enhed med --holder, eller opret den med --create-holder."
                if error.code == "unknown_holder"
                else ""
            )
            self._fail(path, " ".join(error.messages) + hint)
            return False
        except Exception as error:  # the transaction is rolled back; report and go on
            self._fail(path, f"cannot be saved ({type(error).__name__}: {error})")
            return False
        if self.verbosity >= 1 and not quiet:
            self.stdout.write(f"{path}: {saved} ({len(doc.goals)} mål, dækning {doc.coverage:.3f})")
        return True

    def _fail(self, path: Path, reason: str) -> None:
        self.stderr.write(f"{path}: {' '.join(str(reason).split())}")


def _progress(files: list[Path]):
    show = len(files) > 1 and sys.stderr.isatty()
    if not show:
        return files
    from tqdm import tqdm

    return tqdm(files, file=sys.stderr, unit="file", leave=False)

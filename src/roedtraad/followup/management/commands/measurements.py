"""`roedtraad measurements import FILE... [--map column=field ...] [--key KEY] [--unit NAME=UNIT ...]
[--dry-run] [--json]`: read measurement exports (CSV, XLSX) into the indicators they feed.

Each file is one transaction: either all its good rows are saved or none. Rows that are not
taken are listed with their line and the reason; a file that cannot be taken at all gets one
line on stderr naming it and why, the other files are still read, and the exit code is 1.
`--dry-run --json` prints `{"files": [...]}` and writes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from roedtraad.followup.measurement_files import FileRefused, import_file, plan_file
from roedtraad.followup.measurement_import import MeasurementsRefused
from roedtraad.org.names import UnitNames


class Command(BaseCommand):
    help = "Import measurements from CSV or XLSX exports (roedtraad measurements import FILE...)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import measurement files.")
        imp.add_argument("files", nargs="+", metavar="FILE")
        imp.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD", help="Map a column to a field.")
        imp.add_argument("--key", default="", help="The indicators' measure key when the file has no key figure.")
        imp.add_argument(
            "--unit", action="append", default=[], metavar="NAME=UNIT", help="A file's unit name is this unit."
        )
        imp.add_argument("--dry-run", action="store_true", help="Read and check only; write nothing.")
        imp.add_argument("--json", action="store_true", help="Print the result per file as JSON.")

    def handle(self, *args, **options):
        aliases = _aliases(options["unit"])
        results, failed = [], 0
        for path in [Path(f) for f in options["files"]]:
            result = self._one(path, options, aliases)
            if result is None:
                failed += 1
            else:
                results.append(result)
        if options["json"]:
            self.stdout.write(json.dumps({"files": results}, ensure_ascii=False))
        if failed:
            sys.exit(1)

    def _one(self, path: Path, options: dict, aliases: dict[str, int]) -> dict | None:
        try:
            data, given = path.read_bytes(), {"mapping": options["map"], "key": options["key"], "aliases": aliases}
            if options["dry_run"]:
                plan = plan_file(data, path.name, **given)
            else:
                plan = import_file(data, path.name, source=f"Fil: {path.name}", **given)
            result = plan.as_json()
        except OSError as error:
            self._fail(path, f"kan ikke læses ({error.strerror or error})")
            return None
        except (FileRefused, MeasurementsRefused) as error:
            self._fail(path, str(error))
            return None
        if not options["json"]:
            self._summary(path, result)
        return result

    def _summary(self, path: Path, result: dict) -> None:
        self.stdout.write(
            f"{path}: {result['created']} nye, {result['updated']} rettede, {result['unchanged']} uændrede, "
            f"{len(result['rejected'])} ikke taget"
        )
        for row in result["rejected"]:
            self.stdout.write(f"  linje {row['line']}: {row['reason']}")
        for note in result["notes"]:
            self.stdout.write(f"  {note}")

    def _fail(self, path: Path, reason: str) -> None:
        self.stderr.write(f"{path}: {' '.join(reason.split())}")


def _aliases(items: list[str]) -> dict[str, int]:
    names = UnitNames()
    out = {}
    for item in items:
        name, sep, unit = item.partition("=")
        found = names.find(unit)
        if not sep or found is None:
            raise CommandError(f"--unit {item!r}: write NAME=UNIT with a unit Rødtråd knows")
        out[name.strip()] = found.pk
    return out

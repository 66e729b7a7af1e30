"""`roedtraad next_year --from YEAR [--dry-run] [--json]`: start next year's contracts from the
year's contracts in force (`contracts.next_year`), as the director does on the contract list."""

from __future__ import annotations

import json
import sys

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from roedtraad import rights
from roedtraad.contracts.next_year import HolderStart, plan_next_year, start_next_year
from roedtraad.contracts.workflow import WorkflowError


class Command(BaseCommand):
    help = "Start next year's draft contracts from the year's contracts in force (multi-year goals carried on)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="year", type=int, required=True, help="the year to start from")
        parser.add_argument("--dry-run", action="store_true", help="say what would be made; write nothing")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args, **options):
        year = options["year"]
        if options["dry_run"]:
            plans = plan_next_year(year)
        else:
            director = rights.acting_director()
            if director is None:
                raise CommandError("Der er ingen aktiv direktør (en bruger med rollen direktør) at starte året som.")
            try:
                plans = start_next_year(director, year)
            except (WorkflowError, PermissionDenied) as refused:
                raise CommandError(str(refused)) from refused
        rows = [_row(plan) for plan in plans]
        if options["json"]:
            self.stdout.write(json.dumps({"from": year, "to": year + 1, "holders": rows}, ensure_ascii=False))
            return
        for row in rows:
            made = "springes over: " + row["skipped"] if row["skipped"] else f"{len(row['goals'])} mål videreføres"
            self.stdout.write(f"{row['holder']}: {made}")
        if not rows:
            sys.stderr.write(f"Ingen kontrakter for {year}.\n")


def _row(plan: HolderStart) -> dict:
    return {
        "holder": plan.holder,
        "goals": [{"number": g.number, "title": g.title} for g in plan.goals],
        "skipped": plan.skipped,
        "draft": plan.draft.pk if plan.draft else None,
    }

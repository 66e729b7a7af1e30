"""`roedtraad next_year --from YEAR [--dry-run] [--json]`: start next year's contracts from the
year's contracts in force (`contracts.next_year`), as the director does on the contract list."""

from __future__ import annotations

import json
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from roedtraad.contracts.next_year import HolderStart, plan_next_year, start_next_year
from roedtraad.contracts.workflow import WorkflowError
from roedtraad.org.models import Role


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
            director = get_user_model().objects.filter(roles__role=Role.DIRECTOR).order_by("pk").first()
            director = director or get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
            if director is None:
                raise CommandError("there is no director (a user with the director role) to start the year as")
            try:
                plans = start_next_year(director, year)
            except WorkflowError as refused:
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

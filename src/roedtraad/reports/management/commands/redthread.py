"""`roedtraad redthread --json --year Y`: the year's red thread — which goals serve which policy,
DUS track, focus area and budget change; what no goal serves; and goals that refer to nothing."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from roedtraad.checks.services import default_year
from roedtraad.contracts.models import Contract


class Command(BaseCommand):
    help = "The year's red thread from policy to goal (roedtraad redthread --json --year Y)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="The year (default: the newest with contracts).")
        parser.add_argument("--json", action="store_true", help="Print it as JSON (the only form so far).")

    def handle(self, *args, **options):
        year = options["year"] or default_year()
        if year is None or not Contract.objects.filter(year=year).exists():
            raise CommandError(f"Der er ingen kontrakter for {year or 'noget år'}.")
        from roedtraad.reports.redthread import year_thread

        thread = year_thread(year)
        if options["json"]:
            self.stdout.write(json.dumps(thread, ensure_ascii=False, indent=2))
            return
        unserved = thread["unserved"]
        self.stdout.write(f"{year}: {len(thread['policies'])} politikker, {len(thread['tracks'])} spor")
        for kind, label in (("policies", "Politikker"), ("tracks", "Spor"), ("focus_areas", "Indsatsområder")):
            if unserved[kind]:
                self.stdout.write(f"{label} uden mål: " + "; ".join(unserved[kind]))
        self.stdout.write(f"Mål uden henvisning: {len(thread['goals_without_reference'])}")

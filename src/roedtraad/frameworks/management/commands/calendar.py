"""`roedtraad calendar [--holder NAME] [--year Y] -o FILE.ics`: the annual cycle as an iCalendar file.

The year's milestones and planned follow-ups (contract dialogues included); with `--holder` only that
holder's follow-ups, and their activities' due dates too. The same events, with the same UIDs, as a
user's calendar feed (`frameworks.calendar`), so importing the file again updates instead of doubling.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from roedtraad.frameworks.calendar import calendar_name, events_for_holder, to_ical
from roedtraad.frameworks.models import Framework
from roedtraad.org.models import OrgUnitKind
from roedtraad.org.names import UnitNames


class Command(BaseCommand):
    help = "Write the year's milestones and planned follow-ups as iCalendar (roedtraad calendar -o FILE.ics)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="The contract year (default: this year).")
        parser.add_argument("--holder", default="", help="Only this contract holder's follow-ups and activities.")
        parser.add_argument("-o", "--output", required=True, help="The .ics file to write.")

    def handle(self, *args, **options):
        year = options["year"] or timezone.localdate().year
        if not Framework.objects.filter(year=year).exists():
            raise CommandError(f"Der er ingen DUS for {year}.")
        holder = None
        name = options["holder"].strip()
        if name:
            holder = UnitNames().find(name)
            if holder is None or holder.kind != OrgUnitKind.HOLDER:
                raise CommandError(f"Rødtråd kender ingen kontraktholder, der hedder «{name}».")
        events = events_for_holder(holder, [year])
        data = to_ical(events, calendar_name(holder))
        path = Path(options["output"])
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"{path} kan ikke skrives: {exc.strerror}") from exc
        whose = f" for {holder}" if holder else ""
        self.stdout.write(f"{path}: {len(events)} begivenheder i årshjulet {year}{whose}")

"""`roedtraad indicators --json [--year Y]`: every indicator with its status and forecast.

Prints `{"indicators": [...]}`; each has the contract holder, the unit measured, the goal, the
definition, baseline, targets, the latest value and period, status, forecast, 80 % band,
method and the Danish explanation. `--year` keeps the indicators of that year's contracts
(and those measured in that year without a goal).
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand
from django.db.models import Q

from roedtraad.followup.indicator_status import as_json, status_of, with_series
from roedtraad.followup.models import Indicator


class Command(BaseCommand):
    help = "List indicators with their status and forecast (roedtraad indicators --json)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print JSON (the only output format).")
        parser.add_argument("--year", type=int, help="Only the indicators of this year's contracts.")

    def handle(self, *args, **options):
        indicators = Indicator.objects.filter(Q(goal__isnull=True) | Q(goal__deleted_at__isnull=True))
        year = options["year"]
        if year:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            in_year = Q(valid_from__lte=end) & (Q(valid_to__isnull=True) | Q(valid_to__gte=start))
            indicators = indicators.filter(Q(goal__contract__year=year) | (Q(goal__isnull=True) & in_year))
        items = [as_json(status_of(i)) for i in with_series(indicators.order_by("key", "org_unit__name"))]
        self.stdout.write(json.dumps({"indicators": items}, ensure_ascii=False, indent=None))

"""Django's `check`, plus the contract checks: `check --json [--year N]`.

Without `--json` / `--year` this is exactly Django's system check (so `check --deploy`
works as always). With them it prints the year's contract checks as JSON (see
`roedtraad.checks.services.run_checks`).
"""

from __future__ import annotations

import json

from django.core.management.commands.check import Command as DjangoCheckCommand

from roedtraad.checks.services import run_checks


class Command(DjangoCheckCommand):
    help = (
        DjangoCheckCommand.help + " With --json: the contract checks of a year (requirements, shared goals, overlaps)."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--json", action="store_true", dest="contracts_json", help="Print the contract checks of a year as JSON."
        )
        parser.add_argument("--year", type=int, help="The contract year (default: the newest).")
        parser.add_argument("--overlaps", type=int, default=25, help="How many overlapping goal pairs to list.")

    def handle(self, *app_labels, **options):
        if not options.get("contracts_json") and options.get("year") is None:
            return super().handle(*app_labels, **options)
        report = run_checks(options.get("year"), overlap_top=options["overlaps"])
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))

"""`roedtraad demo`: fill an empty database with the demo municipality and print the logins."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from roedtraad import config
from roedtraad.demo.build import DemoRefused, build, database_is_empty
from roedtraad.demo.organisation import ADMIN_USERNAME, DEMO_PASSWORD, LOGINS


class Command(BaseCommand):
    help = "Fill an empty database with the demo municipality Fjordby Kommune and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (but print the logins) when the database already has data, instead of refusing.",
        )

    def handle(self, *args, if_empty: bool = False, **options):
        if config.is_production():
            # Demo logins have known passwords: never in a municipality's real database.
            raise CommandError("demo data is refused when ROEDTRAAD_ENV=production (its logins have known passwords)")
        if not database_is_empty():
            if if_empty:
                self._print_logins()
                return
            raise CommandError(
                "the database already has data; demo data only goes into an empty database. "
                "To start afresh, point DATABASE_URL at a new database (or delete the SQLite file "
                "under ROEDTRAAD_DATA_DIR) and run `roedtraad migrate` and `roedtraad demo` again."
            )
        try:
            admin_password = build()
        except DemoRefused as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS("Demo data loaded: Fjordby Kommune."))
        self._print_logins(admin_password)

    def _print_logins(self, admin_password: str | None = None) -> None:
        from django.contrib.auth import get_user_model

        names = set(
            get_user_model().objects.filter(username__in=[*LOGINS, ADMIN_USERNAME]).values_list("username", flat=True)
        )
        if not names:
            return
        self.stdout.write("Demo logins (username / password):")
        for username, (role, unit, _person) in LOGINS.items():
            if username in names:
                where = f" ({unit})" if unit else ""
                self.stdout.write(f"  {username:<16} / {DEMO_PASSWORD}   {role}{where}")
        if ADMIN_USERNAME in names:
            shown = (
                admin_password or "(shown when the demo was loaded; `roedtraad changepassword admin` sets a new one)"
            )
            self.stdout.write(f"  {ADMIN_USERNAME:<16} / {shown}   admin (/admin/)")

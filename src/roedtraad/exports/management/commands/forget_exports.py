"""`roedtraad forget_exports`: drop the web exports older than a week (their files are kept in the
database) and mark as failed those a stopped worker left unfinished. The worker does this after
each export too; the command is for a nightly job when nobody exports."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from roedtraad.exports.jobs import forget_old


class Command(BaseCommand):
    help = "Drop web exports older than a week (roedtraad forget_exports)."

    def handle(self, *args, **options):
        dropped = forget_old()
        self.stdout.write(f"{dropped} gamle eksporter slettet")

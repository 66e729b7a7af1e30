"""`roedtraad api-token --user USERNAME [--name NAME]`: a new API token for the user, printed once.

The token has exactly the user's rights (`roedtraad.api`); only its SHA-256 is stored, so it
cannot be shown again. Revoke it on the user's page «API-nøgler» (/api-noegler/)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from roedtraad.api.tokens import create_token


class Command(BaseCommand):
    help = "Make an API token for a user and print it (shown once; only its hash is stored)."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="The user whose rights the token has (username).")
        parser.add_argument("--name", default="", help="Which integration the token is for, e.g. 'Targit'.")

    def handle(self, *args, **options):
        username = options["user"]
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Rødtråd har ingen bruger, der hedder «{username}».")
        if not user.is_active:
            raise CommandError(f"Brugeren «{username}» er deaktiveret; en nøgle til den ville ikke virke.")
        row, token = create_token(user, options["name"] or "Kommandolinjen")
        self.stderr.write(f"API-nøgle «{row.name}» til {username} (begynder med rt_{row.prefix}_). Gem den nu:")
        self.stdout.write(token)

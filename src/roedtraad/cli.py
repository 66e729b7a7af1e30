"""The `roedtraad` console script: every command of the project and all of Django's.

Configuration and database errors are reported in one line naming the setting, with a
non-zero exit code; a traceback is never what a user sees.
"""

from __future__ import annotations

import os
import sys

# Commands that cannot work without a reachable database; probed first for a clear error.
NEEDS_DATABASE = {
    "migrate",
    "demo",
    "serve",
    "runserver",
    "import",
    "createsuperuser",
    "db_worker",
    "measurements",
    "indicators",
    "api-token",
    "export",
}


def _fail(message: str) -> int:
    print(f"roedtraad: error: {message}", file=sys.stderr)
    return 2


def _probe_database() -> None:
    from django.db import connection

    connection.ensure_connection()


def _dry_run_import(argv: list[str]) -> None:
    """`roedtraad import --dry-run …` reads files and writes nothing: it runs the same command
    without Django's app registry or a database (loading every app is most of the time a small
    file takes)."""
    import importlib

    command = importlib.import_module("roedtraad.contracts.management.commands.import").Command()
    command.run_from_argv(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else ["roedtraad", *argv])
    argv[0] = "roedtraad"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roedtraad.settings")

    from django.core.exceptions import ImproperlyConfigured
    from django.db.utils import OperationalError

    from roedtraad.config import ConfigError

    try:
        if argv[1:2] == ["import"] and "--dry-run" in argv[2:]:
            _dry_run_import(argv)
            return 0
        import django

        django.setup()
        if len(argv) > 1 and argv[1] in NEEDS_DATABASE:
            _probe_database()
        from django.core.management import execute_from_command_line

        execute_from_command_line(argv)
    except ConfigError as exc:
        return _fail(str(exc))
    except ImproperlyConfigured as exc:
        return _fail(f"configuration: {exc}")
    except OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return _fail(f"DATABASE_URL: cannot use the database: {first_line}")
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())

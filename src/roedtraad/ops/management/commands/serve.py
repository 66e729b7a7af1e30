"""`roedtraad serve`: gunicorn in front of Rødtråd, plus a background-task worker.

App servers are stateless (sessions, tasks and files live in the database or the data
dir), so a municipality can run several behind a load balancer on one PostgreSQL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Rødtråd with gunicorn (and start a django-tasks database worker)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
        parser.add_argument("--no-worker", action="store_true", help="Do not start the background-task worker.")

    def handle(self, *args, host: str, port: int, workers: int, no_worker: bool, **options):
        shown_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
        self.stdout.write(self.style.SUCCESS(f"Rødtråd serves on http://{shown_host}:{port}/  (Ctrl+C stops)"))
        self.stdout.flush()
        worker = None
        if not no_worker:
            worker = subprocess.Popen([sys.executable, "-m", "roedtraad", "db_worker"])
        gunicorn = [
            sys.executable,
            "-m",
            "gunicorn",
            "roedtraad.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
        ]
        try:
            subprocess.run(gunicorn, check=False)
        except KeyboardInterrupt:
            pass
        finally:
            if worker is not None:
                worker.send_signal(signal.SIGTERM)
                worker.wait(timeout=10)

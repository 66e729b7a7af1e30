"""Screenshots of the main pages at desktop (1280) and phone (390) widths into docs/screenshots/.

Run with `make screenshots`: builds the demo municipality in a fresh SQLite database under a
temporary ROEDTRAAD_DATA_DIR, serves it in-process and drives Debian's Chromium.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roedtraad.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def pages():
    from roedtraad.contracts.models import Goal
    from roedtraad.followup.models import Indicator

    goal = Goal.objects.filter(title="Lavt sygefravær", contract__status="entered").order_by("pk").first()
    indicator = Indicator.objects.filter(goal=goal).first()
    draft_goal = Goal.objects.filter(contract__status="draft").order_by("pk").first()
    submitted = Goal.objects.filter(contract__status="submitted").order_by("pk").first().contract_id
    return [
        ("kontraktholder", "start", "/"),
        ("direktoer", "start-director", "/"),
        ("fagchef", "contracts", "/contracts/"),
        ("fagchef", "contract", f"/contracts/{goal.contract_id}/"),
        ("fagchef", "goal", f"/goals/{goal.pk}/"),
        ("laeser", "indicator", f"/indicators/{indicator.pk}/"),
        ("direktoer", "contract-submitted-director", f"/contracts/{submitted}/"),
        ("direktoer", "goal-edit", f"/goals/{draft_goal.pk}/edit/"),
        ("laeser", "search", "/search/?q=sygefraværet"),
        ("fagchef", "overlaps-head-of-area", "/checks/overlaps/"),
        ("direktoer", "contract-draft-director", f"/contracts/{draft_goal.contract_id}/"),
        ("direktoer", "goal-draft-director", f"/goals/{draft_goal.pk}/"),
        (None, "login", "/login/"),
    ]


def main() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("demo", "--if-empty", verbosity=0)
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.handlers.wsgi import WSGIHandler
    from playwright.sync_api import sync_playwright
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, log_in

    server = make_server("127.0.0.1", 0, StaticFilesHandler(WSGIHandler()), handler_class=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for kind, (width, height) in WIDTHS.items():
            for user, name, path in pages():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                if user:
                    log_in(page, base, user)
                page.goto(base + path)
                page.screenshot(path=str(OUT / f"{name}-{kind}.png"), full_page=kind == "desktop")
                context.close()
        browser.close()
    server.shutdown()
    print(f"screenshots written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

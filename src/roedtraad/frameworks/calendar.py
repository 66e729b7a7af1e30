"""The annual cycle as iCalendar (RFC 5545), for Outlook and other calendars.

A user's feed (`CalendarFeed`, `/kalender/<token>.ics`) holds, for the contract years around today
(last year, this year, next year): the years' milestones, the planned follow-ups and contract
dialogues of every contract the user may read (`rights.planned_follow_ups_visible_to`), and the
activity due dates of the user's own contracts (the revision in force of each). The rights are those
of the feed's user when the calendar fetches it; a revoked feed, or one of a deactivated user, is
not found. `roedtraad calendar` writes the same events for one holder, or for everybody, to a file.

Every event is an all-day event with a stable UID (`milestone-<pk>@<host>`, `followup-<pk>@<host>`,
`activity-<pk>@<host>`, the host of ROEDTRAAD_BASE_URL, so two municipalities' feeds never clash):
a calendar that fetches the feed again updates its events instead of doubling them.

Tokens: `secrets.token_urlsafe(32)`, stored only as their SHA-256 (see `CalendarFeed`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from roedtraad import rights
from roedtraad.contracts.lineage import revisions_in_force
from roedtraad.contracts.models import Activity, ActivityStatus, Contract
from roedtraad.followup.models import PlannedFollowUp
from roedtraad.frameworks.models import CalendarFeed, Milestone
from roedtraad.org.models import OrgUnit

PRODID = "-//Rødtråd//Årshjul//DA"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: dt.date
    summary: str
    description: str
    url: str
    category: str


# Feeds -------------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def create_feed(user) -> tuple[CalendarFeed, str]:
    """A new secret address for the user; any earlier one stops working. Returns the feed and the
    token, which is not stored and can be shown this once."""
    revoke_feeds(user)
    token = secrets.token_urlsafe(32)
    return CalendarFeed.objects.create(user=user, token_hash=token_hash(token)), token


@transaction.atomic
def revoke_feeds(user) -> int:
    """Every active address of the user stops working (saved one by one, so the page cache hears it)."""
    feeds = list(CalendarFeed.objects.select_for_update().filter(user=user, revoked_at__isnull=True))
    for feed in feeds:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
    return len(feeds)


def active_feed(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_for_token(token: str) -> CalendarFeed | None:
    """The active feed of an active user with this token, else None (the page answers 404)."""
    if not token or len(token) > 200:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=token_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if feed is not None:
        # Not a content change that a kept page could show: update() skips the page cache's signal.
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())
    return feed


def feed_url(token: str) -> str:
    return settings.ROEDTRAAD_BASE_URL + reverse("calendar_feed", args=[token])


# Events ------------------------------------------------------------------------------------


def feed_years(today: dt.date | None = None) -> list[int]:
    """The contract years a feed holds: last year's (its year end), this year's, and next year's,
    which is prepared from September."""
    year = (today or timezone.localdate()).year
    return [year - 1, year, year + 1]


def _host() -> str:
    return urlsplit(settings.ROEDTRAAD_BASE_URL).hostname or "roedtraad"


def _link(name: str, *args, query: str = "", anchor: str = "") -> str:
    return settings.ROEDTRAAD_BASE_URL + reverse(name, args=args) + query + anchor


def _milestone_events(years: Iterable[int], host: str) -> list[CalendarEvent]:
    found = []
    for m in Milestone.objects.filter(framework__year__in=list(years)).select_related("framework"):
        year = m.framework.year
        summary = m.title if str(year) in m.title else f"{m.title} – {year}"
        description = m.description or str(m.get_kind_display())
        found.append(
            CalendarEvent(
                uid=f"milestone-{m.pk}@{host}",
                day=m.date,
                summary=summary,
                description=_("Årshjulet for kontraktåret %(year)s: %(text)s") % {"year": year, "text": description},
                url=_link("calendar_settings", query=f"?year={year}", anchor=f"#milepael-{m.pk}"),
                category=_("Årshjul"),
            )
        )
    return found


def _follow_up_events(planned: QuerySet[PlannedFollowUp], host: str) -> list[CalendarEvent]:
    found = []
    for p in planned.select_related("contract", "contract__holder", "goal"):
        lines = [p.description] if p.description else []
        if p.goal is not None:
            lines.append(_("Udviklingsmål: %(goal)s") % {"goal": p.goal})
        if p.done:
            lines.append(_("Holdt."))
        found.append(
            CalendarEvent(
                uid=f"followup-{p.pk}@{host}",
                day=p.date,
                summary=f"{p.label}: {p.contract.holder}",
                description="\n".join(lines) or str(p.label),
                url=_link("contract_detail", p.contract_id),
                category=str(p.get_kind_display()),
            )
        )
    return found


def _in_force(contracts: QuerySet[Contract]) -> list[int]:
    """The contracts among `contracts` that are in force for their holder and year
    (`contracts.lineage.revisions_in_force`)."""
    rows = list(contracts.values_list("pk", "holder_id", "year", "revision"))
    in_force = {year: revisions_in_force(year) for year in {row[2] for row in rows}}
    return [pk for pk, holder, year, revision in rows if (holder, revision) in in_force[year]]


def _activity_events(contracts: QuerySet[Contract], host: str) -> list[CalendarEvent]:
    activities = (
        Activity.objects.filter(
            goal__contract_id__in=_in_force(contracts), goal__deleted_at__isnull=True, due_date__isnull=False
        )
        .exclude(status=ActivityStatus.CANCELLED)
        .select_related("goal", "goal__contract", "goal__contract__holder")
    )
    return [
        CalendarEvent(
            uid=f"activity-{a.pk}@{host}",
            day=a.due_date,
            summary=_("Frist: %(activity)s (%(holder)s)")
            % {"activity": Truncator(a.text).chars(80), "holder": a.goal.contract.holder},
            description=_("Aktivitet under udviklingsmål %(goal)s. Status: %(status)s.")
            % {"goal": a.goal, "status": a.get_status_display()},
            url=_link("goal_detail", a.goal_id),
            category=_("Aktivitet"),
        )
        for a in activities
        if a.due_date is not None
    ]


def _sorted(events: list[CalendarEvent]) -> list[CalendarEvent]:
    return sorted(events, key=lambda e: (e.day, e.uid))


def events_for_user(user, years: list[int]) -> list[CalendarEvent]:
    """What the user's feed holds for the years (see the module's docstring)."""
    host = _host()
    found = _milestone_events(years, host)
    found += _follow_up_events(rights.planned_follow_ups_visible_to(user).filter(contract__year__in=years), host)
    own = rights.rights_for(user).holders
    if own:
        contracts = rights.contracts_visible_to(user).filter(year__in=years, holder_id__in=own)
        found += _activity_events(contracts, host)
    return _sorted(found)


def events_for_holder(holder: OrgUnit | None, years: list[int]) -> list[CalendarEvent]:
    """The command's events: the milestones, and the planned follow-ups and activities of one
    holder's contracts (with no holder: every contract's follow-ups, no activities)."""
    host = _host()
    found = _milestone_events(years, host)
    planned = PlannedFollowUp.objects.filter(contract__year__in=years)
    if holder is None:
        return _sorted(found + _follow_up_events(planned, host))
    found += _follow_up_events(planned.filter(contract__holder=holder), host)
    found += _activity_events(Contract.objects.filter(year__in=years, holder=holder), host)
    return _sorted(found)


def to_ical(events: Iterable[CalendarEvent], name: str) -> bytes:
    """The events as one VCALENDAR of all-day events, each with UID, DTSTAMP, SUMMARY and URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", _("Årshjulet for udviklingskontrakterne i %(site)s") % {"site": _site()})
    calendar.add("x-published-ttl", "PT6H")  # how often a subscriber should fetch it again
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("url", item.url)
        event.add("categories", [item.category])
        event.add("transp", "TRANSPARENT")  # a deadline does not make the day busy
        calendar.add_component(event)
    return calendar.to_ical()


def _site() -> str:
    return str(settings.ROEDTRAAD_SITE_NAME)


def calendar_name(holder: OrgUnit | None = None) -> str:
    """X-WR-CALNAME, the name a subscriber sees in their calendar list."""
    if holder is not None:
        return _("%(site)s – årshjul for %(holder)s") % {"site": _site(), "holder": holder}
    return _("%(site)s – årshjul") % {"site": _site()}


def feed_calendar(feed: CalendarFeed, today: dt.date | None = None) -> bytes:
    """The feed's calendar now, with the rights of its user now."""
    return to_ical(events_for_user(feed.user, feed_years(today)), calendar_name())

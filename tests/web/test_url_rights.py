"""Every URL pattern × every role: who may see and do what. Generated from the URL resolver, so a
new view fails this test until it is classified in RIGHTS. Every write is sent with a valid body
(BODIES, and WRITES for the form pages' posts), so a refusal is the right's and not the form's;
writes to an entered contract, the public view on and off, and the admin are covered too."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from roedtraad.imports.models import DraftStatus, ImportBatch, ImportDraft

ROLES = ("director", "head_of_area", "holder", "other_holder", "reader", "stranger", "anonymous")
ALL_OK = dict.fromkeys(ROLES, 200)
LOGIN_FIRST = {**ALL_OK, "anonymous": 302}


def _draft(status_for_strangers=404):
    """Reading the holder's own draft (area Omsorg): the other holder is a stranger to it."""
    return {
        "director": 200,
        "head_of_area": 200,
        "holder": 200,
        "other_holder": status_for_strangers,
        "reader": 200,
        "stranger": status_for_strangers,
        "anonymous": 302,
    }


def _indicator(world):
    return world["draft_goal"].indicators.get().pk


def _own_import(status_for_owner=200):
    """The holder's own draft import: only its owner sees it; readers may not import at all."""
    refused = {"director": 404, "head_of_area": 404, "other_holder": 404, "reader": 403, "stranger": 403}
    return {**refused, "holder": status_for_owner, "anonymous": 302}


def _import_draft(world, *rest):
    from roedtraad.core.ingest.parse import parse_text

    batch = ImportBatch.objects.create(owner=world["users"]["holder"])
    draft = ImportDraft(owner=world["users"]["holder"], batch=batch, filename="k.txt", status=DraftStatus.PARSED)
    draft.store(
        parse_text(
            "Udviklingskontrakt 2026\n\nUdviklingsmål 1: Lavt sygefravær\n\nBaggrund og formål\nTekst.\n\n"
            "Udviklingsmål 2: God modtagelse\n\nBaggrund og formål\nMere tekst.\n"
        )
    )
    draft.save()
    return [draft.pk, *rest]


def _own_measurement_upload(world):
    """The holder's own measurement file, read and waiting in its preview."""
    from roedtraad.followup import uploads

    data = "Enhed;Måned;Fravær %\nSolsikken;jan. 26;8,2\n".encode()
    return [uploads.start(world["users"]["holder"], "fravaer.csv", data).pk]


def _own_export(world):
    """The holder's own finished export: only its owner sees it and downloads it."""
    from roedtraad.exports.models import ExportJob

    job = ExportJob.objects.create(
        owner=world["users"]["holder"], format="xlsx", year=2026, status="done", result=b"PK", result_name="k.xlsx"
    )
    return [job.pk]


_OWN_EXPORT = {**dict.fromkeys(ROLES, 404), "holder": 200, "anonymous": 302}


def _import_batch(world):
    return ImportDraft.objects.get(pk=_import_draft(world)[0]).batch_id


def _expect(**statuses):
    """Writes: strangers to the contract get 404, roles that may read but not act 403."""
    base = {"director": 302, "head_of_area": 403, "holder": 403, "other_holder": 403, "reader": 403}
    return {**base, "stranger": 404, "anonymous": 302, **statuses}


def _care_submitted(world):
    """The holder's own contract, submitted (area Omsorg, so the head of area reviews it)."""
    from roedtraad.contracts.models import Contract

    Contract.objects.filter(pk=world["draft"].pk).update(status="submitted")
    return [world["draft"].pk]


def _comment(world):
    from roedtraad.review.models import GoalComment

    return [GoalComment.objects.create(goal=world["draft_goal"], text="Husk måltal.").pk]


def _goal_version(world):
    """The first recorded version of the holder's draft goal."""
    record = world["draft_goal"].history.order_by("history_id").first()
    return [world["draft_goal"].pk, "goal", record.history_id]


def _deleted_goal(world):
    from django.utils import timezone

    from roedtraad.contracts.models import Goal

    Goal.objects.filter(pk=world["draft_goal"].pk).update(deleted_at=timezone.now())
    return [world["draft_goal"].pk]


ON_DRAFT = {"other_holder": 404}  # the other holder is a stranger to the holder's draft
ON_ENTERED = {"holder": 404}  # and the holder to the other holder's entered contract

_READERS = ("head_of_area", "holder", "reader")  # may read the draft, but not do the director's work
DIRECTOR_ONLY = {**dict.fromkeys(ROLES, 403), "director": 200, "anonymous": 302}
DIRECTOR_ONLY_POST = {**DIRECTOR_ONLY, "director": 302}


def _requirement(world):
    from roedtraad.checks.services import ensure_requirements

    return ensure_requirements(world["draft"].framework)[0].pk


def _stop_doing(world):
    from roedtraad.contracts.models import StopDoingItem

    return [StopDoingItem.objects.create(contract=world["draft"], text="Ugentlige statusmøder").pk]


def _entered_stop_doing(world):
    """A stop-doing proposal of the other holder's entered contract: the director decides on it."""
    from roedtraad.contracts.models import Contract, StopDoingItem

    entered = Contract.objects.filter(pk=world["entered"].pk)
    entered.update(status="draft")  # written before the contract was entered
    item = StopDoingItem.objects.create(contract=world["entered"], text="Dobbeltregistrering af fravær")
    entered.update(status="entered")
    return [item.pk]


_EDITORS = _expect(director=200, holder=200, **ON_DRAFT)  # a form page for those who may edit the draft
_EDITED = _expect(holder=302, **ON_DRAFT)  # a change posted by those who may edit the draft


def _dialogue(world):
    """A contract dialogue planned on the other holder's entered contract (area Omsorg)."""
    from roedtraad.followup.dialogues import plan_dialogue

    return [
        plan_dialogue(world["users"]["director"], world["entered"], world["entered"].planned_follow_ups.get().date).pk
    ]


# The director and the head of area over the entered contract; the holder is a stranger to it.
_HOLDS_DIALOGUE = _expect(director=200, head_of_area=200, **ON_ENTERED)
_HOLDS_DIALOGUE_POST = _expect(director=302, head_of_area=302, **ON_ENTERED)


def _next_dus(world):
    """Next year's DUS, so that starting the year can be done (its body is empty)."""
    from roedtraad.frameworks.models import Framework

    Framework.objects.get_or_create(year=world["draft"].year + 1, defaults={"title": "DUS"})
    return {}


def _policy():
    """A policy no goal links to (so the director may delete it)."""
    from roedtraad.frameworks.models import Policy

    return Policy.objects.get_or_create(name="Sundhedspolitikken")[0].pk


def _proposal(world):
    """An open proposal of a shared goal between the holder's draft goal and the other holder's goal."""
    from roedtraad.checks.models import SharedGoalProposal

    a, b = sorted((world["draft_goal"], world["entered_goal"]), key=lambda g: g.pk)
    proposal = SharedGoalProposal.objects.create(goal_a=a, goal_b=b, proposed_by=world["users"]["head_of_area"])
    return [proposal.pk, world["draft_goal"].pk]


def _own_follow_up(world):
    """A follow-up entry the other holder wrote on their entered contract's goal."""
    from roedtraad.followup.models import FollowUpEntry

    person = world["users"]["other_holder"].person
    entry = FollowUpEntry.objects.create(
        goal=world["entered_goal"], date="2026-04-01", forum="LMU", status="green", text="På vej", author=person
    )
    return [entry.pk]


def _milestone(world):
    from roedtraad.frameworks.cycle import ensure_milestones

    return ensure_milestones(world["draft"].framework)[0].pk


def _feed_token(world):
    """The holder's calendar address: anyone who has it gets the feed, login or not."""
    from roedtraad.frameworks.calendar import create_feed

    return create_feed(world["users"]["holder"])[1]


def _milestone_body(world):
    return {"milestone-title": "Temadag", "milestone-date": "2026-03-12", "milestone-kind": "other"}


# The head of area over both holders and the director; each holder is a stranger to the other's goal.
_PROPOSERS = _expect(director=200, head_of_area=200, holder=404, other_holder=404)


def _edit_section(world):
    return {"old_key": "baggrund_formaal", "key": "baggrund_formaal", "text": "Ny tekst.", "expect": "Lavt sygefravær"}


def _own_definition(world):
    """The holder's saved committee report layout: only its maker opens, advances or deletes it."""
    from roedtraad.reports.models import ReportDefinition

    definition = ReportDefinition.objects.create(
        kind="committee",
        name="Sygefravær til Økonomiudvalget",
        indicator_key="sygefravaer",
        period_kind="quarter",
        period="2026Q1",
        created_by=world["users"]["holder"],
    )
    return [definition.pk]


# Each sees the sick-leave figures (or contracts) of the units they may read; a stranger none: 404.
_SEES_SOME = {**dict.fromkeys(ROLES, 200), "stranger": 404, "anonymous": 302}
_OWN_DEFINITION = {**dict.fromkeys(ROLES, 404), "holder": 302, "anonymous": 302}


# name -> world -> the valid body of its POST (the rights, not the form, decide the answer)
BODIES = {
    "report_definition_save": lambda w: {
        "kind": "committee",
        "name": "Sygefravær til Økonomiudvalget",
        "key": "sygefravaer",
        "period": "2026Q1",
    },
    "set_language": lambda w: {"language": "da", "next": "/"},
    "contract_enter": lambda w: {"confirmed": "yes", "justification": "Følges op i dialogen."},
    "contract_close": lambda w: {"confirmed": "yes"},
    "contract_new_revision": lambda w: {"confirmed": "yes"},
    "goal_delete": lambda w: {"confirmed": "yes"},
    "contract_request_changes": lambda w: {"comment": "Tilføj et måltal for sygefraværet."},
    "goal_comment": lambda w: {"text": "Godt mål – hvordan måler I det?"},
    "goal_validate": lambda w: {"_field": "title", "title": "En titel"},
    "activity_delete": lambda w: {"version": w["draft_goal"].activities.get().version},
    "partner_delete": lambda w: {"version": w["draft_goal"].partners.get().version},
    "stop_doing_delete": lambda w: {"version": 1},
    "imports:save": lambda w: {"holder": w["own"].pk, "year": 2026, "kind": "kontrakt", "remove_goals": "on"},
    "imports:edit_section": _edit_section,
    "imports:edit_title": lambda w: {"title": "Lavt sygefravær i hele huset", "expect": "Lavt sygefravær"},
    "imports:goal_boundary": lambda w: {"expect": "Lavt sygefravær"},
    "imports:fragment_action": lambda w: {"expect": ""},
    "checks:proposal_accept": lambda w: {"role": "Stiller en sygeplejerske til rådighed"},
    "stop_doing_decide": lambda w: {"decision": "stoppet", "reason": "Ingen bruger registreringen."},
}

# name -> (method, world -> args, role -> expected status)
RIGHTS = {
    "home": ("get", None, ALL_OK),
    "login": ("get", None, ALL_OK),
    "logout": ("post", None, dict.fromkeys(ROLES, 302)),
    "set_language": ("post", None, dict.fromkeys(ROLES, 302)),
    "privacy": ("get", None, ALL_OK),
    "accessibility": ("get", None, ALL_OK),
    "contract_list": ("get", None, LOGIN_FIRST),
    "search": ("get", None, LOGIN_FIRST),
    "contract_detail": ("get", lambda w: [w["draft"].pk], _draft()),
    "goal_detail": ("get", lambda w: [w["draft_goal"].pk], _draft()),
    "indicator_detail": ("get", lambda w: [_indicator(w)], _draft()),
    "goal_edit": ("get", lambda w: [w["draft_goal"].pk], _expect(director=200, holder=200, **ON_DRAFT)),
    "contract_submit": ("post", lambda w: [w["draft"].pk], _expect(holder=302, **ON_DRAFT)),
    "contract_request_changes": ("post", _care_submitted, _expect(head_of_area=302, **ON_DRAFT)),
    "contract_recommend": ("post", _care_submitted, _expect(head_of_area=302, **ON_DRAFT)),
    "contract_enter": ("post", _care_submitted, _expect(**ON_DRAFT)),
    "contract_close": ("post", lambda w: [w["entered"].pk], _expect(**ON_ENTERED)),
    "contract_new_revision": ("post", lambda w: [w["entered"].pk], _expect(other_holder=302, **ON_ENTERED)),
    "goal_follow_up": (
        "get",
        lambda w: [w["entered_goal"].pk],
        _expect(director=200, head_of_area=200, other_holder=200, **ON_ENTERED),
    ),
    "follow_up_edit": ("get", _own_follow_up, _expect(other_holder=200, director=403, **ON_ENTERED)),
    "goal_comment": ("post", lambda w: [w["draft_goal"].pk], _expect(head_of_area=302, holder=302, **ON_DRAFT)),
    "comment_resolve": ("post", _comment, _expect(head_of_area=302, holder=302, **ON_DRAFT)),
    "goal_history": ("get", lambda w: [w["draft_goal"].pk], _draft()),
    "contract_history": ("get", lambda w: [w["draft"].pk], _draft()),
    "contract_compare": ("get", lambda w: [w["draft"].pk], _draft()),
    "goal_restore": ("post", _goal_version, _expect(holder=302, **ON_DRAFT)),
    "goal_delete": ("post", lambda w: [w["draft_goal"].pk], _expect(holder=302, **ON_DRAFT)),
    "goal_undo_delete": ("post", _deleted_goal, _expect(holder=302, **ON_DRAFT)),
    "goal_validate": ("post", lambda w: [w["draft_goal"].pk], _expect(director=200, holder=200, **ON_DRAFT)),
    "contract_goal_add": ("get", lambda w: [w["draft"].pk], _EDITORS),
    "activity_add": ("get", lambda w: [w["draft_goal"].pk], _EDITORS),
    "activity_edit": ("get", lambda w: [w["draft_goal"].activities.get().pk], _EDITORS),
    "activity_delete": ("post", lambda w: [w["draft_goal"].activities.get().pk], _EDITED),
    "partner_add": ("get", lambda w: [w["draft_goal"].pk], _EDITORS),
    "partner_edit": ("get", lambda w: [w["draft_goal"].partners.get().pk], _EDITORS),
    "partner_delete": ("post", lambda w: [w["draft_goal"].partners.get().pk], _EDITED),
    "stop_doing_add": ("get", lambda w: [w["draft"].pk], _EDITORS),
    "stop_doing_edit": ("get", _stop_doing, _EDITORS),
    "stop_doing_delete": ("post", _stop_doing, _EDITED),
    # The register of every proposal: each sees the rows of the contracts they may read; the director decides.
    "stop_doing_register": ("get", None, LOGIN_FIRST),
    "stop_doing_csv": ("get", None, LOGIN_FIRST),
    "stop_doing_decide": ("post", _entered_stop_doing, _expect(**ON_ENTERED)),
    "imports:upload": ("get", None, {**LOGIN_FIRST, "reader": 403, "stranger": 403}),
    "imports:batch": ("get", lambda w: [_import_batch(w)], _own_import()),
    "imports:preview": ("get", _import_draft, _own_import()),
    "imports:save": ("post", _import_draft, _own_import(302)),
    "imports:discard": ("post", _import_draft, _own_import(302)),
    "imports:edit_section": ("post", lambda w: _import_draft(w, 0), _own_import(302)),
    "imports:edit_title": ("post", lambda w: _import_draft(w, 0), _own_import(302)),
    "imports:goal_boundary": ("post", lambda w: _import_draft(w, 0, "merge"), _own_import(302)),
    "imports:fragment_action": ("post", lambda w: _import_draft(w, 0, "promote"), _own_import(302)),
    **{f"checks:{name}": ("get", None, LOGIN_FIRST) for name in ("matrix", "network", "overlaps", "requirements")},
    "checks:report": ("get", lambda w: [w["draft"].pk], _draft()),
    "checks:unit_create": ("get", lambda w: [w["draft"].pk], {**_draft(), **dict.fromkeys(_READERS, 403)}),
    "checks:requirement_catalogue": ("post", lambda w: [w["draft"].year], DIRECTOR_ONLY_POST),
    "checks:requirement_create": ("get", lambda w: [w["draft"].year], DIRECTOR_ONLY),
    "checks:requirement_edit": ("get", lambda w: [_requirement(w)], DIRECTOR_ONLY),
    "checks:requirement_retire": ("post", lambda w: [_requirement(w)], DIRECTOR_ONLY_POST),
    "checks:proposal_new": ("get", lambda w: [w["draft_goal"].pk, w["entered_goal"].pk], _PROPOSERS),
    "checks:proposal_accept": ("post", lambda w: _proposal(w), _expect(holder=302, **ON_DRAFT)),
    "checks:proposal_decline": ("post", lambda w: _proposal(w), _expect(holder=302, **ON_DRAFT)),
    "dialogue_new": ("get", lambda w: [w["entered"].pk], _HOLDS_DIALOGUE),
    "dialogue_detail": ("get", _dialogue, {**_draft(), "holder": 404, "other_holder": 200}),
    "dialogue_minutes": ("get", _dialogue, _HOLDS_DIALOGUE),
    # The reports: the dialogue pack for those who see the dialogue; the committee and year-end reports
    # show what each may read; a saved layout is its maker's own (the stranger sees no measure to save).
    "dialogue_pack": ("get", lambda w: [*_dialogue(w), "docx"], {**_draft(), "holder": 404, "other_holder": 200}),
    "reports": ("get", None, LOGIN_FIRST),
    "committee_report": ("get", lambda w: ["sygefravaer", "2026Q1"], _SEES_SOME),
    "committee_report_file": ("get", lambda w: ["sygefravaer", "2026Q1", "docx"], _SEES_SOME),
    "year_end_report": ("get", lambda w: [w["draft"].year], _SEES_SOME),
    "year_end_report_file": ("get", lambda w: [w["draft"].year, "docx"], _SEES_SOME),
    "report_definition_save": ("post", None, {**dict.fromkeys(ROLES, 302), "stranger": 400}),
    "report_definition": ("get", _own_definition, _OWN_DEFINITION),
    "report_definition_next": ("post", _own_definition, _OWN_DEFINITION),
    "report_definition_delete": ("post", _own_definition, _OWN_DEFINITION),
    "next_year": ("get", lambda w: [w["draft"].year], DIRECTOR_ONLY),
    "annual_wheel_now": ("get", None, dict.fromkeys(ROLES, 302)),  # to this year's wheel, or to the login
    "annual_wheel": ("get", lambda w: [w["draft"].year], LOGIN_FIRST),
    "planned_new": ("get", lambda w: [w["draft"].pk], _EDITORS),
    "planned_held": ("post", lambda w: [w["draft"].planned_follow_ups.get().pk], _EDITED | {"director": 302}),
    "planned_delete": ("post", lambda w: [w["draft"].planned_follow_ups.get().pk], _EDITED | {"director": 302}),
    "redthread": ("get", None, LOGIN_FIRST),
    "redthread_policy": ("get", lambda w: [_policy()], LOGIN_FIRST),
    "redthread_track": ("get", lambda w: [w["track"].pk], LOGIN_FIRST),
    "redthread_maintain": ("get", None, DIRECTOR_ONLY),
    "redthread_record_new": ("get", lambda w: ["politik"], DIRECTOR_ONLY),
    "redthread_record_edit": ("get", lambda w: ["politik", _policy()], DIRECTOR_ONLY),
    "redthread_record_delete": ("post", lambda w: ["politik", _policy()], DIRECTOR_ONLY_POST),
    "indicator_list": ("get", None, LOGIN_FIRST),
    "indicator_across": ("get", lambda w: ["sygefravaer"], {**_draft(), "other_holder": 200}),
    "measurement_upload": ("get", None, {**LOGIN_FIRST, "reader": 403, "stranger": 403}),
    "measurement_preview": ("get", _own_measurement_upload, _own_import()),
    "measurement_save": ("post", _own_measurement_upload, _own_import(302)),
    # The public pages exist only while the public view is on (test_the_public_view_*).
    "public_index": ("get", None, dict.fromkeys(ROLES, 404)),
    "public_year": ("get", lambda w: [w["entered"].year], dict.fromkeys(ROLES, 404)),
    "public_year_csv": ("get", lambda w: [w["entered"].year], dict.fromkeys(ROLES, 404)),
    "public_year_json": ("get", lambda w: [w["entered"].year], dict.fromkeys(ROLES, 404)),
    # Exports: one contract's file for whoever may read it; a year's export is its owner's alone.
    "contract_docx": ("get", lambda w: [w["draft"].pk], _draft()),
    "contract_pdf": ("get", lambda w: [w["draft"].pk], _draft()),
    "export_start": ("get", None, LOGIN_FIRST),
    "export_job": ("get", _own_export, _OWN_EXPORT),
    "export_download": ("get", _own_export, _OWN_EXPORT),
    # Every logged-in user has an outbox (their own notifications; the director's: all) and chooses their e-mails.
    "notifications:outbox": ("get", None, LOGIN_FIRST),
    "notifications:settings": ("get", None, LOGIN_FIRST),
    # The annual cycle: the director sets the milestones; everybody logged in reads them and makes their
    # own calendar address; the feed needs no login (Outlook cannot log in), only its secret token.
    "milestones": ("get", lambda w: [w["draft"].year], DIRECTOR_ONLY),
    "milestone_add": ("get", lambda w: [w["draft"].year], DIRECTOR_ONLY),
    "milestone_defaults": ("post", lambda w: [w["draft"].year], DIRECTOR_ONLY_POST),
    "milestone_edit": ("get", lambda w: [_milestone(w)], DIRECTOR_ONLY),
    "milestone_delete": ("post", lambda w: [_milestone(w)], DIRECTOR_ONLY_POST),
    "calendar_settings": ("get", None, LOGIN_FIRST),
    "calendar_feed_create": ("post", None, dict.fromkeys(ROLES, 302)),
    "calendar_feed_revoke": ("post", None, dict.fromkeys(ROLES, 302)),
    "calendar_feed": ("get", lambda w: [_feed_token(w)], ALL_OK),
}


def _holders_api_token(world):
    from roedtraad.api.tokens import create_token

    return [create_token(world["users"]["holder"], "Targit")[0].pk]


# The API (roedtraad/api) takes a bearer token only: a login session opens none of it (401; each
# token's rights are tests/api). Its document and docs are open; a user's own keys are their page.
_API_TOKEN_ONLY = dict.fromkeys(ROLES, 401)
RIGHTS |= {
    "api:api-root": ("get", None, ALL_OK),
    "api:openapi-json": ("get", None, ALL_OK),
    "api:openapi-view": ("get", None, ALL_OK),
    **{
        f"api:{name}": ("get", None, _API_TOKEN_ONLY)
        for name in ("list_contracts", "list_goals", "list_indicators", "list_measurements", "list_follow_ups")
    },
    "api:list_checks": ("get", None, _API_TOKEN_ONLY),
    "api:red_thread": ("get", None, _API_TOKEN_ONLY),
    "api:get_contract": ("get", lambda w: [w["draft"].pk], _API_TOKEN_ONLY),
    "api:push_measurement": ("post", None, _API_TOKEN_ONLY),
    "api:push_measurements": ("post", None, _API_TOKEN_ONLY),
    "api:add_follow_up": ("post", None, _API_TOKEN_ONLY),
    "api:change_follow_up": ("get", _own_follow_up, dict.fromkeys(ROLES, 405)),  # PUT only
    "api:not_found": ("get", lambda w: ["intet/her"], dict.fromkeys(ROLES, 404)),
    "api_tokens": ("get", None, LOGIN_FIRST),
    "api_token_create": ("post", None, dict.fromkeys(ROLES, 302)),
    "api_token_revoke": ("post", _holders_api_token, {**dict.fromkeys(ROLES, 404), "holder": 302, "anonymous": 302}),
}
BODIES["api_token_create"] = lambda w: {"name": "Power BI"}
# Whole namespaces: the Django admin is for staff only (none of the roles is staff).
NAMESPACES = {"admin": ("get", None, dict.fromkeys(ROLES, 302))}


def url_names(resolver=None, prefix="") -> list[str]:
    names = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names += url_names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            names.append(prefix + entry.name)
    return sorted(set(names))


def rule_for(name: str):
    if name in RIGHTS:
        return RIGHTS[name]
    namespace = name.split(":", 1)[0] if ":" in name else None
    return NAMESPACES.get(namespace)


def test_every_named_url_is_classified():
    missing = [name for name in url_names() if rule_for(name) is None]
    assert not missing, f"classify these URLs in tests/web/test_url_rights.py RIGHTS: {missing}"


def test_every_url_pattern_has_a_name():
    def unnamed(resolver, prefix=""):
        found = []
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace != "admin":
                    found += unnamed(entry, prefix + str(entry.pattern))
            elif not entry.name:
                found.append(prefix + str(entry.pattern))
        return found

    assert unnamed(get_resolver()) == []


@pytest.mark.parametrize("name", [n for n in url_names() if not n.startswith("admin:")] + ["admin:index"])
@pytest.mark.parametrize("role", ROLES)
def test_url_rights(world, client, name, role):
    rule = rule_for(name)
    assert rule is not None, f"{name} is not classified"
    method, args, expected = rule
    if role != "anonymous":
        client.force_login(world["users"][role])
    url = reverse(name, args=args(world) if args else None)
    body = BODIES[name](world) if name in BODIES else {}
    response = client.post(url, body) if method == "post" else client.get(url)
    assert response.status_code == expected[role], f"{role} {method.upper()} {url}"


def _follow_up(world):
    return {"date": "2026-03-01", "forum": "LMU", "status": "green", "text": "Fraværet falder."}


def _goal_body(world):
    goal = world["draft_goal"]
    return {"version": goal.version, "title": goal.title, "scope": "local", "section_udviklingsmaal": "Ny tekst."}


def _entered_goal_activity(world):
    return {"activity-text": "Ny aktivitet", "activity-status": "planned"}


# The posts of the form pages, with a valid body: name -> (world -> args, world -> body, role -> status,
# world -> a count that must not change for the roles refused).
WRITES = {
    "goal_edit": (lambda w: [w["draft_goal"].pk], _goal_body, _EDITED | {"director": 302}),
    "contract_goal_add": (lambda w: [w["draft"].pk], lambda w: {"goal-title": "Nyt mål"}, _EDITED | {"director": 302}),
    "activity_add": (
        lambda w: [w["draft_goal"].pk],
        lambda w: {"activity-text": "Sundhedsdag", "activity-status": "planned"},
        _EDITED | {"director": 302},
    ),
    "activity_edit": (
        lambda w: [w["draft_goal"].activities.get().pk],
        lambda w: {"activity-text": "Ændret", "activity-status": "done", "activity-version": 1},
        _EDITED | {"director": 302},
    ),
    "partner_add": (
        lambda w: [w["draft_goal"].pk],
        lambda w: {"partner-unit": w["school"].pk, "partner-role": "Stiller lokaler til rådighed"},
        _EDITED | {"director": 302},
    ),
    "partner_edit": (
        lambda w: [w["draft_goal"].partners.get().pk],
        lambda w: {"partner_role-role": "Ny rolle", "partner_role-version": 1},
        _EDITED | {"director": 302},
    ),
    "stop_doing_add": (lambda w: [w["draft"].pk], lambda w: {"stop_doing-text": "Dobbeltregistrering"}, _EDITED),
    "stop_doing_edit": (
        _stop_doing,
        lambda w: {"stop_doing-text": "Ugentlige møder", "stop_doing-version": 1},
        _EDITED | {"director": 302},
    ),
    "goal_follow_up": (
        lambda w: [w["entered_goal"].pk],
        _follow_up,
        _expect(director=302, head_of_area=302, other_holder=302, **ON_ENTERED),
    ),
    "follow_up_edit": (_own_follow_up, _follow_up, _expect(other_holder=302, director=403, **ON_ENTERED)),
    "notifications:settings": (lambda w: [], lambda w: {"kinds": ["submitted"]}, dict.fromkeys(ROLES, 302)),
    "milestone_add": (lambda w: [w["draft"].year], _milestone_body, DIRECTOR_ONLY_POST),
    "milestone_edit": (lambda w: [_milestone(w)], _milestone_body, DIRECTOR_ONLY_POST),
    "redthread_record_new": (lambda w: ["politik"], lambda w: {"name": "Beskæftigelsespolitikken"}, DIRECTOR_ONLY_POST),
    "redthread_record_edit": (lambda w: ["politik", _policy()], lambda w: {"name": "Ny titel"}, DIRECTOR_ONLY_POST),
    "dialogue_new": (lambda w: [w["entered"].pk], lambda w: {"date": "2026-06-10"}, _HOLDS_DIALOGUE_POST),
    "dialogue_minutes": (
        _dialogue,
        lambda w: {"held_on": "2026-06-10", "minutes": "Godt møde."},
        _HOLDS_DIALOGUE_POST,
    ),
    "planned_new": (
        lambda w: [w["draft"].pk],
        lambda w: {"date": "2026-05-04", "kind": "meeting", "forum": "LMU"},
        _EDITED | {"director": 302},
    ),
    "next_year": (lambda w: [w["draft"].year], _next_dus, DIRECTOR_ONLY),  # the result page, not a redirect
    # Queued for the worker; the stranger reads no contract, so no year is theirs to choose (400).
    "export_start": (
        lambda w: [],
        lambda w: {"year": 2026, "format": "xlsx"},
        {**dict.fromkeys(ROLES, 302), "stranger": 400},
    ),
}
WRITES["stop_doing_add"] = (WRITES["stop_doing_add"][0], WRITES["stop_doing_add"][1], _EDITED | {"director": 302})


@pytest.mark.parametrize("name", sorted(WRITES))
@pytest.mark.parametrize("role", ROLES)
def test_write_rights_with_a_valid_body(world, client, name, role):
    args, body, expected = WRITES[name]
    if role != "anonymous":
        client.force_login(world["users"][role])
    response = client.post(reverse(name, args=args(world)), body(world))
    assert response.status_code == expected[role], f"{role} POST {name}"


@pytest.mark.parametrize("role", ROLES)
def test_a_valid_change_to_an_entered_contract_is_refused_and_changes_nothing(world, client, role):
    from roedtraad.contracts.models import Activity

    if role != "anonymous":
        client.force_login(world["users"][role])
    before = Activity.objects.filter(goal=world["entered_goal"]).count()
    url = reverse("activity_add", args=[world["entered_goal"].pk])
    response = client.post(url, _entered_goal_activity(world))
    readers = {"director", "head_of_area", "other_holder", "reader"}  # told why (a message), never saved
    assert response.status_code == (302 if role in readers | {"anonymous"} else 404)
    assert Activity.objects.filter(goal=world["entered_goal"]).count() == before


@pytest.mark.parametrize("role", ROLES)
def test_the_public_view_on_opens_the_public_pages_to_everyone_and_no_working_page(world, client, settings, role):
    settings.ROEDTRAAD_PUBLIC_VIEW = True
    if role != "anonymous":
        client.force_login(world["users"][role])
    assert client.get(reverse("public_index")).status_code == 200
    assert client.get(reverse("public_year", args=[world["entered"].year])).status_code == 200
    assert client.get(reverse("public_year_csv", args=[world["entered"].year])).status_code == 200
    assert client.get(reverse("public_year_json", args=[world["entered"].year])).status_code == 200
    history = client.get(reverse("goal_history", args=[world["entered_goal"].pk]))
    expected = {"anonymous": 302, "stranger": 404, "holder": 404}.get(role, 200)
    assert history.status_code == expected

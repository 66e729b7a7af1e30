"""The importer in the web app: a holder uploads last year's document, sees what was understood
beside the source text, corrects it and saves it as the draft contract."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from tests.imports.bad_files import BAD_FILES

from roedtraad.contracts.models import Contract, ContractStatus, Goal
from roedtraad.imports.models import DraftStatus, ImportBatch, ImportDraft

SOLSIKKEN_2026 = """Udviklingskontrakt 2026 for Solsikken

Indledning
Solsikken er et plejecenter med 40 boliger. Kontrakten beskriver årets udviklingsmål.

Udviklingsmål 1: Lavt sygefravær

Baggrund og formål
Sygefraværet har været for højt i to år, og det går ud over kontinuiteten for beboerne.

Udviklingsmål
Sygefraværet i Solsikken skal reduceres fra 8,2 % til 7,5 % i 2026.

Aktiviteter
Fraværssamtaler efter fast model.
Sundhedsdag for alle medarbejdere i marts.

Opfølgning på udviklingsmålet og virkning
Ledergruppen følger fraværet hver måned.

Nattevagternes trivsel
Nattevagterne skal have et fast mødeforum hver anden måned.

Udviklingsmål 2: God modtagelse

Baggrund og formål
Nye medarbejdere skal føle sig velkomne fra første dag.

Udviklingsmål
Alle nye medarbejdere får en mentor i de første tre måneder.

Tidsperspektiv
[Udfyldes senere]

Opfølgning på udviklingsmålet og virkning
LMU følger op hvert kvartal.
"""


def text_file(name: str = "solsikken-2026.txt", text: str = SOLSIKKEN_2026) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def upload(client, *files):
    return client.post(reverse("imports:upload"), {"files": list(files)})


def the_draft(user) -> ImportDraft:
    return ImportDraft.objects.get(owner=user)


def offset_of(draft: ImportDraft, line: str) -> int:
    return draft.document["text"].index(line)


def test_a_holder_uploads_sees_the_preview_corrects_it_and_saves_the_corrected_goals(world, login):
    client = login("holder")
    response = upload(client, text_file())
    draft = the_draft(world["users"]["holder"])
    assert response.status_code == 302 and response["Location"] == reverse("imports:preview", args=[draft.pk])

    page = client.get(response["Location"]).content.decode()
    assert "Lavt sygefravær" in page and "God modtagelse" in page
    assert "Dækning" in page and "100,0 %" in page

    # "Nattevagternes trivsel" was read as part of goal 1: it is a goal of its own.
    at = offset_of(draft, "Nattevagternes trivsel")
    url = reverse("imports:goal_boundary", args=[draft.pk, 0, "split"])
    assert client.post(url, {"at": at, "expect": "Lavt sygefravær"}).status_code == 302
    draft.refresh_from_db()
    titles = [g["title"] for g in draft.document["goals"]]
    assert titles == ["Lavt sygefravær", "Nattevagternes trivsel", "God modtagelse"]

    # Its text is the goal statement, not a follow-up.
    url = reverse("imports:edit_section", args=[draft.pk, 1])
    text = "Nattevagterne skal have et fast mødeforum hver anden måned."
    data = {"old_key": "opfoelgning", "key": "udviklingsmaal", "text": text, "expect": "Nattevagternes trivsel"}
    assert client.post(url, data).status_code == 302

    response = client.post(
        reverse("imports:save", args=[draft.pk]), {"holder": world["own"].pk, "year": 2027, "kind": "kontrakt"}
    )
    contract = Contract.objects.get(holder=world["own"], year=2027)
    assert response.status_code == 302 and response["Location"] == reverse("contract_detail", args=[contract.pk])
    goals = list(contract.live_goals().order_by("number"))
    assert [g.title for g in goals] == titles
    night = goals[1]
    assert {s.key: s.text for s in night.sections.all()} == {"udviklingsmaal": text}
    assert "Nattevagternes" not in goals[0].sections.get(key="opfoelgning").text
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SAVED and draft.contract == contract


MEETING_NOTE = """Referat af ledermøde i Solsikken

Sygefravær i nattevagten
Vi drøftede fraværet i nattevagten. Det er steget siden sommer.
"""


def test_text_the_importer_could_not_place_is_highlighted_with_its_offsets_and_can_become_a_goal(world, login):
    client = login("holder")
    upload(client, text_file("referat.txt", MEETING_NOTE))
    draft = the_draft(world["users"]["holder"])
    (fragment,) = draft.document["unassigned"]
    page = client.get(reverse("imports:preview", args=[draft.pk])).content.decode()
    assert '<mark class="unassigned" id="source-fragment-0"' in page
    assert f"{fragment['start']}–{fragment['end']}" in page and "0,0 %" in page

    url = reverse("imports:fragment_action", args=[draft.pk, 0, "promote"])
    assert client.post(url, {"expect": str(fragment["start"])}).status_code == 302
    at = MEETING_NOTE.index("Sygefravær i nattevagten")
    url = reverse("imports:goal_boundary", args=[draft.pk, 0, "start"])
    client.post(url, {"at": at, "title_from_line": "on", "expect": "Referat af ledermøde i Solsikken"})
    draft.refresh_from_db()
    (goal,) = draft.document["goals"]
    assert goal["title"] == "Sygefravær i nattevagten" and goal["start"] == at
    assert goal["sections"] == {"baggrund_formaal": "Vi drøftede fraværet i nattevagten. Det er steget siden sommer."}
    assert draft.document["unassigned"][0]["text"].startswith("Referat af ledermøde i Solsikken")
    assert "<mark" in client.get(reverse("imports:preview", args=[draft.pk])).content.decode()


def test_changing_a_section_key_with_htmx_re_renders_only_that_goal_card(world, login):
    client = login("holder")
    upload(client, text_file())
    draft = the_draft(world["users"]["holder"])
    url = reverse("imports:edit_section", args=[draft.pk, 1])
    data = {"old_key": "baggrund_formaal", "key": "virkning_borger", "expect": "God modtagelse"}
    data["text"] = "Nye medarbejdere skal føle sig velkomne fra første dag."
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<article class="card import-goal')
    assert re.search(r'<option value="virkning_borger" selected>', html)
    draft.refresh_from_db()
    assert "virkning_borger" in draft.document["goals"][1]["sections"]


def test_moving_where_a_goal_starts_hands_the_text_before_it_to_the_goal_before(world, login):
    client = login("holder")
    upload(client, text_file())
    draft = the_draft(world["users"]["holder"])
    at = offset_of(draft, "Nattevagternes trivsel")
    url = reverse("imports:goal_boundary", args=[draft.pk, 1, "start"])
    client.post(url, {"at": at, "expect": "God modtagelse", "title_from_line": "on"})
    draft.refresh_from_db()
    first, second = draft.document["goals"]
    assert second["title"] == "Nattevagternes trivsel" and second["start"] == at
    assert "Nattevagterne skal have" in second["sections"]["opfoelgning"]
    assert "Nattevagterne" not in first["sections"]["opfoelgning"]
    assert second["sections"]["baggrund_formaal"].startswith("Udviklingsmål 2: God modtagelse\n")


def test_a_correction_made_for_a_goal_that_has_moved_is_refused(world, login):
    client = login("holder")
    upload(client, text_file())
    draft = the_draft(world["users"]["holder"])
    url = reverse("imports:goal_boundary", args=[draft.pk, 1, "merge"])
    response = client.post(url, {"expect": "Et andet mål"}, follow=True)
    assert "ændret i mellemtiden" in response.content.decode()
    draft.refresh_from_db()
    assert len(draft.document["goals"]) == 2


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_input_gets_a_one_line_danish_error_naming_the_file_and_nothing_is_saved(world, login, settings, case):
    settings.ROEDTRAAD_PARSE_IN_REQUEST_BYTES = 25 * 1024 * 1024  # every file parsed in the request
    name, make = BAD_FILES[case]
    client = login("holder")
    contracts_before = Contract.objects.count()
    response = upload(client, SimpleUploadedFile(name, make()))
    assert response.status_code == 400
    errors = re.findall(r"<li>([^<]*)</li>", response.content.decode().split('class="alert-text import-errors">')[1])
    assert len(errors) == 1 and errors[0].startswith(f"{name}: ") and "\n" not in errors[0]
    assert "Traceback" not in response.content.decode()
    assert Contract.objects.count() == contracts_before and not ImportDraft.objects.exists()


def test_a_file_over_the_size_limit_is_refused_without_being_read(world, login, settings):
    settings.ROEDTRAAD_MAX_UPLOAD_BYTES = 1000
    client = login("holder")
    response = upload(client, text_file(text=SOLSIKKEN_2026 * 3))
    assert response.status_code == 400
    assert "solsikken-2026.txt: filen er større end" in response.content.decode()
    assert not ImportDraft.objects.exists()


def test_a_reader_is_refused(world, login):
    client = login("reader")
    assert client.get(reverse("imports:upload")).status_code == 403
    assert upload(client, text_file()).status_code == 403
    assert not ImportDraft.objects.exists()


def test_another_holder_cannot_import_into_someone_elses_unit(world, login):
    client = login("other_holder")
    upload(client, text_file())
    draft = the_draft(world["users"]["other_holder"])
    page = client.get(reverse("imports:preview", args=[draft.pk])).content.decode()
    assert f'<option value="{world["own"].pk}"' not in page
    response = client.post(
        reverse("imports:save", args=[draft.pk]), {"holder": world["own"].pk, "year": 2027, "kind": "kontrakt"}
    )
    assert response.status_code == 403
    assert not Contract.objects.filter(holder=world["own"], year=2027).exists()


def test_a_holder_cannot_see_another_persons_draft_import(world, login):
    login("holder")
    upload(login("holder"), text_file())
    draft = the_draft(world["users"]["holder"])
    assert login("director").get(reverse("imports:preview", args=[draft.pk])).status_code == 404


def test_importing_the_same_document_again_updates_the_holders_draft_contract(world, login):
    client = login("director")
    for _round in range(2):
        upload(client, text_file())
        draft = ImportDraft.objects.filter(owner=world["users"]["director"]).order_by("-id").first()
        data = {"holder": world["own"].pk, "year": 2027, "kind": "kontrakt"}
        assert client.post(reverse("imports:save", args=[draft.pk]), data).status_code == 302
    contracts = Contract.objects.filter(holder=world["own"], year=2027)
    assert contracts.count() == 1
    assert Goal.objects.filter(contract=contracts.get(), deleted_at__isnull=True).count() == 2


def test_importing_into_an_entered_contract_says_a_new_revision_is_needed(world, login):
    client = login("director")
    upload(client, text_file())
    draft = the_draft(world["users"]["director"])
    entered = world["entered"]
    assert entered.status == ContractStatus.ENTERED
    data = {"holder": entered.holder_id, "year": entered.year, "kind": "kontrakt"}
    response = client.post(reverse("imports:save", args=[draft.pk]), data)
    assert response.status_code == 409
    assert "revision" in response.content.decode()
    assert entered.goals.count() == 1


def test_many_files_are_parsed_by_a_background_task_and_the_status_page_lists_them(world, login, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client = login("head_of_area")
    files = [text_file(f"kontrakt-{n}.txt") for n in range(4)] + [SimpleUploadedFile("tom.txt", b"")]
    response = upload(client, *files)
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("imports:batch", args=[batch.pk])
    page = client.get(response["Location"]).content.decode()
    assert page.count("Klar til gennemsyn") == 4 and "tom.txt: filen er tom" in page
    assert "hx-trigger" not in page  # done: no more polling


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_each_corpus_document_previews_with_all_its_goal_titles(world, login, corpus_dir, name):
    from django.utils.html import escape

    path = next(corpus_dir.glob(f"{name}_*.txt"))
    client = login("director")
    response = upload(client, SimpleUploadedFile(path.name, path.read_bytes()))
    assert response.status_code == 302, response.content.decode()[:500]
    draft = the_draft(world["users"]["director"])
    page = client.get(response["Location"]).content.decode()
    for goal in draft.document["goals"]:
        assert escape(goal["title"]) in page


def test_the_preview_of_a_re_import_shows_what_changes_and_what_stays_and_removal_needs_the_box(world, login):
    from tests.web.conftest import add_goal

    old_goal = add_goal(world["draft"], 5, world["track"], title="Et mål fra sidste år")
    kept = old_goal.activities.count()
    client = login("holder")
    upload(client, text_file())
    draft = the_draft(world["users"]["holder"])
    page = client.get(reverse("imports:preview", args=[draft.pk])).content.decode()
    assert "Det gør gemningen" in page and "flettes ind i kladden" in page
    assert "Fjernes (kan gendannes):</strong>\n      5. Et mål fra sidste år" in page
    assert "Tilføjes:</strong>\n      2. God modtagelse" in page
    assert 'name="remove_goals"' in page

    data = {"holder": world["own"].pk, "year": world["draft"].year, "kind": "kontrakt"}
    refused = client.post(reverse("imports:save", args=[draft.pk]), data)
    assert refused.status_code == 409 and "Bekræft, at de skal fjernes" in refused.content.decode()
    old_goal.refresh_from_db()
    assert old_goal.deleted_at is None

    saved = client.post(reverse("imports:save", args=[draft.pk]), data | {"remove_goals": "on"})
    assert saved.status_code == 302
    old_goal.refresh_from_db()
    assert old_goal.deleted_at is not None and old_goal.activities.count() == kept


def test_a_head_of_area_cannot_replace_a_holders_draft_by_importing(world, login):
    client = login("head_of_area")
    upload(client, text_file())
    draft = the_draft(world["users"]["head_of_area"])
    data = {"holder": world["own"].pk, "year": world["draft"].year, "kind": "kontrakt", "remove_goals": "on"}
    response = client.post(reverse("imports:save", args=[draft.pk]), data)
    assert response.status_code == 409 and "Du må ikke ændre kontrakten" in response.content.decode()
    assert world["draft"].live_goals().get() == world["draft_goal"]


def test_a_directors_dus_upload_is_saved_as_the_years_framework(world, login, corpus_dir):
    from roedtraad.frameworks.models import Framework

    path = corpus_dir / "002_8b6c67c7d02b70e3.txt"
    client = login("director")
    upload(client, SimpleUploadedFile(path.name, path.read_bytes()))
    draft = the_draft(world["users"]["director"])
    assert draft.document["kind"] == "dus"
    data = {"holder": world["own"].pk, "year": 2023, "kind": "kontrakt"}
    response = client.post(reverse("imports:save", args=[draft.pk]), data)
    assert response.status_code == 302
    assert Framework.objects.get(year=2023).requirements.exists()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.SAVED and draft.contract is None


SHARED_2026 = """Udviklingskontrakt 2026 for Solsikken

Udviklingsmål 1: Lavt sygefravær

Baggrund og formål
Sygefraværet er for højt.

Udviklingsmål
Sygefraværet skal ned på 6 % i 2026.

Aktiviteter
• Fraværssamtaler efter fast model
• Sundhedsdag 8. marts

Opfølgning på udviklingsmålet og virkning
• Kvartalsvis i ledergruppen

Udviklingsmål 2: Fælles vikarkorps

Baggrund og formål
Dette er et fælles udviklingsmål med Hjemmeplejen.

Udviklingsmål
Vi etablerer et fælles vikarkorps.
"""


def test_a_shared_goals_partner_role_is_asked_in_the_preview_and_the_imported_contract_can_be_submitted(world, login):
    from roedtraad.contracts import workflow

    client = login("holder")
    world["draft"].delete()  # the holder starts the year from the document
    upload(client, text_file("solsikken.txt", SHARED_2026))
    draft = the_draft(world["users"]["holder"])
    page = client.get(reverse("imports:preview", args=[draft.pk])).content.decode()
    assert "Hvad står Hjemmeplejen for?" in page and 'name="role-1-0"' in page
    data = {"holder": world["own"].pk, "year": 2026, "kind": "kontrakt", "role-1-0": "Stiller tre vikarer til rådighed"}
    assert client.post(reverse("imports:save", args=[draft.pk]), data).status_code == 302
    contract = Contract.objects.get(holder=world["own"], year=2026)
    shared = contract.goals.get(number=2)
    assert shared.scope == "shared" and shared.partners.get().role == "Stiller tre vikarer til rådighed"
    assert contract.goals.get(number=1).activities.count() == 2
    assert contract.planned_follow_ups.filter(goal__number=1).count() == 4
    workflow.submit(contract, world["users"]["holder"])
    contract.refresh_from_db()
    assert contract.status == "submitted"


@pytest.mark.parametrize("name", ["000", "001", "003", "004"])
def test_each_corpus_contract_imports_through_the_preview_answers_its_questions_and_is_submitted(
    world, login, corpus_dir, name
):
    from roedtraad.contracts import workflow

    path = next(corpus_dir.glob(f"{name}_*.txt"))
    client = login("director")
    world["draft"].delete()
    upload(client, SimpleUploadedFile(path.name, path.read_bytes()))
    draft = the_draft(world["users"]["director"])
    questions = [q for q in draft.parsed().as_json()["questions"] if q["kind"] == "partner_role"]
    page = client.get(reverse("imports:preview", args=[draft.pk])).content.decode()
    answers = {}
    for gi, goal in enumerate(draft.parsed().goals):
        for pi, partner in enumerate(goal.partners):
            if not partner.role:
                assert f'name="role-{gi}-{pi}"' in page
                answers[f"role-{gi}-{pi}"] = f"{partner.name} bidrager med viden og ressourcer"
    assert len(answers) == len(questions)
    data = {"holder": world["own"].pk, "year": draft.document["year"], "kind": "kontrakt", **answers}
    response = client.post(reverse("imports:save", args=[draft.pk]), data)
    assert response.status_code == 302, response.content.decode()[:300]
    contract = Contract.objects.get(holder=world["own"], year=draft.document["year"])
    assert workflow.problems_before_submit(contract) == []
    workflow.submit(contract, world["users"]["director"])
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SUBMITTED


def test_once_entered_an_imported_contract_puts_its_activities_and_follow_ups_on_the_holders_start_page(world, login):
    from roedtraad.contracts import workflow

    client = login("holder")
    world["draft"].delete()
    upload(client, text_file("solsikken.txt", SHARED_2026))
    draft = the_draft(world["users"]["holder"])
    data = {"holder": world["own"].pk, "year": 2026, "kind": "kontrakt", "role-1-0": "Stiller tre vikarer"}
    client.post(reverse("imports:save", args=[draft.pk]), data)
    contract = Contract.objects.get(holder=world["own"], year=2026)
    workflow.submit(contract, world["users"]["holder"])
    workflow.enter(contract, world["users"]["director"], justification="Kravene følges op i dialogen.")
    page = client.get(reverse("home")).content.decode()
    assert "Sundhedsdag 8. marts" in page.split('id="activities-heading"')[1]
    assert "ledergruppen" in page.split('id="due-heading"')[1].split("</section>")[0]

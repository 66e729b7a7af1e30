"""The search (web/search.py) over the goals' full-text index (contracts/search_index.py): word forms,
compounds, excerpts, one hit per revised goal, and the index kept in step with every change.

Runs on SQLite, and on PostgreSQL with DATABASE_URL=postgres://….
"""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.web.conftest import add_goal

from roedtraad.contracts import search_index
from roedtraad.contracts.editing import save_goal
from roedtraad.contracts.models import Activity, Contract, Goal, GoalSection
from roedtraad.rights import goals_visible_to
from roedtraad.web.search import WORD, highlight, query_stems, search, stem, texts_of, word_matches


def found(world, query: str, role: str = "reader") -> list:
    return search(goals_visible_to(world["users"][role]), query)


def titles(world, query: str, role: str = "reader") -> list[str]:
    return [hit.goal.title for hit in found(world, query, role)]


def goal_with(world, title: str, text: str, contract: str = "draft") -> Goal:
    goal = Goal.objects.create(contract=world[contract], number=world[contract].next_goal_number(), title=title)
    GoalSection.objects.create(goal=goal, key="udviklingsmaal", text=text, order=0)
    return goal


def stored_stats(goal_id: int) -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT stats FROM {search_index.TABLE} WHERE goal_id = %s", [goal_id])
        row = cursor.fetchone()
    return row[0] if row else None


def indexed(goal_id: int) -> bool:
    """The goal has pieces in the full-text index."""
    if connection.vendor == "postgresql":
        sql = f"SELECT count(*) FROM {search_index.TABLE} WHERE goal_id = %s AND document != ''::tsvector"
    else:
        sql = f"SELECT count(*) FROM {search_index.FTS_TABLE} WHERE rowid = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [goal_id])
        return cursor.fetchone()[0] == 1


# Word forms, compounds, excerpts --------------------------------------------------------------


def test_other_word_forms_are_found(world):
    assert len(found(world, "medarbejderen fraværet")) == 3  # "medarbejderne", "Sygefraværet"


def test_a_stem_inside_a_compound_is_found(world):
    goal_with(world, "Stabil bemanding", "Korttidssygefraværet i køkkenet halveres.")
    goal_with(world, "Ren luft", "Ventilationen i køkkenet skiftes.")
    assert "Stabil bemanding" in titles(world, "fravær")
    assert "Ren luft" not in titles(world, "fravær")
    assert titles(world, "køkkenerne") == ["Stabil bemanding", "Ren luft"]  # equal scores: by number


def test_every_word_of_the_query_must_be_found(world):
    goal_with(world, "Stabil bemanding", "Korttidssygefraværet i køkkenet halveres.")
    assert titles(world, "køkkenet sygefravær") == ["Stabil bemanding"]
    assert titles(world, "køkkenet ventilation") == []


def test_capital_danish_letters_are_found_in_lower_case(world):
    goal_with(world, "ØKONOMI I BALANCE", "ÆLDRE BORGERE FÅR FLERE TILBUD.")
    assert titles(world, "økonomien ældre") == ["ØKONOMI I BALANCE"]


def test_an_activity_is_searched_too(world):
    Activity.objects.create(goal=world["draft_goal"], text="Kurser i motiverende samtale", order=1)
    assert titles(world, "motiverende") == ["Lavt sygefravær i Solsikken"]


def test_the_excerpt_marks_the_matching_word_forms(world):
    hit = next(h for h in found(world, "fravær") if h.goal == world["draft_goal"])
    assert hit.snippets[0] == "<mark>Sygefraværet</mark> blandt medarbejderne skal nedbringes."
    assert "<mark>fravær</mark> giver borgerne" in hit.snippets[1]


def test_the_excerpt_escapes_the_text(world):
    goal_with(world, "Sikker tekst", "Vi skriver <script>sygefravær</script> i teksten.")
    hit = next(h for h in found(world, "sygefravær") if h.goal.title == "Sikker tekst")
    assert "&lt;script&gt;<mark>sygefravær</mark>&lt;/script&gt;" in hit.snippets[0]


def test_a_title_match_ranks_first_then_more_matches_then_the_newest_year(world):
    world["last_year"] = Contract.objects.create(holder=world["own"], year=2025, title="Kontrakt 2025")
    goal_with(world, "Kantinen", "Kantinen serverer frokost.", contract="last_year")
    goal_with(world, "Køkkenet", "Kantinen serverer frokost.")
    goal_with(world, "Morgenmad", "Frokost og frokostpause.")
    goal_with(world, "Frokost", "Maden laves fra bunden.")
    assert titles(world, "frokosten") == ["Frokost", "Morgenmad", "Køkkenet", "Kantinen"]
    assert [h.score for h in found(world, "frokosten")] == [6, 2, 1, 1]


def test_words_that_find_nothing_give_no_hits(world):
    assert found(world, "og i at") == []
    assert found(world, "xylofonorkester") == []


# Rights and revisions ------------------------------------------------------------------------------


def test_a_holder_finds_only_the_goals_the_holder_may_read(world):
    assert titles(world, "sygefravær", role="holder") == ["Lavt sygefravær i Solsikken"]


def test_a_revised_goal_is_found_once_in_its_newest_revision(world):
    revision = world["entered"].new_revision()
    new_goal = revision.goals.get()
    hits = [h for h in found(world, "sygefraværet") if h.goal.contract.holder == world["other"]]
    assert [h.goal.pk for h in hits] == [new_goal.pk]
    assert len(found(world, "medarbejderne")) == 3


def test_the_older_revision_is_found_where_the_newer_one_is_filtered_away(world):
    world["entered"].new_revision()
    entered = goals_visible_to(world["users"]["reader"]).filter(contract__status="entered")
    assert [h.goal.pk for h in search(entered, "sygefravær")] == [world["entered_goal"].pk]


# Kept in step -------------------------------------------------------------------------------------


def test_an_edited_section_is_found_by_its_new_words_only(world):
    goal = world["draft_goal"]
    save_goal(
        goal.pk,
        world["users"]["holder"],
        expected_version=goal.version,
        sections={"udviklingsmaal": "Flere elever i praktik hos plejecentret."},
    )
    assert titles(world, "praktikken") == ["Lavt sygefravær i Solsikken"]
    assert "Lavt sygefravær i Solsikken" in titles(world, "medarbejdere")  # still in "baggrund_formaal"
    assert "Lavt sygefravær i Solsikken" not in titles(world, "nedbringes")


def test_a_changed_title_is_found(world):
    goal = world["draft_goal"]
    save_goal(goal.pk, world["users"]["holder"], expected_version=goal.version, title="Sundere arbejdsdage")
    assert titles(world, "arbejdsdagene") == ["Sundere arbejdsdage"]


def test_a_deleted_goal_is_not_found(world):
    world["draft_goal"].soft_delete()
    assert world["draft_goal"].pk not in [h.goal.pk for h in found(world, "sygefravær")]
    world["draft_goal"].restore()
    assert world["draft_goal"].pk in [h.goal.pk for h in found(world, "sygefravær")]


def test_a_goal_deleted_for_good_leaves_the_index(world):
    goal = goal_with(world, "Kortvarig", "Et mål om kaffemaskiner.")
    assert stored_stats(goal.pk) and indexed(goal.pk)
    goal.delete()
    search_index.flush()
    assert stored_stats(goal.pk) is None and not indexed(goal.pk)
    assert titles(world, "kaffemaskinerne") == []


def test_a_deleted_section_and_activity_are_no_longer_found(world):
    goal = world["draft_goal"]
    goal.sections.get(key="udviklingsmaal").delete()
    goal.activities.get().delete()
    assert "Lavt sygefravær i Solsikken" not in titles(world, "nedbringes")
    assert "Lavt sygefravær i Solsikken" not in titles(world, "samtalerne")


def test_a_new_revision_is_searched_with_its_copied_sections_and_its_own_changes(world):
    revision = world["entered"].new_revision()  # sections and activities are bulk-created
    goal = revision.goals.get()
    shown = [h.goal.pk for h in found(world, "fraværssamtaler nedbringes")]
    assert goal.pk in shown and world["entered_goal"].pk not in shown
    save_goal(
        goal.pk,
        world["users"]["other_holder"],
        expected_version=goal.version,
        sections={"udviklingsmaal": "Hjemmeplejen indfører selvstyrende teams."},
    )
    assert titles(world, "selvstyrende") == ["Lavt sygefravær i Hjemmeplejen"]
    assert [h.goal.pk for h in found(world, "selvstyrende")] == [goal.pk]


def test_inside_a_transaction_the_index_follows_on_commit_and_a_search_in_it_sees_the_change(
    world, django_capture_on_commit_callbacks
):
    goal = world["draft_goal"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        GoalSection.objects.filter(goal=goal, key="udviklingsmaal").update(text="")  # no signal
        section = goal.sections.get(key="baggrund_formaal")
        section.text = "Natholdet får faste vikarer."
        section.save()
        assert "\nnathold" not in stored_stats(goal.pk)  # waits for the commit
        assert titles(world, "natholdets") == ["Lavt sygefravær i Solsikken"]  # flushed for the search
        section.text = "Dagholdet får faste vikarer."
        section.save()
    assert len([c for c in callbacks if isinstance(c, search_index._Pending)]) == 1  # one refresh for all
    assert "\ndaghold" in stored_stats(goal.pk)
    assert titles(world, "natholdet") == []


def test_a_rolled_back_change_leaves_the_index_as_it_was(world):
    goal = world["draft_goal"]
    before = stored_stats(goal.pk)
    with pytest.raises(RuntimeError), transaction.atomic():
        GoalSection.objects.create(goal=goal, key="virkning_borger", text="Fjernet igen.", order=5)
        raise RuntimeError
    assert stored_stats(goal.pk) == before
    assert titles(world, "fjernet") == []


def test_rebuild_indexes_goals_written_without_signals(world):
    goal = Goal.objects.create(contract=world["draft"], number=9, title="Massevis")
    GoalSection.objects.bulk_create([GoalSection(goal=goal, key="udviklingsmaal", text="Kørselsordningen.")])
    assert titles(world, "kørselsordning") == []
    search_index.rebuild()
    assert titles(world, "kørselsordning") == ["Massevis"]


def test_a_goal_too_large_for_the_index_is_still_found(world, monkeypatch):
    monkeypatch.setattr(search_index, "MAX_PIECES", 5)
    goal = goal_with(world, "Meget tekst", "Langtidsledige borgere kommer i arbejde.")
    assert search_index.EVERYTHING in search_index.document(goal.title, ["Langtidsledige"]).terms
    assert titles(world, "langtidsledige") == ["Meget tekst"]
    assert len(titles(world, "sygefravær")) == 3  # and the goal is not found where it does not match


# The database narrows, and the results are those of scoring the texts -----------------------------


def test_the_database_narrows_by_its_full_text_index_not_by_like(world):
    with CaptureQueriesContext(connection) as queries:
        found(world, "fravær")
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert (" MATCH " in sql) if connection.vendor == "sqlite" else ("@@" in sql)
    assert " LIKE " not in sql.upper()


def reference(goals, query: str) -> list[tuple[int, int]]:
    """(goal, score) as the search scored before the index: every word of every text stemmed."""
    stems = query_stems(query)
    scored = []
    for goal in goals.filter(revised_to__isnull=True):
        texts = texts_of(goal)
        terms = {t for text in texts for w in WORD.findall(text) for t in stems if t in stem(w)}
        if terms != set(stems):
            continue
        count = sum(1 for text in texts for w in WORD.findall(text) for t in stems if word_matches(w, [t]))
        bonus = 5 * sum(1 for w in WORD.findall(goal.title) if word_matches(w, stems))
        scored.append((goal, count + bonus))
    scored.sort(key=lambda g: (-g[1], -g[0].contract.year, g[0].contract.holder.name, g[0].number))
    return [(g.pk, score) for g, score in scored]


@pytest.mark.parametrize(
    "query", ["fravær", "medarbejdere borgerne", "sygefravær solsikken", "model", "samtaler", "fast", "ne"]
)
def test_hits_and_their_order_are_those_of_scoring_every_text(world, query):
    for contract in ("draft", "submitted"):  # the entered one is locked
        for number in (2, 3):
            add_goal(world[contract], number, world["track"], title=f"Fast model nr. {number} i {contract}")
    goal_with(world, "Samtaler med nye medarbejdere", "Modellen for fravær og samtaler.", contract="submitted")
    goals = goals_visible_to(world["users"]["reader"])
    assert [(h.goal.pk, h.score) for h in search(goals, query)] == reference(goals, query)


def test_a_document_holds_the_pieces_of_every_stem():
    document = search_index.document("Lavt sygefravær", ["Fraværssamtaler i teamet."])
    pieces = set(document.terms.split(" "))
    assert {"sygefrav", "ygefravæ", "fravær", "ravær", "fraværss", "team", "eam"} <= pieces
    assert all(len(p) <= search_index.GRAM for p in pieces)
    assert search_index.tally(document.stats, ["fravær"]) == ({"fravær"}, 2, 1)
    assert search_index.tally(document.stats, ["fravær", "lavt"]) == ({"fravær", "lavt"}, 3, 2)
    assert search_index.tally(document.stats, ["1"]) == (set(), 0, 0)  # not the counts


def old_highlight(text: str, stems: list[str], width: int = 90) -> str | None:
    """The excerpt as it was made before the index: every word of the text stemmed."""
    from django.utils.html import escape

    match = next((m for m in WORD.finditer(text) if word_matches(m.group(), stems)), None)
    if match is None:
        return None
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    excerpt = text[start:end]
    parts, last = [], 0
    for m in WORD.finditer(excerpt):
        if word_matches(m.group(), stems):
            parts += [escape(excerpt[last : m.start()]), f"<mark>{escape(m.group())}</mark>"]
            last = m.end()
    parts.append(escape(excerpt[last:]))
    return ("… " if start else "") + "".join(parts) + (" …" if end < len(text) else "")


WORDS = ["Sygefraværet", "fravær", "medarbejderne", "BORGERNE", "İnklusion", "køkken", "<b>", "2026", "a_b", "—"]


@given(
    st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60).map(" ".join),
    st.lists(st.sampled_from(["fravær", "borger", "medarbejd", "køk", "in", "a_b", "20"]), min_size=1, max_size=3),
)
@settings(max_examples=300, deadline=None)
def test_the_excerpt_is_the_one_made_by_stemming_every_word(text, stems):
    assert highlight(text, stems) == old_highlight(text, stems)

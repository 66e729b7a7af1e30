"""Section headings under the names other municipalities' templates give them, and the texts that
only look like headings."""

from __future__ import annotations

import pytest

from roedtraad.core.ingest.headings import match_heading
from roedtraad.core.ingest.references import references_of
from roedtraad.core.ingest.scope import scope_of
from roedtraad.core.ingest.stopdoing import stop_section


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Mål og succeskriterier", "udviklingsmaal"),
        ("Succeskriterier:", "udviklingsmaal"),
        ("Målsætning", "udviklingsmaal"),
        ("Indikatorer", "udviklingsmaal"),
        ("Formål og baggrund", "baggrund_formaal"),
        ("Baggrund", "baggrund_formaal"),
        ("Formål: Færre genindlæggelser", "baggrund_formaal"),
        ("Forventet effekt for borgeren", "virkning_borger"),
        ("Handlinger", "aktiviteter"),
        ("Indsatser", "aktiviteter"),
        ("Aktiviteter og milepæle", "aktiviteter"),
        ("Tidsplan", "tidsperspektiv"),
        ("Opfølgning og evaluering", "opfoelgning"),
        ("Evaluering", "opfoelgning"),
        ("Samarbejdspartnere:", "samarbejde_med"),
        ("Hvorfor?", "baggrund_formaal"),
        ("Hvad vil vi opnå?", "udviklingsmaal"),
        ("Hvordan gør vi?", "aktiviteter"),
        ("Hvordan følger vi op?", "opfoelgning"),
        ("Hvordan måler vi?", "opfoelgning"),
        ("Hvem samarbejder vi med?", "samarbejde_med"),
    ],
)
def test_another_templates_section_heading_is_read_as_its_section(line, key):
    found = match_heading(line)
    assert found is not None and found.key == key


@pytest.mark.parametrize(
    "line",
    [
        "Formålet er at nedbringe ventetiden",
        "Baggrunden for målet er en stigning i antallet af sager",
        "Evaluering af forløbet sker i december",
        "Handlinger, der virker, bliver videreført",
        "Udviklingsmål nr. 2 – Sygefravær",
        "Hvorfor er ventetiden så lang i dag?",
        "• Evaluering i december",
        "• Indsatser",
        "Formål: at flere får arbejde.",
        "Hvordan gør vi det bedre for borgerne, når sagerne stiger?",
    ],
)
def test_a_sentence_that_starts_with_a_heading_word_is_no_heading(line):
    assert match_heading(line) is None


def test_stop_doing_proposals_written_as_sentences_are_each_kept_with_what_follows_them():
    text = (
        "Udviklingsmål nr. 1 – Et mål\nTekst.\n\nDet vil vi holde op med\n"
        "Vi stopper med dobbelte skemaer (udviklingsmål nr. 1). Det frigiver\ntid til borgerne.\n"
        "Vi holder op med papirlister (udviklingsmål nr. 1).\n"
    )
    _span, items = stop_section(text)
    assert items == [
        "Vi stopper med dobbelte skemaer (udviklingsmål nr. 1). Det frigiver tid til borgerne.",
        "Vi holder op med papirlister (udviklingsmål nr. 1).",
    ]


@pytest.mark.parametrize("whole", ["hele organisationen", "organisationen", "kommunen"])
def test_a_goal_shared_by_the_whole_organisation_is_cross_cutting_not_local(whole):
    sections = {"baggrund_formaal": f"Fraværet er højt. Målet er fælles for {whole}."}
    assert scope_of("Sygefravær", sections, []) == "cross_cutting"


def test_a_policy_named_with_a_hyphenated_compound_is_one_reference():
    refs = references_of({"baggrund_formaal": "Målet understøtter Børne- og ungepolitikken og Sundhedspolitikken."})
    assert [(r.kind, r.name) for r in refs] == [("policy", "Børne- og ungepolitik"), ("policy", "Sundhedspolitik")]


def test_a_goal_lifted_together_with_a_unit_has_that_unit_as_partner_with_the_role_it_is_given():
    from roedtraad.core.ingest.parse import parse_text

    text = (
        "Udviklingskontrakt 2025 for Dagtilbud Nord\n\nUdviklingsmål nr. 1 – Gode overgange\n\nBaggrund og formål\n"
        "Målet løftes i samarbejde med Skoleafdelingen om overgangen til skole. Skoleafdelingen har ansvaret for "
        "vurderingen.\n\nAktiviteter\n- Fælles skabelon\n\nUdviklingsmål nr. 2 – Sprog\n\nBaggrund og formål\n"
        "Vi arbejder med sprog.\n\nAktiviteter\n- Sprogtest\n"
    )
    goal = parse_text(text, "x.txt").goals[0]
    assert goal.shared_with == ["Skoleafdelingen"]
    assert [(p.name, p.role) for p in goal.partners] == [("Skoleafdelingen", "har ansvaret for vurderingen")]


def test_a_stop_doing_section_with_no_proposal_the_importer_can_read_keeps_its_text():
    from roedtraad.core.ingest.parse import parse_text

    text = (
        "Udviklingskontrakt 2025 for Dagtilbud Nord\n\nUdviklingsmål nr. 1 – Sprog\n\nBaggrund og formål\n"
        "Vi arbejder med sprog.\n\nAktiviteter\n- Sprogtest\n\nUdviklingsmål nr. 2 – Leg\n\nBaggrund og formål\n"
        "Mere leg.\n\nDet vil vi holde op med\nForslag til hvad vi vil holde op med:\n"
    )
    doc = parse_text(text, "x.txt")
    placed = " ".join(" ".join(g.sections.values()) for g in doc.goals) + " ".join(u.text for u in doc.unassigned)
    assert doc.stop_doing == [] and "Forslag til hvad vi vil holde op med" in placed


@pytest.mark.parametrize("goals", [1, 3])
def test_a_goal_labelled_udviklingsmaal_with_its_title_after_the_colon_is_one_goal_with_that_title(goals):
    from roedtraad.core.ingest.parse import parse_text

    titles = ["Kortere ventetid i Borgerservice", "Digital selvbetjening", "Bedre modtagelse"][:goals]
    body = "".join(
        f"Udviklingsmål: {t}\n\nBaggrund og formål\nBorgerne venter.\n\nAktiviteter\n- Tidsbestilling i marts\n\n"
        "Opfølgning\nKvartalsvis i ledergruppen.\n\n"
        for t in titles
    )
    doc = parse_text(f"Udviklingskontrakt 2025\nBorgerservice\n\n{body}", "x.txt")
    assert [(g.number, g.title) for g in doc.goals] == list(enumerate(titles, start=1))
    assert all(set(g.sections) == {"baggrund_formaal", "aktiviteter", "opfoelgning"} for g in doc.goals)
    assert doc.holder == "Borgerservice" and doc.coverage >= 0.995


def test_a_stop_doing_proposal_that_mentions_what_must_be_documented_is_still_a_proposal():
    text = (
        "Udviklingsmål nr. 1 – Et mål\nTekst.\n\nDet vil vi holde op med\n"
        "Vi holder op med dokumentation, som ikke skal fremgå af journalen. Det frigiver tid.\n"
    )
    _span, items = stop_section(text)
    assert items == ["Vi holder op med dokumentation, som ikke skal fremgå af journalen. Det frigiver tid."]


@pytest.mark.parametrize(
    ("title", "partners"),
    [
        ("Fælles digital post med Borgerservice", ["Borgerservice"]),
        ("Fælles mål med Vej og Park om grønne arealer", ["Vej og Park"]),
        ("Fælles indsats med fokus på trivsel", []),
        ("Et fælles sprog med borgerne", []),
    ],
)
def test_a_title_that_says_the_goal_is_shared_with_a_unit_names_that_unit(title, partners):
    from roedtraad.core.ingest.parse import parse_text

    text = (
        f"Udviklingskontrakt 2025 for Digitalisering\n\nUdviklingsmål 1: {title}\n\nBaggrund og formål\nTekst.\n\n"
        "Udviklingsmål 2: Andet\n\nBaggrund og formål\nTekst.\n"
    )
    assert parse_text(text, "x.txt").goals[0].shared_with == partners

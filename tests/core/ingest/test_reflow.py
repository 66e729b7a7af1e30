"""Text as written, not as wrapped: a section of a text dump or PDF reads on the goal page as
the author wrote it. Made-up text only."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from roedtraad.core.ingest.parse import parse_text
from roedtraad.core.ingest.reflow import reflow

WRAPPED = """Borgerne venter i dag for længe på en afgørelse, og mange ringer for at
høre, hvor deres sag er. Vi vil derfor gøre sagsgangen kortere og give
besked undervejs i sam-
arbejdet med Borgerservice og Sundheds-
og Omsorgsområdet.

Lokale måltal for ventetid:
o Ydelseskontoret = 12 dage
o Visitationen = 9 dage
Vej og Park = 3,1 %
Byg og Miljø = 2,4 %

• Ny skabelon til afgørelser, som sagsbehandlerne kan bruge i alle
sager om hjælp
• Temadag i foråret"""


def test_a_wrapped_paragraph_is_one_line_and_lists_and_short_lines_keep_their_breaks():
    assert reflow(WRAPPED).split("\n") == [
        "Borgerne venter i dag for længe på en afgørelse, og mange ringer for at høre, hvor deres sag er. "
        "Vi vil derfor gøre sagsgangen kortere og give besked undervejs i samarbejdet med Borgerservice og "
        "Sundheds- og Omsorgsområdet.",
        "",
        "Lokale måltal for ventetid:",
        "o Ydelseskontoret = 12 dage",
        "o Visitationen = 9 dage",
        "Vej og Park = 3,1 %",
        "Byg og Miljø = 2,4 %",
        "",
        "• Ny skabelon til afgørelser, som sagsbehandlerne kan bruge i alle sager om hjælp",
        "• Temadag i foråret",
    ]


def test_a_paragraph_cut_by_a_page_break_is_joined_but_two_paragraphs_stay_two():
    text = "Vi vil holde møder med de ansatte og\n\nlederne hver måned.\n\nNæste afsnit begynder her."
    assert reflow(text) == "Vi vil holde møder med de ansatte og lederne hver måned.\n\nNæste afsnit begynder her."


def test_an_imported_text_dump_is_reflowed_but_a_word_documents_lines_are_the_authors():
    body = (
        "Udviklingskontrakt 2026 for Borgerservice Nord\n\nMål 1: Kortere ventetid\nBaggrund og formål\n"
        f"{WRAPPED}\n\nUdviklingsmål\nVentetiden skal ned på 10 dage.\n\nOpfølgning\nLedergruppen følger op.\n"
    )
    (goal,) = parse_text(body, "k.txt").goals
    assert goal.sections["baggrund_formaal"] == reflow(WRAPPED)

    from roedtraad.core.ingest.model import SourceText
    from roedtraad.core.ingest.parse import parse_source

    (word,) = parse_source(SourceText("k.docx", "docx", body)).goals
    assert word.sections["baggrund_formaal"] == WRAPPED


LINES = st.lists(
    st.one_of(
        st.text(alphabet="abcdefg æøå,.-:", min_size=0, max_size=80),
        st.sampled_from(["• punkt", "1. punkt", "o under", "Vej og Park = 3,1 %", "", "og", "Sam-"]),
    ),
    max_size=20,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_reflowing_keeps_every_word_and_a_second_reflow_changes_nothing_more_than_joined_lines(text):
    once = reflow(text)
    assert "".join(once.split()).replace("-", "") == "".join(text.split()).replace("-", "")
    assert once.count("\n") <= text.count("\n")
    assert len(reflow(once).split("\n")) <= len(once.split("\n"))

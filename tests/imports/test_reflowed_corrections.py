"""The preview's corrections on a reflowed text dump: a section's paragraph is one line in the
parsed goal but wrapped in the document text, and is still found where the page put it."""

from __future__ import annotations

from roedtraad.core.ingest.parse import parse_text
from roedtraad.imports.corrections import pieces, split_goal

DOC = """Udviklingskontrakt 2026 for Borgerservice Nord

Mål 1: Kortere ventetid
Baggrund og formål
Borgerne venter i dag for længe på en afgørelse, og mange ringer for at
høre, hvor deres sag er. Vi vil gøre sagsgangen kortere i sam-
arbejdet med Ydelseskontoret.

Udviklingsmål
Ventetiden skal ned på 10 dage.

Flere digitale ansøgninger
Baggrund og formål
Mange sender stadig deres ansøgning med posten, og den skal så
tastes ind af en medarbejder.

Udviklingsmål
Mindst 80 % af ansøgningerne skal komme digitalt.
"""


def test_a_reflowed_paragraph_is_found_where_the_page_wrapped_it():
    doc = parse_text(DOC, "k.txt")
    (goal,) = [g for g in doc.goals if g.title == "Kortere ventetid"]
    first = pieces(doc, goal)[0]
    assert first.text.startswith("Borgerne venter") and first.text.endswith("samarbejdet med Ydelseskontoret.")
    assert doc.text[first.start : first.end].startswith(
        "Borgerne venter i dag for længe på en afgørelse, og mange ringer for at\nhøre"
    )
    assert doc.text[first.start : first.end].endswith("i sam-\narbejdet med Ydelseskontoret.")


ONE = """Udviklingskontrakt 2026 for Borgerservice Nord

Mål 1: Kortere ventetid
Baggrund og formål
Borgerne venter i dag for længe på en afgørelse, og mange ringer for at
høre, hvor deres sag er.

Mange sender stadig deres ansøgning med posten, og den skal så
tastes ind af en medarbejder.

Udviklingsmål
Mindst 80 % af ansøgningerne skal komme digitalt.

Opfølgning
Ledergruppen følger op hvert kvartal.
"""


def test_splitting_a_goal_of_reflowed_text_keeps_each_paragraph_on_its_side():
    doc = parse_text(ONE, "k.txt")
    (goal,) = doc.goals
    split_goal(doc, 0, doc.text.index("Mange sender"), "Flere digitale ansøgninger")
    first, second = doc.goals
    assert first.sections == {
        "baggrund_formaal": (
            "Borgerne venter i dag for længe på en afgørelse, og mange ringer for at høre, hvor deres sag er."
        )
    }
    assert second.title == "Flere digitale ansøgninger"
    assert second.sections["baggrund_formaal"] == (
        "Mange sender stadig deres ansøgning med posten, og den skal så tastes ind af en medarbejder."
    )
    assert [i.target for i in second.indicators] == [80.0]

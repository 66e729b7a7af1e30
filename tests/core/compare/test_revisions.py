"""Comparing two revisions of a contract: what a head of area needs to see, and nothing else."""

from hypothesis import given
from hypothesis import strategies as st

from roedtraad.core.compare.revisions import GoalSnapshot, IndicatorSnapshot, compare
from roedtraad.core.compare.textdiff import Chunk, same_words, word_diff


def goal(lineage=1, number=1, title="Lavt sygefravær", text="Sygefraværet nedbringes til 5 %.", **more):
    sections = more.pop("sections", (("udviklingsmaal", "Udviklingsmål", text),))
    return GoalSnapshot(lineage=lineage, number=number, title=title, sections=sections, **more)


def sick_leave(target="5"):
    return IndicatorSnapshot("sygefravaer@1", "Sygefravær", "%", "6,1 2025", (("2026", target),))


def test_a_goal_added_and_a_goal_removed_are_listed_as_such():
    result = compare([goal(1), goal(2, 2, "Onboarding")], [goal(1), goal(3, 2, "Ny velfærdsteknologi")])
    assert [g.title for g in result.added] == ["Ny velfærdsteknologi"]
    assert [g.title for g in result.removed] == ["Onboarding"]
    assert [g.title for g in result.unchanged] == ["Lavt sygefravær"] and not result.changed


def test_a_changed_section_is_a_word_diff_of_only_that_section():
    untouched = ("baggrund", "Baggrund", "Fraværet er steget.")
    before = goal(sections=(("udviklingsmaal", "Udviklingsmål", "Nedbringes til 5 %."), untouched))
    after = goal(sections=(("udviklingsmaal", "Udviklingsmål", "Nedbringes til 4 %."), untouched))
    (change,) = compare([before], [after]).changed
    (section,) = change.sections
    assert (section.key, section.kind) == ("udviklingsmaal", "changed")
    assert [c for c in section.chunks if c.op != "equal"] == [Chunk("delete", "5"), Chunk("insert", "4")]
    assert change.fields == [] and change.indicators == []


def test_a_reflowed_text_is_not_a_change():
    before = goal(text="Sygefraværet nedbringes\ntil 5 %.")
    assert compare([before], [goal(text="Sygefraværet  nedbringes til 5 %.")]).is_empty


def test_a_renumbered_goal_is_changed_not_removed_and_added():
    (change,) = compare([goal(7, 1)], [goal(7, 2)]).changed
    assert [(f.label, f.before, f.after) for f in change.fields] == [("Nummer", "1", "2")]


def test_a_changed_target_and_a_new_indicator_are_shown():
    onboarding = IndicatorSnapshot("onboarding@1", "Onboarding", "%")
    before = goal(indicators=(sick_leave("5"),))
    after = goal(indicators=(sick_leave("4,5"), onboarding))
    (change,) = compare([before], [after]).changed
    changed, added = change.indicators
    assert (changed.kind, [(c.label, c.before, c.after) for c in changed.changes]) == (
        "changed",
        [("Måltal 2026", "5", "4,5")],
    )
    assert (added.kind, added.name) == ("added", "Onboarding")


def test_a_removed_section_keeps_its_text_as_removed():
    before = goal(sections=(("baggrund", "Baggrund", "Fraværet er steget."),))
    (change,) = compare([before], [goal(sections=())]).changed
    assert change.sections[0].kind == "removed" and change.sections[0].chunks == [
        Chunk("delete", "Fraværet er steget.")
    ]


words = st.lists(st.sampled_from(["fravær", "mål", "5", "4,5", "%", "trivsel", "og", "."]), max_size=30)


@given(words, words)
def test_a_word_diff_rebuilds_both_texts(old, new):
    before, after = " ".join(old), " ".join(new)
    chunks = word_diff(before, after)
    assert "".join(c.text for c in chunks if c.op != "insert") == before
    assert "".join(c.text for c in chunks if c.op != "delete") == after


@given(words)
def test_a_text_compared_with_itself_is_one_kept_run(old):
    text = " ".join(old)
    assert all(c.op == "equal" for c in word_diff(text, text)) and same_words(text, text)

"""Requirements speak to people: a name, and what would meet them."""

from roedtraad.core.rules.catalogue import RequirementSpec, catalogue_name, default_requirements, name_from_text
from roedtraad.core.rules.hints import what_would_meet


def spec(slug: str) -> RequirementSpec:
    return next(s for s in default_requirements() if s.slug == slug)


def test_every_catalogue_requirement_has_a_name_that_is_not_its_slug():
    assert all(s.display_name and s.display_name != s.slug for s in default_requirements())
    assert catalogue_name("sygefravaer") == "Sygefravær" and catalogue_name("ukendt") == ""


def test_a_requirement_without_a_name_is_named_by_the_start_of_its_text():
    made = RequirementSpec("trivsel", "En beskrivelse af trivslen i hele enheden, fx med målinger.")
    assert made.display_name == "En beskrivelse af trivslen i hele…"
    assert name_from_text("Trivsel: målt hvert år.") == "Trivsel"


def test_a_sick_leave_hint_asks_for_a_target_number_and_activities():
    hint = what_would_meet(spec("sygefravaer"))
    assert "måltal" in hint and "aktiviteter" in hint and "Lokale mål for nedbringelse af sygefravær" in hint


def test_the_stop_doing_and_shared_goal_hints_say_where_to_write():
    assert "»Hold op med«" in what_would_meet(spec("holde-op-med"))
    assert "ansvar og rolle" in what_would_meet(spec("faelles-maal"))


def test_an_edited_rule_explains_itself_with_its_own_words():
    made = RequirementSpec("trivsel", "Trivslen beskrives.", {"terms": ["trivsel", "arbejdsglæde"], "min_sentences": 2})
    hint = what_would_meet(made)
    assert "«trivsel», «arbejdsglæde»" in hint and "mindst 2 sætninger" in hint

"""The red thread: from the council's policies and the DUS to the goals that serve them."""

from roedtraad.core.redthread import FocusAreaRef, GoalLinks, GoalRef, YearThread, red_thread

FEVER = GoalRef("Solsikken", 1, "Lavt sygefravær")
ONBOARD = GoalRef("Hjemmeplejen", 2, "God modtagelse")
LONELY = GoalRef("Nordskolen", 3, "Nye legepladser")


def year(*goals: GoalLinks) -> YearThread:
    return YearThread(
        policies=[(1, "Personalepolitikken", ["Fastholdelse"]), (2, "Erhvervspolitikken", [])],
        tracks=[(10, "Spor 1: Den røde tråd"), (11, "Spor 2: Ledelse")],
        focus_areas=[FocusAreaRef(20, "God modtagelse", 11), FocusAreaRef(21, "Velfærdsteknologi", 10)],
        budget_changes=[(30, "Budget 2026, forandring 31: Færre møder")],
        goals=list(goals),
    )


def test_a_goal_serving_a_focus_area_also_serves_its_track():
    thread = red_thread(year(GoalLinks(ONBOARD, focus_areas={20})))
    leadership = next(t for t in thread["tracks"] if t["name"].startswith("Spor 2"))
    assert leadership["goals"] == [ONBOARD.as_json()] and leadership["focus_areas"] == ["God modtagelse"]


def test_what_no_goal_serves_is_listed_and_a_goal_without_references_is_named():
    thread = red_thread(year(GoalLinks(FEVER, policies={1}, tracks={10}), GoalLinks(LONELY)))
    assert thread["unserved"] == {
        "policies": ["Erhvervspolitikken"],
        "tracks": ["Spor 2: Ledelse"],
        "focus_areas": ["God modtagelse", "Velfærdsteknologi"],
    }
    assert thread["goals_without_reference"] == [LONELY.as_json()]
    assert thread["policies"][0] == {
        "name": "Personalepolitikken",
        "tracks": ["Fastholdelse"],
        "goals": [FEVER.as_json()],
    }


def test_a_budget_change_lists_the_goals_that_carry_it_out():
    thread = red_thread(year(GoalLinks(FEVER, budget_changes={30})))
    assert thread["budget_changes"] == [{"name": "Budget 2026, forandring 31: Færre møder", "goals": [FEVER.as_json()]}]

"""Goal texts of the demo contracts, written for Rødtråd (invented, not from real documents).

Each theme returns a `GoalSpec` for a holder; texts are filled in per holder so that the
overlap check has similar goals to find and the requirement checks have evidence to quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class GoalSpec:
    title: str
    sections: dict[str, str]
    focus_area: str | None = None
    track: int = 2
    scope: str = "local"
    multi_year: bool = False
    partners: list[tuple[str, str]] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    sick_leave_target: tuple[float, float] | None = None  # (baseline, target)
    # The red thread: the council's policies (by name) and budget changes ((kind, number)) it serves.
    policies: tuple[str, ...] = ()
    budget_changes: tuple[tuple[str, int], ...] = ()


def _workplan(intro: str, basis: str, work_on: list[str], towards: list[str], partners: str, follow: str):
    def bullets(items: list[str]) -> str:
        return "\n".join(f"• {item}" for item in items)

    sections = {"baggrund_formaal": intro}
    if basis:
        sections["politisk_afsaet"] = basis
    sections |= {
        "arbejde_med": bullets(work_on),
        "arbejde_hen_imod": bullets(towards),
        "samarbejde_med": partners,
        "opfoelgning": follow,
    }
    return sections


def _sections(background, basis, goal, effect, timing, activities: list[str], follow):
    return {
        "baggrund_formaal": background,
        "politisk_afsaet": basis,
        "udviklingsmaal": goal,
        "virkning_borger": effect,
        "tidsperspektiv": timing,
        "aktiviteter": "\n".join(f"• {a}" for a in activities),
        "opfoelgning": follow,
    }


def sick_leave(holder: str, layout: str, year: int, baseline: float, target: float, with_number=True):
    number = f"fra {baseline:.1f} % til {target:.1f} % i {year}".replace(".", ",")
    goal_line = (
        f"Sygefraværet i {holder} nedbringes {number}."
        if with_number
        else f"Vi vil have fokus på sygefraværet i {holder}."
    )
    activities = [
        "Fraværssamtaler holdes efter kommunens retningslinje på 3., 7. og 14. fraværsdag",
        "Ledergruppen følger fraværet måned for måned i fraværsmodulet",
        "LMU drøfter hvert kvartal handleplanen for et sundt arbejdsmiljø",
    ]
    if layout == "workplan":
        sections = _workplan(
            f"Et lavt sygefravær giver mere tid til borgerne og et bedre arbejdsmiljø. {goal_line}",
            "Indsatsområdet Lavt sygefravær i direktionens udviklingsspor.",
            activities,
            [goal_line, "En kultur hvor vi taler åbent om trivsel og fravær"],
            "Medarbejdere, TRIO, LMU og personalekonsulenten.",
            "Fraværet følges månedligt i ledergruppen og hvert kvartal i LMU.",
        )
    else:
        sections = _sections(
            f"Sygefraværet i {holder} var de seneste 12 måneder {baseline:.1f} %.".replace(".", ",", 1),
            "Direktionens udviklingsspor, spor 2: God ledelse og en bæredygtig organisation.",
            goal_line,
            "Færre aflyste aftaler og mere kontinuitet for borgerne.",
            f"Målet gælder {year}.",
            activities,
            "Chefgruppen følger op på sygefraværet hver måned.",
        )
    return GoalSpec(
        title="Lavt sygefravær",
        policies=("Personalepolitik",),
        sections=sections,
        focus_area="Lavt sygefravær",
        activities=activities,
        sick_leave_target=(baseline, target) if with_number else None,
    )


def onboarding(holder: str, layout: str, year: int) -> GoalSpec:
    activities = [
        "Alle nye kolleger får et digitalt modtagelsesforløb i rekrutteringssystemet",
        "En fast makker de første tre måneder",
        "Opfølgende samtale efter tre måneder",
    ]
    text = f"Nye kolleger i {holder} skal have en god start, så de trives og bliver."
    if layout == "workplan":
        sections = _workplan(
            text,
            "",
            activities,
            ["At alle nye kolleger oplever en god modtagelse"],
            "Medarbejdere, TRIO og personalekonsulenten.",
            "Vi spørger nye kolleger efter tre måneder.",
        )
    else:
        sections = _sections(
            text,
            "Indsatsområdet God modtagelse i direktionens udviklingsspor.",
            "Alle nye kolleger tilbydes et modtagelsesforløb tilpasset deres job.",
            "Borgerne møder medarbejdere, der kender deres opgave fra første dag.",
            f"Målet gælder {year}.",
            activities,
            "Ledergruppen følger op hvert halve år.",
        )
    return GoalSpec(
        title="God modtagelse af nye kolleger",
        sections=sections,
        focus_area="God modtagelse",
        activities=activities,
        policies=("Personalepolitik",),
        budget_changes=(("track", 4),),
    )


def flexible_work(holder: str, layout: str, year: int) -> GoalSpec:
    activities = [
        "Prøvehandlinger med flere timer for deltidsansatte",
        "Deling af medarbejdere med naboenheder i spidsbelastninger",
    ]
    text = f"{holder} vil eksperimentere med fleksible arbejdsformer for at få flere hænder."
    if layout == "workplan":
        sections = _workplan(
            text,
            "",
            activities,
            ["At flere arbejder fuld tid"],
            "TRIO og LMU.",
            "Erfaringerne samles op i LMU efter hver prøvehandling.",
        )
    else:
        sections = _sections(
            text,
            "Indsatsområdet Fleksible arbejdsformer.",
            "Vi afprøver mindst to nye arbejdsformer.",
            "Mere kontinuitet for borgerne.",
            f"I løbet af {year}.",
            activities,
            "Prøvehandlingerne evalueres i ledergruppen.",
        )
    return GoalSpec(
        title="Fleksible arbejdsformer", sections=sections, focus_area="Fleksible arbejdsformer", activities=activities
    )


def leadership(holder: str, layout: str, year: int) -> GoalSpec:
    activities = ["Ledersparring i makkerpar hver måned", "Fælles temadag om ledelsesgrundlaget"]
    text = f"Ledelsen i {holder} udvikles med afsæt i det fælles ledelsesgrundlag: kurs, koordinering og commitment."
    if layout == "workplan":
        sections = _workplan(
            text,
            "",
            activities,
            ["Tydelig ledelse tæt på opgaven"],
            "Ledergruppen.",
            "Ledergruppen gør status hvert halve år.",
        )
    else:
        sections = _sections(
            text,
            "Spor 2: God ledelse og en bæredygtig organisation.",
            "Alle ledere arbejder med ledelsesgrundlaget.",
            "Borgerne møder en sammenhængende organisation.",
            "Flerårigt.",
            activities,
            "Fagchefen følger op i kontraktdialogen.",
        )
    return GoalSpec(
        title="Ledelse med afsæt i ledelsesgrundlaget",
        sections=sections,
        multi_year=True,
        activities=activities,
        policies=("Personalepolitik",),
    )


def welfare_technology(holder: str, layout: str, year: int) -> GoalSpec:
    activities = ["Afprøvning af skærmbesøg og digitale påmindelser", "Kortlægning af manuelle arbejdsgange"]
    text = f"{holder} vil udvikle opgaveløsningen med velfærdsteknologi og digitalisering."
    if layout == "workplan":
        sections = _workplan(
            text,
            "",
            activities,
            ["At teknologien frigiver tid til borgerne"],
            "Digitaliseringskonsulenterne.",
            "Gevinsterne måles efter et halvt år.",
        )
    else:
        sections = _sections(
            text,
            "Udvikling af opgaveløsningen i direktionens udviklingsspor.",
            "To arbejdsgange digitaliseres.",
            "Hurtigere svar til borgerne.",
            f"I løbet af {year}.",
            activities,
            "Status i ledergruppen hvert kvartal.",
        )
    return GoalSpec(
        title="Velfærdsteknologi og digitale arbejdsgange",
        policies=("Udviklingspolitik",),
        budget_changes=(("change", 12),),
        sections=sections,
        focus_area="Udvikling af opgaveløsningen",
        activities=activities,
        track=1,
    )


def shared(holder: str, partner: str, layout: str, title: str, purpose: str, role: str) -> GoalSpec:
    activities = [f"Fælles arbejdsgruppe med {partner}", "Fælles status to gange om året"]
    text = f"Målet er fælles for {holder} og {partner}. {purpose}"
    if layout == "workplan":
        sections = _workplan(
            text, "", activities, [purpose], f"{partner}.", f"Arbejdsgruppen følger op sammen med {partner}."
        )
    else:
        sections = _sections(
            text,
            "Spor 1: Den røde tråd fra politik til virkning for borgeren.",
            purpose,
            "Borgerne oplever et sammenhængende forløb.",
            "Flerårigt.",
            activities,
            f"Følges op i fællesskab med {partner}.",
        )
    return GoalSpec(
        title=title,
        sections=sections,
        scope="shared",
        partners=[(partner, role)],
        activities=activities,
        track=1,
        multi_year=True,
    )


def nutrition(holder: str, layout: str, year: int) -> GoalSpec:
    """A goal two units of one area write each on their own, not (yet) as a shared goal: the pair a
    head of area finds on the overlap list and may propose as one shared goal."""
    activities = ["Ernæringsscreening af nye borgere", "Måltidsværter i spisestuen og i hjemmet"]
    text = f"{holder} vil forebygge underernæring hos ældre borgere med screening, måltidsværter og appetitvækkere."
    if layout == "workplan":
        sections = _workplan(
            text,
            "",
            activities,
            ["Færre ældre borgere taber sig utilsigtet"],
            "Diætisterne.",
            "Vægten følges ved hver screening.",
        )
    else:
        sections = _sections(
            text,
            "Spor 1: Den røde tråd fra politik til virkning for borgeren.",
            "Alle nye ældre borgere ernæringsscreenes, og utilsigtet vægttab opdages inden for en måned.",
            "Ældre borgere bevarer kræfter og appetit og undgår indlæggelser for underernæring.",
            f"I løbet af {year}.",
            activities,
            "Diætisterne gør status hvert kvartal.",
        )
    return GoalSpec(
        title="Ernæring hos ældre borgere",
        sections=sections,
        activities=activities,
        track=1,
        policies=("Sundhedspolitik",),
    )

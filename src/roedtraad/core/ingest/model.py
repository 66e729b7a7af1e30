"""What the importer produces: plain dataclasses, no Django.

`SourceText` is what a source reader (txt, pdf, pdf form, docx) hands to the layout
parsers; `ParsedDocument` is what the parsers return and what the CLI prints as JSON and
the contracts app saves.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


class ImportError_(Exception):
    """Base of importer errors; the message is fit for a user and names the reason."""


class UnreadableDocument(ImportError_):
    """The file cannot be read as a contract document (empty, garbage, encrypted, corrupt,
    scanned without a text layer, too large, a zip bomb, …). `reason_da` is the Danish text
    shown in the web app."""

    def __init__(self, filename: str, reason: str, reason_da: str = ""):
        self.filename = filename
        self.reason = reason
        self.reason_da = reason_da or reason
        super().__init__(f"{filename}: {reason}")


@dataclass(frozen=True)
class Heading:
    """A span of `SourceText.text` that the source itself marks as a heading (DOCX styles,
    PDF outlines); `level` 1 is the highest."""

    start: int
    end: int
    level: int = 1


@dataclass
class SourceText:
    """A document's text as one string, like `pdftotext` output, plus what the source tells
    about its structure. A PDF form's fields are rendered into `text` as
    "\\t<field name>: <value>" lines, the same shape as a text dump of a form."""

    filename: str
    source_kind: str  # "txt" | "pdf" | "pdf_form" | "docx"
    text: str
    headings: list[Heading] = field(default_factory=list)
    form_fields: list[tuple[str, str]] | None = None
    pages: int | None = None
    # running headers and footers, kept out of `text` (a PDF's recurring page-edge lines, a Word
    # document's header and footer parts): where a document may name its holder and year
    running: list[str] = field(default_factory=list)
    # a document in Rødtråd's own template, already read by its structure (`own_template`)
    own: ParsedDocument | None = None


@dataclass
class Fragment:
    """A piece of source text with its character offsets into the (artefact-free) text."""

    text: str
    start: int
    end: int
    kind: str = ""  # for artefacts: "page_number", "footnote", "template_heading", …


@dataclass
class ParsedIndicator:
    text: str
    baseline: float | None
    target: float
    unit: str  # "%", "% ændring", "pct.-point", "antal", …
    scope: str  # the org unit the target applies to
    year: int | None  # None for "på sigt" (long term)
    direction: str = ""  # "down" (lower is better) | "up"
    relative: bool = False  # a change against the baseline ("nedbringes med 10 %")
    long_term: bool = False  # "på sigt": no year
    baseline_period: str = ""  # "oktober 2021-september 2022", "de seneste 12 måneder"
    aggregation: str | None = None  # "rolling_12m" where the figure is over the last 12 months
    name: str = ""  # the measure's name where the document gives one (Rødtråd's own template)


@dataclass
class ParsedActivity:
    text: str
    due: str | None = None  # YYYY-MM-DD
    owner: str | None = None


@dataclass
class ParsedPartner:
    name: str
    role: str = ""  # the partner's responsibility in the goal, from the text or the preview


@dataclass
class ParsedResponsible:
    name: str
    title: str = ""  # "Centerchef"
    role: str = ""  # "ansvarlig for opfølgning på udviklingsmålet"


@dataclass
class ParsedReference:
    kind: str  # "policy" | "track" | "focus_area" | "budget_change"
    name: str  # "Socialpolitik", "2" (a track's number), "31 (Budget 2023-2026)"
    text: str = ""  # the sentence that names it


@dataclass
class ParsedFollowUp:
    text: str
    forum: str = ""
    rhythm: str | None = None  # "monthly" | "quarterly" | "half_yearly" | "yearly"
    dates: list[str] = field(default_factory=list)  # YYYY-MM-DD in the contract's year


@dataclass
class ParsedGoal:
    number: int
    title: str
    sections: dict[str, str] = field(default_factory=dict)  # canonical key -> text
    shared_with: list[str] = field(default_factory=list)
    indicators: list[ParsedIndicator] = field(default_factory=list)
    # sentences of the goal's statement that promise a figure the importer could not read
    unread_targets: list[str] = field(default_factory=list)
    activities: list[ParsedActivity] = field(default_factory=list)
    follow_ups: list[ParsedFollowUp] = field(default_factory=list)
    partners: list[ParsedPartner] = field(default_factory=list)  # shared_with, each with its role
    responsible: list[ParsedResponsible] = field(default_factory=list)  # people, personal data
    references: list[ParsedReference] = field(default_factory=list)  # the red thread
    multi_year: bool = False
    scope: str = "local"  # "local" | "shared" | "cross_cutting"
    start: int = 0  # offsets of the whole goal in the text
    end: int = 0


@dataclass
class ParsedDocument:
    file: str
    kind: str  # "kontrakt" | "aftale" | "dus"
    layout: str  # "sections" | "workplan" | "form" | "framework" | "unknown"
    holder: str
    year: int | None
    goals: list[ParsedGoal] = field(default_factory=list)
    stop_doing: list[str] = field(default_factory=list)
    # the goals a proposal gives room for, where the document lists them beside it (own template)
    stop_doing_goals: dict[str, list[int]] = field(default_factory=dict)
    requirements: list[str] = field(default_factory=list)
    tracks: list[str] = field(default_factory=list)
    focus_areas: list[str] = field(default_factory=list)
    introduction: str = ""
    unassigned: list[Fragment] = field(default_factory=list)
    artefacts: list[Fragment] = field(default_factory=list)  # removed page artefacts, reported
    coverage: float = 0.0
    text: str = ""  # the artefact-free text all offsets refer to

    def as_json(self) -> dict:
        """The shape `roedtraad import --dry-run --json` prints for one document."""
        from .questions import questions_for

        data = asdict(self)
        data.pop("text")
        data["questions"] = questions_for(self)
        return data

"""A contract exported as Word imports back into the same contract: the same goals, sections,
indicators with their targets, partners, activities and stop-doing proposals. The importer
knows its own template (`core.ingest.own_template`) and reads it by its structure."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from django.contrib.auth import get_user_model

from roedtraad.contracts import workflow
from roedtraad.contracts.compare import goal_snapshots
from roedtraad.contracts.importing import save_parsed_document
from roedtraad.contracts.models import Contract, ContractStatus
from roedtraad.core.ingest.api import import_bytes, import_path
from roedtraad.demo.build import build
from roedtraad.reports.contract_document import contract_docx_bytes

pytestmark = pytest.mark.django_db

CORPUS_CONTRACTS = ("000", "001", "003", "004")


def _words(text: str) -> str:
    """A section's text as read: a list item's bullet is Word's list style, and the space between
    paragraphs is the page's, so both are left out of the comparison."""
    lines = [re.sub(r"^[•\-–*]\s+", "• ", line.strip()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _content(contract: Contract) -> dict:
    goals = []
    for goal in goal_snapshots(contract, None):
        sections = tuple((key, heading, _words(text)) for key, heading, text in goal.sections)
        goals.append(replace(goal, pk=None, lineage=0, sections=sections))
    live = contract.live_goals()
    return {
        "holder": contract.holder_id,
        "layout": contract.layout,
        "kind": contract.kind,
        "goals": goals,
        "multi_year": sorted(live.filter(multi_year=True).values_list("number", flat=True)),
        "roles": sorted(live.values_list("partners__role", flat=True).exclude(partners__role=None)),
        "activities": sorted(
            live.values_list("number", "activities__text", "activities__due_date").exclude(activities=None)
        ),
        "stop_doing": sorted(
            (item.text, tuple(sorted(g.number for g in item.goals.all())))
            for item in contract.stop_doing_items.prefetch_related("goals")
        ),
    }


def _draft_of(contract: Contract, director) -> Contract:
    """A draft to import into: a new revision of an entered contract, a submitted one sent back."""
    if contract.status == ContractStatus.ENTERED:
        return workflow.start_revision(contract, director)
    if contract.status == ContractStatus.SUBMITTED:
        return workflow.request_changes(contract, director, "Eksporteres og importeres igen.")
    return contract


def _exported(contract: Contract):
    data = contract_docx_bytes(contract)
    document = import_bytes(f"{contract.holder.name}.docx", data, contained=False)
    assert document.layout in {"sections", "workplan"} and document.coverage == 1.0
    return document


def _import_into_same(contract: Contract, user=None) -> Contract:
    again = save_parsed_document(_exported(contract), user=user, holder=contract.holder)
    assert again.pk == contract.pk, "the import went into the same contract"
    return again


def _import_as_new(contract: Contract) -> Contract:
    """The exported document saved as a contract of its own (the holder's, some years on), so
    that everything in it comes from the document and nothing from the contract it was made of."""
    document = _exported(contract)
    document.year = contract.year + 10
    new = save_parsed_document(document, holder=contract.holder)
    assert new.pk != contract.pk
    return new


def test_every_demo_contract_exported_as_word_reads_back_as_the_same_contract():
    build()
    contracts = [c for c in Contract.objects.order_by("pk") if not hasattr(c, "next_revision")]
    assert len(contracts) >= 12
    for contract in contracts:
        before = _content(contract)
        assert any(goal.indicators for goal in before["goals"]), contract
        assert _content(_import_as_new(contract)) == before, contract.holder.name


def test_importing_an_exported_contract_over_its_draft_changes_nothing():
    build()
    director = get_user_model().objects.get(username="direktoer")
    for contract in [c for c in Contract.objects.order_by("pk") if not hasattr(c, "next_revision")]:
        draft = _draft_of(contract, director)
        before = _content(draft)
        assert _content(_import_into_same(draft, director)) == before, contract.holder.name


@pytest.mark.parametrize("number", CORPUS_CONTRACTS)
def test_an_imported_corpus_contract_survives_export_and_import_again(corpus_dir, number):
    path = next(corpus_dir.glob(f"{number}_*.txt"))
    contract = save_parsed_document(import_path(path))
    before = _content(contract)
    assert before["goals"], path.name
    assert _content(_import_as_new(contract)) == before
    assert _content(_import_into_same(contract)) == before


def test_a_section_a_person_retitled_in_word_keeps_its_place(tmp_path):
    """The section's key is a bookmark on its heading: a new heading text does not move it."""
    from docx import Document

    build()
    contract = Contract.objects.filter(status=ContractStatus.DRAFT).first()
    data = contract_docx_bytes(contract)
    (tmp_path / "k.docx").write_bytes(data)
    word = Document(str(tmp_path / "k.docx"))
    heading = next(p for p in word.paragraphs if p.style.name == "Heading 2" and p.text == "Baggrund og formål")
    heading.runs[0].text = "Hvorfor vi gør det"
    word.save(str(tmp_path / "k.docx"))
    document = import_path(tmp_path / "k.docx")
    assert "baggrund_formaal" in document.goals[0].sections
    assert not document.unassigned

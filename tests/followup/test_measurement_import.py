"""Measurements come from the exports that exist: `roedtraad measurements import FILE`."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from tests.factories import org_tree

from roedtraad.followup.measurement_files import FileRefused, plan_file
from roedtraad.followup.measurement_import import save_plan
from roedtraad.followup.models import Aggregation, Indicator, Measurement
from roedtraad.org.models import OrgUnitAlias, UserRole

pytestmark = pytest.mark.django_db

MONTHLY = (
    "Sygefravær – udtræk fra fraværsmodulet\n"
    "\n"
    "Enhed;Nøgletal;Måned;Fravær %\n"
    "Plejehjemmet Solsikken;Sygefravær, seneste 12 mdr.;jan. 26;8,22 %\n"
    "Plejehjemmet Solsikken;Sygefravær, seneste 12 mdr.;feb. 26;8,10 %\n"
    "Hjemmeplejen Øst;Sygefravær, seneste 12 mdr.;jan. 26;6,5 %\n"
    "Hjemmeplejen Øst;Sygefravær, seneste 12 mdr.;februar 2026;ikke et tal\n"
)


def _indicator(unit, aggregation=Aggregation.ROLLING_12_MONTHS) -> Indicator:
    return Indicator.objects.create(
        key="sygefravaer", name="Sygefravær", org_unit=unit, aggregation=aggregation, valid_from=dt.date(2025, 1, 1)
    )


def _run(tmp_path, text: str, *args: str, encoding="utf-8") -> dict:
    path = tmp_path / "fravaer.csv"
    path.write_bytes(text.encode(encoding))
    out = StringIO()
    call_command("measurements", "import", str(path), "--json", *args, stdout=out)
    return json.loads(out.getvalue())["files"][0]


def test_one_file_feeds_the_sick_leave_indicators_of_every_unit_it_names_and_reports_the_bad_row(tmp_path):
    tree = org_tree()
    own, other = _indicator(tree["holder"]), _indicator(tree["other"])
    result = _run(tmp_path, MONTHLY)
    assert result["created"] == 3
    assert [(r["line"], r["reason"]) for r in result["rejected"]] == [(7, "Værdien «ikke et tal» er ikke et tal.")]
    values = {(m.indicator_id, m.period): m.value for m in Measurement.objects.all()}
    assert values[(own.pk, dt.date(2026, 1, 1))] == Decimal("8.2200")
    assert values[(other.pk, dt.date(2026, 1, 1))] == Decimal("6.5000")


def test_the_same_file_again_changes_nothing_and_a_corrected_value_keeps_the_old_in_history(tmp_path):
    tree = org_tree()
    indicator = _indicator(tree["holder"])
    _indicator(tree["other"])
    _run(tmp_path, MONTHLY)
    again = _run(tmp_path, MONTHLY)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)
    corrected = _run(tmp_path, MONTHLY.replace("8,22 %", "8,30 %"))
    assert (corrected["created"], corrected["updated"]) == (0, 1)
    january = Measurement.objects.get(indicator=indicator, period=dt.date(2026, 1, 1))
    assert january.value == Decimal("8.3000")
    assert [h.value for h in january.history.order_by("history_date")] == [Decimal("8.2200"), Decimal("8.3000")]


def test_a_dry_run_writes_nothing(tmp_path):
    tree = org_tree()
    _indicator(tree["holder"])
    result = _run(tmp_path, MONTHLY, "--dry-run")
    assert result["created"] == 2 and not Measurement.objects.exists()


def test_a_unit_rodtraad_does_not_know_is_reported_and_can_be_mapped_and_remembered(tmp_path):
    tree = org_tree()
    _indicator(tree["holder"])
    text = MONTHLY.replace("Plejehjemmet Solsikken", "PH Solsikken (1234)")
    assert _run(tmp_path, text, "--dry-run")["unknown_units"] == ["PH Solsikken (1234)"]
    result = _run(tmp_path, text, "--unit", "PH Solsikken (1234)=Plejehjemmet Solsikken")
    assert result["created"] == 2
    assert OrgUnitAlias.objects.filter(alias="PH Solsikken (1234)", unit=tree["holder"]).exists()


def test_monthly_values_of_a_rolling_indicator_become_the_weighted_rolling_figure(tmp_path):
    tree = org_tree()
    indicator = _indicator(tree["holder"])
    # 12 months: absence days 10 of 100 possible in January, then 30 of 150 each month.
    lines = ["Enhed;Periode;Fraværsdage;Mulige dage"]
    lines.append("Plejehjemmet Solsikken;2025-01;10;100")
    lines += [f"Plejehjemmet Solsikken;2025-{m:02d};30;150" for m in range(2, 13)]
    result = _run(tmp_path, "\n".join(lines) + "\n", "--key", "sygefravaer")
    assert result["created"] == 1
    december = Measurement.objects.get(indicator=indicator)
    # (10 + 11*30) / (100 + 11*150) * 100 = 340 / 1750 * 100 = 19.4286; the mean of the monthly
    # percentages would be (10 + 11*20) / 12 = 19.1667.
    assert december.period == dt.date(2025, 12, 1)
    assert december.value == Decimal("19.4286") and not december.approximate


def test_a_file_with_a_cpr_column_is_refused_with_the_reason(tmp_path):
    tree = org_tree()
    _indicator(tree["holder"])
    text = "CPR-nr.;Enhed;Måned;Fravær %\n010190-1234;Plejehjemmet Solsikken;jan. 26;8,2\n"
    with pytest.raises(FileRefused, match="enkelte medarbejdere"):
        plan_file(text.encode(), "personer.csv")
    assert not Measurement.objects.exists()


def test_a_holder_cannot_import_another_holders_figures():
    tree = org_tree()
    _indicator(tree["holder"])
    _indicator(tree["other"])
    user = get_user_model().objects.create_user("holder")
    UserRole.objects.create(user=user, role="holder", unit=tree["holder"])
    plan = plan_file(MONTHLY.encode(), "fravaer.csv", user=user)
    assert {v.indicator.org_unit.name for v in plan.values} == {"Plejehjemmet Solsikken"}
    assert any("Du kan ikke indlæse tal for «Hjemmeplejen Øst»" in r.reason for r in plan.rejected)
    assert save_plan(plan, source="test")["created"] == 2


def test_a_windows_export_in_cp1252_is_read(tmp_path):
    tree = org_tree()
    _indicator(tree["other"])
    result = _run(tmp_path, MONTHLY, encoding="cp1252")
    assert result["created"] == 1


def test_the_history_of_an_imported_measurement_names_the_importing_user_and_one_time_per_file():
    tree = org_tree()
    indicator = _indicator(tree["holder"])
    _indicator(tree["other"])
    user = get_user_model().objects.create_user("importer")
    assert save_plan(plan_file(MONTHLY.encode(), "fravaer.csv"), source="Fil: fravaer.csv", user=user)["created"] == 3
    created = list(Measurement.history.all())
    assert {(h.history_type, h.history_user_id, h.source) for h in created} == {("+", user.pk, "Fil: fravaer.csv")}
    assert len({h.history_date for h in created}) == 1
    assert {h.id for h in created} == set(Measurement.objects.values_list("pk", flat=True))

    corrected = plan_file(MONTHLY.replace("8,22 %", "8,30 %").encode(), "fravaer.csv")
    assert save_plan(corrected, source="Fil: rettet.csv", user=user) == {"created": 0, "updated": 1, "unchanged": 2}
    january = Measurement.objects.get(indicator=indicator, period=dt.date(2026, 1, 1))
    history = list(january.history.order_by("history_date"))
    assert [(h.history_type, h.value, h.source, h.history_user) for h in history] == [
        ("+", Decimal("8.2200"), "Fil: fravaer.csv", user),
        ("~", Decimal("8.3000"), "Fil: rettet.csv", user),
    ]
    assert january.imported_at == history[-1].history_date
    assert Measurement.history.count() == 4  # the unchanged values got no new history


def test_without_a_user_the_history_names_nobody():
    tree = org_tree()
    _indicator(tree["holder"])
    save_plan(plan_file(MONTHLY.encode(), "fravaer.csv"), source="test")
    assert set(Measurement.history.values_list("history_user_id", flat=True)) == {None}


def test_a_value_saved_by_someone_else_while_the_file_is_saved_refuses_the_whole_file(monkeypatch):
    from roedtraad.followup import measurement_import

    tree = org_tree()
    indicator = _indicator(tree["holder"])
    plan = plan_file(MONTHLY.encode(), "fravaer.csv")
    lock = measurement_import._Writer.lock

    def meanwhile(writer, pks):  # after the plan was checked again inside the transaction
        lock(writer, pks)
        Measurement.objects.create(indicator=indicator, period=dt.date(2026, 2, 1), value=Decimal("9"))

    monkeypatch.setattr(measurement_import._Writer, "lock", meanwhile)
    with pytest.raises(measurement_import.MeasurementsRefused, match="ændret imens"):
        save_plan(plan, source="test")
    assert not Measurement.objects.exists() and not Measurement.history.exists()


def test_another_files_row_written_in_the_same_microsecond_refuses_the_file_rather_than_misfile_its_history(
    monkeypatch,
):
    from django.utils import timezone

    from roedtraad.followup import measurement_import

    tree = org_tree()
    indicator = _indicator(tree["holder"])
    plan = plan_file(MONTHLY.encode(), "fravaer.csv")
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    lock = measurement_import._Writer.lock

    def meanwhile(writer, pks):
        lock(writer, pks)
        Measurement.objects.create(indicator=indicator, period=dt.date(2025, 6, 1), value=Decimal("9"))

    monkeypatch.setattr(measurement_import._Writer, "lock", meanwhile)
    with pytest.raises(measurement_import.MeasurementsRefused):
        save_plan(plan, source="test")
    assert not Measurement.objects.exists()


def test_files_of_more_indicators_and_periods_than_one_query_takes_are_read_and_written_in_parts(monkeypatch):
    from roedtraad.followup import measurement_import

    monkeypatch.setattr(measurement_import, "_CHUNK", 1)  # one indicator id per IN (...)
    monkeypatch.setattr(measurement_import, "_PERIODS", 1)  # the periods by their range
    tree = org_tree()
    _indicator(tree["holder"])
    _indicator(tree["other"])
    first = save_plan(plan_file(MONTHLY.encode(), "fravaer.csv"), source="test")
    again = save_plan(plan_file(MONTHLY.encode(), "fravaer.csv"), source="test")
    corrected = plan_file(MONTHLY.replace("8,10 %", "8,15 %").replace("6,5 %", "6,6 %").encode(), "fravaer.csv")
    assert [first, again, save_plan(corrected, source="test")] == [
        {"created": 3, "updated": 0, "unchanged": 0},
        {"created": 0, "updated": 0, "unchanged": 3},
        {"created": 0, "updated": 2, "unchanged": 1},
    ]
    assert sorted(Measurement.history.values_list("history_type", flat=True)) == ["+", "+", "+", "~", "~"]
    assert sorted(Measurement.objects.values_list("value", flat=True)) == [
        Decimal("6.6"),
        Decimal("8.15"),
        Decimal("8.22"),
    ]


def _long_file(months: int) -> str:
    """A monthly sick-leave file of one unit over `months` months from January 2025."""
    lines = ["Enhed;Nøgletal;Måned;Fravær %"]
    for index in range(months):
        period = f"{2025 + index // 12}-{index % 12 + 1:02d}"
        lines.append(
            f"Plejehjemmet Solsikken;Sygefravær, seneste 12 mdr.;{period};{5 + index / 100:.2f}".replace(".", ",")
        )
    return "\n".join(lines) + "\n"


def test_a_file_longer_than_one_statement_takes_is_inserted_whole_with_a_history_row_each():
    # SQLite inserts as many rows per statement as its 999 parameters allow (111 of 9 columns):
    # 250 rows are two full statements and a remainder of 28.
    indicator = _indicator(org_tree()["holder"])
    counts = save_plan(plan_file(_long_file(250).encode(), "lang.csv"), source="test")
    assert counts == {"created": 250, "updated": 0, "unchanged": 0}
    stored = list(Measurement.objects.filter(indicator=indicator).order_by("period").values_list("period", "value"))
    assert len(stored) == 250
    assert stored[0] == (dt.date(2025, 1, 1), Decimal("5.0000"))
    assert stored[-1] == (dt.date(2045, 10, 1), Decimal("7.4900"))
    assert Measurement.history.filter(history_type="+").count() == 250


def test_importing_a_file_compares_it_once_and_reports_what_it_saved():
    from roedtraad.followup.measurement_files import import_file

    _indicator(org_tree()["holder"])
    first = import_file(_long_file(14).encode(), "fravaer.csv", source="test")
    corrected = _long_file(14).replace("5,13", "5,31")
    again = import_file(corrected.encode(), "fravaer.csv", source="test")
    assert (first.count("create"), first.count("unchanged")) == (14, 0)
    assert (again.count("create"), again.count("update"), again.count("unchanged")) == (0, 1, 13)
    assert Measurement.objects.get(period=dt.date(2026, 2, 1)).value == Decimal("5.3100")

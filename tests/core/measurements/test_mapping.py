"""Which column holds which field, guessed from the headers or given on the command line."""

from __future__ import annotations

import pytest

from roedtraad.core.measurements.mapping import (
    FIELDS,
    MappingError,
    guess_mapping,
    merge_mapping,
    missing_fields,
    parse_overrides,
)


def test_a_plain_targit_header_is_mapped():
    assert guess_mapping(["Enhed", "Periode", "Værdi"]) == {"unit": 0, "period": 1, "value": 2}


def test_an_absence_export_with_days_and_headcount_is_mapped():
    headers = ["Afdeling", "Måned", "Fravær %", "Fraværsdage", "Mulige dagsværk", "Antal medarbejdere"]
    assert guess_mapping(headers) == {
        "unit": 0,
        "period": 1,
        "value": 2,
        "numerator": 3,
        "denominator": 4,
        "headcount": 5,
    }


def test_fravaer_percent_is_the_value_and_fravaersdage_the_numerator():
    assert guess_mapping(["Fraværsdage", "Fravær %"]) == {"value": 1, "numerator": 0}


def test_noegletal_vaerdi_is_the_value_and_noegletal_the_key_figure():
    headers = ["Org. enhed", "Nøgletal", "Nøgletal værdi", "Md."]
    assert guess_mapping(headers) == {"unit": 0, "period": 3, "value": 2, "key_figure": 1}


def test_headers_match_without_case_or_danish_letters():
    assert guess_mapping(["ENHED", "maaned", "Vaerdi"]) == {"unit": 0, "period": 1, "value": 2}
    assert guess_mapping(["Omrade", "AAR", "sygefravaer %"]) == {"unit": 0, "period": 1, "value": 2}


def test_a_header_that_holds_a_field_name_among_other_words_is_mapped():
    headers = ["Arbejdssted", "Dato", "Sygefravær i % (seneste 12 mdr.)", "Antal årsværk i alt"]
    assert guess_mapping(headers) == {"unit": 0, "period": 1, "value": 2, "headcount": 3}


def test_each_column_is_used_once_and_the_first_of_two_candidates_wins():
    assert guess_mapping(["Enhed", "Afdeling", "Værdi"]) == {"unit": 0, "value": 2}


def test_month_columns_of_a_wide_table_are_not_fields():
    assert guess_mapping(["Enhedsnavn", "jan. 23", "feb. 23"]) == {"unit": 0}


def test_overrides_take_header_names_or_column_numbers():
    headers = ["Navn", "Tidspunkt", "Tal"]
    assert parse_overrides(["Navn=unit", "2=period", "tal=værdi"], headers) == {"unit": 0, "period": 1, "value": 2}


def test_an_unknown_field_lists_the_valid_ones_in_danish():
    with pytest.raises(MappingError) as error:
        parse_overrides(["Navn=afdeling"], ["Navn", "Tal"])
    assert "Feltet «afdeling» findes ikke" in str(error.value)
    for field in FIELDS:
        assert field in str(error.value)


def test_an_unknown_column_names_the_columns_there_are():
    with pytest.raises(MappingError, match="Kolonnen «Enhed» findes ikke.*«Navn», «Tal»"):
        parse_overrides(["Enhed=unit"], ["Navn", "Tal"])
    with pytest.raises(MappingError, match="findes ikke"):
        parse_overrides(["3=unit"], ["Navn", "Tal"])


def test_an_override_without_an_equals_sign_is_an_error():
    with pytest.raises(MappingError, match="kolonne=felt"):
        parse_overrides(["unit"], ["Navn"])


def test_a_column_given_two_fields_is_an_error():
    with pytest.raises(MappingError, match="to felter"):
        parse_overrides(["1=unit", "1=value"], ["Navn", "Tal"])


def test_overrides_replace_the_guess_for_their_fields_and_columns():
    guessed = {"unit": 0, "period": 1, "value": 2}
    assert merge_mapping(guessed, {"unit": 3, "key_figure": 0}) == {"unit": 3, "period": 1, "value": 2, "key_figure": 0}


def test_unit_period_and_value_are_required_in_a_long_table():
    assert missing_fields({}, wide=False) == ["unit", "period", "value"]
    assert missing_fields({"unit": 0, "period": 1, "value": 2}, wide=False) == []


def test_a_value_may_be_computed_from_numerator_and_denominator():
    assert missing_fields({"unit": 0, "period": 1, "numerator": 2, "denominator": 3}, wide=False) == []
    assert missing_fields({"unit": 0, "period": 1, "numerator": 2}, wide=False) == ["value"]


def test_a_wide_table_needs_only_its_unit_column():
    assert missing_fields({"unit": 0}, wide=True) == []
    assert missing_fields({}, wide=True) == ["unit"]

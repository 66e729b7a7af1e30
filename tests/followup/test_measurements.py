import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from tests.factories import org_tree

from roedtraad.followup.models import Indicator, Measurement

pytestmark = pytest.mark.django_db


def sick_leave_indicator(unit, valid_to=dt.date(2026, 12, 1)):
    return Indicator.objects.create(
        key="sygefravaer", name="Sygefravær", org_unit=unit, valid_from=dt.date(2025, 1, 1), valid_to=valid_to
    )


def test_a_measurement_inside_the_indicators_range_is_saved():
    indicator = sick_leave_indicator(org_tree()["holder"])
    Measurement.objects.create(indicator=indicator, period=dt.date(2025, 6, 1), value=Decimal("5.4"))
    assert indicator.measurements.count() == 1


@pytest.mark.parametrize("period", [dt.date(2024, 12, 1), dt.date(2027, 1, 1)])
def test_a_measurement_outside_the_indicators_range_is_refused(period):
    indicator = sick_leave_indicator(org_tree()["holder"])
    with pytest.raises(ValidationError) as error:
        Measurement.objects.create(indicator=indicator, period=period, value=Decimal("5.4"))
    assert "uden for" in str(error.value)
    assert not indicator.measurements.exists()


def test_an_open_ended_indicator_takes_measurements_from_its_start_on():
    indicator = sick_leave_indicator(org_tree()["holder"], valid_to=None)
    Measurement.objects.create(indicator=indicator, period=dt.date(2031, 3, 1), value=Decimal("4.0"))
    assert indicator.measurements.count() == 1

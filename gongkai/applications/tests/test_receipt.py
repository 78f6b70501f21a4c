"""收到申请之日 per channel (条例第三十一条, spec §1.4, §7.5 example N)."""

from datetime import UTC, datetime
from datetime import date as D

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.choices import Channel
from gongkai.applications.receipt import received_on

pytestmark = pytest.mark.django_db

# Sat 2026-10-03 inside the National Day holiday (Oct 1–7), in Beijing time.
LODGED = datetime(2026, 10, 3, 2, 0, tzinfo=UTC)


def field_error(excinfo) -> tuple[str, str]:
    ((field, messages),) = excinfo.value.message_dict.items()
    return field, messages[0]


@pytest.mark.parametrize("channel", [Channel.IN_PERSON, Channel.ORAL])
def test_handed_in_counts_from_the_day_of_submission(channel):
    assert received_on(channel, datetime(2026, 9, 25, 8, 0, tzinfo=UTC)) == D(
        2026, 9, 25
    )


def test_submission_date_is_the_local_date():
    # 16:30 UTC is 00:30 the next day in Asia/Shanghai.
    late = datetime(2026, 9, 24, 16, 30, tzinfo=UTC)
    assert received_on(Channel.IN_PERSON, late) == D(2026, 9, 25)
    assert received_on(Channel.IN_PERSON, D(2026, 9, 24)) == D(2026, 9, 24)
    with pytest.raises(ValueError):
        received_on(Channel.IN_PERSON, datetime(2026, 9, 24, 12, 0))


def test_registered_post_counts_from_signing_for_it():
    assert received_on(
        Channel.REGISTERED_POST, D(2026, 9, 28), signed_for_on=D(2026, 9, 30)
    ) == D(2026, 9, 30)
    # The statutory date stands even on a rest day (the organ signed that day).
    assert received_on(
        Channel.REGISTERED_POST, D(2026, 9, 28), signed_for_on=D(2026, 10, 3)
    ) == D(2026, 10, 3)


def test_registered_post_without_signing_date():
    with pytest.raises(ValidationError) as excinfo:
        received_on(Channel.REGISTERED_POST, D(2026, 9, 28))
    field, message = field_error(excinfo)
    assert field == "signed_for_on"
    assert "签收日期" in message


@pytest.mark.parametrize(
    "channel", [Channel.ONLINE, Channel.FAX, Channel.EMAIL, Channel.ORDINARY_POST]
)
def test_confirmation_channels(channel):
    # Spec §7.5 example N: lodged on a holiday, confirmed on the first WD.
    assert received_on(channel, LODGED, confirmed_on=D(2026, 10, 8)) == D(2026, 10, 8)
    with pytest.raises(ValidationError) as excinfo:
        received_on(channel, LODGED)
    field, message = field_error(excinfo)
    assert field == "confirmed_on"
    assert "确认" in message


def test_confirmation_before_lodging_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        received_on(Channel.ONLINE, LODGED, confirmed_on=D(2026, 10, 2))
    assert field_error(excinfo) == ("confirmed_on", "该日期不能早于申请提交日期。")


def test_confirmation_recorded_on_a_rest_day_counts_from_the_next_working_day(
    settings,
):
    assert received_on(Channel.ONLINE, LODGED, confirmed_on=D(2026, 10, 4)) == D(
        2026, 10, 8
    )
    # Sat 10-10 is a 调休 working day: it stays.
    assert received_on(Channel.EMAIL, LODGED, confirmed_on=D(2026, 10, 10)) == D(
        2026, 10, 10
    )
    settings.GONGKAI_APPLICATIONS = {
        **settings.GONGKAI_APPLICATIONS,
        "confirmation_on_rest_day_rolls": False,
    }
    assert received_on(Channel.ONLINE, LODGED, confirmed_on=D(2026, 10, 4)) == D(
        2026, 10, 4
    )


def test_unknown_channel():
    with pytest.raises(ValueError):
        received_on("carrier_pigeon", LODGED)

"""The date an application counts as received (收到申请之日), per channel.

条例第三十一条 [V]: in person — the day it is handed in; post needing a
signature — the day the organ signs for it; ordinary letter — the day the
office confirms it with the applicant (207号: if the applicant cannot be
reached, the day contact is made); internet channel or the office's fax — the
day both parties confirm. E-mail is an internet channel under the 2019 text.

Pure apart from the work calendar (a confirmation recorded on a rest day).
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.core.workdays import add_working_days, is_working_day

from .choices import Channel

StrOrPromise = str | Promise

# Channels whose receipt date is the day the office confirms with the applicant.
CONFIRMED_CHANNELS = frozenset(
    {Channel.ONLINE, Channel.FAX, Channel.EMAIL, Channel.ORDINARY_POST}
)
# Channels where the application is in the office's hands when lodged.
HANDED_IN_CHANNELS = frozenset({Channel.IN_PERSON, Channel.ORAL})


def lodged_on(lodged_at: datetime | date) -> date:
    """The local (Asia/Shanghai) date of the applicant's submission."""
    if isinstance(lodged_at, datetime):
        if timezone.is_naive(lodged_at):
            raise ValueError("lodged_at must be timezone-aware")
        return timezone.localdate(lodged_at)
    return lodged_at


def _required(
    field: str, value: date | None, lodged: date, message: StrOrPromise
) -> date:
    if value is None:
        raise ValidationError({field: message})
    if value < lodged:
        raise ValidationError({field: _("该日期不能早于申请提交日期。")})
    return value


def _first_working_day_from(day: date) -> date:
    # A confirmation is a working act of the office: one recorded on a rest
    # day counts from the next working day, as in spec §7.5 example N [M].
    if not settings.GONGKAI_APPLICATIONS["confirmation_on_rest_day_rolls"]:
        return day
    if is_working_day(day):
        return day
    return add_working_days(day, 1).date


def received_on(
    channel: str,
    lodged_at: datetime | date,
    signed_for_on: date | None = None,
    confirmed_on: date | None = None,
) -> date:
    """收到申请之日 for `channel`; ValidationError (keyed by field) if a date is missing.

    May raise CalendarYearMissing when a confirmation on an unknown year's
    day has to be moved to a working day (never guessed).
    """
    channel = Channel(channel)
    lodged = lodged_on(lodged_at)
    if channel in HANDED_IN_CHANNELS:
        return lodged
    if channel == Channel.REGISTERED_POST:
        return _required(
            "signed_for_on", signed_for_on, lodged, _("邮寄申请需填写本机关签收日期。")
        )
    message = (
        _("平常信函需填写与申请人确认收到申请的日期。")
        if channel == Channel.ORDINARY_POST
        else _("需填写本机关与申请人双方确认申请的日期。")
    )
    confirmed = _required("confirmed_on", confirmed_on, lodged, message)
    return _first_working_day_from(confirmed)

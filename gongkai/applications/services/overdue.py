"""Closing cases whose correction or fee deadline passed (run by the worker)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from gongkai.core.errors import DomainError

from ..models import Application, ApplicationStatus
from .corrections import correction_expire
from .fees import fee_expire

logger = logging.getLogger(__name__)


def applications_close_overdue(*, today: date) -> int:
    """Close every correction past its deadline (其他处理-1) and every fee
    unpaid past its payment date (其他处理-2); returns how many were closed.

    One transaction per case: one case that cannot be closed (logged) never
    keeps the others open.
    """
    closed = 0
    corrections = Application.objects.filter(
        status=ApplicationStatus.CORRECTION_REQUESTED,
        correction_notice__deadline__lt=today,
        correction_notice__corrected_on__isnull=True,
    )
    fees = Application.objects.filter(
        status=ApplicationStatus.AWAITING_FEE,
        fee__payment_due_on__lt=today,
        fee__paid_on__isnull=True,
    )
    for application in corrections:
        closed += _close(correction_expire, application, today)
    for application in fees:
        closed += _close(fee_expire, application, today)
    return closed


Expire = Callable[..., Application]


def _close(expire: Expire, application: Application, today: date) -> int:
    try:
        expire(application=application, actor=None, on=today)
    except DomainError:
        logger.exception("could not close overdue application %s", application.pk)
        return 0
    return 1

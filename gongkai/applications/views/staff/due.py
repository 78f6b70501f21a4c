"""Working days left and the queue's colour for a due date.

The numbers come from `selectors.queue_days_left`; this adds the CSS class
and a text, so that colour is never the only signal (已逾期 N 个工作日 /
剩余 N 个工作日 / 暂停计时).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext

from ...models import Application
from ...selectors import DaysLeft, queue_days_left


@dataclass(frozen=True)
class DueState:
    days_left: int | None
    css: str  # due-overdue, due-near, due-ok, due-paused, due-none
    text: str


def _state(left: DaysLeft) -> DueState:
    suffix = gettext("（临时）") if left.provisional else ""
    if left.urgency == "closed":
        return DueState(None, "due-none", gettext("已办结"))
    if left.urgency == "lodged":
        return DueState(None, "due-none", gettext("待确认收到"))
    if left.urgency == "paused" or left.days is None:
        return DueState(None, "due-paused", gettext("暂停计时"))
    if left.days < 0:
        text = gettext("已逾期%(n)s个工作日") % {"n": -left.days}
        return DueState(left.days, "due-overdue", text + suffix)
    if left.days == 0:
        text = gettext("今日到期")
    else:
        text = gettext("剩余%(n)s个工作日") % {"n": left.days}
    css = "due-near" if left.urgency == "due_soon" else "due-ok"
    return DueState(left.days, css, text + suffix)


def due_states(applications: Iterable[Application], today: date) -> dict[int, DueState]:
    return {
        pk: _state(left)
        for pk, left in queue_days_left(applications, today=today).items()
    }


def due_state(application: Application, today: date) -> DueState:
    return due_states([application], today)[application.pk]

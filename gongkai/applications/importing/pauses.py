"""The `pauses` of an import line: 补正, 征求意见, 信息处理费 periods."""

from __future__ import annotations

import itertools
from datetime import date

from django.utils.translation import gettext

from ..choices import ConsultationKind, PauseKind
from .fields import Fields
from .records import ImportPause

PAUSE_KEYS = frozenset(
    {"kind", "start", "end", "deadline", "consultation_kind", "delivered_on"}
)


def _pause_parse(f: Fields) -> ImportPause | None:
    f.unknown(PAUSE_KEYS)
    kind = f.choice("kind", PauseKind, required=True)
    start = f.day("start", required=True)
    end = f.day("end")
    deadline = f.day("deadline")
    delivered = f.day("delivered_on")
    consultation_kind = f.choice("consultation_kind", ConsultationKind)
    if start and end and end < start:
        f.error("end", gettext("不能早于开始日期。"))
    if start and deadline and deadline < start:
        f.error("deadline", gettext("不能早于补正通知日期。"))
    if start and delivered and (delivered < start or (end and delivered > end)):
        f.error("delivered_on", gettext("须在发函与答复之间。"))
    if kind is None or start is None:
        return None
    return ImportPause(
        kind=kind,
        start=start,
        end=end,
        deadline=deadline if kind == PauseKind.CORRECTION else None,
        consultation_kind=consultation_kind or ConsultationKind.THIRD_PARTY,
        delivered_on=delivered if kind == PauseKind.CONSULTATION else None,
    )


def pauses_parse(f: Fields) -> list[ImportPause]:
    pauses: list[ImportPause] = []
    for index, item in enumerate(f.array("pauses"), start=1):
        if not isinstance(item, dict):
            f.error(f"pauses[{index}]", gettext("应为对象。"))
            continue
        sub = Fields(item, f.errors, prefix=f"pauses[{index}].")
        pause = _pause_parse(sub)
        if pause is not None:
            pauses.append(pause)
    return pauses


def pauses_check(
    f: Fields, pauses: list[ImportPause], received: date, last: date
) -> None:
    """Pauses lie inside the case and follow one another; one correction and
    one fee at most; so a case has at most one pause running (its status)."""
    for pause in pauses:
        end = pause.end or pause.start
        if pause.start < received or end > last:
            f.errors.append(
                gettext("%(kind)s期间（%(start)s起）不在收到申请至办结（或今天）之间。")
                % {"kind": pause.kind.label, "start": pause.start.isoformat()}
            )
    ordered = sorted(pauses, key=lambda p: p.start)
    for before, after in itertools.pairwise(ordered):
        if before.end is None or before.end > after.start:
            f.errors.append(
                gettext(
                    "暂停期间相互重叠：%(a)s（%(a_start)s起）与%(b)s（%(b_start)s起）。"
                )
                % {
                    "a": before.kind.label,
                    "a_start": before.start.isoformat(),
                    "b": after.kind.label,
                    "b_start": after.start.isoformat(),
                }
            )
    for kind in (PauseKind.CORRECTION, PauseKind.FEE):
        if sum(1 for p in pauses if p.kind == kind) > 1:
            f.errors.append(gettext("%(kind)s只能有一次。") % {"kind": kind.label})

"""征求意见 (条例第三十二、三十四条): the clock pauses from the letter to the answer.

The consulted party has 15 WD from receiving the letter (stored on the
Consultation and as a StoredDeadline). Silence is recorded by the officer
once that period has passed (answer SILENT) and the clock resumes: a third
party's silence leaves the decision to the organ (第三十二条); a
co-producer's silence counts as consent (第三十四条).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext

from gongkai.core.errors import DomainError
from gongkai.core.models import User

from ..choices import ConsultationKind
from ..models import (
    Application,
    ApplicationEventKind,
    Consultation,
    ConsultationAnswer,
    LetterKind,
)
from ..workflow import Action
from .deadlines import consultation_answer_due_store
from .transitions import Step, transition_apply


def _start_check(party: str, sent_on: date, delivered_on: date | None) -> None:
    if not party.strip():
        raise DomainError(gettext("请填写被征求意见方。"))
    if delivered_on is not None and delivered_on < sent_on:
        raise DomainError(gettext("送达日期不能早于发函日期。"))


def _answer_due_set(consultation: Consultation) -> None:
    stored = consultation_answer_due_store(consultation)
    consultation.answer_due_on = stored.due_on if stored else None
    consultation.save(update_fields=["delivered_on", "answer_due_on"])


@transaction.atomic
def consultation_start(
    *,
    application: Application,
    actor: User,
    kind: str,
    party: str,
    party_address: str = "",
    sent_on: date,
    delivered_on: date | None = None,
) -> Consultation:
    """Send the written consultation; the reply clock pauses from `sent_on`."""
    kind = ConsultationKind(kind)
    created: list[Consultation] = []

    def apply(locked: Application) -> Mapping[str, Any]:
        _start_check(party, sent_on, delivered_on)
        consultation = Consultation.objects.create(
            application=locked,
            kind=kind,
            party=party.strip(),
            party_address=party_address.strip(),
            sent_on=sent_on,
            delivered_on=delivered_on,
        )
        _answer_due_set(consultation)
        created.append(consultation)
        return {
            "consultation": consultation.pk,
            "consultation_kind": kind.value,
            "delivered_on": delivered_on,
        }

    step = _start_step(kind, party.strip(), sent_on)
    transition_apply(application=application, actor=actor, step=step, apply=apply)
    return created[0]


def _start_step(kind: ConsultationKind, party: str, sent_on: date) -> Step:
    return Step(
        action=Action.CONSULTATION_START,
        kind=ApplicationEventKind.CONSULTATION_STARTED,
        on=sent_on,
        note=gettext("%(kind)s，征求意见期间不计入答复期限。") % {"kind": kind.label},
        letter=LetterKind.CONSULTATION,
        letter_extra={"party": party, "consultation_kind": kind.value},
    )


def _silence_note(consultation: Consultation) -> str:
    if consultation.kind == ConsultationKind.CO_PRODUCER:
        return gettext("共同制作机关逾期未提出意见，视为同意公开（条例第三十四条）。")
    return gettext(
        "第三方逾期未提出意见，由本机关依照条例规定决定是否公开（条例第三十二条）。"
    )


def _answer_check(consultation: Consultation, answer: str, answered_on: date) -> None:
    if consultation.answered_on is not None:
        raise DomainError(gettext("该征求意见已登记答复。"))
    if answered_on < consultation.sent_on:
        raise DomainError(gettext("答复日期不能早于发函日期。"))
    if answer != ConsultationAnswer.SILENT:
        return
    due = consultation.answer_due_on
    if due is None:
        raise DomainError(gettext("请先登记征求意见函的送达日期。"))
    if answered_on <= due:
        raise DomainError(
            gettext("答复期限（%(date)s）尚未届满，不能登记为逾期未答复。")
            % {"date": date_format(due)}
        )


@transaction.atomic
def consultation_answer(
    *,
    consultation: Consultation,
    actor: User,
    answered_on: date,
    answer: str,
    note: str = "",
    delivered_on: date | None = None,
) -> Consultation:
    """Record the answer (or the silence): the clock resumes after `answered_on`.

    `delivered_on` may be given here when it was unknown at the start.
    """
    answer = ConsultationAnswer(answer)

    def apply(locked: Application) -> Mapping[str, Any]:
        row = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if delivered_on is not None and row.delivered_on is None:
            row.delivered_on = delivered_on
            _answer_due_set(row)
        _answer_check(row, answer, answered_on)
        row.answered_on, row.answer = answered_on, answer
        row.answer_note = note.strip()
        row.save(update_fields=["answered_on", "answer", "answer_note"])
        return {"consultation": row.pk, "answer": answer.value}

    extra = _silence_note(consultation) if answer == ConsultationAnswer.SILENT else ""
    step = Step(
        action=Action.CONSULTATION_ANSWER,
        kind=ApplicationEventKind.CONSULTATION_ANSWERED,
        on=answered_on,
        note=(gettext("征求意见程序结束，恢复计算答复期限。") + extra),
    )
    transition_apply(
        application=consultation.application, actor=actor, step=step, apply=apply
    )
    consultation.refresh_from_db()
    return consultation

"""Writing and verifying the hash-chained audit log."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from .audit_types import AuditEventType
from .models import AuditChainHead, AuditEvent, User

GENESIS_HASH = "0" * 64


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime | Decimal):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _normalise(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """Round-trip through JSON so the stored value hashes as it was hashed."""
    if data is None:
        return None
    result: dict[str, Any] = json.loads(json.dumps(data, default=_json_default))
    return result


def event_hash(event: AuditEvent) -> str:
    payload = {
        "id": event.pk,
        "created_at": event.created_at.isoformat(),
        "actor": event.actor_id,
        "actor_repr": event.actor_repr,
        "event_type": event.event_type,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_repr": event.target_repr,
        "before": event.before,
        "after": event.after,
        "prev_hash": event.prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def audit_record(
    *,
    actor: User | None,
    event_type: AuditEventType,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event; must run inside the transaction of the change."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must run inside the change's transaction")
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
    event = AuditEvent(
        id=head.last_id + 1,
        created_at=timezone.now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_repr=str(actor) if actor is not None else "系统",
        event_type=AuditEventType(event_type),
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_repr=str(target)[:255],
        before=_normalise(before),
        after=_normalise(after),
        prev_hash=head.last_hash,
    )
    event.hash = event_hash(event)
    event.save(force_insert=True)
    head.last_id = event.pk
    head.last_hash = event.hash
    head.save(update_fields=["last_id", "last_hash"])
    return event


@dataclass(frozen=True)
class AuditProblem:
    event_id: int
    message: str


def audit_verify() -> AuditProblem | None:
    """The first record that breaks the chain, or None when intact."""
    expected_prev = GENESIS_HASH
    expected_id = 1
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.pk != expected_id:
            return AuditProblem(
                expected_id,
                gettext("记录 #%(id)s 缺失（下一条为 #%(next)s）")
                % {"id": expected_id, "next": event.pk},
            )
        if event.prev_hash != expected_prev:
            return AuditProblem(
                event.pk, gettext("记录 #%(id)s 的前序哈希不匹配") % {"id": event.pk}
            )
        if event_hash(event) != event.hash:
            return AuditProblem(
                event.pk, gettext("记录 #%(id)s 的内容已被改动") % {"id": event.pk}
            )
        expected_prev = event.hash
        expected_id += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_id != expected_id - 1:
        return AuditProblem(
            expected_id,
            gettext("链尾记录 #%(id)s 之后的记录已被删除") % {"id": head.last_id},
        )
    return None

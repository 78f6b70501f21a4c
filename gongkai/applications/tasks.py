"""Background tasks of 依申请公开 (django-tasks; run by the worker)."""

from __future__ import annotations

from django_tasks import task


@task()
def applicant_email_send(*, application_id: int, kind: str) -> bool:
    """Send one applicant e-mail; False when there is nothing to send."""
    from .notifications.applicant import applicant_email_deliver

    return applicant_email_deliver(application_id=application_id, kind=kind)

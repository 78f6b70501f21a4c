"""Concurrent lodging on PostgreSQL: distinct tracking codes, one application
per submission key. Each thread has its own database connection."""

# Tests are exempt from annotations.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

from gongkai.applications import letters
from gongkai.applications.models import Application
from gongkai.applications.services import intake
from gongkai.applications.services.intake import application_lodge, application_validate
from gongkai.core.tests.factories import OrganisationFactory

from .intake_helpers import flat, person

SUBMISSIONS = 100
CONNECTION_MARGIN = 10

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers with row locks need PostgreSQL (SQLite serialises)",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def _no_pdf(monkeypatch):
    """The receipt letter is not what is tested here (and 100 WeasyPrint
    renders would take minutes on two cores)."""
    monkeypatch.setattr(letters, "letter_issue", lambda **kwargs: None)


def _free_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        limit = int(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM pg_stat_activity")
        used = int(cursor.fetchone()[0])
    return max(4, limit - used - CONNECTION_MARGIN)


def _run_concurrently(
    jobs: list[Callable[[], Any]],
) -> tuple[list[Any], list[BaseException]]:
    """Run every job at once in as many threads as the server allows."""
    workers = min(len(jobs), _free_connections())
    barrier = threading.Barrier(workers)
    results: list[Any] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    pending = list(jobs)

    def worker() -> None:
        try:
            barrier.wait()
            while True:
                with lock:
                    if not pending:
                        return
                    job = pending.pop()
                result = job()
                with lock:
                    results.append(result)
        except BaseException as exc:  # reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def _job(org: Any, n: int, key: str | None = None) -> Callable[[], Application]:
    applicant, request = application_validate(
        flat(person(id_type="passport", id_number=f"E{n:08d}"), description=f"信息{n}")
    )

    def lodge() -> Application:
        return application_lodge(
            organisation=org, applicant=applicant, request=request, submission_key=key
        )

    return lodge


def test_concurrent_submissions_get_distinct_codes():
    org = OrganisationFactory.create()
    results, errors = _run_concurrently([_job(org, n) for n in range(SUBMISSIONS)])
    assert errors == []
    codes = {application.tracking_code for application in results}
    assert len(codes) == SUBMISSIONS
    assert Application.objects.filter(organisation=org).count() == SUBMISSIONS
    assert Application.objects.values("tracking_code").distinct().count() == SUBMISSIONS


def test_colliding_codes_are_retried_under_concurrency(monkeypatch):
    """With codes drawn from a tiny pool, collisions happen between
    concurrent inserts; each one retries with a new code."""
    import random

    pool = [f"POOL{n:012d}" for n in range(3 * SUBMISSIONS)]
    monkeypatch.setattr(intake, "tracking_code_new", lambda: random.choice(pool))
    org = OrganisationFactory.create()
    results, errors = _run_concurrently([_job(org, n) for n in range(SUBMISSIONS)])
    assert errors == []
    assert len({a.tracking_code for a in results}) == SUBMISSIONS


def test_one_submission_key_sent_concurrently_is_one_application():
    org = OrganisationFactory.create()
    jobs = [_job(org, 1, key="same-key" * 4) for _ in range(20)]
    results, errors = _run_concurrently(jobs)
    assert errors == []
    assert len({application.pk for application in results}) == 1
    assert Application.objects.count() == 1

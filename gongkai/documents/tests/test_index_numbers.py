import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.index_number_format import validate_index_number_format
from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents import services
from gongkai.documents.index_numbers import index_number_allocate
from gongkai.documents.models import Document, IndexSerial

from .factories import DocumentFactory
from .workflow_helpers import Office


@pytest.mark.django_db
def test_default_format_and_serial_per_year(office):
    code = office.org.credit_code
    first = office.draft(written_on=dt.date(2025, 12, 30))
    second = office.draft(written_on=dt.date(2026, 1, 5))
    third = office.draft(written_on=dt.date(2026, 2, 1))
    assert first.index_number == f"{code}/2025-00001"
    assert second.index_number == f"{code}/2026-00001"
    assert third.index_number == f"{code}/2026-00002"
    other = Office()
    assert other.draft(written_on=dt.date(2026, 2, 1)).index_number.endswith(
        "/2026-00001"
    )


@pytest.mark.django_db
def test_configured_format():
    org = OrganisationFactory.create(
        index_number_format="GK-{year}{month:02d}-{serial:04d}"
    )
    editor = staff_user(Role.EDITOR, org)
    document = services.document_create(
        actor=editor, organisation=org, title="t", written_on=dt.date(2021, 10, 9)
    )
    assert document.index_number == "GK-202110-0001"


@pytest.mark.parametrize(
    "fmt",
    [
        "{credit_code}/{year}",  # no serial: numbers would repeat
        "{credit_code}/{serial:05d}",  # the serial restarts every year
        "{credit_code}/{year}-{serial:05d}-{secret}",
        "{credit_code/{year}-{serial}",
        "{serial:zz}",
    ],
)
def test_invalid_formats(fmt):
    with pytest.raises(ValidationError):
        validate_index_number_format(fmt)


def test_valid_format():
    validate_index_number_format("{credit_code}/{year}-{serial:05d}")


@pytest.mark.django_db(transaction=True)
def test_allocation_needs_a_transaction():
    org = OrganisationFactory.create()
    with pytest.raises(RuntimeError):
        index_number_allocate(organisation=org, on=dt.date(2026, 1, 1))


@pytest.mark.django_db
def test_factory_uses_the_allocator(office):
    DocumentFactory.create(organisation=office.org, written_on=dt.date(2026, 3, 1))
    made = office.draft(written_on=dt.date(2026, 3, 1))
    assert made.index_number.endswith("/2026-00002")


@pytest.mark.django_db
def test_draft_follows_its_year_and_published_number_never_changes(office):
    document = office.draft(written_on=dt.date(2026, 3, 2))
    services.document_update(
        actor=office.editor, document=document, written_on=dt.date(2025, 12, 1)
    )
    document.refresh_from_db()
    assert document.index_number.endswith("/2025-00001")
    assert document.index_year == 2025
    published = office.published()
    number = published.index_number
    with pytest.raises(InvalidTransition):
        services.document_update(
            actor=office.editor, document=published, written_on=dt.date(2024, 1, 2)
        )
    published.refresh_from_db()
    assert published.index_number == number


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_creation_gives_distinct_numbers():
    org = OrganisationFactory.create()
    editor = staff_user(Role.EDITOR, org)
    workers = 12
    barrier = threading.Barrier(workers)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def create(i):
        try:
            barrier.wait()
            document = services.document_create(
                actor=editor,
                organisation=org,
                title=f"并发{i}",
                written_on=dt.date(2026, 3, 2),
            )
            numbers.append(document.index_number)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(numbers)) == workers
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert serials == list(range(1, workers + 1))
    assert IndexSerial.objects.get(organisation=org, year=2026).last_serial == workers
    assert Document.objects.filter(organisation=org).count() == workers


@pytest.mark.django_db(transaction=True)
def test_counter_row_race_falls_back_to_the_existing_row():
    """The first allocation of a year inserts the counter; a second inserter
    that lost the race locks the winner's row instead of failing."""
    org = OrganisationFactory.create()
    IndexSerial.objects.create(organisation=org, year=2026, last_serial=7)
    with transaction.atomic():
        allocated = index_number_allocate(organisation=org, on=dt.date(2026, 5, 1))
    assert allocated.serial == 8


@pytest.mark.django_db
def test_a_broken_format_is_a_domain_error_not_a_crash():
    org = OrganisationFactory.create(index_number_format="{credit_code}-{nope}")
    editor = staff_user(Role.EDITOR, org)
    with pytest.raises(DomainError, match="索引号格式配置有误"):
        services.document_create(
            actor=editor, organisation=org, title="t", written_on=dt.date(2026, 1, 5)
        )

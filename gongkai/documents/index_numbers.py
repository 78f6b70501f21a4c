"""索引号: allocation from the organisation's configured format (spec §5.2).

No national format is mandated; the default is `{credit_code}/{year}-{serial:05d}`
(as gov.cn and most local platforms do it). The serial counts per organisation
and year; the counter row is locked with SELECT … FOR UPDATE so concurrent
creations never share a serial. An index number never changes once the
document has been published.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import DomainError
from gongkai.core.index_number_format import (
    render_index_number,
    validate_index_number_format,
)
from gongkai.core.models import Organisation
from gongkai.core.models.organisations import DEFAULT_INDEX_NUMBER_FORMAT

from .models import IndexSerial


class AllocatedIndex(NamedTuple):
    index_number: str
    year: int
    serial: int


def _locked_counter(organisation: Organisation, year: int) -> IndexSerial:
    counters = IndexSerial.objects.select_for_update()
    try:
        return counters.get(organisation=organisation, year=year)
    except IndexSerial.DoesNotExist:
        pass
    try:
        # A concurrent first allocation of the year may insert the row first;
        # the savepoint lets us fall back to locking theirs.
        with transaction.atomic():
            return IndexSerial.objects.create(
                organisation=organisation, year=year, last_serial=0
            )
    except IntegrityError:
        return counters.get(organisation=organisation, year=year)


def index_number_allocate(*, organisation: Organisation, on: date) -> AllocatedIndex:
    """The next index number of `organisation` for the year of `on`.

    Must run inside the transaction that saves the document, so that the lock
    on the counter is held until the number is stored.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("index_number_allocate must run inside a transaction")
    counter = _locked_counter(organisation, on.year)
    counter.last_serial += 1
    counter.save(update_fields=["last_serial"])
    fmt = organisation.index_number_format or DEFAULT_INDEX_NUMBER_FORMAT
    try:
        validate_index_number_format(fmt)
    except ValidationError as exc:
        # The model field validates the format, but rows saved without
        # full_clean (fixtures, older data) may still hold a broken one.
        raise DomainError(
            _("%(organisation)s的索引号格式配置有误，请联系管理员：%(error)s")
            % {"organisation": organisation.name, "error": exc.messages[0]}
        ) from exc
    number = render_index_number(
        fmt, credit_code=organisation.credit_code, on=on, serial=counter.last_serial
    )
    return AllocatedIndex(index_number=number, year=on.year, serial=counter.last_serial)

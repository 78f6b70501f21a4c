"""factory_boy factories for the documents app.

DocumentFactory builds rows directly (fast, no audit) but takes its 索引号
from the real allocator, so services used later in the same test never
collide with it.
"""

# factory_boy's declarations are untyped and it re-exports them implicitly.
# mypy: disable-error-code="no-untyped-call,attr-defined"

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.db import transaction
from factory.django import DjangoModelFactory

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.documents.index_numbers import index_number_allocate
from gongkai.documents.models import (
    Column,
    ColumnKind,
    ContentType,
    Disclosure,
    Document,
    DocumentStatus,
    Genre,
    Topic,
    Validity,
)


class TopicFactory(DjangoModelFactory[Topic]):
    class Meta:
        model = Topic

    parent = None
    name = factory.Sequence(lambda n: f"测试主题{n}")
    sort_order = factory.Sequence(lambda n: n)


class ColumnFactory(DjangoModelFactory[Column]):
    class Meta:
        model = Column

    organisation = factory.SubFactory(OrganisationFactory)
    parent = None
    name = factory.Sequence(lambda n: f"测试栏目{n}")
    slug = factory.Sequence(lambda n: f"test-column-{n}")
    kind = ColumnKind.CUSTOM
    update_interval_days = 180


class DocumentFactory(DjangoModelFactory[Document]):
    """A draft by default; `DocumentFactory(published=True)` is online."""

    class Meta:
        model = Document
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    status = DocumentStatus.DRAFT
    title = factory.Sequence(lambda n: f"关于做好第{n}项政务公开工作的通知")
    written_on = factory.LazyFunction(lambda: dt.date(2026, 3, 2))
    genre = Genre.NOTICE
    content_type = ContentType.POLICY
    validity = Validity.IN_FORCE
    disclosure = Disclosure.PROACTIVE
    summary = factory.LazyAttribute(lambda d: f"{d.title}的主要内容。")
    body = "<p>各有关单位：</p><p>现将有关事项通知如下。</p>"
    index_number = ""
    index_year = 0
    index_serial = 0

    class Params:
        published = factory.Trait(
            status=DocumentStatus.PUBLISHED,
            published_on=factory.LazyAttribute(
                lambda d: d.written_on + dt.timedelta(days=3)
            ),
        )

    @classmethod
    def _create(cls, model_class: type[Document], *args: Any, **kwargs: Any) -> Any:
        with transaction.atomic():
            if not kwargs.get("index_number"):
                allocated = index_number_allocate(
                    organisation=kwargs["organisation"], on=kwargs["written_on"]
                )
                kwargs["index_number"] = allocated.index_number
                kwargs["index_year"] = allocated.year
                kwargs["index_serial"] = allocated.serial
            return super()._create(model_class, *args, **kwargs)

"""factory_boy factories for core models (zh_CN Faker)."""

# factory_boy's declarations are untyped and it re-exports them implicitly.
# mypy: disable-error-code="no-untyped-call,attr-defined"

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory

from gongkai.core.credit_codes import credit_code_check_character
from gongkai.core.models import (
    Organisation,
    OrganisationKind,
    Role,
    RoleAssignment,
    User,
)


def _credit_code(n: int) -> str:
    first17 = f"1144{n:013d}"
    return first17 + credit_code_check_character(first17)


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"测试市第{n}局")
    short_name = factory.Sequence(lambda n: f"测{n}局")
    kind = OrganisationKind.CITY_DEPARTMENT
    credit_code = factory.Sequence(_credit_code)
    office_name = factory.LazyAttribute(lambda o: f"{o.short_name}政务公开办公室")
    office_address = factory.Faker("address", locale="zh_CN")
    office_hours = "工作日 9:00-12:00，13:30-17:30"
    office_phone = factory.Faker("phone_number", locale="zh_CN")
    office_email = factory.Sequence(lambda n: f"gk{n}@example.gov.cn")
    office_postal_code = "100000"

    @factory.post_generation
    def _path(
        obj: Organisation, create: bool, extracted: object, **kwargs: object
    ) -> None:
        # Mirrors organisation_create: the path is the chain of ids.
        parent_path = obj.parent.path if obj.parent is not None else "/"
        obj.path = f"{parent_path}{obj.pk}/"
        if create:
            obj.save(update_fields=["path"])


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Faker("name", locale="zh_CN")
    email = factory.Sequence(lambda n: f"user{n}@example.gov.cn")
    password = factory.django.Password("Gongkai-test-2026")


class RoleAssignmentFactory(DjangoModelFactory[RoleAssignment]):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.EDITOR


def staff_user(role: str, organisation: Organisation, **kwargs: object) -> User:
    """A user holding one role in one organisation."""
    user = UserFactory.create(**kwargs)
    RoleAssignmentFactory.create(user=user, organisation=organisation, role=role)
    return user

"""An organisation with the people who make its annual report."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from gongkai.core.models import Organisation, Role, User
from gongkai.core.tests.factories import OrganisationFactory, staff_user


@dataclass
class Office:
    organisation: Organisation = field(default_factory=OrganisationFactory.create)

    def __post_init__(self) -> None:
        org = self.organisation
        self.officer: User = staff_user(Role.OFFICER, org)
        self.head: User = staff_user(Role.HEAD, org)
        self.editor: User = staff_user(Role.EDITOR, org)
        self.reviewer: User = staff_user(Role.REVIEWER, org)


@pytest.fixture
def office(db: None) -> Office:
    return Office()

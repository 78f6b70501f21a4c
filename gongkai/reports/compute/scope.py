"""Which records a report counts: the organisation's own, or its subtree's.

A subtree is one indexed prefix query on the materialised path (glossary:
"subtree" = an organisation and all below it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from gongkai.core.models import Organisation

from ..models import ReportScope


@dataclass(frozen=True)
class Period:
    """The statistical period of the report: 1 January to 31 December."""

    year: int

    @property
    def start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 12, 31)


def organisation_q(
    organisation: Organisation, scope: str, *, field: str = "organisation"
) -> Q:
    """The filter on `field` (a ForeignKey to Organisation) for the scope."""
    if ReportScope(scope) is ReportScope.SUBTREE:
        return Q(**{f"{field}__path__startswith": organisation.path})
    return Q(**{f"{field}_id": organisation.pk})

"""The glossary's enumerations and the annual-report rows (spec §1.4, §3.3)."""

import pytest

from gongkai.applications.choices import (
    OUTCOMES,
    ApplicantType,
    Channel,
    IdType,
    Outcome,
    OutcomeGroup,
    PauseKind,
)
from gongkai.core.identity import IdType as CoreIdType


def test_applicant_types_are_the_report_columns():
    assert ApplicantType.values == [
        "natural_person",
        "commercial_enterprise",
        "research_institution",
        "social_welfare_org",
        "legal_service_org",
        "other_org",
    ]
    assert not ApplicantType.NATURAL_PERSON.is_organisation
    assert all(t.is_organisation for t in list(ApplicantType)[1:])


def test_channels_and_pause_kinds():
    assert Channel.values == [
        "online",
        "in_person",
        "registered_post",
        "ordinary_post",
        "fax",
        "email",
        "oral",
    ]
    assert PauseKind.values == ["correction", "consultation", "fee"]
    assert IdType is CoreIdType
    assert "resident_id" in IdType.values


def test_outcomes_are_rows_r3_to_r23_in_order():
    assert len(Outcome) == 21
    assert [o.row for o in Outcome] == [f"R{n}" for n in range(3, 24)]
    assert set(OUTCOMES) == set(Outcome)


@pytest.mark.parametrize(
    ("group", "count"),
    [
        (OutcomeGroup.DISCLOSED, 1),
        (OutcomeGroup.PARTLY_DISCLOSED, 1),
        (OutcomeGroup.WITHHELD, 8),
        (OutcomeGroup.UNAVAILABLE, 3),
        (OutcomeGroup.NOT_PROCESSED, 5),
        (OutcomeGroup.OTHER, 3),
    ],
)
def test_outcome_groups(group, count):
    members = [o for o in Outcome if o.group == group]
    assert len(members) == count
    assert all(o.value.startswith(group.value) for o in members)


def test_articles_and_labels():
    assert "第十四条" in Outcome.WITHHELD_STATE_SECRET.article
    assert "第三十七条" in Outcome.PARTLY_DISCLOSED.article
    assert "第三十条" in Outcome.OTHER_CORRECTION_OVERDUE.article
    assert "109号" in Outcome.OTHER_FEE_UNPAID.article
    assert Outcome.NOT_PROCESSED_CONFIRMATION.info.confirmed is False
    assert str(Outcome.NOT_PROCESSED_DUPLICATE.label) == "重复申请"
    assert str(OutcomeGroup.NOT_PROCESSED.label) == "不予处理"

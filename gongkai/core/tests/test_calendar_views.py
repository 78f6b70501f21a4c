"""Staff pages for the calendar: list, enter/edit a year, verify; form errors."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.core.forms_calendar import HolidayBlockFormSet, blocks_from_days
from gongkai.core.models import CalendarDay, CalendarYear, Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.core.workdays import add_working_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory.create()


@pytest.fixture
def admin_client(client, org):
    client.force_login(staff_user(Role.ADMIN, org))
    return client


def block_data(
    rows: list[tuple[str, str, str, str]], **year_fields: str
) -> dict[str, str]:
    data = {
        "source_doc_number": "国办发明电〔2026〕99号",
        "source_title": "国务院办公厅关于2027年部分节假日安排的通知",
        "source_url": "",
        "notice_date": "2026-11-10",
        "blocks-TOTAL_FORMS": str(len(rows)),
        "blocks-INITIAL_FORMS": "0",
        "blocks-MIN_NUM_FORMS": "0",
        "blocks-MAX_NUM_FORMS": "30",
    }
    data.update(year_fields)
    for i, (name, first, last, work) in enumerate(rows):
        data[f"blocks-{i}-name"] = name
        data[f"blocks-{i}-first_day"] = first
        data[f"blocks-{i}-last_day"] = last
        data[f"blocks-{i}-adjusted_workdays"] = work
    return data


GOOD_2027 = [
    ("元旦", "2027-01-01", "2027-01-03", ""),
    ("春节", "2027-02-05", "2027-02-13", "2027-02-20"),
    ("国庆节", "2027-10-01", "2027-10-07", "2027-09-26, 2027-10-09"),
]


def test_login_required(client):
    response = client.get(reverse("staff:calendar_list"))
    assert response.status_code == 302


@pytest.mark.parametrize("role", [Role.EDITOR, Role.REVIEWER, Role.HEAD])
def test_only_administrators(client, org, role):
    client.force_login(staff_user(role, org))
    assert client.get(reverse("staff:calendar_list")).status_code == 403
    url = reverse("staff:calendar_edit", args=[2027])
    assert client.post(url, block_data(GOOD_2027)).status_code == 403
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_list_shows_years_notice_revision_and_state(admin_client):
    response = admin_client.get(reverse("staff:calendar_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "国办发明电〔2024〕12号" in html
    assert "已核验" in html
    assert reverse("staff:calendar_edit", args=[2027]) in html


def test_edit_page_shows_the_notice_blocks(admin_client):
    response = admin_client.get(reverse("staff:calendar_edit", args=[2026]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="2026-02-15"' in html  # 春节 block starts on the Sunday
    assert 'value="2026-02-23"' in html
    assert "2026-02-14 2026-02-28" in html


def test_blocks_rebuilt_from_seeded_days_match_the_notice():
    rows = CalendarDay.objects.filter(calendar_year__year=2025).values_list(
        "date", "kind", "holiday_name"
    )
    blocks = {
        (b["name"], b["first_day"], b["last_day"], b["adjusted_workdays"])
        for b in blocks_from_days(2025, list(rows))
    }
    assert ("春节", date(2025, 1, 28), date(2025, 2, 4), "2025-01-26 2025-02-08") in (
        blocks
    )
    assert ("劳动节", date(2025, 5, 1), date(2025, 5, 5), "2025-04-27") in blocks
    assert ("端午节", date(2025, 5, 31), date(2025, 6, 2), "") in blocks


def test_enter_2027_then_a_second_admin_verifies(client, org):
    enterer, verifier = staff_user(Role.ADMIN, org), staff_user(Role.ADMIN, org)
    client.force_login(enterer)
    response = client.post(
        reverse("staff:calendar_edit", args=[2027]), block_data(GOOD_2027)
    )
    assert response.status_code == 302
    year = CalendarYear.objects.get(year=2027)
    assert year.entered_by == enterer
    assert year.verified_at is None
    kinds = dict(year.days.values_list("date", "kind"))
    assert kinds[date(2027, 2, 5)] == "holiday_off"
    assert date(2027, 2, 6) not in kinds  # weekends in a block are not stored
    assert kinds[date(2027, 9, 26)] == "adjusted_workday"

    verify = reverse("staff:calendar_verify", args=[2027])
    client.post(verify)
    assert CalendarYear.objects.get(year=2027).verified_at is None
    page = client.get(reverse("staff:calendar_list")).content.decode()
    assert "另一名管理员" in page or "录入人以外" in page

    client.force_login(verifier)
    response = client.post(verify, follow=True)
    assert "已核验" in response.content.decode()
    year.refresh_from_db()
    assert year.verified_by == verifier
    result = add_working_days(date(2026, 12, 15), 20)
    assert (result.date, result.provisional) == (date(2027, 1, 13), False)


def test_verify_needs_post(admin_client):
    response = admin_client.get(reverse("staff:calendar_verify", args=[2027]))
    assert response.status_code == 405


@pytest.mark.parametrize(
    ("rows", "fields", "message"),
    [
        (GOOD_2027, {"source_doc_number": ""}, "请填写国务院办公厅通知的文号"),
        ([("春节", "2027-02-05", "2027-02-13", "2027-02-22")], {}, "不是周末"),
        ([("春节", "2027-02-13", "2027-02-05", "")], {}, "放假末日不能早于放假首日"),
        ([("元旦", "2026-12-31", "2027-01-01", "")], {}, "须在 2027 年内"),
        ([("国庆节", "2027-10-01", "2027-10-07", "2028-01-08")], {}, "不在 2027 年内"),
        (
            [
                ("中秋节", "2027-09-15", "2027-10-01", ""),
                ("国庆节", "2027-10-01", "2027-10-07", ""),
            ],
            {},
            "日期重叠",
        ),
        (
            [("国庆节", "2027-10-01", "2027-10-10", "2027-10-09")],
            {},
            "又在“国庆节”放假时段内",
        ),
        ([("春节", "2027-02-30", "2027-03-01", "")], {}, "YYYY-MM-DD"),
        ([("春节", "2027-02-05", "", "")], {}, "请同时填写放假首日和末日"),
        ([("", "2027-02-05", "2027-02-08", "")], {}, "请填写节日名称"),
        ([("周末", "2027-02-06", "2027-02-07", "")], {}, "全部是周末"),
        ([("春节", "2027-01-01", "2027-02-28", "")], {}, "不应超过 20 天"),
        ([], {}, "请至少填写一段放假安排"),
        (GOOD_2027, {"notice_date": "2026-11-31"}, "YYYY-MM-DD"),
        (GOOD_2027, {"source_url": "not a url"}, "有效的网址"),
    ],
)
def test_form_errors_are_clear_chinese(admin_client, rows, fields, message):
    url = reverse("staff:calendar_edit", args=[2027])
    response = admin_client.post(url, block_data(rows, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_blank_extra_lines_are_ignored():
    rows = [*GOOD_2027, ("", "", "", "")]
    formset = HolidayBlockFormSet(
        {k: v for k, v in block_data(rows).items() if k.startswith("blocks-")},
        year=2027,
        prefix="blocks",
    )
    assert formset.is_valid(), formset.errors
    assert len(formset.blocks()) == 3


def test_out_of_range_year_is_404(admin_client):
    assert admin_client.get("/staff/calendar/1800/edit/").status_code == 404


@pytest.mark.parametrize("year", range(2004, 2027))
def test_every_seeded_year_round_trips_through_the_form(year):
    rows = sorted(
        CalendarDay.objects.filter(calendar_year__year=year).values_list(
            "date", "kind", "holiday_name"
        )
    )
    blocks = blocks_from_days(year, rows)
    data: dict[str, str] = {
        "blocks-TOTAL_FORMS": str(len(blocks)),
        "blocks-INITIAL_FORMS": "0",
        "blocks-MIN_NUM_FORMS": "0",
        "blocks-MAX_NUM_FORMS": "30",
    }
    for i, block in enumerate(blocks):
        data[f"blocks-{i}-name"] = block["name"]
        data[f"blocks-{i}-first_day"] = str(block["first_day"] or "")
        data[f"blocks-{i}-last_day"] = str(block["last_day"] or "")
        data[f"blocks-{i}-adjusted_workdays"] = block["adjusted_workdays"]
    formset = HolidayBlockFormSet(data, year=year, prefix="blocks")
    assert formset.is_valid(), (formset.errors, formset.non_form_errors())
    assert formset.days() == rows

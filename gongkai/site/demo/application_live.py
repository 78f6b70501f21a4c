"""Live cases in the demo officers' queues, through the services.

Received a chosen number of working days before today, so the queue shows
every colour: overdue, due today, near due, on time; and every waiting
status: 已提交待确认 (online, not confirmed), 待补正, 征求意见中, 待缴费, and
one extended by the head. Idempotent by submission key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from gongkai.applications.choices import ApplicantType, Channel, FeeMethod
from gongkai.applications.models import Application
from gongkai.applications.services import (
    application_assign,
    application_extend,
    consultation_start,
    correction_notice_issue,
    fee_notice_issue,
)
from gongkai.applications.services.intake import application_lodge
from gongkai.applications.services.intake_validation import ApplicantData, RequestData
from gongkai.core.credit_codes import credit_code_check_character
from gongkai.core.identity import IdType, resident_id_check_character
from gongkai.core.models import Organisation, User
from gongkai.core.workdays import add_working_days, is_working_day


@dataclass(frozen=True)
class LiveCase:
    org_key: int
    n: int
    wd_ago: int  # received this many working days before today
    scenario: str  # plain | consulting | correction | fee | extended | lodged
    name: str
    description: str
    company: bool = False


OFFICERS = {100: ("hc_officer", "hc_head"), 201: ("nh_officer", "nh_head")}
CASES = (
    LiveCase(100, 1, 22, "plain", "周建华", "申请公开鹤城市2026年城区道路改造工程的立项批复和资金预算。"),
    LiveCase(100, 2, 20, "plain", "吴丽娟", "申请公开2026年全市为民办实事项目的完成情况。"),
    LiveCase(100, 3, 18, "plain", "鹤城市青禾商贸有限公司", "申请公开2026年市级政府采购意向及中标结果汇总。", True),
    LiveCase(100, 4, 16, "plain", "郑海燕", "请提供2026年全市老旧小区改造计划名单。"),
    LiveCase(100, 5, 6, "plain", "冯志强", "申请公开鹤城市人民政府2026年第三季度常务会议议定事项。"),
    LiveCase(100, 6, 9, "consulting", "鹤城市启明律师事务所", "申请公开某企业土地出让合同及补充协议。", True),
    LiveCase(100, 7, 3, "correction", "陈明", "申请公开“去年那个文件”。"),
    LiveCase(100, 8, 8, "fee", "鹤城学院城市治理研究中心", "申请提供2021—2025年市政府常务会议纪要全文（约150页）。", True),
    LiveCase(100, 9, 19, "extended", "杨晓东", "申请公开全市2026年城乡低保资金发放明细（涉及多个部门）。"),
    LiveCase(100, 10, 0, "lodged", "林桂兰", "申请公开本人所在小区加装电梯补贴政策文件。"),
    LiveCase(201, 1, 21, "plain", "何俊杰", "申请公开南湖区2026年义务教育学校招生划片方案。"),
    LiveCase(201, 2, 17, "plain", "黄雪梅", "申请公开南湖区2026年学前教育普惠性幼儿园补助资金分配表。"),
    LiveCase(201, 3, 4, "plain", "罗秀英", "申请公开南湖区教育局2026年教师招聘考试成绩及录用名单。"),
    LiveCase(201, 4, 10, "consulting", "鹤城市绿源环保公益服务中心", "申请公开某民办学校办学许可证年检材料。", True),
    LiveCase(201, 5, 0, "lodged", "高建国", "申请公开湖滨小学新校区建设项目环评批复。"),
)  # fmt: skip


def _working_days_back(today: date, days: int) -> date:
    day = today
    while days:
        day -= timedelta(days=1)
        days -= is_working_day(day, allow_provisional=True)
    while not is_working_day(day, allow_provisional=True):
        day -= timedelta(days=1)
    return day


def _applicant(case: LiveCase) -> ApplicantData:
    phone = f"1390990{case.org_key:03d}{case.n}"[:11]
    if case.company:
        first17 = f"52990100MJDEM{case.org_key % 10}{case.n:03d}"
        return ApplicantData(
            type=str(ApplicantType.OTHER_ORG if "律师" not in case.name else ApplicantType.LEGAL_SERVICE_ORG),
            name=case.name, id_type="", id_number="",
            credit_code=first17 + credit_code_check_character(first17),
            legal_representative="刘国平", contact_person="王晓燕", phone=phone,
            email=f"demo{case.org_key}{case.n}@example.com",
            address="鹤城市南湖区湖滨路88号", postal_code="990102",
        )  # fmt: skip
    first17 = f"99010119{80 + case.n}0{case.n % 9 + 1}1{case.org_key % 10}{case.n:03d}"[
        :17
    ]
    return ApplicantData(
        type=str(ApplicantType.NATURAL_PERSON), name=case.name,
        id_type=str(IdType.RESIDENT_ID),
        id_number=first17 + resident_id_check_character(first17),
        credit_code="", legal_representative="", contact_person="", phone=phone,
        email=f"demo{case.org_key}{case.n}@example.com",
        address="鹤城市鹤山区人民路12号", postal_code="990101",
    )  # fmt: skip


def _lodge(
    case: LiveCase, organisation: Organisation, officer: User, today: date
) -> Application:
    received = _working_days_back(today, case.wd_ago)
    online = case.scenario == "lodged"
    request = RequestData(
        description=case.description, doc_title="", doc_number="", purpose="",
        form="electronic" if online else "paper",
        delivery="online" if online else "post",
    )  # fmt: skip
    lodged_at = timezone.make_aware(datetime.combine(received, time(10, 30)))
    return application_lodge(
        organisation=organisation,
        applicant=_applicant(case),
        request=request,
        channel=Channel.ONLINE if online else Channel.IN_PERSON,
        lodged_at=lodged_at,
        submission_key=f"demo-live-{case.org_key}-{case.n}",
        actor=None if online else officer,
    )


def _advance(
    case: LiveCase, app: Application, officer: User, head: User, today: date
) -> None:
    received = app.received_on
    if received is None:
        return
    step = add_working_days(received, 2, allow_provisional=True).date
    if case.scenario == "consulting":
        consultation_start(
            application=app, actor=officer, kind="third_party", party=case.name,
            sent_on=step, delivered_on=add_working_days(step, 1).date,
        )  # fmt: skip
    elif case.scenario == "correction":
        correction_notice_issue(
            application=app, actor=officer,
            items="请明确所需政府信息的名称、文号或者便于查询的其他特征性描述。",
            deadline=today + timedelta(days=15), issued_on=min(step, today),
        )  # fmt: skip
    elif case.scenario == "fee":
        fee_notice_issue(
            application=app, actor=officer, method=FeeMethod.PER_PAGE, quantity=150,
            issued_on=add_working_days(received, 5).date,
            notice_received_on=add_working_days(received, 6).date,
        )  # fmt: skip
    elif case.scenario == "extended":
        application_extend(
            application=app, actor=head, days=20,
            reason="申请内容涉及多个部门，需协调核实。",
            on=_working_days_back(today, 1),
        )  # fmt: skip


def live_cases_ensure(
    *, organisations: dict[int, Organisation], users: dict[str, User], today: date
) -> int:
    done = set(
        Application.objects.filter(submission_key__startswith="demo-live-").values_list(
            "submission_key", flat=True
        )
    )
    created = 0
    for case in CASES:
        officer_name, head_name = OFFICERS[case.org_key]
        officer, head = users.get(officer_name), users.get(head_name)
        key = f"demo-live-{case.org_key}-{case.n}"
        if officer is None or head is None or key in done:
            continue
        app = _lodge(case, organisations[case.org_key], officer, today)
        app = application_assign(application=app, actor=head, officer=officer)
        _advance(case, app, officer, head, today)
        created += 1
    return created

"""The demo: seed parsing against the real seed files, and `demo load`."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse

from gongkai.core.audit import audit_verify
from gongkai.core.models import AuditEvent, Organisation, Role, RoleAssignment, User
from gongkai.documents.models import (
    Column,
    ContentType,
    Document,
    DocumentStatus,
    Validity,
)
from gongkai.documents.selectors.staff import documents_publication_late
from gongkai.documents.workflow import PUBLIC_STATUSES
from gongkai.site.demo import loader
from gongkai.site.demo.city import CITY
from gongkai.site.demo.generated import plan_for_organisation
from gongkai.site.demo.organisations import all_specs
from gongkai.site.demo.orgspec import credit_code_for, walk
from gongkai.site.demo.plan import ColumnRef, NumberBook, OrgContext
from gongkai.site.demo.seedplans import seed_plans
from gongkai.site.demo.seeds import (
    BOILERPLATE_MARKERS,
    parse_seed_file,
    parse_seed_text,
)
from gongkai.site.demo.users import DEMO_PASSWORD, STAFF
from gongkai.site.demo.vocabulary import vocabulary_from

SEEDS = Path(settings.SHARED_DIR) / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed folder missing")

# source → (title, doc_number, written_on); what each seed text really says.
EXPECTED = {
    "000_98f73df804291c90": (
        "在全市政务公开工作培训会上的讲话",
        "",
        date(2023, 11, 18),
    ),
    "001_def3cf4a9a1f6b41": ("我市推行政務公開工作情況", "", None),
    "002_36d30baabf84237e#1": (
        "鹤壁市人民政府办公室关于进一步做好全市政务公开工作的通知",
        "鹤政办〔2019〕20号",
        date(2019, 10, 11),
    ),
    "002_36d30baabf84237e#2": (
        "大庆市人民政府办公室关于进一步推进全市2021年政务公开工作的通知",
        "庆政办函〔2021〕31号",
        date(2021, 8, 2),
    ),
    "002_36d30baabf84237e#3": (
        "阿勒泰地区行政公署办公室关于印发《地区全面推进政务公开重点工作实施方案》的通知",
        "阿行办发〔2017〕74号",
        date(2017, 8, 24),
    ),
    "003_53df9df3ab1a13dd": ("政府信息公開工作匯報(市)", "", None),
    "004_5fb67d3bcaacd1ad": ("副区长在全区推进公开办事制度工作会议上的讲话", "", None),
}

# Boilerplate found in the files, beyond the shared BOILERPLATE_MARKERS.
FILE_MARKERS = {
    "000": ("3074922707", "下载文档", "第5页", "\n全市\n政务\n"),
    "001": ("admin",),
    "002": ("nagforex", "篇一", "篇二", "篇三", "Top", "供大家参考", "【字号】"),
    "003": ("(kāi)", "(bào)", "(shí)", "2022-09-28", "網友上傳"),
    "004": ("ID:7151405", "33.18 KB", "页数", "_第", "学术论文", "\n2、", "下载"),
}

# The real text's first and last words, to show nothing real was cut.
EDGES = {
    "000_98f73df804291c90": ("同志们:", "前移。"),
    "001_def3cf4a9a1f6b41": ("我市按照“黨委統一領導", "綜合考核。"),
    "002_36d30baabf84237e#1": ("各县区人民政府,市人民政府各部门", "2019年10月11日"),
    "002_36d30baabf84237e#2": ("各县区人民政府、市政府各直属单位:", "2021年8月2日"),
    "002_36d30baabf84237e#3": ("各县(市)人民政府,喀纳斯景区管理委员会", "处理。"),
    "003_53df9df3ab1a13dd": ("政府政務信息化辦公室:", "穩定大局。"),
    "004_5fb67d3bcaacd1ad": ("一、回顾总结,肯定成绩", "规范各单"),
}


@pytest.fixture(scope="module")
def seed_documents():
    if not SEEDS.is_dir():
        pytest.skip("seed folder missing")
    documents = []
    for path in sorted(SEEDS.glob("*.txt")):
        documents.extend(parse_seed_file(path))
    return {d.source: d for d in documents}


# ---------------------------------------------------------------------------
# Parsing the real seed files


@needs_seeds
def test_every_seed_file_yields_its_documents(seed_documents):
    assert set(seed_documents) == set(EXPECTED)


@needs_seeds
@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_title_doc_number_and_date(seed_documents, source):
    title, doc_number, written_on = EXPECTED[source]
    document = seed_documents[source]
    assert document.title == title
    assert document.doc_number == doc_number
    assert document.written_on == written_on


@needs_seeds
@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_no_boilerplate_left(seed_documents, source):
    document = seed_documents[source]
    text = document.title + "\n" + document.text
    for marker in (*BOILERPLATE_MARKERS, *FILE_MARKERS[source[:3]]):
        assert marker not in text, marker
    first, last = EDGES[source]
    assert document.paragraphs[0].startswith(first)
    assert document.paragraphs[-1].endswith(last)


@needs_seeds
def test_compilation_attributes_give_issuer_and_dates(seed_documents):
    hebi = seed_documents["002_36d30baabf84237e#1"]
    assert hebi.issuer == "鹤壁市人民政府办公室"
    assert hebi.published_on == date(2019, 10, 11)
    assert hebi.effective_on == date(2019, 10, 11)
    assert hebi.legal_level == "地方规范性文件"
    assert hebi.validity_text == "现行有效"
    # The compilation's own headings are not part of any document.
    assert all("关于召开政务公开重点工作推进会通知" not in p for p in hebi.paragraphs)


@needs_seeds
def test_traditional_texts_stay_traditional(seed_documents):
    for source in ("001_def3cf4a9a1f6b41", "003_53df9df3ab1a13dd"):
        document = seed_documents[source]
        assert document.traditional
        assert "開" in document.text
        assert "开" not in document.text
        # The site's pinyin annotations are gone, the real brackets stay.
        assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", document.text)
    assert "政(事)務公開" in seed_documents["001_def3cf4a9a1f6b41"].text
    assert "(以下簡稱《條例》)" in seed_documents["003_53df9df3ab1a13dd"].text


@needs_seeds
def test_page_breaks_are_mended(seed_documents):
    hebi = seed_documents["002_36d30baabf84237e#1"]
    assert any(
        "《国务院办公厅关于印发2019年政务公开工作要点的通知》" in p
        for p in hebi.paragraphs
    )
    # Items the site glued together are separate paragraphs again.
    assert "一、深化重点领域信息公开" in hebi.paragraphs
    assert any(p.startswith("(十五)贯彻落实好新条例") for p in hebi.paragraphs)
    wenku = seed_documents["004_5fb67d3bcaacd1ad"]
    assert "“人、财、物、事”行政管理事项" in wenku.text
    speech = seed_documents["000_98f73df804291c90"]
    assert any("实施动态公开6大类" in p for p in speech.paragraphs)


@needs_seeds
def test_seed_plans_keep_true_metadata(seed_documents):
    plans = {p.seed_source: p for p in seed_plans(list(seed_documents.values()))}
    hebi = plans["002_36d30baabf84237e#1"]
    assert hebi.doc_number == "鹤政办〔2019〕20号"
    assert hebi.legal_form == "normative_document"
    assert hebi.org_key == 901  # 鹤壁市人民政府办公室, its true issuer
    assert plans["002_36d30baabf84237e#2"].org_key == 911
    assert plans["002_36d30baabf84237e#3"].org_key == 921
    assert plans["004_5fb67d3bcaacd1ad"].org_key == 200  # a district speech
    assert plans["001_def3cf4a9a1f6b41"].traditional
    assert "<p>" in hebi.body and "</p>" in hebi.body
    assert "原文无标题" in plans["001_def3cf4a9a1f6b41"].summary


def test_parser_on_unknown_text_keeps_everything():
    documents = parse_seed_text(
        "关于做好年度工作的通知\n各单位：\n请认真落实。\n", source="x"
    )
    assert len(documents) == 1
    assert documents[0].title == "关于做好年度工作的通知"
    assert documents[0].paragraphs == ["各单位：", "请认真落实。"]


def test_parser_accepts_other_doc_number_brackets():
    text = "某某局关于开展检查的通知\n某发[2024]3号\n各科室：\n现就有关事项通知如下。\n"
    document = parse_seed_text(text, source="y")[0]
    assert document.doc_number == "某发[2024]3号"


def test_missing_seed_folder_is_skipped_with_a_message(settings, tmp_path):
    settings.SHARED_DIR = tmp_path
    report = loader.LoadReport()
    assert loader._load_seeds(report) == []
    assert "未找到种子文件目录" in report.messages[0]


# ---------------------------------------------------------------------------
# Organisations and the plan, without the database


def test_every_demo_credit_code_is_valid_and_distinct():
    from gongkai.core.credit_codes import is_valid_credit_code

    codes = [credit_code_for(spec) for spec, _ in all_specs()]
    assert len(set(codes)) == len(codes)
    assert all(is_valid_credit_code(code) for code in codes)


def test_city_shape():
    specs = [spec for spec, _ in walk(CITY)]
    kinds = [spec.kind for spec in specs]
    assert kinds.count("city_government") == 1
    assert kinds.count("city_office") == 1
    assert kinds.count("city_department") >= 10
    assert kinds.count("county_government") == 3
    for county in (s for s in specs if s.kind == "county_government"):
        child_kinds = {c.kind for c in county.children}
        assert child_kinds == {"county_department", "township"}


def test_plan_is_deterministic():
    vocab = vocabulary_from([])
    columns = [
        ColumnRef("guide", "政府信息公开指南", "guide", ""),
        ColumnRef("art20-04", "统计", "statutory", "art20_04"),
        ColumnRef("art20-07", "预决算", "statutory", "art20_07"),
    ]
    spec = CITY.children[2]

    def titles():
        ctx = OrgContext(spec, columns, "全市", "鹤城市")
        plans = plan_for_organisation(ctx, vocab, NumberBook(random.Random(1)))
        return [(p.title, p.written_on, p.body) for p in plans]

    assert titles() == titles()
    assert len(titles()) == 4


# ---------------------------------------------------------------------------
# `manage.py demo load`


def _counts():
    return {
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "roles": RoleAssignment.objects.count(),
        "columns": Column.objects.count(),
        "documents": Document.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.mark.django_db
def test_demo_load_twice_is_complete_and_idempotent(client):
    call_command("demo", "load")
    first = _counts()
    call_command("demo", "load")
    assert _counts() == first
    assert audit_verify() is None

    # At least 300 published documents, and every column of every demo
    # catalogue has public content (a parent column through its children).
    public = Document.objects.filter(status__in=PUBLIC_STATUSES)
    assert public.filter(status=DocumentStatus.PUBLISHED).count() >= 300
    demo_codes = [credit_code_for(spec) for spec, _ in walk(CITY)]
    columns = Column.objects.filter(organisation__credit_code__in=demo_codes).annotate(
        n=Count("documents", filter=Q(documents__status__in=PUBLIC_STATUSES))
    )
    non_empty = {c.pk for c in columns if c.n}
    for column in columns:
        children = [c.pk for c in columns if c.parent_id == column.pk]
        assert column.pk in non_empty or (children and set(children) <= non_empty), (
            f"{column} is empty"
        )
    assert (
        len(demo_codes)
        == Organisation.objects.filter(credit_code__in=demo_codes).count()
    )

    # The workflow examples.
    assert public.filter(validity=Validity.REPEALED, status="superseded").exists()
    interpretation = public.get(content_type=ContentType.INTERPRETATION)
    policy = interpretation.policies.get()
    assert policy.needs_interpretation
    assert policy.published_on == interpretation.published_on
    head = User.objects.get(username="hc_head")
    late = documents_publication_late(user=head)
    assert late.filter(title="鹤城市政务数据共享管理办法").exists()
    for status in ("draft", "submitted", "returned"):
        assert Document.objects.filter(status=status).exists()

    # The seeds, under their true issuers and numbers.
    hebi = public.get(doc_number="鹤政办〔2019〕20号")
    assert hebi.organisation.name == "鹤壁市人民政府办公室"
    assert public.filter(doc_number="庆政办函〔2021〕31号").exists()
    assert public.filter(doc_number="阿行办发〔2017〕74号").exists()
    assert public.filter(title="政府信息公開工作匯報(市)").exists()

    # One account per role, each able to sign in with the listed password.
    held = set(
        RoleAssignment.objects.filter(
            user__username__in=[s.username for s in STAFF]
        ).values_list("user__username", "role")
    )
    assert {role for _, role in held} == set(Role)
    for spec in STAFF:
        assert (spec.username, spec.role) in held
        response = client.post(
            reverse("staff:login"),
            {"username": spec.username, "password": DEMO_PASSWORD},
        )
        assert response.status_code == 302, spec.username
        assert response.url == reverse("staff:dashboard")
        assert client.session["_auth_user_id"] == str(
            User.objects.get(username=spec.username).pk
        )
        client.logout()

    # The system administrator also opens Django admin; nobody else does.
    admins = User.objects.filter(Q(is_staff=True) | Q(is_superuser=True))
    assert list(admins.values_list("username", flat=True)) == ["hc_admin"]
    client.force_login(admins.get())
    assert client.get("/admin/").status_code == 200

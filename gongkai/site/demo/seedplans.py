"""Where each seed document goes and with which metadata.

Seeds whose text names its issuer (the 文章属性 block: 制定机关) are
published under that real organisation (see organisations.py). Seeds that
name none, or only as "XX市"/"**市"/"我市", are work reports and speeches
about 政务公开; they are attached to the demo city's organisations:
city-level texts to 鹤城市人民政府办公室 (the office in charge of 政务公开),
a district-level speech to 南湖区人民政府. When a text gives no 成文日期 the
download site's own date is used, or failing that the first day of the demo
period, and the summary says so.
"""

from __future__ import annotations

from gongkai.documents.doc_numbers import normalise_doc_number
from gongkai.documents.models import ContentType, Genre, LegalForm, Validity

from .organisations import SEED_ISSUERS, spec_by_key
from .plan import FIRST_DAY, DocPlan, add_weekdays
from .seeds import SeedDocument

CITY_OFFICE_KEY = 101
DISTRICT_KEY = 200
TOPIC = "综合政务\\政务公开"


def _issuer_key(seed: SeedDocument) -> int | None:
    if not seed.issuer:
        return None
    specs = spec_by_key()
    for *_, key in SEED_ISSUERS:
        for candidate in (key, key + 1):
            if specs[candidate].name == seed.issuer:
                return candidate
    return None


def _genre(title: str) -> str:
    for suffix, genre in (
        ("通知", Genre.NOTICE),
        ("意见", Genre.OPINION),
        ("报告", Genre.REPORT),
        ("汇报", Genre.REPORT),
        ("匯報", Genre.REPORT),
        ("通报", Genre.CIRCULAR),
        ("决定", Genre.DECISION),
    ):
        if suffix in title[-8:]:
            return genre
    return ""


def _content_type(seed: SeedDocument) -> str:
    if "讲话" in seed.title or "講話" in seed.title:
        return ContentType.SPEECH
    if seed.legal_level or seed.doc_number:
        return ContentType.POLICY
    return ContentType.WORK_REPORT


def seed_plan(seed: SeedDocument) -> DocPlan | None:
    if not seed.title or not seed.paragraphs:
        return None
    issuer = _issuer_key(seed)
    district = "全区" in seed.title or "区长" in seed.title
    org_key = issuer or (DISTRICT_KEY if district else CITY_OFFICE_KEY)
    written = seed.written_on or seed.site_date
    notes = []
    if seed.written_on is None:
        notes.append("原文未载明成文日期，成文日期取自收录日期。")
    if written is None:
        written = FIRST_DAY
        notes[-1] = "原文未载明成文日期，成文日期为演示数据设定。"
    if not seed.title_from_text:
        notes.append("原文无标题，标题为编者所加。")
    normative = "规范性" in seed.legal_level
    statutory = "art20_01" if normative else "art20_15"
    return DocPlan(
        org_key=org_key,
        column_slug=statutory.replace("_", "-"),
        title=seed.title,
        written_on=written,
        published_on=seed.published_on or add_weekdays(written, 2),
        effective_on=seed.effective_on if normative else None,
        content_type=_content_type(seed),
        topic=TOPIC,
        genre=_genre(seed.title),
        legal_form=LegalForm.NORMATIVE_DOCUMENT if normative else "",
        doc_number=normalise_doc_number(seed.doc_number) if seed.doc_number else "",
        validity=Validity.IN_FORCE,
        statutory_item=statutory,
        keywords="政务公开",
        summary=" ".join([seed.summary(), *notes]),
        body=seed.body_html(),
        traditional=seed.traditional,
        seed_source=seed.source,
    )


def seed_plans(seeds: list[SeedDocument]) -> list[DocPlan]:
    plans = [plan for seed in seeds if (plan := seed_plan(seed)) is not None]
    # Two seeds could share a title; the second would be skipped as existing.
    seen: set[tuple[int, str]] = set()
    unique = []
    for plan in plans:
        if (plan.org_key, plan.title) not in seen:
            seen.add((plan.org_key, plan.title))
            unique.append(plan)
    return unique

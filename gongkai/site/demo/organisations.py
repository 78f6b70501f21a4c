"""The demo organisations: 鹤城市 (fictional) and the real issuers of the seeds.

Every organisation is found again by its credit code (orgspec.py), so loading
again creates only what is missing. The city's tree is data in city.py.

The seed documents of 鹤壁、大庆 and 阿勒泰 keep their true issuers: each of
those gets a small tree of its own (government → general office) with a
fictional code on the real division code, and no invented contact details or
generated documents (we publish nothing in a real government's name that it
did not write).
"""

from __future__ import annotations

from gongkai.core.models import Organisation, OrganisationKind, User
from gongkai.core.services.organisations import organisation_create

from .city import CITY
from .orgspec import DEMO_CITY, OrgSpec, credit_code_for, walk

K = OrganisationKind

OFFICE_HOURS = "工作日上午8:30—12:00，下午14:00—17:30（法定节假日除外）"

# Real issuers named in the seeds' 文章属性 (制定机关); see the module docstring.
SEED_ISSUERS = (
    ("鹤壁市人民政府", "鹤壁市政府", "鹤政", "410600", 900),
    ("大庆市人民政府", "大庆市政府", "庆政", "230600", 910),
    ("阿勒泰地区行政公署", "阿勒泰行署", "阿行", "654300", 920),
)


def seed_issuer_trees() -> tuple[OrgSpec, ...]:
    trees = []
    for name, short, code, division, key in SEED_ISSUERS:
        office = OrgSpec(
            key + 1,
            f"{name}办公室",
            f"{short}办公室",
            K.CITY_OFFICE,
            f"{code}办",
            "政务公开",
            "（演示数据）真实发文机关，仅用于发布其已公开的种子文件；"
            "统一社会信用代码为虚构。",
            division=division,
            demo=False,
        )
        trees.append(
            OrgSpec(
                key,
                name,
                short,
                K.CITY_GOVERNMENT,
                code,
                "经济社会发展",
                "（演示数据）真实行政机关，仅作为种子文件发文机关的上级。",
                division=division,
                children=(office,),
                demo=False,
            )
        )
    return tuple(trees)


def all_specs() -> list[tuple[OrgSpec, OrgSpec | None]]:
    specs = walk(CITY)
    for tree in seed_issuer_trees():
        specs.extend(walk(tree))
    return specs


_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = (
    "建国",
    "海燕",
    "志强",
    "丽华",
    "晓东",
    "文静",
    "国平",
    "春梅",
    "明辉",
    "雪峰",
)


def _head_names(spec: OrgSpec) -> str:
    if spec.head_names:
        return spec.head_names
    surname = _SURNAMES[(spec.key * 7) % len(_SURNAMES)]
    name = surname + _GIVEN[(spec.key * 3 + spec.key // 20) % len(_GIVEN)]
    if spec.name.endswith("区人民政府"):
        title = "区长"
    elif spec.name.endswith("县人民政府"):
        title = "县长"
    elif spec.name.endswith("街道办事处") or spec.name.endswith("委员会"):
        title = "主任"
    elif spec.name.endswith("镇人民政府"):
        title = "镇长"
    elif spec.name.endswith("乡人民政府"):
        title = "乡长"
    else:
        title = "局长"
    return f"{title} {name}"


def _contact(spec: OrgSpec) -> dict[str, str]:
    if not spec.demo:
        return {"office_name": f"{spec.short_name}政务公开工作机构"}
    street = ("人民路", "鹤鸣大道", "湖滨路", "文昌街", "建设路", "青年路")[
        spec.key % 6
    ]
    return {
        "office_name": (
            f"{spec.short_name}政务公开办公室"
            if spec.kind != K.TOWNSHIP
            else f"{spec.short_name}党政综合办公室"
        ),
        "office_address": spec.address
        or f"{DEMO_CITY}{street}{spec.key % 97 + 1}号{spec.short_name}办公楼",
        "office_hours": OFFICE_HOURS,
        "office_phone": f"0399-{2600_0000 + spec.key * 37:08d}",
        "office_fax": f"0399-{2600_0000 + spec.key * 37 + 1:08d}",
        "office_email": f"gk{spec.key}@hecheng.example.gov.cn",
        "office_postal_code": f"9910{spec.key % 100:02d}",
    }


def organisations_ensure(
    *, actor: User | None
) -> tuple[dict[int, Organisation], list[Organisation]]:
    """Create what is missing; returns (key → organisation, newly created)."""
    specs = all_specs()
    by_code = {
        o.credit_code: o
        for o in Organisation.objects.filter(
            credit_code__in=[credit_code_for(s) for s, _ in specs]
        )
    }
    result: dict[int, Organisation] = {}
    created: list[Organisation] = []
    for n, (spec, parent) in enumerate(specs):
        code = credit_code_for(spec)
        organisation = by_code.get(code)
        if organisation is None:
            organisation = organisation_create(
                actor=actor,
                parent=result[parent.key] if parent is not None else None,
                name=spec.name,
                short_name=spec.short_name,
                kind=spec.kind,
                credit_code=code,
                functions=spec.functions,
                head_names=_head_names(spec) if spec.demo else "",
                sort_order=n,
                **_contact(spec),
            )
            created.append(organisation)
        result[spec.key] = organisation
    return result, created


def spec_by_key() -> dict[int, OrgSpec]:
    return {spec.key: spec for spec, _ in all_specs()}

"""The demo city 鹤城市 (fictional) and the real issuers of the seed documents.

Every organisation is identified by its credit code, which is derived from a
fixed key in the tables below, so loading again finds what exists. Codes are
fictional: the administrative-division part of 鹤城市 is 9901xx (no such
province), the organisation-code part starts with "DEM", and the GB 11714 and
GB 32100 check characters are computed, so every code validates.

The seed documents of 鹤壁、大庆 and 阿勒泰 keep their true issuers: each of
those gets a small tree of its own (government → general office) with a
fictional code on the real division code, and no invented contact details or
generated documents (we publish nothing in a real government's name that it
did not write).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.core.credit_codes import credit_code_check_character
from gongkai.core.models import Organisation, OrganisationKind, User
from gongkai.core.services.organisations import organisation_create

K = OrganisationKind

DEMO_CITY = "鹤城市"
DEMO_DIVISION = "990100"
OFFICE_HOURS = "工作日上午8:30—12:00，下午14:00—17:30（法定节假日除外）"


@dataclass(frozen=True)
class OrgSpec:
    key: int  # stable: the credit code derives from it
    name: str
    short_name: str
    kind: str
    code: str  # 机关代字 used in 发文字号, e.g. 鹤政办
    domain: str  # what the organisation's documents are about
    functions: str
    division: str = DEMO_DIVISION
    address: str = ""
    head_names: str = ""
    children: tuple[OrgSpec, ...] = field(default_factory=tuple)
    demo: bool = True  # False: a real issuer of a seed document

    @property
    def slug(self) -> str:
        return f"o{self.key}"


def gb11714_check(body8: str) -> str:
    """Check character of the 9-character organisation code (GB 11714-1997)."""
    values = [int(ch) if ch.isdigit() else ord(ch) - 55 for ch in body8]
    total = sum(v * w for v, w in zip(values, (3, 7, 9, 10, 5, 8, 4, 2), strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def credit_code_for(spec: OrgSpec) -> str:
    body8 = f"DEM{spec.key:05d}"
    first17 = f"11{spec.division}{body8}{gb11714_check(body8)}"
    return first17 + credit_code_check_character(first17)


def _dept(
    key: int, name: str, short: str, code: str, domain: str, functions: str
) -> OrgSpec:
    return OrgSpec(key, name, short, K.CITY_DEPARTMENT, code, domain, functions)


CITY_DEPARTMENTS = (
    _dept(
        110,
        "鹤城市发展和改革委员会",
        "市发展改革委",
        "鹤发改",
        "发展改革",
        "拟订并组织实施全市国民经济和社会发展战略、中长期规划和年度计划；"
        "统筹协调经济社会发展，推进重大建设项目，负责价格管理和投资审批。",
    ),
    _dept(
        111,
        "鹤城市教育局",
        "市教育局",
        "鹤教",
        "教育",
        "贯彻执行教育法律法规和方针政策，统筹全市各级各类教育发展，"
        "负责义务教育招生、学前教育、教师队伍建设和教育经费管理。",
    ),
    _dept(
        112,
        "鹤城市民政局",
        "市民政局",
        "鹤民",
        "民政",
        "负责社会救助、养老服务、儿童福利、社会组织登记管理、"
        "行政区划与地名管理、婚姻登记和殡葬管理工作。",
    ),
    _dept(
        113,
        "鹤城市司法局",
        "市司法局",
        "鹤司",
        "法治政府建设",
        "统筹推进法治政府建设，承担行政规范性文件合法性审核、行政复议、"
        "行政执法协调监督、普法和公共法律服务工作。",
    ),
    _dept(
        114,
        "鹤城市财政局",
        "市财政局",
        "鹤财",
        "财政",
        "拟订全市财政发展规划和政策，编制年度预决算草案，管理政府债务、"
        "政府采购和国有资本经营预算，推进预决算公开。",
    ),
    _dept(
        115,
        "鹤城市人力资源和社会保障局",
        "市人社局",
        "鹤人社",
        "就业和社会保障",
        "负责就业创业、社会保险、人才引进、劳动关系和公务员考试录用相关工作，"
        "组织实施职业技能培训。",
    ),
    _dept(
        116,
        "鹤城市自然资源和规划局",
        "市自然资源规划局",
        "鹤自然资规",
        "自然资源和规划",
        "负责国土空间规划、土地征收与供应、不动产登记、矿产资源管理和"
        "自然资源资产调查监测。",
    ),
    _dept(
        117,
        "鹤城市生态环境局",
        "市生态环境局",
        "鹤环",
        "生态环境",
        "负责大气、水、土壤污染防治，环境影响评价审批，生态环境监测和"
        "执法检查，公开环境质量信息。",
    ),
    _dept(
        118,
        "鹤城市住房和城乡建设局",
        "市住房城乡建设局",
        "鹤建",
        "住房和城乡建设",
        "负责住房保障、房地产市场监管、建筑业管理、城市更新和"
        "老旧小区改造、工程建设项目审批制度改革。",
    ),
    _dept(
        119,
        "鹤城市交通运输局",
        "市交通运输局",
        "鹤交",
        "交通运输",
        "负责公路、水路和城市公共交通的规划建设与运营管理，"
        "承担道路运输行政许可和交通运输安全监督。",
    ),
    _dept(
        120,
        "鹤城市农业农村局",
        "市农业农村局",
        "鹤农",
        "农业农村",
        "统筹乡村振兴和农业农村发展，负责耕地保护、高标准农田建设、"
        "农村土地承包经营和农产品质量安全监管。",
    ),
    _dept(
        121,
        "鹤城市卫生健康委员会",
        "市卫生健康委",
        "鹤卫健",
        "卫生健康",
        "负责公共卫生、医疗服务、疾病预防控制、应急医疗救治和"
        "人口监测，推进健康鹤城建设。",
    ),
    _dept(
        122,
        "鹤城市市场监督管理局",
        "市市场监管局",
        "鹤市监",
        "市场监管",
        "负责市场主体登记、食品药品安全、产品质量、计量标准、"
        "知识产权保护和反不正当竞争执法。",
    ),
)


def _county(
    key: int,
    place: str,
    level: str,
    code: str,
    division: str,
    departments: tuple[tuple[str, str, str, str], ...],
    townships: tuple[tuple[str, str, str], ...],
) -> OrgSpec:
    """A county or district: government, departments, townships/streets."""
    prefix = f"{DEMO_CITY}{place}{level}"
    children: list[OrgSpec] = []
    for n, (dept, short, dcode, domain) in enumerate(departments, start=1):
        children.append(
            OrgSpec(
                key + n,
                f"{prefix}{dept}",
                f"{place}{level}{short}",
                K.COUNTY_DEPARTMENT,
                dcode,
                domain,
                f"负责全{level}{domain}工作，贯彻执行上级{domain}政策，"
                f"组织实施本{level}{domain}发展规划和年度计划，依法公开相关信息。",
                division=division,
            )
        )
    for n, (town, tcode, kind) in enumerate(townships, start=len(departments) + 1):
        children.append(
            OrgSpec(
                key + n,
                f"{prefix}{town}{kind}",
                f"{town}{kind[:2] if kind.startswith('街道') else kind[0]}",
                K.TOWNSHIP,
                tcode,
                "基层治理",
                "贯彻落实党和国家在农村、社区的各项方针政策，负责辖区经济发展、"
                "社会事务、公共服务、综合治理和村（居）务公开工作。",
                division=division,
            )
        )
    return OrgSpec(
        key,
        f"{prefix}人民政府",
        f"{place}{level}政府",
        K.COUNTY_GOVERNMENT,
        code,
        "经济社会发展",
        f"执行{level}人民代表大会及其常务委员会的决议，管理本行政区域内的经济、"
        "教育、科学、文化、卫生、民政、公安、司法行政、财政等行政工作。",
        division=division,
        children=tuple(children),
    )


COUNTIES = (
    _county(
        200,
        "南湖",
        "区",
        "南政",
        "990102",
        (
            ("教育局", "教育局", "南教", "教育"),
            ("民政局", "民政局", "南民", "民政"),
            ("财政局", "财政局", "南财", "财政"),
        ),
        (("湖滨", "湖滨街", "街道办事处"), ("东岸", "东岸街", "街道办事处")),
    ),
    _county(
        220,
        "北山",
        "区",
        "北政",
        "990103",
        (
            ("卫生健康局", "卫健局", "北卫健", "卫生健康"),
            ("市场监督管理局", "市场监管局", "北市监", "市场监管"),
            ("农业农村局", "农业农村局", "北农", "农业农村"),
        ),
        (("北山", "北山街", "街道办事处"), ("龙泉", "龙泉镇", "镇人民政府")),
    ),
    _county(
        240,
        "青溪",
        "县",
        "青政",
        "990121",
        (
            ("教育体育局", "教体局", "青教体", "教育"),
            ("农业农村局", "农业农村局", "青农", "农业农村"),
            ("住房和城乡建设局", "住建局", "青建", "住房和城乡建设"),
        ),
        (("青溪", "青溪镇", "镇人民政府"), ("白鹤", "白鹤乡", "乡人民政府")),
    ),
)

CITY = OrgSpec(
    100,
    f"{DEMO_CITY}人民政府",
    f"{DEMO_CITY}政府",
    K.CITY_GOVERNMENT,
    "鹤政",
    "经济社会发展",
    "执行市人民代表大会及其常务委员会的决议和上级国家行政机关的决定、命令，"
    "规定行政措施，发布决定和命令；领导所属工作部门和下级人民政府的工作；"
    "管理本行政区域内的经济和社会事务。",
    head_names="市长 林远航；副市长 周海宁、陈思源",
    children=(
        OrgSpec(
            101,
            f"{DEMO_CITY}人民政府办公室",
            "市政府办公室",
            K.CITY_OFFICE,
            "鹤政办",
            "政务公开",
            "协助市政府领导处理政府日常工作，负责市政府会议组织、公文处理、"
            "督查督办、政务公开和政府网站集约化平台的建设与管理。",
            head_names="主任 宋立群",
        ),
        *CITY_DEPARTMENTS,
        *COUNTIES,
    ),
)

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


def walk(spec: OrgSpec) -> list[tuple[OrgSpec, OrgSpec | None]]:
    """(spec, parent spec) for the whole tree, parents first."""
    result: list[tuple[OrgSpec, OrgSpec | None]] = [(spec, None)]
    stack = [(child, spec) for child in reversed(spec.children)]
    while stack:
        node, parent = stack.pop()
        result.append((node, parent))
        stack.extend((child, node) for child in reversed(node.children))
    return result


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

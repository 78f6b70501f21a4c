"""The fictional demo city 鹤城市 as data: its government, office, departments
and three counties/districts with their departments and townships."""

from __future__ import annotations

from gongkai.core.models import OrganisationKind

from .orgspec import DEMO_CITY, OrgSpec

K = OrganisationKind


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


def _county_departments(
    key: int,
    place: str,
    level: str,
    division: str,
    departments: tuple[tuple[str, str, str, str], ...],
) -> list[OrgSpec]:
    return [
        OrgSpec(
            key + n,
            f"{DEMO_CITY}{place}{level}{dept}",
            f"{place}{level}{short}",
            K.COUNTY_DEPARTMENT,
            dcode,
            domain,
            f"负责全{level}{domain}工作，贯彻执行上级{domain}政策，"
            f"组织实施本{level}{domain}发展规划和年度计划，依法公开相关信息。",
            division=division,
        )
        for n, (dept, short, dcode, domain) in enumerate(departments, start=1)
    ]


def _townships(
    key: int,
    prefix: str,
    division: str,
    townships: tuple[tuple[str, str, str], ...],
) -> list[OrgSpec]:
    """Townships and streets, keyed from `key` on."""
    return [
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
        for n, (town, tcode, kind) in enumerate(townships)
    ]


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
    children = [
        *_county_departments(key, place, level, division, departments),
        *_townships(key + len(departments) + 1, prefix, division, townships),
    ]
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

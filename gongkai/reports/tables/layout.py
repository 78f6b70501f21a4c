"""What the three tables are made of: rows, columns, official labels and how
a cell is named in a finding (spec §3; pure, no ORM)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gongkai.applications.choices import ApplicantType, Outcome

# -- Table 2: 主动公开政府信息情况 ------------------------------------------------

TABLE2_DOCUMENT_ROWS = ("rules", "normative_documents")
TABLE2_DOCUMENT_COLUMNS = ("issued", "repealed", "in_force")
TABLE2_DECISION_ROWS = ("licences", "penalties", "coercions")

TABLE2_LABELS = {
    "rules": _("规章"),
    "normative_documents": _("行政规范性文件"),
    "licences": _("行政许可"),
    "penalties": _("行政处罚"),
    "coercions": _("行政强制"),
    "fees": _("行政事业性收费"),
    "issued": _("本年制发件数"),
    "repealed": _("本年废止件数"),
    "in_force": _("现行有效件数"),
    "decisions": _("本年处理决定数量"),
    "fee_amount": _("本年收费金额（单位：万元）"),
}

# -- Table 3: 收到和处理政府信息公开申请情况 ---------------------------------------

TABLE3_COLUMNS: tuple[str, ...] = (*(t.value for t in ApplicantType), "total")
TABLE3_ROWS: tuple[str, ...] = (
    "new",
    "carried_over",
    *(o.value for o in Outcome),
    "total",
    "carried_forward",
)
OUTCOME_ROWS: tuple[str, ...] = tuple(o.value for o in Outcome)

TABLE3_STUB_NOTE = _(
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
)


@dataclass(frozen=True)
class RowLabel:
    code: str  # R1..R25 (spec §3.3)
    label: str  # the official text of the row
    group: str = ""  # the （三）–（六） group it belongs to, if any


def table3_row_labels() -> dict[str, RowLabel]:
    """The official row texts, in order (spec §3.3)."""
    labels = {
        "new": RowLabel("R1", gettext("一、本年新收政府信息公开申请数量")),
        "carried_over": RowLabel("R2", gettext("二、上年结转政府信息公开申请数量")),
    }
    for outcome in Outcome:
        labels[outcome.value] = RowLabel(
            outcome.row, _outcome_row_text(outcome), str(outcome.group.label)
        )
    labels["total"] = RowLabel("R24", gettext("（七）总计"))
    labels["carried_forward"] = RowLabel("R25", gettext("四、结转下年度继续办理"))
    return labels


def _outcome_row_text(outcome: Outcome) -> str:
    if outcome is Outcome.DISCLOSED:
        return gettext("（一）予以公开")
    if outcome is Outcome.PARTLY_DISCLOSED:
        return gettext("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
    siblings = [o for o in Outcome if o.group == outcome.group]
    return f"{siblings.index(outcome) + 1}.{outcome.label}"


TABLE3_GROUP_HEADINGS = {
    "withheld": _("（三）不予公开"),
    "unavailable": _("（四）无法提供"),
    "not_processed": _("（五）不予处理"),
    "other": _("（六）其他处理"),
}


# -- Table 4: 政府信息公开行政复议、行政诉讼情况 -----------------------------------

TABLE4_GROUPS = (
    "reconsideration",
    "litigation_direct",
    "litigation_after_reconsideration",
)
TABLE4_COLUMNS = ("maintained", "corrected", "other", "pending", "total")
TABLE4_LABELS = {
    "reconsideration": _("行政复议"),
    "litigation": _("行政诉讼"),
    "litigation_direct": _("未经复议直接起诉"),
    "litigation_after_reconsideration": _("复议后起诉"),
    "maintained": _("结果维持"),
    "corrected": _("结果纠正"),
    "other": _("其他结果"),
    "pending": _("尚未审结"),
    "total": _("总计"),
}

# -- how a cell is named in a finding ------------------------------------------


def column_label(column: str) -> str:
    return str(gettext("总计") if column == "total" else ApplicantType(column).label)


# REPORT-CORE edit: the R-codes do not depend on the language, so they are
# taken once; rebuilding every row label for each of the 175 cells cost
# 0.27 s per validation (bench/annual_report.py, budget 2 s).
@functools.cache
def _table3_codes() -> dict[str, str]:
    codes = {"new": "R1", "carried_over": "R2", "total": "R24"}
    codes["carried_forward"] = "R25"
    codes.update({outcome.value: outcome.row for outcome in Outcome})
    return codes


def table3_cell(row: str, column: str) -> str:
    return f"{gettext('表三')} {_table3_codes()[row]} {column_label(column)}"


def table4_cell(group: str, column: str) -> str:
    return f"{gettext('表四')} {TABLE4_LABELS[group]} {TABLE4_LABELS[column]}"


def table2_cell(row: str, column: str | None = None) -> str:
    label = f"{gettext('表二')} {TABLE2_LABELS[row]}"
    return f"{label} {TABLE2_LABELS[column]}" if column else label

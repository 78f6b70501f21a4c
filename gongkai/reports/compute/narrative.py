"""The generated starting text of sections 一 and 六 (spec §3.1).

Section 一 opens with the statistical period and the year's figures (as real
reports do); section 六 must state the 信息处理费 charged under
国办函〔2020〕109号. People edit both afterwards.
"""

from __future__ import annotations

from django.utils.translation import gettext

from gongkai.applications.choices import Outcome, OutcomeGroup

from ..tables import OUTCOME_ROWS
from . import ReportFigures


def _group_count(figures: ReportFigures, group: OutcomeGroup) -> int:
    rows = figures.tables.table3.cells
    return sum(
        rows[row]["total"] for row in OUTCOME_ROWS if Outcome(row).group == group
    )


def overview_paragraph(figures: ReportFigures) -> str:
    """一、总体情况: the opening paragraph with the year's figures."""
    t2 = figures.tables.table2.documents
    t3 = figures.tables.table3.cells
    t4 = figures.tables.table4.cells
    litigation = (
        t4["litigation_direct"]["total"]
        + t4["litigation_after_reconsideration"]["total"]
    )
    values = {
        "org": figures.organisation.name,
        "year": figures.year,
        "rules": t2["rules"]["issued"],
        "normative": t2["normative_documents"]["issued"],
        "new": t3["new"]["total"],
        "carried_over": t3["carried_over"]["total"],
        "closed": t3["total"]["total"],
        "disclosed": _group_count(figures, OutcomeGroup.DISCLOSED),
        "partly": _group_count(figures, OutcomeGroup.PARTLY_DISCLOSED),
        "carried_forward": t3["carried_forward"]["total"],
        "reconsideration": t4["reconsideration"]["total"],
        "litigation": litigation,
    }
    return (
        gettext(
            "本报告由%(org)s根据《中华人民共和国政府信息公开条例》第四十九条、第五十条"
            "规定编制，所列数据的统计期限自%(year)s年1月1日起至%(year)s年12月31日止。"
            "%(year)s年，本机关主动公开规章%(rules)s件、行政规范性文件%(normative)s件；"
            "新收政府信息公开申请%(new)s件，上年结转%(carried_over)s件，"
            "办结%(closed)s件（其中予以公开%(disclosed)s件、部分公开%(partly)s件），"
            "结转下年度继续办理%(carried_forward)s件；"
            "因政府信息公开工作被申请行政复议%(reconsideration)s件、"
            "被提起行政诉讼%(litigation)s件。"
        )
        % values
    )


def fees_paragraph(figures: ReportFigures) -> str:
    """六、其他需要报告的事项: the 信息处理费 actually collected."""
    if not figures.fees.cases:
        return gettext("%(year)s年，本机关未收取政府信息公开信息处理费。") % {
            "year": figures.year
        }
    return gettext(
        "%(year)s年，本机关依据《政府信息公开信息处理费管理办法》"
        "（国办函〔2020〕109号）收取信息处理费%(cases)s件，共计%(amount)s元。"
    ) % {
        "year": figures.year,
        "cases": figures.fees.cases,
        "amount": figures.fees.amount,
    }

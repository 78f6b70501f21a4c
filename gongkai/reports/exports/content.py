"""What an exported report holds: the organisation, the year, the six sections."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ..tables import AnnualTables

# 国办公开办函〔2021〕30号: the six fixed headings, in this order (spec §3.1).
SECTION_HEADINGS = (
    ("overview", _("一、总体情况")),
    ("table2", _("二、主动公开政府信息情况")),
    ("table3", _("三、收到和处理政府信息公开申请情况")),
    ("table4", _("四、政府信息公开行政复议、行政诉讼情况")),
    ("problems", _("五、存在的主要问题及改进情况")),
    ("other", _("六、其他需要报告的事项")),
)
NARRATIVE_SECTIONS = ("overview", "problems", "other")


@dataclass
class ReportContent:
    organisation_name: str
    year: int
    tables: AnnualTables
    # Narrative text of sections 一, 五 and 六 (plain text, paragraphs split
    # by blank lines), keyed by NARRATIVE_SECTIONS.
    narrative: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{self.organisation_name}{self.year}年政府信息公开工作年度报告"

    def paragraphs(self, section: str) -> list[str]:
        text = self.narrative.get(section, "")
        return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]

"""manage.py annual_report --org CODE --year YYYY --format html|docx|pdf|xlsx|csv -o FILE

Writes an organisation's annual report in the official layout. It takes the
latest published version if there is one, else the working version, else
the figures as the records give them now with the generated narrative.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.core.models import Organisation

from ...compute import report_figures
from ...compute.narrative import fees_paragraph, overview_paragraph
from ...content import report_content
from ...exports import FORMATS, ReportContent
from ...models import AnnualReport, ReportScope, ReportStatus


class Command(BaseCommand):
    help = "导出政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help="机关的统一社会信用代码")
        parser.add_argument("--year", required=True, type=int, help="报告年度")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument("-o", "--output", required=True, help="输出文件")
        parser.add_argument(
            "--scope", default=ReportScope.OWN, choices=ReportScope.values
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(credit_code=options["org"]).first()
        if organisation is None:
            raise CommandError(f"未找到统一社会信用代码为 {options['org']} 的机关。")
        content = _content(organisation, options["year"], options["scope"])
        _, render = FORMATS[options["format"]]
        output = Path(options["output"])
        output.write_bytes(render(content))
        self.stdout.write(f"{content.title} → {output}")


def _content(organisation: Organisation, year: int, scope: str) -> ReportContent:
    versions = AnnualReport.objects.filter(
        organisation=organisation, year=year, scope=scope
    )
    report = (
        versions.filter(status=ReportStatus.PUBLISHED).order_by("-version").first()
        or versions.filter(is_current=True).first()
    )
    if report is not None:
        return report_content(report)
    figures = report_figures(organisation=organisation, year=year, scope=scope)
    transient = AnnualReport(
        organisation=organisation,
        year=year,
        scope=scope,
        overview=overview_paragraph(figures),
        other_matters=fees_paragraph(figures),
    )
    return report_content(transient, figures)

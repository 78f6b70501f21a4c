"""The staff page's charts as inline SVG, drawn on the server (no JS library).

Each chart is a titled <svg role="img"> with a <title>/<desc> and a
data table fallback in the template, so it reads without sight or script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from gongkai.applications.choices import Outcome, OutcomeGroup

from .tables import OUTCOME_ROWS, AnnualTables

WIDTH, HEIGHT, PAD = 640, 240, 36
COLOURS = ("#1f5fa8", "#c8a13a", "#4a8f5c", "#b5483b", "#6d5a9e", "#5b6b7a")


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[int]


def _f(value: float) -> str:
    return f"{value:.1f}"


def _scale(maximum: int) -> int:
    return max(1, maximum)


def _svg(title: str, body: SafeString, height: int = HEIGHT) -> SafeString:
    return format_html(
        '<svg class="report-chart" role="img" viewBox="0 0 {w} {h}" '
        'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>{b}</svg>',
        w=WIDTH,
        h=height,
        t=title,
        b=body,
    )


def _legend(series: Sequence[Series]) -> SafeString:
    return format_html_join(
        "",
        '<rect x="{}" y="6" width="10" height="10" fill="{}"/>'
        '<text x="{}" y="15" font-size="12">{}</text>',
        (
            (PAD + i * 140, COLOURS[i % 6], PAD + i * 140 + 14, s.label)
            for i, s in enumerate(series)
        ),
    )


def _bar_group(
    i: int, label: str, series: Sequence[Series], top: int, slot: float, bar: float
) -> list[SafeString]:
    """The bars of the label at position `i`, then the label under them."""
    plot_h = HEIGHT - 2 * PAD
    x0 = PAD + i * slot + slot * 0.1
    parts = []
    for j, s in enumerate(series):
        h = plot_h * s.values[i] / top
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" '
                'fill="{}"><title>{} {}：{}</title></rect>',
                _f(x0 + j * bar),
                _f(HEIGHT - PAD - h),
                _f(bar),
                _f(h),
                COLOURS[j % 6],
                s.label,
                label,
                s.values[i],
            )
        )
    parts.append(
        format_html(
            '<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>',
            _f(x0 + slot * 0.4),
            HEIGHT - PAD + 14,
            label,
        )
    )
    return parts


def grouped_bars(
    title: str, labels: Sequence[str], series: Sequence[Series]
) -> SafeString:
    """Vertical bars, one group per label, one bar per series."""
    top = _scale(max((v for s in series for v in s.values), default=0))
    slot = (WIDTH - 2 * PAD) / max(1, len(labels))
    bar = slot * 0.8 / max(1, len(series))
    parts = [
        part
        for i, label in enumerate(labels)
        for part in _bar_group(i, label, series, top, slot, bar)
    ]
    axis = format_html(
        '<line x1="{p}" y1="{y}" x2="{x}" y2="{y}" stroke="#666"/>'
        '<text x="4" y="{t}" font-size="11">{m}</text>',
        p=PAD, y=HEIGHT - PAD, x=WIDTH - PAD, t=PAD + 4, m=top,
    )  # fmt: skip
    body = mark_safe("".join([_legend(series), axis, *parts]))
    return _svg(title, body)


def horizontal_shares(title: str, items: Sequence[tuple[str, int]]) -> SafeString:
    """One bar per item with its count and share of the whole."""
    total = sum(n for _, n in items)
    row_h, label_w = 26, 120
    height = PAD + row_h * len(items)
    parts = []
    for i, (label, n) in enumerate(items):
        y = PAD / 2 + i * row_h
        w = (WIDTH - label_w - 2 * PAD - 60) * n / _scale(total)
        share = f"{100 * n / total:.1f}%" if total else "0%"
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="16" fill="{}"/>'
                '<text x="{}" y="{}" font-size="12">{}（{}）</text>',
                PAD,
                _f(y + 12),
                label,
                PAD + label_w,
                _f(y),
                _f(w),
                COLOURS[i % 6],
                _f(PAD + label_w + w + 6),
                _f(y + 12),
                n,
                share,
            )
        )
    return _svg(title, mark_safe("".join(parts)), height)


def months_chart(
    year: int, this_year: Sequence[int], last_year: Sequence[int]
) -> SafeString:
    labels = [_("%(m)s月") % {"m": m} for m in range(1, 13)]
    return grouped_bars(
        _("每月新收申请"),
        labels,
        [Series(str(year - 1), last_year), Series(str(year), this_year)],
    )


def outcome_groups(tables: AnnualTables) -> list[tuple[str, int]]:
    """The year's closed applications by outcome group (Table 3 （一）–（六）)."""
    cells = tables.table3.cells
    return [
        (
            str(group.label),
            sum(cells[r]["total"] for r in OUTCOME_ROWS if Outcome(r).group == group),
        )
        for group in OutcomeGroup
    ]


def outcomes_chart(tables: AnnualTables) -> SafeString:
    return horizontal_shares(_("办理结果构成"), outcome_groups(tables))


def comparison_rows(
    tables: AnnualTables, previous: AnnualTables
) -> list[tuple[str, int, int]]:
    """Key figures (last year, this year)."""
    t3, p3 = tables.table3.cells, previous.table3.cells
    t4, p4 = tables.table4.cells, previous.table4.cells
    return [
        (_("新收申请"), p3["new"]["total"], t3["new"]["total"]),
        (_("办结"), p3["total"]["total"], t3["total"]["total"]),
        (_("结转下年度"), p3["carried_forward"]["total"], t3["carried_forward"]["total"]),
        (_("行政复议"), p4["reconsideration"]["total"], t4["reconsideration"]["total"]),
        (
            _("行政诉讼"),
            p4["litigation_direct"]["total"] + p4["litigation_after_reconsideration"]["total"],
            t4["litigation_direct"]["total"] + t4["litigation_after_reconsideration"]["total"],
        ),
    ]  # fmt: skip


def comparison_chart(year: int, rows: Sequence[tuple[str, int, int]]) -> SafeString:
    return grouped_bars(
        _("本年与上年对比"),
        [label for label, _, _ in rows],
        [
            Series(str(year - 1), [last for _, last, _ in rows]),
            Series(str(year), [now for _, _, now in rows]),
        ],
    )

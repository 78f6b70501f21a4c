"""信息处理费 tariffs (国办函〔2020〕109号, spec §2) — pure.

Both methods are excess-progressive (超额累进); an application is charged by
exactly one of them (第三条). Amounts are integer 元. The tariff figures are
settings (`GONGKAI_FEES` in config/settings/base.py):

- `piece_free`, `piece_first_rate`, `piece_first_band_last`, `piece_step`,
  `piece_step_increase`: 按件计收 over the applicant's cumulative pieces in a
  calendar month (1–10 free, 11–30 100 元, then bands of 10 pieces each
  100 元 dearer: 31–40 200, 41–50 300…);
- `page_bands`: 按量计收 as (first page of the band, 元 per page), ascending;
- `payment_limit_wd`: see `deadlines.fee_payment_due`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext

from gongkai.core.errors import DomainError

from .choices import FeeMethod


@dataclass(frozen=True)
class FeeBand:
    """Consecutive units (pieces or pages) charged at one rate."""

    first: int  # number of the first unit (cumulative piece number, or page)
    last: int
    rate: int  # 元 per unit

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def subtotal(self) -> int:
        return self.count * self.rate


@dataclass(frozen=True)
class FeeQuote:
    """What the fee notice states: method, quantity, breakdown and amount."""

    method: FeeMethod
    quantity: int
    bands: tuple[FeeBand, ...]

    @property
    def amount(self) -> int:
        return sum(band.subtotal for band in self.bands)


def _tariff() -> dict[str, Any]:
    return settings.GONGKAI_FEES


def piece_rate(number: int) -> int:
    """元 for the `number`-th piece of the same applicant in the month."""
    if number < 1:
        raise ValueError("pieces are numbered from 1")
    tariff = _tariff()
    if number <= tariff["piece_free"]:
        return 0
    first_rate: int = tariff["piece_first_rate"]
    band_last: int = tariff["piece_first_band_last"]
    if number <= band_last:
        return first_rate
    steps = (number - band_last - 1) // tariff["piece_step"] + 1
    return first_rate + steps * int(tariff["piece_step_increase"])


def page_rate(page: int) -> int:
    """元 for page number `page` of one application."""
    if page < 1:
        raise ValueError("pages are numbered from 1")
    rate = 0
    for first, band_rate in _tariff()["page_bands"]:
        if page >= first:
            rate = band_rate
    return rate


def _bands(first: int, last: int, rate_of: Callable[[int], int]) -> tuple[FeeBand, ...]:
    bands: list[FeeBand] = []
    for number in range(first, last + 1):
        rate = rate_of(number)
        if bands and bands[-1].rate == rate:
            bands[-1] = FeeBand(bands[-1].first, number, rate)
        else:
            bands.append(FeeBand(number, number, rate))
    return tuple(bands)


def fee_per_piece(*, pieces: int, pieces_before: int = 0) -> FeeQuote:
    """Fee for `pieces` pieces following `pieces_before` earlier ones this month.

    The counter is per applicant identity (ID number / credit code) and
    calendar month (109号第四条); a multi-item application may count as
    several pieces (一事一申请).
    """
    if pieces < 0 or pieces_before < 0:
        raise ValueError("piece counts must not be negative")
    first = pieces_before + 1
    return FeeQuote(
        FeeMethod.PER_PIECE, pieces, _bands(first, pieces_before + pieces, piece_rate)
    )


def fee_per_page(*, pages: int) -> FeeQuote:
    """Fee for one application of `pages` pages (109号第五条)."""
    if pages < 0:
        raise ValueError("pages must not be negative")
    return FeeQuote(FeeMethod.PER_PAGE, pages, _bands(1, pages, page_rate))


def fee_quote(*, method: str, quantity: int, pieces_before: int = 0) -> FeeQuote:
    """The fee of one application by its one chosen method (109号第三条)."""
    method = FeeMethod(method)
    if method == FeeMethod.PER_PIECE:
        return fee_per_piece(pieces=quantity, pieces_before=pieces_before)
    if pieces_before:
        raise DomainError(gettext("按量计收不计算当月累计件数，不能同时按件计收。"))
    return fee_per_page(pages=quantity)

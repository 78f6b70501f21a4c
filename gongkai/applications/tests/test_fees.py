"""信息处理费 tariffs (国办函〔2020〕109号, spec §2.1–2.2)."""

import pytest

from gongkai.applications.choices import FeeMethod
from gongkai.applications.fees import (
    FeeBand,
    fee_per_page,
    fee_per_piece,
    fee_quote,
    page_rate,
    piece_rate,
)
from gongkai.core.errors import DomainError


@pytest.mark.parametrize(
    ("pieces", "amount"),
    [
        (0, 0),
        (10, 0),
        (11, 100),
        (30, 2_000),
        (31, 2_200),
        (45, 5_500),  # spec §2.2: 45 applications in March
        (50, 7_000),
        (60, 11_000),
    ],
)
def test_per_piece_totals_for_a_month(pieces, amount):
    assert fee_per_piece(pieces=pieces).amount == amount


def test_per_piece_breakdown_of_the_spec_example():
    quote = fee_quote(method=FeeMethod.PER_PIECE, quantity=45)
    assert quote.method == FeeMethod.PER_PIECE
    assert quote.quantity == 45
    assert quote.bands == (
        FeeBand(1, 10, 0),
        FeeBand(11, 30, 100),
        FeeBand(31, 40, 200),
        FeeBand(41, 45, 300),
    )
    assert [b.subtotal for b in quote.bands] == [0, 2_000, 2_000, 1_500]
    assert [b.count for b in quote.bands] == [10, 20, 10, 5]


def test_piece_rate_matches_the_spec_formula():
    for n in range(31, 200):
        assert piece_rate(n) == 100 * ((n - 31) // 10 + 2)
    assert [piece_rate(n) for n in (1, 10, 11, 30)] == [0, 0, 100, 100]
    with pytest.raises(ValueError):
        piece_rate(0)


def test_pieces_continue_the_monthly_count():
    # The 11th piece alone costs 100; pieces 29–33 cost 2×100 + 3×200.
    assert fee_per_piece(pieces=1, pieces_before=10).amount == 100
    quote = fee_per_piece(pieces=5, pieces_before=28)
    assert quote.bands == (FeeBand(29, 30, 100), FeeBand(31, 33, 200))
    assert quote.amount == 800
    # The parts add up to the month's total.
    parts = [fee_per_piece(pieces=15, pieces_before=k).amount for k in (0, 15, 30)]
    assert sum(parts) == fee_per_piece(pieces=45).amount


@pytest.mark.parametrize(
    ("pages", "amount"),
    [(0, 0), (30, 0), (31, 10), (100, 700), (200, 2_700), (250, 4_700), (300, 6_700)],
)
def test_per_page_totals(pages, amount):
    assert fee_per_page(pages=pages).amount == amount


def test_per_page_breakdown_of_the_spec_example():
    quote = fee_quote(method="per_page", quantity=250)
    assert quote.bands == (
        FeeBand(1, 30, 0),
        FeeBand(31, 100, 10),
        FeeBand(101, 200, 20),
        FeeBand(201, 250, 40),
    )
    assert [b.subtotal for b in quote.bands] == [0, 700, 2_000, 2_000]
    assert [page_rate(p) for p in (1, 30, 31, 100, 101, 200, 201)] == [
        0,
        0,
        10,
        10,
        20,
        20,
        40,
    ]


def test_one_method_per_application():
    with pytest.raises(DomainError):
        fee_quote(method=FeeMethod.PER_PAGE, quantity=40, pieces_before=12)
    with pytest.raises(ValueError):
        fee_quote(method="both", quantity=40)
    with pytest.raises(ValueError):
        fee_per_page(pages=-1)


def test_tariff_is_a_setting(settings):
    settings.GONGKAI_FEES = {
        **settings.GONGKAI_FEES,
        "piece_free": 5,
        "page_bands": [(1, 0), (51, 5)],
    }
    assert fee_per_piece(pieces=11).amount == 600
    assert fee_per_page(pages=60).amount == 50

"""Annual report benchmark (issue 5): prints figures, asserts nothing.

    .venv/bin/python bench/annual_report.py                  # 100,000 applications
    .venv/bin/python bench/annual_report.py --count 20000 --bulk
    DATABASE_URL=postgres://… .venv/bin/python bench/annual_report.py --postgres

Creates one organisation, loads N historical applications received over
2024–2025 (through the import fast path `gongkai.applications.importing`
when it is installed, else plain `bulk_create` rows; `--bulk` forces the
latter), then times computing its 2025 report: Tables 2, 3 and 4, the fees
collected, last year's tables for the carry-over check and the validation
(`compute.report_figures`), cold and warm. Target: ≤ 2 s on a 2-core
machine. Everything is counted in the database; no row is loaded.
The database is a fresh SQLite file in a temporary folder unless --postgres.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from harness import organisation_create, setup_django

TODAY = date(2026, 2, 15)


def bench_organisation() -> Any:
    from gongkai.core.tests.factories import _credit_code

    return organisation_create("基准测试机关", "基准", _credit_code(990001))


def load_with_importer(org: Any, count: int) -> str:
    from gongkai.applications.importing import (
        applications_import_records,
        import_context,
        lines_parse,
    )
    from gongkai.applications.importing.synthetic import synthetic_lines

    lines = synthetic_lines(
        credit_code=org.credit_code,
        count=count,
        first=date(2024, 1, 1),
        last=date(2025, 12, 31),
        today=TODAY,
    )
    ctx = import_context(TODAY)
    parsed = lines_parse((json.dumps(line) for line in lines), ctx)
    if parsed.errors:
        raise SystemExit(f"synthetic lines rejected: {parsed.errors[:3]}")
    applications_import_records(
        records=parsed.records, rng=random.Random(5), ledgers=ctx.ledgers
    )
    return "importing.applications_import_records"


def load_with_bulk_create(org: Any, count: int) -> str:
    from gongkai.applications.choices import ApplicantType, Outcome
    from gongkai.applications.models import Application
    from gongkai.reports.tests.ledger import Row, application_row

    rng = random.Random(5)
    types, outcomes = list(ApplicantType), list(Outcome)
    batch: list[Application] = []
    for _ in range(count):
        received = date(2024, 1, 1) + timedelta(days=rng.randint(0, 730))
        closed: date | None = received + timedelta(days=rng.randint(3, 40))
        if closed is not None and closed > TODAY:
            closed = None
        row = Row(
            rng.choice(types).value,
            received,
            closed,
            rng.choice(outcomes).value if closed else "",
        )
        batch.append(application_row(org, row))
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            batch = []
    Application.objects.bulk_create(batch)
    return "bulk_create"


def time_table3(org: Any, runs: int) -> None:
    from gongkai.reports.compute.table3 import table3_compute

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        table3_compute(org, "own", 2025)
        times.append(time.perf_counter() - started)
    print(f"Table 3 alone: median {statistics.median(times):.3f} s")


def time_report(org: Any, runs: int) -> list[float]:
    from django.db import reset_queries

    from gongkai.reports.compute import report_figures

    times = []
    for _ in range(runs):
        reset_queries()
        started = time.perf_counter()
        figures = report_figures(organisation=org, year=2025)
        times.append(time.perf_counter() - started)
    rows = figures.tables.table3.cells
    print(
        f"2025: new {rows['new']['total']}, carried over "
        f"{rows['carried_over']['total']}, closed {rows['total']['total']}, "
        f"carried forward {rows['carried_forward']['total']}; "
        f"errors {len(figures.validation.errors)}, "
        f"warnings {len(figures.validation.warnings)}"
    )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bulk", action="store_true", help="skip the importer")
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument(
        "--workdir", help="keep the SQLite database here and reuse it on the next run"
    )
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="gongkai-bench-report-"))
    workdir.mkdir(parents=True, exist_ok=True)
    setup_django(workdir, postgres=args.postgres)
    from django.db import connection

    from gongkai.core.models import Organisation

    org = Organisation.objects.filter(name="基准测试机关").first()
    if org is None:
        org = bench_organisation()
        started = time.perf_counter()
        try:
            if args.bulk:
                raise ImportError
            how = load_with_importer(org, args.count)
        except ImportError:
            how = load_with_bulk_create(org, args.count)
        loaded = time.perf_counter() - started
        print(
            f"{connection.vendor}: {args.count} applications via {how} in {loaded:.1f} s"
        )
    else:
        print(f"{connection.vendor}: reusing {org.applications.count()} applications")
    time_table3(org, args.runs)
    times = time_report(org, args.runs)
    print(
        f"report_figures (Tables 2-4, fees, last year, validation): "
        f"cold {times[0]:.3f} s, warm median {statistics.median(times[1:] or times):.3f} s"
        f" (target ≤ 2 s)"
    )


if __name__ == "__main__":
    main()

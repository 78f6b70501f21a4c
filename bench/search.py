"""Search benchmark (issue 3): prints figures, asserts nothing.

    .venv/bin/python bench/search.py                 # 100,000 documents, SQLite
    .venv/bin/python bench/search.py --docs 1000000
    .venv/bin/python bench/search.py --docs 2000 --whoosh-docs 2000
    DATABASE_URL=postgres://… .venv/bin/python bench/search.py --postgres

Generates N published documents from a vocabulary built from the seed texts
(../shared/seeds, segmented with rjieba; words drawn with their seed
frequencies; 1 in 20 written in traditional characters), builds the index
with `gongkai.search.indexing.rebuild`, runs a fixed set of ≥ 50 queries (1-,
2-, 4-character words, phrases, 发文字号 in several bracket forms, traditional
queries) and prints indexing docs/s, index size, p50/p95/p99 latency of the
first result page and recall against a brute-force substring scan. On the
same corpus and queries it times a Django `icontains` search over title and
body and a Whoosh + jieba index (optional extras: `pip install -e .[bench]`),
and prints each ratio. The database is a fresh SQLite file in a temporary
folder unless --postgres (DATABASE_URL, a scratch database: it is migrated
and filled).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from harness import ROOT, setup_django
from search_corpus import generate, queries, vocabulary


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def cpu_timed(fn: Callable[[], Any]) -> float:
    """CPU time of this process (SQLite runs in it): what the search costs
    when other jobs share the two cores."""
    started = time.process_time()
    fn()
    return (time.process_time() - started) * 1000


def spaced(value: str) -> str:
    """Normalised runs of letters/digits/Chinese, one space between runs: a
    query found here is in the text as written (not across punctuation)."""
    from gongkai.search import text

    return " " + " ".join(text.runs(text.normalise(value))) + " "


def brute_force(docs: list[tuple[int, str]], q: str, exact: set[int]) -> set[int]:
    needle = spaced(q).strip()
    return {pk for pk, content in docs if needle and needle in content} | exact


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument(
        "--whoosh-docs",
        type=int,
        default=None,
        help="documents in the Whoosh comparison (default: all; 0 skips it)",
    )
    parser.add_argument(
        "--icontains-every",
        type=int,
        default=1,
        help="time icontains on every n-th query only (each is a full scan)",
    )
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="keep the database here; a later run with --reuse measures it again",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the documents (and index) already in --workdir",
    )
    parser.add_argument(
        "--reindex",
        action="store_true",
        help="with --reuse, rebuild our index even if it holds every document",
    )
    return parser.parse_args()


def report(name: str, values: list[float]) -> None:
    print(
        f"{name}: p50 {percentile(values, 50):.2f} ms, p95 "
        f"{percentile(values, 95):.2f} ms, p99 {percentile(values, 99):.2f} ms"
    )


def _index() -> None:
    from django.db import connection

    from gongkai.search.backends import get_backend
    from gongkai.search.rebuilding import rebuild

    started, cpu = time.perf_counter(), time.process_time()
    count = rebuild()
    took = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(f"indexing CPU time of this process: {count / cpu:,.0f} docs/s")
    with connection.cursor() as cursor:
        size = get_backend().size_bytes(cursor)
    print(f"indexing: {count:,} documents in {took:.1f} s = {count / took:,.0f} docs/s")
    print(
        f"index size (token table): {size / 1e6:.1f} MB" if size else "index size: n/a"
    )


def _substring_corpus() -> list[tuple[int, str]]:
    from gongkai.search.models import SearchEntry

    return [
        (pk, spaced(" ".join([t, d, i, x or ""])))
        for pk, t, d, i, x in SearchEntry.objects.values_list(
            "pk", "title", "doc_number", "index_number", "body__text"
        ).iterator(chunk_size=5000)
    ]


def _all_matches(q: str) -> tuple[set[int], Any]:
    """Every match of `q` (no limit: what recall and the estimates are
    checked against), and the exact-lookup ids."""
    from gongkai.search.backends.base import Where
    from gongkai.search.matching import top
    from gongkai.search.query import parse_query
    from gongkai.search.selectors import _exact_ids

    parsed = parse_query(q)
    exact = set(_exact_ids(parsed))
    return set(top(parsed.backend_terms(), Where(), 10**9).ids) | exact, exact


def _measure_ours(qs: list[str], repeat: int) -> list[float]:
    """Latency without and with facets, recall against a substring scan, and
    how far the estimated totals are from the true ones."""
    from gongkai.search.selectors import search_run

    corpus = _substring_corpus()
    ours: list[float] = []
    ours_facets: list[float] = []
    ours_cpu: list[float] = []
    recalls: list[float] = []
    errors: list[float] = []
    for q in qs:
        search_run(q=q, with_facets=False)  # warm
        run = partial(search_run, q=q, with_facets=False)
        ours.append(min(timed(run) for _ in range(repeat)))
        ours_facets.append(min(timed(partial(search_run, q=q)) for _ in range(repeat)))
        ours_cpu.append(min(cpu_timed(partial(search_run, q=q)) for _ in range(repeat)))
        found, exact = _all_matches(q)
        expected = brute_force(corpus, q, exact)
        if expected:
            recalls.append(len(found & expected) / len(expected))
        result = search_run(q=q)
        if not result.total_exact:
            errors.append(abs(result.total - len(found)) / len(found))
    report("gongkai top-20 (no facets)", ours)
    report("gongkai top-20 + total + facets (as the API)", ours_facets)
    report("  the same, CPU time of this process", ours_cpu)
    print(
        f"recall vs substring scan: {100 * statistics.mean(recalls):.2f} % "
        f"(macro over {len(recalls)} queries with hits), "
        f"min {100 * min(recalls):.2f} %"
    )
    if errors:
        print(
            f"estimated totals ({len(errors)} of {len(qs)} queries, > count limit): "
            f"mean error {100 * statistics.mean(errors):.1f} %, "
            f"max {100 * max(errors):.1f} %"
        )
    return ours_facets


def _measure_icontains(qs: list[str], ours: list[float], every: int) -> None:
    """icontains over every `every`-th query (a full scan each), compared
    with our latency on the same queries."""
    from django.db.models import Q

    from gongkai.documents.models import Document

    icontains: list[float] = []
    picked = list(range(0, len(qs), every))
    ours = [ours[i] for i in picked]
    for q in [qs[i] for i in picked]:

        def run(q: str = q) -> None:
            qs_ = Document.objects.filter(Q(title__icontains=q) | Q(body__icontains=q))
            qs_.count()
            list(qs_.order_by("-published_on")[:20].values_list("pk", flat=True))

        icontains.append(timed(run))
    report(f"Django icontains (count + newest 20), {len(picked)} queries", icontains)
    report("gongkai (as the API) on the same queries", ours)
    print(
        f"ratio icontains/gongkai p50: "
        f"{percentile(icontains, 50) / percentile(ours, 50):.1f}x"
    )


def main() -> None:
    args = _arguments()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    setup_django(workdir, postgres=args.postgres)

    from django.db import connection

    print(f"database: {connection.vendor}; documents: {args.docs:,}; folder: {workdir}")
    numbers, words = _corpus(args)
    qs = queries(words, numbers)
    print(f"queries: {len(qs)}")
    ours = _measure_ours(qs, args.repeat)
    _measure_icontains(qs, ours, args.icontains_every)
    whoosh_bench(args, workdir, qs, ours)


def _corpus(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """Generate and index the documents, or with --reuse take those already
    in the database (indexed again only if the index does not hold them all)."""
    from gongkai.documents.models import Document
    from gongkai.search.models import SearchEntry

    if args.reuse and Document.objects.count() == args.docs:
        print("reusing the documents of an earlier run")
        numbers = list(
            Document.objects.exclude(doc_number="")
            .order_by("pk")
            .values_list("doc_number", flat=True)[:3]
        )
        if args.reindex or SearchEntry.objects.count() != args.docs:
            _index()
        return numbers, vocabulary(args.seeds)[0]
    started = time.perf_counter()
    numbers, words = generate(args.docs, args.seeds, random.Random(20261123))
    print(f"generated in {time.perf_counter() - started:.1f} s")
    _index()
    return numbers, words


WHOOSH_CHUNK = 100_000  # documents per Whoosh commit
# Temporary files a Whoosh merge (or one commit) writes per document before
# it sorts them: 77 KB measured at 1,000,000 (all its postings, pickled).
WHOOSH_SORT_BYTES = 80_000


def _whoosh_index(folder: Path, limit: int, reuse: bool) -> tuple[Any, int]:
    """A Whoosh index (jieba's analyzer, `whoosh_jieba`) over the first
    `limit` entries, written by two processes, `WHOOSH_CHUNK` documents per
    commit, and merged into one segment where the disk has room for that
    (`_whoosh_merge`)."""
    from whoosh import index
    from whoosh.fields import ID, TEXT, Schema

    if reuse and index.exists_in(str(folder)):
        ix = index.open_dir(str(folder))
        if ix.doc_count() == limit:
            print(f"reusing the Whoosh index of an earlier run ({limit:,} documents)")
            return ix, limit
    from whoosh_jieba import analyzer

    schema = Schema(
        pk=ID(stored=True),
        title=TEXT(analyzer=analyzer()),
        body=TEXT(analyzer=analyzer()),
    )
    folder.mkdir(exist_ok=True)
    ix = index.create_in(str(folder), schema)
    started = time.perf_counter()
    n = _whoosh_write(ix, limit)
    took = time.perf_counter() - started
    print(
        f"Whoosh + jieba indexing: {n:,} documents in {took:.1f} s = {n / took:,.0f} docs/s"
    )
    return ix, n


def _whoosh_write(ix: Any, limit: int) -> int:
    """Add the first `limit` entries to `ix`, `WHOOSH_CHUNK` per commit, then
    merge the segments (`_whoosh_merge`); returns how many were added."""
    from gongkai.search.models import SearchEntry

    rows = SearchEntry.objects.values_list("pk", "title", "body__text")[:limit]
    n = 0
    writer = None
    for pk, title, body in rows.iterator(chunk_size=5000):
        if writer is None:
            writer = ix.writer(procs=2, limitmb=256, multisegment=True)
        writer.add_document(pk=str(pk), title=title, body=body)
        n += 1
        if n % WHOOSH_CHUNK == 0:
            writer.commit(merge=False)
            writer = None
    if writer is not None:
        writer.commit(merge=False)
    _whoosh_merge(ix, n)
    return n


def _whoosh_merge(ix: Any, n: int) -> None:
    """Merge the segments into one, the shape Whoosh searches fastest, unless
    the temporary files of the merge would not fit on the disk (1,000,000
    documents need about 80 GB): then the search runs over the segments."""
    needed, free = n * WHOOSH_SORT_BYTES, shutil.disk_usage(ix.storage.folder).free
    if needed < free:
        ix.optimize()
        return
    print(
        f"Whoosh segments not merged: the merge needs about {needed / 1e9:.0f} GB "
        f"of temporary files, the disk has {free / 1e9:.0f} GB free"
    )


def whoosh_bench(
    args: argparse.Namespace, workdir: Path, qs: list[str], ours: list[float]
) -> None:
    if args.whoosh_docs == 0:
        return
    try:
        import jieba
        from whoosh.qparser import MultifieldParser
    except ImportError:
        print("Whoosh + jieba not installed (pip install -e .[bench]): skipped")
        return
    import logging
    import warnings

    jieba.setLogLevel(logging.WARNING)
    warnings.filterwarnings("ignore", category=SyntaxWarning)
    ix, n = _whoosh_index(workdir / "whoosh", args.whoosh_docs or args.docs, args.reuse)
    latencies = []
    with ix.searcher() as searcher:
        parser = MultifieldParser(["title", "body"], schema=ix.schema)
        for q in qs:
            run = partial(searcher.search, parser.parse(q), limit=20)
            latencies.append(min(timed(run) for _ in range(args.repeat)))
        segments = len(searcher.reader().leaf_readers())
    print(
        f"Whoosh + jieba top-20: p50 {percentile(latencies, 50):.2f} ms, "
        f"p95 {percentile(latencies, 95):.2f} ms, p99 {percentile(latencies, 99):.2f} ms "
        f"({n:,} documents in {segments} segment{'s' if segments > 1 else ''})"
    )
    ratio = percentile(latencies, 50) / percentile(ours, 50)
    note = "" if n == args.docs else f" (Whoosh over {n:,} documents only)"
    print(f"ratio whoosh/gongkai p50: {ratio:.1f}x{note}")


if __name__ == "__main__":
    main()

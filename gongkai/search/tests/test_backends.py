"""Backend details that the behaviour tests do not reach on small texts."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

import datetime as dt

import pytest
from django.db import connection

from gongkai.documents.models import DocumentStatus
from gongkai.documents.search_index import KEY
from gongkai.search.backends import Term, get_backend, sqlite_fts5
from gongkai.search.backends import postgres_periods as periods
from gongkai.search.backends.base import IndexRow, Where
from gongkai.search.backends.postgres import TABLES, TERMS_TABLE, PostgresBackend
from gongkai.search.backends.postgres_estimates import Estimate
from gongkai.search.backends.postgres_literals import (
    OVERLAP,
    PART_TOKENS,
    candidates_literal,
    parts,
    terms_literal,
    tsquery_literal,
    tsvector_literal,
)
from gongkai.search.backends.sqlite_fts5 import fts5_expression, shard_file
from gongkai.search.indexing import index_objects
from gongkai.search.models import SearchEntry
from gongkai.search.selectors import search_run

from .conftest import publish

pytestmark = pytest.mark.django_db


def test_backend_follows_the_database_vendor():
    assert get_backend().vendor == connection.vendor


def test_expressions():
    terms = [Term(("政务", "务公", "公开")), Term(("医",), prefix=True)]
    assert (
        fts5_expression(terms) == '{title body} : "政务 务公 公开" AND {chars} : "医"'
    )
    assert fts5_expression(terms, title_only=True) == (
        '{title} : "政务 务公 公开" AND {chars} : "医"'
    )
    assert tsquery_literal(terms[0]) == "'政务' <-> '务公' <-> '公开'"
    assert tsquery_literal(terms[1]) == "'#医'"
    assert candidates_literal(terms[0]) == "'政务' & '务公' & '公开'"
    assert candidates_literal(Term(("哈哈", "哈哈"))) == "'哈哈'"
    assert candidates_literal(terms[1]) == "'#医'"
    assert tsvector_literal(["a", "b", "a"]) == "'a':1,3 'b':2"
    assert tsvector_literal(["医保"], "医 保") == "'医保':1 '#医' '#保'"
    assert tsvector_literal(["医保"], "", "@202603") == "'医保':1 '@202603'"
    assert terms_literal(["医保", "报销", "医保"], "医", "@202603") == (
        "'医保' '报销' '#医' '@202603'"
    )


def test_long_bodies_are_split_with_overlap():
    tokens = [f"t{i}" for i in range(40_000)]
    chunks = parts(tokens)
    assert all(len(c) <= PART_TOKENS for c in chunks)
    assert chunks[0][-OVERLAP:] == chunks[1][:OVERLAP]
    assert chunks[-1][-1] == "t39999"


def test_phrase_deep_in_a_long_body_is_found():
    filler = "各部门认真落实有关要求。" * 2500  # ~30,000 characters
    doc = publish(title="长文件", body=f"<p>{filler}召开医保价格听证会{filler}</p>")
    assert [h.entry.object_id for h in search_run(q="价格听证").hits] == [doc.pk]


def test_a_phrase_needs_its_tokens_in_order():
    phrase = publish(title="通知", body="<p>召开听证会</p>")
    scattered = publish(title="通知", body="<p>证会听证</p>")  # both pairs, apart
    repeated = publish(title="通知", body="<p>哈哈哈</p>")
    publish(title="通知", body="<p>哈哈，好</p>")
    with connection.cursor() as cursor:
        found = [
            get_backend().top(cursor, [Term(tokens)], where=Where(), limit=10).ids
            for tokens in (("听证", "证会"), ("哈哈", "哈哈"), ("证会", "会听", "听证"))
        ]
        counted = get_backend().count(
            cursor, [Term(("听证", "证会"))], where=Where(), limit=10
        )
    assert found == [[entry_id(phrase)], [entry_id(repeated)], [entry_id(scattered)]]
    assert counted == 1


def test_phrase_does_not_match_across_punctuation_but_terms_do():
    apart = publish(title="通知", body="<p>推进政务、公开办事</p>")
    together = publish(title="通知", body="<p>推进政务公开办事</p>")
    result = search_run(q="政务公开")
    assert [h.entry.object_id for h in result.hits] == [together.pk, apart.pk]


def test_traditional_text_shown_as_written():
    publish(title="關於召開聽證會的公告", body="<p>聽證會定於五月舉行。</p>")
    hit = search_run(q="听证").hits[0]
    assert "<mark>聽證</mark>" in hit.snippet
    assert "<mark>聽證</mark>" in hit.title_html


def entry_id(doc):
    return SearchEntry.objects.get(object_id=doc.pk).pk


def test_characters_beside_longer_terms_and_alone():
    both = publish(title="通知", body="<p>医保报销和听证</p>")
    publish(title="通知", body="<p>医保报销</p>")
    publish(title="通知", body="<p>和听证</p>")
    terms = [Term(("医保",)), Term(("和",), prefix=True), Term(("听",), prefix=True)]
    with connection.cursor() as cursor:
        mixed = get_backend().top(cursor, terms, where=Where(), limit=10)
        alone = get_backend().top(cursor, terms[1:], where=Where(), limit=10)
        title = get_backend().top(
            cursor,
            [Term(("通",), prefix=True)],
            where=Where(),
            limit=10,
            title_only=True,
        )
    assert mixed.ids == [entry_id(both)]
    assert len(alone.ids) == 2 and entry_id(both) in alone.ids
    assert len(title.ids) == 3


def test_reserved_entry_ids_are_new():
    existing = entry_id(publish(title="通知", body="<p>听证</p>"))
    with connection.cursor() as cursor:
        first = get_backend().entry_ids(cursor, 3)
        second = get_backend().entry_ids(cursor, 2)
    assert len(set(first)) == 3 and min(first) > existing
    # Reserved: neither the next reservation nor a new entry takes them.
    assert min(second) > max(first)
    assert entry_id(publish(title="通知二", body="<p>听证</p>")) > max(second)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's shard files")
def test_a_worker_writes_the_second_shard_while_the_main_file_is_written(
    tmp_path, monkeypatch
):
    """A rebuild on a database file: the main process holds the main file's
    write lock for a batch while a worker writes the second shard."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    monkeypatch.setattr(sqlite_fts5, "SHARD_WAIT_SECONDS", 0.5)  # fail, not wait
    database = {**connection.settings_dict, "NAME": str(tmp_path / "db.sqlite3")}
    main, worker = DatabaseWrapper(database), DatabaseWrapper(database)
    backend = get_backend()
    rows = [
        IndexRow(n, 1000 + n, "听证 证会", "医保", "听 证 会 医 保", shard=1)
        for n in (1, 2)
    ]
    expression = fts5_expression([Term(("听证", "证会"))])
    try:
        with main.cursor() as cursor:
            for statement in sqlite_fts5.CREATE_SQL:
                cursor.execute(statement)
            backend.bulk_start(cursor, shards_elsewhere=True)
            cursor.execute("BEGIN IMMEDIATE")  # a batch of the main process
            with worker.cursor() as other:
                backend.write_apart(other, rows)
            cursor.execute("COMMIT")
            with worker.cursor() as other:
                backend.optimize(other, 1)
            backend.optimize(cursor, 0)
            backend.bulk_end(cursor)
            cursor.execute(
                "SELECT rowid FROM search1.search_fts WHERE search_fts MATCH %s",
                [expression],
            )
            assert [r[0] for r in cursor.fetchall()] == [1001, 1002]
            cursor.execute(
                "SELECT COUNT(*) FROM main.search_fts WHERE search_fts MATCH %s",
                [expression],
            )
            assert cursor.fetchone()[0] == 0
    finally:
        main.close()
        worker.close()
    assert (tmp_path / "db-search1.sqlite3").exists()


def test_the_second_shard_lives_beside_the_database():
    assert shard_file("/srv/var/gongkai.sqlite3") == "/srv/var/gongkai-search1.sqlite3"
    assert shard_file("/srv/var/db") == "/srv/var/db-search1"
    assert shard_file("file:memorydb_default?mode=memory&cache=shared") == (
        "file:memorydb_default-search1?mode=memory&cache=shared"
    )
    assert shard_file(":memory:") == ":memory:"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's two plans of `top`"
)
def test_walking_newest_first_finds_what_gin_finds(settings, monkeypatch):
    bodies = ["召开听证会", "医保报销听证", "证会听证", "医保", "听证会与医保", "无关"]
    for day, body in enumerate(bodies, 1):
        publish(
            title=f"通知{day}",
            body=f"<p>{body}</p>",
            published_on=dt.date(2026, 3, day),
        )
    queries = [
        ([Term(("听证", "证会"))], False),
        ([Term(("医保",)), Term(("听",), prefix=True)], False),
        ([Term(("通知",))], True),
        ([Term(("知",), prefix=True), Term(("医保",))], False),
    ]
    backend = get_backend()

    since = Where(key_min=SearchEntry.objects.order_by("rank_key")[1].rank_key)

    def found(window, walk_range):
        monkeypatch.setattr(backend, "_walk_window", lambda *args: window)
        monkeypatch.setattr(backend, "_walks_range", lambda *args: walk_range)
        with connection.cursor() as cursor:
            return [
                (
                    backend.top(
                        cursor, terms, where=Where(), limit=2, title_only=t
                    ).rows,
                    backend.count(cursor, terms, where=Where(), limit=2),
                    backend.any_order(
                        cursor, terms, where=since, limit=9, title_only=t
                    ),
                )
                for terms, t in queries
            ]

    by_gin = found(None, False)
    assert [len(rows) for rows, _, _ in by_gin] == [2, 2, 2, 2]
    assert [len(ids) for _, _, ids in by_gin] == [1, 2, 5, 3]  # not the oldest
    assert found(1, True) == by_gin  # the window holds too few: GIN for the older
    assert found(100, True) == by_gin  # the window holds them all
    settings.GONGKAI_SEARCH = {**settings.GONGKAI_SEARCH, "pg_walk_cost_ratio": 0.0}
    assert found(None, False) == by_gin  # GIN for the rarest term, checks the rest


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's two plans of `top`"
)
def test_walk_and_checks_are_chosen_for_common_terms_only(settings):
    publish(title="通知", body="<p>听证</p>")
    backend = PostgresBackend()

    def planned(ratio):
        settings.GONGKAI_SEARCH = {
            **settings.GONGKAI_SEARCH,
            "pg_walk_cost_ratio": ratio,
        }
        with connection.cursor() as cursor:
            estimate = Estimate.of(
                cursor, TERMS_TABLE, [[candidates_literal(Term(("听证",)))]]
            )
            return backend._walk_window(estimate, 10), estimate.common(1.0, 10)

    assert planned(1e12) == (None, False)
    window, common = planned(0.0)
    assert window is not None and window >= 20 and common


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's windows of months"
)
def test_windows_of_months_find_what_gin_finds(monkeypatch):
    # Months apart, so that the windows (1, 3, 12, 48 months, then the rest)
    # each hold some: the newest month, two before it, a year and more back.
    days = [
        dt.date(2026, 3, 9),
        dt.date(2026, 3, 2),
        dt.date(2026, 1, 15),
        dt.date(2025, 6, 1),
        dt.date(2023, 2, 1),
        dt.date(2018, 5, 5),
        dt.date(2026, 3, 1),
    ]
    bodies = [
        "召开听证会",
        "医保听证",
        "证会听证",
        "听证会",
        "听证会医保",
        "听证会",
        "无关",
    ]
    for day, body in zip(days, bodies, strict=True):
        publish(title="听证通知", body=f"<p>{body}</p>", published_on=day)
    queries = [
        ([Term(("听证", "证会"))], False),
        ([Term(("听证",)), Term(("医",), prefix=True)], False),
        ([Term(("听证", "证通", "通知"))], True),
    ]
    keys = list(
        SearchEntry.objects.order_by("rank_key").values_list("rank_key", flat=True)
    )
    since = Where(key_min=keys[2])  # from 2025-06: windows down to that month
    this_year = Where(key_min=keys[3], key_max=keys[-1])  # 2026, but 03-09
    backend = PostgresBackend()
    monkeypatch.setattr(backend, "_walk_window", lambda *args: None)
    monkeypatch.setattr(backend, "_walks_range", lambda *args: False)
    range_months, windows = backend._range_months, periods.windows

    def found(by_months):
        monkeypatch.setattr(periods, "windows", windows if by_months else lambda *a: [])
        monkeypatch.setattr(
            backend, "_range_months", range_months if by_months else lambda *a: None
        )
        with connection.cursor() as cursor:
            return [
                (
                    [
                        backend.top(cursor, terms, where=w, limit=n, title_only=t).rows
                        for w in (Where(), since, this_year)
                        for n in (1, 3, 9)
                    ],
                    backend.count(cursor, terms, where=Where(), limit=9),
                    backend.any_order(
                        cursor, terms, where=since, limit=9, title_only=t
                    ),
                )
                for terms, t in queries
            ]

    by_gin = found(False)
    assert [count for _, count, _ in by_gin] == [4, 2, 7]
    assert [len(ids) for _, _, ids in by_gin] == [2, 1, 5]
    assert found(True) == by_gin


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's token tables"
)
def test_an_entry_is_deleted_from_every_token_table():
    doc = publish(title="听证通知", body="<p>召开听证会</p>")
    entry = SearchEntry.objects.get(object_id=doc.pk)

    def rows():
        with connection.cursor() as cursor:
            found = []
            for table in TABLES:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {table} WHERE entry_id = %s", [entry.pk]
                )
                found.append(cursor.fetchone()[0])
            return found

    assert rows() == [2, 1, 1]  # title and body positions; terms; title
    doc.status = DocumentStatus.WITHDRAWN
    doc.save(update_fields=["status"])
    index_objects(KEY, [doc.pk])
    assert rows() == [0, 0, 0]

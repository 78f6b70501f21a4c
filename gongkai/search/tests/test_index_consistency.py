"""The index follows the document services: publish, withdraw, supersede."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

import datetime as dt
import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from gongkai.documents import services
from gongkai.documents.models import Document, DocumentStatus, SupersedeEffect, Validity
from gongkai.documents.search_index import KEY, public_documents
from gongkai.documents.tests.workflow_helpers import Office
from gongkai.search.backends import get_backend
from gongkai.search.indexing import index_objects
from gongkai.search.models import SearchEntry
from gongkai.search.rebuilding import rebuild, usable_workers
from gongkai.search.selectors import search_run

pytestmark = pytest.mark.django_db


def indexed_ids():
    return set(
        SearchEntry.objects.filter(model=KEY).values_list("object_id", flat=True)
    )


def public_ids():
    return set(public_documents().values_list("pk", flat=True))


def found(q):
    return {h.entry.object_id for h in search_run(q=q).hits}


@pytest.fixture
def office(db):
    return Office()


def test_publish_indexes_on_commit_only(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = office.published(title="关于召开医保听证会的通知")
    assert document.status == DocumentStatus.PUBLISHED
    assert indexed_ids() == set()  # nothing before the commit
    for callback in callbacks:
        callback()
    assert found("听证") == {document.pk}
    assert indexed_ids() == public_ids()


def test_drafts_and_returned_never_indexed(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        office.draft(title="听证草稿", doc_number="鹤政办〔2025〕3号")
        returned = office.draft(title="听证退文")
        services.document_submit(actor=office.editor, document=returned)
        services.document_return(
            actor=office.reviewer, document=returned, reason="重写"
        )
        office.approved(title="听证已审核未发布")
    assert indexed_ids() == set()
    for q in ("听证", "鹤政办[2025]3号"):
        assert search_run(q=q).total == 0


def test_withdraw_removes_from_index(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = office.published(title="听证公告", doc_number="鹤政办〔2024〕9号")
    assert found("鹤政办(2024)9号") == {document.pk}
    with django_capture_on_commit_callbacks(execute=True):
        services.document_withdraw(actor=office.head, document=document, reason="有误")
    assert indexed_ids() == public_ids() == set()
    assert search_run(q="听证").total == 0
    assert search_run(q="鹤政办〔2024〕9号").total == 0


def test_supersede_keeps_original_marked_and_ranked_below(
    office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        original = office.published(title="医保听证办法")
    with django_capture_on_commit_callbacks(execute=True):
        amending = office.approved(
            title="医保听证办法",
            supersedes=original,
            supersede_effect=SupersedeEffect.REPEALED,
        )
        services.document_publish(
            actor=office.head, document=amending, published_on=dt.date(2026, 3, 5)
        )
    original.refresh_from_db()
    assert original.status == DocumentStatus.SUPERSEDED
    assert indexed_ids() == public_ids() == {original.pk, amending.pk}
    entry = SearchEntry.objects.get(model=KEY, object_id=original.pk)
    assert entry.validity == Validity.REPEALED and not entry.in_force
    hits = search_run(q="医保听证办法").hits
    assert [h.entry.object_id for h in hits] == [amending.pk, original.pk]


def test_rebuild_matches_public_set(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        a = office.published(title="听证一")
        office.published(title="听证二")
        services.document_withdraw(actor=office.head, document=a, reason="有误")
    Document.objects.filter(pk=a.pk).update(status=DocumentStatus.PUBLISHED)
    assert rebuild() == 2
    assert indexed_ids() == public_ids()


def test_rebuild_writes_each_batch_oldest_first(office):
    days = [5, 1, 4, 2, 3]
    for day in days:
        document = office.published(title=f"听证{day}")
        Document.objects.filter(pk=document.pk).update(
            published_on=dt.date(2026, 3, day)
        )
    assert rebuild() == len(days)
    entries = list(SearchEntry.objects.order_by("pk"))
    # Ids in date order, so the rank keys (FTS5 rowids) ascend as written.
    assert [e.published_on for e in entries] == [
        dt.date(2026, 3, day) for day in sorted(days)
    ]
    keys = [e.rank_key or 0 for e in entries]
    assert 0 not in keys and keys == sorted(keys)


def fts5_intact():
    """FTS5's own check of every shard's tables (a wrong delete corrupts)."""
    from gongkai.search.backends.sqlite_fts5 import SHARDS, TABLE, TITLE_TABLE

    with connection.cursor() as cursor:
        for schema in SHARDS:
            for table in (TABLE, TITLE_TABLE):
                cursor.execute(
                    f"INSERT INTO {schema}.{table}({table}, rank) "
                    "VALUES ('integrity-check', 0)"
                )


def test_rebuild_spreads_batches_over_the_shards(
    office, django_capture_on_commit_callbacks
):
    documents = []
    for day in range(1, 7):
        document = office.published(title=f"医保听证{day}")
        Document.objects.filter(pk=document.pk).update(
            published_on=dt.date(2026, 3, day)
        )
        documents.append(document)
    assert rebuild(batch_size=1) == 6
    entries = {e.object_id: e for e in SearchEntry.objects.all()}
    shards = {e.shard for e in entries.values()}
    assert shards == set(range(get_backend().shards))
    # Newest first across the shards, each document once.
    hits = search_run(q="医保听证", sort="date").hits
    assert [h.entry.object_id for h in hits] == [d.pk for d in reversed(documents)]
    assert search_run(q="证", sort="date").total == 6
    apart = [d for d in documents if entries[d.pk].shard > 0]
    if connection.vendor == "sqlite":
        assert apart
    # Changed, they are written again in the first shard, and found once.
    changed = {d.pk for d in apart}
    Document.objects.filter(pk__in=changed).update(title="医保听证改")
    index_objects(KEY, changed)
    assert {e.shard for e in SearchEntry.objects.filter(object_id__in=changed)} <= {0}
    assert found("听证改") == changed
    assert search_run(q="医保听证").total == 6
    with django_capture_on_commit_callbacks(execute=True):
        services.document_withdraw(
            actor=office.head,
            document=apart[0] if apart else documents[0],
            reason="有误",
        )
    assert found("医保听证") == indexed_ids() == public_ids()
    assert len(indexed_ids()) == 5
    if connection.vendor == "sqlite":
        fts5_intact()


# Run in a process of its own: the suite's SQLite database is in memory,
# where workers cannot read (and the shards are written in-process).
_REBUILD_ON_A_FILE = """
import datetime as dt, json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from gongkai.documents.models import DocumentStatus
from gongkai.documents.tests.factories import DocumentFactory
from gongkai.search.models import SearchEntry
from gongkai.search.rebuilding import rebuild
from gongkai.search.selectors import search_run
documents = [
    DocumentFactory.create(
        status=DocumentStatus.PUBLISHED,
        published_on=dt.date(2026, 3, day),
        title=f"医保听证{day}",
    ).pk
    for day in range(1, 8)
]
count = rebuild(workers=2, batch_size=2)
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("PRAGMA search1.journal_mode")
    mode = cursor.fetchone()[0]
print(json.dumps({
    "mode": mode,
    "count": count,
    "documents": documents,
    "shards": sorted(set(SearchEntry.objects.values_list("shard", flat=True))),
    "found": [h.entry.object_id for h in search_run(q="医保听证", sort="date").hits],
    "characters": search_run(q="证").total,
}))
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's shard files")
def test_rebuild_of_a_database_file_with_workers(tmp_path):
    root = Path(__file__).resolve().parents[3]
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "GONGKAI_VAR_DIR": str(tmp_path),
    }
    environment.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", _REBUILD_ON_A_FILE],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # Four batches of two: shards 0, 1, 0, 1, the second written by workers.
    assert result["count"] == 7 and result["shards"] == [0, 1]
    assert result["found"] == result["documents"][::-1]
    assert result["characters"] == 7
    assert result["mode"] == "wal"  # readers and the writer share the file
    assert (tmp_path / "gongkai-search1.sqlite3").stat().st_size > 0


@pytest.mark.parametrize("enabled", [True, False])
def test_rebuild_leaves_the_cycle_collector_as_it_found_it(office, enabled):
    office.published(title="听证")
    before = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert rebuild() == 1
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if before else gc.disable)()


@pytest.mark.django_db(transaction=True)
def test_rebuild_with_a_worker_writes_the_same_index(office):
    office.published(title="关于推进政务公开的通知", body="<p>聽證會和醫保報銷。</p>")
    office.published(title="鹤城市医保办法", body="<p>医保听证。</p>")
    rebuild(workers=0)
    inline = {q: search_run(q=q).total for q in ("政务公开", "听证", "医", "報銷")}
    # Workers read through their own connection: on PostgreSQL one really
    # runs; the in-memory SQLite test database is private to this process.
    assert usable_workers(1) == (0 if connection.vendor == "sqlite" else 1)
    assert rebuild(workers=1, batch_size=1) == 2
    assert {q: search_run(q=q).total for q in inline} == inline
    assert inline == {"政务公开": 1, "听证": 2, "医": 2, "報銷": 1}


def test_interpretation_published_with_its_policy(
    office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        policy = office.approved(title="医保报销办法", needs_interpretation=True)
        interpretation = office.draft(title="《医保报销办法》政策解读")
        services.interpretation_link(
            actor=office.editor, interpretation=interpretation, policies=[policy]
        )
        office.approve(interpretation)
        services.document_publish(
            actor=office.head, document=policy, published_on=dt.date(2026, 3, 5)
        )
    result = search_run(q="医保报销")
    assert {h.entry.object_id for h in result.hits} == {policy.pk, interpretation.pk}
    types = {v.value for v in result.facets["type"]}
    assert types == {"policy", "interpretation"}

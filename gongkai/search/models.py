"""The search index rows, the administrators' dictionary and the query log.

`SearchEntry` holds what a hit shows and what the filters and facets need,
one row per public object of a registered type. The tokens live in a
vendor-specific table keyed by the entry id (FTS5 virtual table or a
tsvector table, created in migration 0002, owned by `backends`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    model = models.CharField(max_length=60)  # registered key, "documents.document"
    object_id = models.BigIntegerField()
    content_type = models.CharField(_("类型"), max_length=30, db_index=True)
    title = models.CharField(_("标题"), max_length=300)
    url = models.CharField(max_length=300)
    organisation = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    published_on = models.DateField(_("发布日期"), null=True, db_index=True)
    # Kept apart from published_on: grouping by a stored year is far cheaper
    # than extracting it per row (SQLite calls back into Python for that).
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    topic_id_value = models.BigIntegerField(null=True, blank=True, db_index=True)
    topic_parent_id_value = models.BigIntegerField(null=True, blank=True)
    genre = models.CharField(max_length=30, blank=True)
    validity = models.CharField(max_length=30, blank=True)
    in_force = models.BooleanField(default=True)
    doc_number = models.CharField(max_length=80, blank=True)
    index_number = models.CharField(max_length=80, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)
    # (published_on, id) as one integer (`keys.rank_key`): the rowid of the
    # FTS5 tables, so that the newest matches come first and a search can stop
    # after the first few hundred; the order of "newest first" everywhere.
    rank_key = models.BigIntegerField(null=True, unique=True)
    # The `SearchGroupCount` of this entry's combination of facet values:
    # matches are counted and filtered by this one integer (`group_counts`).
    facet_group = models.BigIntegerField(null=True)
    # Which part of the backend's index holds the tokens (`SearchBackend.shards`;
    # SQLite: 0 the main database file, 1 the second file a rebuild writes
    # beside it). Everything but a rebuild writes 0.
    shard = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["model", "object_id"], name="unique_search_entry"
            )
        ]
        indexes = [
            models.Index(fields=["-published_on", "-id"]),
            # Covering index of "the newest entries with their facet group":
            # the entry lookup of each FTS5 match and the estimate window
            # read the index only, never the rows (titles, URLs).
            models.Index(
                fields=["rank_key", "facet_group", "in_force"],
                name="search_entry_rank_cover",
            ),
        ]
        verbose_name = _("索引条目")
        verbose_name_plural = _("索引条目")

    def __str__(self) -> str:
        return f"{self.model}:{self.object_id} {self.title}"


class SearchText(models.Model):
    """The plain text snippets are cut from, kept apart so that entry rows stay
    small (filters, facets and ordering scan entries, never the text)."""

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="body"
    )
    text = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"text of {self.entry_id}"


class SearchGroupCount(models.Model):
    """One combination of facet values (a facet group) and how many entries
    have it: entries point to it (`SearchEntry.facet_group`), so matches are
    counted per group and filtered by group; the count is kept up to date by
    `indexing` and read when a query has too many matches to count them all
    (`estimate`). `key` joins the values, so that NULLs can be unique."""

    key = models.CharField(max_length=200, unique=True)
    organisation_id = models.BigIntegerField(null=True)
    year = models.PositiveSmallIntegerField(null=True)
    topic_id_value = models.BigIntegerField(null=True)
    topic_parent_id_value = models.BigIntegerField(null=True)
    genre = models.CharField(max_length=30, blank=True)
    validity = models.CharField(max_length=30, blank=True)
    content_type = models.CharField(max_length=30, blank=True)
    count = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class SearchKey(models.Model):
    """Exact lookup keys (normalised 发文字号, 索引号) of an entry."""

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="keys"
    )
    key = models.CharField(max_length=120, db_index=True)

    def __str__(self) -> str:
        return self.key


class SearchTerm(models.Model):
    """A word administrators add to the segmentation dictionary."""

    term = models.CharField(_("词条"), max_length=50, unique=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now=True)  # last change

    class Meta:
        ordering = ["term"]
        verbose_name = _("搜索词典词条")
        verbose_name_plural = _("搜索词典词条")

    def __str__(self) -> str:
        return self.term


class SearchLog(models.Model):
    query = models.CharField(_("查询"), max_length=200)
    normalised = models.CharField(max_length=200, db_index=True)
    filters = models.JSONField(_("筛选条件"), default=dict, blank=True)
    result_count = models.PositiveIntegerField(_("结果数"))
    took_ms = models.FloatField(_("耗时（毫秒）"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("搜索日志")
        verbose_name_plural = _("搜索日志")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.query}"

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

from gongkai.search import text
from gongkai.search.dictionary_terms import reload_terms
from gongkai.search.models import SearchTerm


def test_normalise_traditional_fullwidth_case():
    assert text.normalise("政務公開ＡＢＣ１２３") == "政务公开abc123"


def test_dictionary_keeps_government_terms_whole():
    assert "依申请公开" in text.words("依申请公开")
    assert "放管服" in text.words("推进放管服改革")
    assert text.query_terms("放管服") == ["放管服"]


def test_query_terms_keep_the_short_words_of_a_long_one():
    assert text.query_terms(text.normalise("政務公開")) == ["政务", "公开"]
    assert text.query_terms("医保报销") == ["医保", "报销"]


def test_dictionary_file_parses():
    entries = dict(text.dictionary_entries())
    for word in ("政务公开", "依申请公开", "行政许可", "放管服"):
        assert word in entries


def test_administrator_terms_reach_the_segmenter(db):
    assert "鹤城快办" not in text.words("推进鹤城快办")
    SearchTerm.objects.create(term="鹤城快办")
    assert "鹤城快办" in text.words("推进鹤城快办")
    SearchTerm.objects.all().delete()
    reload_terms()
    assert "鹤城快办" not in text.words("推进鹤城快办")


def test_terms_added_by_another_process_reach_queries(db):
    from gongkai.search.query import parse_query

    assert parse_query("鹤城快办").terms != ("鹤城快办",)
    # bulk_create sends no signal: as if another worker had saved the term.
    SearchTerm.objects.bulk_create([SearchTerm(term="鹤城快办")])
    assert parse_query("鹤城快办").terms == ("鹤城快办",)
    SearchTerm.objects.all().delete()
    reload_terms()

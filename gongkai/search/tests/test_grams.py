# Tests are exempt from annotations (docs/wip-interfaces.md).

from gongkai.search import grams, text


def test_pairs_plus_last_character_split_at_punctuation():
    assert grams.grams(text.normalise("政务、公开 2019年")) == "政务 务 公开 开 2019 年"


def test_letters_and_digits_stay_whole_beside_chinese():
    assert grams.grams("第20号abc文件x") == "第 20 号 abc 文件 件 x"


def test_characters_outside_the_basic_plane_pair_like_any_other():
    assert grams.grams("𠀀𠀁中") == "𠀀𠀁 𠀁中 中"


def test_nothing_to_index():
    assert grams.grams("") == ""
    assert grams.grams("、。 — é") == ""
    assert grams.grams_of([]) == []


def test_a_lone_surrogate_separates_runs():
    assert grams.grams("政务\ud800公开") == "政务 务 公开 开"


def test_no_pair_crosses_from_one_text_into_the_next():
    assert grams.grams_of(["政务", "", "公开", "12", "34"]) == [
        "政务 务",
        "",
        "公开 开",
        "12",
        "34",
    ]


def test_many_texts_in_several_passes_keep_their_order(monkeypatch):
    monkeypatch.setattr(grams, "_PASS_CHARS", 7)
    texts = ["依申请公开", "a", "行政许可", "", "放管服", "政务公开目录"]
    assert grams.grams_of(texts) == [grams.grams(t) for t in texts]
    assert grams.grams_of(texts)[0] == "依申 申请 请公 公开 开"


def test_run_grams():
    assert grams.run_grams("医保") == ["医保", "保"]
    assert grams.run_grams("2019") == ["2019"]


def test_distinct_chars_of_text_or_tokens():
    assert sorted(grams.distinct_chars("政务 务 公开 开 2019").split()) == sorted(
        "政务公开"
    )
    assert grams.distinct_chars("abc 12") == ""

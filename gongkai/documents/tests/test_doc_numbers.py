import pytest
from django.core.exceptions import ValidationError

from gongkai.documents.doc_numbers import (
    doc_number_variants,
    normalise_doc_number,
    parse_doc_number,
)


@pytest.mark.parametrize(
    "raw",
    [
        "鹤政办〔2019〕20号",
        "鹤政办[2019]20号",
        "鹤政办(2019)20号",
        "鹤政办（2019）20号",
        "鹤政办【2019】20号",
        "鹤政办［2019］20号",
        "鹤政办﹝2019﹞20号",
        "鹤政办〖2019〗20号",
        " 鹤政办 〔2019〕 20 号 ",
        "鹤政办〔２０１９〕２０号",
        "鹤政办〔2019〕第20号",
        "鹤政办〔2019〕020号",
    ],
)
def test_accepted_forms_normalise_to_canonical(raw):
    assert normalise_doc_number(raw) == "鹤政办〔2019〕20号"


def test_seed_numbers():
    assert normalise_doc_number("庆政办函(2021)31号") == "庆政办函〔2021〕31号"
    assert normalise_doc_number("阿行办发[2017]74号") == "阿行办发〔2017〕74号"
    assert normalise_doc_number("国办发【2017】47号") == "国办发〔2017〕47号"


def test_parts():
    number = parse_doc_number("国办发〔2017〕47号")
    assert (number.code, number.year, number.serial) == ("国办发", 2017, 47)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("鹤政办2019年20号", "invalid"),
        ("鹤政办〔19〕20号", "invalid"),
        ("鹤政办〔2019〕20", "invalid"),
        ("〔2019〕20号", "invalid"),
        ("鹤政办〔2019〕号", "invalid"),
        ("鹤政办〔2019]20号", "unbalanced_brackets"),
        ("鹤政办(2019】20号", "unbalanced_brackets"),
        ("鹤政办〔1900〕20号", "invalid_year"),
        ("鹤政办〔2999〕20号", "invalid_year"),
        ("鹤政办〔2019〕0号", "invalid_serial"),
        ("鹤政办〔2019〕20号<script>", "invalid"),
    ],
)
def test_invalid_numbers_are_refused_in_chinese(raw, code):
    with pytest.raises(ValidationError) as excinfo:
        normalise_doc_number(raw)
    assert excinfo.value.code == code
    assert any("发文字号" in m for m in excinfo.value.messages)


def test_variants_cover_every_accepted_bracket():
    variants = doc_number_variants("鹤政办〔2019〕20号")
    assert variants[0] == "鹤政办〔2019〕20号"
    assert "鹤政办[2019]20号" in variants
    assert "鹤政办（2019）20号" in variants
    assert "鹤政办【2019】20号" in variants
    assert len(variants) == len(set(variants))
    assert all(normalise_doc_number(v) == variants[0] for v in variants)

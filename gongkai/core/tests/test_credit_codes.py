import pytest
from django.core.exceptions import ValidationError

from gongkai.core.credit_codes import (
    credit_code_check_character,
    is_valid_credit_code,
    validate_credit_code,
)


@pytest.mark.parametrize(
    "code",
    ["11441700007280420Y", "11370322004222241N", "11341702486344515H"],
)
def test_real_codes_from_published_index_numbers_are_valid(code):
    assert is_valid_credit_code(code)


def test_check_character_is_position_18():
    assert credit_code_check_character("11441700007280420") == "Y"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("1144170000728042", "18位"),
        ("11441700007280420I", "大写字母"),
        ("11441700007280420X", "校验位"),
    ],
)
def test_invalid_codes_explain_themselves(code, message):
    with pytest.raises(ValidationError) as excinfo:
        validate_credit_code(code)
    assert message in str(excinfo.value.messages[0])

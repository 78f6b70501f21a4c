"""manage.py workdays add / between."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.core.workdays import calendar_version

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("workdays", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_add_prints_date_version_and_provisional():
    out, _ = run("add", "2026-02-10", "20")
    assert out == (
        f"2026-03-16 calendar_version={calendar_version()} provisional=false"
    )


def test_add_refuses_2027_with_the_chinese_message():
    with pytest.raises(CommandError, match="2027 年的放假调休安排尚未录入"):
        run("add", "2026-12-15", "20")


def test_add_provisional():
    out, err = run("add", "2026-12-15", "20", "--allow-provisional")
    assert out.startswith("2027-01-12 ")
    assert out.endswith("provisional=true")
    assert "仅按周末推算" in err


def test_between():
    assert run("between", "2024-12-31", "2025-12-31")[0] == "248"


@pytest.mark.parametrize(
    "args",
    [("add", "2026-02-30", "5"), ("add", "2026-02-10", "-3"), ("between", "x", "y")],
)
def test_bad_input(args):
    with pytest.raises(CommandError):
        run(*args)

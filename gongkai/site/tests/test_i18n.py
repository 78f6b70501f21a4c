"""Languages: zh-hans unless the person chooses English; the English catalogue is complete."""

# Tests are exempt from annotations (docs/wip-interfaces.md).
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
SET_LANGUAGE = "/i18n/setlang/"


@pytest.fixture
def org():
    return OrganisationFactory()


@pytest.fixture
def editor(org):
    return staff_user(Role.EDITOR, org, username="editor1")


def choose(client, language, next_url="/"):
    return client.post(SET_LANGUAGE, {"language": language, "next": next_url})


# ---------------------------------------------------------------------------
# Choosing the language


@pytest.mark.django_db
def test_pages_are_chinese_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("public:home"), HTTP_ACCEPT_LANGUAGE="en,en-GB;q=0.9")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('<html lang="zh-Hans"') == 1
    assert "跳到主要内容" in body
    assert "Skip to main content" not in body
    assert response["Content-Language"] == "zh-hans"
    vary = response["Vary"]
    assert "Cookie" in vary
    assert "Accept-Language" not in vary


def test_set_language_url_is_the_django_view():
    assert reverse("set_language") == SET_LANGUAGE


@pytest.mark.django_db
def test_choosing_english_makes_the_public_site_english(client):
    response = choose(client, "en", next_url="/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    response = client.get(reverse("public:home"))
    body = response.content.decode()
    assert '<html lang="en"' in body
    assert response["Content-Language"] == "en"
    for english in (
        "Skip to main content",
        "Government Information Disclosure Catalogue",
        "Browse all government information",
        "Latest disclosures",
        "Website identification code",
    ):
        assert english in body
    for chinese in ("跳到主要内容", "政府信息公开目录", "浏览全部政府信息"):
        assert chinese not in body


@pytest.mark.django_db
def test_choosing_chinese_again_switches_back(client):
    choose(client, "en")
    choose(client, "zh-hans")
    body = client.get(reverse("public:home")).content.decode()
    assert '<html lang="zh-Hans"' in body
    assert "浏览全部政府信息" in body


@pytest.mark.django_db
def test_an_unknown_language_cookie_falls_back_to_chinese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    body = client.get(reverse("public:home")).content.decode()
    assert '<html lang="zh-Hans"' in body


@pytest.mark.django_db
def test_set_language_ignores_an_unsafe_next(client):
    response = choose(client, "en", next_url="https://evil.example/")
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.django_db
def test_public_footer_has_the_language_switch(client):
    path = reverse("public:document_list")
    body = client.get(path).content.decode()
    footer = body[body.index('<footer class="site-footer">') :]
    form = footer[footer.index('<form class="language-switch"') :]
    form = form[: form.index("</form>")]
    assert f'action="{SET_LANGUAGE}"' in form
    assert 'method="post"' in form
    assert "csrfmiddlewaretoken" in form
    assert f'name="next" value="{path}"' in form
    assert 'value="zh-hans" lang="zh-Hans" aria-pressed="true">中文</button>' in form
    assert 'value="en" lang="en">English</button>' in form


@pytest.mark.django_db
def test_staff_pages_follow_the_choice(client, editor):
    # The sign-in page has the switch in its header.
    body = client.get(reverse("staff:login")).content.decode()
    header = body[body.index('<header class="staff-header">') : body.index("</header>")]
    assert f'action="{SET_LANGUAGE}"' in header
    assert '<html lang="zh-Hans">' in body

    choose(client, "en", next_url=reverse("staff:login"))
    body = client.get(reverse("staff:login")).content.decode()
    assert '<html lang="en">' in body
    assert "Staff sign-in" in body

    client.force_login(editor)
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert '<html lang="en">' in body
    for english in (
        "Dashboard",
        "Open Government Staff Portal",
        "My drafts",
        "Sign out",
    ):
        assert english in body
    for chinese in ("工作台", "我的草稿", "退出登录"):
        assert chinese not in body
    assert 'value="en" lang="en" aria-pressed="true">English</button>' in body


# ---------------------------------------------------------------------------
# The catalogue


def _po_entries(text):
    """(flags, {keyword: string}) for each entry of a .po file; plain Python."""
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        flags: set[str] = set()
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#~"):
                fields["obsolete"] = line
            elif line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                assert key is not None, block
                fields[key] += _unquote(line)
            else:
                key, _, rest = line.partition(" ")
                fields[key] = _unquote(rest)
        entries.append((flags, fields))
    return entries


def _unquote(quoted):
    return quoted.strip()[1:-1].replace('\\"', '"').replace("\\n", "\n")


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def test_catalogue_has_no_untranslated_fuzzy_or_obsolete_entries():
    entries = _po_entries(PO.read_text(encoding="utf-8"))
    header, messages = entries[0], entries[1:]
    assert header[1]["msgid"] == ""
    assert "fuzzy" not in header[0]
    assert "Language: en\n" in header[1]["msgstr"]
    assert len(messages) > 400
    problems = []
    for flags, fields in messages:
        msgid = fields.get("msgid", "")
        translations = [v for k, v in fields.items() if k.startswith("msgstr")]
        if "obsolete" in fields:
            problems.append(("obsolete", fields["obsolete"]))
        elif "fuzzy" in flags:
            problems.append(("fuzzy", msgid))
        elif not translations or not all(translations):
            problems.append(("untranslated", msgid))
        elif any(
            sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(msgid))
            for t in translations
        ):
            problems.append(("placeholders differ", msgid))
        elif "msgid_plural" in fields and not {"msgstr[0]", "msgstr[1]"} <= set(fields):
            problems.append(("plural forms", msgid))
    assert problems == []


def test_django_translates_with_the_compiled_catalogue():
    with translation.override("en"):
        assert translation.gettext("政府信息公开指南") == (
            "Government Information Disclosure Guide"
        )
        assert translation.gettext("索引号") == "Index number"
        assert translation.gettext("发文字号") == "Document number"
        assert translation.gettext("退文") == "Return to drafter"
        assert translation.ngettext("共 %(n)s 件", "共 %(n)s 件", 1) == "%(n)s document"
        assert (
            translation.ngettext("共 %(n)s 件", "共 %(n)s 件", 3) == "%(n)s documents"
        )
    with translation.override("zh-hans"):
        assert translation.gettext("索引号") == "索引号"


def test_compiled_catalogue_matches_the_po(tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (Debian package gettext) is not installed")
    assert MO.exists(), "run: manage.py compilemessages --ignore=.venv"
    fresh = tmp_path / "django.mo"
    subprocess.run(
        [msgfmt, "--check-format", "-o", str(fresh), str(PO)], check=True, timeout=60
    )

    def catalogue(path):
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]

    assert catalogue(MO) == catalogue(fresh), (
        "locale/en/LC_MESSAGES/django.mo is stale: "
        "run manage.py compilemessages --ignore=.venv"
    )

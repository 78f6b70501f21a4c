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
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, staff_user
from gongkai.documents.models import Column

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
SET_LANGUAGE = "/i18n/setlang/"


@pytest.fixture(autouse=True)
def _no_language_left_active():
    # A request activates its language in the thread and leaves it there (as
    # Django's LocaleMiddleware does): do not hand English to the next test.
    yield
    translation.deactivate()


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


@pytest.mark.django_db
def test_data_written_while_english_is_active_stays_chinese():
    """Seeded rows are data, not interface: an organisation created from the
    English back office still gets the Chinese standard catalogue."""
    with translation.override("en"):
        organisation = OrganisationFactory.create()
    names = set(
        Column.objects.filter(organisation=organisation).values_list("name", flat=True)
    )
    assert "（一）行政法规、规章和规范性文件" in names
    assert not any(name.startswith("(1)") for name in names)


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
    # Aliases, so that makemessages does not list this file in the catalogue.
    tr, ntr = translation.gettext, translation.ngettext
    with translation.override("en"):
        assert tr("政府信息公开指南") == "Government Information Disclosure Guide"
        assert tr("索引号") == "Index number"
        assert tr("发文字号") == "Document number"
        assert tr("退文") == "Return to drafter"
        assert ntr("共 %(n)s 件", "共 %(n)s 件", 1) == "%(n)s document"
        assert ntr("共 %(n)s 件", "共 %(n)s 件", 3) == "%(n)s documents"
    with translation.override("zh-hans"):
        assert tr("索引号") == "索引号"


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


SKIPPED = {".venv", "var", "bench", "locale", "gongkai.egg-info"}


def _msgids(po_path):
    return {
        fields["msgid"]
        for _flags, fields in _po_entries(po_path.read_text(encoding="utf-8"))[1:]
        if "obsolete" not in fields
    }


def test_catalogue_covers_every_string_in_the_source(tmp_path, monkeypatch):
    """A string added to the code without its English fails here.

    Fix: `manage.py makemessages -l en --no-obsolete --ignore=.venv
    --ignore=var --ignore=bench`, translate the new entries, then
    `manage.py compilemessages --ignore=.venv`.
    """
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("xgettext/msgmerge (Debian package gettext) are not installed")
    # makemessages scans the current directory and writes to the first locale
    # path: give it the sources through symlinks and a copy of the catalogue.
    # Same scope as the documented command (--ignore=.venv/var/bench).
    for entry in Path(settings.BASE_DIR).iterdir():
        if entry.name not in SKIPPED and not entry.name.startswith("."):
            (tmp_path / entry.name).symlink_to(entry, entry.is_dir())
    copy = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copyfile(PO, copy)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command(
            "makemessages",
            locale=["en"],
            symlinks=True,
            no_obsolete=True,
            verbosity=0,
        )
    missing = sorted(_msgids(copy) - _msgids(PO))
    assert missing == [], "strings without English in locale/en (see docstring)"

"""/apply/: the guided form, the receipt, tracking and its downloads."""

# Tests are exempt from annotations.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationEventKind,
    LetterKind,
    ReleasedFile,
)
from gongkai.applications.services.intake import application_validate
from gongkai.core.tests.factories import OrganisationFactory
from gongkai.documents.models import DocumentStatus
from gongkai.documents.search_index import KEY
from gongkai.documents.tests.factories import DocumentFactory
from gongkai.search.indexing import index_objects

from .intake_helpers import (
    INVALID_CASES,
    ORGANISATION_CASES,
    RESIDENT_ID,
    enterprise,
    flat,
    person,
)

FORM_URL = reverse("public:apply:form")
TRACK_URL = reverse("public:apply:track")
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def org():
    return OrganisationFactory.create(name="鹤城市教育局")


def _post(client, org, data=None, files=None, **extra):
    payload = {"org": org.credit_code, "submission_key": "s" * 32}
    payload.update(data if data is not None else flat())
    payload.update(files or {})
    return client.post(FORM_URL, payload, **extra)


def _lodged(client, org, **kwargs):
    response = _post(client, org, **kwargs)
    assert response.status_code == 303, response.content.decode()[:2000]
    return Application.objects.get(), response["Location"]


# ---- steps 1 and 2 ----------------------------------------------------------


def test_step_one_suggests_published_documents(client, org):
    document = DocumentFactory.create(
        organisation=org,
        title="鹤城市义务教育学校招生入学办法",
        status=DocumentStatus.PUBLISHED,
        published_on=dt.date(2026, 3, 5),
    )
    index_objects(KEY, [document.pk])
    response = client.get(reverse("public:apply:start"), {"q": "招生入学"})
    body = response.content.decode()
    assert response.status_code == 200
    assert document.get_absolute_url() in body
    assert reverse("public:apply:organisation") + "?q=" in body


def test_step_one_without_matches_invites_to_apply(client, org):
    response = client.get(reverse("public:apply:start"), {"q": "完全不存在的词语组合"})
    assert "没有找到与描述相符的已公开信息" in response.content.decode()


def test_step_two_lists_only_active_organisations(client, org):
    inactive = OrganisationFactory.create(name="已撤销的局", is_active=False)
    response = client.get(reverse("public:apply:organisation"), {"q": "招生"})
    body = response.content.decode()
    assert org.name in body and org.credit_code in body
    assert inactive.name not in body
    assert 'value="招生"' in body


def test_step_three_carries_organisation_description_and_a_key(client, org):
    response = client.get(FORM_URL, {"org": org.credit_code, "q": "招生办法"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "招生办法</textarea>" in body
    key = re.search(r'name="submission_key" value="([^"]+)"', body)
    assert key and len(key.group(1)) >= 20
    assert f'value="{org.credit_code}" selected' in body


# ---- submitting -------------------------------------------------------------


def test_submit_shows_the_receipt_and_its_pdf(client, org):
    application, location = _lodged(client, org)
    assert application.status == "lodged" and application.channel == "online"
    page = client.get(location)
    body = page.content.decode()
    code = application.tracking_code
    assert f"{code[:4]}-{code[4:8]}-{code[8:12]}-{code[12:]}" in body
    assert "20个工作日" in body and org.name in body
    assert RESIDENT_ID not in body
    pdf = client.get(
        reverse("public:apply:receipt_pdf", args=[location.split("/")[-2]])
    )
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_receipt_and_case_pages_are_never_cached(client, org):
    application, location = _lodged(client, org)
    case_url = reverse("public:apply:track_case", args=[application.pk])
    for url in (location, case_url):
        assert "no-store" in client.get(url)["Cache-Control"]


def test_a_forged_receipt_link_is_404(client, org):
    _lodged(client, org)
    assert (
        client.get(reverse("public:apply:receipt", args=["forged:token"])).status_code
        == 404
    )


@pytest.mark.parametrize(("field", "applicant", "request_", "expected"), INVALID_CASES)
def test_invalid_input_is_400_with_the_service_message_and_stores_nothing(
    client, org, field, applicant, request_, expected
):
    data = flat(person(**applicant), **request_)
    response = _post(client, org, data=data)
    assert response.status_code == 400
    body = response.content.decode()
    with pytest.raises(Exception) as info:
        application_validate(data)
    for message in info.value.message_dict[field]:  # type: ignore[attr-defined]
        assert message in body
    assert expected in body
    assert Application.objects.count() == 0


@pytest.mark.parametrize(("field", "applicant", "expected"), ORGANISATION_CASES)
def test_invalid_organisation_applicants_are_400(
    client, org, field, applicant, expected
):
    response = _post(client, org, data=flat(enterprise(**applicant)))
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert Application.objects.count() == 0


def test_an_edited_form_sent_again_is_a_new_application(client, org):
    _post(client, org)
    again = _post(client, org, data=flat(description="改过的描述"))
    assert again.status_code == 303
    assert Application.objects.count() == 2


def test_the_receipt_links_the_submitter_to_the_case(client, org):
    application, location = _lodged(client, org)
    case_url = reverse("public:apply:track_case", args=[application.pk])
    assert case_url in client.get(location).content.decode()
    assert client.get(case_url).status_code == 200
    client.cookies.clear()
    assert case_url not in client.get(location).content.decode()


def test_no_organisation_chosen_is_400(client, org):
    response = client.post(FORM_URL, {**flat(), "org": "", "submission_key": "s" * 32})
    assert response.status_code == 400
    assert "请选择受理机关" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_wrong_proof_file_is_400(client, org):
    files = {"identity_proof": SimpleUploadedFile("id.pdf", b"plain text")}
    response = _post(client, org, files=files)
    assert response.status_code == 400
    assert "身份证明只接受" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_proof_file_is_kept(client, org):
    files = {"identity_proof": SimpleUploadedFile("id.pdf", PDF_BYTES)}
    application, _ = _lodged(client, org, files=files)
    assert application.identity_proof.name.endswith(".pdf")


def test_double_submit_creates_one_application(client, org, settings):
    # Without the duplicate guard, so that the submission key alone is tested.
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "duplicate_window_minutes": 0}
    first = _post(client, org)
    second = _post(client, org)
    assert first.status_code == second.status_code == 303
    assert Application.objects.count() == 1
    assert client.get(second["Location"]).status_code == 200


def test_rate_limit_answers_429_in_chinese(client, org, settings):
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "per_address_per_hour": 2}
    for n in range(2):
        data = {**flat(description=f"第{n}项信息"), "submission_key": f"key{n}" * 8}
        assert _post(client, org, data=data).status_code == 303
    data = {**flat(description="第三项"), "submission_key": "t" * 32}
    response = _post(client, org, data=data)
    assert response.status_code == 429
    assert "过于频繁" in response.content.decode()
    assert Application.objects.count() == 2


# ---- tracking ---------------------------------------------------------------


def _track(client, code, digits):
    return client.post(TRACK_URL, {"code": code, "phone_last4": digits})


def _error_text(response):
    match = re.search(
        r'<div class="error-summary"[^>]*><h2>(.*?)</h2>', response.content.decode()
    )
    return match.group(1) if match else None


def test_wrong_code_and_wrong_digits_get_the_same_answer(client, org):
    application, _ = _lodged(client, org)
    client.cookies.clear()
    wrong_digits = _track(client, application.tracking_code, "0000")
    wrong_code = _track(client, "ABCDEFGHJKMNPQRS", "8000")
    assert wrong_digits.status_code == wrong_code.status_code == 404
    assert _error_text(wrong_digits) == _error_text(wrong_code) is not None
    for response in (wrong_digits, wrong_code):
        assert org.name not in response.content.decode()


def test_tracking_shows_only_what_is_meant_for_the_applicant(client, org):
    application, _ = _lodged(client, org)
    ApplicationEvent.objects.create(
        application=application,
        kind=ApplicationEventKind.NOTE,
        on=dt.date(2026, 3, 3),
        visible_to_applicant=False,
        note="内部讨论：需请示领导",
    )
    client.cookies.clear()
    response = _track(client, application.tracking_code.lower(), "8000")
    assert response.status_code == 303
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert "内部讨论" not in body
    assert str(ApplicationEventKind.LODGED.label) in body
    assert "已提交待确认" in body
    assert "张三" not in body and RESIDENT_ID not in body
    assert "受理回执" in body


def test_letters_and_files_download_only_with_a_grant(client, org):
    application, _ = _lodged(client, org)
    letter = application.letters.get(kind=LetterKind.RECEIPT)
    released = ReleasedFile.objects.create(
        application=application, name="预算报告.pdf", size=10
    )
    released.file.save("r.pdf", ContentFile(PDF_BYTES))
    letter_url = reverse(
        "public:apply:track_letter", args=[application.pk, letter.pk, "pdf"]
    )
    file_url = reverse("public:apply:track_file", args=[application.pk, released.pk])
    case_url = reverse("public:apply:track_case", args=[application.pk])
    client.cookies.clear()
    assert client.get(letter_url).status_code == 404
    assert client.get(file_url).status_code == 404
    assert client.get(case_url).status_code == 302
    _track(client, application.tracking_code, "8000")
    body = client.get(case_url).content.decode()
    assert letter_url in body and file_url in body
    pdf = client.get(letter_url)
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    docx = client.get(
        reverse("public:apply:track_letter", args=[application.pk, letter.pk, "docx"])
    )
    assert docx.status_code == 200
    assert b"".join(client.get(file_url).streaming_content) == PDF_BYTES
    other = reverse("public:apply:track_case", args=[application.pk + 1])
    assert client.get(other).status_code == 302


def test_consultation_letters_are_not_the_applicants(client, org):
    application, _ = _lodged(client, org)
    receipt = application.letters.get(kind=LetterKind.RECEIPT)
    consultation = application.letters.create(
        kind=LetterKind.CONSULTATION,
        title="征求意见函",
        text="致第三方",
        docx=receipt.docx.name,
        pdf=receipt.pdf.name,
        issued_on=dt.date(2026, 3, 5),
    )
    _track(client, application.tracking_code, "8000")
    body = client.get(
        reverse("public:apply:track_case", args=[application.pk])
    ).content.decode()
    assert "征求意见函" not in body
    url = reverse(
        "public:apply:track_letter", args=[application.pk, consultation.pk, "pdf"]
    )
    assert client.get(url).status_code == 404


def test_too_many_failed_lookups_answer_429(client, org, settings):
    settings.GONGKAI_INTAKE = {**settings.GONGKAI_INTAKE, "track_failures_per_hour": 3}
    application, _ = _lodged(client, org)
    for _ in range(3):
        assert _track(client, "ABCDEFGHJKMNPQRS", "1234").status_code == 404
    response = _track(client, application.tracking_code, "8000")
    assert response.status_code == 429
    assert "查询失败次数过多" in response.content.decode()


# ---- withdrawal by the applicant -------------------------------------------


def _withdraw_url(application):
    return reverse("public:apply:track_withdraw", args=[application.pk])


def test_the_applicant_withdraws_online(client, org):
    application, _ = _lodged(client, org)  # the receipt grants the session
    response = client.post(
        _withdraw_url(application), {"confirm": "on", "reason": "已通过其他途径获取"}
    )
    assert response.status_code == 303
    application.refresh_from_db()
    assert application.status == "closed" and application.outcome == "other"
    event = application.events.get(kind=ApplicationEventKind.WITHDRAWN)
    assert event.actor is None and event.note == "已通过其他途径获取"
    page = client.get(response["Location"]).content.decode()
    assert "申请人撤回申请" in page
    assert 'action="' + _withdraw_url(application) not in page  # closed: no form


def test_withdrawal_needs_the_confirmation_and_stores_nothing(client, org):
    application, _ = _lodged(client, org)
    response = client.post(_withdraw_url(application), {"reason": "x"})
    assert response.status_code == 400
    assert "请勾选确认后再撤回申请" in response.content.decode()
    application.refresh_from_db()
    assert application.is_open
    assert not application.events.filter(kind=ApplicationEventKind.WITHDRAWN).exists()


def test_withdrawing_a_closed_case_is_409_with_a_message(client, org):
    application, _ = _lodged(client, org)
    client.post(_withdraw_url(application), {"confirm": "on"})
    again = client.post(_withdraw_url(application), {"confirm": "on"})
    assert again.status_code == 409
    assert "不能撤回申请" in again.content.decode()


def test_withdrawal_without_a_grant_is_404(client, org):
    application, _ = _lodged(client, org)
    client.cookies.clear()
    response = client.post(_withdraw_url(application), {"confirm": "on"})
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.is_open

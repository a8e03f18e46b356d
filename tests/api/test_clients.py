"""Registered clients and personal tokens act as a person, through the pages'
permission functions, narrowed by their scopes and a client's agencies."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from oauth2_provider.models import AccessToken

from danvan.api import services
from danvan.api.models import PersonalToken
from danvan.core.services import DomainError
from danvan.plans.models import TaskUpdate
from tests.api.conftest import bearer, client_token, register

SCOPES = ["tasks:read", "tasks:write", "plans:read"]


@pytest.fixture
def registered(unit_officer, agency, system_admin):
    # Acts as a staff member of the task's lead unit, for Sở Khoa học only.
    return register(acting_person=unit_officer, agencies=[agency], scopes=SCOPES, by=system_admin)


def test_a_client_of_one_agency_reads_its_tasks_and_reports_progress(
    client, registered, issued_task, other_task
):
    token = client_token(client, registered)
    listed = client.get(reverse("api:task_list"), **bearer(token))
    assert listed.status_code == 200
    assert [row["id"] for row in listed.json()["results"]] == [issued_task.pk]
    response = client.post(
        reverse("api:task_progress", args=[issued_task.pk]),
        {
            "status": "in_progress",
            "percent": "40",
            "note": "Đã tổ chức 2 hội nghị",
            "reported_on": "15/03/2026",
        },
        **bearer(token),
    )
    assert response.status_code == 201, response.content
    issued_task.refresh_from_db()
    assert (issued_task.status, issued_task.percent) == ("in_progress", 40)
    assert TaskUpdate.objects.get(task=issued_task).created_by == registered.client.acting_person


def test_another_agencys_task_is_not_found_and_a_missing_scope_is_refused(
    client, registered, issued_task, other_task
):
    token = client_token(client, registered)
    for name in ("api:task_detail", "api:task_progress"):
        method = client.get if name == "api:task_detail" else client.post
        response = method(reverse(name, args=[other_task.pk]), **bearer(token))
        assert response.status_code == 404, name
        assert response.json() == {"detail": "Không tìm thấy.", "ma": "khong_tim_thay"}
    refused = client.get(reverse("api:report_list"), **bearer(token))
    assert refused.status_code == 403
    assert refused.json() == {
        "detail": "Mã truy cập thiếu phạm vi quyền «reports:read».",
        "ma": "thieu_pham_vi",
    }


def test_a_client_seeing_more_through_its_person_still_reads_only_its_agencies(
    client, system_admin, agency, issued_task, other_task
):
    # The administrator sees every agency; the client registered for one sees one.
    registered = register(acting_person=system_admin, agencies=[agency], scopes=SCOPES, by=system_admin)
    token = client_token(client, registered)
    rows = client.get(reverse("api:plan_list"), **bearer(token)).json()["results"]
    assert {row["agency"] for row in rows} == {agency.pk}
    assert (
        client.get(reverse("api:plan_detail", args=[other_task.plan_id]), **bearer(token)).status_code == 404
    )


def test_a_client_gets_no_scope_it_was_not_given(client, registered):
    import base64

    basic = base64.b64encode(f"{registered.client_id}:{registered.client_secret}".encode()).decode()
    response = client.post(
        reverse("oauth_token"),
        {"grant_type": "client_credentials", "scope": "petitions:read"},
        HTTP_AUTHORIZATION=f"Basic {basic}",
    )
    assert response.status_code == 400 and response.json()["error"] == "invalid_scope"


def test_a_token_asked_for_fewer_scopes_holds_only_those(client, registered, issued_task):
    token = client_token(client, registered, scope="tasks:read")
    assert client.get(reverse("api:task_list"), **bearer(token)).status_code == 200
    response = client.post(reverse("api:task_progress", args=[issued_task.pk]), {}, **bearer(token))
    assert response.status_code == 403 and response.json()["ma"] == "thieu_pham_vi"


def test_progress_without_the_pages_permission_is_refused(
    client, office_officer, agency, system_admin, issued_task
):
    # The office reads the agency's tasks but reports progress only as the lead unit does.
    registered = register(acting_person=office_officer, agencies=[agency], scopes=SCOPES, by=system_admin)
    token = client_token(client, registered)
    assert client.get(reverse("api:task_detail", args=[issued_task.pk]), **bearer(token)).status_code == 200
    response = client.post(
        reverse("api:task_progress", args=[issued_task.pk]),
        {"status": "in_progress", "percent": "10", "note": "x", "reported_on": "15/03/2026"},
        **bearer(token),
    )
    assert response.status_code == 403 and response.json()["ma"] == "khong_co_quyen"
    assert not TaskUpdate.objects.exists()


def test_a_bad_evidence_file_is_refused_clearly_and_nothing_is_stored(
    client, registered, issued_task, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    token = client_token(client, registered)
    bad = SimpleUploadedFile(
        "bao-cao.exe", b"MZ\x90\x00 not a document", content_type="application/octet-stream"
    )
    response = client.post(
        reverse("api:task_progress", args=[issued_task.pk]),
        {"status": "done", "percent": "100", "note": "Xong", "reported_on": "15/03/2026", "evidence": bad},
        **bearer(token),
    )
    assert response.status_code == 400
    body = response.json()
    assert body["ma"] == "du_lieu_khong_hop_le" and body["evidence"]
    assert not TaskUpdate.objects.exists()
    issued_task.refresh_from_db()
    assert issued_task.percent == 0
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_a_good_evidence_file_is_kept_with_the_update(client, registered, issued_task):
    from django.core.files.uploadedfile import SimpleUploadedFile

    token = client_token(client, registered)
    pdf = SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = client.post(
        reverse("api:task_progress", args=[issued_task.pk]),
        {"status": "done", "percent": "100", "note": "Xong", "reported_on": "15/03/2026", "evidence": pdf},
        **bearer(token),
    )
    assert response.status_code == 201, response.content
    update = TaskUpdate.objects.get()
    assert update.evidence_name == "minh-chung.pdf" and update.evidence.read().startswith(b"%PDF")
    url = reverse("api:task_evidence", args=[issued_task.pk, update.pk])
    served = client.get(url, **bearer(token))
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"%PDF")
    assert client.get(url).status_code == 403  # no token, no session


def test_unknown_expired_and_revoked_tokens_are_refused_with_401(
    client, registered, unit_officer, issued_task
):
    url = reverse("api:task_list")
    response = client.get(url, **bearer("khong-co-ma-nay"))
    assert response.status_code == 401 and response.json()["ma"] == "ma_truy_cap_khong_hop_le"
    assert response["WWW-Authenticate"].startswith("Bearer")
    token = client_token(client, registered)
    AccessToken.objects.update(expires=timezone.now() - timedelta(seconds=1))
    assert client.get(url, **bearer(token)).status_code == 401
    # A client switched off loses its tokens.
    token = client_token(client, registered)
    services.change_client(
        client=registered.client,
        acting_person=unit_officer,
        agencies=registered.client.agencies.all(),
        scopes=SCOPES,
        is_active=False,
        note="",
        by=unit_officer,
    )
    assert client.get(url, **bearer(token)).status_code == 401
    record, personal = services.create_personal_token(
        person=unit_officer, name="Bảng tính", scopes=SCOPES, days=30
    )
    assert client.get(url, **bearer(personal)).status_code == 200
    services.revoke_personal_token(token=record, by=unit_officer)
    assert client.get(url, **bearer(personal)).status_code == 401
    record, personal = services.create_personal_token(person=unit_officer, name="Cũ", scopes=SCOPES, days=1)
    PersonalToken.objects.filter(pk=record.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    refused = client.get(url, **bearer(personal))
    assert refused.status_code == 401
    assert refused.json()["detail"] == "Mã truy cập đã hết hạn hoặc đã bị thu hồi."


def test_a_personal_token_acts_as_its_owner_with_its_scopes(client, unit_officer, issued_task, other_task):
    _record, token = services.create_personal_token(
        person=unit_officer, name="Bảng tính", scopes=["tasks:read"], days=30
    )
    rows = client.get(reverse("api:task_list"), **bearer(token)).json()["results"]
    assert [row["id"] for row in rows] == [issued_task.pk]
    assert client.get(reverse("api:task_detail", args=[other_task.pk]), **bearer(token)).status_code == 404
    assert client.get(reverse("api:me"), **bearer(token)).json()["username"] == unit_officer.username
    # Petitions themselves are for the pages' session only.
    assert client.get(reverse("api:petition_list"), **bearer(token)).status_code == 403


def test_a_personal_token_is_kept_only_as_a_digest(unit_officer):
    record, token = services.create_personal_token(
        person=unit_officer, name="Bảng tính", scopes=SCOPES, days=30
    )
    stored = PersonalToken.objects.get(pk=record.pk)
    assert token not in (stored.digest, stored.prefix) and stored.digest == services.token_digest(token)


def test_bad_token_requests_change_nothing(unit_officer):
    with pytest.raises(DomainError):
        services.create_personal_token(person=unit_officer, name="x", scopes=["khong:co"], days=30)
    with pytest.raises(DomainError):
        services.create_personal_token(person=unit_officer, name="x", scopes=SCOPES, days=1000)
    with pytest.raises(DomainError):
        services.create_personal_token(person=unit_officer, name=" ", scopes=SCOPES, days=30)
    assert not PersonalToken.objects.exists()


def test_etag_answers_304_when_nothing_changed(client, registered, issued_task):
    token = client_token(client, registered)
    for url in (reverse("api:task_list"), reverse("api:task_detail", args=[issued_task.pk])):
        first = client.get(url, **bearer(token))
        tag = first["ETag"]
        again = client.get(url, HTTP_IF_NONE_MATCH=tag, **bearer(token))
        assert again.status_code == 304 and again.content == b""
        issued_task.percent += 5
        issued_task.save()
        changed = client.get(url, HTTP_IF_NONE_MATCH=tag, **bearer(token))
        assert changed.status_code == 200 and changed["ETag"] != tag


def test_tasks_filter_by_status_and_changes_since(client, registered, issued_task):
    token = client_token(client, registered)
    url = reverse("api:task_list")
    assert client.get(url, {"trang_thai": "done"}, **bearer(token)).json()["count"] == 0
    assert client.get(url, {"trang_thai": "not_started"}, **bearer(token)).json()["count"] == 1
    later = (timezone.now() + timedelta(hours=1)).isoformat()
    assert client.get(url, {"cap_nhat_tu": later}, **bearer(token)).json()["count"] == 0
    bad = client.get(url, {"cap_nhat_tu": "hom-qua"}, **bearer(token))
    assert bad.status_code == 400 and bad.json()["ma"] == "du_lieu_khong_hop_le"


def test_a_person_makes_and_revokes_their_token_on_their_page(client, unit_officer, other_agency_officer):
    client.force_login(unit_officer)
    page = client.post(
        reverse("api_tokens:list"), {"name": "Bảng tính của phòng", "scopes": ["tasks:read"], "days": "30"}
    )
    assert page.status_code == 200
    record = PersonalToken.objects.get(person=unit_officer)
    shown = page.content.decode()
    assert services.PERSONAL_PREFIX in shown
    assert (
        client.get(reverse("api_tokens:list")).content.decode().count(services.PERSONAL_PREFIX) == 1
    )  # the prefix only
    # Another person cannot revoke it.
    client.force_login(other_agency_officer)
    assert client.post(reverse("api_tokens:revoke", args=[record.pk])).status_code == 404
    client.force_login(unit_officer)
    client.post(reverse("api_tokens:revoke", args=[record.pk]))
    record.refresh_from_db()
    assert record.revoked_at is not None


def test_register_client_keeps_the_secret_only_hashed_and_a_new_secret_ends_the_old(
    client, registered, issued_task
):
    from oauth2_provider.models import Application

    application = Application.objects.get(client_id=registered.client_id)
    assert application.client_secret != registered.client_secret
    token = client_token(client, registered)
    secret = services.new_client_secret(client=registered.client, by=registered.client.acting_person)
    # The old secret's tokens end with it; the new secret gets a token.
    assert client.get(reverse("api:task_list"), **bearer(token)).status_code == 401
    renewed = type(registered)(client=registered.client, client_id=registered.client_id, client_secret=secret)
    assert client.get(reverse("api:task_list"), **bearer(client_token(client, renewed))).status_code == 200


def test_note_token_use_keeps_when_a_token_was_last_used(client, unit_officer, issued_task):
    record, token = services.create_personal_token(
        person=unit_officer, name="Bảng tính", scopes=SCOPES, days=30
    )
    assert record.last_used_at is None
    client.get(reverse("api:task_list"), **bearer(token))
    record.refresh_from_db()
    assert record.last_used_at is not None
    before = record.last_used_at
    services.note_token_use(record)  # within the minute: not written again
    record.refresh_from_db()
    assert record.last_used_at == before


def test_register_client_refuses_what_it_could_not_act_on(unit_officer, agency, system_admin):
    from danvan.api.models import ApiClient

    with pytest.raises(DomainError):
        services.register_client(
            name="Không cơ quan", acting_person=unit_officer, agencies=[], scopes=SCOPES, by=system_admin
        )
    with pytest.raises(DomainError):
        services.register_client(
            name="Sai phạm vi", acting_person=unit_officer, agencies=[agency], scopes=["x:y"], by=system_admin
        )
    unit_officer.is_active = False
    unit_officer.save()
    with pytest.raises(DomainError):
        services.register_client(
            name="Người đã nghỉ",
            acting_person=unit_officer,
            agencies=[agency],
            scopes=SCOPES,
            by=system_admin,
        )
    assert not ApiClient.objects.exists()


def test_a_token_writes_without_a_csrf_token_where_a_session_could_not(registered, issued_task, unit_officer):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    token = client_token(strict, registered)
    data = {"status": "in_progress", "percent": "20", "note": "Đã họp", "reported_on": "15/03/2026"}
    url = reverse("api:task_progress", args=[issued_task.pk])
    assert strict.post(url, data, **bearer(token)).status_code == 201
    # The pages' session still needs the CSRF token.
    strict.force_login(unit_officer)
    refused = strict.post(url, data)
    assert refused.status_code == 403
    assert refused.json() == {
        "detail": "Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF): hãy tải lại trang rồi thử lại.",
        "ma": "khong_co_quyen",
    }
    assert TaskUpdate.objects.count() == 1


def test_a_token_calling_too_often_is_slowed_down_in_vietnamese(
    client, registered, unit_officer, monkeypatch
):
    from danvan.api.access import TokenRateThrottle

    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "2/minute"})
    token = client_token(client, registered)
    url = reverse("api:task_list")
    assert [client.get(url, **bearer(token)).status_code for _ in range(2)] == [200, 200]
    slowed = client.get(url, **bearer(token))
    assert slowed.status_code == 429 and slowed.json()["ma"] == "qua_nhieu_yeu_cau"
    assert slowed.json()["detail"].startswith("Quá nhiều yêu cầu. Vui lòng thử lại sau")
    # The person's own session on the pages is not limited by the token's calls.
    client.force_login(unit_officer)
    assert client.get(url).status_code == 200

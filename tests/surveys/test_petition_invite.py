"""After a petition is answered, its public lookup invites the sender to the
agency's survey about petition handling: once per petition, and the results
never show who sent it."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.petitions import services as petitions
from danvan.petitions.models import Petition
from danvan.petitions.public_links import public_links
from danvan.surveys import selectors, services, tokens
from danvan.surveys.models import Response
from tests.petitions.conftest import seed_time_limit_rules
from tests.petitions.factories import classified
from tests.surveys.conftest import build_survey, form_data, public_url


@pytest.fixture
def petition_survey(agency, office_officer):
    survey = build_survey(agency, office_officer, title="Đánh giá việc giải quyết đơn", about_petitions=True)
    return services.publish_survey(survey=survey, on=date(2026, 1, 5), by=office_officer)


@pytest.fixture
def answered(agency, agency_head):
    seed_time_limit_rules()
    petition = classified(agency, by=agency_head, kind=Petition.Kind.FEEDBACK, subject="Đèn đường hỏng")
    return petitions.answer_petition(
        petition=petition,
        note="Đã sửa",
        public_answer="Đã thay bóng đèn.",
        on=date(2026, 3, 10),
        by=agency_head,
    )


def _lookup(client, petition):
    return client.post(reverse("petitions_public:lookup"), {"code": petition.code, "digits": "5678"})


def _invite_url(html: str) -> str:
    start = html.index("/cong-dan/khao-sat/")
    return html[start : html.index('"', start)].replace("&amp;", "&")


def test_the_answered_petition_s_lookup_invites_once(client, answered, petition_survey):
    html = _lookup(client, answered).content.decode()
    assert "Đánh giá việc giải quyết đơn" in html
    url = _invite_url(html)
    assert url.startswith(public_url(petition_survey) + "?don=")
    token = url.split("?don=")[1]
    assert tokens.invited_petition(petition_survey.pk, token) == answered.pk
    assert client.get(url).status_code == 200
    response = client.post(public_url(petition_survey), form_data(petition_survey, don=token))
    assert response.status_code == 302
    stored = Response.objects.get()
    assert (
        stored.petition_key == tokens.petition_key(petition_survey.pk, answered.pk)
        and stored.device_key == ""
    )
    # Once per petition, on the lookup and on the survey.
    assert "đã gửi phiếu khảo sát về việc giải quyết đơn này" in _lookup(client, answered).content.decode()
    client.cookies.clear()
    again = client.post(public_url(petition_survey), form_data(petition_survey, don=token))
    assert again.status_code == 409 and "về đơn này đã được gửi" in again.content.decode()
    assert Response.objects.count() == 1


def test_no_invitation_before_the_answer_or_without_a_survey(
    client, agency, agency_head, answered, office_officer
):
    seed_time_limit_rules()
    waiting = classified(agency, by=agency_head, kind=Petition.Kind.FEEDBACK, subject="Rác chưa thu")
    assert public_links(answered) == []  # no survey about petitions yet
    survey = build_survey(agency, office_officer, about_petitions=True)
    services.publish_survey(survey=survey, on=date(2026, 1, 5), by=office_officer)
    assert public_links(waiting) == []
    assert len(public_links(answered)) == 1
    assert "/cong-dan/khao-sat/" not in _lookup(client, waiting).content.decode()


def test_the_petition_survey_needs_the_invitation(client, petition_survey, answered, other_agency):
    page = client.get(public_url(petition_survey))
    assert page.status_code == 403 and "mở nó từ trang tra cứu" in page.content.decode()
    forged = client.post(public_url(petition_survey), form_data(petition_survey, don="gia-mao"))
    assert forged.status_code == 403
    other = tokens.invite_token(petition_survey.pk + 1, answered.pk)
    assert client.post(public_url(petition_survey), form_data(petition_survey, don=other)).status_code == 403
    assert not Response.objects.exists()


def test_the_results_never_show_the_sender(client, office_officer, answered, petition_survey):
    token = tokens.invite_token(petition_survey.pk, answered.pk)
    client.post(public_url(petition_survey), form_data(petition_survey, don=token, text="Giải quyết nhanh"))
    client.force_login(office_officer)
    pages = [
        client.get(reverse("surveys:survey_results", args=[petition_survey.pk])).content.decode(),
        client.get(reverse("surveys:survey_detail", args=[petition_survey.pk])).content.decode(),
    ]
    export = client.get(reverse("surveys:survey_export", args=[petition_survey.pk])).content
    assert "Giải quyết nhanh" in pages[0]
    for text in pages:
        for secret in ("Trần Thị Bưởi", "0912 345 678", answered.code, "Đèn đường hỏng"):
            assert secret not in text
    assert answered.code.encode() not in export


def test_the_invitation_is_to_the_latest_survey_that_takes_answers(agency, office_officer, petition_survey):
    later = build_survey(agency, office_officer, title="Đánh giá quý II", about_petitions=True)
    services.publish_survey(survey=later, on=date(2026, 4, 1), by=office_officer)
    assert selectors.petition_survey(agency.pk, date(2026, 4, 2)) == later
    later.ends_on = date(2026, 4, 30)
    later.save(update_fields=["ends_on"])
    # Past its last day the later survey takes no answers: the earlier one is offered.
    assert selectors.petition_survey(agency.pk, date(2026, 5, 2)) == petition_survey


def test_the_invitation_is_read_in_two_queries(answered, petition_survey, django_assert_num_queries):
    # 1: the agency's published petition surveys, 2: whether this petition's sender answered.
    with django_assert_num_queries(2):
        assert [link.url for link in public_links(answered)][0].startswith(public_url(petition_survey))

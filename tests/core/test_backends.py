"""The person loaded on each request carries the header's unread counter."""

import pytest
from django.urls import reverse

from danvan.core.backends import PersonBackend
from danvan.core.models import Notification
from tests.factories import person_with_role


@pytest.fixture
def person(lead_unit):
    from danvan.core.models import Role

    person = person_with_role(Role.STAFF, unit=lead_unit, username="nguoidung")
    person.set_password("Mat-khau-dai-2026")
    person.save(update_fields=["password"])
    return person


def test_get_user_counts_unread_notifications_in_the_same_query(person, django_assert_num_queries):
    Notification.objects.create(recipient=person, key="a", text="Một")
    Notification.objects.create(recipient=person, key="b", text="Hai")
    Notification.objects.create(recipient=person, key="c", text="Đã đọc", read_at="2026-11-01T08:00:00+07:00")
    with django_assert_num_queries(1):
        loaded = PersonBackend().get_user(person.pk)
    assert loaded == person and loaded.nav_unread == 2


def test_get_user_refuses_an_inactive_or_unknown_person(person):
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert PersonBackend().get_user(person.pk) is None
    assert PersonBackend().get_user(999999) is None


def test_the_header_shows_the_counter_after_signing_in_with_the_form(client, person):
    Notification.objects.create(recipient=person, key="a", text="Nhắc hạn báo cáo")
    response = client.post(reverse("login"), {"username": "nguoidung", "password": "Mat-khau-dai-2026"})
    assert response.status_code == 302
    page = client.get(reverse("core:notifications")).content.decode()
    assert 'data-testid="so-thong-bao">1<' in page
    client.post(reverse("core:notifications"))
    assert 'data-testid="so-thong-bao"' not in client.get(reverse("core:notifications")).content.decode()


@pytest.mark.parametrize("forged", ["abc", "", "1; DROP TABLE core_user", None])
def test_get_user_refuses_a_forged_id(person, forged):
    assert PersonBackend().get_user(forged) is None

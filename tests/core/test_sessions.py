"""The project's session store reads the row with written-out SQL: it must
find what Django's own store finds, and nothing else."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from danvan.core.models import Role
from danvan.core.sessions import SessionStore
from tests.factories import person_with_role

pytestmark = pytest.mark.django_db


def test_reads_a_live_session_as_django_does():
    store = SessionStore()
    store["petitions_new_code"] = "A8R7P-7WFJ9"
    store.create()
    assert SessionStore(store.session_key)["petitions_new_code"] == "A8R7P-7WFJ9"
    assert DjangoStore(store.session_key)["petitions_new_code"] == "A8R7P-7WFJ9"


def test_an_expired_session_is_empty_and_gets_a_new_key():
    store = SessionStore()
    store["x"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    expired = SessionStore(store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None


@pytest.mark.parametrize("forged", ["khong-co-phien-nay-123", "' OR '1'='1", "x" * 40])
def test_a_forged_key_finds_nothing(forged):
    store = SessionStore()
    store["x"] = 1
    store.create()
    assert SessionStore(forged).load() == {}


def test_signed_in_pages_use_it_and_sign_out_ends_the_session(client, agency):
    person = person_with_role(Role.AGENCY_OFFICE, agency=agency, username="vanphong")
    person.set_password("Mat-khau-dai-2026")
    person.save(update_fields=["password"])
    client.post(reverse("login"), {"username": "vanphong", "password": "Mat-khau-dai-2026"})
    assert isinstance(client.session, SessionStore)
    assert client.get(reverse("core:notifications")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("core:notifications")).status_code == 302

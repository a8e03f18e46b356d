"""Wrong passwords lock one (username, address) pair, slow the account down
across every address, and the wait is said in words."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.urls import reverse

from danvan.core import throttle
from danvan.core.throttle import wait_in_words
from tests.factories import UserFactory

PASSWORD = "Mat-khau-thu-2026"
OFFICE = "198.51.100.10"


@pytest.fixture
def person(db):
    return UserFactory(username="thu.nv")


def sign_in(client, password, address=OFFICE):
    return client.post(reverse("login"), {"username": "thu.nv", "password": password}, REMOTE_ADDR=address)


def outsider(number: int) -> str:
    return f"203.0.113.{number}"


def wind_back(seconds: float) -> None:
    """As if the last wrong password had been typed ``seconds`` earlier."""
    key = throttle._key("thu.nv")
    record = cache.get(key)
    cache.set(key, {**record, "last": record["last"] - seconds})


def test_five_wrong_passwords_lock_the_address_and_say_the_wait_in_words(client, person):
    for _ in range(5):
        sign_in(client, "sai-mat-khau")
    response = sign_in(client, PASSWORD)
    page = response.content.decode()
    assert response.status_code == 429
    assert "Vui lòng thử lại sau 15 phút." in page
    assert "PT15M" not in page


def test_the_wait_shown_is_the_wait_left(client, person):
    for _ in range(5):
        sign_in(client, "sai-mat-khau")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=10)
    )
    assert "Vui lòng thử lại sau 5 phút." in sign_in(client, PASSWORD).content.decode()


def test_tries_during_the_lock_do_not_restart_it(client, person):
    for _ in range(5):
        sign_in(client, "sai-mat-khau")
    first = AccessAttempt.objects.get()
    sign_in(client, "sai-mat-khau")
    assert AccessAttempt.objects.get().attempt_time == first.attempt_time
    assert AccessAttempt.objects.get().failures_since_start == 5


def test_a_stranger_elsewhere_cannot_lock_the_official_out_of_the_office(client, person):
    for _ in range(5):
        sign_in(client, "sai-mat-khau", address=outsider(7))
    assert sign_in(client, "sai-mat-khau", address=outsider(7)).status_code == 429
    response = sign_in(client, PASSWORD, address=OFFICE)
    assert response.status_code == 302 and response.url == reverse("core:home")


def test_many_addresses_slow_the_account_down_with_a_growing_wait(client, person, settings):
    settings.DANVAN_LOGIN_SLOWDOWN_AFTER = 10
    # Two wrong passwords from each of five addresses: no address is locked.
    for number in range(5):
        for _ in range(2):
            assert sign_in(client, "sai-mat-khau", address=outsider(number)).status_code == 200
    # The account is now slowed down for every new address, right password or not.
    refused = sign_in(client, PASSWORD, address=outsider(99))
    assert refused.status_code == 429
    assert "Vui lòng thử lại sau 1 phút." in refused.content.decode()
    # A refused try is not counted: neither the wait nor the address's lock grows.
    assert cache.get(throttle._key("thu.nv"))["failures"] == 10
    assert not AccessAttempt.objects.filter(ip_address=outsider(99)).exists()

    wind_back(61)
    assert sign_in(client, "sai-mat-khau", address=outsider(98)).status_code == 200
    assert "Vui lòng thử lại sau 2 phút." in sign_in(client, PASSWORD, address=outsider(99)).content.decode()
    wind_back(121)
    sign_in(client, "sai-mat-khau", address=outsider(98))
    assert "Vui lòng thử lại sau 4 phút." in sign_in(client, PASSWORD, address=outsider(99)).content.decode()
    # The wait stops growing at the ceiling.
    for _ in range(6):
        wind_back(3600)
        sign_in(client, "sai-mat-khau", address=outsider(97))
    assert "Vui lòng thử lại sau 15 phút." in sign_in(client, PASSWORD, address=outsider(99)).content.decode()

    wind_back(15 * 60 + 1)
    assert sign_in(client, PASSWORD, address=outsider(99)).status_code == 302
    # Signing in clears the count.
    assert cache.get(throttle._key("thu.nv")) is None


def test_the_slow_down_spares_an_address_the_person_signed_in_from(client, person, settings):
    settings.DANVAN_LOGIN_SLOWDOWN_AFTER = 10
    sign_in(client, PASSWORD, address=OFFICE)
    client.post(reverse("logout"))
    for number in range(5):
        for _ in range(2):
            sign_in(client, "sai-mat-khau", address=outsider(number))
    assert sign_in(client, PASSWORD, address=outsider(99)).status_code == 429
    assert sign_in(client, PASSWORD, address=OFFICE).status_code == 302


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0.2, "1 giây"),
        (45, "45 giây"),
        (60, "1 phút"),
        (61, "2 phút"),
        (900, "15 phút"),
        (3600, "1 giờ"),
        (3900, "1 giờ 5 phút"),
    ],
)
def test_waits_are_said_as_people_say_them(seconds, words):
    assert wait_in_words(seconds) == words

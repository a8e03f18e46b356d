"""The second factor's services: set up, confirm, verify, renew, remove."""

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core import services
from danvan.core.services import DomainError
from tests.factories import UserFactory


def code_for(device, steps_ahead=0) -> str:
    totp = TOTP(device.bin_key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


@pytest.fixture
def person(db):
    return UserFactory()


@pytest.fixture
def confirmed(person):
    device = services.start_authenticator_setup(person=person)
    _device, codes = services.confirm_authenticator(person=person, code=code_for(device))
    return device, codes


def test_start_authenticator_setup_keeps_one_pending_secret(person):
    first = services.start_authenticator_setup(person=person)
    assert services.start_authenticator_setup(person=person).key == first.key
    assert not first.confirmed


def test_confirm_authenticator_refuses_a_wrong_code_and_changes_nothing(person):
    services.start_authenticator_setup(person=person)
    with pytest.raises(DomainError, match="Mã không đúng"):
        services.confirm_authenticator(person=person, code="000000")
    assert not TOTPDevice.objects.filter(user=person, confirmed=True).exists()
    assert not StaticDevice.objects.filter(user=person).exists()


def test_confirm_authenticator_without_a_pending_app_is_refused(person):
    with pytest.raises(DomainError, match="Không có ứng dụng nào đang chờ"):
        services.confirm_authenticator(person=person, code="123456")


def test_verify_second_factor_accepts_the_app_code_once(person, confirmed):
    device, _codes = confirmed
    code = code_for(device, steps_ahead=1)
    assert services.verify_second_factor(person=person, code=code).pk == device.pk
    # The same code cannot be replayed.
    with pytest.raises(DomainError):
        services.verify_second_factor(person=person, code=code)


def test_verify_second_factor_uses_up_a_recovery_code(person, confirmed):
    _device, codes = confirmed
    assert isinstance(services.verify_second_factor(person=person, code=f" {codes[3]} "), StaticDevice)
    assert not StaticToken.objects.filter(token=codes[3]).exists()
    assert StaticToken.objects.filter(device__user=person).count() == 9


def test_verify_second_factor_refuses_an_empty_code(person, confirmed):
    with pytest.raises(DomainError, match="Hãy nhập mã"):
        services.verify_second_factor(person=person, code="  ")


def test_renew_recovery_codes_replaces_them(person, confirmed):
    _device, old = confirmed
    new = services.renew_recovery_codes(person=person)
    assert len(new) == 10 and len(set(new)) == 10 and not set(new) & set(old)
    assert StaticDevice.objects.filter(user=person).count() == 1


def test_remove_second_factor_removes_app_and_codes(person, confirmed):
    services.remove_second_factor(person=person)
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not StaticToken.objects.filter(device__user=person).exists()

"""Personas and speed settings shared by every test.

The personas live in one agency (Sở Khoa học) with two units, beside a second
agency (Sở Tài chính) whose data none of them may touch.
"""

import os
import shutil
from importlib import import_module

import pytest

from danvan.core.models import Role, Unit
from tests.factories import AgencyFactory, ProvinceFactory, UnitFactory, person_with_role

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The province's identity provider on loopback (oidc_provider, sso).
pytest_plugins = ["tests.oidc_support"]


def seed_migration_data():
    """Put back what the data migrations seed, when it is gone: the legal time
    limits of petitions and the known replacements in the legal library. A
    transactional test (a browser journey, a backup) flushes the database, and
    the tests after it on the same worker would find neither (one query each
    when they are there)."""
    from django.apps import apps

    from danvan.documents.models import LegalDocument
    from danvan.documents.validity import REPLACED, put_replacements
    from danvan.petitions.models import TimeLimitRule

    if not TimeLimitRule.objects.exists():
        import_module("danvan.petitions.migrations.0002_seed_time_limit_rules").seed(apps, None)
    if not LegalDocument.objects.filter(validity_status=REPLACED).exists():
        put_replacements(LegalDocument)


@pytest.fixture(autouse=True)
def _migration_data(request):
    if {"db", "transactional_db"} & set(request.fixturenames):
        request.getfixturevalue("db" if "db" in request.fixturenames else "transactional_db")
        seed_migration_data()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rate-limit counters and rendered
    fragments of one test must not reach the next one in the same worker."""
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield
    for alias in caches:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _fast_settings(settings, tmp_path, monkeypatch):
    # Background jobs' temporary files stay inside the test's own directory.
    monkeypatch.setenv("DANVAN_JOBS_TMP", str(tmp_path))
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXES_ENABLED = True


@pytest.fixture
def province(db):
    return ProvinceFactory()


@pytest.fixture
def agency(province):
    return AgencyFactory(province=province, name="Sở Khoa học và Công nghệ", symbol_code="SKHCN")


@pytest.fixture
def office_unit(agency):
    return UnitFactory(agency=agency, code="VP", name="Văn phòng Sở", kind=Unit.Kind.OFFICE)


@pytest.fixture
def lead_unit(agency):
    return UnitFactory(agency=agency, code="CCTDC", name="Chi cục Tiêu chuẩn Đo lường Chất lượng")


@pytest.fixture
def sibling_unit(agency):
    return UnitFactory(agency=agency, code="TTKHCN", name="Trung tâm Khoa học và Công nghệ")


@pytest.fixture
def other_agency(province):
    return AgencyFactory(province=province, name="Sở Tài chính", symbol_code="STC")


@pytest.fixture
def other_unit(other_agency):
    return UnitFactory(agency=other_agency, code="VP", name="Văn phòng Sở Tài chính")


@pytest.fixture
def system_admin(db):
    # Runs the whole system; sees every agency.
    return person_with_role(Role.SYSTEM_ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def province_officer(province, other_agency):
    # Sở Nội vụ's reviewer: reads every agency of the province, changes none.
    return person_with_role(Role.PROVINCE_REVIEWER, province=province)


@pytest.fixture
def agency_head(agency):
    # Thủ trưởng: leads the agency, sees all its units.
    return person_with_role(Role.AGENCY_LEADER, agency=agency, position="Giám đốc")


@pytest.fixture
def office_officer(office_unit):
    # Văn phòng: coordinates plans and manages the agency's organisation.
    return person_with_role(Role.AGENCY_OFFICE, agency=office_unit.agency, unit=None)


@pytest.fixture
def unit_head(lead_unit):
    # Trưởng đơn vị of the lead unit.
    return person_with_role(Role.UNIT_HEAD, unit=lead_unit)


@pytest.fixture
def unit_officer(lead_unit):
    # Chuyên viên of the lead unit: sees their unit, not the sibling unit.
    return person_with_role(Role.STAFF, unit=lead_unit)


@pytest.fixture
def inspector(agency):
    return person_with_role(Role.INSPECTOR, agency=agency)


@pytest.fixture
def people_inspector(agency):
    return person_with_role(Role.PEOPLE_INSPECTOR, agency=agency)


@pytest.fixture
def other_agency_officer(other_unit):
    # Works at Sở Tài chính: should see nothing of Sở Khoa học.
    person = person_with_role(Role.AGENCY_OFFICE, agency=other_unit.agency)
    return person


def require_binary(name: str) -> str:
    """The path of an external program a test drives; skipped when missing,
    except under CI=true, where a missing program fails the test."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is required under CI=true but is not installed")
    pytest.skip(f"SKIPPED: {name} is not installed (run `make system-deps` as root)")

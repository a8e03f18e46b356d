from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from danvan.core.demo import DEMO_PASSWORD, PEOPLE
from danvan.core.models import Agency, Role, Unit, User


def load():
    out = StringIO()
    call_command("load_demo_province", stdout=out)
    return out.getvalue()


def test_demo_prints_one_login_per_role(db):
    output = load()
    assert DEMO_PASSWORD in output
    for role in Role:
        assert str(role.label) in output


def test_loading_twice_changes_nothing(db):
    load()
    counts = (Agency.objects.count(), Unit.objects.count(), User.objects.count())
    assert "tạo mới 0 bản ghi" in load()
    assert (Agency.objects.count(), Unit.objects.count(), User.objects.count()) == counts


def test_demo_units_are_named_as_the_plans_name_them(db):
    load()
    names = set(Unit.objects.values_list("name", flat=True))
    assert {"Văn phòng Sở", "Thanh tra Sở", "Chi cục Tiêu chuẩn Đo lường Chất lượng"} <= names
    assert "Phòng Tổng hợp, Quy hoạch, Kế hoạch" in names


def test_every_demo_login_works(client, db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    load()
    for person in PEOPLE:
        response = client.post(reverse("login"), {"username": person.username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, person.username
        client.post(reverse("logout"))

"""factory_boy factories with valid defaults; override what a test is about."""

import factory

from danvan.core.models import Agency, CalendarDay, Province, Role, RoleAssignment, Unit, User


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ["code"]

    name = "Tây Ninh"
    code = "TNI"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Sở Thử nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"STN{n}")
    symbol_code = factory.Sequence(lambda n: f"STN{n}")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"DV{n}")
    name = factory.Sequence(lambda n: f"Phòng Thử nghiệm {n}")
    kind = Unit.Kind.DIVISION


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"canbo{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    position = "Chuyên viên"
    email = factory.LazyAttribute(lambda person: f"{person.username}@example.gov.vn")
    password = factory.PostGenerationMethodCall("set_password", "Mat-khau-thu-2026")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save(update_fields=["password"])


def person_with_role(role: str, *, agency=None, unit=None, province=None, **fields) -> User:
    """A person holding one role, scoped as the role requires."""
    if unit is not None:
        agency = unit.agency
    person = UserFactory(agency=agency, unit=unit, **fields)
    scope = {"province": None, "agency": None, "unit": None}
    if role == Role.PROVINCE_REVIEWER:
        scope["province"] = province or (agency.province if agency else ProvinceFactory())
    elif role in (Role.UNIT_HEAD, Role.STAFF):
        scope["agency"], scope["unit"] = unit.agency, unit
    elif role != Role.SYSTEM_ADMIN:
        scope["agency"] = agency
    RoleAssignment.objects.create(user=person, role=role, **scope)
    return person


class CalendarDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarDay

    kind = CalendarDay.Kind.WORKING_DAY
    note = "Làm bù theo thông báo của Bộ Nội vụ"


def merge_agencies(before, after, *, by, day=None, today=None):
    """Merge ``before`` into ``after`` as of 01/07/2025 (Quyết định of the
    province), moving nobody: the apps' takeover tests read their own work."""
    from datetime import date

    from danvan.core import organisation
    from danvan.core.models import OrganisationChange

    change = organisation.draft_change(
        kind=OrganisationChange.Kind.MERGE,
        level=OrganisationChange.Level.AGENCY,
        effective_on=day or date(2025, 7, 1),
        decision="Quyết định số 1234/QĐ-UBND ngày 30/6/2025 của UBND tỉnh",
        before=before,
        after=[after],
        by=by,
    )
    preview = organisation.preview_change(change, today=today or date(2026, 12, 3))
    organisation.apply_change(
        change=change, confirmed=[], nobody_confirmed=True, by=by, today=today or date(2026, 12, 3)
    )
    return preview

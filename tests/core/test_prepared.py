"""A prepared queryset gives what the same queryset gives through the ORM, for
every value it is run with, from SQL compiled once."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Count, DateTimeField, OuterRef, Prefetch, Subquery
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from danvan.core.models import Notification, Unit, User
from danvan.core.prepared import Bind, BindList, prepared
from tests.factories import UnitFactory


def _unread(recipient_id):
    return Notification.objects.filter(recipient_id=recipient_id, read_at__isnull=True).order_by("pk")


@pytest.fixture
def notes(office_officer, other_agency_officer):
    made = []
    for n in range(4):
        made.append(Notification.objects.create(recipient=office_officer, key=f"a{n}", text=f"Việc {n}"))
        made.append(
            Notification.objects.create(recipient=other_agency_officer, key=f"b{n}", text=f"Khác {n}")
        )
    made[0].read_at = timezone.now()
    made[0].save()
    return made


def test_model_rows_with_their_related_rows_are_those_the_orm_reads(
    notes, office_officer, other_agency_officer
):
    built = []

    def build():
        built.append(1)
        return (
            Notification.objects.filter(recipient_id=Bind("person"), read_at__isnull=True)
            .select_related("recipient")
            .only("text", "recipient__full_name")
            .order_by("pk")
        )

    unread = prepared(build)
    for person in (office_officer, other_agency_officer, office_officer):
        rows = unread.rows(person=person.pk)
        expected = list(_unread(person.pk).select_related("recipient"))
        assert [(row.pk, row.text, row.recipient.full_name) for row in rows] == [
            (row.pk, row.text, row.recipient.full_name) for row in expected
        ]
        assert rows and all(row.recipient_id == person.pk for row in rows)
    assert built == [1]
    assert unread.rows(person=0) == []


def test_a_list_bind_takes_any_length_with_the_same_sql(notes):
    by_ids = prepared(
        lambda: Notification.objects.filter(pk__in=BindList("ids", Notification._meta.pk)).order_by("pk")
    )
    ids = [note.pk for note in notes]
    for chosen in ([], ids[:1], ids[2:5], ids):
        with CaptureQueriesContext(connection) as queries:
            rows = by_ids.rows(ids=chosen)
        assert rows == list(Notification.objects.filter(pk__in=chosen).order_by("pk"))
        assert len(queries.captured_queries) == 1
    assert by_ids.sql().count("%s") == 1


def test_values_value_lists_and_flat_lists_keep_their_shape(notes, office_officer):
    def mine(queryset):
        return queryset.filter(recipient_id=Bind("person")).order_by("pk")

    base = Notification.objects.all()
    values = prepared(lambda: mine(base).values("pk", "text", "recipient__username"))
    pairs = prepared(lambda: mine(base).values_list("text", "pk"))
    flat = prepared(lambda: mine(base).values_list("pk", flat=True))
    orm = base.filter(recipient_id=office_officer.pk).order_by("pk")
    assert values.rows(person=office_officer.pk) == list(orm.values("pk", "text", "recipient__username"))
    assert pairs.rows(person=office_officer.pk) == list(orm.values_list("text", "pk"))
    assert flat.rows(person=office_officer.pk) == list(orm.values_list("pk", flat=True))


def test_dates_are_prepared_as_their_field_prepares_them(notes, office_officer):
    since = prepared(
        lambda: Notification.objects.filter(
            recipient_id=Bind("person"), created_at__gte=Bind("since", DateTimeField())
        ).values_list("key", flat=True)
    )
    now = timezone.now()
    assert sorted(since.rows(person=office_officer.pk, since=now - timedelta(hours=1))) == [
        "a0",
        "a1",
        "a2",
        "a3",
    ]
    assert since.rows(person=office_officer.pk, since=now + timedelta(hours=1)) == []
    converted = prepared(
        lambda: Notification.objects.filter(pk=Bind("pk")).values_list("created_at", flat=True)
    )
    assert converted.rows(pk=notes[0].pk) == [Notification.objects.get(pk=notes[0].pk).created_at]


def test_annotations_slices_and_prefetches_are_kept(agency, office_officer):
    parent = UnitFactory(agency=agency, name="Phòng A")
    for name in ("Tổ 1", "Tổ 2"):
        UnitFactory(agency=agency, name=name, parent=parent)
    children = Unit.objects.filter(parent=OuterRef("pk")).order_by().values("parent").annotate(n=Count("pk"))
    units = prepared(
        lambda: (
            Unit.objects.filter(agency_id=Bind("agency"))
            .annotate(child_count=Subquery(children.values("n")))
            .prefetch_related(Prefetch("people", queryset=User.objects.order_by("pk")))
            .order_by("name", "pk")[:2]
        )
    )
    rows = units.rows(agency=agency.pk)
    expected = list(Unit.objects.filter(agency=agency).order_by("name", "pk")[:2])
    assert [row.pk for row in rows] == [unit.pk for unit in expected] and len(rows) == 2
    assert [row.name for row in rows] == ["Phòng A", "Tổ 1"]
    assert [row.child_count for row in rows] == [2, None]
    with CaptureQueriesContext(connection) as queries:
        people = [list(row.people.all()) for row in rows]
    assert not queries.captured_queries
    assert people == [list(unit.people.order_by("pk")) for unit in expected]


def test_a_missing_or_unknown_value_is_refused_before_any_query(notes, office_officer):
    unread = prepared(lambda: Notification.objects.filter(recipient_id=Bind("person")))
    with CaptureQueriesContext(connection) as queries:
        with pytest.raises(TypeError, match="missing \\['person'\\]"):
            unread.rows()
        with pytest.raises(TypeError, match="unknown \\['agency'\\]"):
            unread.rows(person=office_officer.pk, agency=1)
        with pytest.raises(TypeError, match="a list of values"):
            prepared(lambda: Notification.objects.filter(pk__in=BindList("ids", Notification._meta.pk))).rows(
                ids="12"
            )
    assert not queries.captured_queries

"""Signing in and loading the signed-in person on each request."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from danvan.core.models import Notification, User
from danvan.core.sql import first, written_out


@written_out
def _person_sql(quote) -> str:
    """The person with the number of their unread notifications: the one query
    every signed-in page runs (compiling the ORM's annotated subquery cost
    more than running it)."""
    person, notification = quote(User._meta.db_table), quote(Notification._meta.db_table)
    person_id = quote(User._meta.pk.column)
    recipient = quote(Notification._meta.get_field("recipient").column)
    read_at = quote(Notification._meta.get_field("read_at").column)
    return (
        f"SELECT {person}.*, (SELECT COUNT(*) FROM {notification} "  # noqa: S608 - the models' own names
        f"WHERE {recipient} = {person}.{person_id} AND {read_at} IS NULL) AS nav_unread "
        f"FROM {person} WHERE {person}.{person_id} = %s"
    )


class PersonBackend(ModelBackend):
    """Django's password backend, loading the person with the number of their
    unread notifications (the header's counter) in the same query."""

    def get_user(self, user_id):
        try:
            user_id = User._meta.pk.to_python(user_id)
        except ValidationError:  # a session holding something other than an id
            return None
        person = first(User, _person_sql(), [user_id])
        return person if person is not None and self.user_can_authenticate(person) else None

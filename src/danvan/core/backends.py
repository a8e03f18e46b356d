"""Signing in and loading the signed-in person on each request."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from danvan.core.models import Notification, User


class PersonBackend(ModelBackend):
    """Django's password backend, loading the person with the number of their
    unread notifications (the header's counter) in the same query."""

    def get_user(self, user_id):
        unread = (
            Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
            .order_by()
            .values("recipient")
            .annotate(count=Count("pk"))
            .values("count")
        )
        person = (
            User._default_manager.annotate(
                nav_unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0))
            )
            .filter(pk=user_id)
            .first()
        )
        return person if person is not None and self.user_can_authenticate(person) else None

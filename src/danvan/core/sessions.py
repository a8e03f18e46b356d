"""Sessions in the database, read with one written-out query.

Django's database sessions, except that the row is read with SQL written once
rather than built by the ORM on every request (every signed-in page reads its
session first). Saving, expiry and clearing are Django's own.
"""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from danvan.core.sql import first, written_out


@written_out
def _session_sql(quote) -> str:
    table = quote(Session._meta.db_table)
    key, data, expiry = (
        quote(Session._meta.get_field(name).column) for name in ("session_key", "session_data", "expire_date")
    )
    return f"SELECT {key}, {data}, {expiry} FROM {table} WHERE {key} = %s AND {expiry} > %s"  # noqa: S608


class SessionStore(DatabaseSessionStore):
    def _get_session_from_db(self):
        if self.session_key:
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            session = first(self.model, _session_sql(), [self.session_key, now])
            if session is not None:
                return session
        self._session_key = None
        return None

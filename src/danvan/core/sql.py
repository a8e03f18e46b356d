"""Reads written out in SQL once, for the queries every request runs.

Building a query with the ORM costs more than running a small indexed one:
the session, the signed-in person and their current roles, and the citizens'
lookup are written out, once per database vendor, from the models' own table
and column names (``written_out``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection


def written_out(build: Callable[[Callable[[str], str]], str]) -> Callable[[], str]:
    """``build(quote)`` gives the SQL; the returned function gives it for the
    database in use, built once per vendor."""
    by_vendor: dict[str, str] = {}

    def sql() -> str:
        vendor = connection.vendor
        if vendor not in by_vendor:
            by_vendor[vendor] = build(connection.ops.quote_name)
        return by_vendor[vendor]

    return sql


def first(model, sql: str, params: list):
    """The first row of a written-out query as a ``model`` instance, or None."""
    return next(iter(model._default_manager.raw(sql, params)), None)


def first_row(sql: str, params: list) -> tuple | None:
    """The first row of a written-out query as the database driver gives it
    (dates as dates on both engines), or None: for a query whose row holds
    several models, each made with ``loaded``."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def column(model, name: str) -> str:
    """The database column of the field ``name`` of ``model``."""
    return model._meta.get_field(name).column


def model_order(model, names: tuple[str, ...]) -> list:
    """The fields of ``model`` named in ``names``, in the model's own order:
    the order ``loaded`` takes their values in."""
    return [field for field in model._meta.concrete_fields if field.name in names]


def loaded(model, fields: list, values):
    """A ``model`` instance of the values of ``fields`` (``model_order``) read
    from the database; the other fields are deferred, as with ``only()``."""
    return model.from_db(connection.alias, [field.attname for field in fields], values)

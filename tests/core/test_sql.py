"""Written-out reads: built once per database vendor, first row or None."""

# ruff: noqa: S608 - the SQL is built from the test's own table names

import pytest
from django.db import connection

from danvan.core.models import Province
from danvan.core.sql import first, written_out


def test_written_out_builds_the_sql_once_and_quotes_names():
    built = []

    @written_out
    def sql(quote):
        built.append(1)
        return f"SELECT * FROM {quote('core_province')} WHERE id = %s"

    assert sql() == sql() == f"SELECT * FROM {connection.ops.quote_name('core_province')} WHERE id = %s"
    assert built == [1]


@pytest.mark.django_db
def test_first_gives_the_row_as_a_model_or_none(province):
    @written_out
    def sql(quote):
        return f"SELECT * FROM {quote(Province._meta.db_table)} WHERE id = %s"

    assert first(Province, sql(), [province.pk]) == province
    assert first(Province, sql(), [province.pk + 1000]) is None

"""Written-out reads: built once per database vendor, first row or None."""

# ruff: noqa: S608 - the SQL is built from the test's own table names

import pytest
from django.db import connection

from danvan.core.models import Province
from danvan.core.sql import first, first_row, loaded, model_order, written_out


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


@pytest.mark.django_db
def test_first_row_and_loaded_give_an_instance_with_the_other_fields_deferred(province):
    @written_out
    def sql(quote):
        return f"SELECT {quote('id')}, {quote('name')} FROM {quote(Province._meta.db_table)} WHERE id = %s"

    fields = model_order(Province, ("name", "id"))
    row = first_row(sql(), [province.pk])
    loaded_province = loaded(Province, fields, row)
    assert [field.name for field in fields] == ["id", "name"]  # the model's order, not the asked one
    assert (loaded_province.pk, loaded_province.name) == (province.pk, province.name)
    assert "code" in loaded_province.get_deferred_fields() and first_row(sql(), [0]) is None

"""The agency's number series moves to the documents register; every series
and the last number it gave are kept, so the next number follows them."""

from django.db import migrations


def copy_to_register(apps, schema_editor):
    old = apps.get_model("plans", "NumberSeries")
    new = apps.get_model("documents", "NumberSeries")
    new.objects.bulk_create(
        new(agency_id=series.agency_id, year=series.year, last_number=series.last_number)
        for series in old.objects.order_by("pk")
    )


def copy_back(apps, schema_editor):
    old = apps.get_model("plans", "NumberSeries")
    new = apps.get_model("documents", "NumberSeries")
    old.objects.bulk_create(
        old(agency_id=series.agency_id, year=series.year, last_number=series.last_number)
        for series in new.objects.order_by("pk")
    )
    new.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0005_add_document_register'),
        ('plans', '0009_vietnamese_field_labels'),
    ]

    operations = [
        migrations.RunPython(copy_to_register, copy_back),
        migrations.DeleteModel(
            name='NumberSeries',
        ),
    ]

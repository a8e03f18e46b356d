from django.db import migrations

from danvan.documents.validity import put_replacements


def load_replacements(apps, schema_editor):
    put_replacements(apps.get_model("documents", "LegalDocument"))


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0006_record_validity_of_documents"),
    ]

    operations = [migrations.RunPython(load_replacements, migrations.RunPython.noop)]

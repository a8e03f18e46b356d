from django.db import migrations


def copy_identity_reads(apps, schema_editor):
    """Every read of a denouncer's identity logged before the general read
    log is shown in it too: the same person, time, agency and record code."""
    IdentityRead = apps.get_model("petitions", "IdentityRead")
    SensitiveRead = apps.get_model("core", "SensitiveRead")
    rows = IdentityRead.objects.select_related("identity__petition").order_by("pk")
    SensitiveRead.objects.bulk_create(
        [
            SensitiveRead(
                person_id=read.person_id,
                agency_id=read.identity.petition.agency_id,
                model="petitions.denounceridentity",
                object_pk=str(read.identity_id),
                code=read.identity.petition.code,
                what="petitions.denouncer_identity",
                read_at=read.read_at,
            )
            for read in rows.iterator(chunk_size=1000)
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0010_sensitive_read_log"),
        ("petitions", "0009_lookup_by_email"),
    ]

    operations = [migrations.RunPython(copy_identity_reads, migrations.RunPython.noop)]

from django.db import migrations


def move_representatives(apps, schema_editor):
    """A denunciation's representative is one of the denouncers: their name
    moves from the petition, and its past versions, into the vault."""
    Petition = apps.get_model("petitions", "Petition")
    HistoricalPetition = apps.get_model("petitions", "HistoricalPetition")
    DenouncerIdentity = apps.get_model("petitions", "DenouncerIdentity")
    named = Petition.objects.filter(kind="denunciation").exclude(representative="")
    for petition_id, representative in named.values_list("pk", "representative"):
        DenouncerIdentity.objects.filter(petition_id=petition_id).update(representative=representative)
    named.update(representative="")
    HistoricalPetition.objects.filter(kind="denunciation").exclude(representative="").update(representative="")


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0006_add_representative_to_denouncer_identity"),
    ]

    operations = [
        migrations.RunPython(move_representatives, migrations.RunPython.noop),
    ]

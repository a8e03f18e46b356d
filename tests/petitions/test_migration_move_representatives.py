"""Denunciations recorded before the vault kept the representative have
their representative's name moved into it, out of the petition and its
past versions."""

from importlib import import_module

from django.apps import apps

from danvan.petitions.models import Petition

MIGRATION = "danvan.petitions.migrations.0007_move_denunciation_representatives_to_vault"


def test_the_representative_moves_into_the_vault(denunciation, petition):
    Petition.objects.filter(pk__in=[denunciation.pk, petition.pk]).update(representative="Võ Thị Đại Diện")
    history = Petition.history.model.objects
    history.filter(id=denunciation.pk).update(representative="Võ Thị Đại Diện")

    import_module(MIGRATION).move_representatives(apps, None)

    denunciation.refresh_from_db()
    petition.refresh_from_db()
    assert denunciation.representative == "" and denunciation.denouncer.representative == "Võ Thị Đại Diện"
    assert not history.filter(id=denunciation.pk).exclude(representative="").exists()
    # A complaint's representative is no secret.
    assert petition.representative == "Võ Thị Đại Diện"

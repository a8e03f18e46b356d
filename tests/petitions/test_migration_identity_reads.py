"""The reads of a denouncer's identity logged before the general read log
appear in it after the migration."""

from importlib import import_module

from django.apps import apps

from danvan.core.models import SensitiveRead
from danvan.petitions import services

MIGRATION = "danvan.petitions.migrations.0010_identity_reads_in_the_read_log"


def test_earlier_identity_reads_are_copied_into_the_read_log(denunciation, agency_head):
    services.read_denouncer_identity(petition=denunciation, by=agency_head)
    assert not SensitiveRead.objects.exists()

    import_module(MIGRATION).copy_identity_reads(apps, None)

    rows = list(SensitiveRead.objects.values_list("person", "agency", "code", "what"))
    assert rows == [
        (agency_head.pk, denunciation.agency_id, denunciation.code, "petitions.denouncer_identity")
    ]

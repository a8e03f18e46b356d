"""The late one-stop dossiers name their applicants: each opening of their
list, page or apology letter is one row of the read log."""

from django.urls import reverse

from danvan.core.models import SensitiveRead


def test_the_late_dossier_page_logs_the_read(client, late_dossier, office_officer):
    client.force_login(office_officer)
    assert client.get(reverse("onestop:late_detail", args=[late_dossier.pk])).status_code == 200
    row = SensitiveRead.objects.get()
    assert (row.person, row.agency_id, row.model, row.object_pk, row.code, row.what) == (
        office_officer,
        late_dossier.agency_id,
        "onestop.latedossier",
        str(late_dossier.pk),
        late_dossier.code,
        "onestop.late_detail",
    )


def test_the_late_list_logs_one_read(client, late_dossier, office_officer):
    client.force_login(office_officer)
    assert client.get(reverse("onestop:late_list", args=[late_dossier.agency_id])).status_code == 200
    row = SensitiveRead.objects.get()
    assert (row.agency_id, row.model, row.object_pk, row.what) == (
        late_dossier.agency_id,
        "onestop.latedossier",
        "",
        "onestop.late_list",
    )


def test_the_apology_letter_logs_the_read(client, late_dossier, office_officer):
    client.force_login(office_officer)
    assert client.get(reverse("onestop:late_letter", args=[late_dossier.pk])).status_code == 200
    assert list(SensitiveRead.objects.values_list("what", "code")) == [
        ("onestop.late_letter", late_dossier.code)
    ]


def test_a_refused_dossier_logs_nothing(client, late_dossier, other_agency_officer):
    client.force_login(other_agency_officer)
    assert client.get(reverse("onestop:late_detail", args=[late_dossier.pk])).status_code == 404
    assert not SensitiveRead.objects.exists()

"""A signed-in upload the disk cannot take: 503 in Vietnamese, nothing saved."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.democracy.models import BriefingMaterial
from tests.core.test_full_disk import _files, disk_takes_only


def test_a_briefing_material_the_disk_refuses_is_not_half_saved(
    client, briefing, office_officer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(office_officer)
    upload = SimpleUploadedFile("de-cuong.pdf", b"%PDF-1.4\n" + b"0" * 100_000)
    with disk_takes_only(16 * 1024):
        response = client.post(reverse("democracy:material_upload", args=[briefing.pk]), {"file": upload})
    assert response.status_code == 503
    assert "Máy chủ chưa lưu được tệp" in response.content.decode()
    assert not BriefingMaterial.objects.exists()
    assert _files(tmp_path) == []

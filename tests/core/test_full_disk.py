"""A disk that cannot take a file: the record and its file are kept together
or not at all, nothing half-written stays behind, and the person is told the
truth (503, in Vietnamese) with what they typed."""

from __future__ import annotations

import os
import resource
import time
from contextlib import contextmanager
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from danvan.core.storage import PART, PrivateFileStorage, StorageUnavailable, remove_abandoned_parts
from danvan.petitions.models import Attachment, Petition
from danvan.petitions.services import receive_online_petition
from tests.petitions.test_public_views import FORM


@contextmanager
def disk_takes_only(limit: int):
    """The process may write files of at most ``limit`` bytes (as a nearly full disk)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _files(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_a_public_petition_is_not_kept_without_its_file_and_the_citizen_is_told(
    client, agency, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("anh.pdf", b"%PDF-1.7\n" + b"0" * 200_000)
    with disk_takes_only(64 * 1024):
        response = client.post(
            reverse("petitions_public:submit"), {**FORM, "agency": agency.pk, "attachment": upload}
        )
    html = response.content.decode()
    assert response.status_code == 503
    assert "CHƯA được gửi" in html and FORM["content"] in html
    assert not Petition.objects.exists() and not Attachment.objects.exists()
    assert _files(tmp_path) == []


def test_a_write_the_disk_refuses_leaves_nothing_behind(tmp_path):
    storage = PrivateFileStorage(location=tmp_path)
    with disk_takes_only(1024), pytest.raises(StorageUnavailable):
        storage.save("a/b.bin", ContentFile(b"x" * 10_000))
    assert _files(tmp_path) == []


def test_a_file_takes_its_name_only_when_its_row_commits(db, tmp_path):
    storage = PrivateFileStorage(location=tmp_path)
    with transaction.atomic():
        name = storage.save("tep.txt", ContentFile(b"noi dung"))
        # Until the commit the file is readable under its partial name only.
        assert _files(tmp_path) == ["tep.txt" + PART]
        assert storage.open(name).read() == b"noi dung"
    # The test's own transaction never commits: the rename waits with it.
    assert name == "tep.txt"


def test_a_partial_file_whose_row_never_committed_is_removed_a_day_later(db, tmp_path):
    orphan = tmp_path / ("mo-coi.pdf" + PART)
    orphan.write_bytes(b"%PDF-")
    fresh = tmp_path / ("dang-ghi.pdf" + PART)
    fresh.write_bytes(b"%PDF-")
    old = time.time() - 2 * 24 * 3600
    os.utime(orphan, (old, old))
    assert remove_abandoned_parts(tmp_path) == 1
    assert _files(tmp_path) == ["dang-ghi.pdf" + PART]


def test_receive_online_petition_keeps_neither_when_the_file_cannot_be_stored(agency, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("anh.pdf", b"%PDF-1.7\n" + b"0" * 200_000)
    with disk_takes_only(64 * 1024), pytest.raises(StorageUnavailable):
        receive_online_petition(
            agency=agency,
            source=Petition.Source.ONLINE,
            kind=FORM["kind"],
            subject=FORM["subject"],
            content=FORM["content"],
            received_on=date(2026, 12, 2),
            sender_name=FORM["full_name"],
            sender_address=FORM["address"],
            phone=FORM["phone"],
            email="",
            attachment=upload,
            by=None,
        )
    assert not Petition.objects.exists() and _files(tmp_path) == []

"""Where uploaded files are kept: on disk, with no public address.

Every stored file is sent by a download view that checks who asks
(danvan.core.downloads.stored_file); a storage that made a URL under
MEDIA_URL would be a way around that check, so ``url()`` refuses.

A file and its row are kept together or not at all. The file is written
first under a partial name (``….part``) and takes its real name only when
the transaction that saves its row commits; a write that fails (a full disk,
a read-only one) removes what it wrote and raises StorageUnavailable, which
rolls the row back and tells the person that the server cannot store files
now (core/middleware.py). A partial file whose row never committed is removed
by the daily scan (``remove_abandoned_parts``).
"""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

from django.apps import apps
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction

PART = ".part"
# What a disk that cannot take the file says.
UNAVAILABLE = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EFBIG, errno.EIO, errno.EPERM}


class StorageUnavailable(Exception):
    """The server cannot store files now (disk full or read-only)."""


class PrivateFileStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError(
            "Stored files have no public URL: link to the permission-checked download view instead."
        )

    def path(self, name):
        """A file whose row has not committed yet is read under its partial name."""
        full = super().path(name)
        if not os.path.exists(full) and os.path.exists(full + PART):
            return full + PART
        return full

    def _save(self, name, content):
        while self.exists(name) or os.path.exists(super().path(name) + PART):
            name = self.get_available_name(name)
        try:
            written = super()._save(name + PART, content)
        except OSError as error:
            leftover = super().path(name + PART)
            if os.path.exists(leftover):
                os.remove(leftover)
            if error.errno in UNAVAILABLE:
                raise StorageUnavailable(str(error)) from error
            raise
        final = written[: -len(PART)]
        part_path, final_path = super().path(written), super().path(final)

        def settle() -> None:
            if os.path.exists(part_path):
                os.replace(part_path, final_path)

        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(settle)
        else:
            settle()
        return final


def _referenced(name: str) -> bool:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, models.FileField)
                and model._default_manager.filter(**{field.attname: name}).exists()
            ):
                return True
    return False


def remove_abandoned_parts(root: Path, *, older_than_seconds: int = 24 * 3600) -> int:
    """Partial files left by transactions that rolled back (or a process that
    died): removed; one whose row did commit takes its real name."""
    removed = 0
    limit = time.time() - older_than_seconds
    for part in root.rglob("*" + PART):
        if part.stat().st_mtime > limit:
            continue
        name = str(part.relative_to(root))[: -len(PART)]
        if _referenced(name):
            os.replace(part, root / name)
        else:
            part.unlink()
            removed += 1
    return removed

"""Where uploaded files are kept: on disk, with no public address.

Every stored file is sent by a download view that checks who asks
(danvan.core.downloads.stored_file); a storage that made a URL under
MEDIA_URL would be a way around that check, so ``url()`` refuses.
"""

from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    def url(self, name):
        raise ValueError(
            "Stored files have no public URL: link to the permission-checked download view instead."
        )

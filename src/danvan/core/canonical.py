"""Every text is stored in its canonical form: Unicode NFC.

The same Vietnamese word can arrive composed (NFC: "ệ" as one character) or
decomposed (NFD: "e" with two combining marks, as some Mac and PDF sources
send it). Stored as sent, the two never compare equal, sort apart and break
exact lookups. Before any row of any model is saved, its text fields are
composed.
"""

from __future__ import annotations

import unicodedata

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver


def canonical(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


@receiver(pre_save, dispatch_uid="danvan-canonical-text")
def compose_text_fields(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname, None)
            if isinstance(value, str):
                setattr(instance, field.attname, canonical(value))

"""The read log names the page or file each read went through in the
reader's words, and every place that logs a read has such a name."""

import ast
from datetime import datetime
from pathlib import Path

from django.utils import timezone

from danvan.core.audit import read_kind_label
from danvan.core.models import SensitiveRead

SOURCE = Path(__file__).resolve().parents[2] / "src" / "danvan"


def logged_kinds() -> set[str]:
    """The ``what`` of every ``record_read(request, obj, what, …)`` in the source."""
    kinds = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "record_read":
                what = node.args[2]
                assert isinstance(what, ast.Constant), f"{path}:{node.lineno}: name the read with a literal"
                kinds.add(what.value)
    return kinds


def test_every_logged_read_has_a_vietnamese_name():
    kinds = logged_kinds()
    assert {"petitions.denouncer_identity", "onestop.late_detail", "surveys.survey_export"} <= kinds
    unnamed = sorted(kind for kind in kinds if read_kind_label(kind) == kind)
    assert unnamed == []


def test_the_log_page_shows_the_name_not_the_code(client, agency, inspector, unit_officer):
    SensitiveRead.objects.create(
        person=unit_officer,
        agency=agency,
        model="petitions.denounceridentity",
        object_pk="1",
        code="HS-0001",
        what="petitions.denouncer_identity",
        read_at=timezone.make_aware(datetime(2026, 3, 2, 9, 30)),
    )
    client.force_login(inspector)
    page = client.get("/nhat-ky-doc-du-lieu/").content.decode()
    assert "Thông tin người tố cáo" in page
    assert "petitions.denouncer_identity" not in page

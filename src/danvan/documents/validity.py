"""Whether a library entry is in force on a given day, and the well-known
replacements of the field seeded into the library."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from danvan.core.text import search_key

IN_FORCE = "in_force"
AMENDED = "amended"
REPLACED = "replaced"
EXPIRED = "expired"
# After its date, a document in one of these states is no longer a legal basis.
ENDED = (REPLACED, EXPIRED)


@dataclass(frozen=True)
class Validity:
    in_force: bool
    status: str
    since: date | None
    replaced_by: list = field(default_factory=list)

    def describe(self) -> str:
        """'hết hiệu lực từ 01/07/2023, được thay thế bởi Luật số 10/2022/QH15, …'."""
        since = f"{self.since:%d/%m/%Y}" if self.since else ""
        names = ", ".join(str(d) for d in self.replaced_by)
        if self.status == REPLACED and self.in_force:
            return _("còn hiệu lực; được thay thế bởi %(names)s từ %(day)s") % {"names": names, "day": since}
        if self.status == EXPIRED and self.in_force:
            return _("còn hiệu lực đến trước ngày %(day)s") % {"day": since}
        if self.status == REPLACED:
            if since:
                return _("hết hiệu lực từ %(day)s, được thay thế bởi %(names)s") % {
                    "day": since,
                    "names": names,
                }
            return _("đã được thay thế bởi %(names)s") % {"names": names}
        if self.status == EXPIRED:
            if since:
                return _("hết hiệu lực từ %(day)s") % {"day": since}
            return _("đã hết hiệu lực")
        if self.status == AMENDED:
            return _("còn hiệu lực, đã được sửa đổi, bổ sung")
        return _("còn hiệu lực")


def validity_on(document, day: date) -> Validity:
    """The document's validity on ``day``: a replaced or expired document is
    still in force before the date its replacement (or expiry) takes effect;
    an amended one stays in force."""
    status = document.validity_status or IN_FORCE
    since = document.validity_from
    replaced_by = list(document.replaced_by.all()) if status == REPLACED else []
    ended = status in ENDED and (since is None or day >= since)
    return Validity(in_force=not ended, status=status, since=since, replaced_by=replaced_by)


def _doc(doc_type: str, number: str, issued: date, issuer: str, title: str) -> dict:
    return {"doc_type": doc_type, "number": number, "date": issued, "issuer": issuer, "title": title}


LUAT_DCCS = _doc("Luật", "10/2022/QH15", date(2022, 11, 10), "Quốc hội", "Luật Thực hiện dân chủ ở cơ sở")
ND_59_2023 = _doc(
    "Nghị định",
    "59/2023/NĐ-CP",
    date(2023, 8, 14),
    "Chính phủ",
    "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
)
LUAT_TDKT_2022 = _doc("Luật", "06/2022/QH15", date(2022, 6, 15), "Quốc hội", "Luật Thi đua, khen thưởng")
ND_118_2025 = _doc(
    "Nghị định",
    "118/2025/NĐ-CP",
    date(2025, 6, 9),
    "Chính phủ",
    "Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa "
    "và Cổng Dịch vụ công quốc gia",
)

# The replacements every agency meets, with the source the date is read from.
REPLACEMENTS = [
    {
        "document": _doc(
            "Nghị định",
            "04/2015/NĐ-CP",
            date(2015, 1, 9),
            "Chính phủ",
            "Về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập",
        ),
        "since": date(2023, 7, 1),
        "by": [LUAT_DCCS, ND_59_2023],
        "source": "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (hiệu lực từ 01/07/2023); "
        "Nghị định 59/2023/NĐ-CP ngày 14/08/2023 (hiệu lực từ 15/08/2023)",
    },
    {
        "document": _doc("Luật", "15/2003/QH11", date(2003, 11, 26), "Quốc hội", "Luật Thi đua, khen thưởng"),
        "since": date(2024, 1, 1),
        "by": [LUAT_TDKT_2022],
        "source": "Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực từ 01/01/2024)",
    },
    {
        "document": _doc(
            "Nghị định",
            "61/2018/NĐ-CP",
            date(2018, 4, 23),
            "Chính phủ",
            "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        ),
        "since": date(2025, 7, 1),
        "by": [ND_118_2025],
        "source": "Nghị định 118/2025/NĐ-CP ngày 09/06/2025 (hiệu lực từ 01/07/2025)",
    },
    {
        "document": _doc(
            "Nghị định",
            "107/2021/NĐ-CP",
            date(2021, 12, 6),
            "Chính phủ",
            "Sửa đổi, bổ sung một số điều của Nghị định 61/2018/NĐ-CP",
        ),
        "since": date(2025, 7, 1),
        "by": [ND_118_2025],
        "source": "Nghị định 118/2025/NĐ-CP ngày 09/06/2025 (hiệu lực từ 01/07/2025)",
    },
]


def _entry(model, data: dict):
    """The library entry with this number (one of that year if several),
    created when missing; the number key and search text are written here
    because a migration's historical model has no custom save()."""
    key = "".join(data["number"].split()).upper()
    found = [d for d in model.objects.filter(number_key=key).order_by("pk") if d.date in (None, data["date"])]
    if found:
        return found[0]
    text = search_key(" ".join([data["doc_type"], "số", data["number"], data["issuer"], data["title"]]))
    return model.objects.create(**data, number_key=key, search_text=text)


def put_replacements(document_model) -> int:
    """Mark the documents above replaced, unless their validity was already
    entered by hand; the migration passes its historical model, the demo the
    current one (a test database flushed between tests has none)."""
    made = 0
    for item in REPLACEMENTS:
        document = _entry(document_model, item["document"])
        if document.validity_status != IN_FORCE:
            continue
        document.validity_status = REPLACED
        document.validity_from = item["since"]
        document.validity_source = item["source"]
        document.save(update_fields=["validity_status", "validity_from", "validity_source"])
        document.replaced_by.set([_entry(document_model, d) for d in item["by"]])
        made += 1
    return made

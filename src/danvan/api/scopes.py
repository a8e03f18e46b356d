"""The scopes of the API: what a registered client or a personal token may
do. Each endpoint names the scope it needs for reading and for writing
(danvan/api/access.py); a signed-in page session needs none."""

from django.utils.translation import gettext_lazy as _

SCOPES = {
    "plans:read": _("Đọc kế hoạch và chỉ tiêu"),
    "tasks:read": _("Đọc nhiệm vụ và tiến độ"),
    "tasks:write": _("Cập nhật tiến độ nhiệm vụ, kèm minh chứng"),
    "reports:read": _("Đọc yêu cầu báo cáo và báo cáo"),
    "reports:write": _("Gửi báo cáo của đơn vị"),
    "petitions:read": _("Đọc số liệu đơn thư (chỉ số đếm, không có thông tin cá nhân)"),
    "evaluation:read": _("Đọc kết quả đánh giá, xếp loại"),
    "dialogues:read": _("Đọc các cuộc đối thoại với Nhân dân"),
    "models:read": _("Đọc mô hình «Dân vận khéo»"),
}


def scope_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} — {label}") for code, label in SCOPES.items()]


def scope_words(codes) -> str:
    """The stored form of a set of scopes: codes in the order of SCOPES, by spaces."""
    chosen = set(codes)
    return " ".join(code for code in SCOPES if code in chosen)

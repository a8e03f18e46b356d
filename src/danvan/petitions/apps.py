from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The citizens' pages the front page and the sign-in page link to.
PUBLIC_PAGES = [
    ("petitions_public:submit", _("Gửi kiến nghị, phản ánh, khiếu nại, tố cáo"), "bi-send"),
    ("petitions_public:lookup", _("Tra cứu kết quả xử lý đơn"), "bi-search"),
    ("petitions_public:schedule", _("Lịch tiếp công dân của lãnh đạo"), "bi-calendar-event"),
]


# The views and files that show a citizen's details, as the read log names them.
READ_KINDS = {
    "petitions.petition_list": _("Danh sách đơn"),
    "petitions.search_result": _("Kết quả tìm kiếm"),
    "petitions.petition_detail": _("Trang đơn"),
    "petitions.attachment_download": _("Tệp đính kèm của đơn"),
    "petitions.petition_letter": _("Văn bản gửi công dân (Word)"),
    "petitions.petition_letter_pdf": _("Văn bản gửi công dân (PDF)"),
    "petitions.petition_signed_letter": _("Văn bản gửi công dân (PDF đã ký số)"),
    "petitions.denouncer_identity": _("Thông tin người tố cáo"),
    "petitions.reception_list": _("Sổ tiếp công dân"),
    "petitions.reception_detail": _("Lượt tiếp công dân"),
    "petitions.reception_receipt": _("Phiếu hẹn, giấy biên nhận tiếp công dân"),
    "petitions.reception_open_petition": _("Lượt tiếp công dân (mở đơn)"),
    "api.petition_list": _("API: danh sách đơn"),
    "api.petition_detail": _("API: chi tiết đơn"),
}


class PetitionsConfig(AppConfig):
    name = "danvan.petitions"
    label = "petitions"
    verbose_name = _("Tiếp công dân và đơn thư")

    def ready(self) -> None:
        from danvan.core.audit import register_read_kinds

        # The pages and files whose reads of a citizen's details are logged (core/audit.py).
        register_read_kinds(READ_KINDS)
        from danvan.core.permissions import offer_to_templates
        from danvan.core.selectors import add_public_link, add_todo_source
        from danvan.petitions import permissions
        from danvan.petitions.selectors import todo_lists

        offer_to_templates(permissions)
        add_todo_source(todo_lists)
        for url_name, label, icon in PUBLIC_PAGES:
            add_public_link(url_name=url_name, label=label, icon=icon)
        # The kinds of record this app puts in the search box (indexing), its
        # steps of the daily scan and its background tasks (jobs), and the
        # figures it measures for the yearly evaluation (indicators), and the open
        # work a successor takes over in an organisation change (takeover).
        from danvan.petitions import indexing, indicators, jobs, takeover  # noqa: F401

from django.urls import path as _path
from django.views.decorators.cache import never_cache

from danvan.petitions import views


def path(route, view, **kwargs):
    """Every page here carries citizens' personal data: no browser or proxy
    keeps it (``Cache-Control: no-store``)."""
    return _path(route, never_cache(view), **kwargs)


app_name = "petitions"

urlpatterns = [
    path("", views.index, name="index"),
    path("tong-hop/", views.dashboard, name="dashboard"),
    path("don/moi/", views.petition_create, name="petition_create"),
    path("don/<int:petition_id>/", views.petition_detail, name="petition_detail"),
    path(
        "don/<int:petition_id>/tai-lieu/<int:attachment_id>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path("don/<int:petition_id>/phan-loai/", views.petition_classify, name="petition_classify"),
    path("don/<int:petition_id>/thu-ly/", views.petition_accept, name="petition_accept"),
    path("don/<int:petition_id>/tach-don/", views.petition_split, name="petition_split"),
    path("don/<int:petition_id>/gia-han-xu-ly/", views.petition_extend_check, name="petition_extend_check"),
    path("don/<int:petition_id>/van-ban.docx", views.petition_letter, name="petition_letter"),
    path("don/<int:petition_id>/van-ban.pdf", views.petition_letter_pdf, name="petition_letter_pdf"),
    path("don/<int:petition_id>/van-ban/ky-so/", views.petition_letter_sign, name="petition_letter_sign"),
    path(
        "don/<int:petition_id>/van-ban/ban-ky-so/<int:copy_id>.pdf",
        views.petition_signed_letter,
        name="petition_signed_letter",
    ),
    path("don/<int:petition_id>/xu-ly/<slug:outcome>/", views.petition_outcome, name="petition_outcome"),
    path("don/<int:petition_id>/vu-viec/buoc/", views.case_step, name="case_step"),
    path("don/<int:petition_id>/vu-viec/<slug:action>/", views.case_action, name="case_action"),
    path("don/<int:petition_id>/nguoi-to-cao/", views.denouncer_identity, name="denouncer_identity"),
    path("don/<int:petition_id>/nguoi-to-cao/cap-quyen/", views.identity_grant, name="identity_grant"),
    path("so-tiep-cong-dan/", views.reception_list, name="reception_list"),
    path("so-tiep-cong-dan/moi/", views.reception_create, name="reception_create"),
    path("so-tiep-cong-dan/<int:reception_id>/", views.reception_detail, name="reception_detail"),
    path("so-tiep-cong-dan/<int:reception_id>/bien-nhan/", views.reception_receipt, name="reception_receipt"),
    path(
        "so-tiep-cong-dan/<int:reception_id>/mo-don/",
        views.reception_open_petition,
        name="reception_open_petition",
    ),
    path("lich-tiep/<int:agency_id>/", views.reception_schedule, name="reception_schedule"),
    path("lich-tiep/ngay/<int:day_id>/cong-bo/", views.reception_day_publish, name="reception_day_publish"),
    path("lich-tiep/ngay/<int:day_id>/hoan/", views.reception_day_postpone, name="reception_day_postpone"),
]

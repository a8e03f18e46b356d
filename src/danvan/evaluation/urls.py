from django.urls import path

from danvan.evaluation import assessment_views as assessing
from danvan.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("", views.criteria_set_list, name="criteria_set_list"),
    path("bo-tieu-chi/nhap/", views.criteria_set_import, name="criteria_set_import"),
    path("bo-tieu-chi/mau.xlsx", views.criteria_template_download, name="criteria_template"),
    path("bo-tieu-chi/tao-moi/", views.criteria_set_create, name="criteria_set_create"),
    path("bo-tieu-chi/<int:criteria_set_id>/", views.criteria_set_detail, name="criteria_set_detail"),
    path(
        "bo-tieu-chi/<int:criteria_set_id>/phien-ban-moi/",
        views.criteria_set_new_version,
        name="criteria_set_new_version",
    ),
    path("bo-tieu-chi/<int:criteria_set_id>/sao-chep/", views.criteria_set_copy, name="criteria_set_copy"),
    path(
        "bo-tieu-chi/<int:criteria_set_id>/ap-dung/",
        views.criteria_set_put_in_use,
        name="criteria_set_put_in_use",
    ),
    path(
        "bo-tieu-chi/<int:criteria_set_id>/tai-ve.xlsx", views.criteria_set_export, name="criteria_set_export"
    ),
    path("tu-danh-gia/", assessing.assessment_list, name="assessment_list"),
    path("tu-danh-gia/mo/", assessing.assessment_open, name="assessment_open"),
    path(
        "tu-danh-gia/chua-gui/<int:province_id>/<int:year>/", assessing.missing_record, name="missing_record"
    ),
    path("tu-danh-gia/<int:assessment_id>/", assessing.assessment_detail, name="assessment_detail"),
    path(
        "tu-danh-gia/<int:assessment_id>/tieu-chi/<int:leaf_id>/cham/",
        assessing.leaf_score,
        name="leaf_score",
    ),
    path(
        "tu-danh-gia/<int:assessment_id>/tieu-chi/<int:leaf_id>/dung-so-lieu/",
        assessing.leaf_accept,
        name="leaf_accept",
    ),
    path(
        "tu-danh-gia/<int:assessment_id>/tieu-chi/<int:leaf_id>/lien-ket/",
        assessing.evidence_link,
        name="evidence_link",
    ),
    path(
        "tu-danh-gia/<int:assessment_id>/tieu-chi/<int:leaf_id>/tai-len/",
        assessing.evidence_upload,
        name="evidence_upload",
    ),
    path(
        "tu-danh-gia/<int:assessment_id>/tai-lieu/<int:evidence_id>/bo/",
        assessing.evidence_remove,
        name="evidence_remove",
    ),
    path("tai-lieu-kiem-chung/<int:evidence_id>/", assessing.evidence_file, name="evidence_file"),
    path(
        "tu-danh-gia/<int:assessment_id>/cap-nhat-so-lieu/",
        assessing.proposals_refresh,
        name="proposals_refresh",
    ),
    path("tu-danh-gia/<int:assessment_id>/gui/", assessing.assessment_submit, name="assessment_submit"),
    path(
        "tu-danh-gia/<int:assessment_id>/tieu-chi/<int:leaf_id>/tham-dinh/",
        assessing.leaf_review,
        name="leaf_review",
    ),
    path("tu-danh-gia/<int:assessment_id>/gui-ket-qua-tham-dinh/", assessing.review_send, name="review_send"),
    path("tu-danh-gia/<int:assessment_id>/phan-hoi/", assessing.review_answer, name="review_answer"),
    path(
        "tu-danh-gia/<int:assessment_id>/cong-nhan/",
        assessing.assessment_finalise,
        name="assessment_finalise",
    ),
    path(
        "tu-danh-gia/<int:assessment_id>/quyet-dinh-muc/",
        assessing.assessment_decide,
        name="assessment_decide",
    ),
    path("tu-danh-gia/<int:assessment_id>/hoi-dong/", assessing.council_add, name="council_add"),
    path(
        "tu-danh-gia/<int:assessment_id>/hoi-dong/<int:reviewer_id>/bo/",
        assessing.council_remove,
        name="council_remove",
    ),
    path("tu-danh-gia/<int:assessment_id>/bao-cao.docx", assessing.assessment_docx, name="assessment_docx"),
    path("tu-danh-gia/<int:assessment_id>/bang-diem.xlsx", assessing.assessment_xlsx, name="assessment_xlsx"),
    path("bo-tieu-chi/<int:criteria_set_id>/sua/", views.criteria_set_edit, name="criteria_set_edit"),
    path(
        "bo-tieu-chi/<int:criteria_set_id>/du-thao-moi/",
        views.criteria_set_new_draft,
        name="criteria_set_new_draft",
    ),
    path("bo-tieu-chi/<int:criteria_set_id>/xep-loai/", views.rules_edit, name="rules_edit"),
    path("bo-tieu-chi/<int:criteria_set_id>/tieu-chi/them/", views.node_add, name="node_add"),
    path("bo-tieu-chi/<int:criteria_set_id>/tieu-chi/<int:node_id>/sua/", views.node_edit, name="node_edit"),
    path(
        "bo-tieu-chi/<int:criteria_set_id>/tieu-chi/<int:node_id>/xoa/", views.node_delete, name="node_delete"
    ),
    path(
        "bo-tieu-chi/<int:criteria_set_id>/tieu-chi/<int:node_id>/len/",
        views.node_move,
        {"up": True},
        name="node_move_up",
    ),
    path(
        "bo-tieu-chi/<int:criteria_set_id>/tieu-chi/<int:node_id>/xuong/",
        views.node_move,
        {"up": False},
        name="node_move_down",
    ),
    path("ket-qua/tinh/<int:province_id>/", views.results, name="results"),
    path("ket-qua/tinh/<int:province_id>/quyet-dinh.docx", views.results_decision, name="results_decision"),
    path(
        "ket-qua/tinh/<int:province_id>/ky-so-quyet-dinh/",
        views.results_decision_sign,
        name="results_decision_sign",
    ),
    path(
        "ket-qua/quyet-dinh/<int:decision_id>/ban-ky-so/<int:copy_id>.pdf",
        views.results_decision_signed_pdf,
        name="results_decision_signed_pdf",
    ),
    path("ket-qua/co-quan/<int:agency_id>/", views.agency_results, name="agency_results"),
]

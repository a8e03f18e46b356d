from django.urls import path

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
]

from django.urls import path

from danvan.core import change_views, changesheet_views, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("khu-vuc/<slug:slug>/", views.area, name="area"),
    path("co-quan/", views.agency_list, name="agency_list"),
    path("co-quan/<int:agency_id>/", views.agency_detail, name="agency_detail"),
    path("co-quan/<int:agency_id>/thong-tin-lien-he/", views.agency_contact, name="agency_contact"),
    path("co-quan/<int:agency_id>/nhap-to-chuc/", views.organisation_import, name="organisation_import"),
    path(
        "co-quan/<int:agency_id>/nhap-to-chuc/mau.xlsx",
        views.organisation_template,
        name="organisation_template",
    ),
    path(
        "co-quan/<int:agency_id>/nhap-to-chuc/<int:import_id>/",
        views.organisation_import_preview,
        name="organisation_import_preview",
    ),
    path(
        "co-quan/<int:agency_id>/nhap-to-chuc/<int:import_id>/tep-goc/",
        views.organisation_import_file,
        name="organisation_import_file",
    ),
    path(
        "co-quan/<int:agency_id>/nhap-to-chuc/<int:import_id>/ghi/",
        views.organisation_import_apply,
        name="organisation_import_apply",
    ),
    path(
        "co-quan/<int:agency_id>/nhap-to-chuc/<int:import_id>/huy/",
        views.organisation_import_cancel,
        name="organisation_import_cancel",
    ),
    path("to-chuc/thay-doi/nhap/", changesheet_views.change_import, name="change_import"),
    path("to-chuc/thay-doi/nhap/mau.xlsx", changesheet_views.change_template, name="change_template"),
    path("don-vi/<int:unit_id>/", views.unit_detail, name="unit_detail"),
    path("to-chuc/thay-doi/", change_views.change_list, name="change_list"),
    path("to-chuc/thay-doi/moi/", change_views.change_new, name="change_new"),
    path("to-chuc/thay-doi/<int:change_id>/", change_views.change_detail, name="change_detail"),
    path("to-chuc/thay-doi/<int:change_id>/ap-dung/", change_views.change_apply, name="change_apply"),
    path("to-chuc/thay-doi/<int:change_id>/huy/", change_views.change_cancel, name="change_cancel"),
    path("lich-lam-viec/", views.working_calendar, name="calendar"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("huong-dan/", views.guide_index, name="guide_index"),
    path("huong-dan/anh/<str:name>", views.guide_image, name="guide_image"),
    path("huong-dan/<slug:slug>/", views.guide_page, name="guide_page"),
    path("tim-kiem/", views.search_page, name="search"),
    path("nhat-ky-doc-du-lieu/", views.read_log, name="read_log"),
]

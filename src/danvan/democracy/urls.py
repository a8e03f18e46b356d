from django.urls import path

from danvan.democracy import views

app_name = "democracy"

urlpatterns = [
    path("", views.index, name="index"),
    path("co-quan/<int:agency_id>/quan-triet/them/", views.briefing_create, name="briefing_create"),
    path(
        "co-quan/<int:agency_id>/quan-triet/van-ban/<int:document_id>/",
        views.coverage,
        name="coverage",
    ),
    path("quan-triet/<int:briefing_id>/", views.briefing_detail, name="briefing_detail"),
    path("quan-triet/<int:briefing_id>/diem-danh/", views.briefing_attendance, name="briefing_attendance"),
    path("quan-triet/<int:briefing_id>/tai-lieu/", views.material_upload, name="material_upload"),
    path(
        "quan-triet/<int:briefing_id>/tai-lieu/<int:material_id>/",
        views.material_download,
        name="material_download",
    ),
    path("co-quan/<int:agency_id>/cong-khai/them/", views.disclosure_create, name="disclosure_create"),
    path("cong-khai/<int:disclosure_id>/", views.disclosure_detail, name="disclosure_detail"),
    path("cong-khai/<int:disclosure_id>/ghi/", views.disclosure_record, name="disclosure_record"),
    path("de-nghi/gui/", views.request_create, name="request_create"),
    path("de-nghi/<int:request_id>/", views.request_detail, name="request_detail"),
    path("de-nghi/<int:request_id>/tra-loi/", views.request_answer, name="request_answer"),
]

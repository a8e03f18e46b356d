from django.urls import path

from danvan.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.library, name="library"),
    path("<int:document_id>/", views.document_detail, name="document_detail"),
    path("<int:document_id>/sua/", views.document_edit, name="document_edit"),
    path("<int:document_id>/hieu-luc/", views.document_validity, name="document_validity"),
    path(
        "co-quan/<int:agency_id>/mau-ke-hoach/", views.output_template_upload, name="output_template_upload"
    ),
    path(
        "co-quan/<int:agency_id>/mau-ke-hoach.docx",
        views.output_template_download,
        name="output_template",
    ),
    path("co-quan/<int:agency_id>/mau-bao-cao/", views.report_template_upload, name="report_template_upload"),
    path("co-quan/<int:agency_id>/mau-bao-cao.docx", views.report_template_download, name="report_template"),
]

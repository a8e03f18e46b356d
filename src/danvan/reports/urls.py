from django.urls import path

from danvan.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("yeu-cau/<int:request_id>/", views.request_detail, name="request_detail"),
    path("yeu-cau/<int:request_id>/tong-hop/", views.request_compose, name="request_compose"),
    path("ke-hoach/<int:plan_id>/yeu-cau/", views.plan_requests, name="plan_requests"),
    path("co-quan/<int:agency_id>/yeu-cau-moi/", views.request_units, name="request_units"),
    path("tinh/<int:province_id>/yeu-cau-moi/", views.request_agencies, name="request_agencies"),
    path("tinh/<int:province_id>/bang-tong-hop/", views.province_table, name="province_table"),
    path("tinh/<int:province_id>/bang-tong-hop.xlsx", views.province_table_xlsx, name="province_table_xlsx"),
    path("tinh/<int:province_id>/ky-bao-cao/", views.periods, name="periods"),
    path(
        "tinh/<int:province_id>/ky-bao-cao/<int:period_id>/dieu-chinh/",
        views.period_correct,
        name="period_correct",
    ),
    path("<int:report_id>/", views.report_detail, name="report_detail"),
    path("<int:report_id>/luu/", views.report_save, name="report_save"),
    path("<int:report_id>/tu-dong-luu/", views.report_autosave, name="report_autosave"),
    path("<int:report_id>/nop/", views.report_submit, name="report_submit"),
    path("<int:report_id>/tra-lai/", views.report_return, name="report_return"),
    path("<int:report_id>/duyet/", views.report_approve, name="report_approve"),
    path("<int:report_id>/ky-so/", views.report_sign, name="report_sign"),
    path("<int:report_id>/ban-ky-so/<int:copy_id>.pdf", views.report_signed_pdf, name="report_signed_pdf"),
    path("<int:report_id>/nguoi-ky/", views.report_signature, name="report_signature"),
    path("<int:report_id>/dinh-kem/", views.report_attach, name="report_attach"),
    path(
        "<int:report_id>/dinh-kem/<int:attachment_id>/", views.attachment_download, name="attachment_download"
    ),
    path("<int:report_id>/phien-ban/<int:number>/", views.version_detail, name="version_detail"),
    path("<int:report_id>/bao-cao.docx", views.report_docx, name="report_docx"),
    path("<int:report_id>/bao-cao.pdf", views.report_pdf, name="report_pdf"),
    path("<int:report_id>/phu-luc.xlsx", views.report_xlsx, name="report_xlsx"),
]

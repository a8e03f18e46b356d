from django.urls import path

from danvan.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("", views.criteria_set_list, name="criteria_set_list"),
    path("bo-tieu-chi/nhap/", views.criteria_set_import, name="criteria_set_import"),
    path("bo-tieu-chi/mau.xlsx", views.criteria_template_download, name="criteria_template"),
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
    path("ket-qua/tinh/<int:province_id>/", views.results, name="results"),
    path("ket-qua/tinh/<int:province_id>/quyet-dinh.docx", views.results_decision, name="results_decision"),
    path("ket-qua/co-quan/<int:agency_id>/", views.agency_results, name="agency_results"),
]

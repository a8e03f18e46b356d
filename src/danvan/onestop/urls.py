from django.urls import path

from danvan.onestop import views

app_name = "onestop"

urlpatterns = [
    path("", views.index, name="index"),
    path("co-quan/<int:agency_id>/", views.agency, name="agency"),
    path("co-quan/<int:agency_id>/cach-tinh/", views.apology_rule, name="apology_rule"),
    path("co-quan/<int:agency_id>/nhap/", views.import_start, name="import_start"),
    path("co-quan/<int:agency_id>/nhap/ghep-cot/", views.import_mapping, name="import_mapping"),
    path("co-quan/<int:agency_id>/tre-han/", views.late_list, name="late_list"),
    path("co-quan/<int:agency_id>/tre-han/them/", views.late_create, name="late_create"),
    path("ky/<int:period_id>/", views.period, name="period"),
    path("tre-han/<int:dossier_id>/", views.late_detail, name="late_detail"),
    path("tre-han/<int:dossier_id>/xin-loi/", views.late_apology, name="late_apology"),
    path("tre-han/<int:dossier_id>/phieu-xin-loi/", views.late_letter, name="late_letter"),
]

from django.urls import path

from danvan.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("co-quan/<int:agency_id>/nhap/", views.import_upload, name="import_upload"),
    path("nhap/<int:import_id>/", views.import_review, name="import_review"),
    path("nhap/<int:import_id>/tien-do/", views.import_status, name="import_status"),
    path("nhap/<int:import_id>/luu/", views.import_save, name="import_save"),
    path("nhap/<int:import_id>/huy/", views.import_cancel, name="import_cancel"),
]

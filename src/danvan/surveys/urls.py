from django.urls import path

from danvan.surveys import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="survey_list"),
    path("tao/", views.survey_create, name="survey_create"),
    path("tao-theo-mau/", views.survey_from_template, name="survey_from_template"),
    path("<int:survey_id>/", views.survey_detail, name="survey_detail"),
    path("<int:survey_id>/sua/", views.survey_edit, name="survey_edit"),
    path("<int:survey_id>/cau-hoi/them/", views.question_add, name="question_add"),
    path("<int:survey_id>/cau-hoi/<int:question_id>/", views.question_edit, name="question_edit"),
    path("<int:survey_id>/cau-hoi/<int:question_id>/xoa/", views.question_remove, name="question_remove"),
    path("<int:survey_id>/cong-bo/", views.survey_publish, name="survey_publish"),
    path("<int:survey_id>/ket-thuc/", views.survey_close, name="survey_close"),
    path("<int:survey_id>/ket-qua/", views.survey_results, name="survey_results"),
    path("<int:survey_id>/ket-qua.xlsx", views.survey_export, name="survey_export"),
    path("<int:survey_id>/in-ma-qr/", views.survey_poster, name="survey_poster"),
    path("<int:survey_id>/ma-qr.png", views.survey_qr, name="survey_qr"),
]

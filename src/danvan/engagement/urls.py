from django.urls import path

from danvan.engagement import views

app_name = "engagement"

urlpatterns = [
    path("", views.dialogue_list, name="dialogue_list"),
    path("moi/", views.dialogue_create, name="dialogue_create"),
    path("<int:dialogue_id>/", views.dialogue_detail, name="dialogue_detail"),
    path("<int:dialogue_id>/y-kien/", views.dialogue_issue_add, name="dialogue_issue_add"),
    path("<int:dialogue_id>/bien-ban/", views.dialogue_minutes, name="dialogue_minutes"),
    path("<int:dialogue_id>/cam-ket/", views.dialogue_commitment_add, name="dialogue_commitment_add"),
]

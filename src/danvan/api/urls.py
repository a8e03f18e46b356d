from django.urls import path

from danvan.api import views

app_name = "api"

urlpatterns = [
    path("me", views.MeView.as_view(), name="me"),
]

from django.urls import path

from danvan.api import views

app_name = "api"

urlpatterns = [
    path("me", views.MeView.as_view(), name="me"),
    path("documents/parse", views.DocumentParseView.as_view(), name="document_parse"),
]

from django.urls import path

from danvan.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.library, name="library"),
    path("<int:document_id>/", views.document_detail, name="document_detail"),
    path("<int:document_id>/sua/", views.document_edit, name="document_edit"),
]

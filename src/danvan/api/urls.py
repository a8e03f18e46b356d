from django.urls import path

from danvan.api import petitions, reports, views

app_name = "api"

urlpatterns = [
    path("me", views.MeView.as_view(), name="me"),
    path("documents/parse", views.DocumentParseView.as_view(), name="document_parse"),
    path("petitions", petitions.PetitionListView.as_view(), name="petition_list"),
    path("petitions/<int:petition_id>", petitions.PetitionDetailView.as_view(), name="petition_detail"),
    path("reports", reports.SentReportListView.as_view(), name="report_list"),
    path("reports/<int:report_id>", reports.SentReportDetailView.as_view(), name="report_detail"),
]

from django.urls import path

from danvan.api import pages

app_name = "api_tokens"

urlpatterns = [
    path("", pages.tokens, name="list"),
    path("<int:token_id>/thu-hoi/", pages.revoke, name="revoke"),
]

"""The survey pages a citizen opens without an account, under the public pages' /cong-dan/."""

from django.urls import path
from django.views.decorators.cache import never_cache

from danvan.surveys import public_views

app_name = "surveys_public"

urlpatterns = [
    path("<slug:slug>/", never_cache(public_views.answer), name="answer"),
    path("<slug:slug>/da-gui/", never_cache(public_views.thanks), name="thanks"),
]

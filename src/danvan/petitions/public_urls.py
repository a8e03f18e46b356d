"""Pages a citizen opens without an account: submit a petition, look it up,
read the leaders' reception schedule."""

from django.urls import path
from django.views.decorators.cache import never_cache

from danvan.petitions import views

app_name = "petitions_public"

urlpatterns = [
    # What a citizen types and the answer about their petition are kept by
    # no browser or proxy (``Cache-Control: no-store``).
    path("gui-don/", never_cache(views.public_submit), name="submit"),
    path("gui-don/da-nhan/", never_cache(views.public_submitted), name="submitted"),
    path("tra-cuu/", never_cache(views.public_lookup), name="lookup"),
    path("lich-tiep-cong-dan/", views.public_schedule, name="schedule"),
]

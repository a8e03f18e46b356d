"""Pages a citizen opens without an account: submit a petition, look it up,
read the leaders' reception schedule."""

from django.urls import path

from danvan.petitions import views

app_name = "petitions_public"

urlpatterns = [
    path("gui-don/", views.public_submit, name="submit"),
    path("gui-don/da-nhan/", views.public_submitted, name="submitted"),
    path("tra-cuu/", views.public_lookup, name="lookup"),
    path("lich-tiep-cong-dan/", views.public_schedule, name="schedule"),
]

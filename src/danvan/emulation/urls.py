from django.urls import path

from danvan.emulation import views

app_name = "emulation"

urlpatterns = [
    path("", views.index, name="index"),
]

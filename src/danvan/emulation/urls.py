from django.urls import path

from danvan.emulation import views

app_name = "emulation"

urlpatterns = [
    path("", views.index, name="index"),
]

# --- Thi đua, khen thưởng
from danvan.emulation import views_commendation  # noqa: E402

urlpatterns += [
    path(
        "co-quan/<int:agency_id>/phong-trao/them", views_commendation.movement_create, name="movement_create"
    ),
    path("phong-trao/<int:movement_id>/", views_commendation.movement_detail, name="movement_detail"),
    path("ho-so-khen-thuong/<int:proposal_id>/", views_commendation.proposal_detail, name="proposal_detail"),
    path(
        "ho-so-khen-thuong/<int:proposal_id>/de-nghi",
        views_commendation.candidate_add,
        name="proposal_candidate_add",
    ),
    path(
        "ho-so-khen-thuong/<int:proposal_id>/bo-phieu/<int:candidate_id>",
        views_commendation.vote_record,
        name="proposal_vote",
    ),
    path(
        "ho-so-khen-thuong/<int:proposal_id>/tai-ve",
        views_commendation.proposal_download,
        name="proposal_download",
    ),
    path(
        "ho-so-khen-thuong/<int:proposal_id>/bien-ban",
        views_commendation.minutes_download,
        name="proposal_minutes",
    ),
]
urlpatterns += [
    path(
        "ho-so-khen-thuong/<int:proposal_id>/xac-nhan/<int:check_id>",
        views_commendation.condition_confirm,
        name="proposal_confirm",
    ),
    path(
        "ho-so-khen-thuong/<int:proposal_id>/trinh",
        views_commendation.proposal_submit,
        name="proposal_submit",
    ),
    path(
        "ho-so-khen-thuong/<int:proposal_id>/quyet-dinh",
        views_commendation.proposal_decision,
        name="proposal_decision",
    ),
]
urlpatterns += [
    path(
        "co-quan/<int:agency_id>/hoi-dong/them",
        views_commendation.council_create,
        name="proposal_council_create",
    ),
    path(
        "phong-trao/<int:movement_id>/dang-ky",
        views_commendation.registration_create,
        name="movement_registration",
    ),
]

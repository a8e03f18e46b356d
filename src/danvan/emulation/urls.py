from django.urls import path

from danvan.emulation import views, views_dvk

app_name = "emulation"

urlpatterns = [
    path("", views.index, name="index"),
    # --- Dân vận khéo
    path("dang-ky/", views_dvk.campaign_list, name="dvk_campaigns"),
    path("dang-ky/phat-dong/", views_dvk.campaign_create, name="dvk_campaign_create"),
    path("dang-ky/<int:campaign_id>/", views_dvk.campaign_detail, name="dvk_campaign"),
    path("dang-ky/<int:campaign_id>/dang-ky-mo-hinh/", views_dvk.practice_register, name="dvk_register"),
    path("dang-ky/<int:campaign_id>/quyet-dinh/", views_dvk.campaign_decide, name="dvk_decide"),
    path("mo-hinh/<int:practice_id>/", views_dvk.practice_detail, name="dvk_practice"),
    path("mo-hinh/<int:practice_id>/bat-dau/", views_dvk.practice_start, name="dvk_practice_start"),
    path("mo-hinh/<int:practice_id>/bao-cao/", views_dvk.practice_report, name="dvk_practice_report"),
    path("mo-hinh/<int:practice_id>/ket-qua/", views_dvk.practice_finish, name="dvk_practice_finish"),
    path("mo-hinh/<int:practice_id>/rut/", views_dvk.practice_withdraw, name="dvk_practice_withdraw"),
    path("mo-hinh/<int:practice_id>/cham-diem/", views_dvk.practice_score, name="dvk_practice_score"),
    path("mo-hinh/<int:practice_id>/de-nghi/", views_dvk.practice_propose, name="dvk_practice_propose"),
    path("mo-hinh/<int:practice_id>/nhan-rong/", views_dvk.practice_replicate, name="dvk_practice_replicate"),
    path(
        "mo-hinh/<int:practice_id>/minh-chung/<int:evidence_id>/",
        views_dvk.evidence_download,
        name="dvk_evidence_download",
    ),
    path("thu-vien/", views_dvk.library, name="dvk_library"),
    path("toan-tinh/", views_dvk.province, name="dvk_province"),
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

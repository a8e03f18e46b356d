from django.urls import path

from danvan.democracy import consultation_views, coordination_views, views

app_name = "democracy"

urlpatterns = [
    path("", views.index, name="index"),
    path("co-quan/<int:agency_id>/quan-triet/them/", views.briefing_create, name="briefing_create"),
    path(
        "co-quan/<int:agency_id>/quan-triet/van-ban/<int:document_id>/",
        views.coverage,
        name="coverage",
    ),
    path("quan-triet/<int:briefing_id>/", views.briefing_detail, name="briefing_detail"),
    path("quan-triet/<int:briefing_id>/diem-danh/", views.briefing_attendance, name="briefing_attendance"),
    path("quan-triet/<int:briefing_id>/tai-lieu/", views.material_upload, name="material_upload"),
    path(
        "quan-triet/<int:briefing_id>/tai-lieu/<int:material_id>/",
        views.material_download,
        name="material_download",
    ),
    path("co-quan/<int:agency_id>/cong-khai/them/", views.disclosure_create, name="disclosure_create"),
    path("cong-khai/<int:disclosure_id>/", views.disclosure_detail, name="disclosure_detail"),
    path("cong-khai/<int:disclosure_id>/ghi/", views.disclosure_record, name="disclosure_record"),
    path("de-nghi/gui/", views.request_create, name="request_create"),
    path("de-nghi/<int:request_id>/", views.request_detail, name="request_detail"),
    path("de-nghi/<int:request_id>/tra-loi/", views.request_answer, name="request_answer"),
    path("co-quan/<int:agency_id>/ban-ttnd/them/", views.board_create, name="board_create"),
    path("ban-ttnd/<int:board_id>/", views.board_detail, name="board_detail"),
    path("ban-ttnd/<int:board_id>/cong-nhan/", views.board_recognition, name="board_recognition"),
    path("ban-ttnd/<int:board_id>/kiem-tra/them/", views.inspection_create, name="inspection_create"),
    path("kiem-tra/<int:inspection_id>/", views.inspection_detail, name="inspection_detail"),
    path("kiem-tra/<int:inspection_id>/ket-qua/", views.inspection_result, name="inspection_result"),
    path("kiem-tra/<int:inspection_id>/ket-qua/tep/", views.inspection_file, name="inspection_file"),
    path(
        "kiem-tra/<int:inspection_id>/kien-nghi/", views.recommendation_create, name="recommendation_create"
    ),
    path(
        "kien-nghi/<int:recommendation_id>/tra-loi/",
        views.recommendation_answer,
        name="recommendation_answer",
    ),
    path("co-quan/<int:agency_id>/hoi-nghi/them/", views.conference_create, name="conference_create"),
    path("hoi-nghi/<int:conference_id>/", views.conference_detail, name="conference_detail"),
    path(
        "hoi-nghi/<int:conference_id>/bieu-quyet/<int:item_id>/",
        views.conference_vote,
        name="conference_vote",
    ),
    path(
        "hoi-nghi/<int:conference_id>/kiem-tra/<int:check_id>/",
        views.conference_check,
        name="conference_check",
    ),
    path(
        "hoi-nghi/<int:conference_id>/nghi-quyet.docx",
        views.conference_resolution,
        name="conference_resolution",
    ),
    # Coordination with the Fatherland Front and the organisations; the democracy regulation.
    path(
        "co-quan/<int:agency_id>/phoi-hop/", coordination_views.coordination_index, name="coordination_index"
    ),
    path(
        "co-quan/<int:agency_id>/phoi-hop/to-chuc/",
        coordination_views.organisation_create,
        name="organisation_create",
    ),
    path(
        "co-quan/<int:agency_id>/phoi-hop/to-chuc/danh-sach-chung/",
        coordination_views.organisation_standard,
        name="organisation_standard",
    ),
    path(
        "co-quan/<int:agency_id>/phoi-hop/chuong-trinh/them/",
        coordination_views.programme_create,
        name="programme_create",
    ),
    path("phoi-hop/<int:programme_id>/", coordination_views.programme_detail, name="programme_detail"),
    path(
        "phoi-hop/<int:programme_id>/hoat-dong/", coordination_views.activity_create, name="activity_create"
    ),
    path("hoat-dong-phoi-hop/<int:activity_id>/", coordination_views.activity_record, name="activity_record"),
    path("co-quan/<int:agency_id>/giam-sat/them/", coordination_views.finding_create, name="finding_create"),
    path("giam-sat/<int:finding_id>/", coordination_views.finding_detail, name="finding_detail"),
    path("giam-sat/<int:finding_id>/tra-loi/", coordination_views.finding_answer, name="finding_answer"),
    path("co-quan/<int:agency_id>/quy-che/", coordination_views.regulation_detail, name="regulation_detail"),
    path(
        "co-quan/<int:agency_id>/quy-che/ban-hanh/",
        coordination_views.regulation_register,
        name="regulation_register",
    ),
    path(
        "co-quan/<int:agency_id>/quy-che/can-sua-doi/",
        coordination_views.regulation_trigger,
        name="regulation_trigger",
    ),
    path("quy-che/<int:version_id>/", coordination_views.regulation_version, name="regulation_version"),
    path("quy-che/<int:version_id>/tep/", coordination_views.regulation_file, name="regulation_file"),
    path(
        "co-quan/<int:agency_id>/lay-y-kien/them/",
        consultation_views.consultation_create,
        name="consultation_create",
    ),
    path(
        "lay-y-kien/<int:consultation_id>/",
        consultation_views.consultation_detail,
        name="consultation_detail",
    ),
    path(
        "lay-y-kien/<int:consultation_id>/gop-y/",
        consultation_views.consultation_comment,
        name="consultation_comment",
    ),
    path(
        "lay-y-kien/<int:consultation_id>/giai-trinh/",
        consultation_views.consultation_publish,
        name="consultation_publish",
    ),
    path(
        "lay-y-kien/<int:consultation_id>/du-thao/",
        consultation_views.consultation_draft,
        name="consultation_draft",
    ),
    path("ban-ttnd/<int:board_id>/cong-tac/", views.board_work, name="board_work"),
    path("ban-ttnd/<int:board_id>/chuong-trinh/them/", views.programme_create, name="board_programme_create"),
    path("ban-ttnd/<int:board_id>/bao-cao/them/", views.report_create, name="report_create"),
    path(
        "ban-ttnd/<int:board_id>/kien-nghi-can-bo/them/",
        views.staff_petition_create,
        name="staff_petition_create",
    ),
    path("bao-cao-ban-ttnd/<int:report_id>/", views.board_report_detail, name="board_report_detail"),
    path("bao-cao-ban-ttnd/<int:report_id>/gui/", views.board_report_submit, name="board_report_submit"),
    path("bao-cao-ban-ttnd/<int:report_id>/tep/", views.board_report_file, name="board_report_file"),
    path("kien-nghi-can-bo/<int:petition_id>/", views.staff_petition_detail, name="staff_petition_detail"),
    path(
        "kien-nghi-can-bo/<int:petition_id>/<slug:step>/",
        views.staff_petition_step,
        name="staff_petition_step",
    ),
    path("co-quan/<int:agency_id>/lay-y-kien-bang-phieu/", views.ballots, name="ballots"),
    path(
        "co-quan/<int:agency_id>/lay-y-kien-bang-phieu/trieu-tap/",
        views.attempt_create,
        name="attempt_create",
    ),
    path("co-quan/<int:agency_id>/lay-y-kien-bang-phieu/them/", views.ballot_create, name="ballot_create"),
    path("lay-y-kien-bang-phieu/<int:ballot_id>/", views.ballot_detail, name="ballot_detail"),
    path("lay-y-kien-bang-phieu/noi-dung/<int:item_id>/", views.ballot_count, name="ballot_count"),
]

from django.urls import path

from danvan.api import dialogues, dvk, emulation, evaluation, figures, petitions, plans, reports, views

app_name = "api"

urlpatterns = [
    path("me", views.MeView.as_view(), name="me"),
    path("documents/parse", views.DocumentParseView.as_view(), name="document_parse"),
    path("petitions", petitions.PetitionListView.as_view(), name="petition_list"),
    path("petitions/<int:petition_id>", petitions.PetitionDetailView.as_view(), name="petition_detail"),
    path("petitions/figures", figures.PetitionFiguresView.as_view(), name="petition_figures"),
    path("plans", plans.PlanListView.as_view(), name="plan_list"),
    path("plans/<int:plan_id>", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("targets", plans.TargetListView.as_view(), name="target_list"),
    path("tasks", plans.TaskListView.as_view(), name="task_list"),
    path("tasks/<int:task_id>", plans.TaskDetailView.as_view(), name="task_detail"),
    path("tasks/<int:task_id>/progress", plans.TaskProgressView.as_view(), name="task_progress"),
    path(
        "tasks/<int:task_id>/updates/<int:update_id>/evidence",
        plans.TaskEvidenceView.as_view(),
        name="task_evidence",
    ),
    path("report-requests", reports.ReportRequestListView.as_view(), name="report_request_list"),
    path(
        "report-requests/<int:request_id>",
        reports.ReportRequestDetailView.as_view(),
        name="report_request_detail",
    ),
    path("unit-reports", reports.UnitReportListView.as_view(), name="unit_report_list"),
    path("unit-reports/<int:report_id>", reports.UnitReportDetailView.as_view(), name="unit_report_detail"),
    path(
        "unit-reports/<int:report_id>/submit",
        reports.UnitReportSubmitView.as_view(),
        name="unit_report_submit",
    ),
    path("dialogues", dialogues.DialogueListView.as_view(), name="dialogue_list"),
    path("dialogues/<int:dialogue_id>", dialogues.DialogueDetailView.as_view(), name="dialogue_detail"),
    path("reports", reports.SentReportListView.as_view(), name="report_list"),
    path("reports/<int:report_id>", reports.SentReportDetailView.as_view(), name="report_detail"),
    path("emulation/movements", emulation.MovementListView.as_view(), name="emulation_movement_list"),
    path("emulation/proposals", emulation.ProposalListView.as_view(), name="emulation_proposal_list"),
    path("evaluation/criteria-sets", evaluation.CriteriaSetListView.as_view(), name="criteria_set_list"),
    path(
        "evaluation/criteria-sets/<int:criteria_set_id>",
        evaluation.CriteriaSetDetailView.as_view(),
        name="criteria_set_detail",
    ),
    path("evaluation/assessments", evaluation.AssessmentListView.as_view(), name="assessment_list"),
    path(
        "evaluation/assessments/<int:assessment_id>",
        evaluation.AssessmentDetailView.as_view(),
        name="assessment_detail",
    ),
    path("evaluation/results", evaluation.ResultsView.as_view(), name="evaluation_results"),
    path("dan-van-kheo/campaigns", dvk.CampaignListView.as_view(), name="dvk_campaign_list"),
    path(
        "dan-van-kheo/campaigns/<int:campaign_id>",
        dvk.CampaignDetailView.as_view(),
        name="dvk_campaign_detail",
    ),
    path("dan-van-kheo/models", dvk.PracticeListView.as_view(), name="dvk_practice_list"),
    path(
        "dan-van-kheo/models/<int:practice_id>", dvk.PracticeDetailView.as_view(), name="dvk_practice_detail"
    ),
]

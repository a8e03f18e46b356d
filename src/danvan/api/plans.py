"""Plans, their targets and tasks, within what the caller may read (the
pages' permission functions, narrowed to a client's agencies), and a task's
progress update with its evidence, checked as the page checks it."""

from __future__ import annotations

from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.api.access import check_reach, within_reach
from danvan.api.common import (
    AGENCY,
    UPDATED_SINCE,
    YEAR,
    ETagMixin,
    changed_since,
    choice_param,
    id_parameter,
    number_param,
    since_param,
    status_parameter,
)
from danvan.core.downloads import stored_file
from danvan.core.services import DomainError
from danvan.plans import permissions, services
from danvan.plans.forms import TaskUpdateForm
from danvan.plans.models import Plan, Target, Task, TaskUpdate

READ_PLANS = {"read": "plans:read"}


class PlanSerializer(serializers.ModelSerializer):
    agency = serializers.IntegerField(source="agency_id")
    agency_name = serializers.CharField(source="agency.name")
    status_label = serializers.CharField(source="get_status_display")
    kind_label = serializers.CharField(source="get_kind_display")

    class Meta:
        model = Plan
        fields = [
            "id",
            "agency",
            "agency_name",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "title",
            "number",
            "symbol",
            "issue_date",
            "period_year",
            "period_quarter",
            "period_half",
            "signer_title",
            "signer_name",
            "issued_at",
        ]


class TargetSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="plan_id")
    assessment = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = ["id", "plan", "order", "text", "percent", "current_value", "measured_on", "assessment"]

    def get_assessment(self, target: Target) -> str:
        return str(target.assessment().value)


class PlanDetailSerializer(PlanSerializer):
    targets = TargetSerializer(many=True)

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "purposes", "implementation", "targets"]


def _plans(request):
    plans = within_reach(request, permissions.visible_plans(request.user)).select_related("agency")
    agency = number_param(request, "co_quan")
    if agency is not None:
        plans = plans.filter(agency_id=agency)
    year = number_param(request, "nam", high=9999)
    if year is not None:
        plans = plans.filter(period_year=year)
    state = choice_param(request, "trang_thai", Plan.Status)
    if state:
        plans = plans.filter(status=state)
    return changed_since(plans, since_param(request)).order_by("-period_year", "-pk")


class PlanListView(ETagMixin, generics.ListAPIView):
    """Plans the caller may read, newest first."""

    api_scopes = READ_PLANS
    serializer_class = PlanSerializer

    @extend_schema(parameters=[AGENCY, YEAR, status_parameter(Plan.Status), UPDATED_SINCE])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return _plans(self.request)


class PlanDetailView(ETagMixin, generics.RetrieveAPIView):
    """One plan with its targets."""

    api_scopes = READ_PLANS
    serializer_class = PlanDetailSerializer

    def get_object(self):
        plan = permissions.get_plan_for_user(self.request.user, self.kwargs["plan_id"])
        check_reach(self.request, plan.agency_id)
        return Plan.objects.select_related("agency").prefetch_related("targets").get(pk=plan.pk)


class TargetListView(ETagMixin, generics.ListAPIView):
    """Targets of the plans the caller may read; filter by plan."""

    api_scopes = READ_PLANS
    serializer_class = TargetSerializer

    @extend_schema(parameters=[id_parameter("ke_hoach", "Mã số (id) của kế hoạch"), AGENCY, YEAR])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        targets = Target.objects.filter(plan__in=_plans(self.request).order_by().values("pk"))
        plan = number_param(self.request, "ke_hoach")
        if plan is not None:
            targets = targets.filter(plan_id=plan)
        return targets.order_by("plan_id", "order", "pk")


# --- Tasks ---------------------------------------------------------------------


class TaskSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="plan_id")
    agency = serializers.IntegerField(source="plan.agency_id")
    lead_unit = serializers.IntegerField(source="lead_unit_id", allow_null=True)
    lead_unit_name = serializers.CharField(source="lead_unit.name", allow_null=True, default=None)
    status_label = serializers.CharField(source="get_status_display")
    timing_kind_label = serializers.CharField(source="get_timing_kind_display")

    class Meta:
        model = Task
        fields = [
            "id",
            "plan",
            "agency",
            "section",
            "heading",
            "lead_unit",
            "lead_unit_name",
            "timing",
            "timing_kind",
            "timing_kind_label",
            "due_date",
            "status",
            "status_label",
            "percent",
            "completed_on",
        ]


class TaskUpdateSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="created_by.get_full_name")
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = TaskUpdate
        fields = [
            "id",
            "status",
            "percent",
            "note",
            "reported_on",
            "by",
            "created_at",
            "confirmed_at",
            "has_evidence",
            "evidence_name",
        ]

    def get_has_evidence(self, update: TaskUpdate) -> bool:
        return bool(update.evidence)


class TaskDetailSerializer(TaskSerializer):
    updates = serializers.SerializerMethodField()

    class Meta(TaskSerializer.Meta):
        fields = [*TaskSerializer.Meta.fields, "updates"]

    @extend_schema_field(TaskUpdateSerializer(many=True))
    def get_updates(self, task: Task) -> list[dict]:
        updates = task.updates.select_related("created_by").order_by("-created_at", "-pk")
        return TaskUpdateSerializer(updates, many=True).data


def _tasks(request):
    tasks = within_reach(request, permissions.visible_tasks(request.user), "plan__agency")
    agency = number_param(request, "co_quan")
    if agency is not None:
        tasks = tasks.filter(plan__agency_id=agency)
    year = number_param(request, "nam", high=9999)
    if year is not None:
        tasks = tasks.filter(plan__period_year=year)
    plan = number_param(request, "ke_hoach")
    if plan is not None:
        tasks = tasks.filter(plan_id=plan)
    state = choice_param(request, "trang_thai", Task.Status)
    if state:
        tasks = tasks.filter(status=state)
    since = since_param(request)
    if since is not None:
        # Changed itself, or given a progress update since.
        changed = Task.history.filter(history_date__gte=since).values("id")
        reported = TaskUpdate.objects.filter(created_at__gte=since).values("task_id")
        tasks = tasks.filter(Q(pk__in=changed) | Q(pk__in=reported))
    return tasks.select_related("plan", "lead_unit").order_by("plan_id", "order", "pk")


class TaskListView(ETagMixin, generics.ListAPIView):
    """Tasks the caller may read, plan by plan."""

    api_scopes = {"read": "tasks:read"}
    serializer_class = TaskSerializer

    @extend_schema(
        parameters=[
            AGENCY,
            YEAR,
            id_parameter("ke_hoach", "Mã số (id) của kế hoạch"),
            status_parameter(Task.Status),
            UPDATED_SINCE,
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return _tasks(self.request)


def task_in_reach(request, task_id: int, *, action: str = "view") -> Task:
    """The task, as the pages find it for the action (404 out of sight, 403
    seen but not allowed), and 404 outside a client's agencies."""
    task = permissions.get_task_for_user(request.user, task_id)
    check_reach(request, task.plan.agency_id)
    if action != "view":
        task = permissions.get_task_for_user(request.user, task_id, action=action)
    return task


class TaskDetailView(ETagMixin, generics.RetrieveAPIView):
    """One task with its progress updates, newest first."""

    api_scopes = {"read": "tasks:read"}
    serializer_class = TaskDetailSerializer

    def get_object(self):
        return task_in_reach(self.request, self.kwargs["task_id"])


class ProgressSerializer(serializers.Serializer):
    """The form of the page's progress update (plans.forms.TaskUpdateForm)."""

    status = serializers.ChoiceField(
        choices=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS, Task.Status.DONE],
        help_text="Trạng thái sau cập nhật",
    )
    percent = serializers.IntegerField(min_value=0, max_value=100, help_text="Tiến độ (%)")
    note = serializers.CharField(help_text="Kết quả thực hiện")
    reported_on = serializers.DateField(help_text="Ngày báo cáo (YYYY-MM-DD hoặc dd/mm/yyyy)")
    evidence = serializers.FileField(
        required=False, help_text="Minh chứng: PDF, Word, Excel hoặc ảnh, tối đa 20 MB"
    )
    occurrence = serializers.IntegerField(
        required=False, help_text="Kỳ thực hiện (bắt buộc với nhiệm vụ định kỳ)"
    )


class TaskProgressView(APIView):
    """Report progress on a task, with an evidence file if any: the same
    form, permission and service as the task's page."""

    api_scopes = {"write": "tasks:write"}
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": ProgressSerializer},
        responses={201: TaskUpdateSerializer},
    )
    def post(self, request, task_id: int):
        task = task_in_reach(request, task_id, action="update")
        form = TaskUpdateForm(request.data, request.FILES, task=task)
        if not form.is_valid():
            raise exceptions.ValidationError(
                {name: [str(message) for message in messages] for name, messages in form.errors.items()}
            )
        try:
            update = services.post_task_update(task=task, by=request.user, **form.cleaned_data)
        except DomainError as error:
            raise exceptions.ValidationError({"detail": error.message}) from None
        return Response(TaskUpdateSerializer(update).data, status=status.HTTP_201_CREATED)


class TaskEvidenceView(APIView):
    """The evidence file of one progress update, as the task's page serves it."""

    api_scopes = {"read": "tasks:read"}

    @extend_schema(responses={(200, "*/*"): OpenApiTypes.BINARY})
    def get(self, request, task_id: int, update_id: int):
        task = task_in_reach(request, task_id)
        update = task.updates.filter(pk=update_id).exclude(evidence="").first()
        if update is None:
            raise exceptions.NotFound
        return stored_file(update.evidence, update.evidence_name or update.evidence.name)

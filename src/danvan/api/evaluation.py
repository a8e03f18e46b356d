"""Read-only API of the yearly evaluation, scoped like its pages: the criteria sets the caller
may read; the assessments (an agency's leader and office read its own, Sở Nội vụ its
province's, a member of the review council only those given to them); and a province's
results for a year, for Sở Nội vụ of the province."""

from dataclasses import replace

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.api.access import check_reach, reachable_agencies, within_reach
from danvan.api.common import YEAR_NUMBER, ETagMixin, id_parameter, number_param
from danvan.evaluation import permissions, selectors
from danvan.evaluation.models import Assessment, CriteriaNode, CriteriaSet, LeafScore

READ_EVALUATION = {"read": "evaluation:read"}


class CriteriaNodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CriteriaNode
        fields = ["key", "code", "name", "max_points", "kind", "method", "parameters", "when_not_applicable"]


class CriteriaSetSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.name")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = CriteriaSet
        fields = [
            "id",
            "name",
            "province",
            "document_number",
            "document_date",
            "years",
            "agency_kinds",
            "status",
            "status_label",
            "version",
            "declared_max",
        ]


class CriteriaSetDetailSerializer(CriteriaSetSerializer):
    nodes = CriteriaNodeSerializer(many=True)

    class Meta(CriteriaSetSerializer.Meta):
        fields = [*CriteriaSetSerializer.Meta.fields, "rules", "nodes"]


class CriteriaSetListView(ETagMixin, generics.ListAPIView):
    """Criteria sets the caller may read: Sở Nội vụ every set of its province, an agency the sets
    in use that cover it."""

    api_scopes = READ_EVALUATION
    serializer_class = CriteriaSetSerializer

    def get_queryset(self):
        return selectors.criteria_sets_for_list(self.request.user)


class CriteriaSetDetailView(ETagMixin, generics.RetrieveAPIView):
    """One criteria set with its tree of criteria and its classification rules."""

    api_scopes = READ_EVALUATION
    serializer_class = CriteriaSetDetailSerializer

    def get_object(self):
        return permissions.get_criteria_set_for_user(self.request.user, self.kwargs["criteria_set_id"])


REVIEW_FIELDS = ("reviewed_total", "final_total", "final_band", "classification")
REVIEW_SCORE_FIELDS = ("reviewed_points", "review_reason", "final_points")


def without_review(data: dict) -> dict:
    """An assessment as its agency reads it before the review is sent back: no reviewed figures."""
    for name in REVIEW_FIELDS:
        if name in data:
            data[name] = None
    for score in data.get("scores", []):
        for name in REVIEW_SCORE_FIELDS:
            score[name] = None
    return data


class AssessmentSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name")
    agency_id = serializers.IntegerField()
    agency_kind = serializers.CharField(source="agency.kind")
    criteria_set = serializers.CharField(source="criteria_set.name")
    criteria_set_id = serializers.IntegerField()
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Assessment
        fields = [
            "id",
            "year",
            "agency_id",
            "agency",
            "agency_kind",
            "criteria_set_id",
            "criteria_set",
            "status",
            "status_label",
            "self_total",
            "self_band",
            "reviewed_total",
            "final_total",
            "final_band",
            "submitted_at",
            "submitted_late",
            "finalised_at",
        ]

    def to_representation(self, assessment):
        data = super().to_representation(assessment)
        if permissions.can_read_review(self.context["request"].user, assessment):
            return data
        return without_review(data)


class LeafScoreSerializer(serializers.ModelSerializer):
    key = serializers.CharField(source="node.key")
    name = serializers.CharField(source="node.name")

    class Meta:
        model = LeafScore
        fields = ["key", "name", "points", "explanation", "reviewed_points", "review_reason", "final_points"]


class AssessmentDetailSerializer(AssessmentSerializer):
    scores = LeafScoreSerializer(many=True, source="score_lines")

    class Meta(AssessmentSerializer.Meta):
        fields = [*AssessmentSerializer.Meta.fields, "events", "classification", "scores"]


YEAR = OpenApiParameter("nam", YEAR_NUMBER, description="Năm đánh giá")
AGENCY = id_parameter("co_quan", "Mã cơ quan")


class AssessmentListView(ETagMixin, generics.ListAPIView):
    """Assessments the caller may read, newest year first; filter by ``nam`` and ``co_quan``."""

    api_scopes = READ_EVALUATION
    serializer_class = AssessmentSerializer

    @extend_schema(parameters=[YEAR, AGENCY])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        year = number_param(self.request, "nam", high=9999)
        agency = number_param(self.request, "co_quan")
        return within_reach(
            self.request,
            selectors.assessments_for_api(
                self.request.user,
                year="" if year is None else str(year),
                agency="" if agency is None else str(agency),
            ),
        )


class AssessmentDetailView(ETagMixin, generics.RetrieveAPIView):
    """One assessment with the score of each leaf."""

    api_scopes = READ_EVALUATION
    serializer_class = AssessmentDetailSerializer

    def get_object(self):
        assessment = permissions.get_assessment_for_user(self.request.user, self.kwargs["assessment_id"])
        check_reach(self.request, assessment.agency_id)
        assessment.score_lines = selectors.assessment_scores(assessment)
        return assessment


class ResultsQuerySerializer(serializers.Serializer):
    tinh = serializers.IntegerField(help_text="Mã tỉnh")
    nam = serializers.IntegerField(min_value=2000, max_value=2100, help_text="Năm đánh giá")
    loai = serializers.ChoiceField(choices=[*selectors.KIND_ORDER], required=False, help_text="Loại cơ quan")


class ResultRowSerializer(serializers.Serializer):
    agency_id = serializers.IntegerField(source="agency.pk")
    agency = serializers.CharField(source="agency.name")
    kind = serializers.CharField(source="agency.kind")
    status = serializers.CharField()
    self_total = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True)
    self_band = serializers.CharField()
    reviewed_total = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True)
    reviewed_band = serializers.CharField()
    final_total = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True)
    final_band = serializers.CharField()
    rank = serializers.IntegerField(allow_null=True)
    not_submitted = serializers.BooleanField()
    submitted_late = serializers.BooleanField()
    needs_review = serializers.BooleanField()


class ResultsSerializer(serializers.Serializer):
    province = serializers.CharField(source="province.name")
    year = serializers.IntegerField()
    criteria_sets = serializers.SerializerMethodField()
    distribution = serializers.SerializerMethodField()
    rows = ResultRowSerializer(many=True)

    def get_criteria_sets(self, table) -> list[int]:
        return [criteria_set.pk for criteria_set in table.criteria_sets]

    def get_distribution(self, table) -> list[dict]:
        return [
            {"band": band.name, "count": band.count, "pending": band.pending} for band in table.distribution()
        ]


class ResultsView(ETagMixin, APIView):
    """The province's table for a year (``tinh``, ``nam``, optionally ``loai``): every agency a set
    covers, its self, reviewed and final scores and bands, its rank within its kind among the
    finalised, and whether it has not submitted, submitted late or needs the reviewer."""

    api_scopes = READ_EVALUATION
    # A province out of reach is not found (danvan/api/schema.py).
    finds_by_query = True

    @extend_schema(parameters=[ResultsQuerySerializer], responses=ResultsSerializer)
    def get(self, request):
        query = ResultsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        province = permissions.get_results_province_for_user(request.user, query.validated_data["tinh"])
        table = selectors.results_table(
            province, query.validated_data["nam"], kind=query.validated_data.get("loai", "")
        )
        agencies = reachable_agencies(request)
        if agencies is not None:
            # A client reads its own agencies' rows, and the distribution of
            # bands is counted over those rows only: the province's would
            # tell it how the other agencies were classified.
            table = replace(table, rows=[row for row in table.rows if row.agency.pk in agencies])
        return Response(ResultsSerializer(table).data)

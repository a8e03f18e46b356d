"""Read-only API of the «Dân vận khéo» register, scoped like its pages: the
campaigns the caller may read, with who has registered and who has not for
those they manage, and the models they may read (their agencies', and the
province's recognised ones)."""

from rest_framework import generics, serializers

from danvan.api.access import check_reach, within_reach
from danvan.api.common import ETagMixin
from danvan.emulation import permissions, selectors
from danvan.emulation.models import Campaign, Criterion, GoodPractice

READ_MODELS = {"read": "models:read"}


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["name", "max_points"]


class CampaignSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name", default=None)
    criteria = CriterionSerializer(many=True)

    class Meta:
        model = Campaign
        fields = ["id", "year", "title", "agency", "deadline", "report_dates", "criteria"]


class CampaignListView(ETagMixin, generics.ListAPIView):
    """The campaigns the caller may read."""

    api_scopes = READ_MODELS
    serializer_class = CampaignSerializer

    def get_queryset(self):
        return selectors.campaigns_for_list(self.request.user).prefetch_related("criteria")


class CampaignDetailView(ETagMixin, generics.RetrieveAPIView):
    """One campaign with its criteria."""

    api_scopes = READ_MODELS
    serializer_class = CampaignSerializer

    def get_object(self):
        return permissions.get_campaign_for_user(self.request.user, self.kwargs["campaign_id"])


class PracticeSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name")
    unit = serializers.CharField(source="unit.name", default=None)
    field_label = serializers.CharField(source="get_field_display")
    level_label = serializers.CharField(source="get_level_display")
    status_label = serializers.CharField(source="get_status_display")
    recognition_number = serializers.CharField(source="recognition.number", default=None)
    recognition_date = serializers.DateField(source="recognition.signed_on", default=None)

    class Meta:
        model = GoodPractice
        fields = [
            "id",
            "campaign",
            "name",
            "agency",
            "unit",
            "address",
            "field",
            "field_label",
            "level",
            "level_label",
            "starts_on",
            "ends_on",
            "responsible",
            "status",
            "status_label",
            "is_late",
            "origin",
            "average_score",
            "recognition_number",
            "recognition_date",
            "results",
        ]


class PracticeListView(ETagMixin, generics.ListAPIView):
    """The models the caller may read, newest campaign first."""

    api_scopes = READ_MODELS
    serializer_class = PracticeSerializer

    def get_queryset(self):
        return (
            within_reach(self.request, permissions.visible_practices(self.request.user))
            .select_related("agency", "unit", "recognition")
            .order_by("-campaign__year", "name", "pk")
        )


class PracticeDetailView(ETagMixin, generics.RetrieveAPIView):
    api_scopes = READ_MODELS
    serializer_class = PracticeSerializer

    def get_object(self):
        practice = permissions.get_practice_for_user(self.request.user, self.kwargs["practice_id"])
        check_reach(self.request, practice.agency_id)
        return practice

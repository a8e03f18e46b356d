"""Read-only API of petitions and their cases, within the person's scope.

No serializer here reads the denouncer's vault: a denunciation has no
citizen, and its sender is shown as confidential, for every caller,
grants included (the identity is read, and logged, on its page only).
"""

from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from danvan.core.audit import record_list_read, record_read
from danvan.petitions import selectors
from danvan.petitions.models import Case, Deadline, Petition
from danvan.petitions.permissions import get_petition_for_user

CONFIDENTIAL = _("Thông tin người tố cáo được giữ bí mật")


class DeadlineSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="rule.name")
    legal_source = serializers.CharField(source="rule.legal_source")
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = Deadline
        fields = [
            "code",
            "name",
            "legal_source",
            "start_date",
            "due_date",
            "explanation",
            "met_on",
            "overdue",
        ]

    def get_overdue(self, deadline: Deadline) -> bool:
        return deadline.is_overdue(timezone.localdate())


class CaseSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display")
    handler = serializers.StringRelatedField()

    class Meta:
        model = Case
        fields = [
            "kind",
            "stage",
            "status",
            "status_label",
            "complexity",
            "remote_area",
            "accepted_on",
            "decided_on",
            "result",
            "closed_on",
            "handler",
        ]


class PetitionSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name")
    kind = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display")
    status_label = serializers.CharField(source="get_status_display")
    sender = serializers.SerializerMethodField()
    next_due = serializers.DateField(read_only=True, allow_null=True)
    case_status = serializers.CharField(source="case.status", read_only=True, allow_null=True)

    class Meta:
        model = Petition
        fields = [
            "id",
            "code",
            "agency",
            "received_on",
            "source",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "subject",
            "sender",
            "signer_count",
            "skips_level",
            "next_due",
            "case_status",
        ]

    def get_sender(self, petition: Petition) -> str:
        if petition.is_denunciation:
            return str(CONFIDENTIAL)
        return petition.citizen.full_name if petition.citizen else ""


class PetitionDetailSerializer(PetitionSerializer):
    case = CaseSerializer(read_only=True, allow_null=True)
    deadlines = DeadlineSerializer(many=True)

    class Meta(PetitionSerializer.Meta):
        fields = [
            *PetitionSerializer.Meta.fields,
            "content",
            "notified_on",
            "public_answer",
            "case",
            "deadlines",
        ]


# Petitions carry citizens' personal data: no browser or proxy keeps the answers.
@method_decorator(never_cache, name="dispatch")
class PetitionListView(generics.ListAPIView):
    """Petitions the signed-in official may read, newest first; filter by
    ``kind``, ``status`` or ``q`` (code or words of the subject and content)."""

    serializer_class = PetitionSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("kind", str, enum=Petition.Kind.values),
            OpenApiParameter("status", str, enum=Petition.Status.values),
            OpenApiParameter("q", str),
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = self.request.query_params
        return selectors.petitions_for_list(
            self.request.user,
            query=params.get("q", ""),
            status=params.get("status", ""),
            kind=params.get("kind", ""),
        )

    def paginate_queryset(self, queryset):
        # Each petition of the page whose sender the answer names is a read of it.
        page = super().paginate_queryset(queryset)
        shown = [petition for petition in page or [] if petition.shows_sender()]
        record_list_read(self.request, shown, "api.petition_list")
        return page


@method_decorator(never_cache, name="dispatch")
class PetitionDetailView(generics.RetrieveAPIView):
    """One petition with its case and every deadline with how it was counted."""

    serializer_class = PetitionDetailSerializer

    def get_object(self):
        petition = get_petition_for_user(self.request.user, self.kwargs["petition_id"])
        if petition.citizen_id:
            record_read(self.request, petition, "api.petition_detail")
        return selectors.petition_with_case(petition)

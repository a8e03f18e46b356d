"""Read-only API of emulation movements and commendation proposals, scoped like their
pages: an agency's people read its movements, Sở Nội vụ the province's; the proposals
are read by the agency's leader, office and inspector, the council and Sở Nội vụ."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import generics, serializers

from danvan.emulation import permissions, selectors_commendation
from danvan.emulation.models import Candidate, Movement, Proposal


class MovementSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name")
    launched_by = serializers.CharField(source="launched_by.__str__", default=None)

    class Meta:
        model = Movement
        fields = [
            "id",
            "name",
            "agency",
            "launched_by",
            "starts_on",
            "ends_on",
            "registration_deadline",
            "aims",
        ]


class CandidateSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="subject_name")
    title = serializers.CharField(source="title.name")

    class Meta:
        model = Candidate
        fields = ["id", "name", "title", "votes_for", "written_votes_for", "granted"]


class ProposalSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name")
    status_label = serializers.CharField(source="get_status_display")
    candidates = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = [
            "id",
            "agency",
            "year",
            "status",
            "status_label",
            "decision_number",
            "decision_date",
            "candidates",
        ]

    @extend_schema_field(CandidateSerializer(many=True))
    def get_candidates(self, proposal):
        """Staff read only their own line, as on the page."""
        person = self.context["request"].user
        rows = list(proposal.candidates.all())
        if not permissions.sees_whole_proposal(person, proposal):
            rows = [row for row in rows if row.person_id == person.pk]
        return CandidateSerializer(rows, many=True).data


class MovementListView(generics.ListAPIView):
    """The emulation movements the caller may read."""

    serializer_class = MovementSerializer

    def get_queryset(self):
        return selectors_commendation.movements_for(self.request.user)


class ProposalListView(generics.ListAPIView):
    """The commendation proposals the caller may read, with their candidates."""

    serializer_class = ProposalSerializer

    def get_queryset(self):
        return selectors_commendation.proposals_for(self.request.user).prefetch_related(
            "candidates__title", "candidates__person", "candidates__unit"
        )

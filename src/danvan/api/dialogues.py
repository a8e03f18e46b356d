"""Dialogues of agencies with citizens and businesses: when, where, on what,
and what was answered and promised. Who raised each issue is not given out
(a citizen's name is personal data): the question and its answer are."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from danvan.api.access import check_reach, within_reach
from danvan.api.common import (
    AGENCY,
    UPDATED_SINCE,
    YEAR,
    ETagMixin,
    changed_since,
    choice_param,
    number_param,
    since_param,
    status_parameter,
)
from danvan.engagement import permissions
from danvan.engagement.models import Commitment, Dialogue, DialogueIssue

READ_DIALOGUES = {"read": "dialogues:read"}


class IssueSerializer(serializers.ModelSerializer):
    class Meta:
        model = DialogueIssue
        fields = ["order", "question", "answer"]


class CommitmentSerializer(serializers.ModelSerializer):
    task = serializers.IntegerField(source="task_id", allow_null=True)

    class Meta:
        model = Commitment
        fields = ["id", "text", "task"]


class DialogueSerializer(serializers.ModelSerializer):
    agency = serializers.IntegerField(source="agency_id")
    agency_name = serializers.CharField(source="agency.name")
    kind_label = serializers.CharField(source="get_kind_display")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Dialogue
        fields = [
            "id",
            "agency",
            "agency_name",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "held_on",
            "place",
            "subject",
            "minutes_on",
        ]


class DialogueDetailSerializer(DialogueSerializer):
    issues = IssueSerializer(many=True)
    commitments = CommitmentSerializer(many=True)

    class Meta(DialogueSerializer.Meta):
        fields = [*DialogueSerializer.Meta.fields, "result", "issues", "commitments"]


class DialogueListView(ETagMixin, generics.ListAPIView):
    """Dialogues of the agencies the caller may read, latest first."""

    api_scopes = READ_DIALOGUES
    serializer_class = DialogueSerializer

    @extend_schema(parameters=[AGENCY, YEAR, status_parameter(Dialogue.Status), UPDATED_SINCE])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        request = self.request
        dialogues = within_reach(request, permissions.visible_dialogues(request.user)).select_related(
            "agency"
        )
        agency = number_param(request, "co_quan")
        if agency is not None:
            dialogues = dialogues.filter(agency_id=agency)
        year = number_param(request, "nam", high=9999)
        if year is not None:
            dialogues = dialogues.filter(held_on__year=year)
        state = choice_param(request, "trang_thai", Dialogue.Status)
        if state:
            dialogues = dialogues.filter(status=state)
        return changed_since(dialogues, since_param(request)).order_by("-held_on", "-pk")


class DialogueDetailView(ETagMixin, generics.RetrieveAPIView):
    api_scopes = READ_DIALOGUES
    serializer_class = DialogueDetailSerializer

    def get_object(self):
        dialogue = permissions.get_dialogue_for_user(self.request.user, self.kwargs["dialogue_id"])
        check_reach(self.request, dialogue.agency_id)
        return dialogue

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.api.access import ANY_TOKEN
from danvan.api.serializers import MeSerializer
from danvan.core import selectors
from danvan.documents.parsing import ParseError, parse_bytes


class MeView(APIView):
    """The signed-in official, with their agency, unit and roles (for a
    token: the person it acts as)."""

    api_scopes = {"read": ANY_TOKEN}

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        person = request.user
        person.current_roles = selectors.roles_of(person)
        return Response(MeSerializer(person).data)


class DocumentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="Tệp kế hoạch .txt, .docx hoặc .pdf, tối đa 20 MB.")


class DocumentParseView(APIView):
    """Read a plan document and answer its extraction in the danvan.plan/1 format."""

    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={
            200: OpenApiResponse(description="JSON danvan.plan/1"),
            400: OpenApiResponse(description="Lỗi"),
        },
    )
    def post(self, request):
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > settings.DANVAN_MAX_UPLOAD_BYTES + 64 * 1024:
            return Response(
                {"detail": _("Tệp quá lớn: tối đa 20 MB."), "ma": "tep_qua_lon"},
                status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            )
        upload = DocumentUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        document = upload.validated_data["file"]
        try:
            return Response(parse_bytes(document.read(), document.name))
        except ParseError as error:
            return Response(
                {"detail": error.message, "ma": "tep_khong_doc_duoc"}, status=status.HTTP_400_BAD_REQUEST
            )

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from danvan.api.serializers import MeSerializer
from danvan.core import selectors


class MeView(APIView):
    """The signed-in official, with their agency, unit and roles."""

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        person = request.user
        person.current_roles = selectors.roles_of(person)
        return Response(MeSerializer(person).data)

from rest_framework import serializers

from danvan.core.models import RoleAssignment, User


class RoleAssignmentSerializer(serializers.ModelSerializer):
    role_label = serializers.CharField(source="get_role_display")
    scope = serializers.CharField(source="scope_label")

    class Meta:
        model = RoleAssignment
        fields = ["role", "role_label", "scope", "province", "agency", "unit"]


class MeSerializer(serializers.ModelSerializer):
    roles = RoleAssignmentSerializer(many=True, source="current_roles")
    agency = serializers.CharField(read_only=True, allow_null=True)
    unit = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = User
        fields = ["username", "full_name", "position", "email", "agency", "unit", "roles"]

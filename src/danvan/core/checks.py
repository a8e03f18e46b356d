"""Startup checks of Danvan's own settings."""

from django.conf import settings
from django.core.checks import Error, register

from danvan.core.models import Role


@register()
def second_factor_roles(app_configs, **kwargs):
    unknown = [code for code in settings.DANVAN_OTP_REQUIRED_ROLES if code not in Role.values]
    if not unknown:
        return []
    return [
        Error(
            f"DANVAN_OTP_REQUIRED_ROLES names unknown roles: {', '.join(unknown)}.",
            hint=f"Use role codes among: {', '.join(Role.values)}.",
            id="danvan.E001",
        )
    ]

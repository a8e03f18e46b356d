"""Register Danvan as a confidential client and add the provider's people."""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from oauth2_provider.models import Application


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--client-secret", required=True)
        parser.add_argument("--redirect-uri", action="append", required=True)
        parser.add_argument("--logout-uri", action="append", default=[])
        parser.add_argument("--people", required=True, help="JSON list of [username, password, name, email]")

    def handle(self, *args, **options):
        Application.objects.create(
            name="Danvan",
            client_id=options["client_id"],
            client_secret=options["client_secret"],
            client_type=Application.CLIENT_CONFIDENTIAL,
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris=" ".join(options["redirect_uri"]),
            post_logout_redirect_uris=" ".join(options["logout_uri"]),
            algorithm=Application.RS256_ALGORITHM,
            skip_authorization=False,
        )
        people = get_user_model()
        for username, password, name, email in json.loads(options["people"]):
            people.objects.create_user(username, email=email, password=password, first_name=name)

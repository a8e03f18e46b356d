"""How a device and an invited petition are told apart without storing who they are.

A browser that opens a survey gets a random token in a signed cookie; its
response is stored under an HMAC of that token keyed by the site's secret and
the survey, so two answers from one browser collide and nothing stored says
which browser it was. A petition's sender gets, on the public lookup, a link
whose signed token names the survey and the petition; the response is stored
under an HMAC of both, so the petition answers once and the results cannot
be traced back to it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core import signing

DEVICE_COOKIE = "danvan_khao_sat"
DEVICE_COOKIE_SALT = "danvan.surveys.device"
DEVICE_COOKIE_AGE = 2 * 365 * 24 * 3600
INVITE_SALT = "danvan.surveys.petition-invite"
INVITE_AGE = 365 * 24 * 3600  # an invitation is good for a year


def new_device_token() -> str:
    return secrets.token_urlsafe(24)


def _digest(message: str) -> str:
    key = f"danvan.surveys:{settings.SECRET_KEY}".encode()
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def device_key(survey_id: int, token: str) -> str:
    return _digest(f"device:{survey_id}:{token}")


def petition_key(survey_id: int, petition_id: int) -> str:
    return _digest(f"petition:{survey_id}:{petition_id}")


def invite_token(survey_id: int, petition_id: int) -> str:
    return signing.dumps([survey_id, petition_id], salt=INVITE_SALT)


def invited_petition(survey_id: int, token: str) -> int | None:
    """The petition an invitation to this survey was made for, or None when
    the token is forged, expired or made for another survey."""
    try:
        found = signing.loads(token, salt=INVITE_SALT, max_age=INVITE_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(found, list) or len(found) != 2 or found[0] != survey_id:
        return None
    return found[1] if isinstance(found[1], int) else None

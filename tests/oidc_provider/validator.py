"""The province's identity: the subject is the person's personal identification
number (the provider's username), never the database row."""

from oauth2_provider.oauth2_validators import OAuth2Validator


class ProvinceValidator(OAuth2Validator):
    def get_claim_dict(self, request):
        return {"sub": request.user.username, **self.get_additional_claims(request)}

    def get_additional_claims(self, request):
        person = request.user
        return {
            "name": person.get_full_name(),
            "preferred_username": person.username,
            "email": person.email,
        }

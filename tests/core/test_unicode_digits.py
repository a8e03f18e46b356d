"""Numbers typed in an address or a form are read as int() reads them:
"²" and other characters that str.isdigit() calls digits but int() refuses
are refused with the page's own answer, never a server error."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("value", ["²", "¹²", "①"])
def test_a_superscript_number_in_a_search_or_a_year_is_no_server_error(client, inspector, agency_head, value):
    client.force_login(inspector)
    assert client.get(reverse("petitions:index"), {"q": value}).status_code == 200
    assert client.get(reverse("core:search"), {"q": value}).status_code == 200
    assert client.get(reverse("petitions:reception_list"), {"q": value}).status_code == 200
    assert client.get(reverse("petitions_public:submit"), {"co-quan": value}).status_code in (200, 302)
    client.force_login(agency_head)
    assert client.get(reverse("evaluation:assessment_list"), {"nam": value}).status_code in (200, 302, 403)

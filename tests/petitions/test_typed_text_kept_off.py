"""The browser keeps what staff type until it is saved (static/danvan/keep-typed.js),
except on the forms that hold a citizen's identity: a reception desk's computer
is shared, and a denouncer's name must not stay in its browser storage."""

from django.urls import reverse


def test_forms_with_a_citizens_identity_are_not_kept_in_the_browser(client, agency_head, reception):
    client.force_login(agency_head)
    for url in (reverse("petitions:petition_create"), reverse("petitions:reception_create")):
        page = client.get(url).content.decode()
        assert 'method="post"' in page, url
        assert 'data-keep-typed="off"' in page, url


def test_other_forms_are_kept(client, agency_head):
    client.force_login(agency_head)
    page = client.get(reverse("core:notifications")).content.decode()
    assert "keep-typed.js" in page
    assert 'data-keep-typed="off"' not in page

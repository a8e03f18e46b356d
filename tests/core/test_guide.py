"""The user guide: every page renders, every image it shows exists and is
served, the Markdown is rendered safely, and every page links to it."""

import re

import pytest
from django.urls import reverse

from danvan.core import guide

SLUGS = [page.slug for page in guide.PAGES]


def test_every_guide_file_is_a_listed_page():
    files = {path.stem for path in guide.GUIDE_DIR.glob("*.md")}
    assert files == {guide.INDEX, *SLUGS}


@pytest.mark.parametrize("slug", [guide.INDEX, *SLUGS])
def test_every_guide_page_renders_with_its_title_and_every_image_exists(client, db, slug):
    url = reverse("core:guide_index") if slug == guide.INDEX else reverse("core:guide_page", args=[slug])
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    title = guide.page_source(slug).read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
    assert f'<h1 class="h3">{title}</h1>' in page
    images = re.findall(r'<img[^>]* src="([^"]*)"', page)
    if slug != guide.INDEX:
        assert images, "each role's guide shows its screens"
    for src in images:
        image = client.get(src)
        assert image.status_code == 200, src
        assert image["Content-Type"] == "image/png"
        assert b"".join(image.streaming_content)[:8] == b"\x89PNG\r\n\x1a\n"
    for href in re.findall(r'href="(/huong-dan/[^"#]*)', page):
        assert client.get(href).status_code == 200, href


def test_the_guide_index_links_every_roles_page(client, db):
    page = client.get(reverse("core:guide_index")).content.decode()
    for slug in SLUGS:
        assert f'href="{reverse("core:guide_page", args=[slug])}"' in page


def test_an_unknown_page_or_image_is_not_found(client, db):
    assert client.get(reverse("core:guide_page", args=["khong-co"])).status_code == 404
    assert client.get(reverse("core:guide_image", args=["khong-co.png"])).status_code == 404
    assert client.get("/huong-dan/anh/..%2F..%2Fpyproject.toml").status_code == 404
    assert client.get(reverse("core:guide_image", args=["lanh-dao.md"])).status_code == 404


def test_markdown_is_rendered_without_raw_html_or_script_links():
    html = str(
        guide.render_markdown(
            '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n'
            "[a](javascript:alert(1)) [b](java&#115;cript:alert(1)) [c](//evil.example/x) "
            "[d](lanh-dao.md#giao-viec) [e](https://thuvienphapluat.vn/) ![f](img/lanh-dao-trang-chinh.png)"
        )
    )
    assert "<script" not in html and "<img src=x" not in html and "&lt;script&gt;" in html
    assert "javascript" not in html.replace("&lt;", "")
    assert 'href="//evil' not in html
    assert 'href="/huong-dan/lanh-dao/#giao-viec"' in html
    assert 'href="https://thuvienphapluat.vn/"' in html
    assert 'src="/huong-dan/anh/lanh-dao-trang-chinh.png"' in html


def test_the_guide_is_linked_from_every_page(client, unit_officer):
    url = reverse("core:guide_index")
    assert f'href="{url}"' in client.get(reverse("login")).content.decode()
    client.force_login(unit_officer)
    page = client.get(reverse("core:home")).content.decode()
    assert page.count(f'href="{url}"') >= 2  # the header's help link and the footer's

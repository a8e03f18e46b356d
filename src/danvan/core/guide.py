"""The user guide (docs/huong-dan/): one Markdown page per role, rendered
safely for the help pages.

The Markdown is the repository's own, but it is still rendered as if it were
not: raw HTML is shown as text, links keep only relative, http(s) and mailto
targets, and a guide page's links to its images and to the other pages
become the help views' URLs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import markdown
from django.http import Http404
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

GUIDE_DIR = Path(__file__).resolve().parents[3] / "docs" / "huong-dan"
IMAGE_DIR = GUIDE_DIR / "img"
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.png$")
# Link targets kept as written: the web and mail, or a plain relative path.
WEB_TARGET = re.compile(r"^(https?://|mailto:)[^\s\"'<>&]+$")
RELATIVE_TARGET = re.compile(r"^(?!//)[\w./-]*(#[\w-]*)?$")


@dataclass(frozen=True)
class GuidePage:
    slug: str
    title: str
    summary: str


PAGES = [
    GuidePage(
        "lanh-dao",
        gettext_lazy("Lãnh đạo cơ quan"),
        gettext_lazy("Phê duyệt kế hoạch, báo cáo; theo dõi cơ quan"),
    ),
    GuidePage(
        "van-phong",
        gettext_lazy("Văn phòng cơ quan"),
        gettext_lazy("Soạn kế hoạch, yêu cầu và tổng hợp báo cáo"),
    ),
    GuidePage(
        "truong-don-vi",
        gettext_lazy("Trưởng đơn vị"),
        gettext_lazy("Giao nhiệm vụ, xác nhận tiến độ, báo cáo đơn vị"),
    ),
    GuidePage(
        "chuyen-vien", gettext_lazy("Chuyên viên"), gettext_lazy("Thực hiện nhiệm vụ, cập nhật tiến độ")
    ),
    GuidePage(
        "thanh-tra",
        gettext_lazy("Thanh tra, tiếp công dân"),
        gettext_lazy("Tiếp công dân, xử lý đơn thư đúng hạn"),
    ),
    GuidePage(
        "so-noi-vu",
        gettext_lazy("Sở Nội vụ, cấp tỉnh"),
        gettext_lazy("Yêu cầu và theo dõi báo cáo các cơ quan"),
    ),
    GuidePage(
        "quan-tri",
        gettext_lazy("Quản trị hệ thống"),
        gettext_lazy("Tài khoản, vai trò, tổ chức, lịch làm việc"),
    ),
]
INDEX = "index"


class _HelpLinks(markdown.treeprocessors.Treeprocessor):
    """Point images at the image view and pages at the page view; drop any
    other target that is not plainly safe."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "img":
                element.set("src", _image_url(element.get("src", "")))
                element.set("loading", "lazy")
            elif element.tag == "a":
                element.set("href", _link_url(element.get("href", "")))


def _image_url(src: str) -> str:
    name = src.removeprefix("img/")
    return reverse("core:guide_image", args=[name]) if IMAGE_NAME.match(name) else ""


def _link_url(href: str) -> str:
    target = href.strip()
    if WEB_TARGET.match(target):
        return target
    if not RELATIVE_TARGET.match(target):
        return "#"
    if target.startswith("img/"):
        return _image_url(target)
    page, _hash, fragment = target.partition("#")
    if page.endswith(".md"):
        slug = page.removesuffix(".md")
        url = reverse("core:guide_index") if slug == INDEX else reverse("core:guide_page", args=[slug])
        return f"{url}#{fragment}" if fragment else url
    return target


class _SafeHelp(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        # Raw HTML in the source is shown as text, never passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_HelpLinks(md), "help_links", 0)


def render_markdown(text: str) -> SafeString:
    html = markdown.markdown(text, extensions=["tables", "sane_lists", "toc", _SafeHelp()])
    return mark_safe(html)  # noqa: S308 - raw HTML is escaped by _SafeHelp


def page_source(slug: str) -> Path:
    if slug != INDEX and slug not in {page.slug for page in PAGES}:
        raise Http404(_("Không có trang hướng dẫn này."))
    return GUIDE_DIR / f"{slug}.md"


def guide_page(slug: str) -> dict:
    """The page's title (its first heading) and its body as safe HTML."""
    text = page_source(slug).read_text(encoding="utf-8")
    first, _newline, rest = text.partition("\n")
    title = first.lstrip("# ").strip() if first.startswith("# ") else ""
    return {"slug": slug, "title": title, "body": render_markdown(rest if title else text), "pages": PAGES}


def image_path(name: str) -> Path:
    path = IMAGE_DIR / name
    if not IMAGE_NAME.match(name) or not path.is_file():
        raise Http404(_("Không có hình này."))
    return path

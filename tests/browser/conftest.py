"""Browser journeys in Debian's Chromium (Playwright cannot download its own here)."""

import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required under CI=true but /usr/bin/chromium is missing")
        pytest.skip("SKIPPED: /usr/bin/chromium is not installed (run `make system-deps` as root)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-gpu",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "viewport": {"width": 1366, "height": 900}}


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def sign_in(live_server, page):
    def go(username, password):
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()

    return go


# axe-core, vendored (tests/browser/vendor/axe.min.js, MPL-2.0, its header kept):
# never fetched at run time.
AXE_SOURCE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# The impacts that fail a page; "label-content-name-mismatch" (a control's
# name must contain its visible text, WCAG 2.5.3) is off in axe by default.
AXE_FAILING = ("serious", "critical")
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"label-content-name-mismatch": {"enabled": True}}}


def axe_violations(page) -> list[dict]:
    """The serious and critical axe-core violations of the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate("options => window.axe.run(document, options)", AXE_OPTIONS)
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
            "summary": violation["nodes"][0].get("failureSummary", "") if violation["nodes"] else "",
        }
        for violation in result["violations"]
        if violation["impact"] in AXE_FAILING
    ]


@pytest.fixture
def axe(page):
    """``axe("trang chính")``: fail on any serious or critical violation of the open page."""

    def check(name: str) -> None:
        found = axe_violations(page)
        assert not found, f"axe-core: {name} ({page.url}): {found}"

    return check


# Screenshots for the user guide (docs/huong-dan/): written there when
# DANVAN_GUIDE_SCREENSHOTS=1, otherwise into test-artifacts/.
GUIDE_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "huong-dan" / "img"
GUIDE_VIEWPORT = {"width": 1200, "height": 760}


def _shrink(path: Path) -> None:
    """Keep a screenshot small: 64 colours, optimised PNG."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(
            colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    small.save(path, optimize=True)


@pytest.fixture
def guide_shot(page):
    """``guide_shot("lanh-dao-trang-chinh")``: the visible part of the page
    as the user guide shows it."""

    def shoot(name: str) -> Path:
        folder = GUIDE_IMAGES if os.environ.get("DANVAN_GUIDE_SCREENSHOTS") == "1" else ARTIFACTS
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        page.set_viewport_size(GUIDE_VIEWPORT)
        page.screenshot(path=path)
        _shrink(path)
        return path

    return shoot

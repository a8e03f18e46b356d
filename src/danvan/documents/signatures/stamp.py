"""The visible signature of Nghị định 30/2020/NĐ-CP, Phụ lục I, and where it
goes on the document.

The seal of the agency (a PNG with a transparent background, optional) is
laid over the three lines of the signature: "Người ký:", "Cơ quan:" and
"Thời gian ký:" (dd/mm/yyyy HH:MM:SS, Vietnam's time). The lines are set in
Times New Roman (or Tinos, with the same metrics) in blue, drawn into an
image at print resolution so that every Vietnamese letter shows whatever
fonts the reader has.

The stamp is placed in the signature area: the space above the signer's
name, below the signer's title, where a hand signature would go, on the
last page that prints the name (a decision's annex comes after it); a
document whose signer's name cannot be found gets it at the bottom right of
the last page.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache

import pdfplumber
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

# Points of the stamp on the page (1 pt = 1/72 inch) and the image's scale.
WIDTH, HEIGHT = 210, 78
MIN_HEIGHT = 40
SCALE = 4
FONT_SIZE = 10
MIN_FONT_SIZE = 7
INK = (0, 0, 190, 255)
FONTS = ("Times New Roman", "Tinos", "Liberation Serif", "DejaVu Serif")
MARGIN = 56  # 2 cm, the right and bottom margins of NĐ 30/2020.


@dataclass(frozen=True)
class Placement:
    """Where the stamp goes: a page (0-based) and a box in PDF points (x1, y1, x2, y2)."""

    page: int
    box: tuple[int, int, int, int]

    @property
    def size(self) -> tuple[int, int]:
        return (self.box[2] - self.box[0], self.box[3] - self.box[1])


def signature_lines(*, signer: str, agency: str, when: datetime) -> list[str]:
    local = timezone.localtime(when)
    return [
        f"Người ký: {signer}",
        f"Cơ quan: {agency}",
        f"Thời gian ký: {local.strftime('%d/%m/%Y %H:%M:%S')}",
    ]


@cache
def font_file() -> str | None:
    """A serif font with every Vietnamese letter, as fontconfig finds it."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    for family in FONTS:
        found = subprocess.run(
            [fc_match, "-f", "%{family}\n%{file}", family], capture_output=True, text=True, timeout=30
        ).stdout.splitlines()
        if len(found) == 2 and family.lower() in found[0].lower():
            return found[1]
    return None


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = font_file()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, line: str, font, width: int) -> list[str]:
    words, rows, current = line.split(" "), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            rows.append(current)
            current = "  " + word
        else:
            current = candidate
    return [*rows, current]


def stamp_image(
    *, lines: list[str], seal: bytes | None = None, size: tuple[int, int] = (WIDTH, HEIGHT)
) -> Image.Image:
    """The stamp as an RGBA image of ``size`` points at SCALE pixels per point:
    the lines at 10 pt, or smaller when the signature area is short."""
    width, height = size[0] * SCALE, size[1] * SCALE
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    left = 3 * SCALE
    for points in range(FONT_SIZE, MIN_FONT_SIZE - 1, -1):
        font = _font(points * SCALE)
        rows = [row for line in lines for row in _wrap(draw, line, font, width - 2 * left)]
        step = round(points * 1.25 * SCALE)
        if step * len(rows) <= height:
            break
    top = max(0, (height - step * len(rows)) // 2)
    for index, row in enumerate(rows):
        draw.text((left, top + index * step), row, font=font, fill=INK)
    if seal:
        mark = Image.open(io.BytesIO(seal)).convert("RGBA")
        mark.thumbnail((height, height))
        image.alpha_composite(mark, (0, (height - mark.height) // 2))
    return image


def place_signature(data: bytes, *, signer_name: str = "") -> Placement:
    """The signature area above the signer's name (its last occurrence on the
    last page that prints it: a decision's annex follows its signature),
    below the line over it (the signer's title), else the bottom right
    corner of the last page."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        last = len(pdf.pages) - 1
        for index in range(last, -1, -1) if signer_name.strip() else ():
            page = pdf.pages[index]
            words = page.extract_words()
            name_line = _name_line(words, signer_name)
            if name_line is not None:
                return _above(name_line, words, float(page.width), float(page.height), index)
        return Placement(last, _bottom_right(float(pdf.pages[last].width)))


def _above(
    name_line: tuple[float, float, float], words: list[dict], width: float, height: float, index: int
) -> Placement:
    x0, top, x1 = name_line
    above = [float(word["bottom"]) for word in words if float(word["bottom"]) < top - 1]
    gap = top - max(above, default=top - HEIGHT - 4) - 4
    tall = min(HEIGHT, max(gap, MIN_HEIGHT))
    left = min(max((x0 + x1) / 2 - WIDTH / 2, MARGIN / 2), width - WIDTH - MARGIN / 2)
    bottom = height - top + 2
    return Placement(index, (round(left), round(bottom), round(left + WIDTH), round(bottom + tall)))


def _name_line(words: list[dict], signer_name: str) -> tuple[float, float, float] | None:
    """(x0, top, x1) of the signer's name where it last stands on the page as
    words of one line."""
    wanted = _words(signer_name)
    lines: dict[int, list[dict]] = {}
    for word in words:
        lines.setdefault(round(float(word["top"])), []).append(word)
    found = None
    for top in sorted(lines):
        words = sorted(lines[top], key=lambda word: float(word["x0"]))
        texts = [_words(word["text"])[0] if word["text"].strip() else "" for word in words]
        for start in range(len(words) - len(wanted) + 1):
            if texts[start : start + len(wanted)] == wanted:
                found = (float(words[start]["x0"]), float(top), float(words[start + len(wanted) - 1]["x1"]))
    return found


def _words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).casefold().split()


def _bottom_right(width: float) -> tuple[int, int, int, int]:
    right = width - MARGIN
    return (round(right - WIDTH), MARGIN, round(right), MARGIN + HEIGHT)

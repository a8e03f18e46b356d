"""The closing of a document: recipients ("Nơi nhận") and signature, in either order or interleaved."""

from __future__ import annotations

import re

from .lines import LOWER, UPPER, collapse, is_upper_line
from .segment import AUTHORITY, NOI_NHAN

# A recipient entry longer than this takes no more continuation lines (it is not one any more).
_MAX_ENTRY_CHARS = 200
# A recipient entry's marker.
_ENTRY = re.compile(r"^[-–+•*]\s*")
# Notes under a signature that are not part of it: "(Đã ký)", "(Ký, ghi rõ họ tên)", "[daky]".
_SIGN_NOTE = re.compile(r"^[(\[].*[)\]]$|^Đã\s+ký\.?$|^\*+$", re.I)
# A person's name: two to six capitalised words ("Trần Công Hòa").
_NAME = re.compile(rf"^{UPPER}{LOWER}*(?:\s+{UPPER}{LOWER}*){{1,5}}$")
# A title-case name left at the end of a line: "Lưu: VT. Trần Công Hòa".
_NAME_TAIL = re.compile(rf"(?<=[.;])\s+(?P<n>{UPPER}{LOWER}+(?:\s+{UPPER}{LOWER}+){{1,5}})$")
# The text after an entry's final ";", "." or ",": "- Sở Nội vụ; PHÓ GIÁM ĐỐC" -> "PHÓ GIÁM ĐỐC".
_AFTER_ENTRY = re.compile(r"(?<=[.;,])\s+(?P<t>[^.;,]+)$")
# A line in capitals ending with a person's name.
_CAPITALS_THEN_NAME = re.compile(
    rf"^(?P<caps>.*{UPPER}{{2,}})\s+(?P<name>{UPPER}{LOWER}+(?:\s+{UPPER}{LOWER}+){{1,4}})$"
)
# Entries run together on one line: "- Sở Nội vụ; - Lưu: VT."
_ENTRY_SPLIT = re.compile(r"(?<=;)\s+(?=[-–+•]\s*\S)")
# Words of a signing title.
_TITLE_WORDS = re.compile(
    r"GIÁM\s+ĐỐC|CHỦ\s+TỊCH|TRƯỞNG|PHÓ|BÍ\s+THƯ|CHÁNH|ỦY\s+VIÊN|UỶ\s+VIÊN|THỦ\s+TRƯỞNG|TỔNG|HIỆU"
    r"|THƯ\s+KÝ|ĐẠI\s+DIỆN|CỤC|VIỆN"
)
# An authority line that also carries the title: "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC".
_AUTHORITY_AND_TITLE = re.compile(r"^(?P<a>.+?)\s+(?P<t>PHÓ\s+.+)$")


def _split_tails(line: str) -> list[str]:
    """A recipient line with signature text run onto its end, cut in two."""
    if not _ENTRY.match(line):
        return [line]
    match = _NAME_TAIL.search(line)
    if match:
        return [line[: match.start()].strip(), match.group("n")]
    match = _AFTER_ENTRY.search(line)
    if match and _is_signature_text(match.group("t")):
        return [line[: match.start()].strip(), match.group("t").strip()]
    return [line]


def _is_signature_text(text: str) -> bool:
    """A signing title or authority in capitals ("PHÓ GIÁM ĐỐC"), not an agency ("UBMTTQ")."""
    text = text.strip()
    words = len(text.split())
    return (
        is_upper_line(text) and 2 <= words <= 8 and bool(AUTHORITY.match(text) or _TITLE_WORDS.search(text))
    )


def _looks_like_entry(line: str) -> bool:
    """A recipient written without a dash: "Như trên;", "Lưu: VT."."""
    return line.rstrip().endswith(";") or bool(re.match(r"^(?:Lưu|Như\s+trên)\b", line))


def _clean_entry(line: str) -> str:
    return collapse(_ENTRY.sub("", line)).rstrip(" ;,")


def split_closing(lines: list[str]) -> tuple[list[str], list[str]]:
    """Recipient entries and the remaining (signature) lines."""
    recipients: list[str] = []
    signature: list[str] = []
    in_recipients = False
    expanded = [part for line in lines for entry in _ENTRY_SPLIT.split(line) for part in _split_tails(entry)]
    for line in expanded:
        head = NOI_NHAN.match(line)
        if head:
            in_recipients = True
            rest = line[head.end() :].strip()
            if rest and (_ENTRY.match(rest) or not is_upper_line(rest)):
                recipients.append(_clean_entry(rest))
            elif rest:
                signature.append(rest)
            continue
        if in_recipients and (_ENTRY.match(line) or _looks_like_entry(line)):
            recipients.append(_clean_entry(line))
        elif in_recipients and recipients and line[:1].islower() and len(recipients[-1]) < _MAX_ENTRY_CHARS:
            recipients[-1] = collapse(recipients[-1] + " " + _clean_entry(line))
        else:
            signature.append(line)
    return [r for r in recipients if r], signature


def _is_name(line: str) -> bool:
    if _NAME.match(line):
        return True
    words = line.split()
    return is_upper_line(line) and 2 <= len(words) <= 5 and not _TITLE_WORDS.search(line)


def _split_signature_line(line: str) -> list[str]:
    """ "PHÓ GIÁM ĐỐC Trần Văn An" (a web page's one line) -> title and name."""
    match = _CAPITALS_THEN_NAME.match(line)
    if match and is_upper_line(match.group("caps")):
        return [match.group("caps"), match.group("name")]
    return [line]


def extract_signer(lines: list[str]) -> dict:
    lines = [
        part
        for line in lines
        if not _SIGN_NOTE.match(line.strip())
        for part in _split_signature_line(collapse(line))
    ]
    authority = title = name = None
    for line in lines:
        match = AUTHORITY.match(line)
        # "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH": the KT. line is the authority.
        second_kt = authority is not None and match and match.group("prefix") == "KT"
        if title is None and match and is_upper_line(line) and (authority is None or second_kt):
            both = _AUTHORITY_AND_TITLE.match(line) if match.group("prefix") == "KT" else None
            authority, title = (both.group("a"), both.group("t")) if both else (line, None)
        elif title is None and is_upper_line(line) and _TITLE_WORDS.search(line) and len(line.split()) <= 10:
            title = line
        elif (title or authority) and name is None and _is_name(line):
            name = line
    return {"authority": authority, "title": title, "name": name}


def extract_closing(lines: list[str]) -> tuple[list[str], dict]:
    recipients, signature = split_closing(lines)
    return recipients, extract_signer(signature)

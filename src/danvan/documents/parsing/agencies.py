"""Agency names: capitals to sentence case, abbreviations expanded."""

from __future__ import annotations

import re
import unicodedata

# Abbreviations common in the names of provincial agencies.
ABBREVIATIONS = {
    "KH&CN": "Khoa học và Công nghệ",
    "KHCN": "Khoa học và Công nghệ",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "KHĐT": "Kế hoạch và Đầu tư",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo",
    "TN&MT": "Tài nguyên và Môi trường",
    "TNMT": "Tài nguyên và Môi trường",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "VHTT&DL": "Văn hóa, Thể thao và Du lịch",
    "VH,TT&DL": "Văn hóa, Thể thao và Du lịch",
    "TT&TT": "Thông tin và Truyền thông",
    "TTTT": "Thông tin và Truyền thông",
    "GTVT": "Giao thông vận tải",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "MTTQ": "Mặt trận Tổ quốc",
    "BCĐ": "Ban Chỉ đạo",
}
# "Full Name (ABBR)": an abbreviation defined in the text itself.
_DEFINITION = re.compile(r"(?P<full>[A-ZĐÀ-Ỹ][\w ,&-]{3,80}?)\s*\((?P<abbr>[A-ZĐ][A-ZĐ&\-]{1,12})\)")
# Words that start a new part of a name after "và", "," or "-": "Khoa học và Công nghệ".
_PART_BREAK = re.compile(r"^(?:và|,|-|–)$")
# Place words after which the rest of a name is a proper noun: "tỉnh TÂY NINH" -> "tỉnh Tây Ninh".
_PLACE_WORDS = {"tỉnh", "huyện", "xã", "phường", "quận", "trấn", "phố"}
# Agency heads of two words, whose third word starts the proper part: "Văn phòng Tỉnh ủy".
_TWO_WORD_HEADS = {"ủy ban", "uỷ ban", "hội đồng", "văn phòng", "trung tâm", "chi cục", "đảng bộ"}


# Provincial departments, for repairing names whose marks a PDF or OCR lost.
_DEPARTMENT_FIELDS = (
    "Nội vụ",
    "Tư pháp",
    "Tài chính",
    "Y tế",
    "Xây dựng",
    "Công Thương",
    "Ngoại vụ",
    "Giao thông vận tải",
    "Khoa học và Công nghệ",
    "Kế hoạch và Đầu tư",
    "Giáo dục và Đào tạo",
    "Tài nguyên và Môi trường",
    "Lao động - Thương binh và Xã hội",
    "Nông nghiệp và Phát triển nông thôn",
    "Văn hóa, Thể thao và Du lịch",
    "Thông tin và Truyền thông",
    "Văn hóa và Thể thao",
    "Du lịch",
    "Dân tộc và Tôn giáo",
    "Nông nghiệp và Môi trường",
)
KNOWN_AGENCIES = tuple(f"Sở {field}" for field in _DEPARTMENT_FIELDS)


def skeleton(text: str) -> str:
    """Letters without marks, case folded: "Sở Nội vụ" -> "so noi vu"."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(bare.replace("đ", "d").replace("Đ", "D").casefold().split())


_KNOWN_BY_SKELETON = {skeleton(name): name for name in KNOWN_AGENCIES}


def canonical(name: str) -> str:
    """A known agency's spelling when `name` is the same but for marks; else `name`."""
    return _KNOWN_BY_SKELETON.get(skeleton(name), name)


def _is_abbreviation(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and len(word) <= 8 and not word.isalpha()


def sentence_case(name: str) -> str:
    """ "SỞ KHOA HỌC VÀ CÔNG NGHỆ" -> "Sở Khoa học và Công nghệ"; text with lower case is kept."""
    if any(ch.islower() for ch in name):
        return name
    words = [w.lower() for w in name.split()]
    head = 2 if " ".join(words[:2]) in _TWO_WORD_HEADS else 1
    out: list[str] = []
    proper = False
    for i, (word, low) in enumerate(zip(name.split(), words, strict=True)):
        after_break = i > 0 and (_PART_BREAK.match(words[i - 1]) or words[i - 1].endswith(","))
        if word in ABBREVIATIONS or (_is_abbreviation(word) and "&" in word):
            out.append(word)
        elif proper or i == 0 or after_break or (i == head and low not in _PLACE_WORDS and low != "nhân"):
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(low)
        if low in _PLACE_WORDS and not after_break:
            proper = True
    return " ".join(out)


def learn_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the text defines, e.g. "Sở Khoa học và Công nghệ (KH&CN)" -> {"KH&CN": ...}."""
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        full, abbr = match.group("full"), match.group("abbr")
        initials = "".join(w[0] for w in full.split() if w[0].isupper())
        if abbr[0] == full[0] or abbr[0] in initials:
            found[abbr] = full
    return found


def expand(name: str, known: dict[str, str] | None = None) -> str:
    """Replace abbreviations in an agency name by their full form."""
    known = known or {}
    words = name.split()
    out = []
    for i, word in enumerate(words):
        if word in known and not (i == 0 and known[word].startswith(tuple(words[1:2]) or "\0")):
            full = known[word]
            # "Sở KH&CN" with KH&CN learnt as "Sở Khoa học và Công nghệ": drop the repeated "Sở".
            if out and full.split()[0] == out[-1]:
                out.pop()
            out.append(full)
        elif word in ABBREVIATIONS and i > 0 and _is_abbreviation(word):
            out.append(ABBREVIATIONS[word])
        elif word == "UBND" and i == 0:
            out.append(ABBREVIATIONS[word])
        else:
            out.append(word)
    return " ".join(out)

"""Telling Unicode text from text typed in the legacy Vietnamese encodings.

Offices still keep files typed with the fonts of TCVN3 (ABC, ".VnTime"),
VNI ("VNI-Times") or saved as Windows-1258. Read as Unicode they turn into
mojibake ("KÕ ho¹ch", "Keá hoaïch"): such a file is refused, naming the
encoding it looks like, so the person converts it instead of importing
garbage. Each candidate decoding is judged by how many of its words are
well-formed Vietnamese syllables.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, VN3): one byte per letter.
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VNI: a vowel followed by one byte for its marks; a few letters are one byte.
_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_HAT, _BREVE = "\u0302", "\u0306"
_VNI_MARKS = {
    0xF8: _GRAVE, 0xF9: _ACUTE, 0xFB: _HOOK, 0xF5: _TILDE, 0xEF: _DOT,
    0xE2: _HAT, 0xEA: _BREVE,
    0xE0: _HAT + _GRAVE, 0xE1: _HAT + _ACUTE, 0xE5: _HAT + _HOOK, 0xE3: _HAT + _TILDE, 0xE4: _HAT + _DOT,
    0xE8: _BREVE + _GRAVE, 0xE9: _BREVE + _ACUTE, 0xFA: _BREVE + _HOOK, 0xFC: _BREVE + _TILDE,
    0xEB: _BREVE + _DOT,
}  # fmt: skip
_VNI_MARKS.update({byte - 0x20: marks for byte, marks in list(_VNI_MARKS.items())})
_VNI_LETTERS = {
    0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư", 0xF1: "đ", 0xD1: "Đ",
    0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị",
    0xCC: "Ì", 0xCD: "Í", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị",
}  # fmt: skip

_TONES = frozenset(_GRAVE + _ACUTE + _TILDE + _HOOK + _DOT)
_VOWELS = "aăâeêioôơuưy"
_INITIALS = (
    "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x|"
    # Letters of loanwords and names that Vietnamese text also holds.
    "f|j|w|z"
)
_NUCLEI = (
    "iêu|yêu|uyê|uya|uyu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|yê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(rf"(?:{_INITIALS})?(?:{_NUCLEI})(?:ch|ng|nh|c|m|n|p|t)?")
_WORD = re.compile(r"[^\W\d_]+")


def decode_tcvn3(data: bytes) -> str:
    return "".join(_TCVN3.get(byte, chr(byte)) for byte in data)


def decode_vni(data: bytes) -> str:
    out: list[str] = []
    for byte in data:
        marks = _VNI_MARKS.get(byte)
        if marks and out and unicodedata.normalize("NFD", out[-1])[:1].lower() in "aeiouy":
            out.append(marks)
        elif byte in _VNI_LETTERS:
            out.append(_VNI_LETTERS[byte])
        else:
            out.append(chr(byte))
    return unicodedata.normalize("NFC", "".join(out))


def decode_windows_1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def _is_syllable(word: str) -> bool:
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for ch in decomposed if ch in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_share(text: str) -> float:
    """The share of words with a letter outside ASCII that are well-formed
    Vietnamese syllables (0 when there is no such word)."""
    words = [word for word in _WORD.findall(text) if not word.isascii()]
    if not words:
        return 0.0
    return sum(1 for word in words if _is_syllable(word)) / len(words)


LEGACY_DECODERS = {
    "TCVN3 (ABC)": decode_tcvn3,
    "VNI": decode_vni,
    "Windows-1258": decode_windows_1258,
}

# A decoding that makes this share of words Vietnamese is the file's encoding.
_CONFIDENT = 0.8


def legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding ``data`` (not UTF-8) reads best in, if it reads as Vietnamese at all."""
    shares = {name: vietnamese_share(decode(data)) for name, decode in LEGACY_DECODERS.items()}
    name = max(shares, key=lambda key: shares[key])
    return name if shares[name] >= _CONFIDENT else None


def mojibake_encoding(text: str) -> str | None:
    """For text that is valid Unicode: the legacy encoding it was typed in
    before being saved as Unicode without converting ("KÕ ho¹ch"), if any."""
    if vietnamese_share(text) >= 0.5:
        return None
    for western in ("cp1252", "latin-1"):
        try:
            data = text.encode(western)
        except UnicodeEncodeError:
            continue
        found = legacy_encoding(data)
        return found if found != "Windows-1258" else None
    return None

"""Unicode repair for Vietnamese text extracted from PDF and Word files.

PDF text layers often store a tone mark as a separate combining character that
lands after the wrong letter ("Khoa hoc̣") or after a space ("Công nghê ̣").
`repair_text` moves every such stray tone mark back onto the vowel that
Vietnamese spelling puts it on, and returns NFC text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook, dot below.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Vowels as NFC characters once the tone is removed (hats, breves and horns stay).
VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
MODIFIED_VOWELS = "ăâêôơưĂÂÊÔƠƯ"

# Spacing forms of tone marks that some fonts emit instead of combining ones.
_SPACING_TONES = str.maketrans(
    {"\u02cb": "\u0300", "\u02ca": "\u0301", "\u02dc": "\u0303", "\u02c0": "\u0309"}
)
# Characters that carry no text: zero-width spaces and joiners, soft hyphen, BOM.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad\ufeff]")
# Unusual spaces (no-break, thin, ideographic...) that should read as a plain space.
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A word (letters only) followed by tone marks that did not attach to a vowel:
# directly after a consonant ("hoc̣"), after one space ("nghê ̣"), or after the
# punctuation that closes the word ("phong, ̀"), or at the start of the next line.
# (Possessive quantifiers: a word that is not followed by a mark fails at once, without backtracking.)
_STRAY_AFTER = re.compile(rf"([^\W\d_]++)([.,;:!?)]{{0,2}}[ \n]?)([{TONE_MARKS}]+)")
# A tone mark standing alone at the start of a word ("̣học" after a space or line start).
_STRAY_BEFORE = re.compile(rf"(^|\s)([{TONE_MARKS}]+)([^\W\d_]+)", re.MULTILINE)
# Precomposed consonant + tone letters ("ñ", "ǹ", "ḿ"): in Vietnamese these are
# always a tone mark that slipped off its vowel, so they are split again.
_CONSONANT_TONE = re.compile(
    "["
    + "".join(
        sorted(
            {
                unicodedata.normalize("NFC", base + tone)
                for base in "bcdghklmnpqrstvxfjwzBCDGHKLMNPQRSTVXFJWZ"
                for tone in TONE_MARKS
                if len(unicodedata.normalize("NFC", base + tone)) == 1
            }
        )
    )
    + "]"
)
# A run of letters (a word, for tone placement).
_WORD = re.compile(r"[^\W\d_]+")
# Any spacing tone or ligature, worth translating the text for.
_RARE_CHARS = re.compile("[\u02cb\u02ca\u02dc\u02c0\ufb00-\ufb02]")
# Ligatures some PDF fonts produce.
_LIGATURES = str.maketrans({"\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff"})


def strip_tone(word: str) -> tuple[str, str]:
    """The word without tone marks (NFC), and the tone marks it had."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in TONE_MARKS)
    bare = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), tones


def _vowel_span(word: str) -> tuple[int, int] | None:
    """Start and end of the main vowel cluster, skipping the u of "qu" and the i of "gi"."""
    start = None
    for i, ch in enumerate(word):
        if ch not in VOWELS:
            if start is not None:
                return start, i
            continue
        if start is None:
            prev = word[i - 1].lower() if i else ""
            nxt = word[i + 1] if i + 1 < len(word) else ""
            glide = (prev == "q" and ch in "uU") or (prev == "g" and ch in "iI" and nxt in VOWELS)
            if glide:
                continue
            start = i
    return (start, len(word)) if start is not None else None


def tone_position(word: str) -> int | None:
    """Index of the letter that carries the tone in a toneless NFC syllable."""
    span = _vowel_span(word)
    if span is None:
        return None
    start, end = span
    cluster = range(start, end)
    modified = [i for i in cluster if word[i] in MODIFIED_VOWELS]
    if modified:
        return modified[-1]
    size = end - start
    if size == 1:
        return start
    if end < len(word):  # a final consonant follows: "hoàng", "thuận"
        return end - 1
    return start + 1 if size >= 3 else start


def place_tone(word: str, tone: str) -> str:
    """Put `tone` (one combining mark) on the right vowel of `word`, replacing any tone it had."""
    bare, _old = strip_tone(word)
    pos = tone_position(bare)
    if pos is None:
        return word + tone
    return unicodedata.normalize("NFC", bare[: pos + 1] + tone + bare[pos + 1 :])


def _fix_after(match: re.Match[str]) -> str:
    word, gap, stray = match.groups()
    _bare, own_tone = strip_tone(word)
    if gap and own_tone:
        return match.group(0)  # the previous word already has its tone; leave for _fix_before
    return place_tone(word, stray[-1]) + gap


def _fix_before(match: re.Match[str]) -> str:
    lead, stray, word = match.groups()
    return lead + place_tone(word, stray[-1])


def repair_text(text: str) -> str:
    """NFC text with invisible characters removed and stray tone marks reattached."""
    if _RARE_CHARS.search(text):
        text = text.translate(_SPACING_TONES).translate(_LIGATURES)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    text = _CONSONANT_TONE.sub(lambda m: unicodedata.normalize("NFD", m.group()), text)
    if any(ch in TONE_MARKS for ch in text):
        text = _STRAY_AFTER.sub(_fix_after, text)
        text = _STRAY_BEFORE.sub(_fix_before, text)
        # Whatever is still loose has no letter to go to.
        text = re.sub(f"[{TONE_MARKS}]", "", unicodedata.normalize("NFC", text))
        # A text layer that loses marks also drops some onto the wrong vowel ("ngaỳ", "Nôị").
        text = _WORD.sub(_replace_tone, text)
    return unicodedata.normalize("NFC", text)


def _replace_tone(match: re.Match[str]) -> str:
    return _retoned(match.group(0))


@functools.lru_cache(maxsize=16384)
def _retoned(word: str) -> str:
    """The word with its single tone mark on the vowel spelling puts it on."""
    if word.isascii():
        return word
    bare, tones = strip_tone(word)
    return place_tone(bare, tones) if len(tones) == 1 else word

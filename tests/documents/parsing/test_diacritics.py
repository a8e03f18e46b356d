"""Repair of tone marks that PDF text layers detach from their vowels."""

import unicodedata

from danvan.documents.parsing.diacritics import place_tone, repair_text


def test_tone_after_final_consonant_moves_onto_vowel():
    assert repair_text("Khoa hoc\u0323") == "Khoa học"


def test_tone_after_a_space_joins_the_word_before():
    assert repair_text("Công nghê \u0323(KH&CN)") == "Công nghệ (KH&CN)"


def test_tilde_composed_with_consonant_is_split_and_placed():
    assert repair_text("Nguyên\u0303 Văn A") == "Nguyễn Văn A"


def test_tone_goes_on_the_vowel_with_a_hat():
    assert place_tone("truyên", "\u0301") == "truyến"
    assert place_tone("nươc", "\u0301") == "nước"


def test_tone_goes_on_last_vowel_before_final_consonant():
    assert place_tone("hoang", "\u0300") == "hoàng"


def test_qu_and_gi_are_consonants_for_tone_placement():
    assert place_tone("quy", "\u0309") == "quỷ"
    assert place_tone("giu", "\u0303") == "giũ"


def test_output_is_nfc_without_loose_marks():
    text = repair_text("\u0301 a\u0300 b\u0323")
    assert text == unicodedata.normalize("NFC", text)
    assert not any(unicodedata.combining(ch) for ch in text)


def test_invisible_characters_and_odd_spaces_are_cleaned():
    assert repair_text("Sở\u00a0Nội\u200b vụ\u00ad") == "Sở Nội vụ"


def test_tone_dropped_on_the_wrong_vowel_is_moved_when_the_text_has_loose_marks():
    assert repair_text("ngaỳ 25/3, Sở Nôị vụ, khoa hoc\u0323") == "ngày 25/3, Sở Nội vụ, khoa học"


def test_tone_after_closing_punctuation_or_at_the_next_line_start():
    assert repair_text("các phong, \u0300đơn vị") == "các phòng, đơn vị"
    assert repair_text("Kết luận sô\n\u0301 120-KL/TW") == "Kết luận số\n 120-KL/TW"


def test_known_department_name_regains_its_marks():
    from danvan.documents.parsing.agencies import canonical

    assert canonical("Sở Khoa học và Công nghê") == "Sở Khoa học và Công nghệ"

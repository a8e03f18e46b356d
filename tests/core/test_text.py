from danvan.core.text import search_key, stored_file_name


def test_search_key_drops_diacritics_and_case():
    assert search_key("Chỉ thị  số 33/CT-TTg của Đảng") == "chi thi so 33/ct-ttg cua dang"


def test_stored_file_name_keeps_safe_characters_of_the_last_part():
    assert stored_file_name("../../etc/Báo cáo quý 3.pdf", "tep") == "Báocáoquý3.pdf"
    assert stored_file_name("C:/a/b/bien-ban_01.PDF", "tep") == "bien-ban_01.PDF"
    assert len(stored_file_name("a" * 300 + ".pdf", "tep")) == 80


def test_stored_file_name_falls_back_when_nothing_is_left():
    assert stored_file_name("/// ;;", "tep-dinh-kem") == "tep-dinh-kem"

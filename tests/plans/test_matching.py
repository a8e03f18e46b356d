import pytest

from danvan.core.models import Unit
from danvan.plans.matching import match_unit

UNITS = [
    Unit(pk=1, name="Văn phòng Sở", short_name="VP Sở"),
    Unit(pk=2, name="Thanh tra Sở"),
    Unit(pk=3, name="Chi cục Tiêu chuẩn Đo lường Chất lượng", short_name="Chi cục TĐC"),
    Unit(pk=4, name="Phòng Tổng hợp, Quy hoạch, Kế hoạch"),
    Unit(pk=5, name="Trung tâm Khoa học và Công nghệ"),
]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Văn phòng Sở", 1),
        ("VP Sở", 1),
        ("văn phòng", 1),
        ("Thanh tra", 2),
        ("THANH TRA SỞ", 2),
        ("Chi cục TĐC", 3),
        ("Phòng Tổng hợp, Quy hoạch, Kế hoạch chủ trì phối hợp các phòng", 4),
        ("TT Khoa học và Công nghệ", 5),
    ],
)
def test_lead_names_match_their_unit(lead, expected):
    assert match_unit(lead, UNITS).pk == expected


@pytest.mark.parametrize("lead", ["Các phòng, đơn vị trực thuộc Sở", "Phòng", ""])
def test_general_or_ambiguous_leads_match_nothing(lead):
    assert match_unit(lead, UNITS) is None

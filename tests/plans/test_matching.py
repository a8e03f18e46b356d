import pytest

from danvan.core.models import Unit
from danvan.plans.matching import match_named_units, match_unit

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


NAMED = [
    Unit(pk=1, name="Văn phòng Sở", short_name="VP Sở", kind=Unit.Kind.OFFICE, sort_key="van phong so"),
    Unit(pk=2, name="Thanh tra Sở", kind=Unit.Kind.INSPECTORATE, sort_key="thanh tra so"),
    Unit(
        pk=3,
        name="Chi cục Tiêu chuẩn Đo lường Chất lượng",
        short_name="Chi cục TĐC",
        kind=Unit.Kind.SUB_DEPARTMENT,
        sort_key="chi cuc tieu chuan do luong chat luong",
    ),
    Unit(
        pk=4, name="Phòng Tổng hợp, Quy hoạch, Kế hoạch", kind=Unit.Kind.DIVISION, sort_key="phong tong hop"
    ),
    Unit(pk=5, name="Trung tâm Khoa học và Công nghệ", kind=Unit.Kind.CENTER, sort_key="trung tam khoa hoc"),
    Unit(pk=6, name="Đảng ủy Sở", kind=Unit.Kind.PARTY_CELL, sort_key="dang uy so"),
    Unit(pk=7, name="Công đoàn Sở", kind=Unit.Kind.TRADE_UNION, sort_key="cong doan so"),
    Unit(
        pk=8, name="Ban Thanh tra nhân dân", kind=Unit.Kind.PEOPLE_INSPECTION_BOARD, sort_key="ban thanh tra"
    ),
]


@pytest.mark.parametrize(
    ("texts", "units", "office", "unmatched"),
    [
        (["Chi cục Tiêu chuẩn Đo lường Chất lượng", "Trung tâm Khoa học và Công nghệ"], [3, 5], False, []),
        (["CHI CUC TDC và TT KH&CN"], [3, 5], False, []),
        (["Phòng Tổng hợp, Quy hoạch, Kế hoạch; Thanh tra Sở"], [4, 2], False, []),
        (["Văn phòng Sở"], [], True, []),
        (["Các phòng, đơn vị thuộc Sở"], [2, 3, 4, 5], False, []),  # no party, union or board
        (["Công đoàn Sở"], [7], False, []),
        (["Ban Dân vận Tỉnh ủy"], [], False, ["Ban Dân vận Tỉnh ủy"]),
    ],
)
def test_the_units_a_deadline_names(texts, units, office, unmatched):
    named = match_named_units(texts, NAMED)
    assert sorted(unit.pk for unit in named.units) == sorted(units)
    assert (named.office, named.unmatched) == (office, unmatched)

"""Vietnam's provinces and centrally run cities, to tell a province from a district or town."""

from __future__ import annotations

from .agencies import skeleton

# The 63 provinces and cities of 2008-2025; the 34 of the 2025 merger all bear one of these names.
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
    "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang",
    "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế",
    "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip


def _key(text: str) -> str:
    return " ".join(skeleton(text).replace("-", " ").split())


_BY_KEY = {_key(name): name for name in PROVINCES}


def province_named(text: str | None) -> str | None:
    """The province `text` names ("TÂY NINH", "Tay Ninh", "TP. Hồ Chí Minh"), or None."""
    if not text:
        return None
    key = _key(text)
    for prefix in ("tp. ", "tp ", "thanh pho ", "tinh "):
        key = key.removeprefix(prefix)
    return _BY_KEY.get(key)

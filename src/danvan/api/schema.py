"""The schema names the API's refusals too: every operation may answer 401,
403 and 429, one that reads an object by its id 404, one that takes input
400, and a GET of an ETag'd answer 304; each error is ``{"detail", "ma"}``
(danvan/api/errors.py)."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema

from danvan.api.common import ETagMixin

ERROR_BODY = {
    "type": "object",
    "properties": {
        "ma": {"type": "string", "description": "Mã lỗi ổn định, ví dụ khong_tim_thay"},
        "detail": {"description": "Lời nhắn tiếng Việt (với lỗi dữ liệu: lỗi từng trường theo tên trường)"},
    },
    "required": ["ma"],
}

ERRORS = {
    "400": "Dữ liệu hoặc bộ lọc không hợp lệ (du_lieu_khong_hop_le)",
    "401": "Mã truy cập sai, hết hạn hoặc bị thu hồi (ma_truy_cap_khong_hop_le)",
    "403": "Chưa xác thực, thiếu phạm vi quyền hoặc không có quyền (chua_xac_thuc, thieu_pham_vi, khong_co_quyen)",
    "404": "Không tìm thấy, hoặc ngoài phạm vi (khong_tim_thay)",
    "429": "Quá nhiều yêu cầu (qua_nhieu_yeu_cau)",
}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = ["401", "403", "429"]
        if "{" in self.path:
            codes.append("404")
        if self.method != "GET" or self._get_filter_parameters() or self.get_override_parameters():
            codes.append("400")
        for code in sorted(codes):
            responses.setdefault(
                code, {"description": ERRORS[code], "content": {"application/json": {"schema": ERROR_BODY}}}
            )
        if self.method == "GET" and isinstance(self.view, ETagMixin):
            responses.setdefault(
                "304", {"description": "Không có gì thay đổi so với ETag gửi trong If-None-Match"}
            )
        return responses

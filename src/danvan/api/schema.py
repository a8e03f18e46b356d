"""The schema names the API's refusals too: every operation may answer 401,
403 and 429, one that reads an object by its id (in the path, or in the
query where the view says ``finds_by_query``) 404, a list 404 for a page
it does not have, one that takes input (a page number too) 400, and a GET of an ETag'd answer
304; each error is ``{"detail", "ma"}`` (danvan/api/errors.py)."""

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
    "404-page": "Danh sách không có trang được hỏi (trang_khong_co)",
    "429": "Quá nhiều yêu cầu (qua_nhieu_yeu_cau)",
}


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = {"401": ERRORS["401"], "403": ERRORS["403"], "429": ERRORS["429"]}
        if "{" in self.path or getattr(self.view, "finds_by_query", False):
            codes["404"] = ERRORS["404"]
        elif self._get_pagination_parameters():
            codes["404"] = ERRORS["404-page"]
        if (
            self.method != "GET"
            or self._get_filter_parameters()
            or self._get_pagination_parameters()
            or self.get_override_parameters()
        ):
            codes["400"] = ERRORS["400"]
        for code in sorted(codes):
            responses.setdefault(
                code, {"description": codes[code], "content": {"application/json": {"schema": ERROR_BODY}}}
            )
        if self.method == "GET" and isinstance(self.view, ETagMixin):
            responses.setdefault(
                "304", {"description": "Không có gì thay đổi so với ETag gửi trong If-None-Match"}
            )
        return responses

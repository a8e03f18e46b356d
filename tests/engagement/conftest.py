from datetime import date

import pytest

from danvan.engagement import services
from danvan.engagement.models import Dialogue


@pytest.fixture
def dialogue(agency, agency_head, office_officer):
    return services.plan_dialogue(
        agency=agency,
        kind=Dialogue.Kind.CITIZENS,
        held_on=date(2026, 4, 15),
        place="Hội trường UBND xã Tân Hòa",
        leader=agency_head,
        subject="Bồi thường giải phóng mặt bằng đường tỉnh 786",
        participants="Đại diện 15 hộ dân ấp Bàu Sen; UBND xã Tân Hòa.",
        by=office_officer,
    )

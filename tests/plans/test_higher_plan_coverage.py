"""Which of the province plan's content items each agency took up: proposed
by their words, confirmed by the agency's office, followed by the province."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.models import Agency, Role
from danvan.core.services import DomainError
from danvan.plans.matching import item_similarity, propose_takeups
from danvan.plans.models import HigherItemLink, Plan, Task
from danvan.plans.services import set_higher_item_links
from tests.factories import AgencyFactory, person_with_role

PROVINCE_ITEMS = [
    (
        "1. Công tác tuyên truyền",
        "Tuyên truyền, quán triệt Kết luận 114-KL/TW về công tác dân vận trong tình hình mới",
    ),
    (
        "2. Dân chủ ở cơ sở",
        "Thực hiện Luật Thực hiện dân chủ ở cơ sở, công khai thông tin cho cán bộ, công chức",
    ),
    ("3. Dân vận khéo", "Xây dựng, nhân rộng mô hình «Dân vận khéo» trong cải cách hành chính"),
    ("4. Đối thoại", "Tổ chức đối thoại giữa người đứng đầu với Nhân dân, doanh nghiệp"),
]


@pytest.fixture
def province_plan(province, office_officer):
    ubnd = AgencyFactory(
        province=province,
        name="UBND tỉnh Tây Ninh",
        symbol_code="UBND",
        kind=Agency.Kind.PROVINCIAL_COMMITTEE,
    )
    plan = Plan.objects.create(
        agency=ubnd,
        title="Kế hoạch công tác dân vận chính quyền năm 2026",
        status=Plan.Status.ISSUED,
        number="12",
        symbol="KH-UBND",
        period_year=2026,
        created_by=office_officer,
    )
    for order, (section, heading) in enumerate(PROVINCE_ITEMS):
        Task.objects.create(plan=plan, order=order, section=section, heading=heading)
    return plan


@pytest.fixture
def agency_plan(agency, province_plan, office_officer, lead_unit):
    plan = Plan.objects.create(
        agency=agency,
        title="Kế hoạch thực hiện công tác dân vận chính quyền năm 2026",
        status=Plan.Status.ISSUED,
        number="05",
        symbol="KH-SKHCN",
        period_year=2026,
        implements=province_plan,
        created_by=office_officer,
    )
    for order, heading in enumerate(
        [
            "Quán triệt Kết luận 114-KL/TW về công tác dân vận đến toàn thể công chức",
            "Đăng ký và nhân rộng mô hình Dân vận khéo trong cải cách hành chính của Sở",
            "Hoàn thành số hóa hồ sơ lưu trữ",
        ]
    ):
        Task.objects.create(
            plan=plan,
            order=order,
            heading=heading,
            lead_unit=lead_unit,
            due_date=date(2026, 11, 30),
            percent=40,
        )
    return plan


def _items(plan):
    return list(plan.tasks.order_by("order"))


def test_items_that_say_the_same_thing_read_alike_and_others_do_not():
    briefing = "Tuyên truyền, quán triệt Kết luận 114-KL/TW về công tác dân vận trong tình hình mới"
    assert item_similarity(briefing, "Quán triệt Kết luận 114-KL/TW về công tác dân vận đến công chức") > 0.4
    # Without accents, as a copied text may come.
    assert item_similarity(briefing, "quan triet ket luan 114-KL/TW ve cong tac dan van") > 0.4
    assert item_similarity(briefing, "Hoàn thành số hóa hồ sơ lưu trữ") == 0
    # Filler words alone ("thực hiện", "tổ chức", "năm") do not make two items alike.
    assert item_similarity("Tổ chức thực hiện năm 2026", "Tổ chức thực hiện năm 2026 các việc khác") < 0.25


def test_each_item_is_offered_the_tasks_that_read_like_it_best_first():
    proposals = propose_takeups(
        [(1, PROVINCE_ITEMS[0][1]), (2, PROVINCE_ITEMS[2][1]), (3, PROVINCE_ITEMS[3][1])],
        [
            (10, "Quán triệt Kết luận 114-KL/TW về công tác dân vận"),
            (11, "Nhân rộng mô hình Dân vận khéo trong cải cách hành chính"),
            (12, "Số hóa hồ sơ"),
        ],
    )
    assert [pk for pk, _score in proposals[1]] == [10]
    assert [pk for pk, _score in proposals[2]] == [11]
    assert proposals[3] == []


def test_the_office_keeps_exactly_the_links_it_confirms(agency_plan, province_plan, office_officer):
    higher, own = _items(province_plan), _items(agency_plan)
    set_higher_item_links(
        plan=agency_plan,
        links={(higher[0].pk, own[0].pk), (higher[2].pk, own[1].pk)},
        proposed={(higher[0].pk, own[0].pk)},
        by=office_officer,
    )
    assert HigherItemLink.objects.get(higher_task=higher[0]).proposed is True
    set_higher_item_links(
        plan=agency_plan, links={(higher[2].pk, own[1].pk)}, proposed=set(), by=office_officer
    )
    assert list(HigherItemLink.objects.values_list("higher_task", "task")) == [(higher[2].pk, own[1].pk)]


def test_a_link_outside_the_two_plans_changes_nothing(agency_plan, province_plan, office_officer, draft_plan):
    higher, own = _items(province_plan), _items(agency_plan)
    set_higher_item_links(
        plan=agency_plan, links={(higher[0].pk, own[0].pk)}, proposed=set(), by=office_officer
    )
    stranger = draft_plan.tasks.get()
    for pair in [(higher[1].pk, stranger.pk), (own[0].pk, own[1].pk)]:
        with pytest.raises(DomainError, match="không thuộc"):
            set_higher_item_links(plan=agency_plan, links={pair}, proposed=set(), by=office_officer)
    assert list(HigherItemLink.objects.values_list("higher_task", "task")) == [(higher[0].pk, own[0].pk)]


def test_a_plan_with_no_higher_plan_has_nothing_to_link(draft_plan, office_officer):
    with pytest.raises(DomainError, match="chưa ghi kế hoạch cấp trên"):
        set_higher_item_links(plan=draft_plan, links=set(), proposed=set(), by=office_officer)


def test_the_office_sees_proposals_and_confirms_them_on_the_page(
    client, agency_plan, province_plan, office_officer
):
    higher, own = _items(province_plan), _items(agency_plan)
    url = reverse("plans:plan_takeup", args=[agency_plan.pk])
    client.force_login(office_officer)
    body = client.get(url).content.decode()
    assert f'value="{higher[0].pk}:{own[0].pk}"' in body and f'value="{higher[2].pk}:{own[1].pk}"' in body
    assert "gợi ý" in body and f'value="{higher[3].pk}:{own[2].pk}"' not in body
    response = client.post(
        url,
        {
            "lien_ket": [f"{higher[0].pk}:{own[0].pk}"],
            "goi_y": [f"{higher[0].pk}:{own[0].pk}", f"{higher[2].pk}:{own[1].pk}"],
            f"them_{higher[3].pk}": str(own[2].pk),
        },
    )
    assert response.status_code == 302
    links = set(HigherItemLink.objects.values_list("higher_task", "task", "proposed"))
    assert links == {(higher[0].pk, own[0].pk, True), (higher[3].pk, own[2].pk, False)}
    body = client.get(url).content.decode()
    assert f'value="{higher[0].pk}:{own[0].pk}" id="lk-{higher[0].pk}-{own[0].pk}" checked' in body


def test_a_forged_value_is_refused_with_a_message_and_nothing_saved(client, agency_plan, office_officer):
    client.force_login(office_officer)
    url = reverse("plans:plan_takeup", args=[agency_plan.pk])
    response = client.post(url, {"lien_ket": ["1:abc"]}, follow=True)
    assert "không hợp lệ" in response.content.decode() and not HigherItemLink.objects.exists()
    response = client.post(url, {"lien_ket": ["999999:999998"]}, follow=True)
    assert "không thuộc hai kế hoạch" in response.content.decode() and not HigherItemLink.objects.exists()


def test_staff_read_the_links_and_cannot_change_them(client, agency_plan, unit_officer, other_agency_officer):
    url = reverse("plans:plan_takeup", args=[agency_plan.pk])
    client.force_login(unit_officer)
    body = client.get(url).content.decode()
    assert "Lưu liên kết" not in body and 'name="lien_ket"' not in body
    assert client.post(url, {"lien_ket": []}).status_code == 403
    client.force_login(other_agency_officer)
    assert client.get(url).status_code == 404


def test_the_province_sees_who_took_up_each_item_and_what_nobody_did(
    client, province, agency_plan, province_plan, office_officer, other_agency, lead_unit
):
    higher, own = _items(province_plan), _items(agency_plan)
    Task.objects.filter(pk=own[1].pk).update(status=Task.Status.DONE, percent=100)
    set_higher_item_links(
        plan=agency_plan,
        links={(higher[0].pk, own[0].pk), (higher[2].pk, own[1].pk)},
        proposed=set(),
        by=office_officer,
    )
    # A draft implementing plan of another agency is not counted yet.
    draft = Plan.objects.create(
        agency=other_agency, title="Dự thảo", implements=province_plan, created_by=office_officer
    )
    draft_task = Task.objects.create(plan=draft, heading="Đối thoại với doanh nghiệp")
    HigherItemLink.objects.create(task=draft_task, higher_task=higher[3], confirmed_by=office_officer)

    reviewer = person_with_role(Role.PROVINCE_REVIEWER, province=province)
    client.force_login(reviewer)
    body = client.get(reverse("plans:plan_implementation", args=[province_plan.pk])).content.decode()
    assert "1 nhiệm vụ, bình quân 40%, hoàn thành 0" in body
    assert "1 nhiệm vụ, bình quân 100%, hoàn thành 1" in body
    assert "2 nội dung chưa cơ quan nào triển khai" in body
    untaken = body.split("nội dung chưa cơ quan nào triển khai")[1]
    assert higher[1].heading[:40] in untaken and higher[3].heading[:40] in untaken
    assert higher[0].heading[:40] not in untaken
    assert other_agency.name not in body.split("Các nội dung của kế hoạch được triển khai")[1]

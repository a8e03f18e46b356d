"""The search box finds plans, tasks, reports, library documents and dialogues
by their words in any order, without accents, best match first, and only
what the person may see."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from danvan.core import search
from danvan.core.models import SearchEntry
from danvan.documents.models import LegalDocument
from danvan.engagement.models import Dialogue, DialogueIssue
from danvan.plans.models import Plan, PlanCitation, Task


def found(person, query, **kwargs):
    return [(entry.kind, entry.object_id) for entry in search.search_entries(person, query, **kwargs)]


@pytest.fixture
def plan(agency, office_officer):
    return Plan.objects.create(
        agency=agency,
        title="Kế hoạch tổ chức đối thoại với doanh nghiệp năm 2026",
        purposes="Lắng nghe khó khăn, vướng mắc của doanh nghiệp khoa học và công nghệ.",
        status=Plan.Status.ISSUED,
        created_by=office_officer,
    )


@pytest.fixture
def dialogue(agency, agency_head, office_officer):
    return Dialogue.objects.create(
        agency=agency,
        kind=Dialogue.Kind.BUSINESSES,
        held_on=date(2026, 5, 20),
        place="Hội trường Sở",
        leader=agency_head,
        subject="Đối thoại với doanh nghiệp về thủ tục đo lường",
        participants="Đại diện 30 doanh nghiệp",
        created_by=office_officer,
    )


def test_words_are_folded_the_same_way_for_the_index_and_the_query():
    assert search.words("ĐỐI THOẠI với Doanh nghiệp, 33/CT-TTg") == [
        "doi",
        "thoai",
        "voi",
        "doanh",
        "nghiep",
        "33",
        "ct",
        "ttg",
    ]


def test_accent_less_words_in_any_order_find_the_plan(plan, office_officer):
    assert found(office_officer, "doi thoai doanh nghiep") == [("plan", plan.pk)]
    assert found(office_officer, "doanh nghiep doi thoai") == [("plan", plan.pk)]
    assert found(office_officer, "DOANH NGHIỆP 2026") == [("plan", plan.pk)]


def test_every_word_must_be_there(plan, office_officer):
    assert found(office_officer, "doi thoai nong dan") == []


def test_the_last_word_may_be_the_start_of_a_longer_one(plan, office_officer):
    assert found(office_officer, "doanh ngh") == [("plan", plan.pk)]


def test_a_match_in_the_title_ranks_above_a_match_in_the_text(agency, office_officer, plan):
    other = Plan.objects.create(
        agency=agency,
        title="Kế hoạch cải cách hành chính",
        purposes="Có nội dung về doanh nghiệp ở cuối đoạn văn dài dòng về nhiều việc khác nhau.",
        created_by=office_officer,
    )
    assert found(office_officer, "doanh nghiep", kind="plan") == [("plan", plan.pk), ("plan", other.pk)]


def test_another_agencys_plan_is_not_found(plan, other_agency_officer, other_agency):
    theirs = Plan.objects.create(
        agency=other_agency,
        title="Kế hoạch đối thoại với doanh nghiệp tài chính",
        created_by=other_agency_officer,
    )
    assert found(other_agency_officer, "doi thoai doanh nghiep") == [("plan", theirs.pk)]


def test_a_task_is_found_only_by_those_who_see_it(plan, lead_unit, sibling_unit, unit_officer):
    from tests.factories import person_with_role

    task = Task.objects.create(plan=plan, heading="Tổ chức hội nghị tập huấn đo lường", lead_unit=lead_unit)
    outsider = person_with_role("staff", unit=sibling_unit)
    assert found(unit_officer, "tap huan do luong") == [("task", task.pk)]
    assert found(outsider, "tap huan do luong") == []


def test_a_dialogue_is_found_by_what_was_said(dialogue, office_officer, other_agency_officer):
    DialogueIssue.objects.create(dialogue=dialogue, raised_by="Công ty A", question="Kiểm định cân điện tử")
    assert found(office_officer, "kiem dinh can dien tu") == [("dialogue", dialogue.pk)]
    assert found(other_agency_officer, "kiem dinh can") == []


def test_a_library_document_is_found_by_who_reads_a_plan_citing_it(
    plan, office_officer, other_agency_officer
):
    document = LegalDocument.objects.create(
        doc_type="Chỉ thị", number="33/CT-TTg", title="Về tăng cường công tác dân vận chính quyền"
    )
    assert found(office_officer, "chi thi 33") == []
    PlanCitation.objects.create(plan=plan, document=document)
    assert found(office_officer, "chi thi 33") == [("document", document.pk)]
    assert found(other_agency_officer, "chi thi 33") == []


def test_an_edit_is_in_the_index_in_the_same_transaction(plan, office_officer):
    plan.title = "Kế hoạch tiếp xúc cử tri"
    plan.save()
    assert found(office_officer, "tiep xuc cu tri") == [("plan", plan.pk)]
    assert found(office_officer, "doi thoai doanh nghiep") == []


def test_a_report_is_found_by_its_request_and_content(agency, office_officer, province_officer):
    from danvan.reports import services
    from danvan.reports.models import PeriodKind

    period = services.get_or_create_period(province=agency.province, kind=PeriodKind.YEAR, year=2026)
    request = services.request_agency_reports(
        province=agency.province,
        period=period,
        title="Báo cáo sơ kết công tác dân vận năm 2026",
        due_date=date(2026, 10, 25),
        agencies=[agency],
        by=province_officer,
    )
    report = request.reports.get()
    assert found(office_officer, "so ket dan van") == [("report", report.pk)]
    assert found(province_officer, "so ket dan van") == []  # not approved yet


def test_reindex_rebuilds_the_entries(plan, dialogue, office_officer):
    SearchEntry.objects.all().delete()
    assert found(office_officer, "doanh nghiep") == []
    call_command("reindex", stdout=open("/dev/null", "w"))
    assert sorted(found(office_officer, "doanh nghiep")) == sorted(
        [("plan", plan.pk), ("dialogue", dialogue.pk)]
    )


def test_snippet_marks_the_words_found():
    pieces = search.snippet("Lắng nghe khó khăn của doanh nghiệp, doanh nhân.", "doanh nghiep")
    assert [text for text, marked in pieces if marked] == ["doanh nghiệp", "doanh"]
    assert "".join(text for text, _marked in pieces) == "Lắng nghe khó khăn của doanh nghiệp, doanh nhân."


def test_results_page_lists_kinds_links_and_snippets(client, plan, dialogue, office_officer):
    client.force_login(office_officer)
    response = client.get(reverse("core:search"), {"q": "doi thoai doanh nghiep"})
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("plans:plan_detail", args=[plan.pk]) in page
    assert reverse("engagement:dialogue_detail", args=[dialogue.pk]) in page
    assert "<mark>doanh nghiệp</mark>" in page
    assert "Kế hoạch" in page and "Đối thoại" in page
    assert "Có 2 mục" in page
    assert search.kind_counts(office_officer, "doi thoai doanh nghiep") == {"plan": 1, "dialogue": 1}
    only_plans = client.get(reverse("core:search"), {"q": "doi thoai doanh nghiep", "loai": "plan"})
    assert reverse("engagement:dialogue_detail", args=[dialogue.pk]) not in only_plans.content.decode()


def test_results_page_says_when_there_is_nothing_to_search_or_nothing_found(client, office_officer):
    client.force_login(office_officer)
    empty = client.get(reverse("core:search"), {"q": "  ,. "}).content.decode()
    assert "Nhập từ khóa để tìm" in empty
    none = client.get(reverse("core:search"), {"q": "khong co gi"}).content.decode()
    assert "Không tìm thấy kết quả nào cho «khong co gi»" in none


def test_every_signed_in_page_has_the_search_box(client, office_officer):
    client.force_login(office_officer)
    page = client.get(reverse("core:notifications")).content.decode()
    assert f'action="{reverse("core:search")}"' in page
    assert 'role="search"' in page


def test_the_demo_loader_fills_the_index(db):
    from io import StringIO

    from danvan.petitions.models import Petition
    from danvan.reports.models import Report

    out = StringIO()
    call_command("load_demo_province", stdout=out)
    assert "Chỉ mục tìm kiếm:" in out.getvalue()
    for kind, model in (("plan", Plan), ("task", Task), ("report", Report), ("petition", Petition)):
        assert SearchEntry.objects.filter(kind=kind).count() == model.objects.count(), kind

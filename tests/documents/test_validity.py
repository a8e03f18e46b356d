"""Whether a library entry is still in force, on the date of the plan citing it."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.services import DomainError
from danvan.documents.models import LegalDocument, ValidityStatus
from danvan.documents.services import record_citation, set_validity
from danvan.documents.validity import REPLACEMENTS, put_replacements, validity_on
from danvan.plans.models import Plan, PlanCitation


def entry(number, doc_type="Nghị định", issued=None):
    return record_citation(doc_type=doc_type, number=number, name=None, issued=issued, issuer=None)


def cite(agency, person, document, *, title="Kế hoạch thực hiện dân chủ ở cơ sở năm 2026", issue_date=None):
    plan = Plan.objects.create(agency=agency, title=title, created_by=person, issue_date=issue_date)
    PlanCitation.objects.create(plan=plan, document=document)
    return plan


@pytest.fixture
def old_decree(db):
    return entry("12/2020/NĐ-CP", issued=date(2020, 3, 1))


@pytest.fixture
def new_decree(db):
    return entry("30/2024/NĐ-CP", issued=date(2024, 5, 10))


def replace(old, new, since=date(2024, 7, 1), by=None):
    return set_validity(
        document=old,
        status=ValidityStatus.REPLACED,
        since=since,
        replaced_by=[new],
        source="Nghị định 30/2024/NĐ-CP",
        by=by,
    )


# The pure rule, by the plan's date.


def test_a_replaced_document_is_in_force_the_day_before_its_replacement_takes_effect(old_decree, new_decree):
    replace(old_decree, new_decree)
    before = validity_on(old_decree, date(2024, 6, 30))
    assert before.in_force and "còn hiệu lực" in before.describe()


def test_a_replaced_document_is_out_of_force_from_the_effective_day_and_names_its_replacement(
    old_decree, new_decree
):
    replace(old_decree, new_decree)
    on_the_day = validity_on(old_decree, date(2024, 7, 1))
    assert not on_the_day.in_force
    assert on_the_day.replaced_by == [new_decree]
    assert on_the_day.describe() == "hết hiệu lực từ 01/07/2024, được thay thế bởi Nghị định số 30/2024/NĐ-CP"


def test_an_amended_document_stays_in_force(old_decree):
    set_validity(
        document=old_decree,
        status=ValidityStatus.AMENDED,
        since=date(2022, 1, 1),
        replaced_by=[],
        source="",
        by=None,
    )
    assert validity_on(old_decree, date(2026, 1, 1)).in_force


def test_an_expired_document_is_out_of_force_from_its_date(old_decree):
    set_validity(
        document=old_decree,
        status=ValidityStatus.EXPIRED,
        since=date(2025, 1, 1),
        replaced_by=[],
        source="",
        by=None,
    )
    assert validity_on(old_decree, date(2024, 12, 31)).in_force
    assert not validity_on(old_decree, date(2025, 1, 1)).in_force


def test_a_document_with_no_validity_entered_is_in_force(old_decree):
    assert validity_on(old_decree, date(2030, 1, 1)).in_force


# The service refuses what cannot be, and keeps the entry as it was.


@pytest.mark.parametrize(
    "change, message",
    [
        ({"since": date(2019, 12, 31)}, "trước ngày ban hành 01/03/2020"),
        ({"replaced_by": []}, "Hãy chọn văn bản thay thế"),
        ({"since": None}, "Hãy ghi ngày"),
        ({"since": date(2024, 5, 9)}, "sau ngày thay thế 09/05/2024"),
        ({"status": "abolished"}, "không hợp lệ"),
    ],
)
def test_impossible_validity_is_refused_and_changes_nothing(old_decree, new_decree, change, message):
    args = {
        "document": old_decree,
        "status": ValidityStatus.REPLACED,
        "since": date(2024, 7, 1),
        "replaced_by": [new_decree],
        "source": "",
        "by": None,
        **change,
    }
    with pytest.raises(DomainError, match=message):
        set_validity(**args)
    old_decree.refresh_from_db()
    assert old_decree.validity_status == ValidityStatus.IN_FORCE and not old_decree.replaced_by.exists()


def test_a_document_cannot_replace_itself_or_the_document_it_was_replaced_by(old_decree, new_decree):
    with pytest.raises(DomainError, match="chính nó"):
        replace(old_decree, old_decree, since=date(2021, 1, 1))
    replace(old_decree, new_decree)
    with pytest.raises(DomainError, match="bị văn bản này thay thế"):
        replace(new_decree, old_decree, since=date(2025, 1, 1))


# The seed.


def test_the_well_known_replacements_are_in_the_library_with_their_source(db):
    old = LegalDocument.objects.get(number_key="04/2015/NĐ-CP")
    assert old.validity_status == ValidityStatus.REPLACED and old.validity_from == date(2023, 7, 1)
    assert {d.number for d in old.replaced_by.all()} == {"10/2022/QH15", "59/2023/NĐ-CP"}
    assert "10/2022/QH15" in old.validity_source
    law = LegalDocument.objects.get(number_key="15/2003/QH11")
    assert law.validity_from == date(2024, 1, 1)
    assert [d.number for d in law.replaced_by.all()] == ["06/2022/QH15"]
    for number in ("61/2018/NĐ-CP", "107/2021/NĐ-CP"):
        decree = LegalDocument.objects.get(number_key=number)
        assert decree.validity_from == date(2025, 7, 1)
        assert [d.number for d in decree.replaced_by.all()] == ["118/2025/NĐ-CP"]


def test_the_seed_runs_again_on_an_emptied_library_and_keeps_what_was_entered_by_hand(db):
    LegalDocument.objects.all().delete()
    assert put_replacements(LegalDocument) == len(REPLACEMENTS)
    decree = LegalDocument.objects.get(number_key="61/2018/NĐ-CP")
    set_validity(
        document=decree,
        status=ValidityStatus.EXPIRED,
        since=date(2025, 6, 30),
        replaced_by=[],
        source="",
        by=None,
    )
    assert put_replacements(LegalDocument) == 0
    decree.refresh_from_db()
    assert decree.validity_status == ValidityStatus.EXPIRED
    assert LegalDocument.objects.filter(number_key="118/2025/NĐ-CP").count() == 1


def test_a_plan_citing_the_seeded_decree_finds_the_seeded_entry(agency, office_officer):
    cited = entry("04/2015/NĐ-CP", issued=date(2015, 1, 9))
    assert cited.validity_status == ValidityStatus.REPLACED


# The status page.


def status_data(**change):
    return {"status": "replaced", "since": "01/07/2024", "source": "Nghị định 30/2024/NĐ-CP", **change}


def test_office_records_the_replacement(client, agency, office_officer, old_decree, new_decree):
    cite(agency, office_officer, old_decree)
    client.force_login(office_officer)
    url = reverse("documents:document_validity", args=[old_decree.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, status_data(replaced_by=[new_decree.pk]))
    assert response.status_code == 302
    old_decree.refresh_from_db()
    assert old_decree.validity_from == date(2024, 7, 1)
    assert list(old_decree.replaced_by.all()) == [new_decree]
    assert old_decree.history.first().validity_status == ValidityStatus.REPLACED


def test_a_replacement_dated_before_the_document_is_refused_on_the_page(
    client, agency, office_officer, old_decree, new_decree
):
    cite(agency, office_officer, old_decree)
    client.force_login(office_officer)
    url = reverse("documents:document_validity", args=[old_decree.pk])
    response = client.post(url, status_data(since="01/01/2019", replaced_by=[new_decree.pk]))
    assert response.status_code == 422
    assert "Ngày 01/01/2019 trước ngày ban hành 01/03/2020 của văn bản." in response.content.decode()
    old_decree.refresh_from_db()
    assert old_decree.validity_status == ValidityStatus.IN_FORCE


def test_a_malformed_date_is_refused_on_the_page(client, agency, office_officer, old_decree, new_decree):
    cite(agency, office_officer, old_decree)
    client.force_login(office_officer)
    url = reverse("documents:document_validity", args=[old_decree.pk])
    response = client.post(url, status_data(since="31/02/2024", replaced_by=[new_decree.pk]))
    assert response.status_code == 422
    old_decree.refresh_from_db()
    assert old_decree.validity_status == ValidityStatus.IN_FORCE


def test_staff_member_cannot_record_validity(
    client, agency, office_officer, unit_officer, old_decree, new_decree
):
    cite(agency, office_officer, old_decree)
    client.force_login(unit_officer)
    url = reverse("documents:document_validity", args=[old_decree.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, status_data(replaced_by=[new_decree.pk])).status_code == 403
    old_decree.refresh_from_db()
    assert old_decree.validity_status == ValidityStatus.IN_FORCE


def test_validity_page_of_an_entry_out_of_scope_is_not_found(
    client, agency, office_officer, other_agency_officer, old_decree
):
    cite(agency, office_officer, old_decree)
    client.force_login(other_agency_officer)
    assert client.get(reverse("documents:document_validity", args=[old_decree.pk])).status_code == 404


# The library page of a replaced document.


def test_library_page_lists_the_plans_still_citing_a_replaced_document(
    client, agency, office_officer, old_decree, new_decree
):
    replace(old_decree, new_decree)
    cite(agency, office_officer, old_decree, title="Kế hoạch ban hành năm 2023", issue_date=date(2023, 3, 1))
    cite(agency, office_officer, old_decree, title="Dự thảo kế hoạch năm 2026")
    client.force_login(office_officer)
    body = client.get(reverse("documents:document_detail", args=[old_decree.pk])).content.decode()
    still = body[body.index('id="van-con-dan"') :]
    still = still[: still.index("</div>")]
    assert "Dự thảo kế hoạch năm 2026" in still and "Kế hoạch ban hành năm 2023" not in still
    assert "được thay thế bởi Nghị định số 30/2024/NĐ-CP" in body


def test_library_page_of_a_document_in_force_lists_no_plan_as_still_citing(
    client, agency, office_officer, old_decree
):
    cite(agency, office_officer, old_decree)
    client.force_login(office_officer)
    body = client.get(reverse("documents:document_detail", args=[old_decree.pk])).content.decode()
    assert 'id="van-con-dan"' not in body

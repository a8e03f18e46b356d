"""A plan not yet issued that cites a document no longer in force on its date
is warned, naming the replacement, before submission and on approval."""

from datetime import date

from django.urls import reverse

from danvan.documents.services import record_citation
from danvan.plans.models import Plan, PlanCitation
from danvan.plans.selectors import outdated_citations

WARNING = 'id="can-cu-het-hieu-luc"'


def cite_decree_04(plan):
    decree = record_citation(
        doc_type="Nghị định", number="04/2015/NĐ-CP", name=None, issued=date(2015, 1, 9), issuer="Chính phủ"
    )
    PlanCitation.objects.create(plan=plan, document=decree)
    return decree


def page(client, person, plan):
    client.force_login(person)
    return client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()


def test_the_draft_is_warned_before_submission_naming_the_replacements(client, draft_plan, office_officer):
    cite_decree_04(draft_plan)
    body = page(client, office_officer, draft_plan)
    warning = body[body.index(WARNING) :]
    warning = warning[: warning.index("</div>")]
    assert "Nghị định số 04/2015/NĐ-CP" in warning
    assert "Luật số 10/2022/QH15" in warning and "Nghị định số 59/2023/NĐ-CP" in warning
    assert "01/07/2023" in warning


def test_the_leader_is_warned_on_the_plan_to_approve(client, draft_plan, office_officer, agency_head):
    cite_decree_04(draft_plan)
    client.force_login(office_officer)
    client.post(reverse("plans:plan_submit", args=[draft_plan.pk]))
    draft_plan.refresh_from_db()
    assert draft_plan.status == Plan.Status.SUBMITTED
    body = page(client, agency_head, draft_plan)
    assert reverse("plans:plan_approve", args=[draft_plan.pk]) in body
    assert WARNING in body and "Luật số 10/2022/QH15" in body


def test_a_plan_dated_before_the_replacement_is_not_warned(client, draft_plan, office_officer):
    cite_decree_04(draft_plan)
    draft_plan.issue_date = date(2023, 6, 30)
    draft_plan.save(update_fields=["issue_date"])
    assert outdated_citations(draft_plan) == []
    assert WARNING not in page(client, office_officer, draft_plan)


def test_a_plan_dated_on_the_replacement_day_is_warned(draft_plan):
    decree = cite_decree_04(draft_plan)
    draft_plan.issue_date = date(2023, 7, 1)
    draft_plan.save(update_fields=["issue_date"])
    assert [document for document, _ in outdated_citations(draft_plan)] == [decree]


def test_an_issued_plan_is_not_warned_any_more(client, draft_plan, office_officer):
    cite_decree_04(draft_plan)
    draft_plan.status = Plan.Status.ISSUED
    draft_plan.save(update_fields=["status"])
    assert WARNING not in page(client, office_officer, draft_plan)


def test_a_basis_in_force_gives_no_warning(client, draft_plan, office_officer):
    document = record_citation(doc_type="Chỉ thị", number="33/CT-TTg", name=None, issued=None, issuer=None)
    PlanCitation.objects.create(plan=draft_plan, document=document)
    assert WARNING not in page(client, office_officer, draft_plan)

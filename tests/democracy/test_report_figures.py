"""What the democracy register adds to an agency's periodic report: each count
of the period with its on-time part, the rows outside the period left out."""

from datetime import date

from danvan.democracy.models import Disclosure, SupervisionFinding
from danvan.democracy.report_figures import period_figures

FIRST_HALF = (date(2026, 1, 1), date(2026, 6, 30))


def _disclosure(agency, *, disclosed_on, due_date):
    return Disclosure.objects.create(
        agency=agency,
        kind="work_plan",
        subject=f"Kế hoạch công tác công khai ngày {disclosed_on:%d/%m/%Y}",
        decision_date=date(2026, 1, 5),
        due_date=due_date,
        disclosed_on=disclosed_on,
        status=Disclosure.Status.DISCLOSED,
        due_explanation="…",
    )


def test_disclosures_and_answers_are_counted_with_their_on_time_part(agency, finding):
    _disclosure(agency, disclosed_on=date(2026, 2, 10), due_date=date(2026, 2, 12))  # on time
    _disclosure(agency, disclosed_on=date(2026, 3, 10), due_date=date(2026, 3, 1))  # late
    _disclosure(agency, disclosed_on=date(2026, 8, 10), due_date=date(2026, 8, 12))  # another period
    late = SupervisionFinding.objects.get(pk=finding.pk)
    SupervisionFinding.objects.filter(pk=finding.pk).update(answered_on=late.answer_due.replace(day=28))
    on_time = SupervisionFinding.objects.create(
        agency=agency,
        organisation=finding.organisation,
        kind=finding.kind,
        received_on=date(2026, 4, 1),
        content="Giám sát việc tiếp công dân.",
        recommendations="Công khai lịch tiếp công dân.",
        answer_due=date(2026, 4, 20),
        answered_on=date(2026, 4, 15),
        created_by=finding.created_by,
    )
    assert late.answer_due < late.answer_due.replace(day=28) and on_time.answered_on <= on_time.answer_due

    figures = dict(period_figures(agency, *FIRST_HALF))

    assert figures["Nội dung công khai đúng hạn / đã công khai"] == "1/2"
    assert figures["Kiến nghị của Mặt trận, đoàn thể trả lời đúng hạn / đến hạn"] == "1/2"

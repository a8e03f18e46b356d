from datetime import date

from danvan.engagement import selectors, services


def test_dialogues_for_list_shows_the_agency_s_dialogues(dialogue, unit_officer):
    assert list(selectors.dialogues_for_list(unit_officer)) == [dialogue]


def test_officer_of_other_agency_sees_no_dialogue(dialogue, other_agency_officer):
    assert not selectors.dialogues_for_list(other_agency_officer).exists()


def test_dialogue_page_loads_issues_and_commitment_tasks_in_fixed_queries(
    dialogue, lead_unit, office_officer, django_assert_num_queries
):
    services.record_dialogue_issue(dialogue=dialogue, raised_by="Ông A", question="Giá?", by=office_officer)
    for month in (5, 6, 7):
        services.record_commitment(
            dialogue=dialogue,
            text=f"Việc {month}",
            lead_unit=lead_unit,
            due_date=date(2026, month, 1),
            by=office_officer,
        )
    # 1 dialogue with agency, leader and plan; 1 issues; 1 commitments with
    # task, lead unit, plan and issue; 1 the person's roles (can_record).
    with django_assert_num_queries(4):
        page = selectors.dialogue_page(office_officer, dialogue, today=date(2026, 6, 1))
        shown = [(c.task.lead_unit.name, c.task.get_status_display(), c.overdue) for c in page["commitments"]]
        assert [i.question for i in page["issues"]] == ["Giá?"]
    assert [overdue for _name, _status, overdue in shown] == [True, False, False]

from danvan.surveys import selectors
from tests.surveys.conftest import answer, build_survey


def test_the_list_loads_in_one_query_whatever_the_number_of_surveys(
    published, agency, office_officer, unit_officer, django_assert_num_queries
):
    build_survey(agency, office_officer)
    answer(published, mark=5, device="a")
    selectors.surveys_for_list(unit_officer).exists()  # the person's scopes, read once per request
    # 1: the surveys with their agency, unit and response count
    with django_assert_num_queries(1):
        rows = [
            (s.title, s.agency.name, s.unit, s.response_count)
            for s in selectors.surveys_for_list(unit_officer)
        ]
    assert len(rows) == 2 and sorted(row[3] for row in rows) == [0, 1]


def test_the_results_read_a_fixed_number_of_queries(
    published, lead_unit, unit_officer, django_assert_num_queries
):
    for number in range(5):
        answer(published, mark=1 + number, device=f"d{number}", unit=lead_unit, text=f"Ý kiến {number}")
    selectors.surveys_for_list(unit_officer).exists()
    # 1 questions, 2 per unit, 3 per month, 4 marks, 5 choices, 6 texts
    with django_assert_num_queries(6):
        found = selectors.survey_results(unit_officer, published)
    assert found["response_count"] == 5 and len(found["results"][3].texts) == 5

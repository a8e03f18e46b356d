# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
"""The agency's periodic report counts its «Dân vận khéo» models of the period."""

from datetime import date

from danvan.emulation.models import GoodPractice
from danvan.reports.figures import other_figures
from tests.emulation.dvk_fixtures import advance, campaign, practice  # noqa: F401


def _rows(agency, start, end):
    return dict(other_figures(agency, start, end))


def test_a_model_recognised_in_the_period_is_counted_in_the_report(practice, office_officer, agency):
    advance(practice, GoodPractice.Status.RECOGNISED, by=office_officer)
    year = _rows(agency, date(2026, 1, 1), date(2026, 12, 31))
    assert year["Mô hình «Dân vận khéo» được công nhận trong kỳ"] == "1"
    assert year["Mô hình «Dân vận khéo» đăng ký trong kỳ"] == "1"
    earlier = _rows(agency, date(2026, 1, 1), date(2026, 6, 30))
    assert earlier["Mô hình «Dân vận khéo» được công nhận trong kỳ"] == "0"


def test_the_democracy_register_adds_its_rows_too(agency):
    rows = _rows(agency, date(2026, 1, 1), date(2026, 12, 31))
    assert rows["Hội nghị cán bộ, công chức, viên chức trong kỳ"] == "Chưa tổ chức"
    assert rows["Buổi quán triệt, học tập văn bản"] == "0"

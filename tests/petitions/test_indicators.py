"""The figures the petitions area measures for the yearly evaluation: legal
time limits met and missed, and hot spots; and their lines never name who
denounced."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.core.indicators import Kind, all_indicators
from danvan.petitions import indicators, services
from danvan.petitions.models import Deadline, DenouncerIdentity, Petition
from tests.petitions.factories import case_for, classified, petition_for
from tests.petitions.test_confidentiality_crawl import (  # noqa: F401  (the fixture)
    INTAKE,
    RECEPTION,
    SECRETS,
    _forbidden,
    _leaks,
    denunciations,
)

PETITION_CODES = ("petitions.within_limit", "petitions.past_limit", "petitions.hot_spots")


def _deadline(petition, code="petition.notify"):
    return Deadline.objects.get(petition=petition, code=code)


def _due_on(petition, day):
    """The limit moved to ``day``, to put it on a year's first or last day."""
    Deadline.objects.filter(petition=petition, code="petition.notify").update(due_date=day)


@pytest.fixture
def year_limits(agency, other_agency, inspector):
    on_time = classified(agency, by=inspector, received_on=date(2025, 3, 3))
    services.guide_petition(
        petition=on_time, note="Hướng dẫn đến UBND huyện", on=date(2025, 3, 5), by=inspector
    )

    late = classified(agency, by=inspector, kind=Petition.Kind.FEEDBACK, received_on=date(2025, 6, 2))
    late_on = _deadline(late).due_date + timedelta(days=3)
    services.answer_petition(
        petition=late, note="Trả lời", public_answer="Đã sửa đường", on=late_on, by=inspector
    )

    last_day = petition_for(agency, received_on=date(2025, 12, 1))
    _due_on(last_day, date(2025, 12, 31))  # still pending
    first_day = petition_for(agency, received_on=date(2025, 12, 20))
    _due_on(first_day, date(2026, 1, 1))
    petition_for(agency, received_on=date(2024, 12, 10))  # due 24/12/2024

    # Accepted on time, and terminated within the 30 days of resolution.
    case = case_for(agency, by=inspector, received_on=date(2025, 4, 1), accepted_on=date(2025, 4, 7))
    services.terminate_case(case=case, on=date(2025, 5, 6), reason="Người khiếu nại rút đơn", by=inspector)

    denunciation = petition_for(
        agency,
        kind=Petition.Kind.DENUNCIATION,
        sender_name="Hoàng Thị Mật Danh",
        received_on=date(2025, 5, 5),
    )

    # A split petition's clock runs on in its parts.
    mixed = petition_for(agency, kind=Petition.Kind.MIXED, received_on=date(2025, 7, 1))
    parts = services.split_petition(
        petition=mixed,
        parts=[("complaint", "Khiếu nại thu hồi đất", "…"), ("feedback", "Phản ánh đường", "…")],
        by=inspector,
    )
    petition_for(other_agency, received_on=date(2025, 3, 3), sender_name="Phạm Văn Khác")
    return {
        "on_time": on_time,
        "late": late,
        "last_day": last_day,
        "first_day": first_day,
        "case": case.petition,
        "denunciation": denunciation,
        "mixed": mixed,
        "parts": parts,
    }


def test_every_petitions_indicator_is_registered_once_django_is_set_up():
    codes = {found.code: found.kind for found in all_indicators()}
    assert [codes[code] for code in PETITION_CODES] == [Kind.RATIO, Kind.COUNT, Kind.COUNT]


def test_within_limit_counts_the_limits_due_in_the_year_met_by_their_date(
    agency, year_limits, django_assert_num_queries
):
    with django_assert_num_queries(1):  # the limits with their petition's code and kind and the rule's name
        figure = indicators.within_limit(agency, 2025)

    # Within: the guided complaint; the case's notice and its resolution.
    # Not: the late answer, the pending limit due 31/12, the denunciation's
    # initial check, the two parts of the split petition. Left out: the
    # split petition itself, the limits due 01/01/2026 and 24/12/2024, the
    # other agency's.
    assert (figure.numerator, figure.denominator) == (Decimal(3), Decimal(8))
    by_petition = {}
    for line in figure.lines:
        by_petition.setdefault(line.url, []).append(line)
    url = {
        name: reverse("petitions:petition_detail", args=[p.pk])
        for name, p in year_limits.items()
        if name != "parts"
    }
    assert url["mixed"] not in by_petition and url["first_day"] not in by_petition
    assert [line.counts for line in by_petition[url["case"]]] == [True, True]
    on_time = year_limits["on_time"]
    (line,) = by_petition[url["on_time"]]
    assert line.label == f"{on_time.code} – Khiếu nại"
    assert (
        line.detail
        == f"Thông báo kết quả xử lý đơn: hạn {_deadline(on_time).due_date:%d/%m/%Y} – xong 05/03/2025"
    )
    (line,) = by_petition[url["last_day"]]
    assert (line.detail, line.counts) == ("Thông báo kết quả xử lý đơn: hạn 31/12/2025 – chưa xong", False)
    (line,) = by_petition[url["denunciation"]]
    assert line.label == f"{year_limits['denunciation'].code} – Tố cáo"
    assert line.detail.startswith("Xử lý ban đầu đơn tố cáo: hạn ")


def test_the_limit_due_on_the_first_of_january_counts_in_its_own_year(agency, year_limits):
    figure = indicators.within_limit(agency, 2026)

    assert (figure.numerator, figure.denominator) == (Decimal(0), Decimal(1))
    assert figure.lines[0].label.startswith(year_limits["first_day"].code)


def test_past_limit_counts_the_limits_met_late_or_missed(agency, year_limits, django_assert_num_queries):
    with django_assert_num_queries(1):
        figure = indicators.past_limit(agency, 2025)

    assert figure.numerator == Decimal(5)
    codes = sorted(line.label.split(" – ")[0] for line in figure.lines)
    expected = [year_limits[name].code for name in ("late", "last_day", "denunciation")]
    assert codes == sorted(expected + [part.code for part in year_limits["parts"]])
    assert all(line.counts for line in figure.lines)


def test_a_pending_limit_not_yet_due_is_left_out(monkeypatch, agency, inspector):
    petition = petition_for(agency, received_on=date(2026, 6, 22))
    due = _deadline(petition).due_date
    monkeypatch.setattr(indicators.timezone, "localdate", lambda *args: due)

    assert indicators.within_limit(agency, 2026).denominator == Decimal(0)

    monkeypatch.setattr(indicators.timezone, "localdate", lambda *args: due + timedelta(days=1))
    assert indicators.past_limit(agency, 2026).numerator == Decimal(1)


@pytest.fixture
def hot_spots(agency, other_agency, inspector):
    made = {
        "group": petition_for(agency, received_on=date(2025, 8, 1), signer_count=6),
        "skips": petition_for(agency, received_on=date(2025, 9, 1), skips_level=True),
        "both": petition_for(agency, received_on=date(2025, 9, 2), signer_count=5, skips_level=True),
        "denunciation": petition_for(
            agency,
            kind=Petition.Kind.DENUNCIATION,
            sender_name="Hoàng Thị Mật Danh",
            sender_address="Số 9 hẻm Kín, xã Vắng",
            received_on=date(2025, 11, 3),
            signer_count=6,
        ),
        "split": petition_for(
            agency, kind=Petition.Kind.MIXED, received_on=date(2025, 10, 1), signer_count=7
        ),
    }
    services.split_petition(
        petition=made["split"],
        parts=[("complaint", "Khiếu nại thu hồi đất", "…"), ("feedback", "Phản ánh đường", "…")],
        by=inspector,
    )
    petition_for(agency, received_on=date(2025, 8, 2), signer_count=4)
    petition_for(agency, received_on=date(2024, 12, 31), signer_count=6)
    petition_for(agency, received_on=date(2026, 1, 1), signer_count=6)
    petition_for(other_agency, received_on=date(2025, 8, 1), signer_count=6, sender_name="Phạm Văn Khác")
    return made


def test_hot_spots_are_group_petitions_and_petitions_that_skip_a_level(
    agency, hot_spots, django_assert_num_queries
):
    with django_assert_num_queries(1):
        figure = indicators.hot_spots(agency, 2025)

    # The split petition counts once, not as its two parts.
    assert figure.numerator == Decimal(5)
    assert [(line.label, line.detail) for line in figure.lines] == [
        (f"{hot_spots['group'].code} – Khiếu nại", "Nhận 01/08/2025 – đông người (6 người ký)"),
        (f"{hot_spots['skips'].code} – Khiếu nại", "Nhận 01/09/2025 – vượt cấp"),
        (f"{hot_spots['both'].code} – Khiếu nại", "Nhận 02/09/2025 – đông người (5 người ký), vượt cấp"),
        (f"{hot_spots['split'].code} – Nhiều nội dung", "Nhận 01/10/2025 – đông người (7 người ký)"),
        (f"{hot_spots['denunciation'].code} – Tố cáo", "Nhận 03/11/2025 – đông người (6 người ký)"),
    ]
    assert figure.lines[0].url == reverse("petitions:petition_detail", args=[hot_spots["group"].pk])
    assert not any("Mật Danh" in f"{line.label}{line.detail}" for line in figure.lines)


def _line_texts(agency, year) -> list[str]:
    texts = []
    for found in all_indicators():
        if found.code.startswith("petitions."):
            figure = found.measure(agency, year)
            texts += [figure.note] + [f"{line.label}\n{line.url}\n{line.detail}" for line in figure.lines]
    return texts


def test_no_indicator_line_names_a_denouncer(agency, request):
    """The three denunciations of the confidentiality crawl (public form,
    official's intake of a group of six, a visit of the register that opens
    one): the lines name them by code only."""
    made = request.getfixturevalue("denunciations")
    texts = _line_texts(agency, 2026)

    everything = "\n".join(texts)
    # The lines are there: the intake's initial check and hot spot, the visit's case.
    for path in (INTAKE, RECEPTION):
        assert made[path].code in everything, path
    assert sum(made[INTAKE].code in text for text in texts) >= 2
    secrets = [secret for values in SECRETS.values() for secret in _forbidden(values)]
    assert DenouncerIdentity.objects.filter(full_name=SECRETS[INTAKE]["name"]).exists()  # there to leak
    assert [text for text in texts if _leaks(text, secrets)] == []

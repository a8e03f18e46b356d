# ruff: noqa: F811  (the fixtures of dvk_fixtures are imported by name)
"""The «Dân vận khéo» services: campaign, registration, reports, review,
recognition, replication and reminders."""

from datetime import date
from decimal import Decimal

import pytest

from danvan.core.models import Notification
from danvan.core.services import DomainError
from danvan.documents.models import LegalDocument
from danvan.emulation import services
from danvan.emulation.models import Campaign, Evidence, GoodPractice, Level, ModelEvent, Score
from tests.emulation.dvk_fixtures import BEFORE_DEADLINE, advance, campaign, practice, practice_fields  # noqa: F401
from tests.factories import person_with_role

S = GoodPractice.Status
PDF = b"%PDF-1.4\n%minh chung\n"


def test_opening_a_campaign_keeps_its_dates_units_and_criteria(campaign, lead_unit, sibling_unit):
    assert campaign.deadline == date(2026, 3, 20)
    assert campaign.report_days() == [date(2026, 6, 30), date(2026, 11, 30)]
    assert set(campaign.expected_units.all()) == {lead_unit, sibling_unit}
    assert [(c.name, c.max_points) for c in campaign.criteria.all()] == [
        ("Hiệu quả thiết thực", Decimal(6)),
        ("Khả năng nhân rộng", Decimal(4)),
    ]


def test_a_campaign_with_a_report_date_before_the_deadline_is_refused(province, agency, office_officer):
    with pytest.raises(DomainError, match="sau hạn đăng ký"):
        services.open_campaign(
            province=province,
            agency=agency,
            year=2026,
            title="Đợt 2026",
            deadline=date(2026, 3, 20),
            report_dates=[date(2026, 3, 1)],
            by=office_officer,
        )
    assert not Campaign.objects.exists()


def test_a_criterion_without_points_is_refused(province, agency, office_officer):
    with pytest.raises(DomainError, match="điểm tối đa"):
        services.open_campaign(
            province=province,
            agency=agency,
            year=2026,
            title="Đợt 2026",
            deadline=date(2026, 3, 20),
            criteria=[("Hiệu quả", Decimal(0))],
            by=office_officer,
        )


def test_the_council_is_named(campaign, agency_head, office_officer):
    services.set_council(campaign=campaign, members=[agency_head], by=office_officer)
    assert list(campaign.council.all()) == [agency_head]
    with pytest.raises(DomainError):
        services.set_council(campaign=campaign, members=[], by=office_officer)


def test_a_registration_before_the_deadline_is_on_time(practice):
    assert practice.status == S.REGISTERED and not practice.is_late
    assert ModelEvent.objects.get(practice=practice).to_status == S.REGISTERED


def test_a_late_registration_needs_a_reason(campaign, lead_unit, unit_officer):
    with pytest.raises(DomainError, match="lý do đăng ký muộn"):
        services.register_practice(
            campaign=campaign, unit=lead_unit, **practice_fields(), today=date(2026, 3, 21), by=unit_officer
        )
    assert not GoodPractice.objects.exists()


def test_a_late_registration_with_a_reason_is_marked_late(campaign, lead_unit, unit_officer):
    late = services.register_practice(
        campaign=campaign,
        unit=lead_unit,
        **practice_fields(),
        late_reason="Đơn vị mới thành lập",
        today=date(2026, 3, 21),
        by=unit_officer,
    )
    assert late.is_late and late.late_reason == "Đơn vị mới thành lập"


@pytest.mark.parametrize(("missing", "message"), [("field", "lĩnh vực"), ("level", "cấp của mô hình")])
def test_a_missing_field_or_level_saves_nothing(campaign, lead_unit, unit_officer, missing, message):
    with pytest.raises(DomainError, match=message):
        services.register_practice(
            campaign=campaign,
            unit=lead_unit,
            **practice_fields(**{missing: ""}),
            today=BEFORE_DEADLINE,
            by=unit_officer,
        )
    assert not GoodPractice.objects.exists()


def test_the_end_must_come_after_the_start(campaign, lead_unit, unit_officer):
    with pytest.raises(DomainError, match="sau ngày bắt đầu"):
        services.register_practice(
            campaign=campaign,
            unit=lead_unit,
            **practice_fields(ends_on=date(2026, 4, 1)),
            today=BEFORE_DEADLINE,
            by=unit_officer,
        )


def test_a_unit_of_another_agency_cannot_register(campaign, other_unit, unit_officer):
    with pytest.raises(DomainError, match="không thuộc cơ quan"):
        services.register_practice(
            campaign=campaign, unit=other_unit, **practice_fields(), today=BEFORE_DEADLINE, by=unit_officer
        )


def test_a_progress_report_keeps_its_evidence(practice, unit_officer):
    services.start_practice(practice=practice, by=unit_officer)
    report = services.report_progress(
        practice=practice,
        period="6 tháng đầu năm",
        figures="120 cân",
        text="Đã kiểm định 120 cân",
        files=[("bien-ban.pdf", PDF)],
        by=unit_officer,
    )
    evidence = report.evidence.get()
    assert evidence.original_name == "bien-ban.pdf" and evidence.file.read() == PDF


def test_a_report_on_a_model_not_started_is_refused(practice, unit_officer):
    with pytest.raises(DomainError, match="đang thực hiện"):
        services.report_progress(practice=practice, period="Quý I", text="Chưa làm", by=unit_officer)


def test_a_damaged_evidence_file_stores_nothing(practice, unit_officer):
    services.start_practice(practice=practice, by=unit_officer)
    with pytest.raises(DomainError):
        services.report_progress(
            practice=practice,
            period="Quý II",
            text="Báo cáo",
            files=[("hong.docx", b"PK\x03\x04rac")],
            by=unit_officer,
        )
    assert not practice.reports.exists() and not Evidence.objects.exists()


def test_a_score_above_the_maximum_is_refused(practice, office_officer, agency_head):
    advance(practice, S.REPORTED, by=office_officer)
    criteria = list(practice.campaign.criteria.all())
    with pytest.raises(DomainError, match="từ 0 đến 6"):
        services.score_practice(
            practice=practice, points={criteria[0].pk: Decimal(7), criteria[1].pk: Decimal(2)}, by=agency_head
        )
    assert not Score.objects.exists()


def test_only_council_members_score(practice, office_officer, unit_head):
    advance(practice, S.REPORTED, by=office_officer)
    points = {c.pk: Decimal(1) for c in practice.campaign.criteria.all()}
    with pytest.raises(DomainError, match="hội đồng"):
        services.score_practice(practice=practice, points=points, by=unit_head)


def test_the_average_is_over_the_members_totals(practice, office_officer, agency_head):
    advance(practice, S.REPORTED, by=office_officer)
    first, second = practice.campaign.criteria.all()
    services.score_practice(
        practice=practice, points={first.pk: Decimal(6), second.pk: Decimal(4)}, by=agency_head
    )
    services.score_practice(
        practice=practice, points={first.pk: Decimal(5), second.pk: Decimal(2)}, by=office_officer
    )
    assert services.average_score(practice) == Decimal("8.50")


def test_proposing_needs_every_member_to_score(practice, office_officer, agency_head):
    advance(practice, S.REPORTED, by=office_officer)
    services.score_practice(
        practice=practice, points={c.pk: Decimal(3) for c in practice.campaign.criteria.all()}, by=agency_head
    )
    with pytest.raises(DomainError, match="Mọi thành viên"):
        services.propose_recognition(practice=practice, by=office_officer)


def test_the_decision_is_numbered_and_enters_the_library(practice, office_officer, agency):
    advance(practice, S.PROPOSED, by=office_officer)
    decision = services.decide_recognition(
        campaign=practice.campaign,
        agency=agency,
        signed_on=date(2026, 12, 10),
        level=Level.SECTOR,
        recognised=[practice],
        by=office_officer,
    )
    practice.refresh_from_db()
    assert decision.number == "01/QĐ-SKHCN"
    assert practice.status == S.RECOGNISED and practice.recognition == decision
    document = LegalDocument.objects.get(number="01/QĐ-SKHCN")
    assert (document.doc_type, document.date, document.issuer) == (
        "Quyết định",
        date(2026, 12, 10),
        agency.name,
    )
    assert Notification.objects.filter(key=f"dvk-recognised:{practice.pk}").exists()


def test_a_decision_on_a_model_not_proposed_is_refused(practice, office_officer, agency):
    library = LegalDocument.objects.count()
    with pytest.raises(DomainError, match="chưa được đề nghị"):
        services.decide_recognition(
            campaign=practice.campaign,
            agency=agency,
            signed_on=date(2026, 12, 10),
            level=Level.SECTOR,
            recognised=[practice],
            by=office_officer,
        )
    assert LegalDocument.objects.count() == library


def test_a_replication_is_a_new_model_linked_to_its_origin(practice, office_officer, sibling_unit):
    advance(practice, S.RECOGNISED, by=office_officer)
    copy = services.replicate_practice(
        origin=practice,
        campaign=practice.campaign,
        unit=sibling_unit,
        address="Chợ Trảng Bàng",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
        responsible="Trần Thị Bình",
        by=office_officer,
    )
    practice.refresh_from_db()
    assert copy.origin == practice and copy.status == S.IN_PROGRESS and copy.unit == sibling_unit
    assert practice.status == S.REPLICATED and list(practice.replications.all()) == [copy]


def test_a_model_not_recognised_cannot_be_replicated(practice, office_officer, sibling_unit):
    with pytest.raises(DomainError, match="đã được công nhận"):
        services.replicate_practice(
            origin=practice,
            campaign=practice.campaign,
            unit=sibling_unit,
            address="Chợ Trảng Bàng",
            starts_on=date(2027, 1, 1),
            ends_on=date(2027, 12, 31),
            responsible="Trần Thị Bình",
            by=office_officer,
        )


def test_units_not_registered_are_reminded_7_3_and_0_days_before_once(campaign, practice, sibling_unit):
    head = person_with_role("unit_head", unit=sibling_unit)
    assert services.missing_registrants(campaign) == ([sibling_unit], [])
    assert services.send_dvk_reminders(today=date(2026, 3, 13)) == 1
    assert services.send_dvk_reminders(today=date(2026, 3, 13)) == 0
    assert services.send_dvk_reminders(today=date(2026, 3, 14)) == 0
    assert services.send_dvk_reminders(today=date(2026, 3, 17)) == 1
    assert services.send_dvk_reminders(today=date(2026, 3, 20)) == 1
    assert head.notifications.count() == 3


def test_progress_reports_are_reminded_on_their_dates(practice, unit_officer, lead_unit):
    services.start_practice(practice=practice, by=unit_officer)
    assert services.send_dvk_reminders(today=date(2026, 6, 29)) == 0
    assert services.send_dvk_reminders(today=date(2026, 6, 30)) == 1
    assert services.send_dvk_reminders(today=date(2026, 6, 30)) == 0
    assert Notification.objects.filter(recipient=unit_officer, key__startswith="dvk-progress:").count() == 1

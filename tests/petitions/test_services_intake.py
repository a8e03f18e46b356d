"""Intake and processing of petitions (xử lý đơn, domain.md §4 and 12.2)."""

from datetime import date

import pytest

from danvan.petitions import services
from danvan.petitions.models import Citizen, Deadline, IdentityGrant, IdentityRead, Petition
from tests.petitions.factories import classified, petition_for

D = Petition.Kind.DENUNCIATION
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"


def test_receive_petition_starts_the_ten_working_day_limit(calendar_2026, agency, office_officer):
    petition = petition_for(agency, by=office_officer, received_on=date(2026, 2, 6))
    assert petition.deadlines.get().code == "petition.notify"
    assert petition.deadlines.get().due_date == date(2026, 2, 28)


def test_receive_petition_gives_a_code_and_stores_accent_free_keys(agency):
    petition = petition_for(agency, subject="Phản ánh đường hư hỏng")
    assert len(petition.code) == 11 and petition.code[5] == "-"
    assert petition.sender_key == "tran thi buoi" and "phan anh duong hu hong" in petition.search_text


def test_receive_petition_reuses_a_citizen_known_by_identity_number(agency):
    petition_for(agency)
    petition_for(agency, subject="Lần hai")
    assert Citizen.objects.count() == 1


def test_online_petition_without_phone_or_email_is_refused(agency):
    with pytest.raises(services.DomainError, match="số điện thoại hoặc thư điện tử"):
        petition_for(agency, source=Petition.Source.ONLINE, phone="", email="")


def test_denouncer_identity_is_kept_off_the_petition(agency, agency_head, office_officer):
    petition = petition_for(agency, by=office_officer, kind=D)
    assert petition.citizen is None and petition.sender_key == ""
    assert petition.denouncer.full_name == "Trần Thị Bưởi"
    granted = set(IdentityGrant.objects.values_list("person", flat=True))
    assert granted == {agency_head.pk, office_officer.pk}


def test_denunciation_gets_seven_working_days_of_initial_processing(calendar_2026, agency):
    petition = petition_for(agency, kind=D, received_on=date(2026, 2, 12))
    assert petition.deadlines.get().code == "denunciation.initial_check"
    assert petition.deadlines.get().due_date == date(2026, 3, 2)


def test_new_case_code_is_not_predictable():
    codes = {services.new_case_code() for _ in range(200)}
    assert len(codes) == 200


def test_classify_petition_records_conditions_and_handler(agency, inspector):
    petition = classified(agency, by=inspector, handler=inspector)
    assert petition.status == Petition.Status.CLASSIFIED and petition.handler == inspector


def test_classify_petition_needs_a_reason_when_conditions_fail(agency, inspector):
    petition = petition_for(agency)
    with pytest.raises(services.DomainError, match="lý do"):
        services.classify_petition(
            petition=petition, kind="complaint", conditions_met=False, in_jurisdiction=True, by=inspector
        )


def test_classify_petition_cannot_turn_a_complaint_into_a_denunciation(agency, inspector):
    with pytest.raises(services.DomainError, match="tiếp nhận lại"):
        services.classify_petition(
            petition=petition_for(agency), kind=D, conditions_met=True, in_jurisdiction=True, by=inspector
        )


def test_split_petition_makes_one_petition_per_content(agency, inspector):
    petition = petition_for(agency, kind=Petition.Kind.MIXED)
    parts = services.split_petition(
        petition=petition,
        parts=[("complaint", "Khiếu nại thu hồi đất", "…"), ("feedback", "Phản ánh đường", "…")],
        by=inspector,
    )
    assert [p.kind for p in parts] == ["complaint", "feedback"]
    assert Petition.objects.get(pk=petition.pk).status == Petition.Status.SPLIT


def test_guide_petition_meets_the_notification_limit(agency, inspector):
    petition = classified(agency, by=inspector)
    services.guide_petition(petition=petition, note="Gửi UBND xã", on=date(2026, 3, 4), by=inspector)
    assert Deadline.objects.get(petition=petition).met_on == date(2026, 3, 4)


def test_guide_petition_only_once_per_content(agency, inspector):
    first = classified(agency, by=inspector)
    services.guide_petition(petition=first, note="Gửi UBND xã", on=date(2026, 3, 4), by=inspector)
    second = petition_for(agency)
    services.classify_petition(
        petition=second,
        kind="complaint",
        conditions_met=True,
        in_jurisdiction=False,
        duplicate_of=first,
        by=inspector,
    )
    with pytest.raises(services.DomainError, match="đã được hướng dẫn một lần"):
        services.guide_petition(petition=second, note="Lại", on=date(2026, 3, 9), by=inspector)


def test_forward_petition_needs_the_competent_body(agency, inspector):
    petition = classified(agency, by=inspector)
    with pytest.raises(services.DomainError, match="cơ quan có thẩm quyền"):
        services.forward_petition(petition=petition, note="", on=date(2026, 3, 4), by=inspector)


def test_return_petition_only_for_forwarded_ones(agency, inspector):
    petition = classified(agency, by=inspector)
    with pytest.raises(services.DomainError, match="cơ quan khác chuyển đến"):
        services.return_petition(petition=petition, note="", on=date(2026, 3, 4), by=inspector)


def test_answer_petition_stores_the_public_answer(agency, inspector):
    petition = classified(agency, by=inspector, kind=Petition.Kind.FEEDBACK)
    services.answer_petition(
        petition=petition, note="", public_answer="Đã sửa đường.", on=date(2026, 3, 4), by=inspector
    )
    assert Petition.objects.get(pk=petition.pk).public_answer == "Đã sửa đường."


def test_file_petition_twice_is_refused(agency, inspector):
    petition = classified(agency, by=inspector)
    services.file_petition(petition=petition, note="Đơn trùng", on=date(2026, 3, 4), by=inspector)
    with pytest.raises(services.DomainError, match="đã được xử lý"):
        services.file_petition(petition=petition, note="Đơn trùng", on=date(2026, 3, 4), by=inspector)


def test_attach_file_accepts_a_pdf_by_its_content(agency):
    attachment = services.attach_file(petition=petition_for(agency), data=PDF, filename="don.pdf", by=None)
    assert attachment.content_type == "application/pdf"


def test_attach_file_refuses_an_executable_named_pdf(agency):
    with pytest.raises(services.DomainError, match="Chỉ nhận tệp"):
        services.attach_file(petition=petition_for(agency), data=b"MZ\x90\x00", filename="don.pdf", by=None)


def test_attach_file_refuses_more_than_ten_megabytes(agency):
    data = PDF + b"0" * services.MAX_ATTACHMENT_BYTES
    with pytest.raises(services.DomainError, match="10 MB"):
        services.attach_file(petition=petition_for(agency), data=data, filename="don.pdf", by=None)


def test_attachment_type_reads_the_signature():
    assert services.attachment_type(b"\x89PNG\r\n\x1a\n...") == "image/png"
    assert services.attachment_type(b"#!/bin/sh") is None


def test_grant_identity_access_names_one_more_person(agency, inspector, office_officer):
    petition = petition_for(agency, by=office_officer, kind=D)
    services.grant_identity_access(petition=petition, person=inspector, by=office_officer)
    assert petition.denouncer.grants.filter(person=inspector).exists()


def test_grant_identity_access_stays_inside_the_agency(agency, office_officer, other_agency_officer):
    petition = petition_for(agency, by=office_officer, kind=D)
    with pytest.raises(services.DomainError, match="cơ quan giải quyết"):
        services.grant_identity_access(petition=petition, person=other_agency_officer, by=office_officer)


def test_read_denouncer_identity_logs_who_read_it(agency, agency_head):
    petition = petition_for(agency, kind=D)
    services.read_denouncer_identity(petition=petition, by=agency_head)
    assert IdentityRead.objects.get().person == agency_head


def test_resolve_code_and_next_steps_follow_the_case_kind(agency, inspector):
    from tests.petitions.factories import case_for

    case = case_for(agency, by=inspector, kind=D)
    assert services.resolve_code(case) == "denunciation.resolve"
    assert services.next_steps(case) == ["notified"]


def test_receive_petition_keeps_who_forwarded_it(agency, office_officer):
    petition = services.receive_petition(
        agency=agency,
        source=Petition.Source.FORWARDED,
        forwarded_by="Đoàn Đại biểu Quốc hội tỉnh",
        kind=Petition.Kind.FEEDBACK,
        subject="Phản ánh ô nhiễm",
        content="Cơ sở sản xuất xả thải ra kênh.",
        received_on=date(2026, 3, 2),
        sender_name="Nhóm cử tri ấp 3",
        signer_count=12,
        by=office_officer,
    )
    assert petition.forwarded_by == "Đoàn Đại biểu Quốc hội tỉnh" and petition.is_group


def test_denunciation_outside_jurisdiction_must_be_forwarded_in_five_working_days(
    calendar_2026, agency, inspector
):
    petition = petition_for(agency, kind=D, received_on=date(2026, 3, 5))
    services.classify_petition(
        petition=petition, kind=D, conditions_met=True, in_jurisdiction=False, by=inspector
    )
    assert Deadline.objects.get(petition=petition, code="denunciation.forward").due_date == date(2026, 3, 12)


def test_withdraw_petition_closes_processing(agency, inspector):
    petition = petition_for(agency)
    services.withdraw_petition(
        petition=petition, on=date(2026, 3, 4), note="Đơn rút ngày 04/03/2026", by=inspector
    )
    assert Petition.objects.get(pk=petition.pk).status == Petition.Status.WITHDRAWN


def test_extend_initial_check_gives_ten_working_days(calendar_2026, agency, inspector):
    petition = petition_for(agency, kind=D, received_on=date(2026, 3, 5))
    services.extend_initial_check(petition=petition, reason="Xác minh tại hai xã", by=inspector)
    assert Deadline.objects.get(petition=petition).due_date == date(2026, 3, 19)


def test_extend_initial_check_only_once(agency, inspector):
    petition = petition_for(agency, kind=D)
    services.extend_initial_check(petition=petition, reason="Xác minh tại hai xã", by=inspector)
    with pytest.raises(services.DomainError, match="đã được gia hạn"):
        services.extend_initial_check(petition=petition, reason="Lần nữa", by=inspector)

"""The sender of an online petition is told the code at once and each step
the lookup shows; the receivers learn of it; the handler learns they were
made handler; nobody's name, nor what a denunciation says, is in any of it."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from danvan.core import outbox
from danvan.core.models import Notification, OutgoingMail
from danvan.petitions import selectors, services
from danvan.petitions.models import Petition
from danvan.petitions.services import telling
from tests import citizen_backends

TODAY = timezone.localdate()
SENDER = "Đoàn Thị Gửi Thư"
ACCUSED = "Cao Văn Bị Cáo"
CONTENT = f"Ông {ACCUSED}, cán bộ địa chính, nhận 20 triệu đồng để ký hồ sơ đất."
SUBJECT = "Tố cáo hành vi nhận tiền của cán bộ"


@pytest.fixture(autouse=True)
def _today():
    """Read the day when each test starts, not when the module is imported, so
    that a run crossing midnight in Vietnam compares like with like."""
    global TODAY
    TODAY = timezone.localdate()


@pytest.fixture
def identity(agency):
    agency.address = "Số 2 đường Lý Thường Kiệt, phường Hải Châu"
    agency.hotline = "0236 3822 111"
    agency.save(update_fields=["address", "hotline"])
    return agency


def submit(client, agency, **fields):
    data = {
        "kind": Petition.Kind.FEEDBACK,
        "agency": agency.pk,
        "full_name": SENDER,
        "address": "Tổ 5, phường Thạch Thang",
        "phone": "",
        "email": "gui.thu@example.vn",
        "subject": "Đèn đường hẻm 12 hỏng",
        "content": "Đèn đường hẻm 12 hỏng đã hai tuần.",
        **fields,
    }
    response = client.post(reverse("petitions_public:submit"), data)
    assert response.status_code == 302, response.content.decode()
    return Petition.objects.get(subject=data["subject"])


def sent_to(address: str) -> list:
    outbox.send_due_mail()
    return [message for message in mail.outbox if message.to == [address]]


def test_sender_with_only_an_email_gets_the_code_at_once(client, identity):
    petition = submit(client, identity)
    row = OutgoingMail.objects.get(to="gui.thu@example.vn")
    assert row.confidential and row.status == OutgoingMail.Status.PENDING
    [message] = sent_to("gui.thu@example.vn")
    assert message.subject == f"Đơn {petition.code}: Đã nhận đơn"
    deadline = petition.deadlines.get(code="petition.notify")
    for part in (
        petition.code,
        "Sở Khoa học và Công nghệ đã nhận đơn của ông/bà ngày",
        f"Hạn trả lời theo quy định: {deadline.due_date:%d/%m/%Y}",
        "http://127.0.0.1:8000/cong-dan/tra-cuu/",
        "Số 2 đường Lý Thường Kiệt, phường Hải Châu",
        "Đường dây nóng: 0236 3822 111",
    ):
        assert part in message.body, part
    assert SENDER not in message.body and "Đèn đường hẻm 12 hỏng đã hai tuần" not in message.body


def test_each_step_the_lookup_shows_is_mailed(client, identity, agency_head):
    answered = submit(client, identity, subject="Kiến nghị sửa đèn")
    complaint = submit(
        client, identity, kind=Petition.Kind.COMPLAINT, subject="Khiếu nại thu phí", email="kn@example.vn"
    )
    forwarded = submit(client, identity, subject="Kiến nghị về điện", email="dien@example.vn")
    for petition in (answered, complaint, forwarded):
        in_jurisdiction = petition != forwarded
        services.classify_petition(
            petition=petition,
            kind=petition.kind,
            conditions_met=True,
            in_jurisdiction=in_jurisdiction,
            competent_body="" if in_jurisdiction else "Công ty Điện lực thành phố",
            by=agency_head,
        )
    services.answer_petition(
        petition=answered, note="", public_answer="Đã thay bóng đèn ngày 10/03.", on=TODAY, by=agency_head
    )
    case = services.accept_petition(
        petition=complaint, accepted_on=TODAY, handler=agency_head, by=agency_head
    )
    services.forward_petition(petition=forwarded, note="", on=TODAY, by=agency_head)

    reply = sent_to("gui.thu@example.vn")[-1]
    assert reply.subject == f"Đơn {answered.code}: Đã trả lời"
    assert f"Ngày {TODAY:%d/%m/%Y}, Sở Khoa học và Công nghệ đã trả lời đơn" in reply.body
    assert "Đã thay bóng đèn ngày 10/03." in reply.body

    accepted = sent_to("kn@example.vn")[-1]
    resolve = complaint.deadlines.get(code=services.resolve_code(case))
    assert accepted.subject == f"Đơn {complaint.code}: Đã thụ lý"
    assert f"Hạn trả lời theo quy định: {resolve.due_date:%d/%m/%Y}" in accepted.body
    assert agency_head.full_name not in accepted.body

    moved = sent_to("dien@example.vn")[-1]
    assert moved.subject == f"Đơn {forwarded.code}: Đã chuyển đơn"
    assert "Cơ quan giải quyết: Công ty Điện lực thành phố" in moved.body
    assert "Hạn trả lời theo quy định" not in moved.body
    # Two mails each: the code, then the step.
    assert [len(sent_to(a)) for a in ("gui.thu@example.vn", "kn@example.vn", "dien@example.vn")] == [2, 2, 2]


def test_denunciation_mails_carry_neither_its_content_nor_any_name(client, identity, agency_head, inspector):
    petition = submit(
        client,
        identity,
        kind=Petition.Kind.DENUNCIATION,
        subject=SUBJECT,
        content=CONTENT,
        email="kin@example.vn",
    )
    services.classify_petition(
        petition=petition,
        kind=petition.kind,
        conditions_met=True,
        in_jurisdiction=True,
        handler=inspector,
        by=agency_head,
    )
    services.accept_petition(petition=petition, accepted_on=TODAY, handler=inspector, by=agency_head)
    messages = sent_to("kin@example.vn")
    assert [m.subject for m in messages] == [
        f"Đơn {petition.code}: Đã nhận đơn",
        f"Đơn {petition.code}: Đã thụ lý",
    ]
    for message in messages:
        text = f"{message.subject}\n{message.body}"
        for secret in (SENDER, ACCUSED, CONTENT, SUBJECT, inspector.full_name, agency_head.full_name):
            assert secret not in text
    # Nor the staff's notifications and their e-mails: no sender, no content.
    texts = [n.text for n in Notification.objects.all()] + [
        m.body for m in mail.outbox if m.to != ["kin@example.vn"]
    ]
    assert texts
    for text in texts:
        for secret in (SENDER, "kin@example.vn", ACCUSED, CONTENT, SUBJECT):
            assert secret not in text


def test_the_receivers_are_told_of_an_online_petition(
    client, identity, agency_head, office_officer, inspector, unit_officer, other_agency_officer
):
    petition = submit(client, identity)
    told = set(
        Notification.objects.filter(key=f"petitions:online:{petition.pk}").values_list("recipient", flat=True)
    )
    assert told == {agency_head.pk, office_officer.pk, inspector.pk}
    notification = office_officer.notifications.get()
    assert petition.code in notification.text and "Kiến nghị, phản ánh" in notification.text
    assert notification.url == reverse("petitions:petition_detail", args=[petition.pk])
    assert sent_to(office_officer.email), "the office's officer takes each notification by e-mail"
    # Told once: telling again tells nobody.
    assert telling.tell_receivers_of_arrival(petition) == []


def test_a_petition_registered_by_an_official_sends_the_sender_nothing(agency, inspector):
    from tests.petitions.factories import petition_for

    petition_for(agency, email="buoi@example.vn", by=inspector)
    assert not OutgoingMail.objects.filter(confidential=True).exists()
    assert not Notification.objects.filter(key__startswith="petitions:online:").exists()


def test_a_person_made_handler_is_told(client, identity, agency_head, inspector, unit_officer):
    petition = submit(client, identity, kind=Petition.Kind.DENUNCIATION, subject=SUBJECT, content=CONTENT)
    services.classify_petition(
        petition=petition,
        kind=petition.kind,
        conditions_met=True,
        in_jurisdiction=True,
        handler=unit_officer,
        by=agency_head,
    )
    services.accept_petition(petition=petition, accepted_on=TODAY, handler=inspector, by=agency_head)
    [made] = unit_officer.notifications.all()
    assert made.text == f"Ông/bà được giao xử lý đơn {petition.code} (Tố cáo)."
    assert inspector.notifications.filter(
        text=f"Ông/bà được giao giải quyết vụ việc {petition.code} (Tố cáo)."
    ).exists()
    # Told once: classifying again with the same handler tells nobody again.
    assert telling.tell_handler(petition, unit_officer) == []


def lookup(client, code, **fields):
    return client.post(reverse("petitions_public:lookup"), {"code": code, **fields})


def test_lookup_by_code_and_email(client, identity):
    mine = submit(client, identity)
    other = submit(client, identity, subject="Kiến nghị khác", email="khac@example.vn")
    found = lookup(client, mine.code, email="Gui.Thu@Example.vn ").content.decode()
    assert mine.subject in found
    for email in ("sai@example.vn", "khac@example.vn"):
        page = lookup(client, mine.code, email=email).content.decode()
        assert mine.subject not in page and "Không tìm thấy hồ sơ" in page
    assert other.subject in lookup(client, other.code, email="khac@example.vn").content.decode()
    assert selectors.public_status(mine.code, "", "gui.thu@example.vn") == mine
    assert selectors.public_status(mine.code, "", "khac@example.vn") is None
    assert selectors.public_status("AAAAA-AAAAA", "", "gui.thu@example.vn") is None


def test_lookup_needs_digits_or_an_email(client, identity):
    petition = submit(client, identity)
    response = lookup(client, petition.code)
    assert "Hãy nhập 4 số cuối điện thoại hoặc thư điện tử" in response.content.decode()
    assert petition.subject not in response.content.decode()


def test_lookup_shows_the_agency_and_the_legal_answer_date(client, identity, agency_head):
    petition = submit(client, identity)
    due = petition.deadlines.get(code="petition.notify").due_date
    page = lookup(client, petition.code, email="gui.thu@example.vn").content.decode()
    assert "Cơ quan đang giải quyết: Sở Khoa học và Công nghệ" in page
    assert f"Hạn trả lời theo quy định: {due:%d/%m/%Y}" in page
    assert "0236 3822 111" in page and "Số 2 đường Lý Thường Kiệt" in page
    services.classify_petition(
        petition=petition,
        kind=petition.kind,
        conditions_met=True,
        in_jurisdiction=False,
        competent_body="UBND phường Thạch Thang",
        by=agency_head,
    )
    services.forward_petition(petition=petition, note="", on=TODAY, by=agency_head)
    page = lookup(client, petition.code, email="gui.thu@example.vn").content.decode()
    assert "Đơn đã được chuyển đến cơ quan có thẩm quyền: UBND phường Thạch Thang" in page
    assert "Hạn trả lời theo quy định" not in page
    assert selectors.public_case_holder(petition)["forwarded_to"] == "UBND phường Thạch Thang"


def test_public_pages_carry_the_agency_identity(client, identity):
    page = client.get(reverse("petitions_public:submit"), {"co-quan": identity.pk}).content.decode()
    assert "Đường dây nóng: 0236 3822 111" in page and "Số 2 đường Lý Thường Kiệt" in page
    submit(client, identity)
    page = client.get(reverse("petitions_public:submitted")).content.decode()
    assert "Đường dây nóng: 0236 3822 111" in page


def test_a_text_message_channel_is_handed_the_message(client, identity, settings):
    settings.DANVAN_CITIZEN_MESSAGE_BACKENDS = [
        "danvan.core.notify.EmailBackend",
        "tests.citizen_backends.RecordingTextBackend",
    ]
    citizen_backends.SENT.clear()
    petition = submit(client, identity, phone="0905 123 456", email="")
    [text] = citizen_backends.SENT
    assert text.phone == "0905 123 456" and not text.email
    assert petition.code in text.short and "đã nhận đơn" in text.short and len(text.short) < 200
    assert not OutgoingMail.objects.filter(confidential=True).exists(), "no e-mail without an address"
    message = telling.citizen_message(petition, telling.RECEIVED, petition.received_on)
    assert telling.tell_sender(petition, telling.RECEIVED, petition.received_on) == 1
    assert citizen_backends.SENT[-1] == message
    assert "Đường dây nóng: 0236 3822 111" in telling.agency_signature(identity)
    citizen_backends.SENT.clear()

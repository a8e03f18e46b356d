"""Nobody without a named grant learns who denounced (Luật Tố cáo 2018
Điều 47), whichever way the denunciation came in.

Three denunciations arrive by the three paths — the citizens' public form,
an official's intake and a visit of the reception register that opens one —
each from a person with their own distinctive name, address, identity
number, phone, e-mail and representative. Then every persona, the system
administrator and the province reviewer included, walks every page it can
reach from the landing page, the lists, the admin and the API, opens the
receipts and the Word, Excel and PDF files it finds (a letter's signed PDF
and the results of the survey the public denunciation's sender answered
among them), reads its notifications, and none of those identifying strings
of a denunciation it was not granted may appear anywhere; nor in any e-mail
sent. The granted people do read them on the identity page.

Every page of the petitions area and of the petitions API, and the public
submission and lookup, is sent with ``Cache-Control: no-store``.
"""

from __future__ import annotations

import html
import json
import re
from collections import deque
from datetime import date
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from danvan.core.text import search_key
from danvan.documents import services as document_services
from danvan.documents.models import SignedCopy
from danvan.documents.output.pdf import soffice_path
from danvan.documents.selectors import signed_copies_of
from danvan.evaluation import services as evaluation
from danvan.evaluation.engine.sheets import write_criteria_sheet
from danvan.evaluation.models import Assessment
from danvan.petitions import services
from danvan.petitions.models import Citizen, DenouncerIdentity, IdentityGrant, Petition, Reception
from danvan.surveys import services as surveys
from danvan.surveys import tokens
from danvan.surveys.models import Question, Survey
from tests.evaluation.conftest import import_can_tho
from tests.evaluation.engine.can_tho_2579 import CRITERIA, RULES
from tests.matrix import ROLES
from tests.signing_ca import PASSPHRASE

PUBLIC, INTAKE, RECEPTION = "public", "intake", "reception"
SECRETS = {
    PUBLIC: {
        "name": "Quách Thị Kín Nhất",
        "address": "Số 17 hẻm Lặng Im, phường Ẩn Danh",
        "phone": "0909 471 101",
        "email": "kin.nhat@example.vn",
    },
    INTAKE: {
        "name": "Lục Văn Giấu Nhì",
        "address": "Số 27 ngõ Khuất Bóng, xã Vô Danh",
        "identity_number": "079199004702",
        "phone": "0909 471 202",
        "email": "giau.nhi@example.vn",
        "representative": "Tạ Thị Đại Diện",
    },
    RECEPTION: {
        "name": "Mạc Văn Tố Ba",
        "address": "Số 37 kiệt Thầm Lặng, thôn Kín Tiếng",
        "identity_number": "079199004703",
        "phone": "0909 471 303",
    },
}
# Pages not walked: signing out, the language switch, static files, stored
# files, the API's schema and docs, and the admin's deletions.
SKIPPED = re.compile(
    r"^/(static/|media/|i18n/|tai-khoan/dang-xuat/|api/schema/|api/docs/)|/delete/$|/password/$"
)
PERSONAL_PAGES = re.compile(r"^/(tiep-cong-dan/|cong-dan/(gui-don|tra-cuu)/|api/v1/petitions(?!/figures))")
MAX_PAGES = 2500


@pytest.fixture
def denunciations(
    client,
    agency,
    agency_head,
    inspector,
    office_officer,
    reception,
    system_admin,
    test_ca,
    django_capture_on_commit_callbacks,
):
    """One denunciation by each path; the ``reception`` fixture is an
    ordinary visit beside them (its form must not list the others)."""
    client.post(
        reverse("petitions_public:submit"),
        {
            "kind": Petition.Kind.DENUNCIATION,
            "agency": agency.pk,
            "full_name": SECRETS[PUBLIC]["name"],
            "address": SECRETS[PUBLIC]["address"],
            "phone": SECRETS[PUBLIC]["phone"],
            "email": SECRETS[PUBLIC]["email"],
            "subject": "Tố cáo cán bộ thu tiền trái phép",
            "content": "Cán bộ một cửa thu thêm tiền khi nhận hồ sơ.",
        },
    )
    public = Petition.objects.get(subject="Tố cáo cán bộ thu tiền trái phép")

    client.force_login(inspector)
    secret = SECRETS[INTAKE]
    response = client.post(
        reverse("petitions:petition_create"),
        {
            "agency": agency.pk,
            "received_on": "03/03/2026",
            "source": Petition.Source.POST,
            "kind": Petition.Kind.DENUNCIATION,
            "subject": "Tố cáo việc cấp phép sai quy định",
            "content": "Giấy phép được cấp cho người không đủ điều kiện.",
            "sender_name": secret["name"],
            "sender_address": secret["address"],
            "identity_number": secret["identity_number"],
            "phone": secret["phone"],
            "email": secret["email"],
            "signer_count": 6,
            "representative": secret["representative"],
        },
    )
    assert response.status_code == 302, response.content.decode()
    intake = Petition.objects.get(subject="Tố cáo việc cấp phép sai quy định")

    client.force_login(office_officer)
    secret = SECRETS[RECEPTION]
    response = client.post(
        reverse("petitions:reception_create"),
        {
            "agency": agency.pk,
            "received_on": "04/03/2026",
            "full_name": secret["name"],
            "address": secret["address"],
            "identity_number": secret["identity_number"],
            "phone": secret["phone"],
            "group_size": 1,
            "content": "Trình bày việc cán bộ địa chính nhận tiền để hợp thức hóa đất.",
            "documents_received": "01 đơn tố cáo, 02 ảnh chụp",
        },
    )
    assert response.status_code == 302, response.content.decode()
    visit = Reception.objects.get(received_on=date(2026, 3, 4))
    response = client.post(
        reverse("petitions:reception_open_petition", args=[visit.pk]),
        {
            "kind": Petition.Kind.DENUNCIATION,
            "subject": "Tố cáo cán bộ địa chính nhận tiền",
            "content": "Cán bộ địa chính nhận tiền để hợp thức hóa đất.",
        },
    )
    assert response.status_code == 302, response.content.decode()
    from_visit = Petition.objects.get(reception=visit)
    client.logout()

    # The visit's denunciation goes on: its acceptance slip is a Word file.
    services.classify_petition(
        petition=from_visit, kind=from_visit.kind, conditions_met=True, in_jurisdiction=True, by=agency_head
    )
    services.accept_petition(
        petition=from_visit,
        accepted_on=date(2026, 3, 6),
        handler=agency_head,
        instance=1,
        remote_area=False,
        by=agency_head,
    )
    # The scan tells the handlers and leaders of what is overdue, in the app and by e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        services.escalate_overdue_deadlines(today=date(2026, 12, 31))
    _signed_letter(from_visit, authority=test_ca, admin=system_admin, by=agency_head)
    _assessment_citing(agency, [public, intake, from_visit], by=agency_head)
    _survey_answered_about(public, by=office_officer)
    return {PUBLIC: public, INTAKE: intake, RECEPTION: from_visit}


def _signed_letter(petition, *, authority, admin, by) -> SignedCopy | None:
    """The visit's acceptance slip signed with the agency's certificate: its
    signed PDF is crawled too. Signing prints with LibreOffice; without it
    (a developer's machine) the crawl goes on without the signed copy."""
    if soffice_path() is None:
        return None
    document_services.configure_signing_certificate(
        agency=petition.agency,
        bundle=authority.bundle(petition.agency.name),
        passphrase=PASSPHRASE,
        seal=None,
        by=admin,
    )
    return services.sign_petition_letter(petition=petition, by=by)


def _survey_answered_about(petition, *, by) -> Survey:
    """The agency's survey about petition handling, answered through the
    invitation bound to the public denunciation: its results are crawled too."""
    survey = surveys.create_survey(
        agency=petition.agency, title="Đánh giá giải quyết đơn", about_petitions=True, by=by
    )
    scale = surveys.add_question(survey=survey, kind=Question.Kind.SCALE, text="Mức hài lòng", by=by)
    text = surveys.add_question(survey=survey, kind=Question.Kind.TEXT, text="Góp ý", required=False, by=by)
    surveys.publish_survey(survey=survey, on=date(2026, 3, 10), by=by)
    surveys.submit_response(
        survey=survey,
        values={scale.pk: 4, text.pk: "Cán bộ tiếp nhận nhanh"},
        today=date(2026, 3, 20),
        petition_key=tokens.petition_key(survey.pk, petition.pk),
    )
    return survey


def _assessment_citing(agency, petitions, *, by) -> Assessment:
    """The agency's yearly assessment, whose figures count the denunciations
    and whose evidence links them: the evaluation's pages and files are crawled too."""
    criteria_set = import_can_tho(agency.province, by, write_criteria_sheet(CRITERIA, RULES), years=(2026,))
    criteria_set = evaluation.put_in_use(criteria_set=criteria_set, by=by)
    criteria_set.nodes.filter(key="II/3").update(indicator="petitions.within_limit")
    criteria_set.nodes.filter(key="IV/1").update(indicator="petitions.past_limit")
    assessment = evaluation.open_assessment(agency=agency, year=2026, by=by)
    evidence = assessment.scores.get(node__key="II/3")
    for petition in petitions:
        evaluation.add_evidence_link(leaf=evidence, kind="petition", object_id=petition.pk, by=by)
    assert evidence.proposal["lines"], "the figure lists the cases it counts"
    return assessment


def _text(response) -> str:
    """What a person reads in the response: the page, the JSON, or the text
    of a Word, Excel or PDF file."""
    content_type = response.get("Content-Type", "")
    body = _body(response)
    if "wordprocessingml" in content_type:
        from docx import Document

        document = Document(BytesIO(body))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
        return "\n".join(parts)
    if "spreadsheetml" in content_type:
        from openpyxl import load_workbook

        book = load_workbook(BytesIO(body), read_only=True)
        return "\n".join(
            str(value)
            for sheet in book
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value
        )
    if "pdf" in content_type:
        import pdfplumber

        with pdfplumber.open(BytesIO(body)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    text = body.decode("utf-8", errors="replace")
    if "json" in content_type:
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            return text
    return html.unescape(text)


def _body(response) -> bytes:
    """The response's bytes; a streamed file (a signed PDF) is read once and kept."""
    if not response.streaming:
        return response.content
    if not hasattr(response, "crawled_body"):
        response.crawled_body = b"".join(response.streaming_content)
    return response.crawled_body


def _links(text: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"#]+)', text)]


def _forbidden(values: dict) -> list[str]:
    """Each identifying string, as typed and without accents or spaces."""
    found = []
    for value in values.values():
        found += [value, search_key(value), value.replace(" ", "")]
    return found


def _leaks(text: str, secrets: list[str]) -> list[str]:
    plain = search_key(text)
    return [s for s in secrets if s in text or s in plain]


def _seeds(denunciations) -> list[str]:
    seeds = [
        "/",
        reverse("petitions:index"),
        reverse("petitions:reception_list"),
        reverse("core:notifications"),
        "/quan-tri/",
        "/api/v1/me",
        "/api/v1/petitions",
        "/api/v1/reports",
        # The API's figures and lists for other systems: counts, never a sender.
        "/api/v1/petitions/figures",
        "/api/v1/dialogues",
        "/api/v1/tasks",
        "/api/v1/plans",
        "/api/v1/report-requests",
        "/api/v1/unit-reports",
        reverse("petitions_public:submit"),
        reverse("petitions_public:lookup"),
        reverse("petitions_public:schedule"),
        reverse("evaluation:assessment_list"),
        reverse("surveys:survey_list"),
        *[
            reverse(name, args=[pk])
            for pk in Survey.objects.values_list("pk", flat=True)
            for name in ("surveys:survey_detail", "surveys:survey_results", "surveys:survey_export")
        ],
        *[
            reverse("evaluation:assessment_detail", args=[pk])
            for pk in Assessment.objects.values_list("pk", flat=True)
        ],
    ]
    for petition in denunciations.values():
        pk = petition.pk
        seeds += [
            reverse("petitions:petition_detail", args=[pk]),
            reverse("petitions:denouncer_identity", args=[pk]),
            reverse("api:petition_detail", args=[pk]),
            reverse("petitions:petition_letter", args=[pk]),
            *[
                reverse("petitions:petition_signed_letter", args=[pk, copy.pk])
                for copy in signed_copies_of(petition)
            ],
        ]
        if petition.reception_id:
            seeds += [
                reverse("petitions:reception_detail", args=[petition.reception_id]),
                reverse("petitions:reception_receipt", args=[petition.reception_id]),
                f"/quan-tri/petitions/reception/{petition.reception_id}/change/",
            ]
    # Last, once the reads above are in it: the read log names records by code.
    return [*seeds, reverse("core:read_log"), "/quan-tri/core/sensitiveread/"]


def crawl(client, seeds: list[str]) -> dict[str, object]:
    """Every page reachable from the seeds by links within the site (links
    with a query string are the seeds' own only: sorting and filters repeat
    the same rows); each URL once."""
    seen: dict[str, object] = {}
    queue = deque(seeds)
    while queue:
        url = queue.popleft()
        if url in seen or SKIPPED.search(urlsplit(url).path):
            continue
        response = client.get(url)
        seen[url] = response
        assert len(seen) < MAX_PAGES, "the crawl does not end"
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for link in _links(_text(response)):
            parts = urlsplit(link)
            if parts.netloc or parts.scheme or not parts.path.startswith("/") or parts.query:
                continue
            queue.append(parts.path)
    return seen


def _granted(person, petition) -> bool:
    return IdentityGrant.objects.filter(identity__petition=petition, person=person).exists()


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_no_page_export_api_or_admin_page_names_a_denouncer_to_whom_was_not_granted(
    client, request, denunciations, role
):
    person = None if role == "anonymous" else request.getfixturevalue(role)
    hidden = {
        path: _forbidden(SECRETS[path])
        for path, petition in denunciations.items()
        if person is None or not _granted(person, petition)
    }
    if person is not None:
        client.force_login(person)
        # The search box by each denouncer's name, before the read log is
        # walked: those granted it find the denunciation, and the log keeps
        # the read without the name. (The results page itself repeats the
        # words typed, so it is not walked.)
        for secret in SECRETS.values():
            client.get(reverse("core:search"), {"q": secret["name"]})
    pages = crawl(client, _seeds(denunciations))
    if person is None:
        # The citizen's own lookup of the public denunciation: its status, not its sender.
        petition = denunciations[PUBLIC]
        digits = SECRETS[PUBLIC]["phone"].replace(" ", "")[-4:]
        lookup = reverse("petitions_public:lookup")
        pages[f"{lookup} (POST)"] = response = client.post(lookup, {"code": petition.code, "digits": digits})
        assert petition.subject in response.content.decode()
    assert sum(response.status_code == 200 for response in pages.values()) > (10 if person else 2)

    # The crawl reached what could leak: the visit, its receipt, the Word
    # letter, the API, and for the administrator the admin's visit form.
    visit = denunciations[RECEPTION].reception_id
    assessment = Assessment.objects.get()
    reached = {
        "province_officer": [
            reverse("petitions:reception_detail", args=[visit]),
            reverse("evaluation:assessment_docx", args=[assessment.pk]),
            reverse("evaluation:assessment_xlsx", args=[assessment.pk]),
        ],
        "agency_head": [
            reverse("evaluation:assessment_detail", args=[assessment.pk]),
            reverse("surveys:survey_results", args=[Survey.objects.get().pk]),
        ],
        "inspector": [
            reverse("petitions:reception_receipt", args=[visit]),
            reverse("petitions:petition_letter", args=[denunciations[RECEPTION].pk]),
            reverse("api:petition_detail", args=[denunciations[RECEPTION].pk]),
            reverse("core:read_log"),
        ],
        "system_admin": [
            reverse("core:read_log"),
            "/quan-tri/core/sensitiveread/",
            f"/quan-tri/petitions/reception/{visit}/change/",
            f"/quan-tri/petitions/reception/{visit}/history/",
            reverse("petitions:reception_receipt", args=[visit]),
        ],
    }
    for copy in SignedCopy.objects.all():
        # The signed slip opens to those who download the letter, and is crawled.
        reached["inspector"].append(
            reverse("petitions:petition_signed_letter", args=[denunciations[RECEPTION].pk, copy.pk])
        )
    for url in reached.get(role, []):
        assert pages[url].status_code == 200, url
    leaks = [
        f"{path}: {', '.join(_leaks(_text(response), secrets))} on {url}"
        for url, response in pages.items()
        for path, secrets in hidden.items()
        if _leaks(_text(response), secrets)
    ]
    assert not leaks, f"{role} reads who denounced:\n" + "\n".join(leaks)
    stored = [
        url
        for url, response in pages.items()
        if PERSONAL_PAGES.search(urlsplit(url).path)
        and response.status_code == 200
        and "no-store" not in response.get("Cache-Control", "")
    ]
    assert not stored, f"kept by browsers and proxies: {stored}"

    if person is not None:
        for notification in person.notifications.all():
            for path, secrets in hidden.items():
                assert not _leaks(notification.text, secrets), f"notification of {role}: {path}"


SEARCHES = [
    "/tim-kiem/",
    "/tiep-cong-dan/",
    "/tiep-cong-dan/so-tiep-cong-dan/",
    "/api/v1/petitions",
    "/quan-tri/petitions/reception/",
    "/quan-tri/petitions/petition/",
    "/quan-tri/petitions/case/",
]


def _terms(secret: dict) -> list[str]:
    """Parts of what identifies the person, as someone hunting them would
    type them: the given names, without accents, the address's street."""
    given = " ".join(secret["name"].split()[-2:])
    return [given, search_key(given), secret["address"].split(",")[0], secret["phone"][-7:]]


def _found(response, hidden_urls: set[str], hidden_ids: set[int]) -> set:
    text = _text(response)
    if "json" in response.get("Content-Type", "") and response.status_code == 200:
        rows = json.loads(text)
        rows = rows.get("results", rows) if isinstance(rows, dict) else rows
        return {row["id"] for row in rows if row.get("id") in hidden_ids}
    return {link for link in _links(text) if link in hidden_urls}


def _scrub_identities() -> None:
    """Give every stored copy of who came or who denounced another value: a
    search whose results change with it found someone by who they are."""
    for citizen in Citizen.objects.all():
        citizen.full_name, citizen.address, citizen.phone = f"Người Thay Thế {citizen.pk}", "Không rõ", ""
        citizen.identity_number = ""
        citizen.search_text = search_key(citizen.full_name)
        citizen.save()
    DenouncerIdentity.objects.update(
        full_name="Người Thay Thế", address="Không rõ", phone="", identity_number="", representative=""
    )


@pytest.mark.parametrize("role", ROLES)
def test_no_search_finds_a_denunciation_by_its_denouncer(client, request, denunciations, role):
    """Searching a list by a part of a denouncer's name, address or phone
    finds nothing of the denunciation that it would not find had the
    denouncer another name, address and phone: the words may match the
    case's own subject, never the person."""
    person = request.getfixturevalue(role)
    client.force_login(person)
    searches = []
    for path, petition in denunciations.items():
        if _granted(person, petition):
            continue
        hidden_urls = {
            reverse("petitions:petition_detail", args=[petition.pk]),
            f"/quan-tri/petitions/petition/{petition.pk}/change/",
        }
        if petition.reception_id:
            hidden_urls |= {
                reverse("petitions:reception_detail", args=[petition.reception_id]),
                f"/quan-tri/petitions/reception/{petition.reception_id}/change/",
            }
        for page in SEARCHES:
            for term in _terms(SECRETS[path]):
                response = client.get(page, {"q": term})
                assert not _leaks(_text(response), _forbidden(SECRETS[path])), (role, page, term)
                searches.append(
                    (page, term, hidden_urls, petition.pk, _found(response, hidden_urls, {petition.pk}))
                )
    _scrub_identities()
    for page, term, hidden_urls, petition_id, found in searches:
        control = _found(client.get(page, {"q": term}), hidden_urls, {petition_id})
        assert found <= control, (role, page, term)


def test_no_email_names_a_denouncer(denunciations):
    assert mail.outbox, "the overdue scan e-mails the handlers"
    # The denouncer who wrote online is mailed the code: checked like the rest.
    to_denouncer = [m for m in mail.outbox if m.to == [SECRETS[PUBLIC]["email"]]]
    assert to_denouncer and denunciations[PUBLIC].code in to_denouncer[0].body
    public = denunciations[PUBLIC]
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        for path, secret in SECRETS.items():
            assert not _leaks(text, _forbidden(secret)), f"an e-mail names who denounced by the {path} path"
        if message in to_denouncer:
            # Nor what the denunciation says.
            assert public.subject not in text and public.content not in text


@pytest.mark.parametrize(
    ("path", "readers"),
    [
        (PUBLIC, ["agency_head"]),
        (INTAKE, ["agency_head", "inspector"]),
        (RECEPTION, ["agency_head", "office_officer"]),
    ],
)
def test_the_granted_read_the_denouncer_on_the_identity_page(client, request, denunciations, path, readers):
    petition = denunciations[path]
    granted = set(IdentityGrant.objects.filter(identity__petition=petition).values_list("person", flat=True))
    assert granted == {request.getfixturevalue(role).pk for role in readers}
    for role in readers:
        client.force_login(request.getfixturevalue(role))
        response = client.get(reverse("petitions:denouncer_identity", args=[petition.pk]))
        text = _text(response)
        for value in SECRETS[path].values():
            assert value in text, (role, path, value)
        assert "no-store" in response["Cache-Control"]

"""What the sender of an online petition and the agency's staff are told as
the petition moves: the case code at once, then each step the public lookup
shows; the receivers when it arrives, a person when made its handler.

A message to the sender carries the code, the step, its date, the agency,
the legal date of the next answer and the lookup link, and nothing else: not
what the petition says, nor the name of anyone (handler, accused, sender).
Staff notifications name the code, the kind and the date, never who sent it.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import notify
from danvan.core.models import Agency, Role, RoleAssignment, User
from danvan.core.services import notify as notify_staff
from danvan.petitions.models import DenouncerIdentity, Petition

RECEIVED, ACCEPTED, FORWARDED, GUIDED, ANSWERED = "received", "accepted", "forwarded", "guided", "answered"
# The roles told of a petition arriving online: those who receive petitions
# (petitions/permissions.py PETITION_RECEIVER_ROLES: leader, office, inspectorate).
ARRIVAL_ROLES = (Role.AGENCY_LEADER, Role.AGENCY_OFFICE, Role.INSPECTOR)


def _contact(petition: Petition) -> tuple[str, str]:
    """The e-mail and phone the sender gave: a denouncer's from the vault."""
    if petition.is_denunciation:
        identity = DenouncerIdentity.objects.filter(petition=petition).only("email", "phone").first()
        return (identity.email, identity.phone) if identity else ("", "")
    citizen = petition.citizen
    return (citizen.email, citizen.phone) if citizen else ("", "")


def agency_signature(agency: Agency) -> str:
    lines = [agency.name]
    if agency.address:
        lines.append(_("Địa chỉ: %(address)s") % {"address": agency.address})
    if agency.hotline:
        lines.append(_("Đường dây nóng: %(hotline)s") % {"hotline": agency.hotline})
    if agency.email:
        lines.append(_("Thư điện tử: %(email)s") % {"email": agency.email})
    return "\n".join(lines)


def _step_sentence(petition: Petition, step: str, on: date) -> str:
    values = {"agency": petition.agency.name, "day": f"{on:%d/%m/%Y}", "body": petition.competent_body}
    sentences = {
        RECEIVED: _("%(agency)s đã nhận đơn của ông/bà ngày %(day)s."),
        ACCEPTED: _("Ngày %(day)s, %(agency)s đã thụ lý giải quyết đơn của ông/bà."),
        FORWARDED: _(
            "Ngày %(day)s, %(agency)s đã chuyển đơn của ông/bà đến %(body)s là cơ quan có thẩm quyền giải quyết."
        ),
        GUIDED: _("Ngày %(day)s, %(agency)s đã hướng dẫn ông/bà gửi đơn đến cơ quan có thẩm quyền."),
        ANSWERED: _("Ngày %(day)s, %(agency)s đã trả lời đơn của ông/bà."),
    }
    return sentences[step] % values


def _step_title(step: str) -> str:
    titles = {
        RECEIVED: _("Đã nhận đơn"),
        ACCEPTED: _("Đã thụ lý"),
        FORWARDED: _("Đã chuyển đơn"),
        GUIDED: _("Đã hướng dẫn"),
        ANSWERED: _("Đã trả lời"),
    }
    return titles[step]


def citizen_message(petition: Petition, step: str, on: date) -> notify.CitizenMessage | None:
    """The message telling the sender of ``step``; None when they gave no way to reach them."""
    email, phone = _contact(petition)
    if not email and not phone:
        return None
    lookup = f"{settings.SITE_URL}{reverse('petitions_public:lookup')}"
    lines = [_("Kính gửi ông/bà,"), "", _step_sentence(petition, step, on), ""]
    lines.append(_("Mã hồ sơ: %(code)s") % {"code": petition.code})
    if step == FORWARDED:
        lines.append(_("Cơ quan giải quyết: %(body)s") % {"body": petition.competent_body})
    else:
        lines.append(_("Cơ quan giải quyết: %(agency)s") % {"agency": petition.agency.name})
    deadline = petition.answer_deadline()
    if deadline is not None:
        lines.append(
            _("Hạn trả lời theo quy định: %(day)s (%(source)s)")
            % {"day": f"{deadline.due_date:%d/%m/%Y}", "source": deadline.rule.legal_source}
        )
    if step == ANSWERED and petition.public_answer and not petition.is_denunciation:
        lines += ["", _("Nội dung trả lời:"), petition.public_answer]
    lines += [
        "",
        _("Tra cứu kết quả tại %(link)s bằng mã hồ sơ cùng thư điện tử hoặc 4 số cuối điện thoại đã khai.")
        % {"link": lookup},
        _("Thư này được gửi tự động, xin ông/bà không trả lời thư này."),
        "",
        "--",
        agency_signature(petition.agency),
    ]
    subject = _("Đơn %(code)s: %(step)s") % {"code": petition.code, "step": _step_title(step)}
    short = _("%(agency)s: đơn %(code)s %(step)s ngày %(day)s. Tra cứu: %(link)s") % {
        "agency": petition.agency.short_name or petition.agency.name,
        "code": petition.code,
        "step": _step_title(step).lower(),
        "day": f"{on:%d/%m/%Y}",
        "link": lookup,
    }
    return notify.CitizenMessage(
        email=email, phone=phone, subject=subject, body="\n".join(lines), short=short
    )


def tell_sender(petition: Petition, step: str, on: date) -> int:
    """Tell the sender of an online petition of ``step`` through every
    configured channel (core/notify.py); how many channels took it."""
    if petition.source != Petition.Source.ONLINE:
        return 0
    message = citizen_message(petition, step, on)
    return notify.tell_citizen(message) if message is not None else 0


def _detail_url(petition: Petition) -> str:
    return reverse("petitions:petition_detail", args=[petition.pk])


def _kind_label(petition: Petition) -> str:
    return str(Petition.Kind(petition.kind).label)


def tell_receivers_of_arrival(petition: Petition) -> list:
    """Tell the agency's petition receivers that a petition came online."""
    ids = (
        RoleAssignment.objects.current()
        .filter(agency=petition.agency, role__in=ARRIVAL_ROLES)
        .values_list("user", flat=True)
    )
    deadline = petition.answer_deadline()
    text = _("Đơn mới gửi trực tuyến %(code)s (%(kind)s) ngày %(day)s") % {
        "code": petition.code,
        "kind": _kind_label(petition),
        "day": f"{petition.received_on:%d/%m/%Y}",
    }
    if deadline is not None:
        text += _(", hạn xử lý %(day)s") % {"day": f"{deadline.due_date:%d/%m/%Y}"}
    return notify_staff(
        recipients=User.objects.filter(pk__in=ids),
        key=f"petitions:online:{petition.pk}",
        text=text + ".",
        url=_detail_url(petition),
    )


def tell_handler(petition: Petition, handler: User, *, case: bool = False) -> list:
    """Tell a person they were made handler of the petition (or of its case)."""
    values = {"code": petition.code, "kind": _kind_label(petition)}
    if case:
        text = _("Ông/bà được giao giải quyết vụ việc %(code)s (%(kind)s).") % values
    else:
        text = _("Ông/bà được giao xử lý đơn %(code)s (%(kind)s).") % values
    scope = "case" if case else "petition"
    return notify_staff(
        recipients=[handler],
        key=f"petitions:handler:{scope}:{petition.pk}:{handler.pk}",
        text=text,
        url=_detail_url(petition),
    )

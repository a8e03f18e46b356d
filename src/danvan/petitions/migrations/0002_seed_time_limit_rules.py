"""Seed the legal time limits of domain.md 12.2–12.4, each citing its law and
article. A later version of a rule (the 2025 amendments effective 01/07/2026)
is a new row with a later ``effective_from``; nothing in code changes."""

from datetime import date

from django.db import migrations

KN = date(2012, 7, 1)  # Luật Khiếu nại 02/2011/QH13 takes effect.
TC = date(2019, 1, 1)  # Luật Tố cáo 25/2018/QH14 takes effect.
TCD = date(2014, 7, 1)  # Luật Tiếp công dân 42/2013/QH13 takes effect.
WD, D = "working_days", "days"

# code, name, kind, unit, count, complex +, especially complex +, start event, source, effective from
RULES = [
    ("petition.notify", "Thông báo kết quả xử lý đơn", "", WD, 10, None, None,
     "ngày nhận đơn", "Luật Tiếp công dân 2013, Điều 28 khoản 1", TCD),
    ("denunciation.initial_check", "Xử lý ban đầu đơn tố cáo", "denunciation", WD, 7, 3, 3,
     "ngày nhận đơn", "Luật Tố cáo 2018, Điều 24 khoản 1", TC),
    ("denunciation.forward", "Chuyển đơn tố cáo không thuộc thẩm quyền", "denunciation", WD, 5, None, None,
     "ngày nhận đơn", "Luật Tố cáo 2018, Điều 24 khoản 2", TC),
    ("complaint.first.accept", "Thụ lý khiếu nại lần đầu", "complaint", WD, 10, None, None,
     "ngày nhận đơn", "Luật Khiếu nại 2011, Điều 27", KN),
    ("complaint.first.resolve", "Giải quyết khiếu nại lần đầu", "complaint", D, 30, 15, None,
     "ngày thụ lý", "Luật Khiếu nại 2011, Điều 28", KN),
    ("complaint.first.resolve.remote", "Giải quyết khiếu nại lần đầu ở vùng sâu, vùng xa", "complaint", D, 45, 15,
     None, "ngày thụ lý", "Luật Khiếu nại 2011, Điều 28", KN),
    ("complaint.first.send_decision", "Gửi quyết định giải quyết khiếu nại lần đầu", "complaint", WD, 3, None,
     None, "ngày ban hành quyết định", "Luật Khiếu nại 2011, Điều 32", KN),
    ("complaint.first.effect", "Quyết định lần đầu có hiệu lực", "complaint", D, 30, None, None,
     "ngày ban hành quyết định", "Luật Khiếu nại 2011, Điều 44 khoản 1", KN),
    ("complaint.first.effect.remote", "Quyết định lần đầu có hiệu lực (vùng sâu, vùng xa)", "complaint", D, 45,
     None, None, "ngày ban hành quyết định", "Luật Khiếu nại 2011, Điều 44 khoản 1", KN),
    ("complaint.second_window", "Khiếu nại lần hai hoặc khởi kiện", "complaint", D, 30, None, None,
     "ngày nhận quyết định lần đầu", "Luật Khiếu nại 2011, Điều 33 khoản 1", KN),
    ("complaint.second_window.remote", "Khiếu nại lần hai hoặc khởi kiện (vùng sâu, vùng xa)", "complaint", D,
     45, None, None, "ngày nhận quyết định lần đầu", "Luật Khiếu nại 2011, Điều 33 khoản 1", KN),
    ("complaint.second.accept", "Thụ lý khiếu nại lần hai", "complaint", WD, 10, None, None,
     "ngày nhận đơn", "Luật Khiếu nại 2011, Điều 36 khoản 1", KN),
    ("complaint.second.resolve", "Giải quyết khiếu nại lần hai", "complaint", D, 45, 15, None,
     "ngày thụ lý", "Luật Khiếu nại 2011, Điều 37", KN),
    ("complaint.second.resolve.remote", "Giải quyết khiếu nại lần hai ở vùng sâu, vùng xa", "complaint", D, 60,
     10, None, "ngày thụ lý", "Luật Khiếu nại 2011, Điều 37", KN),
    ("complaint.second.send_decision", "Gửi quyết định giải quyết khiếu nại lần hai", "complaint", D, 7, None,
     None, "ngày ban hành quyết định", "Luật Khiếu nại 2011, Điều 41 khoản 1", KN),
    ("complaint.second.effect", "Quyết định lần hai có hiệu lực", "complaint", D, 30, None, None,
     "ngày ban hành quyết định", "Luật Khiếu nại 2011, Điều 44 khoản 2", KN),
    ("complaint.second.effect.remote", "Quyết định lần hai có hiệu lực (vùng sâu, vùng xa)", "complaint", D, 45,
     None, None, "ngày ban hành quyết định", "Luật Khiếu nại 2011, Điều 44 khoản 2", KN),
    ("complaint.limitation", "Thời hiệu khiếu nại", "complaint", D, 90, None, None,
     "ngày nhận được hoặc biết quyết định, hành vi", "Luật Khiếu nại 2011, Điều 9", KN),
    ("denunciation.notify_acceptance", "Thông báo thụ lý tố cáo", "denunciation", WD, 5, None, None,
     "ngày ra quyết định thụ lý", "Luật Tố cáo 2018, Điều 29 khoản 3", TC),
    ("denunciation.resolve", "Giải quyết tố cáo", "denunciation", D, 30, 30, 60,
     "ngày thụ lý", "Luật Tố cáo 2018, Điều 30", TC),
    ("denunciation.send_suspension", "Gửi quyết định tạm đình chỉ, đình chỉ", "denunciation", WD, 5, None, None,
     "ngày ra quyết định", "Luật Tố cáo 2018, Điều 34 khoản 4", TC),
    ("denunciation.send_conclusion", "Gửi kết luận nội dung tố cáo", "denunciation", WD, 5, None, None,
     "ngày ban hành kết luận", "Luật Tố cáo 2018, Điều 35 khoản 2", TC),
    ("denunciation.handle_conclusion", "Xử lý kết luận nội dung tố cáo", "denunciation", WD, 7, None, None,
     "ngày ban hành kết luận", "Luật Tố cáo 2018, Điều 36", TC),
    ("denunciation.publish", "Công khai kết luận nội dung tố cáo", "denunciation", WD, 7, None, None,
     "ngày ban hành kết luận", "Luật Tố cáo 2018, Điều 40", TC),
    ("denunciation.review_re_denunciation", "Xem xét tố cáo tiếp", "denunciation", D, 20, None, None,
     "ngày nhận tố cáo tiếp", "Luật Tố cáo 2018, Điều 37", TC),
    ("denunciation.overdue_report", "Báo cáo khi quá hạn giải quyết tố cáo", "denunciation", WD, 5, None, None,
     "ngày nhận yêu cầu", "Luật Tố cáo 2018, Điều 38; Nghị định 31/2019/NĐ-CP, Điều 5", TC),
    ("reception.publish_schedule", "Thông báo lịch tiếp công dân của lãnh đạo (trước ngày tiếp)", "", WD, 5,
     None, None, "ngày tiếp", "Luật Tiếp công dân 2013, Điều 24 khoản 4", TCD),
]


def seed(apps, schema_editor):
    rule = apps.get_model("petitions", "TimeLimitRule")
    for code, name, kind, unit, count, plus, plus2, event, source, start in RULES:
        rule.objects.get_or_create(
            code=code,
            effective_from=start,
            defaults={
                "name": name,
                "kind": kind,
                "unit": unit,
                "count": count,
                "complex_extension": plus,
                "especially_complex_extension": plus2,
                "start_event": event,
                "legal_source": source,
            },
        )


def unseed(apps, schema_editor):
    rule = apps.get_model("petitions", "TimeLimitRule")
    rule.objects.filter(code__in=[row[0] for row in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial_petitions")]

    operations = [migrations.RunPython(seed, unseed)]

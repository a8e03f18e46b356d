from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from danvan.core.services import send_daily_digests
from danvan.petitions.services import escalate_overdue_deadlines, send_deadline_reminders
from danvan.plans.services import close_finished_plans, mark_overdue_tasks, send_task_reminders
from danvan.reports.services import send_report_reminders


class Command(BaseCommand):
    help = (
        "Quét hạn hằng ngày: kết thúc kế hoạch của năm đã qua, đánh dấu nhiệm vụ quá hạn (báo Văn phòng và trưởng đơn vị), nhắc trước hạn "
        "theo số ngày của từng cơ quan và vào ngày đến hạn, nhắc người xử lý đơn thư trước hạn và vào ngày đến hạn, báo thủ trưởng khi quá hạn, "
        "nhắc nộp báo cáo, gửi thư tổng hợp. Chạy lại trong ngày không gửi trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--ngay", help="Ngày quét, dạng dd/mm/yyyy (mặc định: hôm nay).")

    def handle(self, *args, ngay=None, **options):
        today = self._day(ngay) if ngay else timezone.localdate()
        closed = close_finished_plans(today=today)
        overdue = mark_overdue_tasks(today=today)
        reminders = send_task_reminders(today=today)
        case_reminders = send_deadline_reminders(today=today)
        case_overdue = escalate_overdue_deadlines(today=today)
        report_reminders = send_report_reminders(today=today)
        digests = send_daily_digests()
        self.stdout.write(
            f"{today:%d/%m/%Y}: {closed} kế hoạch kết thúc, {overdue} nhiệm vụ quá hạn, "
            f"{reminders} lời nhắc, {case_reminders} lời nhắc hạn đơn thư, "
            f"{case_overdue} thông báo đơn thư quá hạn, {report_reminders} lời nhắc nộp báo cáo, "
            f"{digests} thư tổng hợp."
        )

    def _day(self, text: str) -> date:
        try:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        except ValueError as error:
            raise CommandError(f"Ngày «{text}» không hợp lệ; hãy nhập dạng dd/mm/yyyy.") from error

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from danvan.core.jobs import run_daily_steps
from danvan.core.outbox import outbox_summary


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
        # The steps the apps register (core/jobs.py), in their order.
        # Each runs on its own; a failed one is named, and the command exits 1.
        done = run_daily_steps(today)
        worked = [result for result in done if result.ok]
        self.stdout.write(f"{today:%d/%m/%Y}: {', '.join(str(result) for result in worked)}.")
        mail = outbox_summary()
        if mail["pending"] or mail["failed"]:
            self.stdout.write(
                f"Hộp thư đi: {mail['pending']} thư chờ gửi, {mail['failed']} thư không gửi được "
                "(xem trang quản trị, mục Hộp thư đi)."
            )
        failed = [result for result in done if not result.ok]
        for result in failed:
            self.stderr.write(f"Bước {result.step.name}, ngày {result.day:%d/%m/%Y}: {result.error}")
        if failed:
            raise CommandError(
                f"{len(failed)} bước không chạy xong; các bước khác đã chạy. Lần quét sau sẽ chạy bù."
            )

    def _day(self, text: str) -> date:
        try:
            day, month, year = (int(part) for part in text.split("/"))
            return date(year, month, day)
        except ValueError as error:
            raise CommandError(f"Ngày «{text}» không hợp lệ; hãy nhập dạng dd/mm/yyyy.") from error

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def gunicorn_command(*, bind: str, workers: int) -> list[str]:
    """What ``serve --prod`` runs; bench/bench_public.py serves its lookup
    with the threads this command deploys, so it reads them here."""
    command = [sys.executable, "-m", "gunicorn", "danvan.wsgi:application", "--bind", bind]
    command += ["--workers", str(workers), "--access-logfile", "-", "--forwarded-allow-ips", "*"]
    return command


class Command(BaseCommand):
    help = "Chạy máy chủ web: máy chủ phát triển, hoặc gunicorn khi có --prod."

    def add_arguments(self, parser):
        parser.add_argument("--prod", action="store_true", help="Chạy bằng gunicorn (môi trường vận hành).")
        parser.add_argument("--bind", default="127.0.0.1:8000", help="Địa chỉ:cổng, mặc định 127.0.0.1:8000.")
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)

    def handle(self, *args, bind, prod, workers, **options):
        if workers < 1:
            raise CommandError("Số tiến trình phải lớn hơn 0.")
        if not prod:
            call_command("runserver", bind, use_reloader=False)
            return
        command = gunicorn_command(bind=bind, workers=workers)
        os.execv(sys.executable, command)  # noqa: S606 - replaces this process with gunicorn

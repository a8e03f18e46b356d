from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from danvan.core import backup
from danvan.core.management.commands.backup import size_in_words, verified


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của «danvan backup» vào CSDL trống (PostgreSQL: CSDL mới tạo bằng createdb; "
        "SQLite: tệp chưa có) và thư mục tệp tải lên, rồi kiểm tra số dòng, tệp và mã kiểm tra. "
        "Bản sao lưu hỏng thì không thay đổi gì. --check chỉ kiểm tra bản sao lưu."
    )

    def add_arguments(self, parser):
        parser.add_argument("src", help="Thư mục bản sao lưu.")
        parser.add_argument("--check", action="store_true", help="Chỉ kiểm tra bản sao lưu, không khôi phục.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Xóa toàn bộ dữ liệu của CSDL đích (và ghi đè tệp trùng tên) rồi khôi phục.",
        )
        parser.add_argument(
            "--allow-missing",
            action="store_true",
            help="Vẫn khôi phục bản sao lưu mà lúc sao lưu đã thiếu một số tệp (ghi trong manifest.json).",
        )

    def handle(self, *args, src, check=False, force=False, allow_missing=False, **options):
        path = Path(src)
        try:
            if check:
                manifest = backup.check_backup(path, allow_missing=allow_missing)
                self.stdout.write(verified(path, manifest))
                return
            summary = backup.restore_backup(path, force=force, allow_missing=allow_missing)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        manifest = summary.manifest
        self.stdout.write(
            _(
                "Đã khôi phục bản sao lưu tạo lúc %(created)s (%(vendor)s) vào %(database)s: %(tables)s bảng, "
                "%(rows)s dòng, %(files)s tệp (%(size)s) vào %(media)s. Đã kiểm tra: số dòng từng bảng khớp "
                "manifest, mọi tệp CSDL ghi tên đều có và đúng mã kiểm tra sha256."
            )
            % {
                "created": backup.created_at(manifest),
                "vendor": backup.VENDORS[manifest["vendor"]],
                "database": settings.DATABASES["default"]["NAME"],
                "tables": len(manifest["row_counts"]),
                "rows": summary.rows,
                "files": len(manifest["files"]),
                "size": size_in_words(summary.size),
                "media": settings.MEDIA_ROOT,
            }
        )
        if manifest["missing"]:
            self.stdout.write(
                _("%(count)s tệp đã thiếu từ lúc sao lưu (xem «missing» trong manifest.json).")
                % {"count": len(manifest["missing"])}
            )
        if summary.pending_migrations:
            self.stdout.write(
                _(
                    "Bản khôi phục cũ hơn mã nguồn: còn %(count)s migration chưa áp dụng, hãy chạy «danvan migrate»."
                )
                % {"count": summary.pending_migrations}
            )

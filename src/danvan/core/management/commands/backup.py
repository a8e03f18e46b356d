from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from danvan.core import backup


class Command(BaseCommand):
    help = (
        "Sao lưu CSDL và tệp tải lên vào một thư mục mới: chụp CSDL trước (SQLite: sao lưu trực tuyến; "
        "PostgreSQL: pg_dump), rồi chép mọi tệp mà bản chụp ghi tên, kèm mã kiểm tra sha256, vào manifest.json. "
        "Chạy được khi hệ thống đang làm việc. --verify THƯ_MỤC kiểm tra một bản sao lưu đã có."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "dest", help="Thư mục mới để ghi bản sao lưu (hoặc bản cần kiểm tra, với --verify)."
        )
        parser.add_argument(
            "--verify",
            action="store_true",
            help="Chỉ kiểm tra bản sao lưu: đủ tệp, đúng mã kiểm tra, đúng số dòng từng bảng.",
        )

    def handle(self, *args, dest, verify=False, **options):
        path = Path(dest)
        try:
            if verify:
                manifest = backup.check_backup(path)
                self.stdout.write(verified(path, manifest))
                return
            manifest = backup.create_backup(path)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Đã sao lưu %(vendor)s vào %(path)s: %(tables)s bảng, %(rows)s dòng, "
                "%(files)s tệp (%(size)s). Kiểm tra lại: danvan backup --verify %(path)s"
            )
            % {
                "vendor": backup.VENDORS[manifest["vendor"]],
                "path": path,
                "tables": len(manifest["row_counts"]),
                "rows": sum(manifest["row_counts"].values()),
                "files": len(manifest["files"]),
                "size": size_in_words(sum(entry["size"] for entry in manifest["files"].values())),
            }
        )


def verified(path: Path, manifest: dict) -> str:
    values = {
        "path": path,
        "created": backup.created_at(manifest),
        "vendor": backup.VENDORS[manifest["vendor"]],
        "tables": len(manifest["row_counts"]),
        "files": len(manifest["files"]),
    }
    if manifest["vendor"] == "sqlite":
        return (
            _(
                "Bản sao lưu %(path)s (tạo lúc %(created)s, %(vendor)s) dùng được: tệp CSDL đúng mã kiểm tra, "
                "%(tables)s bảng đúng số dòng, đủ %(files)s tệp đúng mã kiểm tra."
            )
            % values
        )
    # The rows of a dump are counted once it is restored (danvan restore checks them).
    return (
        _(
            "Bản sao lưu %(path)s (tạo lúc %(created)s, %(vendor)s) dùng được: tệp CSDL đúng mã kiểm tra và "
            "đọc được, đủ %(files)s tệp đúng mã kiểm tra; số dòng của %(tables)s bảng được kiểm tra khi khôi phục."
        )
        % values
    )


def size_in_words(size: int) -> str:
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": f"{size / 1024:.1f}".replace(".", ",")}
    return _("%(size)s MB") % {"size": f"{size / 1024 / 1024:.1f}".replace(".", ",")}
